import Foundation
import UNDocModel

/// Reads an input file (or standard input) into a `SourceText`, refusing what is not a
/// text document with an error a user can act on.
public struct InputReader: Sendable {
    /// Inputs larger than this are refused before they are read.
    public var maxBytes: Int
    /// Read every input as this format instead of telling it from the content.
    public var format: InputFormat?
    /// How PDFs are read (the pdftotext to run and its time limit).
    public var pdf: PDFReader

    public static let defaultMaxBytes = 256 * 1_048_576

    public init(maxBytes: Int = InputReader.defaultMaxBytes, format: InputFormat? = nil,
                pdftotext: PDFToText = PDFToText()) {
        self.maxBytes = maxBytes
        self.format = format
        pdf = PDFReader(pdftotext: pdftotext)
    }

    /// Reads `path`; "-" reads standard input.
    public func read(path: String) throws(FileError) -> SourceText {
        let name = path == "-" ? "<stdin>" : path
        do {
            let raw = try path == "-" ? readStandardInput() : readFile(path)
            return try load(raw, path: path == "-" ? nil : path, name: name)
        } catch {
            throw FileError(file: name, error: error)
        }
    }

    /// Reads bytes already in memory, in whatever format they are.
    public func decode(_ raw: [UInt8], name: String) throws(InputError) -> SourceText {
        try load(raw, path: nil, name: name)
    }

    /// Tells the format (or takes `format`) and hands the bytes to that format's reader.
    private func load(_ raw: [UInt8], path: String?, name: String) throws(InputError) -> SourceText {
        if raw.isEmpty { throw .empty }
        if raw.count > maxBytes { throw .tooLarge(bytes: raw.count, limit: maxBytes) }
        let namedWord = path.map(Self.isWordName) ?? false
        let sniffed: InputFormat
        do {
            sniffed = try FormatSniffer.sniff(raw)
        } catch {
            if format == .docx, !FormatSniffer.isZIP(raw) {
                throw .formatMismatch(expected: "DOCX", found: "not a Word document (not a ZIP archive)")
            }
            if format == nil, namedWord, !FormatSniffer.isZIP(raw) {
                if case .binary(let what) = error {
                    throw .notWordDocument(found: "not a ZIP archive (\(what))", advice: nil)
                }
                // Word encrypts a password-protected .docx into an OLE compound file.
                if raw.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                    throw .notWordDocument(found: "an OLE compound file: a password-protected Word document, or a legacy .doc renamed",
                                           advice: "save it from Word as a .docx without a password")
                }
            }
            // A format given on the command line reads text that only looks like another
            // format (an XML file); never a ZIP archive, which is not text at all.
            guard format == .text || format == .html, case .unsupportedFormat = error, !FormatSniffer.isZIP(raw)
            else { throw error }
            sniffed = .text
        }
        switch format ?? sniffed {
        case .pdf:
            guard sniffed == .pdf else { throw .formatMismatch(expected: "PDF", found: "not a PDF (no %PDF- header)") }
            var source = try pdf.read(raw, path: path, name: name)
            if namedWord, format == nil {
                source.diagnostics.append(Diagnostic(.info, code: "input.format",
                                                     message: "named as a Word document but is a PDF; read as a PDF"))
            }
            return source
        case .html:
            if sniffed == .pdf { throw .formatMismatch(expected: "HTML", found: "a PDF") }
            if sniffed == .docx { throw .formatMismatch(expected: "HTML", found: "a Word document") }
            if namedWord, format == nil {
                throw .notWordDocument(found: "not a ZIP archive but an HTML page", advice: "give --input-format html to read it as HTML")
            }
            return try HTMLReader.read(raw, name: name)
        case .text:
            if sniffed == .docx { throw .formatMismatch(expected: "text", found: "a Word document") }
            if sniffed == .pdf { try FormatSniffer.checkText(Array(raw.prefix(8192))) }
            if namedWord, format == nil {
                throw .notWordDocument(found: "not a ZIP archive but plain text", advice: "give --input-format text to read it as text")
            }
            let (bytes, diagnostics) = UTF8Decoder.decode(raw)
            return SourceText(name: name, format: "text", bytes: bytes, diagnostics: diagnostics)
        case .docx:
            guard sniffed == .docx else {
                throw .formatMismatch(expected: "DOCX", found: sniffed == .pdf ? "a PDF" : "not a Word document (not a ZIP archive)")
            }
            return try DOCXReader.read(raw, name: name, maxBytes: maxBytes)
        }
    }

    /// A file name that says Word (.docx, .docm, .dotx, .dotm): content that is not a ZIP
    /// archive is then refused rather than read as text, unless --input-format says so.
    static func isWordName(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return ["docx", "docm", "dotx", "dotm"].contains(path[path.index(after: dot)...].lowercased())
    }

    /// The file's bytes, read with POSIX calls: Foundation's `attributesOfItem` looks up the
    /// owner's and group's names (reading /etc/nsswitch.conf, /etc/passwd and /etc/group)
    /// for every input, which undoc never shows.
    private func readFile(_ path: String) throws(InputError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound }
            throw .unreadable(String(cString: strerror(errno)))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .isDirectory }
        // (Checked before opening: opening a FIFO would wait for a writer.)
        if type != S_IFREG { throw .notRegularFile }
        let size = Int(info.st_size)
        if size > maxBytes { throw .tooLarge(bytes: size, limit: maxBytes) }
        if size == 0 { throw .empty }

        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .unreadable(errno == EACCES ? "permission denied" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // One byte past the limit is read, so a file that grew after the size check is caught.
        let bytes: [UInt8]
        do {
            bytes = try FileDescriptorReader.readToEnd(descriptor, expectedSize: size, limit: maxBytes)
        } catch {
            throw .unreadable(error.message)
        }
        if bytes.count > maxBytes { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        return bytes
    }

    private func readStandardInput() throws(InputError) -> [UInt8] {
        var out: [UInt8] = []
        while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            out.append(contentsOf: chunk)
            if out.count > maxBytes { throw .tooLarge(bytes: out.count, limit: maxBytes) }
        }
        return out
    }

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.isEmpty ? String(describing: error) : text
    }
}

