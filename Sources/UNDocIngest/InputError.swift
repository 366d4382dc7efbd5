/// Why an input could not be read at all. Each case's description is the one-line
/// message the CLI prints after the file name.
public enum InputError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound
    case isDirectory
    case notRegularFile
    case unreadable(String)
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case binary(String)
    case unsupportedFormat(String, advice: String)
    /// A converter undoc runs (pdftotext) is not installed; the case holds the name or path tried.
    case toolMissing(String)
    case toolTimedOut(seconds: Double)
    case toolFailed(String)
    case encrypted
    case noPages
    case noTextLayer
    case truncatedPDF
    case damagedPDF(String)
    /// Read without error but holding no text ("an HTML page").
    case noText(String)
    /// `--input-format` named a format that the content contradicts.
    case formatMismatch(expected: String, found: String)
    /// Named as a Word document (.docx) but not a ZIP archive: what it is, and what to do.
    case notWordDocument(found: String, advice: String?)
    /// A Word document (a ZIP package) that cannot be read; the case holds why.
    case damagedWord(String)
    /// A ZIP archive whose structure cannot be read at all; the case holds why.
    case damagedArchive(String)
    /// A part of a Word document unpacks to more than the size limit (a zip bomb?).
    case wordPartTooLarge(part: String, limit: Int)
    /// A part of a Word document declares a DOCTYPE (entities): refused unread.
    case wordDocumentType(part: String)

    public var description: String {
        switch self {
        case .notFound: "no such file"
        case .isDirectory: "is a directory, not a file"
        case .notRegularFile: "is not a regular file"
        case .unreadable(let why): "cannot be read: \(why)"
        case .empty: "is empty"
        case .tooLarge(let bytes, let limit):
            "is \(InputError.megabytes(bytes)), larger than the limit of \(InputError.megabytes(limit)) (raise it with --max-size)"
        case .binary(let what): "is a binary file (\(what)), not text"
        case .unsupportedFormat(let what, let advice): "is \(what), which this version of undoc does not read: \(advice)"
        case .toolMissing(let tool):
            tool.contains("/")
                ? "is a PDF, and the pdftotext given (\(tool)) is not an executable file: install poppler-utils (apt-get install poppler-utils) or fix --pdftotext"
                : "is a PDF, and pdftotext was not found on PATH: install poppler-utils (apt-get install poppler-utils) or give --pdftotext PATH"
        case .toolTimedOut(let seconds):
            "pdftotext did not finish within \(InputError.seconds(seconds)) and was killed (raise the limit with --pdftotext-timeout)"
        case .toolFailed(let why): "could not be converted: \(why)"
        case .encrypted: "is an encrypted PDF that needs a password: decrypt it first (qpdf --decrypt --password=… IN OUT)"
        case .noPages: "is a PDF with no pages"
        case .noTextLayer: "is a PDF with no text layer (a scanned document?): OCR it first (e.g. ocrmypdf IN OUT)"
        case .truncatedPDF: "is a truncated PDF (it ends before its %%EOF marker): fetch the file again"
        case .damagedPDF(let why): "is a damaged PDF that pdftotext cannot read (\(why))"
        case .noText(let what): "is \(what) with no text"
        case .formatMismatch(let expected, let found): "was to be read as \(expected) (--input-format) but is \(found)"
        case .notWordDocument(let found, let advice):
            "is named as a Word document but is not one: it is \(found)" + (advice.map { "; \($0)" } ?? "")
        case .damagedWord(let why): "is a damaged Word document: \(why)"
        case .damagedArchive(let why): "is a ZIP archive that cannot be read (\(why))"
        case .wordPartTooLarge(let part, let limit):
            "is a Word document whose \(part) unpacks to more than \(InputError.megabytes(limit)) (a zip bomb?): refused; raise the limit with --max-size if the document is genuine"
        case .wordDocumentType(let part):
            "is a Word document whose \(part) declares a DOCTYPE, which Word never writes (entity declarations: an XXE or entity-expansion attack?): refused, nothing was fetched or expanded"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb >= 10 ? "\(Int(mb.rounded())) MB" : "\(Double(Int(mb * 10)) / 10) MB"
    }
}

/// An input error together with the file it concerns.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let error: InputError

    public init(file: String, error: InputError) {
        self.file = file
        self.error = error
    }

    public var description: String { "\(file): \(error)" }
}
