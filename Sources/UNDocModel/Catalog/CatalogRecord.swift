/// One bibliographic record of the UN Digital Library (digitallibrary.un.org), as read from
/// its MARCXML export by `undoc import-marc`: what the library catalogue says about a
/// document, independently of the document's text. Fields follow UNDL's use of MARC:
///
/// | field | MARC |
/// |---|---|
/// | `id` | 001 (the library's record number) |
/// | `symbol`, `otherSymbols` | 191 $a (repeatable: joint documents, several series), 191 $z |
/// | `bodyPrefix`, `session` | 191 $b (series symbol, e.g. `CTOC/COP/WG.4/`), 191 $c |
/// | `title`, `variantTitles` | 245 $a $b (+ $n $p), 246 $a |
/// | `date`, `dateText` | 269 $a (`2010-01-28` or `20100128`) |
/// | `actionDate` | 992 $a (date of adoption or other action) |
/// | `agenda` | 991 $a $b $c $d |
/// | `subjects` | 650 $a |
/// | `related` | 993 $a, with the relation from $2 or the indicator |
/// | `authors` | 710 $a $b (corporate author: the body) |
/// | `documentType` | 989 $c/$b/$a, else 089 $a/$b |
/// | `links` | 856 $u |
public struct CatalogRecord: Codable, Sendable, Hashable {
    /// The library's record number (001), e.g. "689046"; nil when the record has none.
    public var id: String?
    /// The document's main symbol (the first 191 $a), cleaned of stray spaces; nil for a
    /// record without a symbol (a monograph, say), which cannot be looked up by symbol.
    public var symbol: String?
    /// Further symbols of the same document: other 191 $a (a joint document of two organs)
    /// and alternative forms (191 $z).
    public var otherSymbols: [String]
    /// The series symbol of the body, without its final slash: "CTOC/COP/WG.4" (191 $b).
    public var bodyPrefix: String?
    /// Session or year as catalogued (191 $c), e.g. "2010" or "14".
    public var session: String?
    /// The title proper and its remainder joined with ": " (245 $a $b, part number and name).
    public var title: String?
    public var variantTitles: [String]
    /// Publication date, ISO 8601 (YYYY-MM-DD), when 269 holds a full date.
    public var date: String?
    /// 269 as catalogued, when it is not a full date ("2005", "200503") or differs in form.
    public var dateText: String?
    /// Date of action (992), ISO 8601: the day a resolution or decision was adopted.
    public var actionDate: String?
    /// The agenda items the document is issued under (991), in order.
    public var agenda: [CatalogAgendaItem]
    /// Subject terms (650 $a), UNBIS Thesaurus terms in UNDL.
    public var subjects: [String]
    /// Related documents (993): drafts, meeting records, reports.
    public var related: [CatalogRelatedDocument]
    /// Corporate authors (710 $a with its subordinate units $b), e.g.
    /// "UN. Conference of the Parties to the United Nations Convention against Transnational Organized Crime".
    public var authors: [String]
    /// The kind of document as catalogued, e.g. "Reports" or the content code "B15".
    public var documentType: String?
    /// Links to the files (856 $u).
    public var links: [String]
    /// Where the record was read.
    public var source: CatalogEvidence

    public init(source: CatalogEvidence) {
        self.source = source
        otherSymbols = []
        variantTitles = []
        agenda = []
        subjects = []
        related = []
        authors = []
        links = []
    }

    /// The main symbol followed by the others: every symbol the record can be found under.
    public var allSymbols: [String] { (symbol.map { [$0] } ?? []) + otherSymbols }

    enum CodingKeys: String, CodingKey {
        case id, symbol, otherSymbols, bodyPrefix, session, title, variantTitles, date, dateText, actionDate, agenda
        case subjects, related, authors, documentType, links, source
    }

    /// Lists that are empty may be left out of hand-written catalogue JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        symbol = try container.decodeIfPresent(String.self, forKey: .symbol)
        otherSymbols = try container.decodeIfPresent([String].self, forKey: .otherSymbols) ?? []
        bodyPrefix = try container.decodeIfPresent(String.self, forKey: .bodyPrefix)
        session = try container.decodeIfPresent(String.self, forKey: .session)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        variantTitles = try container.decodeIfPresent([String].self, forKey: .variantTitles) ?? []
        date = try container.decodeIfPresent(String.self, forKey: .date)
        dateText = try container.decodeIfPresent(String.self, forKey: .dateText)
        actionDate = try container.decodeIfPresent(String.self, forKey: .actionDate)
        agenda = try container.decodeIfPresent([CatalogAgendaItem].self, forKey: .agenda) ?? []
        subjects = try container.decodeIfPresent([String].self, forKey: .subjects) ?? []
        related = try container.decodeIfPresent([CatalogRelatedDocument].self, forKey: .related) ?? []
        authors = try container.decodeIfPresent([String].self, forKey: .authors) ?? []
        documentType = try container.decodeIfPresent(String.self, forKey: .documentType)
        links = try container.decodeIfPresent([String].self, forKey: .links) ?? []
        source = try container.decode(CatalogEvidence.self, forKey: .source)
    }
}

/// An agenda item a document is issued under (991): "E/CN.15/2005/1, item 6: International
/// cooperation in combating transnational crime".
public struct CatalogAgendaItem: Codable, Sendable, Hashable {
    /// Symbol of the agenda document (991 $a), e.g. "E/CN.15/2005/1".
    public var symbol: String?
    /// Item number (991 $b), e.g. "6" or "[89]" as catalogued.
    public var item: String?
    /// Sub-item (991 $c when it is a letter or number), e.g. "b".
    public var subitem: String?
    /// The item's title (991 $d, or a long 991 $c in older records).
    public var title: String?
    /// The item's subject heading, when older records give one beside the title (991 $d).
    public var subject: String?

    public init(symbol: String? = nil, item: String? = nil, subitem: String? = nil, title: String? = nil, subject: String? = nil) {
        self.symbol = symbol
        self.item = item
        self.subitem = subitem
        self.title = title
        self.subject = subject
    }

    /// The number as a document prints it: "6", "71(b)".
    public var number: String? {
        guard let item else { return nil }
        return subitem.map { "\(item)(\($0))" } ?? item
    }
}

/// A document the record names as related (993): the draft of a resolution, the meeting
/// record of its adoption, the report that transmitted it.
public struct CatalogRelatedDocument: Codable, Sendable, Hashable {
    public var symbol: String
    /// The relation in words when the record gives it (993 $2), e.g. "Draft resolution".
    public var relation: String?
    /// The field's first indicator as catalogued, when not blank: UNDL's code for the kind of relation.
    public var indicator: String?

    public init(symbol: String, relation: String? = nil, indicator: String? = nil) {
        self.symbol = symbol
        self.relation = relation
        self.indicator = indicator
    }
}

/// Where a record was read: the file, the record's place in it and the line it starts on.
public struct CatalogEvidence: Codable, Sendable, Hashable {
    /// The MARCXML file as given to `undoc import-marc` (or to `--catalog`).
    public var file: String
    /// The record's position in the file, from 1.
    public var record: Int
    /// The line of its `<record>` tag.
    public var line: Int

    public init(file: String, record: Int, line: Int) {
        self.file = file
        self.record = record
        self.line = line
    }
}
