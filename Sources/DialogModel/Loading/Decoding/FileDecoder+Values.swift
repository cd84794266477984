// Reading values: mappings, lists, texts, names, numbers and ranges, conditions,
// assignments and references, each reporting what it cannot read.
import DialogSyntax

extension FileDecoder {
    mutating func report(_ d: Diagnostic) { diagnostics.append(d) }

    mutating func entries(_ node: Node, _ what: String) -> [MappingEntry] {
        mapping(node, what)?.entries ?? []
    }

    mutating func mapping(_ node: Node, _ what: String) -> MappingNode? {
        if let m = node.mapping { return m }
        if let s = node.scalar, s.isEmptyValue {
            report(ModelMessage.wrongType(what, expected: "a mapping", found: "empty", node.range))
        } else {
            report(
                ModelMessage.wrongType(
                    what, expected: "a mapping", found: "a \(node.kindName)", node.range,
                    hint: "write its `key: value` lines below it, indented"))
        }
        return nil
    }

    mutating func list(_ node: Node, _ what: String) -> [Node] {
        if let s = node.sequence { return s.items }
        report(
            ModelMessage.wrongType(
                what, expected: "a list", found: "a \(node.kindName)", node.range,
                hint: "start each entry on its own line with `- `"))
        return []
    }

    /// Reports unknown keys, and returns the mapping with each one that has a close known
    /// key, not written too, read as that key.
    mutating func checkKeys(_ m: MappingNode, _ allowed: [String], _ what: String) -> MappingNode {
        var recovered = m
        for (i, entry) in m.entries.enumerated() where !allowed.contains(entry.key.text) {
            let suggestion = Suggestion.closest(to: entry.key.text, among: allowed)
            report(ModelMessage.unknownKey(entry.key.text, in: what, suggestion: suggestion, known: allowed, entry.key.range))
            if let suggestion, !m.entries.contains(where: { $0.key.text == suggestion }),
                !recovered.entries.contains(where: { $0.key.text == suggestion })
            {
                recovered.entries[i].key.text = suggestion
            }
        }
        return recovered
    }

    mutating func required(_ m: MappingNode, _ key: String, _ what: String, _ at: SourceRange) -> Node? {
        if let v = m[key] { return v }
        report(ModelMessage.missingKey(key, in: what, at))
        return nil
    }

    /// Text as written; a collection or an empty value is an error.
    mutating func text(_ node: Node, _ what: String) -> String? {
        guard let s = node.scalar else {
            report(ModelMessage.wrongType(what, expected: "text", found: "a \(node.kindName)", node.range))
            return nil
        }
        if s.isEmptyValue {
            report(ModelMessage.wrongType(what, expected: "text", found: "empty", node.range))
            return nil
        }
        return s.text
    }

    /// A scalar or a list of scalars.
    mutating func textList(_ node: Node, _ what: String) -> [Phrase] {
        if let s = node.scalar {
            return s.isEmptyValue ? [] : [Phrase(text: s.text, range: s.range)]
        }
        return list(node, what).compactMap { item in text(item, "an entry of \(what)").map { Phrase(text: $0, range: item.range) } }
    }

    mutating func name(_ node: Node, _ what: String) -> Located<String>? {
        guard let t = text(node, what) else { return nil }
        guard ExpressionParser.isName(t) else {
            report(
                ModelMessage.invalidValue(
                    "`\(t)` is not a name", node.range,
                    hint: "names are letters, digits and `_`, joined by `.`"))
            return nil
        }
        return Located(t, at: node.range)
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if let s = node.scalar, s.style == .plain, case .bool(let b) = s.typedValue { return b }
        var hint: String?
        if let s = node.scalar, ["yes", "no", "on", "off", "y", "n", "true", "false"].contains(s.text.lowercased()) {
            hint =
                s.style == .plain
                ? "`\(s.text)` is text in dialog files; write `true` or `false`"
                : "write `true` or `false` without quotes"
        }
        report(ModelMessage.wrongType(what, expected: "`true` or `false`", found: describe(node), node.range, hint: hint))
        return nil
    }

    mutating func int(_ node: Node, _ what: String) -> Int? {
        if let s = node.scalar, s.style == .plain, case .int(let i) = s.typedValue { return i }
        report(
            ModelMessage.wrongType(
                what, expected: "a whole number", found: describe(node), node.range,
                hint: "write a number without quotes, such as `1`"))
        return nil
    }

    mutating func intRange(_ node: Node, _ what: String) -> ClosedRange<Int>? {
        guard let t = text(node, what) else { return nil }
        switch Self.readRange(t) {
        case .range(let r): return r
        case .reversed(let r):
            report(
                ModelMessage.invalidValue(
                    "\(what) must go up, not down", node.range,
                    hint: "write the smaller number first: `\(r.lowerBound)...\(r.upperBound)`"))
        case .outOfBounds:
            report(ModelMessage.rangeOutOfBounds(what, written: t, node.range))
        case .invalid:
            report(ModelMessage.invalidValue("\(what) must be a range such as `0...4`", node.range, hint: "write `MIN...MAX`"))
        }
        return nil
    }

    /// What `MIN...MAX` reads as.
    enum RangeReading: Equatable {
        /// Whole numbers within ``DialogLimits/rangeMagnitude``, MIN ≤ MAX.
        case range(ClosedRange<Int>)
        /// Written from the larger number down: the range it should have been.
        case reversed(ClosedRange<Int>)
        /// A whole number beyond ``DialogLimits/rangeMagnitude``, however written
        /// (`9223372036854775807`, `99999999999999999999`, `5e18`).
        case outOfBounds
        case invalid
    }

    /// Reads `MIN...MAX` with whole numbers; never traps, whatever the numbers.
    static func readRange(_ text: some StringProtocol) -> RangeReading {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[1].isEmpty, parts[2].isEmpty else { return .invalid }
        var numbers: [Int] = []
        for part in [parts[0], parts[3]] {
            let side = String(part.trimming(" "))
            if let n = Int(side) {
                numbers.append(n)
            } else if let d = Double(side), d.isFinite, d == d.rounded(), abs(d) > Double(DialogLimits.rangeMagnitude),
                side.allSatisfy({ $0.isNumber || "+-eE".contains($0) })
            {
                return .outOfBounds
            } else {
                return .invalid
            }
        }
        if !numbers.allSatisfy(DialogLimits.fits) { return .outOfBounds }
        return numbers[0] <= numbers[1] ? .range(numbers[0]...numbers[1]) : .reversed(numbers[1]...numbers[0])
    }

    func describe(_ node: Node) -> String {
        if let s = node.scalar { return s.isEmptyValue ? "empty" : "`\(s.text)`" }
        return "a \(node.kindName)"
    }

    /// Where the text of a scalar starts: after the quote of a quoted one.
    func textStart(_ s: ScalarNode) -> SourcePosition {
        var p = s.range.start
        if s.style == .singleQuoted || s.style == .doubleQuoted {
            p.offset += 1
            p.column += 1
        }
        return p
    }

    mutating func dialogText(_ node: Node, _ what: String) -> DialogText? {
        guard let raw = text(node, what), let s = node.scalar else { return nil }
        let parsed = Interpolation.parse(raw, at: textStart(s))
        diagnostics += parsed.diagnostics
        guard let interpolation = parsed.interpolation else { return nil }
        return DialogText(raw: raw, interpolation: interpolation, range: node.range)
    }

    mutating func condition(_ node: Node) -> Condition? {
        guard let s = node.scalar else {
            report(ModelMessage.wrongType("`if`", expected: "a condition", found: "a \(node.kindName)", node.range))
            return nil
        }
        // A plain `if: true` is read by the core schema; the expression reads it the same.
        let parsed = ExpressionParser.parse(s.text, at: textStart(s))
        diagnostics += parsed.diagnostics
        return parsed.expression.map { Condition(text: s.text, expression: $0, range: node.range) }
    }

    /// `set:` — names and expressions. A quoted value is a string, not an expression:
    /// `topic: "billing"` sets the text `billing`.
    mutating func assignments(_ node: Node) -> [Assignment] {
        guard let m = mapping(node, "`set`") else { return [] }
        var out: [Assignment] = []
        for e in m.entries {
            guard ExpressionParser.isName(e.key.text) else {
                report(
                    ModelMessage.invalidValue(
                        "`\(e.key.text)` is not a name", e.key.range,
                        hint: "names are letters, digits and `_`, joined by `.`"))
                continue
            }
            guard let s = e.value.scalar, !s.isEmptyValue else {
                report(ModelMessage.wrongType("the value of `\(e.key.text)`", expected: "an expression", found: describe(e.value), e.value.range))
                sections.damage.variables.insert(e.key.text)
                continue
            }
            if s.style != .plain {
                out.append(Assignment(name: e.key.text, expression: .string(s.text, s.range), range: e.key.range))
                continue
            }
            let parsed = ExpressionParser.parse(s.text, at: textStart(s))
            diagnostics += parsed.diagnostics
            if let expr = parsed.expression {
                out.append(Assignment(name: e.key.text, expression: expr, range: e.key.range))
            } else {
                sections.damage.variables.insert(e.key.text)
            }
        }
        return out
    }

    mutating func reference(_ node: Node, _ what: String) -> NodeReference? {
        guard let t = text(node, what) else { return nil }
        return NodeReference(written: t, target: NodeID(t, in: fileName), range: node.range)
    }

    mutating func sourceRefs(_ node: Node) -> [SourceReference] {
        textList(node, "`source`").map { SourceReference(id: $0.text, range: $0.range) }
    }
}
