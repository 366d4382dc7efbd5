/// A row of a list of documents: symbol and title. "CTOC/COP/2006/L.1 and Add.1-3" lists
/// four documents; `symbols` spells them out.
public struct DocumentListing: Codable, Sendable, Hashable {
    public var id: String
    /// The symbol as printed.
    public var symbol: String
    /// Every document the printed symbol stands for.
    public var symbols: [String]
    public var title: String
    public var span: SourceSpan

    public init(id: String, symbol: String, symbols: [String], title: String, span: SourceSpan) {
        self.id = id
        self.symbol = symbol
        self.symbols = symbols
        self.title = title
        self.span = span
    }
}
