import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax

/// Reads the test format (README, "Scripted dialog tests") into a ``TestFile``, with a
/// located diagnostic for every problem; it reads on after each one, so a run lists
/// them all.
package enum TestParser: LineFileFormat {
    /// The file extension of test files.
    package static let fileExtension = "test"

    package static func parse(_ bytes: [UInt8], path: String) -> TestFile {
        Reader(path: path, bytes: bytes).file
    }

    /// Every key the format knows, for suggestions and for the README.
    static let keys: [String] = {
        var keys = [
            "test", "bundle", "start", "region", "seed", "set", "node", "state", "crisis", "crisis level",
            "matched", "matched phrase", "var", "score", "passed", "item", "end of input",
        ]
        for field in TextField.allCases {
            for op in ["is", "contains", "lacks", "matches", "any of"] { keys.append("\(field.rawValue) \(op)") }
        }
        for field in ListField.allCases {
            keys += [field.rawValue, "\(field.rawValue) contains", "\(field.rawValue) lacks"]
        }
        return keys
    }()
}

private typealias Line = FileLine

private struct Reader {
    var file: TestFile
    var lines: [Line] = []
    /// The section being read: nil for the setup, else the index of the test.
    var test: Int?
    /// Whether the current section has had a line typed (`>` or `end of input`).
    var sectionHasInput = false
    var names: [String: SourceRange] = [:]
    var optionsSeen: [String: SourceRange] = [:]

    /// Reads the whole file into `file`.
    init(path: String, bytes: [UInt8]) {
        file = TestFile(
            path: path, source: SourceFile(path: path, bytes: bytes), bundle: nil, setup: TestSection(),
            tests: [], diagnostics: [])
        lines = FileLine.split(bytes, into: &file.diagnostics) { TestMessage.invalidText("invalid UTF-8", $0) }
        readAll()
    }

    private mutating func readAll() {
        for line in lines { read(line) }
        if file.tests.isEmpty && !file.hasErrors {
            file.diagnostics.append(TestMessage.noTests(SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))))
        }
    }

    // MARK: - Positions

    func position(_ line: Line, _ index: String.Index) -> SourcePosition {
        let t = line.text
        return SourcePosition(
            offset: line.offset + t.utf8.distance(from: t.startIndex, to: index), line: line.number,
            column: t.unicodeScalars.distance(from: t.startIndex, to: index) + 1)
    }

    func range(_ line: Line, _ r: Range<String.Index>) -> SourceRange {
        SourceRange(start: position(line, r.lowerBound), end: position(line, r.upperBound))
    }

    // MARK: - Sections

    var section: TestSection {
        get { test.map { file.tests[$0].section } ?? file.setup }
        set {
            if let test { file.tests[test].section = newValue } else { file.setup = newValue }
        }
    }

    mutating func report(_ d: Diagnostic) { file.diagnostics.append(d) }

    // MARK: - Lines

    mutating func read(_ line: Line) {
        let t = line.text
        guard let first = t.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return }
        var last = t.endIndex
        while last > first, t[t.index(before: last)] == " " || t[t.index(before: last)] == "\t" { last = t.index(before: last) }
        let whole = first..<last
        if t[first] == "#" { return }
        if t[first] == ">" {
            // The line typed: everything after `>` and one space, as written.
            var from = t.index(after: first)
            if from < t.endIndex && t[from] == " " { from = t.index(after: from) }
            addStep(.line(String(t[from...])), range(line, first..<t.endIndex))
            return
        }
        if t[whole].lowercased() == "end of input" {
            addStep(.endOfInput, range(line, whole))
            return
        }
        guard let colon = t[whole].firstIndex(of: ":") else {
            report(TestMessage.unknownLine(range(line, whole)))
            return
        }
        let key = t[first..<colon].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var valueStart = t.index(after: colon)
        while valueStart < last && (t[valueStart] == " " || t[valueStart] == "\t") { valueStart = t.index(after: valueStart) }
        if valueStart > last { valueStart = last }
        let value = Written(text: String(t[valueStart..<last]), range: range(line, valueStart..<last))
        keyed(key, value, line: line, keyRange: range(line, first..<colon), lineRange: range(line, whole))
    }

    /// A value as written after `key:`, trimmed, with its range.
    struct Written {
        var text: String
        var range: SourceRange
    }

    mutating func keyed(_ key: [String], _ value: Written, line: Line, keyRange: SourceRange, lineRange: SourceRange) {
        let written = String(line.text.drop { $0 == " " || $0 == "\t" })
        guard let head = key.first else {
            report(TestMessage.unknownLine(lineRange))
            return
        }
        let rest = Array(key.dropFirst())
        func expect(_ check: Check?) {
            if let check { addExpectation(check, range: lineRange, line: line.number, written: written) }
        }
        switch head {
        case "test" where rest.isEmpty:
            newTest(value, lineRange: lineRange)
        case "bundle" where rest.isEmpty:
            if test != nil {
                report(TestMessage.misplaced("`bundle:` belongs to the file's header, before the first test", keyRange))
            } else if file.bundle != nil {
                report(TestMessage.misplaced("a second `bundle:`", keyRange))
            } else if value.text.isEmpty {
                report(TestMessage.missingValue("bundle", "a folder", keyRange))
            } else {
                file.bundle = Located(value.text, at: value.range)
            }
        case "start" where rest.isEmpty, "region" where rest.isEmpty, "seed" where rest.isEmpty:
            option(head, value, keyRange: keyRange)
        case "set" where rest.count == 1:
            guard optionPlacement("set \(rest[0])", keyRange) else { return }
            if let v = literal(value, key: "set \(rest[0])", keyRange: keyRange) {
                section.presets.append(Preset(name: rest[0], value: v, range: lineRange))
            }
        case "say", "ask", "choices", "reply", "note", "summary":
            guard let field = TextField(rawValue: head) else { return }
            expect(textCheck(field, rest, value, keyRange: keyRange))
        case "flags", "reported", "denied":
            guard let field = ListField(rawValue: head) else { return }
            expect(listCheck(field, rest, value, keyRange: keyRange))
        case "crisis" where rest.first == "also":
            expect(listCheck(.crisisAlso, Array(rest.dropFirst()), value, keyRange: keyRange))
        case "crisis" where rest == ["level"]:
            guard !value.text.isEmpty else { return report(TestMessage.missingValue("crisis level", "a level: takeover or resources", keyRange)) }
            expect(level(value).map { .crisisLevel($0) })
        case "crisis" where rest.isEmpty:
            expect(crisis(value, keyRange: keyRange))
        case "node" where rest.isEmpty:
            guard !value.text.isEmpty else { return report(TestMessage.missingValue("node", "a node id (file.node)", keyRange)) }
            expect(.node(value.text))
        case "state" where rest.isEmpty:
            guard let state = Turn.State(rawValue: value.text) else {
                return report(
                    TestMessage.invalidValue(
                        "unknown state `\(value.text)`", value.range,
                        hint: "one of: awaiting-choice, awaiting-text, awaiting-number, ended"))
            }
            expect(.state(state))
        case "matched" where rest == ["phrase"]:
            guard let text = self.text(value, key: "matched phrase", keyRange: keyRange) else { return }
            expect(.matchedPhrase(text))
        case "matched" where rest.isEmpty:
            expect(matched(value, keyRange: keyRange))
        case "var" where rest.count == 1:
            if value.text == "unset" {
                expect(.variable(rest[0], nil))
            } else if let v = literal(value, key: "var \(rest[0])", keyRange: keyRange) {
                expect(.variable(rest[0], v))
            }
        case "score" where rest.count == 1:
            expect(score(rest[0], value, keyRange: keyRange))
        case "passed" where rest.isEmpty:
            guard let verdict = ["true": true, "false": false][value.text] else {
                return report(TestMessage.invalidValue("`passed:` is `true` or `false`", value.text.isEmpty ? keyRange : value.range))
            }
            expect(.passed(verdict))
        case "item" where rest.count == 1:
            guard let status = Debrief.Item.Status(rawValue: value.text) else {
                return report(
                    TestMessage.invalidValue(
                        "unknown status `\(value.text)`", value.text.isEmpty ? keyRange : value.range,
                        hint: "one of: " + Debrief.Item.Status.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            expect(.rubricItem(rest[0], status))
        default:
            let written = key.joined(separator: " ")
            if TextField(rawValue: head) != nil || key.count == 1 && ["var", "score", "set", "item"].contains(head) {
                report(TestMessage.unknownKey(written, keyRange, suggestion: nil))
            } else {
                report(TestMessage.unknownKey(written, keyRange, suggestion: Suggestion.closest(to: written, among: TestParser.keys)))
            }
        }
    }

    // MARK: - Tests, options, steps

    mutating func newTest(_ value: Written, lineRange: SourceRange) {
        let name = value.text
        if name.isEmpty {
            report(TestMessage.missingValue("test", "a name", lineRange))
        } else if let first = names[name] {
            report(TestMessage.duplicateTest(name, lineRange, first: first))
        } else {
            names[name] = lineRange
        }
        file.tests.append(
            TestCase(
                name: name.isEmpty ? "line \(lineRange.start.line)" : name, range: lineRange,
                section: TestSection()))
        test = file.tests.count - 1
        sectionHasInput = false
        optionsSeen = [:]
    }

    /// Whether an option may be written here: before the section's first line typed.
    mutating func optionPlacement(_ key: String, _ keyRange: SourceRange) -> Bool {
        if sectionHasInput {
            report(TestMessage.misplaced("`\(key):` must come before the first `>` line of the \(test == nil ? "setup" : "test")", keyRange))
            return false
        }
        if let first = optionsSeen[key] {
            report(TestMessage.misplaced("a second `\(key):`", keyRange, notes: [.init(message: "the first one is here", range: first)]))
            return false
        }
        optionsSeen[key] = keyRange
        return true
    }

    mutating func option(_ key: String, _ value: Written, keyRange: SourceRange) {
        guard optionPlacement(key, keyRange) else { return }
        guard !value.text.isEmpty else {
            let what = ["start": "a node id (file.node)", "region": "a region code such as US", "seed": "a whole number"][key] ?? "a value"
            return report(TestMessage.missingValue(key, what, keyRange))
        }
        switch key {
        case "start": section.start = Located(value.text, at: value.range)
        case "region": section.region = Located(value.text, at: value.range)
        default:
            guard let seed = UInt64(value.text) else {
                return report(TestMessage.invalidValue("`seed:` needs a whole number, not `\(value.text)`", value.range))
            }
            section.seed = Located(seed, at: value.range)
        }
    }

    mutating func addStep(_ action: StepAction, _ range: SourceRange) {
        sectionHasInput = true
        section.steps.append(Step(action: action, range: range))
    }

    mutating func addExpectation(_ check: Check, range: SourceRange, line: Int, written: String) {
        var s = section
        if s.steps.isEmpty {
            s.steps.append(Step(action: test == nil ? .open : .latest, range: range))
        }
        let index = s.steps.count - 1
        // Consecutive `is:` lines of one field are one expectation: the field's items.
        if case .text(let field, .exactly(let items)) = check {
            let earlier = s.steps[index].expectations.lastIndex {
                if case .text(field, .exactly) = $0.check { return true }
                return false
            }
            if let earlier {
                let group = s.steps[index].expectations[earlier]
                guard earlier == s.steps[index].expectations.count - 1, group.lines.upperBound == line - 1,
                    case .text(_, .exactly(let sofar)) = group.check
                else {
                    report(
                        TestMessage.misplaced(
                            "the `\(field.rawValue) is:` lines of one turn must be consecutive", range,
                            notes: [.init(message: "the first ones are here", range: group.range)]))
                    return
                }
                s.steps[index].expectations[earlier].check = .text(field, .exactly(sofar + items))
                s.steps[index].expectations[earlier].lines = group.lines.lowerBound...line
                section = s
                return
            }
        }
        s.steps[index].expectations.append(Expectation(check: check, range: range, lines: line...line, written: written))
        section = s
    }

    // MARK: - Values

    /// A text value: as written, or in double quotes with `\n \t \" \\` escapes.
    mutating func text(_ value: Written, key: String, keyRange: SourceRange, allowEmpty: Bool = false) -> String? {
        if value.text.first == "\"" {
            return unquote(Substring(value.text), range: value.range)
        }
        if value.text.isEmpty && !allowEmpty {
            report(TestMessage.missingValue(key, "a text", keyRange))
            return nil
        }
        return value.text
    }

    mutating func unquote(_ s: Substring, range: SourceRange) -> String? {
        var out = ""
        var i = s.index(after: s.startIndex)
        while i < s.endIndex {
            let c = s[i]
            if c == "\"" {
                if s.index(after: i) != s.endIndex {
                    report(TestMessage.invalidValue("text after the closing quote", range, hint: "write a quote inside a quoted text as `\\\"`"))
                    return nil
                }
                return out
            }
            if c == "\\" {
                let n = s.index(after: i)
                guard n < s.endIndex else { break }
                switch s[n] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                default:
                    report(TestMessage.invalidValue("unknown escape `\\\(s[n])`", range, hint: "the escapes are \\n, \\t, \\\" and \\\\"))
                    return nil
                }
                i = s.index(after: n)
                continue
            }
            out.append(c)
            i = s.index(after: i)
        }
        report(TestMessage.invalidValue("unterminated quoted text", range, hint: "close it with `\"`"))
        return nil
    }

    mutating func textCheck(_ field: TextField, _ op: [String], _ value: Written, keyRange: SourceRange) -> Check? {
        let key = ([field.rawValue] + op).joined(separator: " ")
        switch op {
        case ["is"]:
            guard let text = text(value, key: key, keyRange: keyRange, allowEmpty: true) else { return nil }
            // A lone unquoted `is:` with nothing after it means no items at all.
            return .text(field, .exactly(value.text.isEmpty ? [] : [text]))
        case ["contains"], ["contain"]:
            return text(value, key: key, keyRange: keyRange).map { .text(field, .contains($0)) }
        case ["lacks"], ["lack"], ["not", "contains"]:
            return text(value, key: key, keyRange: keyRange).map { .text(field, .lacks($0)) }
        case ["matches"], ["match"]:
            return pattern(value, key: key, keyRange: keyRange).map { .text(field, .matches($0)) }
        case ["any", "of"]:
            return alternatives(value, key: key, keyRange: keyRange).map { .text(field, .anyOf($0)) }
        case []:
            report(TestMessage.checkMissing(field.rawValue, keyRange))
            return nil
        default:
            let ops = ["is", "contains", "lacks", "matches", "any of"].map { "\(field.rawValue) \($0)" }
            report(TestMessage.unknownKey(key, keyRange, suggestion: Suggestion.closest(to: key, among: ops)))
            return nil
        }
    }

    /// `/pattern/`, `/pattern/i`, or a bare pattern.
    mutating func pattern(_ value: Written, key: String, keyRange: SourceRange) -> Pattern? {
        var source = value.text
        var insensitive = false
        guard !source.isEmpty else {
            report(TestMessage.missingValue(key, "a regular expression", keyRange))
            return nil
        }
        if source.count >= 2, source.first == "/" {
            if source.hasSuffix("/i"), source.count >= 3 {
                insensitive = true
                source = String(source.dropFirst().dropLast(2))
            } else if source.hasSuffix("/") {
                source = String(source.dropFirst().dropLast())
            }
        }
        do {
            var regex = try Regex(source)
            if insensitive { regex = regex.ignoresCase() }
            return Pattern(source: source, caseInsensitive: insensitive, regex: regex)
        } catch {
            report(TestMessage.invalidPattern(source, "\(error)", value.range))
            return nil
        }
    }

    /// Alternatives separated by `|`; each may be quoted.
    mutating func alternatives(_ value: Written, key: String, keyRange: SourceRange) -> [String]? {
        var out: [String] = []
        var rest = Substring(value.text)
        while true {
            rest = rest.drop { $0 == " " }
            if rest.first == "\"" {
                // Find the closing quote, skipping escapes.
                var i = rest.index(after: rest.startIndex)
                var closed: String.Index?
                while i < rest.endIndex {
                    if rest[i] == "\\" { i = rest.index(after: i); if i < rest.endIndex { i = rest.index(after: i) }; continue }
                    if rest[i] == "\"" { closed = i; break }
                    i = rest.index(after: i)
                }
                guard let closed else {
                    report(TestMessage.invalidValue("unterminated quoted text", value.range, hint: "close it with `\"`"))
                    return nil
                }
                guard let text = unquote(rest[...closed], range: value.range) else { return nil }
                out.append(text)
                rest = rest[rest.index(after: closed)...].drop { $0 == " " }
                if rest.isEmpty { break }
                guard rest.first == "|" else {
                    report(TestMessage.invalidValue("expected `|` between alternatives", value.range))
                    return nil
                }
                rest = rest.dropFirst()
            } else {
                let bar = rest.firstIndex(of: "|") ?? rest.endIndex
                var item = rest[..<bar]
                while item.last == " " { item = item.dropLast() }
                if !item.isEmpty { out.append(String(item)) }
                if bar == rest.endIndex { break }
                rest = rest[rest.index(after: bar)...]
            }
        }
        guard !out.isEmpty else {
            report(TestMessage.missingValue(key, "texts separated by `|`", keyRange))
            return nil
        }
        return out
    }

    mutating func listCheck(_ field: ListField, _ op: [String], _ value: Written, keyRange: SourceRange) -> Check? {
        let key = ([field.rawValue] + op).joined(separator: " ")
        guard !value.text.isEmpty else {
            report(TestMessage.missingValue(key, "a list separated by commas, or `none`", keyRange))
            return nil
        }
        let items =
            value.text == "none"
            ? []
            : value.text.split(separator: ",").map {
                String($0.trimming(" \t"))
            }.filter { !$0.isEmpty }
        if field == .crisisAlso {
            for item in items where CrisisKind(rawValue: item) == nil {
                report(unknownKind(item, value.range))
                return nil
            }
        }
        // A misspelt flag would make a check that can never pass (or a `lacks` that
        // always does): it is an error, with the flag meant.
        if field == .flags {
            let flags = Turn.Flag.allCases.map(\.rawValue)
            for item in items where !flags.contains(item) {
                report(
                    TestMessage.invalidValue(
                        "unknown flag `\(item)`", value.range,
                        hint: Suggestion.closest(to: item, among: flags).map { "did you mean `\($0)`?" }
                            ?? "one of: " + flags.joined(separator: ", ")))
                return nil
            }
        }
        switch op {
        case []: return .list(field, .exactly(items))
        case ["contains"], ["contain"], ["includes"], ["include"]: return .list(field, .contains(items))
        case ["lacks"], ["lack"]: return .list(field, .lacks(items))
        default:
            let ops = ["", " contains", " lacks"].map { field.rawValue + $0 }
            report(TestMessage.unknownKey(key, keyRange, suggestion: Suggestion.closest(to: key, among: ops)))
            return nil
        }
    }

    func unknownKind(_ kind: String, _ range: SourceRange) -> Diagnostic {
        let kinds = CrisisKind.allCases.map(\.rawValue)
        return TestMessage.invalidValue(
            "unknown crisis kind `\(kind)`", range,
            hint: Suggestion.closest(to: kind, among: kinds).map { "did you mean `\($0)`?" }
                ?? "one of: " + kinds.joined(separator: ", "))
    }

    mutating func level(_ value: Written) -> CrisisLevel? {
        if let level = CrisisLevel(rawValue: value.text) { return level }
        report(TestMessage.invalidValue("unknown crisis level `\(value.text)`", value.range, hint: "one of: takeover, resources"))
        return nil
    }

    mutating func crisis(_ value: Written, keyRange: SourceRange) -> Check? {
        let words = value.text.split(separator: " ").map(String.init)
        guard let first = words.first else {
            report(TestMessage.missingValue("crisis", "a crisis kind, a kind and a level, or `none`", keyRange))
            return nil
        }
        if words == ["none"] { return .crisis(nil, nil) }
        guard let kind = CrisisKind(rawValue: first) else {
            report(unknownKind(first, value.range))
            return nil
        }
        guard words.count <= 2 else {
            report(TestMessage.invalidValue("`crisis:` takes a kind and a level, such as `suicide takeover`", value.range))
            return nil
        }
        if words.count == 2 {
            guard let level = CrisisLevel(rawValue: words[1]) else {
                report(TestMessage.invalidValue("unknown crisis level `\(words[1])`", value.range, hint: "one of: takeover, resources"))
                return nil
            }
            return .crisis(kind, level)
        }
        return .crisis(kind, nil)
    }

    mutating func matched(_ value: Written, keyRange: SourceRange) -> Check? {
        guard !value.text.isEmpty else {
            report(TestMessage.missingValue("matched", "what matched (`choice`, `intent`…) and its id, or `none`", keyRange))
            return nil
        }
        if value.text == "none" { return .matchedNone }
        let written = String(value.text.prefix { $0 != " " })
        guard let by = Turn.Match.Kind(rawValue: written) else {
            report(
                TestMessage.invalidValue(
                    "unknown kind of match `\(written)`", value.range,
                    hint: "one of: " + Turn.Match.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        let id = value.text.dropFirst(written.count).drop { $0 == " " }
        return .matched(by: by, id: id.isEmpty ? nil : String(id))
    }

    mutating func score(_ name: String, _ value: Written, keyRange: SourceRange) -> Check? {
        let parts = value.text.split(separator: "...", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0.trimming(" ")) }
        guard !value.text.isEmpty, parts.count <= 2, numbers.allSatisfy({ $0 != nil }) else {
            report(TestMessage.invalidValue("`score \(name):` needs a whole number or a range such as `10...20`", value.text.isEmpty ? keyRange : value.range))
            return nil
        }
        let low = numbers[0] ?? 0, high = numbers.last.flatMap { $0 } ?? low
        guard low <= high else {
            report(TestMessage.invalidValue("the range `\(value.text)` runs backwards", value.range))
            return nil
        }
        return .score(name, low...high)
    }

    /// A literal of the expression language: `14`, `'text'`, `true`, `['a', 'b']`.
    mutating func literal(_ value: Written, key: String, keyRange: SourceRange) -> Value? {
        guard !value.text.isEmpty else {
            report(TestMessage.missingValue(key, "a value: a number, 'text', true, false or a list", keyRange))
            return nil
        }
        let parsed = ExpressionParser.parse(value.text, at: value.range.start)
        if !parsed.diagnostics.isEmpty {
            file.diagnostics += parsed.diagnostics
            return nil
        }
        guard let expression = parsed.expression else { return nil }
        guard Reader.isLiteral(expression) else {
            report(
                TestMessage.invalidValue(
                    "`\(key):` needs a literal value, not an expression", value.range,
                    hint: "write a number, 'quoted text', true, false or a list such as ['a', 'b']"))
            return nil
        }
        return Evaluator.evaluate(expression, in: NoVariables())
    }

    static func isLiteral(_ e: Expr) -> Bool {
        switch e {
        case .number, .string, .bool: true
        case .list(let items, _): items.allSatisfy(isLiteral)
        case .unary(let op, .number, _): op.value == .negate
        default: false
        }
    }
}

struct NoVariables: VariableLookup {
    func value(of name: String) -> Value? { nil }
}
