import DialogEngine

/// The debrief as a supervisor reads it (`intake train --report FILE`, not `.json`): a
/// Markdown table of the rubric, the total, and what to practise next.
extension Debrief {
    /// The debrief as Markdown, for `intake train --report`.
    public func markdown(title: String) -> String {
        var out = ["# Training debrief: \(title)", ""]
        if let score { out += ["Knowledge check: **\(score.right) out of \(score.questions)** right.", ""] }
        if !items.isEmpty {
            out += ["| | item | points | line |", "| --- | --- | --- | --- |"]
            for item in items {
                var said = item.line.map { (item.status == .broken ? "broken by: " : "") + "“" + Self.cell($0) + "”" } ?? ""
                if let later = item.metLine { said += "; later: “" + Self.cell(later) + "”" }
                out.append("| \(item.status.rawValue) | \(Self.cell(item.label))\(item.critical ? " (critical)" : "") | \(item.earned)/\(item.points) | \(said) |")
            }
            out += ["", "**Total: \(total) out of \(maximum)** (pass mark \(passMark)%)", ""]
        }
        out += [passed ? "**Passed.**" : "**Not passed:** \(failure ?? "").", ""]
        let next = practise
        if !next.isEmpty {
            out += ["## Practise next", ""] + next.map { "- " + $0 } + [""]
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text made safe for a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
