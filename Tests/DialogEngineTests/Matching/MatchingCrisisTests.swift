import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import Foundation
import TestSupport
import Testing

/// The crisis intents the matcher tests run against, written as a dialog author would
/// (DESIGN.md, "The dialog language"), from CONTENT.md §5 "Phrases the crisis intents
/// must catch". First-person forms go to `overdose_self`, the rest to `overdose_other`:
/// where both cover the same words, the longer phrase wins.
let matchingCrisisIntents = """
    intents:
      overdose_other:
        crisis: overdose-other
        match: ["took too many", "took too much", "took all his pills", "took all her pills",
                overdose, overdosed, overdosing, OD, "OD'd", "won't wake up", "can't wake him",
                "can't wake her", "can't wake them", unresponsive, "not breathing", "stopped breathing",
                "lips are blue", "lips blue", "blue lips", "turning blue"]
      overdose_self:
        crisis: overdose-self
        match: ["I took too many", "I took too much", "I've taken too many", "took all my pills",
                "I overdosed", "I've overdosed", "I'm overdosing", "I OD'd", "I took an overdose"]
      suicide:
        crisis: suicide
        match: ["want to die", "kill myself", "end my life", "end it all", suicide, suicidal,
                "better off dead", "no reason to live", "hurt myself", "can't go on",
                "not sure I want to live", "not sure if I want to live", "don't want to wake up",
                "don't want to live", "kill me"]
        unless: ["not suicidal", "suicide hotline", "suicide line", "suicide prevention"]
      seizure:
        crisis: seizure
        match: [seizure, convulsing, convulsions, "having a fit", seizing]
      medical_emergency:
        crisis: medical-emergency
        match: ["chest pain", fainted, fainting, "passed out", unconscious, "can't breathe", "I'm dying"]
        unless: ["breathe through my nose", "breathe through his nose", "breathe through her nose"]
      pump_alarm:
        crisis: pump-alarm
        match: ["pump alarm", "pump is alarming", "pump is beeping", "pump beeping"]
      baclofen_overdose:
        crisis: baclofen-overdose
        match: ["took double", "took extra", "more than prescribed", "double dose", "extra dose"]
    """

/// Reads an `intents:` block with the project's own parser into detector rules.
func crisisRules(_ yaml: String) -> [CrisisDetector.Rule] {
    let parsed = YAMLParser.parse(yaml)
    precondition(!parsed.hasErrors, "the test intents do not parse: \(parsed.diagnostics)")
    guard let intents = parsed.documents.first?.mapping?["intents"]?.mapping else { return [] }
    return intents.entries.compactMap { entry in
        guard let body = entry.value.mapping,
            let kind = body["crisis"]?.scalar.flatMap({ CrisisKind(rawValue: $0.text) })
        else { return nil }
        func list(_ key: String) -> [String] {
            body[key]?.sequence?.items.compactMap { $0.scalar?.text } ?? []
        }
        return CrisisDetector.Rule(id: entry.key.text, kind: kind, match: list("match"), unless: list("unless"))
    }
}

let matchingDetector = CrisisDetector(rules: crisisRules(matchingCrisisIntents))

/// What the detector should read in a line: nil for no crisis.
struct CrisisReading: Sendable, Equatable, CustomStringConvertible {
    var level: CrisisLevel
    var kind: CrisisKind
    var also: [CrisisKind]

    var description: String { "\(level) \(kind.rawValue)\(also.isEmpty ? "" : " also \(also.map(\.rawValue))")" }
}

@Suite("Matching: crisis")
struct MatchingCrisisTests {
    static func takeover(_ kind: CrisisKind, also: [CrisisKind] = []) -> CrisisReading? {
        CrisisReading(level: .takeover, kind: kind, also: also)
    }

    static func resources(_ kind: CrisisKind, also: [CrisisKind] = []) -> CrisisReading? {
        CrisisReading(level: .resources, kind: kind, also: also)
    }

    static func reading(_ line: String, _ detector: CrisisDetector = matchingDetector) -> CrisisReading? {
        detector.detect(line).map { CrisisReading(level: $0.level, kind: $0.kind, also: $0.also) }
    }

    /// CONTENT.md §5, "Phrases the crisis intents must catch", each in a line.
    static let mustCatchTable: [Typed<CrisisReading?>] = [
        Typed("I took too many", takeover(.overdoseSelf)),
        Typed("he took too many pills", takeover(.overdoseOther)),
        Typed("I took too much", takeover(.overdoseSelf)),
        Typed("she took too much", takeover(.overdoseOther)),
        Typed("I took all my pills", takeover(.overdoseSelf)),
        Typed("I think I took an overdose", takeover(.overdoseSelf)),
        Typed("overdose", takeover(.overdoseOther)),
        Typed("I overdosed", takeover(.overdoseSelf)),
        Typed("he is overdosing", takeover(.overdoseOther)),
        Typed("I'm overdosing", takeover(.overdoseSelf)),
        Typed("OD", takeover(.overdoseOther)),
        Typed("she OD'd", takeover(.overdoseOther)),
        Typed("I OD'd", takeover(.overdoseSelf)),
        Typed("my friend won't wake up", takeover(.overdoseOther)),
        Typed("I can't wake him", takeover(.overdoseOther)),
        Typed("can't wake her up", takeover(.overdoseOther)),
        Typed("he's unresponsive", takeover(.overdoseOther)),
        Typed("he's not breathing", takeover(.overdoseOther)),
        Typed("she stopped breathing", takeover(.overdoseOther)),
        Typed("I can't breathe", takeover(.medicalEmergency)),
        Typed("his lips are blue", takeover(.overdoseOther)),
        Typed("lips blue", takeover(.overdoseOther)),
        Typed("he's turning blue", takeover(.overdoseOther)),
        Typed("I passed out", takeover(.medicalEmergency)),
        Typed("he's unconscious", takeover(.medicalEmergency)),
        Typed("she's having a seizure", takeover(.seizure)),
        Typed("he's convulsing", takeover(.seizure)),
        Typed("she is having a fit", takeover(.seizure)),
        Typed("I want to die", takeover(.suicide)),
        Typed("I'm going to kill myself", takeover(.suicide)),
        Typed("I want to end my life", takeover(.suicide)),
        Typed("I just want to end it all", takeover(.suicide)),
        Typed("I keep thinking about suicide", takeover(.suicide)),
        Typed("I feel suicidal", takeover(.suicide)),
        Typed("I'd be better off dead", takeover(.suicide)),
        Typed("I have no reason to live", takeover(.suicide)),
        Typed("I want to hurt myself", takeover(.suicide)),
        Typed("I can't go on", takeover(.suicide)),
        Typed("my pump alarm is going off", takeover(.pumpAlarm)),
        Typed("I took double my baclofen", takeover(.baclofenOverdose)),
        Typed("I took extra", takeover(.baclofenOverdose)),
        Typed("I took more than prescribed", takeover(.baclofenOverdose)),
        Typed("I took an extra dose of baclofen", takeover(.baclofenOverdose)),
        Typed("I have chest pain", takeover(.medicalEmergency)),
        Typed("I fainted", takeover(.medicalEmergency)),
        Typed("I keep fainting", takeover(.medicalEmergency)),
        // Typos, stems and case.
        Typed("I overdosd", takeover(.overdoseSelf)),
        Typed("I feel suicidel", takeover(.suicide)),
        Typed("he is unresponsve", takeover(.overdoseOther)),
        Typed("she's having a siezure", takeover(.seizure)),
        Typed("I WANNA DIE", takeover(.suicide)),
        Typed("i wanted to die all day", takeover(.suicide)),
        Typed("he's had too many, he took too many", takeover(.overdoseOther)),
        Typed("My friend’s lips are blue!!!", takeover(.overdoseOther)),
        Typed("I couldn't wake him", takeover(.overdoseOther)),
        Typed("he wouldn't wake up", takeover(.overdoseOther)),
        Typed("I've taken too many", takeover(.overdoseSelf)),
    ]

    /// CONTENT.md §5, "Must not be misread", and the rules of DESIGN.md "Crisis handling".
    static let mustNotMisreadTable: [Typed<CrisisReading?>] = [
        Typed("I'm not suicidal", resources(.suicide)),
        Typed("I'm not sure I want to live", takeover(.suicide)),
        Typed("I don't want to wake up", takeover(.suicide)),
        Typed("my brother took too many", takeover(.overdoseOther)),
        Typed("I overdosed last year", resources(.overdoseSelf)),
        Typed("I think I overdosed", takeover(.overdoseSelf)),
        Typed("this withdrawal is killing me", nil),
        Typed("dead tired", nil),
        Typed("I'm dead tired", nil),
        Typed("I'm doing fine", nil), Typed("how is he doing", nil),
        Typed("my friend is od'ing", takeover(.overdoseOther)), Typed("hes not breathin", takeover(.overdoseOther)),
        Typed("I'm dying for sleep", nil),
        Typed("I could kill for a coffee", nil),
        Typed("what are the signs of an overdose?", resources(.overdoseOther)),
        Typed("what are the signs of an overdose", resources(.overdoseOther)),
        Typed("what are the signs? my friend won't wake up", takeover(.overdoseOther)),
        Typed("I can't breathe through my nose", resources(.medicalEmergency)),
        Typed("good", nil), Typed("food", nil), Typed("diet", nil), Typed("skill", nil), Typed("change", nil),
        Typed("good food and a healthy diet is a skill that can change your life", nil),
        // `unless` cancels its own occurrence only, never the line.
        Typed("I'm not suicidal but I want to die", takeover(.suicide)),
        Typed("I'm not suicidal, I just want it all to stop", resources(.suicide)),
        Typed("what's the suicide hotline number?", resources(.suicide)),
        // Negation.
        Typed("I didn't overdose", resources(.overdoseOther)),
        Typed("I'm not going to kill myself", resources(.suicide)),
        Typed("I don't want to die", resources(.suicide)),
        Typed("I don't have chest pain", resources(.medicalEmergency)),
        Typed("I have never had a seizure", resources(.seizure)),
        Typed("no seizures", resources(.seizure)),
        Typed("I don't think he's not breathing", takeover(.overdoseOther)),
        Typed("I'm not suicidal i want to die", takeover(.suicide)),
        // Past, only with an explicit earlier time.
        Typed("he overdosed", takeover(.overdoseOther)),
        Typed("he overdosed years ago", resources(.overdoseOther)),
        Typed("I used to be suicidal", resources(.suicide)),
        Typed("When I was younger I tried to kill myself", resources(.suicide)),
        Typed("Years ago, I overdosed.", resources(.overdoseSelf)),
        Typed("I had a seizure before", resources(.seizure)),
        Typed("I've had seizures in the past", resources(.seizure)),
        Typed("my friend had a seizure in 2019", resources(.seizure)),
        Typed("I overdosed last night", takeover(.overdoseSelf)),
        Typed("I overdosed yesterday", takeover(.overdoseSelf)),
        Typed("I overdosed last year. Now I want to die", takeover(.suicide, also: [.overdoseSelf])),
        Typed("I used to want to die and I still do", takeover(.suicide)),
        Typed("I overdosed last year and again today", takeover(.overdoseSelf)),
        Typed("I've been having chest pains since last week", takeover(.medicalEmergency)),
        Typed("I had chest pain last week", resources(.medicalEmergency)),
        // An age is a time gone by; how things are since is not the crisis again.
        Typed("I tried to kill myself when I was 17", resources(.suicide)),
        Typed("my brother overdosed years ago and I still miss him", resources(.overdoseOther)),
        Typed("I overdosed in 2019, never again", resources(.overdoseSelf)),
        Typed("I overdosed years ago and I'm doing better now", resources(.overdoseSelf)),
        Typed("I overdosed years ago and I still have the pills", takeover(.overdoseSelf)),
        Typed("I used to be suicidal and I still am", takeover(.suicide)),
        // A time that opens its clause sets the time of the next one.
        Typed("when I was 17 I was suicidal", resources(.suicide)),
        Typed("in 2019 I overdosed", resources(.overdoseSelf)),
        Typed("I was 17 and now I'm suicidal", takeover(.suicide)),
        // A time that closes its sentence sets the time of the clause before it.
        Typed("I overdosed once, a long time ago", resources(.overdoseSelf)),
        Typed("I overdosed, years ago. I want to die", takeover(.suicide, also: [.overdoseSelf])),
        Typed("years ago, I overdosed, and I want to die", takeover(.suicide, also: [.overdoseSelf])),
        // Trying to quit again is not the crisis again.
        Typed("he had a seizure last christmas and now he wants to quit again", resources(.seizure)),
        Typed("he had a seizure last christmas and now he is having one again", takeover(.seizure)),
        Typed("I tried to kill myself last year and I'm going to try again", takeover(.suicide)),
        Typed("I overdosed last year and now I want to quit again", resources(.overdoseSelf)),
        Typed("he had a seizure last tuesday", takeover(.seizure)),
        // Two words run together.
        Typed("I took toomuch", takeover(.overdoseSelf)),
        // "Now" with how someone feels since is not the crisis again.
        Typed("I overdosed years ago and now I'm scared to use", resources(.overdoseSelf)),
        Typed("I overdosed years ago and now I want to die", takeover(.overdoseSelf, also: [.suicide])),
        // Using again is what the worry is about, not the crisis happening again.
        Typed("I overdosed last year and now I'm scared to use again", resources(.overdoseSelf)),
        Typed("I overdosed and I'm scared to use again", takeover(.overdoseSelf)),
        // A "when" clause of its own sets the time of the next one; a lifetime is history.
        Typed("when i was in high school i overdosed", resources(.overdoseSelf)),
        Typed("i overdosed three times in my life", resources(.overdoseSelf)),
        // A question about anyone, or a search that names nobody, asks.
        Typed("can taking too many pills make you overdose", resources(.overdoseOther)),
        Typed("overdose signs", resources(.overdoseOther)),
        // Questions.
        Typed("what is an overdose?", resources(.overdoseOther)),
        Typed("how do you know if someone is overdosing?", resources(.overdoseOther)),
        Typed("what does a seizure look like", resources(.seizure)),
        Typed("is he overdosing?", takeover(.overdoseOther)),
        Typed("what do I do if someone overdoses?", takeover(.overdoseOther)),
        Typed("what are the signs he's not breathing", takeover(.overdoseOther)),
        Typed("what is wrong with him he won't wake up?", takeover(.overdoseOther)),
        Typed("can you overdose on baclofen?", resources(.overdoseOther)),
        Typed("what are the risks of overdose with baclofen?", resources(.overdoseOther)),
        // A cue that reaches over clauses asks in each; a question in inverted order asks
        // without its question mark; a sentence that says it asks in general.
        Typed("what should i do if someone has a seizure", resources(.seizure)),
        Typed("is it possible to have seizures from withdrawal", resources(.seizure)),
        Typed("can i have a seizure from withdrawal", resources(.seizure)),
        Typed("he took too many can you help", takeover(.overdoseOther)),
        // Several kinds: the most urgent first, the others in `also`.
        Typed("took all my pills, I want to die", takeover(.overdoseSelf, also: [.suicide])),
        Typed("I want to die and he's not breathing", takeover(.overdoseOther, also: [.suicide])),
        Typed("I had a seizure and chest pain", takeover(.seizure, also: [.medicalEmergency])),
        Typed("I didn't overdose but I want to die", takeover(.suicide, also: [.overdoseOther])),
        Typed("my pump alarm went off and I fainted", takeover(.medicalEmergency, also: [.pumpAlarm])),
        // Nothing.
        Typed("I have cramps and I can't sleep", nil),
        Typed("tell me about baclofen", nil),
        Typed("", nil),
        Typed("I'm dying", takeover(.medicalEmergency)),
    ]

    @Test("must catch", arguments: mustCatchTable)
    func mustCatch(_ line: Typed<CrisisReading?>) {
        #expect(Self.reading(line.input) == line.expected)
    }

    @Test("must not be misread", arguments: mustNotMisreadTable)
    func mustNotMisread(_ line: Typed<CrisisReading?>) {
        #expect(Self.reading(line.input) == line.expected)
    }

    /// With broad phrases ("kill", "dying", "dead"), figures of speech cancel their own
    /// occurrence and nothing else.
    static let broad = CrisisDetector(rules: [
        .init(id: "suicide", kind: .suicide, match: ["kill", "want to die"]),
        .init(id: "medical", kind: .medicalEmergency, match: ["dying", "dead"]),
    ])

    static let figurativeTable: [Typed<CrisisReading?>] = [
        Typed("this withdrawal is killing me", nil),
        Typed("I'm dead tired", nil),
        Typed("I'm dying for sleep", nil),
        Typed("I'm dying to use", nil),
        Typed("I could kill for a coffee", nil),
        Typed("my phone died", nil),
        Typed("I was scared to death", nil),
        Typed("I'd kill the pain if I could", nil),
        Typed("I want to kill him", takeover(.suicide)),
        Typed("he is dying", takeover(.medicalEmergency)),
        Typed("he's dead", takeover(.medicalEmergency)),
        Typed("this withdrawal is killing me and I want to die", takeover(.suicide)),
        Typed("dead tired, he's dying", takeover(.medicalEmergency)),
        // Figures of speech match exactly: "kills me" is not "killing me".
        Typed("this kills me", takeover(.suicide)),
        // Said of a thing, with only "is", "went", "keeps"… between.
        Typed("the battery in my car is dead again", nil),
        Typed("my laptop keeps dying", nil),
        Typed("the engine seized up", nil),
        Typed("my plant is dying, forgot to water it", nil),
        Typed("car crash, my brother is dead", takeover(.medicalEmergency)),
        Typed("my son is dead", takeover(.medicalEmergency)),
        Typed("my phone is dead and he's dying", takeover(.medicalEmergency)),
        // Idioms that cannot say a crisis.
        Typed("I killed it at my job interview", nil),
        Typed("I'm dead set on getting clean", nil),
        Typed("this job will be the death of me", nil),
    ]

    @Test func everyFigureOfSpeechCompilesAsWritten() throws {
        let table = ConceptTable([
            "thing": CrisisLexicon.things, "thing_state": CrisisLexicon.thingState,
            "thing_owner": CrisisLexicon.thingOwner,
        ])
        for phrase in CrisisLexicon.thingFigures { _ = try table.pattern(phrase) }
        #expect(CrisisLexicon.figures.count == CrisisLexicon.figurative.count + CrisisLexicon.thingFigures.count)
        #expect(CrisisLexicon.figures.allSatisfy { $0.canMatch })
    }

    @Test("figures of speech", arguments: figurativeTable)
    func figuresOfSpeech(_ line: Typed<CrisisReading?>) {
        #expect(Self.reading(line.input, Self.broad) == line.expected)
    }

    @Test func theReportNamesTheIntentThePhraseAndWhy() throws {
        let report = try #require(matchingDetector.detect("I'm not suicidal but I want to die"))
        #expect(report.intent == "suicide")
        #expect(report.phrase == "want to die")
        #expect(report.kinds == [.suicide])
        #expect(report.occurrences.map(\.phrase) == ["suicidal", "want to die"])
        #expect(report.occurrences.map(\.level) == [.resources, .takeover])
        #expect(report.occurrences[0].qualifier == .unless("not suicidal"))
        let line = "I'm not suicidal but I want to die"
        #expect(line[report.match.range] == "want to die")

        let negated = try #require(matchingDetector.detect("I didn't overdose"))
        #expect(negated.occurrences.first?.qualifier == .negated(cue: "not"))
        let past = try #require(matchingDetector.detect("I overdosed last year"))
        #expect(past.occurrences.first?.qualifier == .past("last year"))
        #expect(past.intent == "overdose_self" && past.phrase == "I overdosed")
        let question = try #require(matchingDetector.detect("what are the signs of an overdose?"))
        #expect(question.occurrences.first?.qualifier == .question("signs"))
        let figure = Self.broad.occurrences(in: NormalizedText("dead tired"))
        #expect(figure.first?.qualifier == .figurative("dead tired"))
        #expect(figure.first?.level == nil)
    }

    @Test(
        "a death told in the line ends the overdose it tells of, unless it is now or unsure",
        arguments: [
            ("my cousin overdosed and passed away in the spring", CrisisLevel.resources),
            ("grieving my brother, he overdosed", .resources),
            ("he overdosed and died", .resources),
            ("he overdosed and i think he died", .takeover),
            ("he overdosed and he's dying", .takeover),
            ("she overdosed and died just now", .takeover),
            ("i took all my pills so i can die", .takeover),
        ])
    func aDeathEndsAnOverdose(_ line: String, _ level: CrisisLevel) throws {
        let report = try #require(matchingDetector.detect(line))
        #expect(report.level == level, "\(line)")
    }

    @Test func theLongerPhraseWinsOverTheWordsItCovers() throws {
        let report = try #require(matchingDetector.detect("I took too many"))
        #expect(report.occurrences.map(\.intent) == ["overdose_self"])
    }

    @Test func anIntentsBestPhraseStandsForItsOthersOverTheSameWords() throws {
        let report = try #require(matchingDetector.detect("my friend is overdosing"))
        #expect(report.occurrences.map(\.phrase) == ["overdosing"])
        #expect(report.match.quality == .exact)
    }

    @Test func theBundlesOwnIntentsBuildADetector() throws {
        let folder = repositoryFolder + "/Tests/DialogModelTests/Fixtures/valid/minimal"
        let bundle = try #require(try BundleLoader.load(folder: folder).bundle)
        let detector = CrisisDetector(intents: bundle.intents)
        #expect(detector.rules.count == bundle.intents.filter { $0.crisis != nil }.count)
        #expect(Self.reading("I'm not suicidal but I want to die", detector) == Self.takeover(.suicide))
        #expect(Self.reading("I'm not suicidal", detector) == Self.resources(.suicide))
        #expect(Self.reading("baclofen", detector) == nil)
    }
}
