import XCTest
@testable import UNDocGrammar

/// Compiles `source` as "test.peg", failing the test on an error.
func compile(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Grammar {
    do {
        return try Grammar(source: source, fileName: "test.peg")
    } catch {
        XCTFail("grammar did not compile: \(error)", file: file, line: line)
        throw error
    }
}

/// The error compiling `source` as "test.peg", or a failure if it compiles.
func compileError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    do {
        _ = try Grammar(source: source, fileName: "test.peg")
        XCTFail("grammar compiled but should not have", file: file, line: line)
        return nil
    } catch {
        return error.description
    }
}

extension Grammar {
    /// The length `rule` matches at the start of `input`, or nil.
    func length(_ rule: String, _ input: String, at position: Int = 0) -> Int? {
        guard let id = ruleID(rule) else {
            XCTFail("no rule \(rule)")
            return nil
        }
        return match(id, in: input, at: position).map { $0.range.count }
    }

    /// The texts `rule` finds in `input` by scanning.
    func scanTexts(_ rule: String, _ input: String, boundary: ByteSet? = .wordCharacters) -> [String] {
        scan(ruleID(rule)!, in: input, boundary: boundary).map { $0.text(in: input) }
    }
}
