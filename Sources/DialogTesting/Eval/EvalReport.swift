import DialogSyntax

/// `intake eval`'s report: each miss, each group's measures against its thresholds, and
/// the closing `eval: N passed, N failed`.
package enum EvalReport {
    /// How many places of one miss are listed before "and N more".
    static let placesShown = 3
    /// How many confusion pairs of a group are listed, most frequent first.
    static let confusionsShown = 8

    package static func render(_ result: EvalResult, verbose: Bool = false) -> String {
        var out = ""
        for g in result.groups {
            for miss in g.misses {
                let line = miss.record.range.start.line
                let typed = miss.record.lines.map { "“\(Printable.text($0))”" }.joined(separator: " / ")
                out += "\(g.path):\(line): \(typed): expected \(miss.expected)\n"
                if miss.places.count == miss.tried && miss.tried > 1, Set(miss.places.map(\.got)).count == 1, let first = miss.places.first {
                    out += "    at every place (\(miss.tried)): got \(first.got)\n"
                    continue
                }
                for p in miss.places.prefix(placesShown) { out += "    at \(p.node): got \(p.got)\n" }
                if miss.places.count > placesShown {
                    out += "    and at \(miss.places.count - placesShown) more of \(miss.tried) places\n"
                }
            }
        }
        if !result.groups.isEmpty { out += "\n" }
        for g in result.groups {
            let n = g.group.records.count
            out += "\(g.path) \(g.group.name): \(n) line\(n == 1 ? "" : "s") × \(g.places) place\(g.places == 1 ? "" : "s"), \(g.passed) passed, \(g.failed) failed\n"
            for (measure, tally) in g.measures.sorted(by: { $0.key < $1.key }) {
                var row = "  \(measure.rawValue.padding(18)) \(format(tally.percent).leftPadding(7))  (\(tally.hits) of \(tally.total))"
                for v in g.verdicts where v.threshold.measure == measure {
                    row += "  \(v.threshold.bound.rawValue) \(format(v.threshold.percent))"
                    if !v.holds { row += v.knownFailure.map { "  known failure: \($0)" } ?? "  NOT MET" }
                }
                out += row + "\n"
            }
            for (intent, tally) in g.recall.sorted(by: { ($0.value.percent, $0.key) < ($1.value.percent, $1.key) }) where tally.hits < tally.total {
                out += "  recall \(intent.padding(24)) \(format(tally.percent).leftPadding(5))  (\(tally.hits) of \(tally.total))\n"
            }
            let confusions = g.confusions.sorted { ($1.value, $0.key.expected, $0.key.got) < ($0.value, $1.key.expected, $1.key.got) }
            for (pair, n) in confusions.prefix(confusionsShown) {
                out += "  confused \(pair.expected) → \(pair.got) ×\(n)\n"
            }
        }
        for stale in result.staleKnownFailures { out += "known failure \(stale)\n" }
        for (g, v) in result.unmet {
            out += "\(g.path) \(g.group.name): \(v.threshold.measure.rawValue) \(format(v.measured.percent)) is not within \(v.threshold.bound.rawValue) \(format(v.threshold.percent))\n"
        }
        out += "eval: \(result.passed) passed, \(result.failed) failed\n"
        return out
    }

    /// Problems of the files: `file:line:col: error: …` with an excerpt.
    package static func diagnostics(_ result: EvalResult) -> String {
        result.diagnostics.map { DiagnosticRenderer.render($0.diagnostic, in: $0.source) }.joined()
    }

    static func format(_ percent: Double) -> String {
        let tenths = (percent * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// Typed lines as the report shows them: control characters and invisible ones made visible.
enum Printable {
    static func text(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x200B...0x200F).contains(scalar.value) || scalar.value == 0xAD || scalar.value == 0xFEFF {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
