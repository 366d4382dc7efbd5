#!/usr/bin/env python3
"""Times `undoc parse X.pdf` against `pdftotext X.pdf -` (the PDF ingestion ratio of
BENCHMARKS.md). The commands take turns, several times over; the medians are compared.

    UNDOC_FULLY_STATIC=1 swift build -c release --product undoc --static-swift-stdlib --disable-local-rpath
    python3 scripts/make-corpus-pdfs.py --pages 500 /tmp/long-500.pdf
    python3 scripts/bench-pdf.py .build/release/undoc Corpus/pdf/*.pdf /tmp/long-500.pdf
"""
import resource
import statistics
import subprocess
import sys
import time


def timed(command):
    """Wall time and CPU time (user + system, children included) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    undoc, files = sys.argv[1], sys.argv[2:]
    print("| PDF | pages | `pdftotext X.pdf -` | `pdftotext -layout` | `undoc parse X.pdf` | ratio (wall) | ratio (CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in files:
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        runs = 7 if pages != "?" and int(pages) > 100 else 31
        # The three commands take turns, so that the machine's speed, which moves from one
        # second to the next on a shared host, weighs on each alike.
        plain, layout, parse = [], [], []
        for _ in range(runs):
            plain.append(timed(["pdftotext", path, "-"]))
            layout.append(timed(["pdftotext", "-layout", path, "-"]))
            parse.append(timed([undoc, "parse", path]))
        median = statistics.median
        plain_wall, plain_cpu = median(w for w, _ in plain), median(c for _, c in plain)
        layout_wall = median(w for w, _ in layout)
        parse_wall, parse_cpu = median(w for w, _ in parse), median(c for _, c in parse)
        print(f"| {path} | {pages} | {plain_wall * 1000:.0f} ms | {layout_wall * 1000:.0f} ms | {parse_wall * 1000:.0f} ms "
              f"| {parse_wall / plain_wall:.2f} | {parse_cpu / plain_cpu:.2f} |")


if __name__ == "__main__":
    main()
