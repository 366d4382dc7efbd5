import Foundation
import XCTest
import UNDocIngest
import UNDocModel
@testable import UNDocParser

/// The built-in grammars, compiled once for the whole test run.
enum Fixture {
    private static let loaded = Result { try ParserGrammars.builtIn() }

    static func grammars() throws -> ParserGrammars {
        try loaded.get()
    }

    /// Decodes `text` as the CLI would and parses it.
    static func parse(_ text: String, symbol: String? = nil) throws -> (document: Document, source: SourceText) {
        let source = try InputReader().decode(Array(text.utf8), name: "t.txt")
        let document = DocumentParser(grammars: try grammars()).parse(source, symbol: symbol)
        return (document, source)
    }

    /// A `SourceText` for `text` without the reader's checks.
    static func source(_ text: String) -> SourceText {
        SourceText(name: "t.txt", format: "text", bytes: Array(text.utf8))
    }

    /// The masthead of a Conference of the Parties report: names the body, so that
    /// "decision 3/2" belongs to CTOC/COP.
    static let copMasthead = """
        Conference of the Parties to the United Nations Convention against Transnational Organized Crime

        Distr.: General
        22 December 2006

        Original: English

        Third session
        Vienna, 9-18 October 2006


        """

    /// The masthead of a Working Group report (CTOC/COP/WG.4).
    static let workingGroupMasthead = """
        Distr.: Limited
        28 January 2010

        Original: English

        Working Group on Trafficking in Persons

        Vienna, 27-29 January 2010


        """
}

extension SourceText {
    /// The source text of `span`.
    func text(_ span: SourceSpan) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }
}


/// Every reference's `text` is the source text at its span, and so is its relation word.
func assertSpansMatchSource(_ document: Document, _ source: SourceText,
                            file: StaticString = #filePath, line: UInt = #line) {
    for reference in document.references {
        XCTAssertLessThanOrEqual(reference.span.start, reference.span.end, file: file, line: line)
        XCTAssertLessThanOrEqual(reference.span.end, source.bytes.count, file: file, line: line)
        XCTAssertEqual(reference.text, source.text(reference.span),
                       "reference \(reference.id) text differs from its span", file: file, line: line)
        if let relation = reference.relation, let span = reference.relationSpan {
            XCTAssertEqual(source.text(span).lowercased(), relation,
                           "relation of \(reference.id) differs from its span", file: file, line: line)
        }
    }
}

extension Document {
    func references(_ kind: ReferenceKind) -> [Reference] {
        references.filter { $0.kind == kind }
    }

    func diagnostics(_ code: String) -> [Diagnostic] {
        diagnostics.filter { $0.code == code }
    }

    func paragraph(_ number: String) -> Paragraph? {
        paragraphs.first { $0.number == number }
    }
}
