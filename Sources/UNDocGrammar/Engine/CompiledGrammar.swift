/// The operation of a compiled node. Payload meanings are listed per case.
@usableFromInline
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
    /// `[...]*` and `[...]+` over the set of byte-class node `a`: a tight loop instead of calls.
    case classStar, classPlus
    /// A choice of many alternatives, indexed by the next byte: `kids[a + c] ..< kids[a + c + 1]`
    /// are the positions in `kids` of the alternatives (in order) that can match when the next
    /// byte is `c`, with `c` = 256 at the end of the input.
    case dispatchChoice
}

/// One node of the flat program. `first` is the set of bytes a non-empty match can start with
/// (every byte when the node is nullable); for `byteClass` it is also the class itself.
@usableFromInline
struct Node: Sendable {
    @usableFromInline var op: Op
    @usableFromInline var nullable: Bool
    @usableFromInline var a: Int32
    @usableFromInline var b: Int32
    @usableFromInline var first: ByteSet
}

/// What a capture node records: a label, a type and rule (typed rule), or both.
struct CaptureInfo: Hashable, Sendable {
    var type: String?
    var label: String?
    var rule: String?
}

/// A grammar compiled to a flat array of nodes with precomputed first-byte sets and nullability.
struct CompiledGrammar: Sendable {
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
}

/// Turns parsed rules into a `CompiledGrammar`, then checks what needs the whole grammar:
/// undefined and duplicate rules, repetitions of nullable expressions, left recursion.
struct GrammarCompiler {
    private var program = CompiledGrammar()
    private let fileName: String
    private let rules: [RuleDefinition]
    /// For error messages: the source line and rule of repetition nodes.
    private var repetitionSites: [(node: Int32, line: Int, rule: Int, symbol: String)] = []
    /// The rule each `call` node calls (patched to the body node once all rules are compiled).
    private var callTargets: [Int32: Int] = [:]
    private var infoIndex: [CaptureInfo: Int32] = [:]
    private var errors: [GrammarError] = []
    /// The nodes of each rule's body: contiguous, children before parents.
    private var ruleNodes: [Range<Int>] = []
    /// The rule whose body holds each `call` node (entry calls have none).
    private var callers: [(node: Int32, rule: Int)] = []
    /// All nodes, rule by rule with called rules first, then the entry calls: the order in
    /// which the fixpoints below converge in one pass when no rule is recursive.
    private var evaluationOrder: [Int] = []

    init(rules: [RuleDefinition], fileName: String) {
        self.rules = rules
        self.fileName = fileName
    }

    static func compile(_ rules: [RuleDefinition], fileName: String) throws(GrammarError) -> CompiledGrammar {
        var compiler = GrammarCompiler(rules: rules, fileName: fileName)
        return try compiler.run()
    }

    private mutating func run() throws(GrammarError) -> CompiledGrammar {
        guard !rules.isEmpty else {
            throw GrammarError(fileName: fileName, line: 1, rule: nil, message: "the grammar has no rules")
        }
        for (i, rule) in rules.enumerated() {
            if let previous = program.ruleIndex[rule.name] {
                errors.append(GrammarError(fileName: fileName, line: rule.line, rule: rule.name,
                                           message: "duplicate rule (first defined on line \(rules[previous].line))"))
                continue
            }
            program.ruleIndex[rule.name] = i
        }
        program.ruleNames = rules.map(\.name)
        program.ruleTypes = rules.map(\.type)
        var bodies: [Int32] = []
        for (i, rule) in rules.enumerated() {
            let start = program.nodes.count
            bodies.append(compile(rule.expression, rule: i))
            ruleNodes.append(start ..< program.nodes.count)
        }
        try throwEarliest()
        for (i, rule) in rules.enumerated() {
            let info = rule.type.map { intern(CaptureInfo(type: $0, label: nil, rule: rule.name)) } ?? -1
            let entry = emit(.call, a: -1, b: info)
            callTargets[entry] = i
            program.ruleEntries.append(entry)
        }
        for (node, rule) in callTargets {
            program.nodes[Int(node)].a = bodies[rule]
        }
        computeEvaluationOrder()
        computeNullable()
        for site in repetitionSites where program.nodes[Int(program.nodes[Int(site.node)].a)].nullable {
            errors.append(GrammarError(fileName: fileName, line: site.line, rule: rules[site.rule].name,
                                       message: "'\(site.symbol)' repeats an expression that can match nothing"))
        }
        try throwEarliest()
        checkLeftRecursion(bodies: bodies)
        try throwEarliest()
        let consume = computeFirstSets()
        buildDispatchTables()
        for entry in program.ruleEntries {
            let starts = consume[Int(entry)]
            program.ruleStarts.append(starts)
            program.startTables += (0...255).map { starts.contains(UInt8($0)) ? 1 : 0 }
        }
        return program
    }

    private func throwEarliest() throws(GrammarError) {
        if let first = errors.min(by: { $0.line < $1.line }) { throw first }
    }

    // MARK: - Emitting nodes

    private mutating func emit(_ op: Op, a: Int32 = 0, b: Int32 = 0, first: ByteSet = ByteSet()) -> Int32 {
        program.nodes.append(Node(op: op, nullable: false, a: a, b: b, first: first))
        return Int32(program.nodes.count - 1)
    }

    private mutating func emitList(_ op: Op, _ children: [Int32]) -> Int32 {
        if children.count == 1 { return children[0] }
        let start = Int32(program.kids.count)
        program.kids.append(contentsOf: children)
        return emit(op, a: start, b: Int32(children.count))
    }

    private mutating func emitLiteral(_ bytes: [UInt8], caseInsensitive: Bool) -> Int32 {
        if bytes.count == 1 {
            var set = ByteSet([bytes[0]])
            if caseInsensitive, bytes[0] >= 0x61, bytes[0] <= 0x7A { set.insert(bytes[0] - 0x20) }
            return emit(.byteClass, first: set)
        }
        let start = Int32(program.pool.count)
        program.pool.append(contentsOf: bytes)
        return emit(caseInsensitive ? .literalCI : .literal, a: start, b: Int32(bytes.count))
    }

    private mutating func intern(_ info: CaptureInfo) -> Int32 {
        if let index = infoIndex[info] { return index }
        program.infos.append(info)
        let index = Int32(program.infos.count - 1)
        infoIndex[info] = index
        return index
    }

    private mutating func compile(_ expression: Expression, rule: Int) -> Int32 {
        switch expression {
        case let .literal(bytes, caseInsensitive):
            return emitLiteral(bytes, caseInsensitive: caseInsensitive)
        case let .characterClass(bytes, sequences, negated):
            if sequences.isEmpty {
                return emit(.byteClass, first: negated ? bytes.complement : bytes)
            }
            // Non-ASCII members are alternatives of their UTF-8 sequences.
            let multiByte = emitList(.choice, sequences.map { emitLiteral($0, caseInsensitive: false) })
            if negated {
                // Not one of the listed characters, then one byte outside the single-byte members.
                let excluded = emit(.not, a: multiByte)
                return emitList(.sequence, [excluded, emit(.byteClass, first: bytes.complement)])
            }
            if bytes.isEmpty { return multiByte }
            return emitList(.choice, [emit(.byteClass, first: bytes), multiByte])
        case .anyByte:
            return emit(.byteClass, first: .all)
        case let .sequence(items):
            return emitList(.sequence, items.map { compile($0, rule: rule) })
        case let .choice(alternatives):
            return emitList(.choice, alternatives.map { compile($0, rule: rule) })
        case let .repetition(inner, kind, line):
            let child = compile(inner, rule: rule)
            let node: Int32
            switch kind {
            case .zeroOrMore:
                node = program.nodes[Int(child)].op == .byteClass ? emit(.classStar, a: child) : emit(.zeroOrMore, a: child)
            case .oneOrMore:
                node = program.nodes[Int(child)].op == .byteClass ? emit(.classPlus, a: child) : emit(.oneOrMore, a: child)
            case .optional:
                node = emit(.optional, a: child)
            }
            if kind != .optional {
                repetitionSites.append((node, line, rule, kind.symbol))
            }
            return node
        case let .lookahead(inner, positive):
            return emit(positive ? .and : .not, a: compile(inner, rule: rule))
        case let .label(label, inner):
            return compileLabel(label, inner, rule: rule)
        case let .group(inner):
            return compile(inner, rule: rule)
        case let .reference(name, line):
            var info: Int32 = -1
            if let target = program.ruleIndex[name], let type = rules[target].type {
                info = intern(CaptureInfo(type: type, label: nil, rule: name))
            }
            return emitCall(to: name, line: line, rule: rule, info: info)
        }
    }

    /// `label:e`. A label names the text `e` matched, as one node, with two exceptions that
    /// make it name nodes instead:
    /// - over `?` it goes inside, so that an absent optional makes no node (`l:x?` is `(l:x)?`);
    /// - on a typed rule, directly or repeated, it goes on each node the rule makes
    ///   (`l:item*` gives one `item` node per match, each labelled `l`), merged into one.
    /// Parentheses stop both: `l:(x?)` and `l:(item*)` make one node.
    private mutating func compileLabel(_ label: String, _ inner: Expression, rule: Int) -> Int32 {
        switch inner {
        case let .repetition(base, kind, line) where kind == .optional || typedReference(base) != nil:
            return compile(.repetition(.label(label, base), kind, line: line), rule: rule)
        case let .reference(name, line):
            if let (target, type) = typedReference(inner) {
                let info = intern(CaptureInfo(type: type, label: label, rule: rules[target].name))
                return emitCall(to: name, line: line, rule: rule, info: info)
            }
        default:
            break
        }
        let child = compile(inner, rule: rule)
        return emit(.capture, a: child, b: intern(CaptureInfo(type: nil, label: label, rule: nil)))
    }

    /// The rule and type when `expression` is a reference to a typed rule, or a repetition of one.
    private func typedReference(_ expression: Expression) -> (rule: Int, type: String)? {
        switch expression {
        case let .reference(name, _):
            guard let target = program.ruleIndex[name], let type = rules[target].type else { return nil }
            return (target, type)
        case let .repetition(base, _, _):
            return typedReference(base)
        default:
            return nil
        }
    }

    private mutating func emitCall(to name: String, line: Int, rule: Int, info: Int32) -> Int32 {
        let node = emit(.call, a: -1, b: info)
        callers.append((node, rule))
        if let target = program.ruleIndex[name] {
            callTargets[node] = target
        } else {
            errors.append(GrammarError(fileName: fileName, line: line, rule: rules[rule].name,
                                       message: "undefined rule '\(name)'"))
        }
        return node
    }

    // MARK: - Analysis

    private func children(of node: Node) -> [Int32] {
        switch node.op {
        case .sequence, .choice:
            return Array(program.kids[Int(node.a) ..< Int(node.a + node.b)])
        case .zeroOrMore, .oneOrMore, .optional, .and, .not, .capture, .call, .classStar, .classPlus:
            return [node.a]
        case .literal, .literalCI, .byteClass, .dispatchChoice:
            return []
        }
    }

    /// Post-order over the rule call graph (iterative: a long chain of rules must not overflow
    /// the stack), so that a rule's callees are evaluated before it.
    private mutating func computeEvaluationOrder() {
        var callees = [[Int]](repeating: [], count: rules.count)
        for (node, caller) in callers {
            if let target = callTargets[node] { callees[caller].append(target) }
        }
        var visited = [Bool](repeating: false, count: rules.count)
        var ruleOrder: [Int] = []
        for root in rules.indices where !visited[root] {
            visited[root] = true
            var stack: [(rule: Int, next: Int)] = [(root, 0)]
            while let top = stack.last {
                if top.next < callees[top.rule].count {
                    stack[stack.count - 1].next += 1
                    let target = callees[top.rule][top.next]
                    if !visited[target] {
                        visited[target] = true
                        stack.append((target, 0))
                    }
                } else {
                    ruleOrder.append(top.rule)
                    stack.removeLast()
                }
            }
        }
        evaluationOrder = ruleOrder.flatMap { Array(ruleNodes[$0]) }
        evaluationOrder += program.ruleEntries.map { Int($0) }
    }

    /// Least fixpoint: a node is nullable when it can succeed without consuming input.
    private mutating func computeNullable() {
        var changed = true
        while changed {
            changed = false
            for i in evaluationOrder where !program.nodes[i].nullable {
                let node = program.nodes[i]
                let nullable: Bool
                switch node.op {
                case .literal, .literalCI: nullable = node.b == 0
                case .byteClass, .classPlus, .dispatchChoice: nullable = false
                case .sequence: nullable = children(of: node).allSatisfy { program.nodes[Int($0)].nullable }
                case .choice: nullable = children(of: node).contains { program.nodes[Int($0)].nullable }
                case .zeroOrMore, .optional, .and, .not, .classStar: nullable = true
                case .oneOrMore, .capture, .call: nullable = program.nodes[Int(node.a)].nullable
                }
                if nullable {
                    program.nodes[i].nullable = true
                    changed = true
                }
            }
        }
    }

    /// Least fixpoint of the bytes each node's non-empty matches can start with ("consuming
    /// first sets", kept for nullable nodes too, so that `x? y` starts with x's or y's bytes).
    /// Then `first` is that set, or every byte for a nullable node, which may succeed anywhere.
    /// Returns the consuming sets: `scan` ignores empty matches, so they are its start bytes.
    private mutating func computeFirstSets() -> [ByteSet] {
        var consume = [ByteSet](repeating: ByteSet(), count: program.nodes.count)
        var changed = true
        while changed {
            changed = false
            for i in evaluationOrder {
                let node = program.nodes[i]
                var set: ByteSet
                switch node.op {
                case .byteClass:
                    set = node.first
                case .literal, .literalCI:
                    set = ByteSet()
                    if node.b > 0 {
                        let b = program.pool[Int(node.a)]
                        set.insert(b)
                        if node.op == .literalCI, b >= 0x61, b <= 0x7A { set.insert(b - 0x20) }
                    }
                case .sequence:
                    // Children are tried at the start while the ones before matched empty; a
                    // lookahead `&e` passed on the way narrows what can come after it.
                    set = ByteSet()
                    var mask = ByteSet.all
                    for k in children(of: node) {
                        let kid = program.nodes[Int(k)]
                        if kid.op == .and {
                            let inner = program.nodes[Int(kid.a)]
                            if !inner.nullable { mask = mask.intersection(consume[Int(kid.a)]) }
                            continue
                        }
                        if kid.op == .not { continue }
                        set = set.union(consume[Int(k)].intersection(mask))
                        if !kid.nullable { break }
                    }
                case .choice:
                    set = ByteSet()
                    for k in children(of: node) { set = set.union(consume[Int(k)]) }
                case .and, .not, .dispatchChoice:
                    set = ByteSet()
                case .zeroOrMore, .oneOrMore, .optional, .capture, .call, .classStar, .classPlus:
                    set = consume[Int(node.a)]
                }
                if set != consume[i] {
                    consume[i] = set
                    changed = true
                }
            }
        }
        for i in program.nodes.indices {
            program.nodes[i].first = program.nodes[i].nullable ? .all : consume[i]
        }
        return consume
    }

    /// Choices with at least this many alternatives get a table indexed by the next byte.
    private static let dispatchThreshold = 4

    /// Turns large choices into `dispatchChoice`: a choice of 60 organ names then tries only
    /// the few names that start with the byte at hand, without testing the others.
    private mutating func buildDispatchTables() {
        for i in program.nodes.indices where program.nodes[i].op == .choice && program.nodes[i].b >= Self.dispatchThreshold {
            let alternatives = children(of: program.nodes[i])
            let base = program.kids.count
            program.kids.append(contentsOf: repeatElement(0, count: 258))
            for slot in 0...256 {
                program.kids[base + slot] = Int32(program.kids.count)
                for k in alternatives {
                    let kid = program.nodes[Int(k)]
                    if slot == 256 ? kid.nullable : kid.first.contains(UInt8(slot)) {
                        program.kids.append(k)
                    }
                }
            }
            program.kids[base + 257] = Int32(program.kids.count)
            program.nodes[i].op = .dispatchChoice
            program.nodes[i].a = Int32(base)
        }
    }

    /// Rules called at the position where `node` starts, without following calls.
    private func leftCalls(_ index: Int32, into calls: inout [Int]) {
        let node = program.nodes[Int(index)]
        switch node.op {
        case .literal, .literalCI, .byteClass, .classStar, .classPlus, .dispatchChoice:
            return
        case .sequence:
            for k in children(of: node) {
                leftCalls(k, into: &calls)
                if !program.nodes[Int(k)].nullable { return }
            }
        case .choice:
            for k in children(of: node) { leftCalls(k, into: &calls) }
        case .zeroOrMore, .oneOrMore, .optional, .and, .not, .capture:
            leftCalls(node.a, into: &calls)
        case .call:
            if let target = callTargets[index] { calls.append(target) }
        }
    }

    /// Finds a cycle of rules calling each other without consuming input (iteratively, so
    /// that a long chain of rules cannot overflow the stack).
    private mutating func checkLeftRecursion(bodies: [Int32]) {
        let edges: [[Int]] = bodies.map { body in
            var calls: [Int] = []
            leftCalls(body, into: &calls)
            return calls
        }
        enum Mark { case unvisited, active, done }
        var marks = [Mark](repeating: .unvisited, count: rules.count)
        for root in rules.indices where marks[root] == .unvisited {
            var stack: [(rule: Int, next: Int)] = [(root, 0)]
            marks[root] = .active
            while let top = stack.last {
                if top.next < edges[top.rule].count {
                    stack[stack.count - 1].next += 1
                    let target = edges[top.rule][top.next]
                    switch marks[target] {
                    case .active:
                        let start = stack.firstIndex { $0.rule == target }!
                        let cycle = stack[start...].map { rules[$0.rule].name } + [rules[target].name]
                        errors.append(GrammarError(fileName: fileName, line: rules[target].line, rule: rules[target].name,
                                                   message: "left recursion: \(cycle.joined(separator: " -> ")) (a rule reaches itself without consuming input)"))
                        return
                    case .unvisited:
                        marks[target] = .active
                        stack.append((target, 0))
                    case .done:
                        break
                    }
                } else {
                    marks[top.rule] = .done
                    stack.removeLast()
                }
            }
        }
    }
}
