import DialogMatching
import DialogModel

// Crisis: the crisis intents, calls for help, and danger words.
extension Recognizer {
    /// Whether the line, read with the lines before it, may say a crisis that neither says
    /// alone (`CrisisDetector.mayCompleteAcrossLines(_:)`).
    func mayCompleteCrisis(_ text: NormalizedText) -> Bool {
        crisisDetector.mayCompleteAcrossLines(text)
    }

    func crisis(in text: NormalizedText) -> CrisisFinding? {
        guard let readings else { return reading(crisisIn: text) }
        return readings.crisis.value(for: text.original) { reading(crisisIn: text) }
    }

    private func reading(crisisIn text: NormalizedText) -> CrisisFinding? {
        guard let report = crisisDetector.detect(in: text) else { return nil }
        let asked =
            report.level != .takeover
            && report.occurrences.contains {
                if case .question? = $0.qualifier { $0.kind == report.kind } else { false }
            }
        let general =
            report.occurrences.allSatisfy { occurrence in
                switch occurrence.qualifier {
                case .question?, .unless?, .figurative?: true
                case .negated?, .past?, nil: false
                }
            } && !report.occurrences.contains { Self.namesSomeone(in: text, around: $0.match.words) }
        return CrisisFinding(
            kind: report.kind, also: report.also,
            level: report.level == .takeover ? .takeover : .resources,
            intent: report.intent, phrase: report.phrase, asked: asked, general: general)
    }

    /// Whether the clauses of `words` name someone it may be happening to: the writer, a
    /// pronoun for another person, or a relation ("my son", "he", "mi hijo"). "You",
    /// "someone" and "a person" ask in general, and so does a clause of its own that only
    /// asks ("how do I know | if someone is overdosing").
    static func namesSomeone(in text: NormalizedText, around words: Range<Int>) -> Bool {
        guard !words.isEmpty else { return false }
        let first = text.scopes.clauses[words.lowerBound], last = text.scopes.clauses[words.upperBound - 1]
        return (first...last).contains { clause in
            text.scopes.clauseWords[clause].contains { namedPeople.contains(text.words[$0].text) }
        }
    }

    static let namedPeople: Set<String> = {
        let generic: Set<String> = ["person", "caller", "patient", "client", "loved one"]
        return Set(ConceptTable.builtIn["person"] ?? []).subtracting(generic)
            .union(Lexicon.othersPronouns).union(Lexicon.spanishRelations).union([
                "i", "me", "my", "mine", "myself",
                // Spanish ("él" folds to "el", the article, and is left out).
                "yo", "mi", "mis", "ella",
            ])
    }()

    static let callFillers: Set<String> = ["please", "pls", "now", "someone", "somebody", "oh", "god", "omg", "me", "right", "asap"]

    /// Whether the line calls for help without a clear kind: "help" or "emergency" as the
    /// whole line, "I'm in crisis", "call 911", "ayuda" anywhere (not negated).
    func callsForHelp(in text: NormalizedText) -> Bool {
        // A whole-line call is short: longer lines are only searched for the phrases.
        if text.words.count <= 8 {
            let coreWords = Self.callCoreWords(text)
            let core = coreWords.joined(separator: " ")
            if isWholeLineCall(text) { return true }
            // "heeeelp" is shaped to "heelp" (a stretched letter inside a word stays doubled).
            if !core.isEmpty && wholeLineCallsSingleLetters.contains(Self.singleLetters(core)) { return true }
            // "help help help", "HELP!!! HELP": a call however often it is repeated.
            if !coreWords.isEmpty && coreWords.allSatisfy({ $0 == "help" || $0 == "ayuda" || $0 == "sos" }) { return true }
        }
        if callsForHelp.hits(in: text).contains(where: { !$0.match.isNegated }) { return true }
        // Two cues of distress in one line: "i'm crying and don't know where to turn".
        return DistressCues.isDistress(cues: DistressCues.count(in: distressCues.hits(in: text)))
    }

    /// The words of the line's calls for help (not negated), as the line has them: all of
    /// a short line that is one call ("help me please"), else the words of each phrase
    /// ("i am really not ok"). Empty when the line calls for none.
    func callForHelpWords(in text: NormalizedText) -> Set<String> {
        if text.words.count <= 8, isWholeLineCall(text) { return Set(text.words.map(\.text)) }
        var words = Set<String>()
        for hit in callsForHelp.hits(in: text) where !hit.match.isNegated {
            for position in hit.match.words where text.words.indices.contains(position) { words.insert(text.words[position].text) }
        }
        return words
    }

    /// Whether the whole line, or the line less its fillers ("please", "now"), is one of
    /// the whole-line calls ("help me", "emergency").
    private func isWholeLineCall(_ text: NormalizedText) -> Bool {
        let whole = text.words.map(\.text).joined(separator: " ")
        let core = Self.callCoreWords(text).joined(separator: " ")
        return wholeLineCalls.contains(whole) || (!core.isEmpty && wholeLineCalls.contains(core))
    }

    /// The line's words less the fillers of a call ("please", "now").
    private static func callCoreWords(_ text: NormalizedText) -> [String] {
        text.words.map(\.text).filter { !callFillers.contains($0) }
    }

    /// The text with each run of one letter written once ("heelp" → "help"); digits stay
    /// as they are ("999" is not "9").
    static func singleLetters(_ text: String) -> String {
        var out = ""
        var last: Character?
        for c in text where !(c == last && c.isLetter) {
            out.append(c)
            last = c
        }
        return out
    }

    /// Whether the line carries a danger word outside a figure of speech ("die", "pills",
    /// "breathing"): worth the numbers when nothing else understood it. With `strong`,
    /// only the words that show the numbers on any line (`SafetyLexicon.strongDangerWords`).
    /// With `distinct`, at least that many different danger words. In a question of five
    /// words or more read by its examples (`inQuestion`), one of the words ordinary
    /// questions say is not enough alone; a shorter line ("pills") says too little else.
    func carriesDanger(in text: NormalizedText, strong: Bool = false, distinct: Int = 1, inQuestion: Bool = false) -> Bool {
        var hits = (strong ? strongDangerWords : dangerWords).hits(in: text)
        if inQuestion && !strong && text.words.count >= 5
            && hits.allSatisfy({ SafetyLexicon.ordinaryInQuestions.contains($0.match.phrase) })
        {
            hits = []
        }
        guard hits.count >= distinct else { return false }
        var figurative = Set<Int>()
        for f in figures.hits(in: text) { figurative.formUnion(f.match.words) }
        var words = Set<String>()
        for hit in hits where !hit.match.words.allSatisfy(figurative.contains) {
            words.insert(hit.match.phrase)
            if words.count >= distinct { return true }
        }
        return false
    }
}
