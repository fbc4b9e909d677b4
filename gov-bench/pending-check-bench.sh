#!/usr/bin/env bash
# check_pending in a warm session (as gov mcp runs it) on 10k- and 100k-commit repositories, and the
# commit-msg hook cold (JVM start included). Figures for BENCHMARKS.md, "AI sessions" (issue 13).
#   gov-bench/pending-check-bench.sh [--quick] [COMMITS...]     (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-40}; HOOK_RUNS=${HOOK_RUNS:-7}
if [ "${1:-}" = "--quick" ]; then RUNS=10; HOOK_RUNS=3; shift; fi
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)

DATA=gov-bench/target/bench-data
JAR=gov-bench/target/benchmarks.jar
GOV_JAR=$(pwd)/gov-cli/target/gov.jar
mkdir -p "$DATA"
echo "== building gov-cli and gov-bench" >&2
./mvnw -B -q -o -pl gov-bench,gov-cli -am package -DskipTests

for n in "${SIZES[@]}"; do
  REPO="$DATA/repo-$n"
  if [ ! -d "$REPO/.git" ]; then
    echo "== generating a $n-commit repository" >&2
    rm -rf "$REPO"
    java -cp "$JAR" dev.governor.bench.GitRepoGenerator "$REPO" "$n"
  fi
  git -C "$REPO" checkout -q -f main
  git -C "$REPO" reset -q --hard
  # the staged change: an edit to the file the history touched last
  file=$(git -C "$REPO" log -1 --format= --name-only --diff-filter=AM | head -1)
  echo "// staged" >> "$REPO/$file"
  git -C "$REPO" add "$file"
  echo "== $n commits: check_pending in a warm session ($RUNS runs)" >&2
  java -cp "$JAR" dev.governor.bench.PendingCheckTimer "$REPO" "$RUNS"

  echo "== $n commits: the commit-msg hook cold, JVM start included ($HOOK_RUNS runs; fact cache warm)" >&2
  msg=$(mktemp); printf 'fix: round the totals\n\nRisk: low\n' > "$msg"
  flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
  java -jar "$GOV_JAR" hooks install --repo "$REPO" --gov "java $flags -jar $GOV_JAR" >/dev/null
  hook="$(git -C "$REPO" rev-parse --git-path hooks)/commit-msg"
  case "$hook" in /*) ;; *) hook="$(cd "$REPO" && pwd)/$hook" ;; esac
  # the hook must have run gov: a refusal (exit 1) is expected, anything else is a broken measurement
  (cd "$REPO" && "$hook" "$msg" >/dev/null 2>&1) && rc=0 || rc=$?
  [ "$rc" -le 1 ] || { echo "the commit-msg hook failed (exit $rc)" >&2; exit 2; }
  times=(); base=()
  for i in $(seq "$HOOK_RUNS"); do
    s=$(date +%s%N); (cd "$REPO" && "$hook" "$msg" >/dev/null 2>&1) || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
    s=$(date +%s%N); java $flags -jar "$GOV_JAR" --version >/dev/null; e=$(date +%s%N)
    base+=($(( (e - s) / 1000000 )))
  done
  java -jar "$GOV_JAR" hooks install --repo "$REPO" --uninstall >/dev/null
  rm -f "$msg"
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo "hook cold: median $(median "${times[@]}") ms (runs: ${times[*]}) | baseline gov --version: median $(median "${base[@]}") ms (runs: ${base[*]})"
  git -C "$REPO" reset -q --hard
done
