#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiled grammars kept on disk between runs, in `$XDG_CACHE_HOME/undoc/grammars` (or
/// `~/.cache/undoc/grammars`).
///
/// Compiling the three built-in grammars takes some 29 M instructions, 7-10 ms: more than
/// parsing a short document, and as long as pdftotext needs for a few pages. Reading them
/// back takes a small fraction of that. An entry is used only by the build that wrote it
/// (the executable's device, inode, size and modification time), for the same file name and
/// the same grammar text byte for byte, and only when its checksum holds; anything else is
/// compiled again and the entry rewritten. Writing goes to a temporary file that is then
/// renamed, so runs in parallel never read half an entry. Any failure to read or write only
/// costs the compilation. `UNDOC_GRAMMAR_CACHE=off` turns it off; another value names the
/// directory to use.
struct GrammarCache: Sendable {
    let directory: String
    /// The build that writes and may read entries.
    let build: [UInt8]

    /// The cache for this process, or nil when it is turned off or has nowhere to go.
    static let standard: GrammarCache? = {
        let setting = getenv("UNDOC_GRAMMAR_CACHE").map { String(cString: $0) } ?? ""
        if setting == "off" || setting == "0" { return nil }
        guard let build = runningBuild() else { return nil }
        if !setting.isEmpty { return GrammarCache(directory: setting, build: build) }
        if let base = environment("XDG_CACHE_HOME") { return GrammarCache(directory: base + "/undoc/grammars", build: build) }
        if let home = environment("HOME") { return GrammarCache(directory: home + "/.cache/undoc/grammars", build: build) }
        return nil
    }()

    private static let magic = Array("UNDOCGRC".utf8)
    /// Entries larger than this are not read (the built-in grammars take about 300 KB).
    private static let maximumEntryBytes = 64 << 20

    // MARK: - Reading

    /// The compiled form of `source`, if this cache holds it. The entry is read once and
    /// decoded where it lies: the stored build, text and archive are compared and read in
    /// place, not copied out first (each copy of the 760 KB of the three built-in grammars
    /// was another 190 pages of fresh memory to fault in, for a process that lives 20 ms).
    func load(source: String, fileName: String) -> CompiledGrammar? {
        guard let entry = Self.readFile(entryPath(source: source, fileName: fileName)) else { return nil }
        return entry.withUnsafeBytes { bytes -> CompiledGrammar? in
            guard bytes.count > Self.magic.count + 8,
                  Self.checksum(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)]))
                      == bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            else { return nil }
            var input = ArchiveReader(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)]))
            for byte in Self.magic where input.u8() != byte { return nil }
            guard let storedBuild = input.rawBytes(), storedBuild.elementsEqual(build),
                  let storedName = input.string(), storedName == fileName,
                  let storedSource = input.rawBytes(), Self.same(storedSource, source),
                  let archive = input.rawBytes(), input.isAtEnd
            else { return nil }
            return CompiledGrammar(archive: archive)
        }
    }

    /// The grammar text and the stored one, compared as bytes.
    private static func same(_ stored: UnsafeRawBufferPointer, _ source: String) -> Bool {
        var source = source
        return source.withUTF8 { text in
            text.count == stored.count && (text.isEmpty || memcmp(stored.baseAddress!, text.baseAddress!, text.count) == 0)
        }
    }

    // MARK: - Writing

    /// Keeps `program`, compiled from `source`, for the next runs; gives up silently.
    func store(_ program: CompiledGrammar, source: String, fileName: String) {
        var out = ArchiveWriter()
        for byte in Self.magic { out.u8(byte) }
        out.raw(ContiguousArray(build))
        out.string(fileName)
        out.raw(ContiguousArray(source.utf8))
        out.raw(ContiguousArray(program.archived()))
        var entry = out.bytes
        let sum = entry.withUnsafeBytes { Self.checksum($0) }
        withUnsafeBytes(of: sum) { entry.append(contentsOf: $0) }

        guard Self.makeDirectories(directory) else { return }
        let path = entryPath(source: source, fileName: fileName)
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let written = entry.withUnsafeBytes { Self.writeAll(descriptor, $0) }
        if close(descriptor) != 0 || !written || rename(temporary, path) != 0 {
            unlink(temporary)
        }
    }

    /// One entry per grammar file name and text: a changed grammar gets a new entry, a new
    /// build overwrites the old one's.
    func entryPath(source: String, fileName: String) -> String {
        let base = fileName.split(separator: "/").last.map(String.init) ?? "grammar"
        let safe = String(base.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0) || $0 == ".") ? Character($0) : "_" })
        var key = Array(fileName.utf8)
        key.append(0)
        key.append(contentsOf: source.utf8)
        let hash = key.withUnsafeBytes { Self.checksum($0) }
        let hex = String(hash, radix: 16)
        return "\(directory)/\(safe)-\(String(repeating: "0", count: 16 - hex.count))\(hex).bin"
    }

    // MARK: - Helpers

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name), value.pointee != 0 else { return nil }
        return String(cString: value)
    }

    /// The running executable's identity: device, inode, size and modification time.
    private static func runningBuild() -> [UInt8]? {
        #if os(Linux)
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        var stamp: [UInt8] = []
        for value in [UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size),
                      UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec))] {
            withUnsafeBytes(of: value) { stamp.append(contentsOf: $0) }
        }
        return stamp
        #else
        return nil
        #endif
    }

    /// FNV-1a's multiply-and-xor, eight bytes at a time (an entry is some 300 KB, and byte by
    /// byte this took 3 M instructions): detects a damaged entry (the cache is the user's own;
    /// this is no defence against a forged one).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let words = bytes.count / 8
        for index in 0 ..< words {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* prime
            hash ^= hash >> 29
        }
        for index in (words * 8) ..< bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* prime
        }
        return hash
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              info.st_size > 0, Int(info.st_size) <= maximumEntryBytes
        else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            complete = filled == size
            // Bytes never read are zeroed rather than left undefined; the entry is refused anyway.
            if !complete { (buffer.baseAddress! + filled).initialize(repeating: 0, count: size - filled) }
            initialized = size
        }
        return complete ? bytes : nil
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// `mkdir -p`, the new folders readable by the user only.
    private static func makeDirectories(_ path: String) -> Bool {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { return false }
        }
        return true
    }
}
