/// Whole-grammar analyses, run once all rules are compiled: evaluation order, nullability,
/// first-byte sets, dispatch tables for large choices, and left recursion.
extension GrammarCompiler {
    /// The child nodes of an operator (before large choices become dispatch tables).
    func children(of node: Node) -> [Int32] {
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
    mutating func computeEvaluationOrder() {
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
    mutating func computeNullable() {
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
    mutating func computeFirstSets() -> [ByteSet] {
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
    static let dispatchThreshold = 4

    /// Turns large choices into `dispatchChoice`: a choice of 60 organ names then tries only
    /// the few names that start with the byte at hand, without testing the others.
    mutating func buildDispatchTables() {
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
    func leftCalls(_ index: Int32, into calls: inout [Int]) {
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
    mutating func checkLeftRecursion(bodies: [Int32]) {
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
