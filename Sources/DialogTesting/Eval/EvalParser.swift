import DialogSyntax

/// Reads `*.eval` files (README, "Labelled lines") into an ``EvalFile``, with a located
/// diagnostic (`IU…`) for every problem; it reads on after each one.
package enum EvalParser: LineFileFormat {
    package static let fileExtension = "eval"

    package static func parse(_ bytes: [UInt8], path: String) -> EvalFile {
        EvalReader(path: path, bytes: bytes).file
    }
}

/// The diagnostics of `*.eval` files.
enum EvalMessage {
    /// Every code of this catalogue.
    enum Code: String, DiagnosticCode {
        case IU001, IU002, IU003, IU004, IU005, IU006, IU007
    }

    static func unknownLine(_ text: String, _ at: SourceRange) -> Diagnostic {
        Code.IU001.error(
            "expected `group:`, `at:`, `min NAME: P%`, `max NAME: P%`, `> a line` or an expectation, not `\(text)`",
            at: at, hint: "see the README, \"Labelled lines\"")
    }

    static func invalidValue(_ message: String, _ at: SourceRange, hint: String? = nil) -> Diagnostic {
        Code.IU002.error(message, at: at, hint: hint)
    }

    static func noExpectation(_ at: SourceRange) -> Diagnostic {
        Code.IU003.error("a line with nothing expected of it", at: at, hint: "add `crisis:`, `answer:`, `reported:`, `denied:` or `matched:` under it")
    }

    static func outsideGroup(_ at: SourceRange) -> Diagnostic {
        Code.IU004.error("a line before any `group:`", at: at, hint: "start the file with `group: NAME`")
    }

    static func copied(_ line: String, phrase: String, overlap: Double, _ at: SourceRange) -> Diagnostic {
        Code.IU005.error(
            "this held-apart line is a copy of the phrase `\(phrase)` (\(Int((overlap * 100).rounded()))% of their words are shared)",
            at: at, hint: "a held-apart line must be written apart from the phrases it tests: move it to dev/ and write a fresh one")
    }

    static func unknownName(_ what: String, _ name: String, _ at: SourceRange) -> Diagnostic {
        Code.IU006.error("no \(what) `\(name)` in the bundle", at: at)
    }

    static func noBundle(_ path: String, _ reason: String, _ at: SourceRange) -> Diagnostic {
        Code.IU007.error("cannot load the bundle \(path): \(reason)", at: at)
    }
}

private struct EvalReader {
    var file: EvalFile
    private var text: [FileLine] = []
    /// Whether the record being read has had an expectation: the next `>` starts a new one.
    private var recordHasExpectation = false
    private var recordOpen = false

    /// Reads the whole file into `file`.
    init(path: String, bytes: [UInt8]) {
        file = EvalFile(path: path, source: SourceFile(path: path, bytes: bytes), bundle: nil, groups: [], diagnostics: [])
        text = FileLine.split(bytes, into: &file.diagnostics) { EvalMessage.invalidValue("invalid UTF-8", $0) }
        readAll()
    }

    private mutating func readAll() {
        for line in text { read(line) }
        closeRecord()
    }

    private func range(_ line: FileLine, _ r: Range<String.Index>) -> SourceRange {
        let t = line.text
        func at(_ i: String.Index) -> SourcePosition {
            SourcePosition(
                offset: line.offset + t.utf8.distance(from: t.startIndex, to: i), line: line.number,
                column: t.unicodeScalars.distance(from: t.startIndex, to: i) + 1)
        }
        return SourceRange(start: at(r.lowerBound), end: at(r.upperBound))
    }

    private mutating func report(_ d: Diagnostic) { file.diagnostics.append(d) }

    private mutating func closeRecord() {
        if recordOpen && !recordHasExpectation, let last = file.groups.last?.records.last {
            report(EvalMessage.noExpectation(last.range))
            file.groups[file.groups.count - 1].records.removeLast()
        }
        recordOpen = false
        recordHasExpectation = false
    }

    private mutating func read(_ line: FileLine) {
        let t = line.text
        guard let first = t.firstIndex(where: { $0 != " " && $0 != "\t" }) else {
            // A blank line ends a record.
            closeRecord()
            return
        }
        var last = t.endIndex
        while last > first, t[t.index(before: last)] == " " || t[t.index(before: last)] == "\t" { last = t.index(before: last) }
        let whole = range(line, first..<last)
        if t[first] == "#" { return }
        if t[first] == ">" {
            var from = t.index(after: first)
            if from < t.endIndex && t[from] == " " { from = t.index(after: from) }
            guard !file.groups.isEmpty else {
                report(EvalMessage.outsideGroup(whole))
                return
            }
            if recordHasExpectation { closeRecord() }
            let g = file.groups.count - 1
            if recordOpen, var record = file.groups[g].records.popLast() {
                record.lines.append(String(t[from...]))
                record.range = SourceRange(start: record.range.start, end: whole.end)
                file.groups[g].records.append(record)
            } else {
                file.groups[g].records.append(EvalRecord(lines: [String(t[from...])], range: whole))
                recordOpen = true
            }
            return
        }
        guard let colon = t[first..<last].firstIndex(of: ":") else {
            report(EvalMessage.unknownLine(String(t[first..<last]), whole))
            return
        }
        let key = t[first..<colon].split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased()
        let value = String(t[t.index(after: colon)..<last].trimming(" \t"))
        let valueRange = range(line, t.index(after: colon)..<last)
        keyed(key, value, at: valueRange, whole: whole)
    }

    private mutating func keyed(_ key: String, _ value: String, at: SourceRange, whole: SourceRange) {
        switch key {
        case "bundle":
            file.bundle = value
        case "group":
            closeRecord()
            file.groups.append(
                EvalGroup(
                    name: value.isEmpty ? "group \(file.groups.count + 1)" : value, range: whole,
                    places: .every, thresholds: [], records: []))
        case "at":
            guard !file.groups.isEmpty else { return report(EvalMessage.outsideGroup(whole)) }
            let names = value.split(separator: ",").map { String($0.trimming(" \t")) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { return report(EvalMessage.invalidValue("`at:` needs `every` or node ids", at)) }
            file.groups[file.groups.count - 1].places = names == ["every"] ? .every : .nodes(names)
        case let k where k.hasPrefix("min ") || k.hasPrefix("max "):
            guard !file.groups.isEmpty else { return report(EvalMessage.outsideGroup(whole)) }
            let bound: EvalThreshold.Bound = k.hasPrefix("min ") ? .min : .max
            let name = String(k.dropFirst(4))
            guard let measure = EvalMeasure(rawValue: name) else {
                return report(
                    EvalMessage.invalidValue(
                        "unknown measure `\(name)`", whole,
                        hint: "the measures are " + EvalMeasure.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            guard value.hasSuffix("%"), let p = Double(value.dropLast().trimming(" ")), (0...100).contains(p) else {
                return report(EvalMessage.invalidValue("a threshold is a percentage from 0% to 100%", at))
            }
            file.groups[file.groups.count - 1].thresholds.append(EvalThreshold(bound: bound, measure: measure, percent: p, range: whole))
        case "crisis", "answer", "reported", "denied", "matched":
            expectation(key, value, at: at, whole: whole)
        default:
            report(EvalMessage.unknownLine(key + ":", whole))
        }
    }

    private mutating func expectation(_ key: String, _ value: String, at: SourceRange, whole: SourceRange) {
        guard recordOpen, let g = file.groups.indices.last, var record = file.groups[g].records.popLast() else {
            return report(EvalMessage.invalidValue("an expectation needs a `> line` before it", whole))
        }
        defer { file.groups[g].records.append(record) }
        recordHasExpectation = true
        switch key {
        case "crisis":
            let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words == ["none"] {
                record.crisis = CrisisExpectation.none
                return
            }
            guard let level = words.last, ["takeover", "resources"].contains(level), words.count >= 2 else {
                return report(EvalMessage.invalidValue("`crisis:` takes `KIND takeover`, `KIND resources` or `none`", at))
            }
            let kinds = words.dropLast().joined(separator: " ").split(separator: "|").map { String($0.trimming(" ")) }
            record.crisis = .crisis(kinds: kinds.filter { !$0.isEmpty }, level: level)
        case "answer":
            switch value.lowercased() {
            case "yes": record.answer = .yes
            case "no": record.answer = .no
            case "none": record.answer = AnswerExpectation.none
            default:
                guard let n = Int(value) else {
                    return report(EvalMessage.invalidValue("`answer:` takes yes, no, none or a whole number", at))
                }
                record.answer = .number(n)
            }
        case "reported", "denied":
            let ids = value.split(separator: ",").map { String($0.trimming(" \t")) }.filter { !$0.isEmpty }
            guard !ids.isEmpty else { return report(EvalMessage.invalidValue("`\(key):` needs symptom ids", at)) }
            if key == "reported" { record.reported = ids } else { record.denied = ids }
        default:  // matched
            if value == "none" {
                record.intents = []
                return
            }
            guard value.hasPrefix("intent ") else {
                return report(EvalMessage.invalidValue("`matched:` takes `intent ID`, `intent A | B`, `intent not ID` or `none`", at))
            }
            var ids = value.dropFirst(7)
            let negated = ids.hasPrefix("not ")
            if negated { ids = ids.dropFirst(4) }
            let list = ids.split(separator: "|").map { String($0.trimming(" ")) }.filter { !$0.isEmpty }
            guard !list.isEmpty else {
                return report(EvalMessage.invalidValue("`matched: intent` needs an intent id", at))
            }
            if negated { record.notIntents = list } else { record.intents = list }
        }
    }
}
