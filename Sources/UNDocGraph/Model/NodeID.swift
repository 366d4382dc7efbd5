/// How node ids are spelt. They are derived from what UN documents print, so a reader
/// can write one from a citation, and the same corpus always gives the same ids.
///
/// | node | id |
/// |---|---|
/// | document by symbol | `doc:CTOC/COP/2006/14` |
/// | parsed document with no known symbol | `doc:file:Corpus/001_caccf940e690384d.txt` |
/// | resolution | `doc:A/RES/55/25` (kind `resolution`) |
/// | part of a document | `doc:A/RES/55/25#annex-II` |
/// | element of a parsed document | `doc:CTOC/COP/2006/14#para-111` |
/// | decision of a body | `decision:CTOC/COP:3/2` (the body's symbol prefix, else its name) |
/// | recommendation of a report | `recommendation:CTOC/COP/WG.4/2009/2:19` |
/// | recommendation of an unidentified report | `recommendation:?previous report of CTOC/COP/WG.4:19` |
/// | article of an instrument | `article:Convention:32` |
/// | treaty in the Treaty Series | `treaty:UNTS:1582:27627` |
public enum NodeID {
    public static func document(symbol: String) -> String { "doc:\(symbol)" }
    public static func document(file: String) -> String { "doc:file:\(file)" }
    public static func part(of document: String, _ part: String) -> String {
        "\(document)#\(part.replacingOccurrences(of: " ", with: "-"))"
    }
    public static func element(of document: String, _ element: String) -> String { "\(document)#\(element)" }
    public static func decision(body: String, number: String) -> String { "decision:\(body):\(number)" }
    public static func recommendation(report: String, number: String) -> String { "recommendation:\(report):\(number)" }
    public static func article(instrument: String, number: String) -> String { "article:\(instrument):\(number)" }
    public static func treaty(volume: String, number: String) -> String { "treaty:UNTS:\(volume):\(number)" }
}
