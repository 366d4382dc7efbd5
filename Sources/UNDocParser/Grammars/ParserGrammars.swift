import Foundation
import UNDocGrammar

/// The compiled grammars and data the parser reads, loaded once and shared by every
/// parse. Immutable, and a class so that the many recognisers and builders that hold it
/// share one copy (as a struct of three grammars, each copy retained some sixty arrays).
public final class ParserGrammars: Sendable {
    let symbols: Grammar
    let symbolGroup: Grammar.RuleID
    let references: Grammar
    /// References and relation words, found in one pass.
    let token: Grammar.RuleID
    let structure: Grammar
    let line: Grammar.RuleID
    /// Whether structure.peg is the built-in one, whose line shapes `LineClassifier` may
    /// rule out by a byte test before matching (an override may add shapes).
    let structureIsBuiltIn: Bool
    let bodies: BodyDirectory
    /// Where each grammar file came from: "built-in" or a path.
    public let sources: [String: String]

    /// The grammars built into undoc, compiled once per process.
    public static func builtIn() throws -> ParserGrammars {
        try compiledBuiltIns.get()
    }

    private static let compiledBuiltIns = Result { try ParserGrammars(GrammarSet.builtIn.get()) }

    /// The built-in grammars with any file in `directory` replacing its namesake.
    public static func load(overrideDirectory directory: URL?) throws -> ParserGrammars {
        guard let directory else { return try builtIn() }
        return try ParserGrammars(GrammarSet.load(overrideDirectory: directory))
    }

    init(_ set: GrammarSet) throws {
        let symbols = try set.grammar("symbols")
        let references = try set.grammar("references")
        let structure = try set.grammar("structure")
        self.symbols = symbols
        self.references = references
        self.structure = structure
        symbolGroup = try Self.rule("symbolGroup", in: symbols)
        token = try Self.rule("token", in: references)
        line = try Self.rule("line", in: structure)
        structureIsBuiltIn = set.sources["structure.peg"] == "built-in"
        bodies = try BodyDirectory(tsv: set.dataFile("bodies.tsv") ?? "", fileName: "bodies.tsv")
        sources = set.sources
    }

    private static func rule(_ name: String, in grammar: Grammar) throws -> Grammar.RuleID {
        guard let id = grammar.ruleID(name) else {
            throw GrammarError(fileName: grammar.fileName, line: 1, rule: name,
                               message: "undoc needs a rule named '\(name)' in this grammar")
        }
        return id
    }
}
