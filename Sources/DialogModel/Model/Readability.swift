import DialogSyntax

/// How plain a bundle's texts should be: the bundle's `readability:` section, which
/// `intake check --readability` holds each text and each screen to.
public struct ReadabilityLimits: Sendable, Hashable {
    /// The highest reading grade of a text (``ReadingMeasure/grade``).
    public var grade = ReadabilityLimits.defaultGrade
    /// The most words one screen may show: a turn's `say`, `ask` and choices.
    public var wordsPerScreen = ReadabilityLimits.defaultWordsPerScreen
    /// Names read as one short word (drug and agency names), one word or several.
    public var terms: [String] = []

    public static let defaultGrade = 8.0
    public static let defaultWordsPerScreen = 120

    public init() {}
}

/// `readability: {exempt: REASON}` on a node: its texts and its screen are not held to
/// the limits, for the reason given (a label's warnings quoted whole).
public struct ReadabilityExemption: Sendable, Hashable {
    public var reason: String
    public var range: SourceRange
}
