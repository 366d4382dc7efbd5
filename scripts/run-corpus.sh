#!/usr/bin/env bash
# The main job on the bundled corpus: set up, build undoc in release mode, and parse every
# document in Corpus/ into out/ (one JSON file and one text outline per document).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
# One static executable (see UNDOC_FULLY_STATIC in Package.swift): it starts in 3 ms instead
# of 8 (which counts when undoc is run once per short document) and runs on machines without
# Swift. Where the static archives are missing, the Swift libraries alone are linked statically.
if ! UNDOC_FULLY_STATIC=1 swift build -c release --product undoc --static-swift-stdlib --disable-local-rpath; then
    echo "run-corpus: the fully static link failed; building with the system's shared libraries" >&2
    swift build -c release --product undoc --static-swift-stdlib
fi
undoc=".build/release/undoc"
# A static link that succeeds on a system whose C library cannot start such a program.
if ! "$undoc" --version >/dev/null 2>&1; then
    echo "run-corpus: the fully static undoc does not start here; building with the system's shared libraries" >&2
    swift build -c release --product undoc --static-swift-stdlib
fi

mkdir -p out
"$undoc" parse Corpus/*.txt --output-dir out
"$undoc" parse Corpus/*.txt --format text --output-dir out
"$undoc" symbols Corpus/*.txt --unique -o out/symbols.txt
"$undoc" graph Corpus --manifest Corpus/manifest.tsv -o out/graph.json
"$undoc" graph Corpus --manifest Corpus/manifest.tsv --format graphml -o out/graph.graphml
"$undoc" graph Corpus --manifest Corpus/manifest.tsv --format dot -o out/graph.dot
echo "undoc: parsed $(ls Corpus/*.txt | wc -l) documents into out/: one .json and one .txt outline each, symbols.txt, graph.json, graph.graphml, graph.dot" >&2
