/// Typo tolerance: one slip of the finger on a longer word.
///
/// Two words are one typo apart when both have at least `minimumLength` letters, neither
/// has a digit, they keep the same first letter (or swap the first two), and one edit
/// turns one into the other: a letter inserted, deleted, replaced, or two neighbours
/// swapped (optimal string alignment). Short words are never tolerated: "die" does not
/// find "dye", "kill" does not find "skill", "od" does not find anything.
///
/// The first letter is a guard on precision: "painting" is one edit from "fainting",
/// and "burning" from "turning", but people seldom mistype the first letter.
public enum Typo {
    /// Words shorter than this are matched exactly or by stem only.
    public static let minimumLength = 5

    /// Whether `a` and `b` are one typo apart (and not equal).
    public static func isOneTypo(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        return isOneTypo(x, y)
    }

    static func isOneTypo(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Bool {
        guard x.count >= minimumLength, y.count >= minimumLength, abs(x.count - y.count) <= 1 else { return false }
        guard !x.contains(where: isDigit), !y.contains(where: isDigit) else { return false }
        guard x[0] == y[0] || (x[0] == y[1] && x[1] == y[0]) else { return false }
        // The first difference decides which edit it must be; the rest must be equal.
        var i = 0
        while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
        if x.count == y.count {
            if i == x.count { return false }
            // Replacement.
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            // Transposition of neighbours.
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        // Insertion or deletion: skip one scalar of the longer word.
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        return long[(i + 1)...] == short[i...]
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.generalCategory == .decimalNumber
    }
}
