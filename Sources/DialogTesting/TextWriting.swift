import DialogMatching
import DialogEngine
import DialogModel

/// Golden tests written once per distinct turn: a turn is pinned in full the first time
/// the file shows it, so that every text is pinned once and the file stays short.
package struct GoldenPins {
    private var pinned: Set<String> = []

    package init() {}

    /// Whether a turn with these golden lines is new to the file (and so pinned in full).
    package mutating func isNew(_ lines: [String]) -> Bool {
        pinned.insert(lines.filter { !$0.hasPrefix("matched") }.joined(separator: "\n")).inserted
    }
}

/// Writes values and turns in the test format: for recorded sessions, golden tests,
/// `--update`, and the turn shown with a failure.
package enum TestText {
    /// A text as a value after `key:`: as it is, or quoted with escapes when it would not
    /// read back the same (empty, spaces at either end, line breaks, a leading quote).
    package static func value(_ s: String) -> String {
        let needsQuotes =
            s.isEmpty || s.first == "\"" || s.first == " " || s.last == " " || s.first == "\t" || s.last == "\t"
            || s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        return needsQuotes ? doubleQuoted(s) : s
    }

    /// A text in double quotes on one line, with `\n`, `\t`, `\"` and `\\` escaped: the
    /// same in a test file and in a dialog file (YAML's double-quoted scalar).
    package static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                // Other control characters cannot be written: they are dropped, as the
                // engine drops them from what is typed.
                if c.value < 0x20 || c.value == 0x7F { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// `FIELD is:` lines for a text field's items; a lone `FIELD is:` for none.
    package static func exactLines(_ field: TextField, _ items: [String]) -> [String] {
        items.isEmpty ? ["\(field.rawValue) is:"] : items.map { "\(field.rawValue) is: \(value($0))" }
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

    static func crisis(_ c: Turn.Crisis?) -> String {
        guard let c else { return "none" }
        return "\(c.kind.rawValue) \(c.level.rawValue)"
    }

    static func matched(_ m: Turn.Match?) -> String {
        guard let m else { return "none" }
        return m.by.rawValue + (m.id.isEmpty ? "" : " \(m.id)")
    }

    /// Every field of a turn as expectation lines: what a failure shows.
    package static func allLines(_ turn: Turn) -> [String] {
        var out = ["node: \(turn.node)", "state: \(turn.state.rawValue)"]
        out += exactLines(.say, turn.say)
        out += exactLines(.ask, TextField.ask.items(of: turn))
        out += exactLines(.choices, turn.choiceLabels)
        out.append("flags: \(list(turn.flags.map(\.rawValue)))")
        out.append("crisis: \(crisis(turn.crisis))")
        if let c = turn.crisis, !c.also.isEmpty { out.append("crisis also: \(list(c.also.map(\.rawValue)))") }
        out.append("matched: \(matched(turn.matched))")
        if let phrase = turn.matched?.phrase { out.append("matched phrase: \(value(phrase))") }
        if !turn.reported.isEmpty { out.append("reported: \(list(turn.reported))") }
        if !turn.denied.isEmpty { out.append("denied: \(list(turn.denied))") }
        for s in turn.scores { out.append("score \(s.scale): \(s.total)") }
        for note in StaffNotes.lines(of: turn) { out.append("# note: \(note)") }
        return out
    }

    /// The expectations a golden test pins for a turn: where it is, what it says and
    /// asks, the staff note and the summary, its flags and crisis, what the line was
    /// understood as; symptoms and scores when they changed.
    package static func goldenLines(_ turn: Turn, previous: Turn?) -> [String] {
        var out = ["node: \(turn.node)", "state: \(turn.state.rawValue)"]
        out += exactLines(.say, turn.say)
        out += exactLines(.ask, TextField.ask.items(of: turn))
        out += exactLines(.choices, turn.choiceLabels)
        if let note = turn.note { out += exactLines(.note, [note]) }
        if let summary = turn.summary { out += exactLines(.summary, summary.lines) }
        out.append("flags: \(list(turn.flags.map(\.rawValue)))")
        out.append("crisis: \(crisis(turn.crisis))")
        if let c = turn.crisis, !c.also.isEmpty { out.append("crisis also: \(list(c.also.map(\.rawValue)))") }
        if turn.input != nil { out.append("matched: \(matched(turn.matched))") }
        if let phrase = turn.matched?.phrase { out.append("matched phrase: \(value(phrase))") }
        if turn.reported != (previous?.reported ?? []) { out.append("reported: \(list(turn.reported))") }
        if turn.denied != (previous?.denied ?? []) { out.append("denied: \(list(turn.denied))") }
        let before = Dictionary(uniqueKeysWithValues: (previous?.scores ?? []).map { ($0.scale, $0.total) })
        for s in turn.scores where before[s.scale] != s.total { out.append("score \(s.scale): \(s.total)") }
        return out
    }

    /// A test that replays a session: the opening turn's expectations, then each line
    /// typed (or `end of input`) with the expectations on its reply. `full` says which
    /// turns (by their golden lines) are pinned in full; the others pin only their node
    /// and state, and what their line was understood as.
    package static func test(
        named name: String, turns: [Turn], start: String? = nil, region: String? = nil,
        seed: UInt64? = nil, full: ([String]) -> Bool = { _ in true }
    ) -> [String] {
        var out = ["test: \(name)"]
        if let start { out.append("start: \(start)") }
        if let region { out.append("region: \(region)") }
        if let seed { out.append("seed: \(seed)") }
        var previous: Turn?
        for turn in turns {
            if previous != nil || turn.input != nil {
                if let input = turn.input {
                    out.append("> " + input.filter { $0 != "\n" && $0 != "\r" })
                } else if turn.state == .ended {
                    out.append("end of input")
                } else {
                    // A turn without a line in the middle of a chat: `reload`.
                    out.append("> reload")
                }
            }
            let golden = goldenLines(turn, previous: previous)
            let lines =
                full(golden)
                ? golden
                : ["node: \(turn.node)", "state: \(turn.state.rawValue)"] + golden.filter { $0.hasPrefix("matched") }
            out += lines.map { "  " + $0 }
            previous = turn
        }
        return out
    }
}
