/// A capture on the matcher's stack, in pre-order: a node's children are the records after it,
/// up to `next`. Records of failed attempts are dropped by truncating the stack.
@usableFromInline
struct CaptureRecord {
    @usableFromInline var start: Int
    @usableFromInline var end: Int
    @usableFromInline var info: Int32
    @usableFromInline var next: Int32
}

/// Runs a compiled grammar over UTF-8 bytes with plain PEG semantics (no memoization).
///
/// Everything it reads is an unsafe buffer borrowed for the duration of one `match` or `scan`,
/// so the recursive `run` does no reference counting and allocates only when the capture
/// stack grows. A failing node may leave garbage records above the stack height its caller
/// saved; every node that goes on after a failure (choice, repetition, option, lookahead)
/// truncates back to the height it saved.
@usableFromInline
struct Matcher: ~Copyable {
    let nodes: UnsafeBufferPointer<Node>
    let kids: UnsafeBufferPointer<Int32>
    let pool: UnsafeBufferPointer<UInt8>
    let input: UnsafeBufferPointer<UInt8>
    /// Nothing at or after `end` is read.
    let end: Int
    let maximumDepth: Int
    var depth = 0
    /// Set when the depth limit was hit: the whole attempt then fails.
    var aborted = false
    var captures: UnsafeMutablePointer<CaptureRecord>?
    var captureCount = 0
    var captureCapacity = 0

    init(nodes: UnsafeBufferPointer<Node>, kids: UnsafeBufferPointer<Int32>, pool: UnsafeBufferPointer<UInt8>,
         input: UnsafeBufferPointer<UInt8>, end: Int, maximumDepth: Int) {
        self.nodes = nodes
        self.kids = kids
        self.pool = pool
        self.input = input
        self.end = end
        self.maximumDepth = maximumDepth
    }

    deinit {
        captures?.deallocate()
    }

    /// Matches node `index` at `p`; returns the end of the match, or -1.
    mutating func run(_ index: Int32, _ p: Int) -> Int {
        let node = nodes[Int(index)]
        switch node.op {
        case .byteClass:
            return p < end && node.first.contains(input[p]) ? p &+ 1 : -1

        case .literal:
            let count = Int(node.b)
            guard count <= end &- p else { return -1 }
            let base = Int(node.a)
            var i = 0
            while i < count {
                if input[p &+ i] != pool[base &+ i] { return -1 }
                i &+= 1
            }
            return p &+ count

        case .literalCI:
            let count = Int(node.b)
            guard count <= end &- p else { return -1 }
            let base = Int(node.a)
            var i = 0
            while i < count {
                var c = input[p &+ i]
                if c &- 0x41 < 26 { c |= 0x20 }
                if c != pool[base &+ i] { return -1 }
                i &+= 1
            }
            return p &+ count

        case .sequence:
            var q = p
            var i = Int(node.a)
            let last = i &+ Int(node.b)
            while i < last {
                q = run(kids[i], q)
                if q < 0 { return -1 }
                i &+= 1
            }
            return q

        case .choice:
            let saved = captureCount
            var i = Int(node.a)
            let last = i &+ Int(node.b)
            if p < end {
                // Skip alternatives that cannot start with this byte without calling them.
                let c = input[p]
                while i < last {
                    let kid = kids[i]
                    i &+= 1
                    if !nodes[Int(kid)].first.contains(c) { continue }
                    let q = run(kid, p)
                    if q >= 0 { return q }
                    captureCount = saved
                    if aborted { return -1 }
                }
            } else {
                while i < last {
                    let kid = kids[i]
                    i &+= 1
                    if !nodes[Int(kid)].nullable { continue }
                    let q = run(kid, p)
                    if q >= 0 { return q }
                    captureCount = saved
                    if aborted { return -1 }
                }
            }
            return -1

        case .zeroOrMore:
            return repeatFrom(p, node.a)

        case .oneOrMore:
            let q = run(node.a, p)
            return q < 0 ? -1 : repeatFrom(q, node.a)

        case .optional:
            let saved = captureCount
            let q = run(node.a, p)
            if q >= 0 { return q }
            captureCount = saved
            return aborted ? -1 : p

        case .and:
            let saved = captureCount
            let q = run(node.a, p)
            captureCount = saved
            return q >= 0 ? p : -1

        case .not:
            let saved = captureCount
            let q = run(node.a, p)
            captureCount = saved
            return q < 0 && !aborted ? p : -1

        case .capture:
            let slot = push(start: p, info: node.b)
            let q = run(node.a, p)
            if q < 0 { return -1 }
            close(slot, end: q)
            return q

        case .call:
            if depth >= maximumDepth {
                aborted = true
                return -1
            }
            depth &+= 1
            defer { depth &-= 1 }
            if node.b < 0 { return run(node.a, p) }
            let slot = push(start: p, info: node.b)
            let q = run(node.a, p)
            if q < 0 { return -1 }
            close(slot, end: q)
            return q

        case .classStar:
            let set = nodes[Int(node.a)].first
            var q = p
            while q < end, set.contains(input[q]) { q &+= 1 }
            return q

        case .classPlus:
            let set = nodes[Int(node.a)].first
            var q = p
            while q < end, set.contains(input[q]) { q &+= 1 }
            return q > p ? q : -1
        }
    }

    /// Greedy repetition of `child` from `p`; stops at the first failure or at an iteration
    /// that consumes nothing (which the compiler rejects, but a loop must never hang).
    private mutating func repeatFrom(_ p: Int, _ child: Int32) -> Int {
        var q = p
        while true {
            let saved = captureCount
            let r = run(child, q)
            if r <= q {
                captureCount = saved
                return aborted ? -1 : q
            }
            q = r
        }
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
            old.deallocate()
        }
        captures = bigger
        captureCapacity = capacity
    }

    /// Starts a fresh attempt.
    mutating func reset() {
        captureCount = 0
        depth = 0
        aborted = false
    }

    /// The capture tree of the last successful attempt.
    func captureTree(infos: [CaptureInfo]) -> [Capture] {
        guard let captures, captureCount > 0 else { return [] }
        func build(_ from: Int, _ to: Int) -> [Capture] {
            var result: [Capture] = []
            var i = from
            while i < to {
                let record = captures[i]
                let next = Int(record.next)
                let info = infos[Int(record.info)]
                result.append(Capture(type: info.type, label: info.label, rule: info.rule,
                                      range: record.start ..< record.end, children: build(i + 1, next)))
                i = next
            }
            return result
        }
        return build(0, captureCount)
    }
}
