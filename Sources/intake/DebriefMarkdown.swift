import DialogEngine

/// The debrief as a supervisor reads it (`intake train --report FILE`, not `.json`): a
/// Markdown table of the rubric, the total, the verdict, what to practise next, and the
/// transcript.
extension Debrief {
    /// The debrief as Markdown, for `intake train --report`: what it was taken on, the
    /// rubric or the questions, the verdict, what to practise, and the transcript.
    func markdown(_ facts: ReportFile.Facts, transcript: [Turn]) -> String {
        var out = ["# Training debrief: \(facts.title)", ""]
        out += ["- Module: \(facts.module)", "- Date: \(facts.date)", "- Seed: \(facts.seed)", "- Bundle: \(facts.hash)"]
        if let persona = facts.persona { out.append("- Caller: \(Self.cell(persona))") }
        out.append("")
        if let score { out += ["Knowledge check: **\(score.right) out of \(score.questions)** right.", ""] }
        let missed = missedQuestions
        if !missed.isEmpty {
            out += ["## To review", ""]
            for q in missed {
                out.append(
                    "- **\(Self.cell(q.question))** (\(q.status == .unanswered ? "not answered" : "answered wrong")). "
                        + "Right answer: \(Self.cell(q.answer)). \(Self.cell(q.explanation))"
                        + (q.sources.isEmpty ? "" : " Sources: \(q.sources.joined(separator: ", "))."))
            }
            out.append("")
        }
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
        if !transcript.isEmpty {
            out += ["## Transcript", ""]
            for turn in transcript {
                if let input = turn.input { out.append("> **Trainee:** " + Self.cell(input)); out.append("") }
                for text in turn.say + (turn.ask.map { [$0] } ?? []) { out.append(Self.cell(text)); out.append("") }
            }
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
