import DialogMatching
import DialogEngine
import DialogModel
import Foundation
import TestSupport
import Testing

/// The training modules of `Dialogs/training/`, played through the engine as a trainee
/// would: model transcripts score full marks, poor ones miss exactly what they should.
enum Training {
    static let folder = repositoryFolder + "/Dialogs/training"

    static func module(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DialogBundle {
        let result = try BundleLoader.load(folder: folder + "/" + name)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics())", sourceLocation: sourceLocation)
        return try #require(result.bundle, "\(result.renderedDiagnostics())", sourceLocation: sourceLocation)
    }

    /// Plays the lines, then ends the session (as the end of input does) if they did not.
    static func play(_ name: String, _ lines: [String], seed: UInt64 = 0) throws -> (session: Session, turns: [Turn]) {
        var session = try Session(bundle: try module(name), seed: seed)
        var turns = [session.open()]
        for line in lines {
            #expect(!session.isEnded, "the session ended before “\(line)”")
            turns.append(session.respond(to: line))
        }
        if !session.isEnded { turns.append(session.end()) }
        return (session, turns)
    }

    static func missed(_ debrief: Debrief) -> [String] { debrief.items.filter { !$0.met }.map(\.id) }
}

@Suite("Training modules played through the engine")
struct TrainingTests {
    @Test func theShippedTrainingModulesHaveRubricsOrScores() throws {
        for name in ["caller-detox-at-home", "caller-overdose", "caller-am-i-an-addict"] {
            let bundle = try Training.module(name)
            #expect(bundle.rubric.count >= 6, "\(name)")
            #expect(bundle.rubric.contains { $0.avoid }, "\(name) has a must-not")
            #expect(bundle.rubric.contains { $0.critical }, "\(name) has a critical item")
            #expect(bundle.rubric.allSatisfy { $0.practise != nil }, "\(name): every item says what to practise")
        }
    }

    // MARK: - The modules

    @Test(
        "every module is a training bundle with a description, and checks clean",
        arguments: [
            "knowledge-check", "caller-detox-at-home", "caller-overdose", "caller-am-i-an-addict",
        ])
    func everyModuleLoadsClean(_ name: String) throws {
        let bundle = try Training.module(name)
        #expect(bundle.kind == .training)
        #expect(bundle.description?.isEmpty == false)
        #expect(bundle.intents.isEmpty)
    }

    @Test func theModulesAreTheFoldersOfTraining() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Training.folder).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == ["caller-am-i-an-addict", "caller-detox-at-home", "caller-overdose", "knowledge-check"])
    }

    /// No dose anywhere in the modules: no unit of an amount in any text they say.
    @Test func noModuleSaysADose() throws {
        for name in ["knowledge-check", "caller-detox-at-home", "caller-overdose", "caller-am-i-an-addict"] {
            let bundle = try Training.module(name)
            for node in bundle.nodes.values {
                for text in node.say.flatMap(\.variants).map(\.raw) + [node.ask?.raw].compactMap { $0 } + node.choices.map(\.label.raw) {
                    let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
                    #expect(!words.contains { ["mg", "milligram", "milligrams", "mcg"].contains($0) }, "\(name) \(node.id): \(text)")
                }
            }
        }
    }

    // MARK: - Knowledge check

    @Test func theKnowledgeCheckHasTwelveOrMoreQuestionsEachExplainedWithASource() throws {
        let bundle = try Training.module("knowledge-check")
        let questions = bundle.nodeOrder.filter { $0.name.hasPrefix("q") }
        #expect(questions.count >= 12)
        let free = questions.filter { bundle.nodes[$0]?.expect == .text }
        #expect(free.count >= 3, "free-text questions")
        #expect(questions.count - free.count >= 3, "choice questions")
        for q in questions {
            let answer = try #require(bundle.nodes[NodeID(file: q.file, name: "a" + q.name.dropFirst())])
            #expect(answer.say.contains { !$0.sources.isEmpty }, "\(q): the explanation has a source")
        }
    }

    /// The free-text answers, right, as a trainee would type them, by question number.
    static let knowledgeCheckText = [
        3: "it adds to the sedation and can slow breathing", 6: "loss of control and compulsive use despite harm",
        8: "stomach cramps", 11: "tell them to call 911 now", 14: "their tolerance has dropped, so it could be an overdose",
    ]

    /// Plays the knowledge check: the right choice's number as it is offered (the order
    /// varies with the seed), or a wrong one for the questions in `wrong`; right free text,
    /// or `wrongText` for those in `wrong`.
    static func playKnowledgeCheck(
        seed: UInt64, wrong: Set<Int> = [], wrongText: String = "it's fine",
        stopAfter: Int = 14
    ) throws -> (session: Session, turns: [Turn]) {
        let bundle = try Training.module("knowledge-check")
        var session = try Session(bundle: bundle, seed: seed)
        var turns = [session.open()]
        for question in 1...stopAfter {
            let node = try #require(bundle.nodes[session.current])
            let line: String
            if let last = turns.last, !last.choices.isEmpty {
                let rightID = try #require(node.choices.first(where: \.right)?.id)
                let position = try #require(last.choices.firstIndex { ($0.id == rightID) != wrong.contains(question) })
                line = "\(position + 1)"
            } else {
                line = wrong.contains(question) ? wrongText : try #require(Self.knowledgeCheckText[question])
            }
            turns.append(session.respond(to: line))
        }
        return (session, turns)
    }

    @Test(arguments: [0, 7] as [UInt64])
    func allRightAnswersScoreFullMarksWithFeedbackAfterEach(seed: UInt64) throws {
        let (session, turns) = try Self.playKnowledgeCheck(seed: seed)
        #expect(session.isEnded)
        let debrief = session.debrief()
        #expect(debrief.score?.right == 14)
        #expect(debrief.score?.questions == 14)
        #expect(debrief.passed)
        #expect(debrief.missedQuestions.isEmpty)
        // Each answer is marked, then explained.
        for turn in turns.dropFirst().prefix(14) {
            #expect(turn.say.first == "Right.", "\(turn.input ?? ""): \(turn.say)")
            #expect(turn.say.count >= 2)
        }
        #expect(turns.last?.say.contains("You scored 14 out of 14.") == true)
        #expect(turns.last?.say.contains("Passed.") == true)
    }

    @Test func wrongAnswersAreMarkedListedWithTheRightAnswerAndFailBelowThePassMark() throws {
        let (session, turns) = try Self.playKnowledgeCheck(seed: 3, wrong: [1, 3, 11, 13])
        let debrief = session.debrief()
        #expect(debrief.score?.right == 10)
        for i in [1, 3, 11, 13] { #expect(turns[i].say.first == "Not quite.", "\(turns[i].input ?? "")") }
        #expect(turns.last?.say.contains("You scored 10 out of 14.") == true)
        #expect(debrief.missedQuestions.map(\.id) == ["questions.q1", "questions.q3", "questions.q11", "questions.q13"])
        #expect(debrief.missedQuestions.allSatisfy { $0.status == .wrong && !$0.answer.isEmpty && !$0.explanation.isEmpty && !$0.sources.isEmpty })
        // 10 of 14 is below the pass mark of 80%.
        #expect(!debrief.passed)
        #expect(debrief.lines.contains("Not passed: below the pass mark of 80%."))
        #expect(debrief.lines.contains("  Right answer: No: using it for opioid withdrawal is off-label"))
        // A question answered in words gives its route's `answer:`, not the phrases it matches.
        #expect(debrief.lines.contains("  Right answer: Sedation: it adds up with alcohol and other depressants"))
        #expect(debrief.lines.contains("  Right answer: Call 911 now"))
    }

    @Test func theRightAnswerIsNotAlwaysTheFirstChoice() throws {
        var positions: Set<Int> = []
        for seed in 0..<8 as Range<UInt64> {
            var session = try Session(bundle: try Training.module("knowledge-check"), seed: seed)
            let turn = session.open()
            positions.insert(try #require(turn.choices.firstIndex { $0.id == "a" }))
        }
        #expect(positions.count >= 2, "the right answer of question 1 sits at \(positions.sorted()) only")
    }

    @Test func leavingEarlyIsNotPassedAndSaysHowManyAreLeft() throws {
        var (session, _) = try Self.playKnowledgeCheck(seed: 1, stopAfter: 6)
        let quit = session.respond(to: "quit")
        let debrief = session.debrief()
        #expect(debrief.score?.right == 6)
        #expect(!debrief.passed)
        #expect(debrief.failure == "8 of 14 questions left unanswered")
        #expect(debrief.missedQuestions.count == 8)
        #expect(quit.say.contains("Knowledge check: 6 out of 14 right (6 answered). Pass mark 80%."))
    }

    // MARK: - Role-play: detox alone at home

    static let detoxModel = [
        "Thanks for calling. I can't give you an amount; your prescriber or pharmacist can answer that. Baclofen is off-label: the FDA hasn't approved it for opioid withdrawal, and according to SAMHSA there is not enough evidence yet.",
        "Please don't do this alone. Professional detox is safer, and baclofen with alcohol or other depressants can slow your breathing.",
        "How are you feeling right now? Any symptoms yet?",
        "You can call the SAMHSA National Helpline, 1-800-662-4357, or look on FindTreatment.gov, and ask a doctor about buprenorphine or methadone.",
    ]

    @Test func aPoorTraineeMissesExactlyTheDetoxItemsTheyShould() throws {
        let poor = [
            "Most people take 10 mg three times a day, it should cure the withdrawal.",
            "Sure, you can do it at home.",
            "OK.",
            "Good luck!",
        ]
        let (session, turns) = try Training.play("caller-detox-at-home", poor)
        let debrief = session.debrief()
        #expect(
            Training.missed(debrief) == [
                "explains_offlabel", "gives_no_dose", "asks_symptoms", "warns_depressants",
                "advises_supervision", "suggests_clinician", "offers_helpline", "no_cure_promise",
                "no_detox_alone",
            ])
        #expect(!debrief.passed)
        #expect(debrief.total == 0)
        #expect(debrief.items.first { $0.id == "gives_no_dose" }?.line == poor[0])
        #expect(debrief.items.first { $0.id == "no_detox_alone" }?.status == .broken)
        #expect(debrief.practise.count == 9)
        #expect(turns[1].node.name == "took_dose_advice")
        #expect(turns.last?.node.name == "end_alone")
    }

    @Test func aNegatedMustNotIsKeptAndANegatedMoveCounts() throws {
        let (session, _) = try Training.play(
            "caller-detox-at-home",
            [
                "I can't tell you how many mg to take, and I won't promise it will cure anything.",
                "Don't do it alone.",
            ])
        let missed = Training.missed(session.debrief())
        #expect(!missed.contains("gives_no_dose"))
        #expect(!missed.contains("no_cure_promise"))
        #expect(!missed.contains("advises_supervision"))
    }

    // MARK: - Role-play: the overdose call

    static let overdoseModel = [
        "What did he take? Mixing sleeping pills with opioids can slow breathing.",
        "This sounds like an overdose. Call 911 right now.",
        "Give him the naloxone now, following the directions on the package. Put him on his side in the recovery position and stay with him.",
        "Please don't cancel: naloxone can wear off and the overdose can come back. Keep 911 coming and stay with him.",
    ]

    @Test func theOverdoseCallFailsATraineeWhoNeverMentions911() throws {
        let no911 = [
            "What did he take?",
            "This sounds like an overdose. Use the naloxone now, follow the directions on the package.",
            "Put him on his side in the recovery position and stay with him.",
            "Naloxone can wear off, so the overdose can come back.",
        ]
        let (session, turns) = try Training.play("caller-overdose", no911)
        let debrief = session.debrief()
        #expect(Training.missed(debrief) == ["calls_911"])
        #expect(!debrief.passed)
        #expect(debrief.total == debrief.maximum - 3)
        #expect(turns[2].node.name == "panicking")
        #expect(turns.last?.node.name == "end_no_help")
        #expect(debrief.lines.contains { $0.hasPrefix("[missed] Tells the caller to call 911 now") })
    }

    @Test func sayingNotToCall911DoesNotCount() throws {
        let (session, _) = try Training.play("caller-overdose", ["Hi.", "No need to call 911, let him sleep it off."])
        let missed = Training.missed(session.debrief())
        #expect(missed.contains("calls_911"))
        #expect(missed.contains("no_waiting"))
    }

    @Test func aPoorTraineeMissesExactlyTheOverdoseItemsTheyShould() throws {
        let poor = ["That's probably fine.", "Let him sleep it off and call back later.", "I'm not sure.", "Bye."]
        let (session, _) = try Training.play("caller-overdose", poor)
        #expect(
            Training.missed(session.debrief()) == [
                "recognises_overdose", "calls_911", "gives_naloxone", "supports_breathing",
                "stays_with_them", "naloxone_wears_off", "no_waiting",
            ])
        #expect(session.debrief().total == 0)
    }

    // MARK: - Role-play: "am I an addict?"

    static let addictModel = [
        "What you describe is withdrawal. Physical dependence means your body has adapted to the opioid, and it can happen to anyone. Addiction is different: it means loss of control and compulsive use despite harm. I can't tell you which applies; a clinician can assess that.",
        "Can you keep fluids down, and are you urinating? Vomiting all day means you should get medical care today, at urgent care or with a doctor.",
        "After a few days off, your tolerance drops, so using your old amount could cause an overdose.",
        "Yes: the SAMHSA National Helpline, 1-800-662-4357, is free and confidential, 24/7, or try FindTreatment.gov.",
    ]

    @Test func aPoorTraineeMissesExactlyTheAddictionItemsTheyShould() throws {
        let poor = [
            "Honestly, yes, you're an addict.",
            "That's normal, it will pass.",
            "Well, a few might help.",
            "I don't know of anyone.",
        ]
        let (session, turns) = try Training.play("caller-am-i-an-addict", poor)
        let debrief = session.debrief()
        #expect(
            Training.missed(debrief) == [
                "explains_dependence", "explains_addiction_differs", "no_diagnosis", "checks_fluids",
                "sends_for_care_today", "warns_tolerance", "offers_helpline",
            ])
        #expect(!debrief.passed)
        #expect(debrief.items.first { $0.id == "no_diagnosis" }?.line == poor[0])
        #expect(turns[1].node.name == "hurt")
        #expect(turns.last?.node.name == "end_alone")
    }

    // MARK: - Model trainees, in every role-play

    @Test(
        "a model trainee scores full marks, and the caller reacts to what was said",
        arguments: [
            ("caller-detox-at-home", detoxModel, [:], "end_good"),
            ("caller-overdose", overdoseModel, [2: "calling"], "end_safe"),
            ("caller-am-i-an-addict", addictModel, [1: "relieved"], "end_good"),
        ] as [(String, [String], [Int: String], String)])
    func aModelTraineeScoresFullMarks(module: String, lines: [String], reactions: [Int: String], end: String) throws {
        let (session, turns) = try Training.play(module, lines)
        let debrief = session.debrief()
        #expect(Training.missed(debrief) == [])
        #expect(debrief.total == debrief.maximum)
        #expect(debrief.passed)
        for (turn, node) in reactions { #expect(turns[turn].node.name == node, "turn \(turn)") }
        #expect(turns.last?.node.name == end)
    }

    @Test func theDetoxDebriefQuotesTheLineThatAskedAboutSymptoms() throws {
        let (session, _) = try Training.play("caller-detox-at-home", Self.detoxModel)
        #expect(session.debrief().items.first { $0.id == "asks_symptoms" }?.line == Self.detoxModel[2])
    }

    // MARK: - Seeds and the debrief

    @Test func aSeedVariesThePersonaReproducibly() throws {
        var openings = Set<String>()
        for seed: UInt64 in 0..<12 {
            let a = try Training.play("caller-detox-at-home", [], seed: seed).turns[0].say
            let b = try Training.play("caller-detox-at-home", [], seed: seed).turns[0].say
            #expect(a == b)
            openings.insert(a.joined())
        }
        #expect(openings.count > 1)
    }

    @Test func theDebriefIsInTheSummaryAndItsJSON() throws {
        let (session, turns) = try Training.play("caller-overdose", Self.overdoseModel)
        let summary = try #require(turns.last?.summary)
        #expect(summary.debrief == session.debrief())
        let json = turns.last?.jsonLine() ?? ""
        #expect(json.contains("\"debrief\":{\"score\":null,\"items\":[{\"id\":\"recognises_overdose\""))
        #expect(json.contains("\"passed\":true"))
        // The Markdown report is the front end's: Tests/EndToEnd/test_chat.py reads it.
    }

    @Test func restartClearsTheRubric() throws {
        var session = try Session(bundle: try Training.module("caller-overdose"))
        _ = session.open()
        _ = session.respond(to: "Call 911.")
        #expect(!Training.missed(session.debrief()).contains("calls_911"))
        _ = session.respond(to: "restart")
        #expect(Training.missed(session.debrief()).contains("calls_911"))
    }
}
