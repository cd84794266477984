import DialogMatching
import DialogModel

/// How strongly a line reads as a crisis (DESIGN.md, "Crisis handling").
public enum CrisisLevel: String, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Might be a crisis: the flow continues, with the region's emergency numbers shown
    /// (`safety-note`).
    case resources
    /// A crisis now: the crisis script is shown and the normal flow pauses (`crisis`).
    case takeover

    public static func < (a: CrisisLevel, b: CrisisLevel) -> Bool { a == .resources && b == .takeover }
    public var description: String { rawValue }
}

/// Why an occurrence of a crisis phrase is not a takeover.
public enum CrisisQualifier: Sendable, Hashable, CustomStringConvertible {
    /// A figure of speech overlaps it ("dying for sleep"): no crisis at all.
    case figurative(String)
    /// One of its intent's `unless` phrases overlaps it: `resources`.
    case unless(String)
    /// A negation covers it ("I'm not suicidal", "I didn't overdose"): `resources`.
    case negated(cue: String)
    /// An explicit earlier time is in its clause ("last year", "used to"): `resources`.
    case past(String)
    /// It is asked about ("what are the signs of an overdose?"): `resources`.
    case question(String)

    /// The level the qualifier leaves the occurrence with; nil for none.
    public var level: CrisisLevel? {
        if case .figurative = self { nil } else { .resources }
    }

    public var description: String {
        switch self {
        case .figurative(let p): "figure of speech \"\(p)\""
        case .unless(let p): "unless \"\(p)\""
        case .negated(let cue): "negated by \"\(cue)\""
        case .past(let p): "in the past: \"\(p)\""
        case .question(let p): "a question: \"\(p)\""
        }
    }
}

/// One occurrence of a crisis phrase in a line, and how it was read.
public struct CrisisOccurrence: Sendable, Hashable, CustomStringConvertible {
    /// The id of the intent whose phrase it is.
    public var intent: String
    public var kind: CrisisKind
    public var match: PhraseMatch
    /// Why it is not a takeover; nil when it is.
    public var qualifier: CrisisQualifier?

    /// `takeover`, `resources`, or nil for a figure of speech.
    public var level: CrisisLevel? { qualifier.map(\.level) ?? .takeover }
    /// The plain phrase of the intent that matched ("i want to die" of "~self ~want to
    /// ~die").
    public var phrase: String { match.phrase }

    public var description: String {
        "\(kind.rawValue) (\(intent)) \"\(phrase)\": \(level?.rawValue ?? "none")\(qualifier.map { ", \($0)" } ?? "")"
    }
}

/// What the crisis detector read in a line that carries at least one crisis.
public struct CrisisReport: Sendable, Hashable, CustomStringConvertible {
    /// The most urgent kind at the line's level: its script comes first.
    public var kind: CrisisKind
    /// The other kinds the line carries, most urgent first; their numbers are shown too.
    public var also: [CrisisKind]
    public var level: CrisisLevel
    /// The intent and phrase that decided `kind`: its first occurrence at `level`.
    public var intent: String
    public var phrase: String
    public var match: PhraseMatch
    /// Every occurrence, figures of speech included, in the order of the line: what the
    /// staff view shows as "why".
    public var occurrences: [CrisisOccurrence]

    /// `kind`, then `also`.
    public var kinds: [CrisisKind] { [kind] + also }

    public var description: String {
        "\(level.rawValue) \(kind.rawValue)\(also.isEmpty ? "" : " also \(also.map(\.rawValue).joined(separator: ","))") (\(intent): \"\(phrase)\")"
    }
}

/// Reads a line for crisis intents. It runs first on every turn, from every node, and
/// decides the one thing that matters most: whether the crisis script takes over.
///
/// Each intent's `match` phrases are found as whole words, with stems and one typo on
/// longer words ("overdosd", "suicidel"); never inside a word ("good", "food", "diet",
/// "skill" and "change" are not crises). A phrase that carries its own negation ("not
/// breathing", "can't breathe", "won't wake up", "don't want to wake up", "not sure I
/// want to live") counts as itself and is never read as negated. Where two intents'
/// phrases cover the same words, the longer wins ("I took too many" over "took too
/// many"); over exactly the same words, both count.
///
/// Each occurrence is then read in its context, in this order (`CrisisQualifier`):
/// 1. a figure of speech overlaps it (`CrisisLexicon.figurative`): not a crisis;
/// 2. an `unless` phrase of its own intent overlaps it: `resources` — `unless` cancels
///    that occurrence only, never the line ("I'm not suicidal but I want to die" is a
///    takeover);
/// 3. a negation covers it (`TextScopes`): `resources` ("I'm not suicidal", "I didn't
///    overdose");
/// 4. an explicit earlier time is in its clause (or is the whole clause before it:
///    "Years ago, I overdosed") and nothing in its sentence brings it back to now
///    (`CrisisLexicon.past`, `.present`): `resources` ("I overdosed last year"; but "I
///    took too many", "he overdosed", "I think I overdosed" are now);
/// 5. it is asked about (`CrisisLexicon.generalQuestion`, in its clause or the clause it
///    asks about, "how do I know | if …"), in a question or a sentence that asks
///    (`CrisisLexicon.asking`: "I want to know what an overdose looks like"): `resources`
///    ("what are the signs of an overdose?"; but "what are the signs? my friend won't wake
///    up" is a takeover);
/// 6. otherwise: `takeover`.
///
/// The line's level is the highest of its occurrences; its `kind` is the most urgent
/// kind at that level (`CrisisKind.urgency`), made more precise by the rules that
/// `refines:` it, one after another, and an overdose of someone else becomes the
/// writer's own when the writer is the only person the line names; `also` is every other
/// kind it carries.
/// Detection is pure: no clock, no randomness, no I/O; linear in the length of the line.
public struct CrisisDetector: Sendable {
    /// A crisis intent, as the detector needs it.
    public struct Rule: Sendable {
        public var id: String
        public var kind: CrisisKind
        public var match: [PhrasePattern]
        public var unless: [PhrasePattern]
        /// Kinds this rule makes more precise when one of `when` is in the line.
        public var refines: Set<CrisisKind> = []
        public var when: [PhrasePattern] = []

        public init(
            id: String, kind: CrisisKind, match: [PhrasePattern], unless: [PhrasePattern] = [],
            refines: Set<CrisisKind> = [], when: [PhrasePattern] = []
        ) {
            self.id = id
            self.kind = kind
            self.match = match
            self.unless = unless
            self.refines = refines
            self.when = when
        }

        /// A rule from phrases written as plain text.
        public init(id: String, kind: CrisisKind, match: [String], unless: [String] = []) {
            self.init(id: id, kind: kind, match: match.map { PhrasePattern($0) }, unless: unless.map { PhrasePattern($0) })
        }
    }

    public let rules: [Rule]
    private let matchSet: PhraseSet<Int>
    private let unlessSet: PhraseSet<Int>
    private let figurative = PhraseSet([(0, CrisisLexicon.figures)], minimumQuality: .exact)
    private let past = PhraseSet([(0, CrisisLexicon.past)])
    private let present = PhraseSet([(0, CrisisLexicon.present)], minimumQuality: .exact)
    private let notNow = PhraseSet([(0, CrisisLexicon.notNow)], minimumQuality: .exact)
    private let question = PhraseSet([(0, CrisisLexicon.generalQuestion)])
    private let asking = PhraseSet([(0, CrisisLexicon.asking)], minimumQuality: .stemmed)
    private let deaths = PhraseSet([(0, CrisisLexicon.deaths)], minimumQuality: .exact)
    private let deathNow = PhraseSet([(0, CrisisLexicon.deathNow)], minimumQuality: .exact)

    public init(rules: [Rule]) {
        self.rules = rules
        self.sideSet = PhraseSet([(0, rules.flatMap { $0.match.flatMap(\.sides) })])
        self.matchSet = PhraseSet(rules.enumerated().map { (id: $0.offset, phrases: $0.element.match) })
        self.unlessSet = PhraseSet(rules.enumerated().map { (id: $0.offset, phrases: $0.element.unless) })
        self.whenSet = PhraseSet(rules.enumerated().filter { !$0.element.refines.isEmpty }.map { (id: $0.offset, phrases: $0.element.when) })
    }

    /// The `when` phrases of the rules that refine other kinds, by rule.
    private let whenSet: PhraseSet<Int>
    /// Every side of every conjunction (`A & B`) of the rules.
    private let sideSet: PhraseSet<Int>

    /// Whether a line holds a side of a conjunction: only then can it, read with the lines
    /// before it, say a crisis that neither says alone (every other phrase stands in one
    /// sentence, and lines read together are separate sentences).
    public func mayCompleteAcrossLines(_ text: NormalizedText) -> Bool {
        !sideSet.hits(in: text).isEmpty
    }

    /// A detector over the bundle's crisis intents (the intents with a `crisis` kind).
    /// With `spanish`, the built-in Spanish crisis phrases (`SafetyLexicon.spanish`) are
    /// read too, each as a rule of its kind (its id `es:KIND`).
    public init(intents: [Intent], concepts: ConceptTable = ConceptTable(), spanish: Bool = false) {
        var rules = intents.compactMap { intent in
            intent.crisis.map {
                Rule(
                    id: intent.id, kind: $0, match: concepts.patterns(intent.match), unless: concepts.patterns(intent.unless),
                    refines: Set(intent.refines?.kinds ?? []), when: concepts.patterns(intent.refines?.when ?? []))
            }
        }
        if spanish {
            for (kind, phrases) in SafetyLexicon.spanish {
                guard let k = CrisisKind(rawValue: kind) else { continue }
                rules.append(Rule(id: "es:\(kind)", kind: k, match: phrases))
            }
        }
        self.init(rules: rules)
    }

    /// Reads one line; nil when it carries no crisis.
    public func detect(_ line: String) -> CrisisReport? {
        detect(in: NormalizedText(line))
    }

    /// Reads one normalised line; nil when it carries no crisis.
    public func detect(in text: NormalizedText) -> CrisisReport? {
        let occurrences = self.occurrences(in: text)
        let live = occurrences.filter { $0.level != nil }
        guard let level = live.compactMap(\.level).max() else { return nil }
        let top = live.filter { $0.level == level }
        guard let first = top.min(by: { ($0.kind.urgency, $0.match.words.lowerBound) < ($1.kind.urgency, $1.match.words.lowerBound) }) else { return nil }
        var kind = first.kind, intent = first.intent
        // More precise kinds the line names, one after the other: drugs taken before an
        // emergency sign make it an overdose ("took some pills and now he is
        // unconscious"), and baclofen named makes that a baclofen overdose ("took way too
        // many of his baclofen").
        var refined: Set<CrisisKind> = [kind]
        let refiners = whenSet.hits(in: text).filter { !$0.match.isNegated }
        while let refining = refiners.first(where: { rules[$0.id].refines.contains(kind) && !refined.contains(rules[$0.id].kind) }) {
            kind = rules[refining.id].kind
            intent = rules[refining.id].id
            refined.insert(kind)
        }
        // An overdose now, read from words that fit anyone ("OD'ing", "took way too much"),
        // in a line that names nobody but the writer is the writer's own: its script
        // speaks to someone who may be alone. Someone else's overdose stays in `also`.
        if kind == .overdoseOther, level == .takeover, Self.namesOnlyTheWriter(text), let own = rules.first(where: { $0.kind == .overdoseSelf }) {
            refined.remove(kind)
            kind = .overdoseSelf
            intent = own.id
            refined.insert(kind)
        }
        // The kinds refined away are not repeated: their script is the same call, said less precisely.
        var also: [CrisisKind] = []
        for k in Set(live.map(\.kind)).sorted() where !refined.contains(k) && k != kind { also.append(k) }
        return CrisisReport(
            kind: kind, also: also, level: level, intent: intent, phrase: first.phrase,
            match: first.match, occurrences: occurrences)
    }

    /// Every occurrence of a crisis phrase in the line, each with its reading.
    public func occurrences(in text: NormalizedText) -> [CrisisOccurrence] {
        let hits = matchSet.longestHits(in: text)
        guard !hits.isEmpty else { return [] }
        let n = text.words.count

        // Figures of speech, by word.
        var figure = [Int](repeating: -1, count: n)
        // A figure of speech cancels only the occurrence it overlaps. One followed by "for
        // real" or "for sure" is no figure: "I want to die for real".
        let figures = figurative.hits(in: text).filter { hit in
            let after = hit.match.words.upperBound
            let last = text.words[after - 1].text
            let next = after < n ? text.words[after].text : ""
            return !(last == "for" && CrisisLexicon.sincere.contains(next))
        }
        for (k, hit) in figures.enumerated() { for w in hit.match.words { figure[w] = k } }

        // `unless` occurrences, by intent and word (only for the intents that have some).
        var unless: [Int: [String?]] = [:]
        for hit in unlessSet.hits(in: text) {
            for w in hit.match.words { unless[hit.id, default: [String?](repeating: nil, count: n)][w] = hit.match.phrase }
        }

        // Time and question context, by clause.
        let clauses = text.scopes.clauseWords.count
        var pastIn = [String?](repeating: nil, count: clauses)
        var presentIn = Set<Int>()
        var questionIn = [String?](repeating: nil, count: clauses)
        // Where each clause's first earlier-time phrase starts: one that opens its clause
        // ("in 2019 | I overdosed", "when I was 17 | I had suicidal thoughts", "the last
        // time I detoxed | I ended up in hospital") sets the time of the next clause of its
        // sentence too (below).
        var pastAt = [Int?](repeating: nil, count: clauses)
        for hit in past.hits(in: text) {
            if pastAt[text.scopes.clauses[hit.match.words.lowerBound]] == nil {
                pastAt[text.scopes.clauses[hit.match.words.lowerBound]] = hit.match.words.lowerBound
            }
            // "in the past hour", "the last few minutes": recent, so now.
            let after = hit.match.words.upperBound
            if after < n,
                CrisisLexicon.recentUnits.contains(text.words[after].text)
                    || (after + 1 < n && CrisisLexicon.recentUnits.contains(text.words[after + 1].text))
            {
                continue
            }
            let c = text.scopes.clauses[hit.match.words.lowerBound]
            if pastIn[c] == nil { pastIn[c] = hit.match.phrase }
            let sentence = text.words[hit.match.words.lowerBound].sentence
            func inSentence(_ k: Int) -> Bool {
                k >= 0 && k < clauses && !text.scopes.clauseWords[k].isEmpty && text.words[text.scopes.clauseWords[k].lowerBound].sentence == sentence
            }
            // A time phrase that is its whole clause reaches the next clause of its sentence
            // ("Years ago, I overdosed."), or the one before when it closes its sentence ("I
            // overdosed once, a long time ago.").
            if text.scopes.clauseWords[c] == hit.match.words, let reached = inSentence(c + 1) ? c + 1 : inSentence(c - 1) ? c - 1 : nil,
                pastIn[reached] == nil
            {
                pastIn[reached] = hit.match.phrase
            }
        }
        for c in pastAt.indices where pastIn[c] == nil { pastAt[c] = nil }
        for (i, word) in text.words.enumerated() {
            let c = text.scopes.clauses[i]
            if word.text == "before", text.scopes.clauseWords[c].upperBound == i + 1, pastIn[c] == nil {
                pastIn[c] = "before"
            }
            if word.text == "in", i + 1 < n, isYear(text.words[i + 1].text), pastIn[c] == nil {
                pastIn[c] = "in \(text.words[i + 1].text)"
                pastAt[c] = i
            }
            // "when I was 17", "when my nephew was 3": an age is a time gone by.
            if word.text == "when", pastIn[c] == nil {
                for j in (i + 2)..<min(n - 1, i + 5) where ["was", "were"].contains(text.words[j].text) && Int(text.words[j + 1].text) != nil {
                    pastIn[c] = "when … was \(text.words[j + 1].text)"
                    pastAt[c] = i
                    break
                }
            }
        }
        for c in 0..<max(0, clauses - 1) {
            guard let phrase = pastIn[c], let at = pastAt[c], pastIn[c + 1] == nil else { continue }
            let clause = text.scopes.clauseWords[c], next = text.scopes.clauseWords[c + 1]
            // The time opens the clause ("Years ago, I overdosed"), or the clause is a
            // "when" of its own ("when i was in high school | i cut myself").
            guard at <= clause.lowerBound + 1 || text.words[clause.lowerBound].text == "when", !next.isEmpty,
                text.words[next.lowerBound].sentence == text.words[clause.lowerBound].sentence
            else { continue }
            pastIn[c + 1] = phrase
        }
        // "Now", "still", "again" bring the whole sentence back to now.
        var since = Set<Int>()
        for hit in notNow.hits(in: text) { since.formUnion(hit.match.words) }
        for hit in present.hits(in: text) where !hit.match.words.allSatisfy(since.contains) {
            presentIn.insert(text.words[hit.match.words.lowerBound].sentence)
        }
        for hit in question.hits(in: text) {
            // Every clause the cue covers asks ("what should | i do | if …").
            let first = text.scopes.clauses[hit.match.words.lowerBound], last = text.scopes.clauses[hit.match.words.upperBound - 1]
            for k in first...max(first, last) where questionIn[k] == nil { questionIn[k] = hit.match.phrase }
            let c = max(first, last)
            // The clause it asks about: "how do I know | if someone is overdosing".
            if c + 1 < clauses, questionIn[c + 1] == nil {
                let next = text.scopes.clauseWords[c + 1]
                if !next.isEmpty, CrisisLexicon.askedClauseOpeners.contains(text.words[next.lowerBound].text),
                    text.words[next.lowerBound].sentence == text.words[hit.match.words.lowerBound].sentence
                {
                    questionIn[c + 1] = hit.match.phrase
                }
            }
        }
        // Sentences that ask without a question mark: "I want to know what an overdose looks like".
        var askingSentences = Set<Int>()
        for hit in asking.hits(in: text) { askingSentences.insert(text.words[hit.match.words.lowerBound].sentence) }

        let generalAsks = Self.generalQuestions(in: text)
        // A death told in the line, with nothing that says it is happening now: its
        // overdose is a loss (`CrisisLexicon.deaths`). Read only for a line that tells of one.
        let loss: String? = {
            guard hits.contains(where: { Self.endedByADeath.contains(rules[$0.id].kind) }),
                let death = deaths.hits(in: text).first(where: { !$0.match.isNegated }), deathNow.hits(in: text).isEmpty
            else { return nil }
            return death.match.phrase
        }()

        return hits.map { hit in
            let rule = rules[hit.id]
            let words = hit.match.words
            let c = text.scopes.clauses[words.lowerBound]
            var qualifier: CrisisQualifier? = nil
            if let k = words.lazy.map({ figure[$0] }).first(where: { $0 >= 0 }) {
                qualifier = .figurative(figures[k].match.phrase)
            } else if let cover = unless[hit.id], let phrase = words.lazy.compactMap({ cover[$0] }).first {
                qualifier = .unless(phrase)
            } else if let cue = hit.match.negatedBy {
                qualifier = .negated(cue: text.words[cue].text)
            } else if let phrase = pastIn[c], !presentIn.contains(text.words[words.lowerBound].sentence) {
                qualifier = .past(phrase)
            } else if let loss, Self.endedByADeath.contains(rule.kind) {
                qualifier = .past(loss)
            } else if let phrase = questionIn[c], !hit.match.isSelfNegated, !Self.statesItself(hit.match),
                !Self.toldAfterward(hit.match, in: text),
                text.isQuestion(at: words.lowerBound) || askingSentences.contains(text.words[words.lowerBound].sentence)
                    || Self.isSearch(text)
                    || text.asksInverted(at: text.scopes.clauseWords[c].lowerBound)
                    || text.asksInverted(at: text.scopes.clauseWords[c].lowerBound - 1)
            {
                qualifier = .question(phrase)
            } else if Self.askedAboutInGeneral.contains(rule.kind), !hit.match.isSelfNegated,
                let asked = generalAsks[text.words[words.lowerBound].sentence],
                asked.asks < hit.match.lastWord || (asked.from < asked.asks && asked.from <= words.lowerBound)
            {
                // Asked after the question word (a phrase in two parts ends after it: "has a
                // pump, what happens if the alarm goes off"), or in an "if" that opens the
                // question ("if someone took too much baclofen, what would happen to them").
                qualifier = .question(text.words[asked.asks].text)
            }
            return CrisisOccurrence(intent: rule.id, kind: rule.kind, match: hit.match, qualifier: qualifier)
        }
    }

    /// The kinds a death told in the line ends: an overdose is over once it was fatal.
    /// A wish to die, a seizure or a medical emergency in the same line stays what it is.
    private static let endedByADeath: Set<CrisisKind> = [.overdoseOther, .overdoseSelf, .baclofenOverdose]

    /// The kinds a question can ask about in general: what an overdose of baclofen is, what
    /// a pump alarm means. A question about suicide ("how do you overdose on purpose",
    /// "what is the point of living") is itself a warning sign, and a question about a
    /// seizure or an emergency sign ("what do you do when someone won't wake up") is best
    /// answered by the script itself.
    private static let askedAboutInGeneral: Set<CrisisKind> = [.overdoseOther, .overdoseSelf, .baclofenOverdose, .pumpAlarm]

    /// The words of a line that a question asked of nobody in particular asks about
    /// (`generalQuestions(in:)`): from its question word, or from an "if" that opens it, to
    /// the end of its sentence.
    static func wordsAskedInGeneral(in text: NormalizedText) -> [Range<Int>] {
        generalQuestions(in: text).values.map { asked in
            let sentence = text.words[asked.from].sentence
            var end = asked.from
            while end < text.words.count, text.words[end].sentence == sentence { end += 1 }
            return asked.from..<end
        }
    }

    /// The sentences that ask about a crisis in general rather than tell of one, each with
    /// where what it asks about starts and the word where it starts asking. Such a
    /// sentence asks — it ends with `?`, opens with a question word, or has "what", "how",
    /// "why" or "which" and a verb ("baclofen overdose how long does it last") — says
    /// nothing urgent (`CrisisLexicon.urgent`: "now", "help", "please"), and what it asks
    /// about names nobody in particular (`CrisisLexicon.particular`, "the guy"): "how loud
    /// is the baclofen pump alarm", "can narcan wake someone up from a baclofen overdose",
    /// "my son has a pump, what happens if the alarm goes off". "They" is nobody in
    /// particular after "someone", "a person" or "people" ("if someone took too much, what
    /// would happen to them"); "is he overdosing?" and "can you help, someone is
    /// overdosing" tell of one.
    private static func generalQuestions(in text: NormalizedText) -> [Int: (from: Int, asks: Int)] {
        var asks: [Int: (from: Int, asks: Int)] = [:]
        var start = 0
        while start < text.words.count {
            let sentence = text.words[start].sentence
            var end = start
            while end < text.words.count, text.words[end].sentence == sentence { end += 1 }
            // What the question asks about starts at its question word, or at an "if" that
            // opens it; words before it may say who it is about ("my son has a pump, what
            // happens if the alarm goes off").
            if let at = askingStart(in: text, start..<end) {
                let from = text.words[start].text == "if" ? start : at
                if !(start..<end).contains(where: { CrisisLexicon.urgent.contains(text.words[$0].text) }),
                    namesNobodyInParticular(text, from..<end)
                {
                    asks[sentence] = (from: from, asks: at)
                }
            }
            start = end
        }
        return asks
    }

    /// Where the words of one sentence start asking; nil when they do not ask.
    private static func askingStart(in text: NormalizedText, _ sentence: Range<Int>) -> Int? {
        if Lexicon.questionOpeners.contains(text.words[sentence.lowerBound].text) { return sentence.lowerBound }
        for i in sentence.dropLast()
        where CrisisLexicon.whWords.contains(text.words[i].text)
            && CrisisLexicon.afterWhWord.contains(text.words[i + 1].text)
        {
            return i
        }
        // A clause that asks in the inverted order: "mixing baclofen and beer, is it safe?"
        // asks from "is".
        if let i = sentence.first(where: { text.asksInverted(at: $0) && ($0 == sentence.lowerBound || text.words[$0 - 1].clause != text.words[$0].clause) }) {
            return i
        }
        return text.questionSentences.contains(text.words[sentence.lowerBound].sentence) ? sentence.lowerBound : nil
    }

    /// Whether words name nobody in particular.
    private static func namesNobodyInParticular(_ text: NormalizedText, _ sentence: Range<Int>) -> Bool {
        var anyone = false
        for i in sentence {
            let word = text.words[i].text
            if CrisisLexicon.particular.contains(word) { return false }
            if CrisisLexicon.referringBack.contains(word), !anyone { return false }
            if CrisisLexicon.anyone.contains(word) { anyone = true }
            // "The guy", "that kid": someone in particular.
            if people.contains(word), i > sentence.lowerBound, ["the", "that", "this"].contains(text.words[i - 1].text) {
                return false
            }
        }
        return true
    }

    /// Whether a line is typed like a search ("baclofen toxicity signs", "overdose
    /// symptoms"): five words at most besides articles and prepositions, one of them a
    /// search noun, and nobody named.
    private static func isSearch(_ text: NormalizedText) -> Bool {
        text.words.lazy.filter { !CrisisLexicon.searchFillers.contains($0.text) }.count <= 5
            && text.words.contains { CrisisLexicon.searchNouns.contains($0.text) }
            && !text.words.contains { Lexicon.subjects.contains($0.text) || Self.people.contains($0.text) || $0.text == "me" }
    }

    /// Whether the line has the writer as a subject ("I", "I'm", "myself") and names
    /// nobody else: no other person's pronoun and no word for a person ("he", "her",
    /// "someone", "my brother", "the guy"), read with stems and one typo ("my freind").
    /// "Me" and "my" alone do not count: "not responding to me" and "got into my pills"
    /// are about someone else. A line that opens with what was taken, its "I" left out,
    /// and says "my" or how it feels ("took 3 strips of subs plus some xans, feeling real
    /// heavy", "drank a bunch and then took my suboxone") has the writer as its subject;
    /// "took too many" alone could be anyone's.
    private static func namesOnlyTheWriter(_ text: NormalizedText) -> Bool {
        guard let first = text.words.first else { return false }
        let dropsI =
            CrisisLexicon.takenWithoutSubject.contains(first.text)
            && text.words.contains { CrisisLexicon.writersOwn.contains($0.text) }
        return (dropsI || text.words.contains { firstPerson.contains($0.text) }) && otherPeople.hits(in: text).isEmpty
    }

    private static let firstPerson: Set<String> = ["i", "myself", "yo", "tuve", "tome", "estoy"]
    private static let otherPeople = PhraseSet([
        (
            0,
            Lexicon.othersPronouns + Lexicon.spanishRelations + [
                "hers", "theirs", "himself", "herself", "themselves", "someone", "somebody", "anyone", "anybody",
                "everyone", "people",
                // Spanish: "mi primo se metió algo y no me habla".
                "el", "ella", "ellos", "ellas", "alguien", "primo", "prima", "madre", "padre", "tio", "tia", "abuelo",
                "abuela", "vecino", "vecina", "pareja", "companero", "companera",
            ] + ConceptTable.builtIn["person", default: []]
        )
    ])

    /// The words that name a person ("friend", "son"), from the built-in `~person` concept.
    private static let people: Set<String> = Set(ConceptTable.builtIn["person"] ?? [])

    /// Whether a phrase says who it happened to in the first person ("i took too many"):
    /// in a question ("what happens if I took too many pills?") it is still a statement.
    /// Whether a phrase in parts ends in a later sentence that does not ask: "is it bad
    /// if i took like 12 baclofen? im really sleepy and my heart feels slow" tells its
    /// signs, so the whole is no question.
    private static func toldAfterward(_ match: PhraseMatch, in text: NormalizedText) -> Bool {
        let last = match.lastWord
        guard text.words.indices.contains(last), text.words.indices.contains(match.words.lowerBound) else { return false }
        return text.words[last].sentence != text.words[match.words.lowerBound].sentence && !text.isQuestion(at: last)
    }

    private static func statesItself(_ match: PhraseMatch) -> Bool {
        let first = match.firstPhraseWord
        return first == "i" || first == "my" || first == "me"
    }

    private func isYear(_ word: String) -> Bool {
        guard word.utf8.count == 4, let year = Int(word) else { return false }
        return (1900...2099).contains(year)
    }
}
