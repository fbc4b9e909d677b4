#!/usr/bin/env bash
# Times `gov sign-off` on a generated 10k-commit repository, from JVM start to the evidence posted to a
# local WireMock standing in for GitHub's API (--post github), and warm inside one JVM.
#
#   gov-bench/signoff-benchmark.sh            # 7 cold runs each way, 20 warm runs
#   gov-bench/signoff-benchmark.sh --quick    # 3 cold runs, 8 warm runs
#
# Prints a Markdown table. The repository, gate files and WireMock go to gov-bench/target/ (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=7; WARM=20; COMMITS=10000
case "${1:-}" in
  --quick) RUNS=3; WARM=8 ;;
  "") ;;
  *) echo "unknown option '$1': use --quick" >&2; exit 2 ;;
esac

DATA=gov-bench/target/bench-data
TOOLS=gov-bench/target/tools
OUT=gov-bench/target/results
JAR=gov-bench/target/benchmarks.jar
GOV_JAR=gov-cli/target/gov.jar
WIREMOCK_VERSION=3.13.2
mkdir -p "$DATA" "$TOOLS" "$OUT"

echo "== building gov-cli and gov-bench" >&2
./mvnw -B -q -o -pl gov-bench,gov-cli -am package -DskipTests
WIREMOCK="$TOOLS/wiremock-standalone-$WIREMOCK_VERSION.jar"
[ -f "$WIREMOCK" ] || ./mvnw -B -q -o dependency:copy "-Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
    "-DoutputDirectory=$TOOLS"

REPO="$DATA/repo-$COMMITS"
if [ ! -d "$REPO/.git" ]; then
  echo "== generating a $COMMITS-commit repository" >&2
  rm -rf "$REPO"
  java -cp "$JAR" dev.governor.bench.GitRepoGenerator "$REPO" "$COMMITS"
fi
SHA=$(git -C "$REPO" rev-parse HEAD)

GATES="$DATA/signoff-gates"
mkdir -p "$GATES"
cat > "$GATES/checkstyle.xml" <<XML
<checkstyle version="10"><file name="src/A.java"><error line="3" severity="warning" message="long line"/></file></checkstyle>
XML
{ echo '<testsuite name="all" tests="400">'; for i in $(seq 400); do echo "<testcase classname=\"T$((i % 20))\" name=\"t$i\"/>"; done; echo '</testsuite>'; } > "$GATES/junit.xml"
echo '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL"}}, "results": [{"ruleId": "js/x", "level": "warning", "message": {"text": "w"}}]}]}' > "$GATES/scan.sarif"

# a local GitHub API: every commit comment is created
MOCK="gov-bench/target/wiremock"
mkdir -p "$MOCK/mappings"
cat > "$MOCK/mappings/comment.json" <<JSON
{"request": {"method": "POST", "urlPathPattern": "/repos/acme/bench/commits/[0-9a-f]+/comments"},
 "response": {"status": 201, "headers": {"Content-Type": "application/json"}, "jsonBody": {"html_url": "http://127.0.0.1/c/1"}}}
JSON
PORT=$((20000 + RANDOM % 10000))
java -jar "$WIREMOCK" --port "$PORT" --bind-address 127.0.0.1 --root-dir "$MOCK" --disable-banner >"$OUT/wiremock.log" 2>&1 &
MOCK_PID=$!
trap 'kill $MOCK_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/__admin/mappings" && break; sleep 0.1; done

export GITHUB_TOKEN=bench-token GITHUB_REPOSITORY=acme/bench GITHUB_API_URL="http://127.0.0.1:$PORT" GITHUB_ACTOR=bench
ARGS=(sign-off --repo "$REPO" --sha "$SHA" --env prod --gate lint="$GATES/checkstyle.xml"
      --gate typecheck="$GATES/junit.xml" --gate security-scan="$GATES/scan.sarif" --post github)
FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)

# wall ms of one command, its exit code tolerated (a generated history has blocking findings: exit 1)
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>"$OUT/signoff-last.err" || [ $? -eq 1 ] || { cat "$OUT/signoff-last.err" >&2; exit 2; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "== cold, fact cache warm (a CI rerun): $RUNS runs" >&2
java "${FLAGS[@]}" -jar "$GOV_JAR" "${ARGS[@]}" >/dev/null 2>&1 || true   # fills .git/governor
warm_cache=(); for _ in $(seq "$RUNS"); do warm_cache+=("$(ms java "${FLAGS[@]}" -jar "$GOV_JAR" "${ARGS[@]}")"); done
echo "== cold, fact cache cold (a fresh clone): $RUNS runs" >&2
cold_cache=(); for _ in $(seq "$RUNS"); do rm -rf "$REPO/.git/governor"; cold_cache+=("$(ms java "${FLAGS[@]}" -jar "$GOV_JAR" "${ARGS[@]}")"); done
echo "== cold, JVM defaults, fact cache warm: $RUNS runs" >&2
java -jar "$GOV_JAR" "${ARGS[@]}" >/dev/null 2>&1 || true
plain=(); for _ in $(seq "$RUNS"); do plain+=("$(ms java -jar "$GOV_JAR" "${ARGS[@]}")"); done
echo "== baselines: gov check on the same repository, and gov --version, same flags" >&2
check=(); for _ in $(seq "$RUNS"); do check+=("$(ms java "${FLAGS[@]}" -jar "$GOV_JAR" check --repo "$REPO")"); done
jvm=(); for _ in $(seq "$RUNS"); do jvm+=("$(ms java "${FLAGS[@]}" -jar "$GOV_JAR" --version)"); done
echo "== warm: $WARM sign-offs inside one JVM" >&2
java "${FLAGS[@]}" -cp "$JAR" dev.governor.bench.SignOffTimer "$WARM" "${ARGS[@]}" | tee "$OUT/signoff-warm.txt" >&2
POSTS=$(curl -s "http://127.0.0.1:$PORT/__admin/requests/count" -d '{"method": "POST"}' | sed 's/[^0-9]//g')

m() { printf '%s\n' "$@" | median; }
echo
echo "| gov sign-off, $COMMITS commits, evidence posted to a local WireMock | median | runs (ms) |"
echo "| --- | --- | --- |"
echo "| cold JVM (./gov's flags), fact cache warm | $(m "${warm_cache[@]}") ms | ${warm_cache[*]} |"
echo "| cold JVM (./gov's flags), fact cache cold (fresh clone) | $(m "${cold_cache[@]}") ms | ${cold_cache[*]} |"
echo "| cold JVM (JVM defaults), fact cache warm | $(m "${plain[@]}") ms | ${plain[*]} |"
echo "| baseline: gov check --repo (same repository, flags and fact cache) | $(m "${check[@]}") ms | ${check[*]} |"
echo "| baseline: gov --version (JVM start and exit only) | $(m "${jvm[@]}") ms | ${jvm[*]} |"
echo "| warm, inside one JVM (median of runs 2..$WARM; first run $(awk '/^first-run-ms/ { print $2 }' "$OUT/signoff-warm.txt") ms) | $(awk '/^warm-median-ms/ { print $2 }' "$OUT/signoff-warm.txt") ms | |"
awk -v s="$(m "${warm_cache[@]}")" -v c="$(m "${check[@]}")" -v v="$(m "${jvm[@]}")" \
    'BEGIN { printf "\nsign-off / gov check (cold, cache warm): %.2fx; sign-off / gov --version: %.1fx\n", s / c, s / v }'
echo
echo "Comments the local GitHub API received: $POSTS (expected $((RUNS * 3 + 2 + WARM)))."
