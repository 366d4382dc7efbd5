import CLibXML2
import Foundation
import UNDocModel

/// Collects libxml2's complaints about one XML part of a Word document while it is parsed.
/// libxml2 keeps its structured error handler per thread, so parts parsed on other threads
/// (`--jobs`) do not see each other's errors; the handler is taken off after the parse.
final class WordXMLErrors {
    let part: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The first error, to name in the message when the part cannot be parsed at all.
    private(set) var firstError: String?
    private var dropped = 0
    private static let limit = 20

    init(part: String) {
        self.part = part
    }

    /// Runs `body` with this collector receiving libxml2's errors on the current thread.
    func collect<T>(_ body: () throws -> T) rethrows -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            Unmanaged<WordXMLErrors>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
        }
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            if dropped > 0 {
                diagnostics.append(Diagnostic(.warning, code: "docx.xml", message: "\(part): \(dropped) more XML error(s) not listed"))
            }
        }
        return try body()
    }

    private func add(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "XML error \(error.code)"
        let line = error.line > 0 ? "line \(error.line): " : ""
        if firstError == nil, error.level != XML_ERR_WARNING { firstError = "\(line)\(message)" }
        guard diagnostics.count < Self.limit else {
            dropped += 1
            return
        }
        let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .info : .warning
        diagnostics.append(Diagnostic(severity, code: "docx.xml", message: "\(part): \(line)\(message) (libxml2 recovered)"))
    }
}
