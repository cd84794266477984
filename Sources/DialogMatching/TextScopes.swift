/// The clauses of a line and the reach of its negations.
///
/// **Clauses.** Punctuation opens a clause (`Word.clause`: sentence ends, `,` `;` `:`
/// brackets, dashes). So do some words:
/// - "but", "however", "although", "though", "except", "whereas", "because", "otherwise",
///   "anyway", "besides", "also", wherever they stand ("yet" does not: "not yet");
/// - "and", "or", "so", "then", "nor" when a subject follows ("and I can't sleep", "or my
///   friend…"), but not in a list ("cramps and vomiting");
/// - a subject pronoun ("i", "he", "she", "we", "they") in run-on text ("no cramps i am
///   vomiting"), unless the word before it takes a clause ("I don't think I have
///   cramps", "not sure if I…").
///
/// **Negation.** A cue — "no", "not" (and every `n't`), "never", "without", "nor",
/// "neither", "deny/denies/denied" — negates the words after it up to the end of its
/// clause, and at most `maximumNegationScope` words. So "cramps but no vomiting" denies
/// vomiting only; "no cramps or vomiting" denies both; "I don't have diarrhea, but I
/// can't sleep" denies diarrhea and, because "can't sleep" carries its own cue, reports
/// the sleeplessness. A new cue starts a new scope. Not cues: "not only", "not just", "no
/// doubt", "no matter", "no wonder", "without (a) doubt", and "no" as an answer — before
/// a pronoun, a determiner or "thanks" ("no, I…", "no I have cramps", "no the pain…";
/// but Spanish "no he vomitado" is a negation),
/// and "never felt so", "never been this" (more, not less). A negated "stop", "quit"
/// or "help" affirms what follows: "I can't stop vomiting" reports vomiting.
/// Negation after the fact ("vomiting: none", "cramps? no") is not read.
package struct TextScopes: Sendable {
    /// How many words a negation reaches, at most.
    package static let maximumNegationScope = 8

    /// The clause of each word, from 0.
    package let clauses: [Int]
    /// The words of each clause.
    package let clauseWords: [Range<Int>]
    /// The cue negating each word, or -1.
    private let cues: [Int]

    init(_ words: [Word]) {
        let n = words.count
        var clauses = [Int](repeating: 0, count: n)
        var bounds: [Range<Int>] = []
        var clause = -1
        var start = 0
        for i in 0..<n {
            if i == 0 || Self.opensClause(words, i) {
                if clause >= 0 { bounds.append(start..<i) }
                clause += 1
                start = i
            }
            clauses[i] = clause
        }
        if n > 0 { bounds.append(start..<n) }

        var cues = [Int](repeating: -1, count: n)
        var active = -1
        var remaining = 0
        for i in 0..<n {
            if active >= 0, i > active + 1, Lexicon.negationEnders.contains(words[i].text) { active = -1 }
            if active >= 0, clauses[i] == clauses[active], remaining > 0 {
                cues[i] = active
                remaining -= 1
            } else {
                active = -1
            }
            if Self.isCue(words, i) {
                active = i
                remaining = Self.maximumNegationScope
                // "can't stop X", "won't stop X": the negation ends at the verb.
                if let stop = (i + 1..<min(n, i + 3)).first(where: { Lexicon.negationStoppers.contains(words[$0].text) }),
                    words[stop].clause == words[i].clause
                {
                    remaining = stop - i
                }
            }
        }
        self.clauses = clauses
        self.clauseWords = bounds
        self.cues = cues
    }

    /// The word that negates word `index`, if one does.
    package func negationCue(of index: Int) -> Int? {
        guard cues.indices.contains(index), cues[index] >= 0 else { return nil }
        return cues[index]
    }

    /// Whether a negation covers word `index`.
    package func isNegated(_ index: Int) -> Bool { negationCue(of: index) != nil }

    /// The words of the clause of word `index`.
    package func clauseWords(of index: Int) -> Range<Int> {
        guard clauses.indices.contains(index) else { return index..<index }
        return clauseWords[clauses[index]]
    }

    private static func opensClause(_ words: [Word], _ i: Int) -> Bool {
        if words[i].clause != words[i - 1].clause { return true }
        let text = words[i].text
        if Lexicon.clauseOpeners.contains(text) { return true }
        if Lexicon.joiningConjunctions.contains(text) {
            return i + 1 < words.count && words[i + 1].clause == words[i].clause && Lexicon.subjects.contains(words[i + 1].text)
        }
        if Lexicon.subjectPronouns.contains(text) {
            return !Lexicon.clauseTakers.contains(words[i - 1].text) && !isSpanishParticiple(words, i + 1)
        }
        return false
    }

    /// Whether word `i` is a Spanish participle ("vomitado", "dormido"): "he" before it is
    /// the Spanish "I have", not the English "he".
    private static func isSpanishParticiple(_ words: [Word], _ i: Int) -> Bool {
        guard words.indices.contains(i) else { return false }
        let verb = words[i].text
        return verb.count > 4 && ["ado", "ido", "ada", "ida"].contains(where: verb.hasSuffix)
    }

    private static func isCue(_ words: [Word], _ i: Int) -> Bool {
        let text = words[i].text
        guard Lexicon.negationCues.contains(text) else { return false }
        for pseudo in Lexicon.pseudoNegations where pseudo[0] == text && i + pseudo.count <= words.count {
            if (1..<pseudo.count).allSatisfy({ words[i + $0].text == pseudo[$0] }) { return false }
        }
        if text == "no", i + 1 < words.count, words[i + 1].clause == words[i].clause,
            Lexicon.afterInterjection.contains(words[i + 1].text), !isSpanishPerfect(words, after: i)
        {
            return false
        }
        return true
    }

    /// Whether "no" opens a Spanish perfect tense ("no he vomitado", "no ha dormido"): a
    /// negation, though "he" after "no" is otherwise an English answer ("no he is fine").
    private static func isSpanishPerfect(_ words: [Word], after i: Int) -> Bool {
        i + 1 < words.count && ["he", "ha", "han", "hemos"].contains(words[i + 1].text) && isSpanishParticiple(words, i + 2)
    }
}
