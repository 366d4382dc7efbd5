import CLibXML2
import Foundation
import UNDocModel

/// Collects libxml2's errors while one document is parsed, as diagnostics. libxml2 keeps
/// its structured error handler per thread, so parses on other threads (`--jobs`) do not
/// see each other's errors; the handler is set for the parse and taken off after it.
final class HTMLErrors {
    private(set) var diagnostics: [Diagnostic] = []
    private var dropped = 0
    private static let limit = 50

    /// Runs `body` with this collector receiving libxml2's errors on the current thread.
    func collect<T>(_ body: () throws -> T) rethrows -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            Unmanaged<HTMLErrors>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
        }
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            if dropped > 0 {
                diagnostics.append(Diagnostic(.warning, code: "html.parse",
                                              message: "\(dropped) more HTML error(s) not listed"))
            }
        }
        return try body()
    }

    private func add(_ error: xmlError) {
        // libxml2 2.9 knows HTML 4 only: <nav>, <section>, <main>… are "invalid" tags to it,
        // which says nothing about the page.
        if error.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue) { return }
        guard diagnostics.count < Self.limit else {
            dropped += 1
            return
        }
        let message = error.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "HTML error \(error.code)"
        let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .info : .warning
        let line = error.line > 0 ? "line \(error.line): " : ""
        diagnostics.append(Diagnostic(severity, code: "html.parse", message: "\(line)\(message) (libxml2 recovered)"))
    }
}
