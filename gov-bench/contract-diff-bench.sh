#!/usr/bin/env bash
# Times `gov diff BASE REVISION` against openapi-diff's own command line on the same pair, in the same run,
# alternating the two, and prints each run's wall time and the medians with their ratio.
#
#   gov-bench/contract-diff-bench.sh BASE REVISION OPENAPI_DIFF_CLASSPATH [RUNS]
#
# BASE, REVISION: two versions of one OpenAPI description (files; they are not part of the project).
# OPENAPI_DIFF_CLASSPATH: a class path holding org.openapitools.openapidiff.cli.Main (openapi-diff's cli
#   module built from its source with openapi-diff-core, commons-cli and logback-classic from Maven Central:
#   the command-line jar is not published there).
# RUNS: runs of each (default 5). gov.jar is built first if it is missing (./gov builds it the same way).
# Both run with the JVM's default flags: what a user's `java -jar` gives them.
set -uo pipefail

cd "$(dirname "$0")/.."
if [ $# -lt 3 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
BASE=$1
REVISION=$2
OAD_CP=$3
RUNS=${4:-5}
GOV_JAR=gov-cli/target/gov.jar
if [ ! -f "$GOV_JAR" ]; then
  ./mvnw -B -o -q package -pl gov-cli -am -DskipTests || exit 2
fi
OUT=gov-bench/target/contract-diff
mkdir -p "$OUT"

seconds() { # runs a command, prints "<seconds> <exit code>"
  local start end code
  start=$(date +%s.%N)
  "$@" > "$OUT/stdout.txt" 2> "$OUT/stderr.txt"
  code=$?
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $code"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$OUT/gov.txt"
: > "$OUT/openapi-diff.txt"
echo "| run | gov diff (s, exit) | openapi-diff (s, exit) |"
echo "| --- | --- | --- |"
for i in $(seq 1 "$RUNS"); do
  g=$(seconds java -jar "$GOV_JAR" diff "$BASE" "$REVISION")
  o=$(seconds java -cp "$OAD_CP" org.openapitools.openapidiff.cli.Main "$BASE" "$REVISION")
  echo "$g" | cut -d' ' -f1 >> "$OUT/gov.txt"
  echo "$o" | cut -d' ' -f1 >> "$OUT/openapi-diff.txt"
  echo "| $i | $g | $o |"
done
G=$(median < "$OUT/gov.txt")
O=$(median < "$OUT/openapi-diff.txt")
echo
echo "median: gov diff ${G} s, openapi-diff ${O} s, ratio $(echo "scale=2; $G / $O" | bc)"
