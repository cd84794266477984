import DialogModel
import DialogSyntax

/// A file of labelled lines (`*.eval`, README "Labelled lines"): groups of records, each
/// a line as people type it with what the assistant should make of it.
package struct EvalFile: Sendable {
    package var path: String
    package var source: SourceFile
    /// The `bundle:` header, as written: the folder of the bundle, relative to the file.
    package var bundle: String?
    package var groups: [EvalGroup]
    package var diagnostics: [Diagnostic]

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Records that share their places and thresholds.
package struct EvalGroup: Sendable {
    package var name: String
    package var range: SourceRange
    /// Where each record is typed: every node that waits for input, or the nodes listed.
    package var places: EvalPlaces
    package var thresholds: [EvalThreshold]
    package var records: [EvalRecord]
}

package enum EvalPlaces: Sendable, Equatable {
    /// Every node of the bundle that waits for input.
    case every
    case nodes([String])
}

/// `min NAME: P%` or `max NAME: P%`.
package struct EvalThreshold: Sendable, Equatable {
    package enum Bound: String, Sendable { case min, max }
    package var bound: Bound
    package var measure: EvalMeasure
    /// A percentage, 0 to 100.
    package var percent: Double
    package var range: SourceRange

    /// Whether a measured percentage keeps to the threshold.
    package func holds(_ value: Double) -> Bool {
        switch bound {
        case .min: value + 1e-9 >= percent
        case .max: value <= percent + 1e-9
        }
    }
}

/// The measures `intake eval` reports; their names are fixed (DESIGN.md, "Labelled lines").
package enum EvalMeasure: String, Sendable, CaseIterable, Comparable {
    /// Crisis lines that showed the emergency numbers (a takeover or a safety note).
    case crisisNumbers = "crisis-numbers"
    /// Crisis lines that got the right kind (as `kind` or in `also`) at the right level.
    case crisisScript = "crisis-script"
    /// Look-alikes (lines that are not a crisis now) that took over with a crisis script.
    case lookalikeScript = "lookalike-script"
    /// Look-alikes expected to raise nothing that showed the numbers.
    case lookalikeNumbers = "lookalike-numbers"
    /// Everyday answers, symptoms and questions that showed the numbers.
    case ordinaryNumbers = "ordinary-numbers"
    /// Answers read as expected (yes, no, none, a number).
    case answers
    /// Symptom statements read as expected (every expected symptom reported or denied).
    case symptoms
    /// Questions that reached the expected intent (a clarifying turn is a miss).
    case intents
    /// Questions answered with a clarifying turn.
    case clarifyRate = "clarify-rate"

    package static func < (a: EvalMeasure, b: EvalMeasure) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One labelled line (or a line split over several), with what it should raise.
package struct EvalRecord: Sendable {
    /// The lines typed, in order; the expectations are about the last one's turn.
    package var lines: [String]
    package var range: SourceRange
    package var crisis: CrisisExpectation?
    package var answer: AnswerExpectation?
    package var reported: [String]?
    package var denied: [String]?
    /// `matched: intent A | B` (any of them), or `matched: none` (an empty list).
    package var intents: [String]?
    /// `matched: intent not A | B`: any reading but these (a look-alike of their
    /// questions, such as a line with a number that asks no amount).
    package var notIntents: [String]?
}

/// `crisis: KIND[|KIND] LEVEL` or `crisis: none`.
package enum CrisisExpectation: Sendable, Equatable {
    case none
    /// One of `kinds` as the turn's kind or among its `also`, at `level`. The kind
    /// `distress` stands for the numbers shown without a clear kind.
    case crisis(kinds: [String], level: String)
}

/// `answer: yes|no|none|N`.
package enum AnswerExpectation: Sendable, Equatable, CustomStringConvertible {
    case yes, no, none
    case number(Int)

    package var description: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .none: "none"
        case .number(let n): String(n)
        }
    }
}
