#!/usr/bin/env bash
# The main job on the bundled corpus: set up, build undoc in release mode, and parse every
# document in Corpus/ into out/ (one JSON file and one text outline per document).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
# The Swift libraries are linked in statically: the binary then starts in half the time
# (which counts when undoc is run once per short document) and runs on machines without Swift.
swift build -c release --product undoc --static-swift-stdlib
undoc=".build/release/undoc"

mkdir -p out
"$undoc" parse Corpus/*.txt --output-dir out
"$undoc" parse Corpus/*.txt --format text --output-dir out
"$undoc" symbols Corpus/*.txt --unique -o out/symbols.txt
"$undoc" graph Corpus --manifest Corpus/manifest.tsv -o out/graph.json
"$undoc" graph Corpus --manifest Corpus/manifest.tsv --format graphml -o out/graph.graphml
"$undoc" graph Corpus --manifest Corpus/manifest.tsv --format dot -o out/graph.dot
echo "undoc: parsed $(ls Corpus/*.txt | wc -l) documents into out/: one .json and one .txt outline each, symbols.txt, graph.json, graph.graphml, graph.dot" >&2
