/// The bounds a bundle's numbers and sizes keep, so that a bundle `intake check`
/// accepts cannot crash a session or make it grow without end (README, "Bounds").
///
/// The shipped bundles use a scale of 16 items rated 0 to 4 and no number question; the
/// bounds leave room far above that: a 0 to 100 rating (a visual analogue scale), a
/// questionnaire of a few hundred items, an age or a count of days. What is beyond them
/// is a mistake (IC038), not a dialog.
public enum DialogLimits {
    /// The largest magnitude of a number in a range (`expect: number MIN...MAX`, a scale's
    /// `range`, a band's `range`) and of a scale's lowest and highest total.
    public static let rangeMagnitude = 1_000_000
    /// The most points a scale's range may have: `0...100` has 101.
    public static let scalePoints = 101
    /// The most items a scale may have.
    public static let scaleItems = 200
    /// The largest magnitude arithmetic may give: every whole number up to it is exact,
    /// and a larger result is an error (``EvaluationProblem/overflow``).
    public static let largestNumber = 1e15
    /// The most characters a text value may have, and the most items (counted through
    /// nested lists) a list value may have: a longer result is an error
    /// (``EvaluationProblem/tooLarge``), so a `set` that doubles a value on every answer
    /// cannot exhaust memory.
    public static let valueSize = 10_000

    /// The most nodes one turn may enter: a chain of nodes without a question longer than
    /// this (IC040) could not be passed, and a loop (IC039) is stopped here at run time.
    public static let turnHops = 64

    /// Whether `n` is a number a range may hold.
    static func fits(_ n: Int) -> Bool { n >= -rangeMagnitude && n <= rangeMagnitude }
}
