#!/usr/bin/env bash
# The main job on the bundled corpus: set up, build undoc in release mode, and parse every
# document in Corpus/ into out/ (one JSON file and one text outline per document).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
swift build -c release --product undoc
undoc=".build/release/undoc"

mkdir -p out
"$undoc" parse Corpus/*.txt --output-dir out
"$undoc" parse Corpus/*.txt --format text --output-dir out
"$undoc" symbols Corpus/*.txt --unique > out/symbols.txt
echo "parsed $(ls Corpus/*.txt | wc -l) documents into out/ ($(ls out/*.json | wc -l) JSON files, out/symbols.txt)" >&2
