#!/usr/bin/env bash
# Measures the session index (BENCHMARKS.md, "Session index"): builds undoc and undoc-bench
# in release mode, generates COUNT documents (default 10000) with `undoc-bench generate`,
# indexes them (first run, nothing changed, one file changed without and with a new
# reference: the graph is rebuilt only in the second case), then
# times searches (the database's own time, reported by `undoc search --format json`, and
# the whole process), `undoc show` and `undoc session`.
#
#   bash scripts/bench-index.sh [COUNT] [WORKDIR]
#
# WORKDIR (default: a new temporary folder) receives the corpus and the index. Set
# UNDOC_SCRATCH to build somewhere other than .build.
set -euo pipefail

count="${1:-10000}"
work="${2:-$(mktemp -d)}"
scratch="${UNDOC_SCRATCH:-.build}"
cd "$(dirname "$0")/.."

swift build -c release --scratch-path "$scratch" --product undoc >&2
swift build -c release --scratch-path "$scratch" --product undoc-bench >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
undoc="$bin/undoc"

corpus="$work/corpus"
db="$work/index.db"
rm -rf "$corpus" "$db" "$db-wal" "$db-shm"
"$bin/undoc-bench" generate --count "$count" --out "$corpus" >&2

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
field() { sed -n "s/^  \"$1\" : \\([0-9.]*\\).*/\\1/p"; }

echo "machine: $(nproc) cores, $(uname -sr); $(swift --version 2>&1 | sed -n 1p); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $count documents, $(du -sh "$corpus" | cut -f1)"
echo
echo "| run | wall | user CPU | peak RSS | report |"
echo "|---|---|---|---|---|"
index_run() {
  local label="$1"
  local start end report
  start=$(now)
  report=$( { /usr/bin/time -f "%U %M" "$undoc" index "$corpus" --manifest "$corpus/manifest.tsv" --db "$db" --format json; } 2>"$work/time.txt")
  end=$(now)
  local seconds documents nodes edges
  seconds=$(echo "$report" | field seconds)
  documents=$(echo "$report" | field documents)
  nodes=$(echo "$report" | field nodes)
  edges=$(echo "$report" | field edges)
  local user rss
  read -r user rss < <(tail -1 "$work/time.txt")
  printf '| %s | %s ms | %s s | %s MB | %s documents, %s nodes, %s edges; in-process %.1f s |\n' "$label" \
    "$(ms "$start" "$end")" "$user" "$((rss / 1024))" "$documents" "$nodes" "$edges" "$seconds"
  echo "$report" > "$work/report-${label// /-}.json"
}
index_run "first run"
index_run "nothing changed"
changed="$(find "$corpus" -name '*.txt' | sort | sed -n 1p)"
echo "The Working Group noted the zanzibarian proposal." >> "$changed"
index_run "one file changed"
# A change that adds a reference changes the graph, which is then rebuilt from the stored facts.
echo "See General Assembly resolution 61/144." >> "$changed"
index_run "one reference added"
echo
echo "index file: $(du -h "$db" | cut -f1) (timings of each phase: $work/report-*.json)"
echo

echo "| query | filters | hits | database (median of 5) | whole process (median of 5) |"
echo "|---|---|---|---|---|"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
search() {
  local query="$1"
  shift
  local database=() process=() hits=0
  for _ in 1 2 3 4 5; do
    local start end out
    start=$(now)
    out=$("$undoc" search "$query" --db "$db" --format json "$@")
    end=$(now)
    database+=("$(echo "$out" | field milliseconds)")
    process+=("$(ms "$start" "$end")")
    hits=$(echo "$out" | grep -c '"element" :' || true)
  done
  printf '| `%s` | %s | %s | %.1f ms | %s ms |\n' "$query" "${*:-—}" "$hits" \
    "$(printf '%s\n' "${database[@]}" | median)" "$(printf '%s\n' "${process[@]}" | median)"
}
search "zanzibarian"
search "CTOC/COP/2006/L.4"
search "decision 3/2"
search "\"mutual legal assistance\""
search "extradition"
search "extradition" --kind decision --symbol-prefix CTOC/COP --year 2006
search "firearm*" --kind recommendation
search "trafficking"
search "trafficking" --kind decision --symbol-prefix CTOC/COP --year 2006
echo

timed() {
  local start end
  start=$(now)
  "$@" > /dev/null
  end=$(now)
  printf '| `%s` | %s ms |\n' "${*:2}" "$(ms "$start" "$end")"
}
echo "| command | whole process |"
echo "|---|---|"
timed "$undoc" show CTOC/COP/2008/14 --db "$db"
timed "$undoc" show "CTOC/COP/2008/14#dec-4/2" --db "$db"
timed "$undoc" session --db "$db" --body-prefix CTOC/COP --year 2008
timed "$undoc" session --db "$db" --body-prefix CTOC/COP --year 2008 --format html
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
