/// A capture on the matcher's stack, in pre-order: a node's children are the records after it,
/// up to `next`. Records of failed attempts are dropped by truncating the stack.
struct CaptureRecord {
    var start: Int
    var end: Int
    var info: Int32
    var next: Int32
}

/// Runs a compiled grammar over UTF-8 bytes with plain PEG semantics (no memoization).
///
/// Everything it reads is an unsafe buffer borrowed for the duration of one `match` or `scan`,
/// so the recursive `run` does no reference counting and allocates only when the capture
/// stack grows. A failing node may leave garbage records above the stack height its caller
/// saved; every node that goes on after a failure (choice, repetition, option, lookahead)
/// truncates back to the height it saved.
struct Matcher: ~Copyable {
    let nodes: UnsafeBufferPointer<Node>
    let kids: UnsafeBufferPointer<Int32>
    let pool: UnsafeBufferPointer<UInt8>
    let input: UnsafeBufferPointer<UInt8>
    /// The rules' prefilters, checked before a call.
    let filters: UnsafeBufferPointer<Prefilter>
    let filterTables: PrefilterTables.Pointers
    /// Nothing at or after `end` is read.
    let end: Int
    let maximumDepth: Int
    var depth = 0
    /// Set when the depth limit was hit: the whole attempt then fails.
    var aborted = false
    /// The capture stack: first a buffer lent by the caller (on its stack), then, if that
    /// fills up, one the matcher allocates and owns.
    var captures: UnsafeMutablePointer<CaptureRecord>?
    var ownsCaptures = false
    var captureCount = 0
    var captureCapacity = 0

    init(nodes: UnsafeBufferPointer<Node>, kids: UnsafeBufferPointer<Int32>, pool: UnsafeBufferPointer<UInt8>,
         filters: UnsafeBufferPointer<Prefilter>, filterTables: PrefilterTables.Pointers,
         input: UnsafeBufferPointer<UInt8>, end: Int, maximumDepth: Int) {
        self.nodes = nodes
        self.kids = kids
        self.pool = pool
        self.filters = filters
        self.filterTables = filterTables
        self.input = input
        self.end = end
        self.maximumDepth = maximumDepth
    }

    deinit {
        if ownsCaptures { captures?.deallocate() }
    }

    /// Starts the capture stack in `buffer`, which must outlive the matcher (no allocation for
    /// the usual few captures of an attempt).
    mutating func lend(_ buffer: UnsafeMutableBufferPointer<CaptureRecord>) {
        captures = buffer.baseAddress
        captureCapacity = buffer.count
    }

    /// Matches node `index` at `p`; returns the end of the match, or -1.
    ///
    /// Leaves are matched here; operators that recurse go through small helpers, so that a
    /// debug build (which neither inlines nor shares stack slots between cases) keeps the
    /// frames on the recursion path small. An optimised build inlines them back.
    mutating func run(_ index: Int32, _ p: Int) -> Int {
        let node = nodes[Int(index)]
        switch node.op {
        case .byteClass:
            return p < end && node.first.contains(input[p]) ? p &+ 1 : -1
        case .literal:
            return matchLiteral(node, p, foldCase: false)
        case .literalCI:
            return matchLiteral(node, p, foldCase: true)
        case .classStar:
            return matchClassRun(node.b, p)
        case .classPlus:
            let q = matchClassRun(node.b, p)
            return q > p ? q : -1
        case .sequence:
            return runSequence(node.a, node.b, p)
        case .choice:
            return runChoice(node.a, node.b, p)
        case .dispatchChoice:
            return runDispatchChoice(node.a, p)
        case .zeroOrMore:
            return repeatFrom(p, node.a)
        case .oneOrMore:
            let q = run(node.a, p)
            return q < 0 ? -1 : repeatFrom(q, node.a)
        case .optional:
            return runOptional(node.a, p)
        case .and, .not:
            return runLookahead(node.a, p, positive: node.op == .and)
        case .capture:
            return runCapture(node.a, info: node.b, p)
        case .call:
            return runCall(node.a, info: node.b, filter: node.c, p)
        }
    }

    @inline(__always)
    private func matchLiteral(_ node: Node, _ p: Int, foldCase: Bool) -> Int {
        let count = Int(node.b)
        guard count <= end &- p else { return -1 }
        let base = Int(node.a)
        var i = 0
        while i < count {
            var c = input[p &+ i]
            // The pool holds a case-insensitive literal in lower case: fold ASCII letters only.
            if foldCase, c &- 0x41 < 26 { c |= 0x20 }
            if c != pool[base &+ i] { return -1 }
            i &+= 1
        }
        return p &+ count
    }

    /// The end of the longest run from `p` of bytes in the set whose membership table starts at
    /// `pool[table]` (a table load per byte beats testing a `ByteSet`'s bits); a negative
    /// `table` stands for the set of every byte.
    @inline(__always)
    private func matchClassRun(_ table: Int32, _ p: Int) -> Int {
        if table < 0 { return max(p, end) }
        let member = pool.baseAddress! + Int(table)
        var q = p
        while q < end, member[Int(input[q])] != 0 { q &+= 1 }
        return q
    }

    @inline(__always)
    private mutating func runSequence(_ start: Int32, _ count: Int32, _ p: Int) -> Int {
        var q = p
        var i = Int(start)
        let last = i &+ Int(count)
        while i < last {
            let kid = kids[i]
            guard canStart(kid, q) else { return -1 }
            q = run(kid, q)
            if q < 0 { return -1 }
            i &+= 1
        }
        return q
    }

    @inline(__always)
    private mutating func runChoice(_ start: Int32, _ count: Int32, _ p: Int) -> Int {
        let saved = captureCount
        var i = Int(start)
        let last = i &+ Int(count)
        while i < last {
            let kid = kids[i]
            i &+= 1
            // Skip alternatives that cannot start here without calling them.
            guard canStart(kid, p) else { continue }
            let q = run(kid, p)
            if q >= 0 { return q }
            captureCount = saved
            if aborted { return -1 }
        }
        return -1
    }

    @inline(__always)
    private mutating func runDispatchChoice(_ table: Int32, _ p: Int) -> Int {
        let saved = captureCount
        let slot = Int(table) &+ (p < end ? Int(input[p]) : 256)
        var i = Int(kids[slot])
        let last = Int(kids[slot &+ 1])
        while i < last {
            let q = run(kids[i], p)
            if q >= 0 { return q }
            captureCount = saved
            if aborted { return -1 }
            i &+= 1
        }
        return -1
    }

    @inline(__always)
    private mutating func runOptional(_ child: Int32, _ p: Int) -> Int {
        guard canStart(child, p) else { return p }
        let saved = captureCount
        let q = run(child, p)
        if q >= 0 { return q }
        captureCount = saved
        return aborted ? -1 : p
    }

    /// `&e` and `!e`: consume nothing and keep no captures.
    @inline(__always)
    private mutating func runLookahead(_ child: Int32, _ p: Int, positive: Bool) -> Int {
        let saved = captureCount
        let q = run(child, p)
        captureCount = saved
        if positive { return q >= 0 ? p : -1 }
        return q < 0 && !aborted ? p : -1
    }

    @inline(__always)
    private mutating func runCapture(_ child: Int32, info: Int32, _ p: Int) -> Int {
        let slot = push(start: p, info: info)
        let q = run(child, p)
        if q < 0 { return -1 }
        close(slot, end: q)
        return q
    }

    @inline(__always)
    private mutating func runCall(_ body: Int32, info: Int32, filter: Int32, _ p: Int) -> Int {
        if depth >= maximumDepth {
            aborted = true
            return -1
        }
        // The rule cannot match here if its next two or three bytes do not fit: most calls that
        // pass the first-byte test fail this way, before any capture or deeper call.
        if filter >= 0, !filters[Int(filter)].accepts(filterTables, input, p, end: end) {
            return -1
        }
        depth &+= 1
        defer { depth &-= 1 }
        return info < 0 ? run(body, p) : runCapture(body, info: info, p)
    }

    /// Greedy repetition of `child` from `p`; stops at the first failure or at an iteration
    /// that consumes nothing (which the compiler rejects, but a loop must never hang).
    private mutating func repeatFrom(_ p: Int, _ child: Int32) -> Int {
        var q = p
        while canStart(child, q) {
            let saved = captureCount
            let r = run(child, q)
            if r <= q {
                captureCount = saved
                return aborted ? -1 : q
            }
            q = r
        }
        return q
    }

    /// Whether node `index` can succeed at `p` as far as its first-byte set tells: checked
    /// inline before a call, since most calls fail at their first byte.
    @inline(__always)
    private func canStart(_ index: Int32, _ p: Int) -> Bool {
        let node = nodes[Int(index)]
        return p < end ? node.first.contains(input[p]) : node.nullable
    }

    private mutating func push(start: Int, info: Int32) -> Int {
        if captureCount == captureCapacity { grow() }
        captures![captureCount] = CaptureRecord(start: start, end: start, info: info, next: 0)
        captureCount &+= 1
        return captureCount &- 1
    }

    private mutating func close(_ slot: Int, end: Int) {
        captures![slot].end = end
        captures![slot].next = Int32(captureCount)
    }

    private mutating func grow() {
        let capacity = max(16, captureCapacity * 2)
        let bigger = UnsafeMutablePointer<CaptureRecord>.allocate(capacity: capacity)
        if let old = captures {
            bigger.moveInitialize(from: old, count: captureCount)
            if ownsCaptures { old.deallocate() }
        }
        captures = bigger
        captureCapacity = capacity
        ownsCaptures = true
    }

    /// Starts a fresh attempt.
    mutating func reset() {
        captureCount = 0
        depth = 0
        aborted = false
    }

    /// The captures of the last successful attempt, copied out of the stack.
    func captureTree(infos: [CaptureInfo], reusing spare: CaptureTreeStorage? = nil) -> CaptureTree {
        guard let captures, captureCount > 0 else { return .empty }
        return CaptureTree.make(count: captureCount, infos: infos, reusing: spare) { i in
            let record = captures[i]
            return CaptureTree.Record(start: record.start, end: record.end, info: record.info, next: record.next)
        }
    }
}
