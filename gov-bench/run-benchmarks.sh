#!/usr/bin/env bash
# Runs Governor's benchmarks and prints a Markdown table of the results, with ratios against the
# baselines measured in the same run (the plain-Java Intent pass; C git log).
#
#   gov-bench/run-benchmarks.sh            # full run (about 15 minutes on 2 cores)
#   gov-bench/run-benchmarks.sh --quick    # a short run: smaller sizes, fewer iterations
#   gov-bench/run-benchmarks.sh --only intent,history,startup   # some of the three parts
#
# Generated repositories and results go to gov-bench/target/ (never committed).
set -euo pipefail

cd "$(dirname "$0")/.."

QUICK=0
PARTS=intent,history,startup
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) shift; PARTS="${1:-}" ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option '$1': use --quick and/or --only intent,history,startup" >&2; exit 2 ;;
  esac
  shift
done
for part in ${PARTS//,/ }; do
  case "$part" in
    intent|history|startup) ;;
    *) echo "unknown part '$part' after --only: use intent, history and/or startup" >&2; exit 2 ;;
  esac
done
wants() { [[ ",$PARTS," == *",$1,"* ]]; }

OUT=gov-bench/target/results
DATA=gov-bench/target/bench-data
JAR=gov-bench/target/benchmarks.jar
GOV_JAR=gov-cli/target/gov.jar
mkdir -p "$OUT" "$DATA"

modules=gov-bench
if [ -f gov-cli/pom.xml ]; then modules=gov-bench,gov-cli; fi
echo "== building $modules" >&2
./mvnw -B -q -pl "$modules" -am package -DskipTests

have_class() { unzip -l "$JAR" "$1" >/dev/null 2>&1; }

if [ "$QUICK" = 1 ]; then
  INTENT_ARGS=(-p changes=10000,100000 -wi 1 -i 2 -w 1 -r 1)
  HISTORY_COMMITS=10000
  HISTORY_ARGS=(-wi 1 -i 2 -w 1 -r 1)
  STARTUP_RUNS=3
else
  INTENT_ARGS=()
  HISTORY_COMMITS=50000
  HISTORY_ARGS=()
  STARTUP_RUNS=7
fi

INTENT=0
if wants intent; then
  INTENT=1
  echo "== (a) Intent rules vs the plain-Java pass" >&2
  java -jar "$JAR" 'IntentBench' "${INTENT_ARGS[@]}" -prof gc -rf csv -rff "$OUT/intent.csv" | tee "$OUT/intent.log" >&2
fi

HISTORY=0
if ! wants history; then
  :
elif have_class 'dev/governor/bench/HistoryReadBench.class'; then
  HISTORY=1
  REPO="$DATA/repo-$HISTORY_COMMITS"
  if [ ! -d "$REPO/.git" ]; then
    echo "== generating a $HISTORY_COMMITS-commit repository" >&2
    rm -rf "$REPO"
    java -cp "$JAR" dev.governor.bench.GitRepoGenerator "$REPO" "$HISTORY_COMMITS"
  fi
  rm -rf "$REPO/.git/governor" # the adapter's cache: the benchmark fills it itself
  echo "== (b) history read: git adapter and gov check vs C git log" >&2
  java -jar "$JAR" 'HistoryReadBench' -p "commits=$HISTORY_COMMITS" "${HISTORY_ARGS[@]}" \
      -jvmArgsAppend "-Dgov.bench.repo=$REPO" -rf csv -rff "$OUT/history.csv" | tee "$OUT/history.log" >&2
  if command -v hyperfine >/dev/null 2>&1; then
    echo "== (b') C git log alone, with hyperfine" >&2
    hyperfine -w 1 -r 5 --export-markdown "$OUT/git-log.md" \
        "git -C $REPO log --first-parent --name-status -M main" >&2 || true
  fi
else
  echo "== (b) skipped: the git adapter (gov-adapters' GitHistory) is not in this build" >&2
fi

STARTUP=0
if ! wants startup; then
  :
elif [ -f "$GOV_JAR" ]; then
  STARTUP=1
  SMALL="$DATA/repo-1000"
  if [ ! -d "$SMALL/.git" ]; then
    rm -rf "$SMALL"
    java -cp "$JAR" dev.governor.bench.GitRepoGenerator "$SMALL" 1000
  fi
  echo "== (c) start-up: java -jar $GOV_JAR check on a 1k-commit repository, $STARTUP_RUNS runs" >&2
  java -cp "$JAR" dev.governor.bench.StartupTimer "$STARTUP_RUNS" \
      java -jar "$GOV_JAR" check --repo "$SMALL" | tee "$OUT/startup.txt" >&2
  # the same command's CPU time (user + sys, every thread): busy machines disturb it less than wall time
  cpu=()
  for _ in $(seq "$STARTUP_RUNS"); do
    t=$( { TIMEFORMAT='%U %S'; time java -jar "$GOV_JAR" check --repo "$SMALL" >/dev/null 2>&1 || true; } 2>&1 )
    cpu+=("$(awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d", (a[1] + a[2]) * 1000 }')")
  done
  # the ./gov launcher's JVM flags (docs/cli.md): C1 only, serial GC, the default CDS archive
  java -cp "$JAR" dev.governor.bench.StartupTimer "$STARTUP_RUNS" \
      java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -jar "$GOV_JAR" check --repo "$SMALL" \
      | sed 's/^/launcher-/' | tee -a "$OUT/startup.txt" >&2
  echo "cpu-median-ms $(printf '%s\n' "${cpu[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int(NR / 2) + 1] }')" \
      | tee -a "$OUT/startup.txt" >&2
else
  echo "== (c) skipped: $GOV_JAR was not built (no gov-cli module yet)" >&2
fi

# ---- the table -------------------------------------------------------------------------------
# score FILE BENCHMARK [PARAM]: the score column of a JMH CSV row (benchmark name without package)
score() {
  awk -F',' -v b="$2" -v p="${3:-}" '
    NR > 1 {
      gsub(/"|\r/, "")
      name = $1; sub(/^.*bench\./, "", name)        # dev.governor.bench.IntentBench.rules -> IntentBench.rules
      # AuxCounters events (cpuMsPerCheck) are summed over the iterations: report their mean
      if (name == b && (p == "" || $8 == p)) { print (b ~ /:cpuMsPerCheck$/ ? $5 / $4 : $5); exit }
    }' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2fx", a / b }'; }
ms() { awk -v a="$1" 'BEGIN { if (a == "") print "n/a"; else if (a >= 100) printf "%.0f ms", a; else printf "%.1f ms", a }'; }
mib() { awk -v a="$1" 'BEGIN { if (a == "") print "n/a"; else printf "%.0f MiB", a / 1048576 }'; }
# heap N K: the K-th heap-after line of size N (JMH runs plainJava's trials before rules')
heap() { grep -o "heap-after changes=$1 used=[0-9]* MiB" "$OUT/intent.log" | sed -n "$2p" | sed 's/.*used=//'; }

echo
echo "| measurement | size | Governor | baseline | ratio | target |"
echo "| --- | --- | --- | --- | --- | --- |"
[ "$INTENT" = 1 ] && for n in $(awk -F',' 'NR > 1 { gsub(/"|\r/, ""); if ($1 ~ /IntentBench.rules$/) print $8 }' "$OUT/intent.csv" | sort -n | uniq); do
  r=$(score "$OUT/intent.csv" IntentBench.rules "$n")
  j=$(score "$OUT/intent.csv" IntentBench.plainJava "$n")
  target=""; [ "$n" = 1000000 ] && target="≤ 3x"
  echo "| Intent check, time per check (rules vs plain Java) | $n changes | $(ms "$r") | $(ms "$j") | $(ratio "$r" "$j") | $target |"
  ra=$(score "$OUT/intent.csv" IntentBench.rules:gc.alloc.rate.norm "$n")
  ja=$(score "$OUT/intent.csv" IntentBench.plainJava:gc.alloc.rate.norm "$n")
  echo "| Intent check, allocated per check | $n changes | $(mib "$ra") | $(mib "$ja") | $(ratio "$ra" "$ja") | |"
  rc=$(score "$OUT/intent.csv" IntentBench.rules:cpuMsPerCheck "$n")
  jc=$(score "$OUT/intent.csv" IntentBench.plainJava:cpuMsPerCheck "$n")
  echo "| Intent check, CPU time of the checking thread per check | $n changes | $(ms "$rc") | $(ms "$jc") | $(ratio "$rc" "$jc") | |"
  echo "| Intent check, heap in use after the trial | $n changes | $(heap "$n" 2) | $(heap "$n" 1) | | |"
done
if [ "$HISTORY" = 1 ]; then
  g=$(score "$OUT/history.csv" HistoryReadBench.cGitLog "$HISTORY_COMMITS")
  for b in adapterCold adapterCached govCheck; do
    s=$(score "$OUT/history.csv" "HistoryReadBench.$b" "$HISTORY_COMMITS")
    target=""; [ "$b" = adapterCold ] && target="≤ 1.5x"
    echo "| history read: $b vs git log --first-parent --name-status -M | $HISTORY_COMMITS commits | $(ms "$s") | $(ms "$g") | $(ratio "$s" "$g") | $target |"
  done
fi
if [ "$STARTUP" = 1 ]; then
  first=$(awk '/^first-finding-median-ms/ { print $2 }' "$OUT/startup.txt")
  whole=$(awk '/^exit-median-ms/ { print $2 }' "$OUT/startup.txt")
  cpu=$(awk '/^cpu-median-ms/ { print $2 }' "$OUT/startup.txt")
  echo "| gov check start-up: JVM start to first finding, wall (median of $STARTUP_RUNS; to exit: $whole ms) | 1000 commits | $first ms | | | < 1500 ms |"
  echo "| gov check start-up: CPU time, user + sys (median of $STARTUP_RUNS) | 1000 commits | $cpu ms | | | |"
  flags=$(awk '/^launcher-first-finding-median-ms/ { print $2 }' "$OUT/startup.txt")
  echo "| gov check start-up with ./gov's JVM flags: JVM start to first finding, wall (median of $STARTUP_RUNS) | 1000 commits | $flags ms | | | < 1500 ms |"
fi
