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
package enum Typo {
    /// Words shorter than this are matched exactly or by stem only.
    package static let minimumLength = 5

    /// Everyday words one edit from a crisis word ("doing" and "dying", "living" and
    /// "giving"): typed, they are meant, so they are never read as a typo of another word.
    package static let meantAsTyped: Set<String> = [
        "doing", "going", "being", "dining", "diving", "drying", "during", "living", "giving", "loving", "moving",
        "saying", "trying", "buying", "paying", "eating", "dieting", "shaving", "having", "hoping", "coping",
        "shifting", "lifting", "drifting", "quit",
        // One edit from a word that shows the numbers anywhere: "habit forming" is not
        // "foaming", "backing out" is not "blacking out".
        "forming", "flaming", "depth", "backing", "blocking", "gargling", "dyeing",
        // One edit from a polite word: "I think you are right" does not say thank you.
        "think", "thinks",
        // One edit from a symptom: "everything feels heavy" is not "heave".
        "heavy",
    ]

    /// Whether `a`, as typed, is one typo from `b` (and not equal).
    package static func isOneTypo(_ a: String, _ b: String) -> Bool {
        if meantAsTyped.contains(a) { return false }
        // Most words are ASCII: their bytes are their letters, read in place.
        var a = a, b = b
        if let answer = a.withUTF8({ x in
            b.withUTF8 { y -> Bool? in
                guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return nil }
                return isOneTypo(x, y) { $0 >= 0x30 && $0 <= 0x39 }
            }
        }) {
            return answer
        }
        return isOneTypo(Array(a.unicodeScalars), Array(b.unicodeScalars), isDigit: isDigit)
    }

    static func isOneTypo(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Bool {
        isOneTypo(x, y, isDigit: isDigit)
    }

    private static func isOneTypo<C: RandomAccessCollection>(_ x: C, _ y: C, isDigit: (C.Element) -> Bool) -> Bool
    where C.Element: Equatable, C.Index == Int {
        guard x.count >= minimumLength, y.count >= minimumLength, abs(x.count - y.count) <= 1 else { return false }
        guard !x.contains(where: isDigit), !y.contains(where: isDigit) else { return false }
        let x0 = x.startIndex, y0 = y.startIndex
        guard x[x0] == y[y0] || (x[x0] == y[y0 + 1] && x[x0 + 1] == y[y0]) else { return false }
        // The first difference decides which edit it must be; the rest must be equal.
        var i = 0
        while i < x.count, i < y.count, x[x0 + i] == y[y0 + i] { i += 1 }
        func equal(_ a: C, from i: Int, _ b: C, from j: Int) -> Bool {
            a[(a.startIndex + i)...].elementsEqual(b[(b.startIndex + j)...])
        }
        if x.count == y.count {
            if i == x.count { return false }
            // Replacement.
            if equal(x, from: i + 1, y, from: i + 1) { return true }
            // Transposition of neighbours.
            return i + 1 < x.count && x[x0 + i] == y[y0 + i + 1] && x[x0 + i + 1] == y[y0 + i] && equal(x, from: i + 2, y, from: i + 2)
        }
        // Insertion or deletion: skip one letter of the longer word.
        return x.count > y.count ? equal(x, from: i + 1, y, from: i) : equal(y, from: i + 1, x, from: i)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (0x30...0x39).contains(s.value) : s.properties.generalCategory == .decimalNumber
    }
}
