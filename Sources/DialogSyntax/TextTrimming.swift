extension StringProtocol {
    /// The text without any of `characters` at either end: `" 10 ".trimming(" ")` is
    /// `"10"`. Named apart from Foundation's `trimmingCharacters(in:)`, which takes a
    /// `CharacterSet`, so that neither hides the other in a file that imports both.
    package func trimming(_ characters: String) -> Substring {
        var s = Substring(self)
        while let first = s.first, characters.contains(first) { s.removeFirst() }
        while let last = s.last, characters.contains(last) { s.removeLast() }
        return s
    }
}
