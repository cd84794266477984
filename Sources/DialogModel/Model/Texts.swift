import DialogSyntax

/// A text of a dialog, with its `{…}` expressions parsed.
public struct DialogText: Sendable, Hashable {
    /// The text as written in the file.
    public var raw: String
    public var interpolation: Interpolation
    public var range: SourceRange
}

/// A condition (`if:`), parsed.
public struct Condition: Sendable, Hashable {
    public var text: String
    public var expression: Expr
    public var range: SourceRange
}

/// An assignment of a `set:` map: `name: expression`.
public struct Assignment: Sendable, Hashable {
    public var name: String
    public var expression: Expr
    public var range: SourceRange
}

/// A phrase of a `match:`, `unless:` or `synonyms:` list.
public struct Phrase: Sendable, Hashable {
    public var text: String
    public var range: SourceRange
}

/// An id of the bundle's reference list, as a `source:` names it.
public struct SourceReference: Sendable, Hashable {
    public var id: String
    public var range: SourceRange
}

/// One item of a node's `say`: a text, or variants of which one is picked; shown when
/// its condition holds.
public struct SayItem: Sendable, Hashable {
    /// One text, or several for `one-of:`.
    public var variants: [DialogText]
    public var condition: Condition?
    public var sources: [SourceReference]
    public var range: SourceRange
}
