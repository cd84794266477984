/// One word of a normalised line.
///
/// A word is what the matcher compares: lower-case, diacritics folded, apostrophes
/// unified, contractions expanded. The two words of an expanded contraction ("don't"
/// gives "do" and "not") share the range of the contraction in the original text.
public struct Word: Sendable, Hashable, CustomStringConvertible {
    /// The normalised word ("do", "not", "cafe", "2nd").
    public var text: String
    /// Its stem (`Stemmer.stem(_:)`): "cramps" and "cramp" both give "cramp".
    public var stem: String
    /// How many Unicode scalars `text` has: what typo tolerance counts as letters.
    public var length: Int
    /// The first two scalars of `text` (0 where there is none): a typo keeps the first
    /// letter or swaps it with the second.
    package var initial: UInt32
    package var secondInitial: UInt32
    /// Where the word is in the original input.
    public var range: Range<String.Index>
    /// The sentence it belongs to, from 0. `.`, `!`, `?`, `…` and line breaks end a
    /// sentence.
    public var sentence: Int
    /// The clause it belongs to, from 0, as punctuation marks it: sentence ends and
    /// `,` `;` `:` brackets and dashes. `TextScopes` adds the clauses that words mark
    /// ("but", "and I…").
    public var clause: Int

    public init(text: String, range: Range<String.Index>, sentence: Int = 0, clause: Int = 0) {
        self.text = text
        self.stem = Stemmer.stem(text)
        // Scalars counted as the UTF-8 bytes that start one: a walk over the bytes, far
        // cheaper than the scalar view, and a word is built for every word of every phrase.
        var length = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 { length += 1 }
        self.length = length
        var scalars = text.unicodeScalars.makeIterator()
        self.initial = scalars.next()?.value ?? 0
        self.secondInitial = scalars.next()?.value ?? 0
        self.range = range
        self.sentence = sentence
        self.clause = clause
    }

    public var description: String { text }
}

/// A line of input, normalised into words, with its clause structure and the scope of
/// its negations worked out once.
///
/// Build it once per line and hand it to every matcher: `PhrasePattern`, `PhraseSet`,
/// `CrisisDetector`, `YesNo`, `Ordinals`. Building it is linear in the length of the
/// line and never traps, whatever the line holds (control bytes, a megabyte without a
/// space).
public struct NormalizedText: Sendable {
    /// The line as given.
    public let original: String
    /// Its words, in order.
    public let words: [Word]
    /// The sentences that end with a question mark.
    public let questionSentences: Set<Int>
    /// Where each word's clause starts and whether a negation covers it.
    package let scopes: TextScopes
    /// The index of the first word of each sentence.
    private let sentenceStarts: [Int]
    /// For each word of five letters or more, the word with each letter left out in turn
    /// and the word itself: what phrase sets look typos up by (`PhraseSet`), made once a
    /// line instead of once a set.
    package let typoKeys: [[String]]

    /// Normalises `input` (see `TextNormalizer`).
    public init(_ input: String) {
        let scan = TextNormalizer.scan(input)
        self.original = input
        self.words = scan.words
        self.questionSentences = scan.questionSentences
        self.scopes = TextScopes(scan.words)
        var starts: [Int] = []
        for (i, word) in scan.words.enumerated() where starts.count <= word.sentence {
            while starts.count <= word.sentence { starts.append(i) }
        }
        self.sentenceStarts = starts
        self.typoKeys = scan.words.map { $0.length >= Typo.minimumLength ? PhraseSetKeys.deletions($0.text) + [$0.text] : [] }
    }

    /// The normalised words joined by single spaces: "i do not have cramps".
    public var joined: String { words.map(\.text).joined(separator: " ") }

    /// The original text covered by a range of word indices.
    public func text(of words: Range<Int>) -> Substring {
        guard !words.isEmpty, words.lowerBound >= 0, words.upperBound <= self.words.count else { return "" }
        return original[self.words[words.lowerBound].range.lowerBound..<self.words[words.upperBound - 1].range.upperBound]
    }

    /// Whether the sentence of word `index` is a question: it ends with `?`, or it
    /// opens with a question word ("what are the signs of an overdose").
    public func isQuestion(at index: Int) -> Bool {
        guard words.indices.contains(index) else { return false }
        let sentence = words[index].sentence
        if questionSentences.contains(sentence) { return true }
        return Lexicon.questionOpeners.contains(words[sentenceStarts[sentence]].text)
    }

    /// The first clause that asks (`TextScopes.clauseWords`): it opens with a question
    /// word ("never heard of it, what is it"), or it ends a sentence that ends with `?`
    /// ("a bit i guess, why?": "why", not "a bit").
    public var firstAskingClause: Int? {
        scopes.clauseWords.firstIndex { range in
            guard let first = range.first, let last = range.last else { return false }
            if Lexicon.questionOpeners.contains(words[first].text) { return true }
            let endsSentence = last + 1 == words.count || words[last + 1].sentence != words[last].sentence
            return endsSentence && questionSentences.contains(words[last].sentence)
        }
    }

    /// Whether the line asks anything: a question mark, a question word opening a clause
    /// or a sentence, or the inverted order of a question ("can i …", "is it …"). "thanks",
    /// "yeah" and "i just feel empty" ask nothing.
    package var asksSomething: Bool {
        firstAskingClause != nil || words.indices.contains { isQuestion(at: $0) || asksInverted(at: $0) }
    }

    /// Whether the words from `index` ask in the inverted order of a question ("can i
    /// double up", "is it safe"), wherever they stand in a sentence: people leave out
    /// the question mark ("if i miss a dose can i double up tomorrow").
    package func asksInverted(at index: Int) -> Bool {
        guard index >= 0, index + 1 < words.count, words[index].sentence == words[index + 1].sentence else { return false }
        return Lexicon.invertingOpeners.contains(words[index].text) && Lexicon.invertedSubjects.contains(words[index + 1].text)
    }
}
