/// Reads a yes-or-no answer.
///
/// The line is read clause by clause (punctuation separates clauses). Leading fillers
/// ("um", "well", "oh", "so", "honestly") are skipped; then the longest answer phrase the
/// clause opens with decides:
/// - **yes**: yes, yeah, yep, yup, y, sure, correct, right, true, ok, okay, of course,
///   definitely, absolutely, i think so, that's right, i do, i am, i have, i did, it is…;
///   and the partial yeses: a little, a bit, kind of, sort of, somewhat, sometimes;
/// - **no**: no, nope, nah, n, never, false, not really, not at all, no way, of course not,
///   definitely not, not true, not correct, not right, not yes, none, nothing, i don't, i'm
///   not, i haven't, i didn't, i don't think so…; and "not" before any yes word;
/// - **unknown** (nil): maybe, perhaps, possibly, not sure, i don't know, no idea, it
///   depends, yes and no.
///
/// The first clause with an answer decides, but a later clause that is a bare opposite
/// answer makes the line unclear ("yes, no" → nil); "no, I have cramps" is no. Letters
/// repeated at the end of a word are forgiven ("yesss", "nooo"). A single letter ("y",
/// "n", "k") counts only as a whole clause. Anything else is nil: ask again.
public enum YesNo {
    public static func read(_ input: String) -> Bool? {
        read(NormalizedText(input))
    }

    public static func read(_ text: NormalizedText) -> Bool? {
        let words = text.words
        var decided: Bool? = nil
        for clause in clausesPastFillers(words) {
            // The clause's first words after its fillers: an answer is never longer.
            let opening = words[clause.lowerBound..<min(clause.upperBound, clause.lowerBound + longest)].map(\.text)
            let found = opening.isEmpty ? Answer.none : answer(opening, alone: clause.count == opening.count)
            switch found {
            case .unknown:
                if decided == nil { return nil }
            case .yes(let bare), .no(let bare):
                let value = found.value ?? false
                if let d = decided {
                    if bare, d != value { return nil }
                } else {
                    decided = value
                }
            case .none:
                continue
            }
        }
        return decided
    }

    /// Whether the whole line only says the person does not know: "idk", "not sure",
    /// "no idea", "i dunno, maybe". Such a line answers no question and asks none: its
    /// "know" and "sure" are not a topic's words.
    public static func isUnsure(_ text: NormalizedText) -> Bool {
        everyClause(of: text) { phrase in
            if case .unknown? = table[phrase] { true } else { false }
        }
    }

    /// Whether the whole line only acknowledges what was said: "ok", "got it", "oh ok, makes
    /// sense". Where nothing asked yes or no, it is no answer and no question, and no
    /// sign that the person was not understood either. "im not ok" is none.
    public static func isAcknowledgement(_ text: NormalizedText) -> Bool {
        everyClause(of: text) { acknowledgements.contains($0) }
    }

    private static let acknowledgements: Set<String> = Set(
        [
            "ok", "okay", "k", "kk", "okie", "oki", "alright", "all right", "aight", "got it", "gotcha", "i see",
            "cool", "ok cool", "okay cool", "makes sense", "that makes sense", "understood", "fair enough", "noted",
            "i understand", "ok i understand", "ok got it", "okay got it", "good to know", "ok good to know", "vale",
            "entiendo", "ya veo",
        ].map { TextNormalizer.words($0).joined(separator: " ") })

    /// Whether each clause of the line, past its fillers, is a phrase `accepts` takes as a
    /// whole (at least one clause, none longer than an answer).
    private static func everyClause(of text: NormalizedText, accepts: (String) -> Bool) -> Bool {
        let clauses = clausesPastFillers(text.words).filter { !$0.isEmpty }
        return !clauses.isEmpty
            && clauses.allSatisfy { clause in
                clause.count <= longest && accepts(text.words[clause].map { forgiven($0.text) }.joined(separator: " "))
            }
    }

    /// The words of each clause, as punctuation marks them, past its leading fillers
    /// ("um", "well", "oh"): empty for a clause of fillers only.
    private static func clausesPastFillers(_ words: [Word]) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        while start < words.count {
            var end = start
            while end < words.count, words[end].clause == words[start].clause { end += 1 }
            var first = start
            while first < end, fillers.contains(words[first].text) { first += 1 }
            clauses.append(first..<end)
            start = end
        }
        return clauses
    }

    /// The yeses that open a statement as well as answer: "i have" answers "Do you have
    /// cramps?", but "i have kidney disease" only says what a question that follows is
    /// about.
    private static let statementOpeners: Set<String> = ["i am", "i have", "i do", "i did", "it is", "i was", "i will"]

    /// Whether the line's first clause opens with one of the yeses that also open a
    /// statement ("i am", "i have", "it is"…) and goes on: "im pregnant and using",
    /// "i have kidney disease". Such a clause before a question is no answer.
    public static func opensWithStatement(_ text: NormalizedText) -> Bool {
        guard let clause = clausesPastFillers(text.words).first, clause.count > 2 else { return false }
        let opener = text.words[clause.lowerBound..<clause.lowerBound + 2].map(\.text).joined(separator: " ")
        return statementOpeners.contains(opener)
    }

    private enum Answer {
        case yes(bare: Bool), no(bare: Bool), unknown, none

        var value: Bool? {
            switch self {
            case .yes: true
            case .no: false
            default: nil
            }
        }
    }

    /// The answer a clause opens with; `alone` when `words` is the whole clause.
    private static func answer(_ words: [String], alone: Bool) -> Answer {
        let words = words.map(forgiven)
        for length in stride(from: words.count, through: 1, by: -1) {
            guard let found = table[words[0..<length].joined(separator: " ")] else { continue }
            // A single letter is an answer only on its own.
            if length == 1, words[0].count == 1, !(alone && words.count == 1) { continue }
            return found
        }
        if words[0] == "not" {
            if alone, words.count == 1 { return .no(bare: true) }
            if words.count > 1, case .yes = table[words[1]] ?? .none { return .no(bare: false) }
        }
        return .none
    }

    /// "yesss" → "yes", "nooo" → "no": a letter repeated at the end, when the word as
    /// typed is not an answer.
    private static func forgiven(_ word: String) -> String {
        guard table[word] == nil, word.utf8.count <= 16 else { return word }
        var w = Array(word.unicodeScalars)
        while w.count > 1, w[w.count - 1] == w[w.count - 2] { w.removeLast() }
        var collapsed = String.UnicodeScalarView()
        collapsed.append(contentsOf: w)
        return table[String(collapsed)] != nil ? String(collapsed) : word
    }

    private static let fillers: Set<String> = [
        "um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "mm", "well", "oh", "ah", "so", "like", "actually",
        "honestly", "and", "but", "lol", "haha", "then", "errr",
    ]

    private static let yes: [String] = [
        "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "yas", "y", "sure", "surely", "correct", "right", "true", "ok",
        "okay", "k", "affirmative", "definitely", "absolutely", "certainly", "of course", "indeed", "uh huh", "mhm",
        "mhmm", "aye", "i think so", "i guess so", "i believe so", "that is right", "that is correct", "that is true",
        "yes please", "please do", "go ahead", "sounds good", "alright", "all right", "i do", "i am", "i have", "i did",
        "it is", "i was", "i will", "a little", "a bit", "kind of", "sort of", "somewhat", "sometimes", "a lot",
        "very much", "always", "you bet", "totally", "exactly", "yes i do", "yes i am", "why not", "si", "claro",
        "dale", "vale", "let us do it", "let us go", "do it", "go for it", "ok let us go", "fine", "alright fine", "yes let us do it",
        "sure thing", "ya please", "yeah sure", "uh huh yes", "yessir", "yass", "yeh", "ye", "aight",
        "bet", "for sure", "i suppose", "i guess", "sounds fine", "i would like that", "lets do it", "lets go",
    ]

    private static let no: [String] = [
        "no", "nope", "nah", "naw", "n", "never", "false", "negative", "not really", "not at all", "no way",
        "of course not", "absolutely not", "definitely not", "certainly not", "not true", "not correct",
        "not right", "not yes", "not quite", "not any", "none", "nothing", "no thanks", "no thank you", "not me",
        "i do not", "i am not", "i have not", "i did not", "it is not", "that is not", "i was not", "i will not",
        "i would not", "i can not", "i do not think so", "i hope not", "i think not", "not anymore", "no longer",
        "nay", "wrong", "incorrect", "not now", "not right now", "not yet", "not today", "pass", "i will pass",
        "no thx", "no thnx", "no ty", "nah thanks", "no gracias", "nuh uh", "nuh", "na", "nah i am good",
        "i am good", "i am ok", "i am okay", "i am fine", "all good", "not at the moment", "not rn", "maybe later",
        "later", "skip", "skip it", "i would rather not", "rather not", "nada", "no way jose", "hell no", "nopes",
        "not really no", "no sir", "not that i know of",
    ]

    private static let unknown: [String] = [
        "maybe", "perhaps", "possibly", "not sure", "i am not sure", "unsure", "i do not know", "do not know",
        "no idea", "i have no idea", "it depends", "depends", "yes and no", "hard to say", "i can not say",
        "i can not remember", "i do not remember", "not certain", "i am not certain", "who knows", "might",
    ]

    private static let table: [String: Answer] = {
        var t: [String: Answer] = [:]
        for p in yes { t[TextNormalizer.words(p).joined(separator: " ")] = .yes(bare: !p.contains(" ")) }
        for p in no { t[TextNormalizer.words(p).joined(separator: " ")] = .no(bare: !p.contains(" ")) }
        for p in unknown { t[TextNormalizer.words(p).joined(separator: " ")] = .unknown }
        return t
    }()

    private static let longest = 5
}
