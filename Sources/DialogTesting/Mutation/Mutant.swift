import DialogSyntax

/// A kind of change `intake test --mutate` makes to a bundle, each one a mistake an
/// author could make without noticing.
package enum MutationOperator: String, Sendable, CaseIterable, Comparable {
    /// Replaces a text a person reads (`say`, `ask`, a label, a variant, a staff note).
    case text
    /// Drops one sentence of a text of two or more.
    case sentence
    /// Sends a `goto` or `next` to another node.
    case goto
    /// Removes a match phrase, an example, a synonym or a concept's member.
    case phrase
    /// Negates an `if` or `when` condition.
    case condition
    /// Removes a phrase of a crisis intent, or a member of a concept of the crisis file.
    case crisisPhrase = "crisis-phrase"
    /// Changes a digit of a resource's phone number.
    case phone

    package static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// One change to one file of a bundle: the bytes of a range replaced.
package struct Mutant: Sendable {
    package var op: MutationOperator
    /// The bundle folder.
    package var bundle: String
    /// The file changed.
    package var path: String
    /// Where the change is, for `file:line:col`.
    package var position: SourcePosition
    /// The byte offsets replaced, and what replaces them.
    package var bytes: Range<Int>
    package var replacement: [UInt8]
    /// What changed, in words: “removed “…” from `match`”.
    package var change: String

    /// The file's bytes with the change made.
    package func apply(to source: [UInt8]) -> [UInt8] {
        var out = source
        out.replaceSubrange(bytes, with: replacement)
        return out
    }

    /// `file:line:col`.
    package var place: String { "\(path):\(position.line):\(position.column)" }
}
