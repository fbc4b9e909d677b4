#!/usr/bin/env bash
# Whole-process `gov check` on a real repository, cold (no fact cache) and warm, against C git reading
# the same first-parent history with renames (issue 6's fixed-cost measurement).
#
#   gov-bench/real-repo-bench.sh REPO [RUNS]
#
# REPO is a clone of a public repository (a bare mirror is fine); it is cloned once more under
# gov-bench/target/ so that its fact cache (.git/governor) can be deleted between cold runs (a local
# clone, hardlinked: a snapshot whose largest blobs are absent still clones, and git log still reads it). RUNS
# (default 5) runs of each; the median wall time is printed. Builds gov-cli's jar if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:?give the repository to measure}"
runs="${2:-5}"
work=gov-bench/target/real-repo
rm -rf "$work"
mkdir -p "$work"
git clone -q --bare --local "$src" "$work/repo.git"
repo="$work/repo.git"
[ -f gov-cli/target/gov.jar ] || ./mvnw -B -q -o package -pl gov-cli -am -DskipTests >&2
java_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
now="$(git --git-dir="$repo" log -1 --format=%cI)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

head_sha="$(git --git-dir="$repo" rev-parse HEAD)"
commits="$(git --git-dir="$repo" rev-list --first-parent --count HEAD)"
gov() { env GOV_NOW="$now" java "${java_flags[@]}" -jar gov-cli/target/gov.jar check --repo "$repo" --format json; }
gitlog_runs() { for _ in $(seq "$runs"); do ms git --git-dir="$repo" log --first-parent --name-status -M HEAD; done; }
cold_runs() { for _ in $(seq "$runs"); do rm -rf "$repo/governor"; ms gov; done; }
warm_runs() { for _ in $(seq "$runs"); do ms gov; done; }
gitlog=$(gitlog_runs | median)
cold=$(cold_runs | median)
warm=$(warm_runs | median)
echo "repository: $src"
echo "head: $head_sha ($commits first-parent commits)"
echo "| measurement | median wall time | ratio to git log |"
echo "| --- | --- | --- |"
echo "| git log --first-parent --name-status -M | ${gitlog} ms | 1.00x |"
awk -v c="$cold" -v g="$gitlog" 'BEGIN {printf "| gov check, cold (no fact cache) | %d ms | %.2fx |\n", c, c/g}'
awk -v w="$warm" -v g="$gitlog" 'BEGIN {printf "| gov check, warm (fact cache kept) | %d ms | %.2fx |\n", w, w/g}'
