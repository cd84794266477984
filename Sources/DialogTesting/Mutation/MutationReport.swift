import DialogModel

/// What mutation testing found: each mutant's outcome, and the kill rate overall and by
/// operator.
package struct MutationReport: Sendable {
    package var results: [MutantResult]
    /// How many mutants each operator has in all the bundles (the full set).
    package var candidates: [MutationOperator: Int]
    package var seed: UInt64
    package var budget: Int?
    package var bundles: [String]
    package var duration: Duration

    /// Counts of one set of results.
    package struct Tally: Sendable, Equatable {
        package var killed = 0
        package var survived = 0
        package var equivalent = 0
        package var notRun = 0

        /// Killed among the mutants that could be seen (killed or survived).
        package var rate: Double {
            killed + survived == 0 ? 100 : Double(killed) * 100 / Double(killed + survived)
        }

        mutating func add(_ outcome: MutantOutcome) {
            switch outcome {
            case .killed: killed += 1
            case .survived: survived += 1
            case .equivalent: equivalent += 1
            case .notRun: notRun += 1
            }
        }
    }

    package var total: Tally { tally(results) }

    package var byOperator: [(MutationOperator, Tally)] {
        MutationOperator.allCases.compactMap { op in
            let of = results.filter { $0.mutant.op == op }
            return of.isEmpty ? nil : (op, tally(of))
        }
    }

    private func tally(_ results: [MutantResult]) -> Tally {
        var t = Tally()
        for r in results { t.add(r.outcome) }
        return t
    }

    /// The report as text: the table by operator, the survivors with their places and
    /// what changed, the equivalent mutants, and the ones that did not load.
    package func rendered() -> String {
        let t = total
        let all = candidates.values.reduce(0, +)
        var out =
            "mutation testing of \(bundles.joined(separator: ", ")): \(results.count) of \(all) mutants "
            + "(seed \(seed)\(budget.map { ", budget \($0)" } ?? ""))\n"
        out +=
            pad("operator", 14) + padLeft("mutants", 8) + padLeft("killed", 8) + padLeft("survived", 9)
            + padLeft("equivalent", 11) + padLeft("rate", 8) + "\n"
        for (op, c) in byOperator {
            out += row(op.rawValue, c, of: candidates[op] ?? 0)
        }
        out += row("all", t, of: all)
        let survivors = results.filter { if case .survived = $0.outcome { true } else { false } }
        if !survivors.isEmpty {
            out += "survived (no test failed and no labelled line changed):\n"
            for r in survivors {
                guard case .survived(let test) = r.outcome else { continue }
                out += "  \(r.mutant.place): \(r.mutant.op.rawValue): \(r.mutant.change); changes \(test)\n"
            }
        }
        let equivalent = results.filter { $0.outcome == .equivalent }
        if !equivalent.isEmpty {
            out += "equivalent (no turn of any test and no labelled line changed; left out of the rate):\n"
            for r in equivalent { out += "  \(r.mutant.place): \(r.mutant.op.rawValue): \(r.mutant.change)\n" }
        }
        if t.notRun > 0 {
            out += "\(t.notRun) mutants not run: the time limit was reached\n"
        }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        out +=
            "mutation: \(t.killed) killed, \(t.survived) survived, \(t.equivalent) equivalent; kill rate "
            + "\(Self.decimal(t.rate))% in \(Self.decimal(seconds)) s\n"
        return out
    }

    private func row(_ name: String, _ c: Tally, of all: Int) -> String {
        let ran = c.killed + c.survived + c.equivalent + c.notRun
        return pad(name, 14) + padLeft(ran == all ? "\(ran)" : "\(ran)/\(all)", 8) + padLeft("\(c.killed)", 8)
            + padLeft("\(c.survived)", 9) + padLeft("\(c.equivalent)", 11) + padLeft(Self.decimal(c.rate) + "%", 8) + "\n"
    }

    /// `s` in a column `n` wide, with at least one space after it (before it, for `padLeft`).
    private func pad(_ s: String, _ n: Int) -> String { s.padding(to: n - 1) + " " }
    private func padLeft(_ s: String, _ n: Int) -> String { " " + s.leftPadded(to: n - 1) }

    /// A number with one decimal: `96.5`.
    package static func decimal(_ x: Double) -> String { x.oneDecimal }
}
