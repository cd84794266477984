import DialogSyntax

/// An item of a training bundle's `rubric:`: a move the trainee is expected to make (or,
/// with `avoid: true`, must not make), read in every line the trainee types.
///
/// A move is met by the first line that says one of its `match` phrases, even negated
/// ("don't detox alone" says "alone"), unless one of its `unless` phrases covers that
/// occurrence ("don't call 911"). An `avoid` item is met until a line says one of its
/// phrases without a negation ("10 mg", but not "I can't give you a dose in mg").
/// Expressions read it as the bool `rubric.ID`.
public struct RubricItem: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public var id: String
    public var label: String
    public var points: Int
    public var match: [Phrase]
    public var unless: [Phrase]
    /// A must-not: met while none of its phrases is said.
    public var avoid: Bool
    /// A missed critical item fails the role-play whatever the total.
    public var critical: Bool
    /// What to practise when it is missed.
    public var practise: String?
    public var sources: [SourceReference]
    public var range: SourceRange

    public init(file: String, id: String, label: String, points: Int = 1, match: [Phrase], unless: [Phrase] = [],
                avoid: Bool = false, critical: Bool = false, practise: String? = nil, sources: [SourceReference] = [],
                range: SourceRange) {
        self.file = file
        self.id = id
        self.label = label
        self.points = points
        self.match = match
        self.unless = unless
        self.avoid = avoid
        self.critical = critical
        self.practise = practise
        self.sources = sources
        self.range = range
    }

    /// The variable expressions read it as.
    public var variable: String { "rubric.\(id)" }
}
