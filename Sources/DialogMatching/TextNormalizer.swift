/// Turns a line of text into the words the matcher compares.
///
/// One pass over the Unicode scalars of the line, left to right:
/// - letters and digits make words; everything else separates them;
/// - upper case becomes lower case; diacritics are folded: Latin-1 and Latin
///   Extended-A letters by a table (é → e, ß → ss, œ → oe, ł → l), and combining marks
///   are dropped, so a decomposed "e\u{301}" folds too;
/// - the apostrophes ’ ‘ ` ´ ʼ ＇ become `'`, kept only inside a word ("don't");
/// - `. ! ? …` and line breaks end a sentence, `, ; :` brackets and dashes a clause
///   (a hyphen between two letters or digits, as in "off-label", only separates words);
/// - each word is then expanded if it is a contraction (`Contractions`): "don't" →
///   "do not", "can't" and "cannot" → "can not", "I'm" → "i am", "wanna" → "want to".
///
/// Control bytes are separators. The pass is linear in the length of the line, and a
/// word of a megabyte is one word.
public enum TextNormalizer {
    /// The words of `text`, normalised: `words("I DON'T feel café-ish")` is
    /// `["i", "do", "not", "feel", "cafe", "ish"]`.
    public static func words(_ text: String) -> [String] {
        scan(text).words.map(\.text)
    }

    /// `text` lower-cased, with diacritics folded and apostrophes unified, and nothing
    /// else changed: `fold("Ça VA’")` is `"ca va'"`.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if apostrophes.contains(scalar.value) {
                out.append(UInt8(ascii: "'"))
            } else if isMark(scalar) {
                continue
            } else {
                appendFolded(scalar, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - The scan

    package struct Scan {
        package var words: [Word] = []
        package var questionSentences: Set<Int> = []
    }

    private enum Kind {
        case letter, apostrophe, mark, hyphen, sentenceEnd, questionEnd, clauseEnd, dot, space
    }

    package static func scan(_ input: String) -> Scan {
        var result = Scan()
        let scalars = input.unicodeScalars
        // A phrase or a line has a few words: room for them at once instead of growing
        // the array word by word.
        if !input.isEmpty { result.words.reserveCapacity(8) }
        // The word's UTF-8 bytes: appending to a byte buffer whose capacity is kept costs
        // far less than appending scalars to a string, and a bundle's every phrase and
        // every line goes through here.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var wordStart = scalars.startIndex
        var wordEnd = scalars.startIndex
        var sentence = 0
        var clause = 0
        var sentenceHasWords = false
        var clauseHasWords = false
        var previousIsAlphanumeric = false

        func finishWord() {
            guard !word.isEmpty else { return }
            // Apostrophes at the end of a word are quotes, not contractions.
            while word.last == UInt8(ascii: "'") { word.removeLast() }
            if !word.isEmpty {
                ChatSpelling.shape(&word)
                if word == [UInt8(ascii: "2")], let previous = result.words.last?.text, ChatSpelling.takesTo.contains(previous) {
                    // "i want 2 die": "2" is "to" after a verb that takes one.
                    word = Array("to".utf8)
                }
                let text = String(decoding: word, as: UTF8.self)
                // Most words have no apostrophe: for them `Contractions.expand` is the
                // whole-word table or the word itself, read here without building an array.
                if word.contains(UInt8(ascii: "'")) {
                    for text in Contractions.expand(text) where !text.isEmpty {
                        result.words.append(Word(text: text, range: wordStart..<wordEnd, sentence: sentence, clause: clause))
                    }
                } else if let whole = Contractions.whole(text) {
                    for text in whole where !text.isEmpty {
                        result.words.append(Word(text: text, range: wordStart..<wordEnd, sentence: sentence, clause: clause))
                    }
                } else {
                    result.words.append(Word(text: text, range: wordStart..<wordEnd, sentence: sentence, clause: clause))
                }
                sentenceHasWords = true
                clauseHasWords = true
            }
            word.removeAll(keepingCapacity: true)
        }
        func endClause() {
            finishWord()
            if clauseHasWords { clause += 1; clauseHasWords = false }
        }
        func endSentence(question: Bool) {
            finishWord()
            if sentenceHasWords {
                if question { result.questionSentences.insert(sentence) }
                sentence += 1
                sentenceHasWords = false
            } else if question, sentence > 0 {
                result.questionSentences.insert(sentence - 1)
            }
            if clauseHasWords { clause += 1; clauseHasWords = false }
        }

        var i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            let next = scalars.index(after: i)
            let kind = classify(scalar)
            switch kind {
            case .letter:
                if word.isEmpty { wordStart = i }
                appendFolded(scalar, to: &word)
                wordEnd = next
                previousIsAlphanumeric = true
            case .mark:
                // A combining mark folds away and keeps the word going.
                if !word.isEmpty { wordEnd = next }
            case .apostrophe:
                // Kept only inside a word; "'cause" and "dogs'" lose theirs.
                if !word.isEmpty { word.append(UInt8(ascii: "'")) }
                previousIsAlphanumeric = false
            case .hyphen, .dot:
                // Between two letters or digits, a hyphen only separates words ("off-label"),
                // and a dot only separates numbers ("1.5"); elsewhere a hyphen is a dash and
                // a dot ends the sentence.
                let nextIsAlphanumeric = next < scalars.endIndex && classify(scalars[next]) == .letter
                if previousIsAlphanumeric && nextIsAlphanumeric && (kind == .hyphen || isDigit(scalars[next])) {
                    finishWord()
                } else if kind == .hyphen {
                    endClause()
                } else {
                    endSentence(question: false)
                }
                previousIsAlphanumeric = false
            case .sentenceEnd:
                endSentence(question: false)
                previousIsAlphanumeric = false
            case .questionEnd:
                endSentence(question: true)
                previousIsAlphanumeric = false
            case .clauseEnd:
                endClause()
                previousIsAlphanumeric = false
            case .space:
                finishWord()
                previousIsAlphanumeric = false
            }
            i = next
        }
        finishWord()
        return result
    }

    // MARK: - Classes of scalars

    /// ’ ‘ ' ` ´ ʼ ＇
    private static let apostrophes: Set<UInt32> = [0x27, 0x2019, 0x2018, 0x60, 0xB4, 0x2BC, 0xFF07]

    /// Characters that show nothing: read as if they were not there.
    private static let invisible: Set<UInt32> = [0xAD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF]

    private static func classify(_ scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x27, 0x60: return .apostrophe
            case 0x2D: return .hyphen
            case 0x2E: return .dot
            case 0x21, 0x0A, 0x0D, 0x0B, 0x0C: return .sentenceEnd
            case 0x3F: return .questionEnd
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D: return .clauseEnd
            default: return .space
            }
        }
        if apostrophes.contains(v) { return .apostrophe }
        // Invisible characters (zero-width spaces and joiners, word joiner, byte-order
        // mark, soft hyphen) are dropped inside a word: "kil\u{200B}l" is "kill".
        if invisible.contains(v) { return .mark }
        switch v {
        case 0x85, 0x2028, 0x2029, 0x2026, 0x3002, 0xFF01, 0xFF0E, 0x203C: return .sentenceEnd
        case 0x203D, 0xFF1F, 0x2047, 0x2048, 0x2049: return .questionEnd
        case 0x2010, 0x2011: return .hyphen
        case 0x2012, 0x2013, 0x2014, 0x2015, 0x2E3A, 0x2E3B, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A,
            0xA1, 0xBF, 0x2039, 0x203A, 0xAB, 0xBB:
            return .clauseEnd
        default:
            break
        }
        if isMark(scalar) { return .mark }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return .letter
        default:
            return .space
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x30...0x39).contains(scalar.value) : scalar.properties.generalCategory == .decimalNumber
    }

    // MARK: - Case and diacritics

    /// Appends the lower-case, diacritic-free form of one scalar.
    private static func appendFolded(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(UInt8(v) | ((0x41...0x5A).contains(v) ? 0x20 : 0))
            return
        }
        if let folded = latinFolding(v) {
            out.append(contentsOf: folded.utf8)
            return
        }
        if let ascii = Confusables.ascii(v) {
            out.append(ascii)
            return
        }
        let properties = scalar.properties
        guard properties.changesWhenLowercased else {
            UTF8.encode(scalar) { out.append($0) }
            return
        }
        // "İ" lower-cases to "i" and a combining dot: fold that too.
        for lower in properties.lowercaseMapping.unicodeScalars {
            if isMark(lower) { continue }
            if let folded = latinFolding(lower.value) {
                out.append(contentsOf: folded.utf8)
            } else {
                UTF8.encode(lower) { out.append($0) }
            }
        }
    }

    /// The base letters of a Latin-1 Supplement or Latin Extended-A letter, either case.
    private static func latinFolding(_ v: UInt32) -> String? {
        switch v {
        case 0xC0...0xFF:
            let folded = latin1[Int(v - 0xC0)]
            return folded.isEmpty ? nil : folded
        case 0x100...0x17F:
            switch v {
            case 0x132, 0x133: return "ij"
            case 0x152, 0x153: return "oe"
            default: return String(latinExtendedA[Int(v - 0x100)])
            }
        default:
            return nil
        }
    }

    /// U+00C0…U+00FF; "" for the signs that are not letters (× ÷).
    private static let latin1: [String] = [
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0–CF
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0–DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0–EF
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",  // F0–FF
    ]

    /// U+0100…U+017F, one base letter each (Ĳ and Œ are handled apart).
    private static let latinExtendedA: [Character] = {
        let runs: [(Character, Int)] = [
            ("a", 6), ("c", 8), ("d", 4), ("e", 10), ("g", 8), ("h", 4), ("i", 10), ("?", 2), ("j", 2),
            ("k", 3), ("l", 10), ("n", 9), ("o", 6), ("?", 2), ("r", 6), ("s", 8), ("t", 6), ("u", 12),
            ("w", 2), ("y", 3), ("z", 6), ("s", 1),
        ]
        return runs.flatMap { Array(repeating: $0.0, count: $0.1) }
    }()
}
