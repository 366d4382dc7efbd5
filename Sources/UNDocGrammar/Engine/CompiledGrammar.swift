/// The operation of a compiled node. Payload meanings are listed per case.
enum Op: UInt8, Sendable {
    /// Bytes `pool[a ..< a+b]`.
    case literal
    /// Like `literal`, comparing ASCII letters case-insensitively (the pool holds lower case).
    case literalCI
    /// One byte in `first` (a class, `.`, or a one-byte literal).
    case byteClass
    /// Children `kids[a ..< a+b]`, all in order.
    case sequence
    /// Children `kids[a ..< a+b]`, the first that matches.
    case choice
    /// Child `a`, greedily: `*`, `+`, `?`.
    case zeroOrMore, oneOrMore, optional
    /// Child `a` must (must not) match; consumes nothing.
    case and, not
    /// Child `a` under capture info `b`.
    case capture
    /// The body node `a` of a rule; capture info `b` (-1 when the rule is untyped and unlabelled).
    case call
    /// `[...]*` and `[...]+` over the set of byte-class node `a`: a tight loop instead of calls,
    /// reading the set's 256-byte membership table at `pool[b]` (`b` = -1: every byte).
    case classStar, classPlus
    /// A choice of many alternatives, indexed by the next byte: `kids[a + c] ..< kids[a + c + 1]`
    /// are the positions in `kids` of the alternatives (in order) that can match when the next
    /// byte is `c`, with `c` = 256 at the end of the input.
    case dispatchChoice
}

/// One node of the flat program. `first` is the set of bytes a non-empty match can start with
/// (every byte when the node is nullable); for `byteClass` it is also the class itself.
struct Node: Sendable, Equatable {
    var op: Op
    var nullable: Bool
    var a: Int32
    var b: Int32
    /// For `call`: the index in `CompiledGrammar.filters` of the called rule's prefilter, or -1
    /// (no filter, or the rule can match empty). Fits in what would be padding.
    var c: Int32 = -1
    var first: ByteSet
}

/// What a capture node records: a label, a type and rule (typed rule), or both.
struct CaptureInfo: Hashable, Sendable {
    var type: String?
    var label: String?
    var rule: String?
}

/// A grammar compiled to a flat array of nodes with precomputed first-byte sets and nullability.
struct CompiledGrammar: Sendable, Equatable {
    var nodes: ContiguousArray<Node> = []
    var kids: ContiguousArray<Int32> = []
    var pool: ContiguousArray<UInt8> = []
    var infos: [CaptureInfo] = []
    var ruleNames: [String] = []
    var ruleTypes: [String?] = []
    /// A `call` node per rule: where `match` and `scan` start.
    var ruleEntries: [Int32] = []
    var ruleIndex: [String: Int] = [:]
    /// Per rule, 256 bytes: 1 where a byte can start a non-empty match of the rule. `scan` reads it for every byte
    /// of its range, and a table load beats testing the bits of a `ByteSet`.
    var startTables: ContiguousArray<UInt8> = []
    /// Per rule, the bytes a non-empty match can start with.
    var ruleStarts: [ByteSet] = []
    /// Per rule, the first bytes (up to `PrefixPattern.width`) its matches can start with.
    var rulePrefixes: [[PrefixPattern]] = []
    /// The prefilters: what `scan` checks the next two or three bytes against before trying a
    /// rule, and the matcher before calling one.
    var filters: ContiguousArray<Prefilter> = []
    var filterTables = PrefilterTables()
    /// Per rule, its index in `filters`, or -1 when a filter would reject no more than
    /// `startTables` ("unfiltered").
    var ruleFilters: [Int32] = []
    /// The sixteen-byte checks `scan` makes after the prefilter, and per rule the base of its
    /// checks in `wideTables.buckets`, or -1 when they would tell no more than three bytes.
    var wideTables = WideFilterTables()
    var ruleWideFilters: [Int32] = []
    /// The folded three-byte tables `scan` checks first at each candidate, and per rule the
    /// base of its table, or -1 when it would reject too little to pay.
    var trigrams = FoldedTrigrams()
    var ruleTrigrams: [Int32] = []
    /// Per rule, bytes every match holds one of (when they are rare): `scan` skips a range
    /// without any.
    var ruleRequired: [ByteSet?] = []
    /// Per rule, a byte every match holds right after one of some others ("/" after a
    /// capital): `scan` skips a range without such a pair.
    var ruleRequiredPairs: [RequiredPair?] = []

    /// Per rule, its prefilter, if it has one.
    var prefilters: [Prefilter?] {
        ruleFilters.map { $0 < 0 ? nil : filters[Int($0)] }
    }
}
