// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: the `undoc` CLI -> UNDocParser (features) -> UNDocGrammar,
// UNDocIngest -> UNDocModel. The grammars in Grammars/ are data, embedded at build time
// by the EmbedGrammars plugin so that an installed binary works outside the repository.
//
// UNDOC_FULLY_STATIC=1 (set by scripts/run-corpus.sh) links the release `undoc` on Linux as
// one static-pie executable: glibc, libxml2 (with the ICU, lzma and zlib it calls) and SQLite
// from their static archives, the Swift libraries from the toolchain's. Nothing is left for
// the dynamic loader, which otherwise spends 4-5 ms mapping and binding shared libraries
// before `main`, as long as pdftotext needs for a few pages; and the program keeps its
// address-space randomisation (a plain -static-executable would not). Needs the Debian -dev
// packages' .a files and the toolchain's lld, and `swift build --disable-local-rpath` (a
// static-pie program must not name a library path); the script falls back to a normal build.
let fullyStatic = Context.environment["UNDOC_FULLY_STATIC"] == "1"
let releaseOnLinux = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let fullyStaticLinking: [LinkerSetting] = fullyStatic
    ? [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xclang-linker", "-static-pie",
                     // 97,000 relocations the program applies to itself at start, in a table a
                     // fortieth of the size.
                     "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], releaseOnLinux)]
        + ["icuuc", "icudata", "lzma", "z", "stdc++", "m"].map { .linkedLibrary($0, releaseOnLinux) }
    : []

let package = Package(
    name: "undoc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "undoc", targets: ["undoc"]),
        .library(name: "UNDocModel", targets: ["UNDocModel"]),
        .library(name: "UNDocGrammar", targets: ["UNDocGrammar"]),
        .library(name: "UNDocParser", targets: ["UNDocParser"]),
        .library(name: "UNDocGraph", targets: ["UNDocGraph"]),
        .library(name: "UNDocIndex", targets: ["UNDocIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SQLite for the session index (Linux: the system SQLite, Debian libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Word (.docx) input: the archive is opened in memory (libxml2 reads its XML parts).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "UNDocModel"),
        .executableTarget(name: "GrammarEmbedder"),
        .plugin(
            name: "EmbedGrammars",
            capability: .buildTool(),
            dependencies: ["GrammarEmbedder"]
        ),
        .target(name: "UNDocGrammar", plugins: ["EmbedGrammars"]),
        // libxml2's HTML parser, for HTML input (Debian: libxml2-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(
            name: "UNDocIngest",
            dependencies: ["UNDocModel", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "UNDocParser", dependencies: ["UNDocModel", "UNDocGrammar", "UNDocIngest"]),
        .target(name: "UNDocGraph", dependencies: ["UNDocModel", "UNDocIngest", "UNDocParser"]),
        // The session index: documents, elements (FTS5), references and the graph in SQLite.
        .target(
            name: "UNDocIndex",
            dependencies: [
                "UNDocModel", "UNDocGraph", "UNDocParser", "UNDocIngest",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "undoc",
            dependencies: [
                "UNDocParser",
                "UNDocGraph",
                "UNDocIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: fullyStaticLinking
        ),
        .executableTarget(name: "undoc-bench", dependencies: ["UNDocParser"]),
        .target(name: "JSONSchemaValidation"),
        .testTarget(name: "UNDocGrammarTests", dependencies: ["UNDocGrammar"]),
        .testTarget(name: "UNDocParserTests", dependencies: ["UNDocParser"]),
        // PDF and HTML ingestion; the PDF tests run pdftotext (poppler-utils).
        .testTarget(
            name: "UNDocIngestTests",
            // ZIPFoundation builds the small Word documents of the DOCX tests in memory.
            dependencies: ["UNDocIngest", "UNDocParser", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "JSONSchemaValidationTests", dependencies: ["JSONSchemaValidation"]),
        .testTarget(name: "UNDocGraphTests", dependencies: ["UNDocGraph", "JSONSchemaValidation"]),
        .testTarget(
            name: "UNDocIndexTests",
            dependencies: ["UNDocIndex", "UNDocGraph", "UNDocParser", "UNDocModel", "JSONSchemaValidation"]
        ),
        // Runs the built `undoc` binary: exit codes, stdout and stderr, atomic output (the index
        // tests also open the databases it writes).
        .testTarget(
            name: "UNDocCLITests",
            dependencies: ["undoc", "UNDocIndex", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "UNDocCorpusTests",
            dependencies: ["UNDocParser", "JSONSchemaValidation"]
        ),
    ]
)
