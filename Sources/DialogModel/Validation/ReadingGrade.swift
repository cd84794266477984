/// How hard a text is to read: its words, sentences and syllables, and the
/// Flesch–Kincaid grade they give.
///
/// The grade is `0.39 × words per sentence + 11.8 × syllables per word − 15.59`, never
/// below 0: about the school year a reader needs. It is an estimate, made for running
/// prose; it cannot tell a plain long word from a hard short one, so it is a prompt to
/// read a text again, not a verdict.
///
/// How the text is cut up:
/// - A word is a run of letters, digits, apostrophes and hyphens; `off-label` is one word
///   with the syllables of both parts. A `{…}` expression counts as one short word.
/// - A number (`988`, `7`) counts as one syllable: people read digits at a glance.
/// - A listed term (a drug or agency name, `terms:` of the bundle's `readability:`),
///   one word or several, counts as one word of one syllable, as a reader who knows the
///   name reads it.
/// - A sentence ends at `.`, `!` or `?` before a space or the end, unless a lower-case
///   word follows (`e.g. a`), and at a line break (a literal block's lines are list items
///   or short lines of their own).
/// - Syllables are counted by the usual rule of thumb for English: groups of vowels,
///   less a silent final `e` or `-es`/`-ed` and a silent `e` before `-ly`, `-ment`,
///   `-ful` or `-ness`, at least one a word.
public struct ReadingMeasure: Sendable, Equatable {
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    /// The words of the longest sentence.
    public var longestSentence = 0
    /// Distinct words of three syllables or more, in the order they first come: what a
    /// rewrite might make shorter.
    public var longWords: [String] = []

    /// The Flesch–Kincaid grade, rounded to one decimal; 0 for a text without words.
    public var grade: Double {
        guard words > 0 else { return 0 }
        let raw = 0.39 * Double(words) / Double(max(sentences, 1)) + 11.8 * Double(syllables) / Double(words) - 15.59
        return max(0, (raw * 10).rounded() / 10)
    }

    /// Measures `text` with `terms` read as one short word each.
    public init(_ text: String, terms: ReadingTerms = ReadingTerms([])) {
        var sentenceWords = 0
        func endSentence() {
            if sentenceWords > 0 {
                sentences += 1
                longestSentence = max(longestSentence, sentenceWords)
            }
            sentenceWords = 0
        }
        let tokens = ReadingMeasure.tokens(of: text)
        var i = 0
        while i < tokens.count {
            switch tokens[i] {
            case .sentenceEnd:
                endSentence()
                i += 1
            case .word(let word):
                sentenceWords += 1
                words += 1
                if let length = terms.match(tokens, at: i) {
                    syllables += 1
                    i += length
                    continue
                }
                let count = ReadingMeasure.syllables(in: word)
                syllables += count
                if count >= 3 && !longWords.contains(word) { longWords.append(word) }
                i += 1
            }
        }
        endSentence()
    }

    enum Token: Equatable {
        /// A word, lower-cased.
        case word(String)
        case sentenceEnd
    }

    /// The text's words and sentence ends.
    static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var depth = 0  // inside `{…}`
        var pendingEnd = false  // a `.`, `!` or `?` seen; it ends a sentence unless a lower-case word follows
        var afterEndMark = false
        func flush() {
            let trimmed = word.drop { $0 == "'" || $0 == "-" || $0 == "’" }
            if trimmed.contains(where: { $0.isLetter || $0.isNumber }) {
                tokens.append(.word(String(trimmed).lowercased()))
            }
            word = ""
        }
        for ch in text {
            if depth > 0 {
                if ch == "}" {
                    depth -= 1
                    if depth == 0 { word = "x" }
                } else if ch == "{" {
                    depth += 1
                }
                continue
            }
            if ch == "{" {
                depth = 1
                continue
            }
            if ch.isLetter || ch.isNumber || ((ch == "'" || ch == "’" || ch == "-") && !word.isEmpty) {
                if pendingEnd && afterEndMark {
                    // A sentence mark inside a word ("U.S", "1.5") ends nothing.
                    pendingEnd = false
                } else if pendingEnd {
                    if !(ch.isLowercase) { tokens.append(.sentenceEnd) }
                    pendingEnd = false
                }
                afterEndMark = false
                word.append(ch)
                continue
            }
            flush()
            if ch == "." || ch == "!" || ch == "?" {
                pendingEnd = true
                afterEndMark = true
            } else if ch.isNewline {
                tokens.append(.sentenceEnd)
                pendingEnd = false
                afterEndMark = false
            } else {
                afterEndMark = false
            }
        }
        flush()
        return tokens
    }

    /// The syllables of a lower-cased word by the rule of thumb; a number is one, and
    /// each part of a hyphenated word counts on its own.
    static func syllables(in word: String) -> Int {
        if word.contains(where: \.isNumber) { return 1 }
        let parts = word.split(whereSeparator: { $0 == "-" })
        if parts.count > 1 { return parts.reduce(0) { $0 + syllables(in: String($1)) } }
        var letters = Array(word.filter(\.isLetter).lowercased().unicodeScalars.map(Character.init))
        if letters.count <= 3 { return 1 }
        func isVowel(_ c: Character) -> Bool { "aeiouyàáâäèéêëìíîïòóôöùúûü".contains(c) }
        // Silent endings: "-es" and "-ed" after a consonant other than l, and a final "e"
        // after a consonant other than l ("make", but "table" keeps its "le").
        let n = letters.count
        if n > 3, letters[n - 1] == "s" || letters[n - 1] == "d", letters[n - 2] == "e", !isVowel(letters[n - 3]),
            !(letters[n - 1] == "d" && (letters[n - 3] == "t" || letters[n - 3] == "d")), letters[n - 3] != "l"
        {
            letters.removeLast(2)
        } else if letters[n - 1] == "e", !isVowel(letters[n - 2]), letters[n - 2] != "l" {
            letters.removeLast()
        }
        // A silent "e" inside a word before a common ending: "rarely", "movement",
        // "careful", "likeness".
        let word = String(letters)
        for ending in ["ely", "ement", "eful", "eness"] where word.hasSuffix(ending) && word.count > ending.count + 1 {
            let e = letters.count - ending.count
            if !isVowel(letters[e - 1]) { letters.remove(at: e) }
            break
        }
        if letters.first == "y" { letters.removeFirst() }
        var count = 0
        var previousVowel = false
        for c in letters {
            let vowel = isVowel(c)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        return max(1, count)
    }
}

/// Names read as one short word when measuring a text: the bundle's `terms:` (drug and
/// agency names), each one word or several.
public struct ReadingTerms: Sendable {
    /// Each term's words, lower-cased; longer terms first, so "Suicide & Crisis
    /// Lifeline" wins over "Suicide".
    private let terms: [[String]]

    public init(_ terms: [String]) {
        self.terms = terms.map { term in
            ReadingMeasure.tokens(of: term).compactMap { if case .word(let w) = $0 { w } else { nil } }
        }
        .filter { !$0.isEmpty }
        .sorted { $0.count > $1.count }
    }

    /// The number of tokens of the term that starts at `i`, if one does.
    func match(_ tokens: [ReadingMeasure.Token], at i: Int) -> Int? {
        for term in terms where i + term.count <= tokens.count {
            if term.indices.allSatisfy({ tokens[i + $0] == .word(term[$0]) }) { return term.count }
        }
        return nil
    }
}
