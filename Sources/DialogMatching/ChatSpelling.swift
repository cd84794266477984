/// The letters of a word as people type them in a hurry, shaped back into the word:
/// stretched letters ("dieeee", "pleaseeee", "hellllp") and digits for letters
/// ("k1ll", "su1c1de", "0d"). Whole-word chat spellings ("kms", "u", "rn") are in
/// `Contractions`' table.
///
/// Both work on the word's UTF-8 bytes and touch ASCII letters and digits only.
enum ChatSpelling {
    /// Words after which "2" means "to": "i want 2 die", "going 2 end it".
    static let takesTo: Set<String> = [
        "want", "wants", "wanted", "going", "need", "needs", "try", "trying", "about", "ready", "plan", "planning",
        "decided", "tempted",
    ]

    static func shape(_ word: inout [UInt8]) {
        unstretch(&word)
        unleet(&word)
    }

    /// A letter typed three or more times in a row: once at the end of a word
    /// ("dieeee" → "die", "nooo" → "no"), twice inside one ("goood" → "good", "feeeel" →
    /// "feel"), unless English seldom doubles it ("diiiie" → "die", "ouuut" → "out").
    /// Doubled letters are left alone: they are how words are spelt.
    static func unstretch(_ word: inout [UInt8]) {
        guard word.count >= 3 else { return }
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        var i = 0
        while i < word.count {
            let b = word[i]
            var j = i
            while j < word.count && word[j] == b { j += 1 }
            let run = j - i
            if run >= 3 && isLetter(b) {
                out.append(b)
                if j < word.count && !seldomDoubled.contains(b) { out.append(b) }
            } else {
                out.append(contentsOf: word[i..<j])
            }
            i = j
        }
        word = out
    }

    /// Digits standing for letters inside a word with letters: 0 → o, 1 → i, 3 → e,
    /// 4 → a, 5 → s, 7 → t. Not in numbers with a unit or an ordinal ("10mg", "1st",
    /// "3am", "24h"): a word is shaped only when it starts with a letter, or with one
    /// digit followed by letters that are not a unit.
    static func unleet(_ word: inout [UInt8]) {
        guard word.contains(where: isLetter), word.contains(where: { leet[$0] != nil }) else { return }
        let leading = word.prefix(while: isDigit).count
        if leading > 1 { return }
        // A number does not start with 0: "0d", "0verdose" are letters.
        if leading == 1 && word[0] != UInt8(ascii: "0") {
            let rest = String(decoding: word.dropFirst(), as: UTF8.self)
            if units.contains(rest) || !word.dropFirst().allSatisfy(isLetter) { return }
        }
        word = word.map { leet[$0] ?? $0 }
    }

    private static let leet: [UInt8: UInt8] = [
        UInt8(ascii: "0"): UInt8(ascii: "o"), UInt8(ascii: "1"): UInt8(ascii: "i"), UInt8(ascii: "3"): UInt8(ascii: "e"),
        UInt8(ascii: "4"): UInt8(ascii: "a"), UInt8(ascii: "5"): UInt8(ascii: "s"), UInt8(ascii: "7"): UInt8(ascii: "t"),
    ]

    /// What follows a number as a unit or an ordinal ending.
    private static let units: Set<String> = [
        "st", "nd", "rd", "th", "mg", "ml", "mcg", "g", "kg", "lb", "lbs", "h", "hr", "hrs", "am", "pm", "x", "s", "yo",
        "yr", "yrs", "k", "m", "min", "mins", "d", "day", "days", "wk", "wks", "oz", "mo", "mos", "ish", "pk", "pack",
    ]

    /// Letters English words seldom write twice ("skiing", "vacuum" and "bookkeeper" are
    /// rare): a stretched one is one letter.
    private static let seldomDoubled: Set<UInt8> = Set("aihjkquvwxy".utf8)

    private static func isLetter(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }
    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
}

/// Letters that look like ASCII letters, read as them: fullwidth forms (ｋｉｌｌ),
/// mathematical letters and digits (𝐤𝐢𝐥𝐥), and the Cyrillic and Greek letters that
/// look Latin (а е о р с у х і ѕ; ο α ι κ ν ρ τ υ χ), so that a line typed with them,
/// by a phone keyboard or on purpose, reads as it looks.
enum Confusables {
    static func ascii(_ v: UInt32) -> UInt8? {
        switch v {
        case 0xFF10...0xFF19: return UInt8(v - 0xFF10) + 0x30
        case 0xFF21...0xFF3A: return UInt8(v - 0xFF21) + 0x61
        case 0xFF41...0xFF5A: return UInt8(v - 0xFF41) + 0x61
        case 0x1D400...0x1D6A3:
            // Thirteen alphabets of 52 letters (bold, italic, script, fraktur, double-struck,
            // sans-serif, monospace…), A–Z then a–z each.
            return UInt8((v - 0x1D400) % 52 % 26) + 0x61
        case 0x1D7CE...0x1D7FF: return UInt8((v - 0x1D7CE) % 10) + 0x30
        default: return lookalike[v]
        }
    }

    private static let lookalike: [UInt32: UInt8] = {
        let pairs: [(UInt32, Character)] = [
            // Cyrillic, lower and upper case
            (0x430, "a"), (0x435, "e"), (0x43E, "o"), (0x440, "p"), (0x441, "c"), (0x443, "y"), (0x445, "x"),
            (0x456, "i"), (0x458, "j"), (0x455, "s"), (0x501, "d"), (0x4BB, "h"), (0x4CF, "l"), (0x51B, "q"),
            (0x51D, "w"), (0x410, "a"), (0x412, "b"), (0x415, "e"), (0x41A, "k"), (0x41C, "m"), (0x41D, "h"),
            (0x41E, "o"), (0x420, "p"), (0x421, "c"), (0x422, "t"), (0x425, "x"), (0x406, "i"), (0x408, "j"),
            (0x405, "s"), (0x43A, "k"), (0x442, "t"), (0x43C, "m"), (0x43D, "h"), (0x432, "b"),
            // Greek
            (0x3BF, "o"), (0x3B1, "a"), (0x3B9, "i"), (0x3BA, "k"), (0x3BD, "v"), (0x3C1, "p"), (0x3C4, "t"),
            (0x3C5, "u"), (0x3C7, "x"), (0x39F, "o"), (0x391, "a"), (0x392, "b"), (0x395, "e"), (0x397, "h"),
            (0x399, "i"), (0x39A, "k"), (0x39C, "m"), (0x39D, "n"), (0x3A1, "p"), (0x3A4, "t"), (0x3A7, "x"),
            (0x3A5, "y"), (0x396, "z"),
            // Letterlike symbols that stand in the holes of the mathematical alphabets
            (0x210E, "h"), (0x212F, "e"), (0x210A, "g"), (0x2134, "o"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, UInt8(ascii: $0.1.unicodeScalars.first ?? "a")) })
    }()
}
