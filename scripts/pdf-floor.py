#!/usr/bin/env python3
"""How close to pdftotext's own time a program that runs pdftotext can be, on this machine.

Builds three programs that do nothing but start `pdftotext -layout X.pdf -` on a pipe, read
its text to the end, wait for it and print the text: one in C, one in Swift without
Foundation, one in Swift with Foundation, the Swift ones linked as `undoc` is (static-pie,
the Swift libraries and ICU static). Then times, by turns, `pdftotext X.pdf -`, the three and
`undoc parse X.pdf`, and prints the medians and their ratios to pdftotext's. The last
program's ratio is what starting and ending a Swift program with Foundation costs before it
does any work of its own (BENCHMARKS.md, "PDF ingestion", session 6).

    python3 scripts/pdf-floor.py .build/release/undoc Corpus/pdf/*.pdf
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

C_SOURCE = r"""
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
extern char **environ;
int main(int argc, char **argv) {
    if (argc != 2) return 2;
    int out[2];
    if (pipe(out) != 0) return 1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    char *args[] = {"pdftotext", "-layout", "-enc", "UTF-8", "-eol", "unix", argv[1], "-", 0};
    pid_t pid;
    if (posix_spawnp(&pid, "pdftotext", &actions, 0, args, environ) != 0) return 1;
    close(out[1]);
    static char text[8 << 20];
    size_t length = 0;
    ssize_t count;
    while (length < sizeof text && (count = read(out[0], text + length, sizeof text - length)) > 0) length += count;
    int status;
    waitpid(pid, &status, 0);
    return write(1, text, length) == (ssize_t)length ? 0 : 1;
}
"""

SWIFT_SOURCE = r"""
import Foundation
#if canImport(Glibc)
import Glibc
#endif

guard CommandLine.arguments.count == 2 else { exit(2) }
var out: [Int32] = [0, 0]
guard pipe(&out) == 0 else { exit(1) }
var actions = posix_spawn_file_actions_t()
posix_spawn_file_actions_init(&actions)
posix_spawn_file_actions_adddup2(&actions, out[1], 1)
posix_spawn_file_actions_addclose(&actions, out[0])
let words = ["pdftotext", "-layout", "-enc", "UTF-8", "-eol", "unix", CommandLine.arguments[1], "-"]
let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
var pid: pid_t = 0
guard posix_spawnp(&pid, "pdftotext", &actions, nil, argv, environ) == 0 else { exit(1) }
close(out[1])
var text: [UInt8] = []
var chunk = [UInt8](repeating: 0, count: 1 << 16)
while true {
    let count = read(out[0], &chunk, chunk.count)
    if count <= 0 { break }
    text += chunk[0..<count]
}
var status: Int32 = 0
waitpid(pid, &status, 0)
FileHandle.standardOutput.write(Data(text))
"""


def build(directory):
    c_program = os.path.join(directory, "floor-c")
    with open(os.path.join(directory, "floor.c"), "w") as file:
        file.write(C_SOURCE)
    subprocess.run(["cc", "-O2", "-static-pie", "-o", c_program, os.path.join(directory, "floor.c")], check=True)
    # The same program without Foundation: its output written with write(2).
    plain = SWIFT_SOURCE.replace("import Foundation\n", "").replace(
        "FileHandle.standardOutput.write(Data(text))", "_ = text.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }")
    programs = [c_program]
    for name, source, libraries in [("floor-swift", plain, []),
                                    ("floor-foundation", SWIFT_SOURCE, ["-licuuc", "-licudata", "-llzma", "-lz", "-lstdc++", "-lm"])]:
        folder = os.path.join(directory, name + "-src")
        os.mkdir(folder)
        with open(os.path.join(folder, "main.swift"), "w") as file:
            file.write(source)
        program = os.path.join(directory, name)
        # As Package.swift links undoc with UNDOC_FULLY_STATIC=1.
        subprocess.run(["swiftc", "-O", os.path.join(folder, "main.swift"), "-o", program,
                        "-static-stdlib", "-use-ld=lld", "-Xclang-linker", "-static-pie",
                        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] + libraries,
                       check=True, stderr=subprocess.DEVNULL)
        programs.append(program)
    return programs


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    undoc, files = sys.argv[1], sys.argv[2:]
    for path in [undoc] + files:
        if not os.path.isfile(path):
            sys.exit(f"pdf-floor.py: {path}: no such file")
    runs = int(os.environ.get("RUNS", "101"))
    with tempfile.TemporaryDirectory() as directory:
        programs = build(directory)
        print("| PDF | `pdftotext X.pdf -` | C | Swift | Swift with Foundation | `undoc parse X.pdf` |")
        print("|---|---:|---:|---:|---:|---:|")
        for path in files:
            commands = [["pdftotext", path, "-"]] + [[program, path] for program in programs] + [[undoc, "parse", path]]
            times = [[] for _ in commands]
            for _ in range(runs):
                for index, command in enumerate(commands):
                    times[index].append(timed(command))
            medians = [statistics.median(values) for values in times]
            cells = [f"{medians[0]:.1f} ms"] + [f"{value:.1f} ms ({value / medians[0]:.2f})" for value in medians[1:]]
            print(f"| {os.path.basename(path)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
