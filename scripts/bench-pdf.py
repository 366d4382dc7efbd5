#!/usr/bin/env python3
"""Times `undoc parse X.pdf` against `pdftotext X.pdf -` (the PDF ingestion ratio of
BENCHMARKS.md). Each command runs several times; the medians are compared.

    swift build -c release --product undoc
    python3 scripts/make-corpus-pdfs.py --pages 500 /tmp/long-500.pdf
    python3 scripts/bench-pdf.py .build/release/undoc Corpus/pdf/*.pdf /tmp/long-500.pdf
"""
import resource
import statistics
import subprocess
import sys
import time


def median_seconds(command, runs):
    """Median wall time and median CPU time (user + system, children included) of a command."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    undoc, files = sys.argv[1], sys.argv[2:]
    print("| PDF | pages | `pdftotext X.pdf -` | `pdftotext -layout` | `undoc parse X.pdf` | ratio (wall) | ratio (CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in files:
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        runs = 5 if pages != "?" and int(pages) > 100 else 15
        plain, plain_cpu = median_seconds(["pdftotext", path, "-"], runs)
        layout, _ = median_seconds(["pdftotext", "-layout", path, "-"], runs)
        parse, parse_cpu = median_seconds([undoc, "parse", path], runs)
        print(f"| {path} | {pages} | {plain * 1000:.0f} ms | {layout * 1000:.0f} ms | {parse * 1000:.0f} ms "
              f"| {parse / plain:.2f} | {parse_cpu / plain_cpu:.2f} |")


if __name__ == "__main__":
    main()
