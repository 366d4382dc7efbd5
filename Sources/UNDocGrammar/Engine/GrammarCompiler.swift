/// Turns parsed rules into a `CompiledGrammar`, then checks what needs the whole grammar:
/// undefined and duplicate rules, repetitions of nullable expressions, left recursion.
struct GrammarCompiler {
    var program = CompiledGrammar()
    let fileName: String
    let rules: [RuleDefinition]
    /// For error messages: the source line and rule of repetition nodes.
    var repetitionSites: [(node: Int32, line: Int, rule: Int, symbol: String)] = []
    /// The rule each `call` node calls (patched to the body node once all rules are compiled).
    var callTargets: [Int32: Int] = [:]
    var infoIndex: [CaptureInfo: Int32] = [:]
    var errors: [GrammarError] = []
    /// The nodes of each rule's body: contiguous, children before parents.
    var ruleNodes: [Range<Int>] = []
    /// The rule whose body holds each `call` node (entry calls have none).
    var callers: [(node: Int32, rule: Int)] = []
    /// All nodes, rule by rule with called rules first, then the entry calls: the order in
    /// which the fixpoints below converge in one pass when no rule is recursive.
    var evaluationOrder: [Int] = []

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
        checkLeftRecursion(bodies: bodies)
        try throwEarliest()
        let consume = computeFirstSets()
        let prefixes = computeStartPatterns(PrefixPatterns.self)
        let widePrefixes = computeStartPatterns(WidePatterns.self)
        program.ruleRequired = computeRequiredBytes()
        program.ruleRequiredPairs = computeRequiredPairs(consume: consume)
        buildDispatchTables()
        for (rule, entry) in program.ruleEntries.enumerated() {
            let starts = consume[Int(entry)]
            program.ruleStarts.append(starts)
            program.startTables += (0...255).map { starts.contains(UInt8($0)) ? 1 : 0 }
            program.rulePrefixes.append(prefixes[rule])
            if let filter = Prefilter(patterns: prefixes[rule], starts: starts, tables: &program.filterTables) {
                program.ruleFilters.append(Int32(program.filters.count))
                program.filters.append(filter)
            } else {
                program.ruleFilters.append(-1)
            }
            program.ruleWideFilters.append(program.wideTables.add(widePrefixes[rule]) ?? -1)
            // Only where a prefilter pays at all: the folded table is a cheaper first step to it.
            program.ruleTrigrams.append(program.ruleFilters[rule] >= 0 ? program.trigrams.add(prefixes[rule]) : -1)
        }
        // A call checks its rule's filter first, unless the rule can match empty (the filter
        // only speaks of non-empty matches).
        for (node, rule) in callTargets where !program.nodes[Int(node)].nullable {
            program.nodes[Int(node)].c = program.ruleFilters[rule]
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

    /// The pool offset of a 256-byte membership table for the set of byte-class node `node`,
    /// which a class run reads once per byte; -1 when the set holds every byte (`.*` then
    /// runs to the end at once).
    private mutating func classRunTable(_ node: Int32) -> Int32 {
        let set = program.nodes[Int(node)].first
        if set == .all { return -1 }
        let start = Int32(program.pool.count)
        program.pool += (0...255).map { set.contains(UInt8($0)) ? 1 : 0 }
        return start
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
                node = program.nodes[Int(child)].op == .byteClass
                    ? emit(.classStar, a: child, b: classRunTable(child)) : emit(.zeroOrMore, a: child)
            case .oneOrMore:
                node = program.nodes[Int(child)].op == .byteClass
                    ? emit(.classPlus, a: child, b: classRunTable(child)) : emit(.oneOrMore, a: child)
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
}
