import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import DialogTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders turns for a person: texts, the question, numbered choices. On a terminal it
/// wraps to the window's width, at most `maxWidth` (read again on every turn, so a
/// resize takes effect), continuation lines of a choice under its text, and
/// uses colour unless `NO_COLOR` is set (not empty) or `TERM` is `dumb`; on a pipe it
/// writes plain lines.
struct TurnPrinter {
    var terminal: Bool
    var colour: Bool
    var staff: Bool
    /// The widest a line of text may be, however wide the window (`--width`; 0 for the
    /// window's width): long lines are hard to read.
    var maxWidth = TurnPrinter.comfortableWidth

    /// About 80 columns of text: what reads comfortably.
    static let comfortableWidth = 80

    /// The width to wrap to; 0 for no wrapping.
    private var width: Int {
        guard terminal else { return 0 }
        var size = winsize()
        let window = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        return maxWidth > 0 ? min(window, maxWidth) : window
    }

    private func style(_ code: String, _ text: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func render(_ turn: Turn) -> String {
        var out: [String] = []
        let w = width
        // What the dialogs and the person wrote is stripped of control characters before
        // our own styles go around it: no text can hide or move the emergency numbers.
        let clean = { (text: String) in VisibleText.stripping(text) }
        if staff {
            var header = "[\(turn.node) · \(turn.state.rawValue)"
            if let m = turn.matched { header += " · matched \(m.by.rawValue) \(m.id)" + (m.phrase.map { " on “\($0)”" } ?? "") }
            if let c = turn.crisis { header += " · crisis \(c.kind.rawValue) \(c.level.rawValue)" }
            if !turn.scores.isEmpty { header += " · " + turn.scores.map { "\($0.scale) \($0.total)" }.joined(separator: ", ") }
            header += "]"
            out += wrap(VisibleText.stripping(header, keepingLineBreaks: false), w, indent: " ").map { style("2", $0) }
            for note in StaffNotes.lines(of: turn) {
                out += wrap("staff: " + VisibleText.stripping(note, keepingLineBreaks: false), w).map { style("36", $0) }
            }
        }
        for text in turn.say {
            for paragraph in clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
                let lines = wrap(String(paragraph), w)
                out += turn.has(.crisis) ? lines.map { style("1;31", $0) } : lines
            }
        }
        if let ask = turn.ask {
            if !out.isEmpty { out.append("") }
            for paragraph in clean(ask).split(separator: "\n") { out += wrap(String(paragraph), w).map { style("1", $0) } }
        }
        let labels = turn.choiceLabels.map { VisibleText.stripping($0, keepingLineBreaks: false) }
        if turn.state == .awaitingNumber {
            // A scale's answers are numbers already: numbering them again would confuse.
            if !turn.choices.isEmpty { out += wrap("  " + labels.joined(separator: " · "), w, indent: "  ") }
        } else {
            for (i, choice) in labels.enumerated() {
                out += wrap("  \(i + 1). \(choice)", w, indent: "     ")
            }
            // How to answer, under the first menu: for a person typing at a terminal, not
            // for a program on a pipe or a worker reading the script aloud (`--staff`).
            if terminal && !staff && turn.number == 0 && turn.state == .awaitingChoice && !labels.isEmpty {
                out += wrap("Type a number, or ask in your own words.", w).map { style("2", $0) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Words wrapped to `width` columns (none when 0); continuation lines get `indent`.
    func wrap(_ text: String, _ width: Int, indent: String = "") -> [String] {
        guard width > 10, text.count > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + word
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines
    }
}
