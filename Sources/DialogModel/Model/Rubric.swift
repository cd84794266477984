import DialogSyntax

/// An item of a training bundle's `rubric:`: a move the trainee is expected to make (or,
/// with `avoid: true`, must not make), read in every line the trainee types.
///
/// Each line is read as a statement (`AdviceReading`): a move is met by a line that says
/// one of its `match` phrases as advice, or one of its `against` phrases negated ("don't
/// do it alone"); a move said negated or dismissed ("he doesn't need 911", "don't bother
/// with 911") does not count, and breaks a critical move for the rest of the role-play.
/// An `unless` phrase of the item's own cancels the occurrence it overlaps. A must-not
/// (`avoid`) is broken by a line that says a phrase without a negation, or anything its
/// `detect` readers find ("take 20 mg", "half a tablet at bedtime"), negated or not.
/// Expressions read it as the bool `rubric.ID`: true once a move is made, true while a
/// must-not holds.
public struct RubricItem: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public var id: String
    public var label: String
    public var points: Int
    public var match: [Phrase]
    public var unless: [Phrase]
    /// Phrases of what the move warns against: said negated ("don't do it alone", "never
    /// leave him"), they make the move.
    public var against: [Phrase]
    /// Built-in readers that break a must-not however it is worded.
    public var detect: [Detector]
    /// A must-not's words never to use, in any sentence, negated or not ("don't end up
    /// like the junkies"); only quoting or reporting them ("people say junkie") is not use.
    public var words: [Phrase]
    /// A must-not: met while none of its phrases is said.
    public var avoid: Bool
    /// A missed critical item fails the role-play whatever the total.
    public var critical: Bool
    /// What to practise when it is missed.
    public var practise: String?
    public var sources: [SourceReference]
    public var range: SourceRange

    public init(
        file: String, id: String, label: String, points: Int = 1, match: [Phrase], unless: [Phrase] = [],
        against: [Phrase] = [], detect: [Detector] = [], words: [Phrase] = [], avoid: Bool = false, critical: Bool = false, practise: String? = nil, sources: [SourceReference] = [],
        range: SourceRange
    ) {
        self.file = file
        self.id = id
        self.label = label
        self.points = points
        self.match = match
        self.unless = unless
        self.against = against
        self.detect = detect
        self.words = words
        self.avoid = avoid
        self.critical = critical
        self.practise = practise
        self.sources = sources
        self.range = range
    }

    /// A built-in reader of `detect:`.
    public enum Detector: String, Sendable, Hashable, CaseIterable {
        /// Any amount or schedule of a medicine: digits or number words with a unit, a
        /// fraction, a range, a number after "take", "three times a day", "at bedtime".
        case amount
    }

    /// The variable expressions read it as.
    public var variable: String { "rubric.\(id)" }
}
