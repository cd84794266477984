import DialogEngine
import DialogMatching
import DialogModel
import TestSupport
import Testing

/// The safety net of DESIGN.md's "Crisis handling": calls for help, danger words, lines
/// nobody understood, Spanish, and crisis lines typed where an answer is expected.
@Suite("The safety net")
struct SafetyNetTests {
    func session(at node: String? = nil) throws -> Session {
        var s = try Session(try #require(shippedCompiled), start: node.map { NodeID($0, in: "") })
        _ = s.open()
        return s
    }

    /// The answer to a line typed first in a fresh session.
    func firstTurn(_ line: String) throws -> Turn {
        var s = try session()
        return s.respond(to: line)
    }

    /// The labels of the choices a turn picked.
    func pickedLabels(_ turn: Turn) -> [String] {
        turn.trace.compactMap { step -> String? in
            if case .choice(_, _, _, let label, _) = step { label } else { nil }
        }
    }

    /// The line typed at `node` is answered by `topic`: neither a choice nor a checklist
    /// score took it.
    func expectAnsweredByTopic(
        _ line: String, _ topic: String, at node: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var s = try session(at: node)
        let turn = s.respond(to: line)
        #expect(turn.matched?.by == .intent && turn.matched?.id == topic, "\(line)", sourceLocation: sourceLocation)
        #expect(
            !turn.trace.contains {
                switch $0 {
                case .choice, .scaleItem: true
                default: false
                }
            }, "\(line)", sourceLocation: sourceLocation)
    }

    @Test("a call for help shows the numbers at once", arguments: ["help", "HELP ME", "emergency", "call 911", "I'm in crisis", "ayuda por favor", "heeeelp", "i'm having a crisis"])
    func callsForHelp(_ line: String) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis?.kind == .distress && turn.crisis?.level == .resources && turn.crisis?.also == [])
        #expect(turn.has(.safetyNote))
        #expect(turn.say.contains { $0.contains("911") })
    }

    @Test(
        "being overwhelmed, panicking or alone shows the numbers wherever it stands",
        arguments: [
            "honestly i am so overwhelmed by all of this, how long until it gets better",
            "im panicking and my husband is at work",
            "i feel hopeless about ever getting clean",
            "theres nobody to talk to at this hour",
            "estoy desesperada con mi hijo, no se que hacer",
            "me siento sola y tengo mucho miedo esta noche",
        ])
    func distressStatesShowTheNumbers(_ line: String) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis != nil && turn.crisis?.level != .takeover, "\(line)")
        #expect(turn.say.contains { $0.contains("988") }, "\(line)")
    }

    @Test(
        // None of these says a phrase of `SafetyLexicon`: two cues of `DistressCues` do it.
        "two cues of distress in one line show the numbers, at a menu and at the symptom question",
        arguments: [
            "sitting on the stairs crying, i can't handle another night of this",
            "my dad is in withdrawal and i'm a mess, i don't know who to call",
            "i'm struggling so much and nobody gets it",
            "me siento fatal, estoy harta de la abstinencia",
            "ive been crying for hours and nothing is ever going to get better",
            "everyone has given up on me",
            "nobody gets it and i hate what ive turned into",
        ])
    func distressCuesShowTheNumbers(_ line: String) throws {
        for node in [nil, "screening.start"] {
            var s = try session(at: node)
            let turn = s.respond(to: line)
            #expect(turn.crisis?.kind == .distress && turn.crisis?.level == .resources, "\(line) at \(node ?? "the opening")")
            #expect(turn.say.contains { $0.contains("988") }, "\(line)")
        }
    }

    @Test(
        "one cue of distress alone is everyday talk",
        arguments: [
            "i'm scared of the withdrawal, how long does it last",
            "how much longer will the sweats go on",
            "what do i do about the leg cramps",
            // Stemmed, "broken" is "broke": money is not despair.
            "who pays for rehab if im broke",
            "i have no one to drive me to detox",
            "i used once after getting out of rehab, did i ruin everything",
        ])
    func oneDistressCueSaysNothing(_ line: String) throws {
        #expect(try firstTurn(line).crisis == nil, "\(line)")
    }

    @Test("a distress state negated says nothing", arguments: ["i'm not panicking, just wondering what time the clinic opens"])
    func negatedDistressStates(_ line: String) throws {
        #expect(try firstTurn(line).crisis == nil)
    }

    @Test func aWholeLineHelpStillRunsTheCommand() throws {
        let turn = try firstTurn("help")
        #expect(turn.matched?.by == .command)
        #expect(turn.crisis?.kind == .distress)
    }

    @Test func theSecondLineNobodyUnderstoodShowsTheNumbersAndAPerson() throws {
        var s = try session()
        let first = s.respond(to: "purple monkey dishwasher")
        #expect(first.has(.reask) && first.crisis == nil)
        let second = s.respond(to: "zebra crossing lamp")
        #expect(second.crisis?.kind == .distress && second.has(.safetyNote))
        #expect(second.say.contains { $0.contains("answered by people") })
        // Empty lines are not attempts: they neither count nor reset.
        var t = try session()
        _ = t.respond(to: "")
        #expect(t.respond(to: "").crisis == nil)
    }

    @Test func aDangerWordInALineNobodyUnderstoodShowsTheNumbers() throws {
        let turn = try firstTurn("the rope")
        #expect(turn.crisis != nil)
    }

    @Test func aCrisisToldOverSeveralMessagesTakesOverOnceItIsWhole() throws {
        var s = try session()
        let first = s.respond(to: "my son has an intrathecal pump")
        #expect(first.crisis?.level != .takeover)
        let second = s.respond(to: "it started beeping an hour ago")
        #expect(second.crisis?.kind == .pumpAlarm && second.crisis?.level == .takeover)
        // The lines that took over are not read again with the next one.
        let third = s.respond(to: "ok")
        #expect(third.crisis == nil)
        // Lines that are no crisis together stay none.
        var t = try session()
        _ = t.respond(to: "what does a pump alarm sound like?")
        #expect(t.respond(to: "thanks").crisis == nil)
    }

    @Test(
        "Spanish cues counted together take over",
        arguments: [
            ("ya no aguanto, tengo la soga en el cuarto", CrisisKind.suicide),
            ("mi hermano se inyecto y no responde", CrisisKind.overdoseOther),
        ])
    func spanishCuesTogether(_ line: String, _ kind: CrisisKind) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis?.kind == kind && turn.crisis?.level == .takeover)
    }

    @Test func aSpanishMeansAloneIsNoTakeover() throws {
        var s = try session()
        #expect(s.respond(to: "compre una cuerda para tender la ropa").crisis?.level != .takeover)
    }

    @Test func spanishCrisisPhrasesTakeOver() throws {
        let turn = try firstTurn("me quiero morir")
        #expect(turn.crisis?.kind == .suicide && turn.crisis?.level == .takeover)
        #expect(turn.node == NodeID("crisis.suicide", in: ""))
    }

    @Test(
        "Spanish crisis lines said in other ways take over with their kind",
        arguments: [
            ("sería mejor si no estuviera", CrisisKind.suicide),
            ("me estoy cortando", CrisisKind.suicide),
            ("ya tengo todo planeado para esta noche", CrisisKind.suicide),
            ("me tomé un frasco entero de pastillas", CrisisKind.overdoseSelf),
            ("se cayó al piso y no se mueve", CrisisKind.medicalEmergency),
            ("estoy en el puente pensando en saltar", CrisisKind.suicide),
            ("ya deje cartas de despedida para mis hijos", CrisisKind.suicide),
            ("mi primo se metio heroina y casi no respira", CrisisKind.overdoseOther),
            ("mi papa se puso rigido y tiene espuma en la boca", CrisisKind.seizure),
            ("siento una opresion en el pecho y me duele la mandibula", CrisisKind.medicalEmergency),
        ])
    func spanishCrisisSaidOtherwise(_ line: String, _ kind: CrisisKind) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis?.kind == kind && turn.crisis?.level == .takeover, "\(line)")
    }

    @Test func aSpanishCrisisYearsAgoShowsTheNumbersWithoutTakingOver() throws {
        let turn = try firstTurn("hace cinco años quise matarme, ahora estoy bien")
        #expect(turn.crisis?.kind == .suicide && turn.crisis?.level == .resources)
    }

    @Test("\"sos\" calls for help only as the whole line: in Spanish \"vos sos\" is \"you are\"", arguments: [("SOS", true), ("sos!!", true), ("vos sos mi amigo", false)])
    func sosAsAWholeLine(_ line: String, _ calls: Bool) throws {
        let turn = try firstTurn(line)
        #expect((turn.crisis?.kind == .distress) == calls, "\(line)")
    }

    @Test(
        "a crisis line is never an answer",
        arguments: [
            ("screening.red_emergency", "I can't stop thinking about killing myself"),
            ("screening.sows", "i want 2 die"),
            ("screening.sows_offer", "yes i took all my pills"),
        ])
    func aCrisisLineIsNeverAnAnswer(_ node: String, _ line: String) throws {
        var s = try session(at: node)
        let turn = s.respond(to: line)
        #expect(turn.crisis?.level == .takeover, "\(line) at \(node)")
        #expect(turn.matched?.by == .intent)
    }

    @Test(
        "everyday answers read at their prompts",
        arguments: [
            ("screening.sows_offer", "yep", "Yes, let's do it"), ("screening.sows_offer", "nah not now", "No, skip it"),
            ("screening.red_today", "nah im good", "None of these"), ("screening.red_today", "none of them", "None of these"),
        ])
    func everydayAnswers(_ node: String, _ line: String, _ label: String) throws {
        var s = try session(at: node)
        let turn = s.respond(to: line)
        #expect(turn.matched?.by == .choice && pickedLabels(turn) == [label], "\(line)")
        #expect(turn.crisis == nil)
    }

    @Test(
        "at a yes-or-no menu, a question is answered: a statement that opens it is no yes, and a \"don't\" or \"not\" in it is no no",
        arguments: [
            ("i have bad kidneys, is baclofen ok for me", "ask_kidneys"), ("im pregnant and using should i just quit cold turkey", "ask_pregnancy"),
            ("i do kratom every day, will i get withdrawals from it", "ask_kratom"),
            ("is rehab confidential, i do not want my boss to find out", "ask_cost"),
            ("how long do the sweats last, i'm not sleeping", "ask_timeline"),
        ])
    func aStatementThatOpensAQuestion(_ line: String, _ topic: String) throws {
        try expectAnsweredByTopic(line, topic, at: "screening.sows_offer")
    }

    @Test("the same words as an answer still say yes", arguments: ["i am", "i do", "i have, go ahead", "yes i am ready", "i am ready to start"])
    func aStatementThatAnswers(_ line: String) throws {
        var s = try session(at: "screening.sows_offer")
        let turn = s.respond(to: line)
        #expect(pickedLabels(turn) == ["Yes, let's do it"], "\(line)")
    }

    @Test("rating words score a checklist item", arguments: [("a bit", 1), ("kinda", 1), ("medium", 2), ("pretty bad", 3), ("off the charts", 4), ("none", 0), ("like a 3", 3), ("how about a 3", 3)])
    func ratingWords(_ line: String, _ score: Int) throws {
        var s = try session(at: "screening.sows")
        let turn = s.respond(to: line)
        #expect(turn.matched?.by == .scale, "\(line)")
        #expect(turn.scores.first { $0.scale == "sows" }?.total == score, "\(line)")
    }

    @Test(
        "a question is no rating, whatever word in it looks like one",
        arguments: [
            "how fast does tolerance drop once you quit", "my doc says im dependent not addicted, whats the real difference",
            "never been on it before but how bad does baclofen withdrawal get",
        ])
    func aQuestionIsNoRating(_ line: String) throws {
        var s = try session(at: "screening.sows")
        let turn = s.respond(to: line)
        #expect(turn.matched?.by != .scale, "\(line)")
        #expect(!turn.trace.contains { if case .scaleItem = $0 { true } else { false } }, "\(line)")
    }

    @Test(
        "a long line that a topic reads clearly is no rating for a rating word deep in it",
        arguments: [
            ("i just want to use so bad right now", "ask_using"),
            ("months later and i still get random cravings and bad sleep", "ask_protracted"),
        ])
    func aLongStatementIsNoRating(_ line: String, _ topic: String) throws {
        try expectAnsweredByTopic(line, topic, at: "screening.sows")
    }

    @Test(
        "a rating said at the start of a long line, or in a line no topic reads, still scores",
        arguments: [
            ("pretty bad today, my whole body aches", 3), ("honestly i would say it is pretty bad", 3), ("its really really bad today", 4),
        ])
    func aRatingInALongLine(_ line: String, _ score: Int) throws {
        var s = try session(at: "screening.sows")
        let turn = s.respond(to: line)
        #expect(turn.scores.first { $0.scale == "sows" }?.total == score, "\(line)")
    }

    @Test("a short answer before a question is the answer", arguments: [("pretty bad, is that normal?", 3), ("a bit i guess, why?", 1)])
    func aShortAnswerBeforeAQuestion(_ line: String, _ score: Int) throws {
        var s = try session(at: "screening.sows")
        let turn = s.respond(to: line)
        #expect(turn.scores.first { $0.scale == "sows" }?.total == score, "\(line)")
    }

    @Test(
        "a general question about a crisis is answered by the topic about it, whose answer gives the emergency number",
        arguments: [
            ("can taking a lot of baclofen make you stop breathing or go into a coma", "ask_baclofen_too_much"),
            ("baclofen toxicity signs", "ask_baclofen_too_much"),
            // A search's articles and prepositions do not make it longer: Spanish has more of them.
            ("signos de una sobredosis de opioides", "ask_overdose_signs"),
            ("the signs of an overdose on opioids", "ask_overdose_signs"),
            ("que pasa si alguien toma demasiado baclofeno", "ask_baclofen_too_much"),
            ("what does an od look like", "ask_overdose_signs"),
            ("is snoring a sign of overdose", "ask_overdose_signs"),
        ])
    func aGeneralQuestionAboutACrisis(_ line: String, _ topic: String) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis == nil && !turn.has(.crisis) && !turn.has(.safetyNote), "\(line)")
        #expect(turn.matched?.by == .intent && turn.matched?.id == topic, "\(line)")
        #expect(turn.resources.contains { $0.role == "emergency" && $0.phone == "911" }, "\(line)")
    }

    @Test(
        "a question that names who it may be happening to shows the numbers as a safety note",
        arguments: [
            ("what would an overdose look like in my son?", "ask_overdose_signs"),
            ("what are the signs my husband could overdose?", "ask_overdose_signs"),
        ])
    func aQuestionNamingSomeone(_ line: String, _ topic: String) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis?.level == .resources, "\(line)")
        #expect(!turn.has(.crisis) && turn.has(.safetyNote), "\(line)")
        #expect(turn.matched?.by == .intent && turn.matched?.id == topic, "\(line)")
    }

    @Test(
        "a word ordinary questions say alone shows no numbers with a question read by its examples",
        arguments: [
            ("can i have a couple beers while i come off the pills", "ask_alcohol_benzos"),
            ("does my insurance plan pay for detox", "ask_cost"),
            ("como saco una cita en una linea de ayuda para dejar la heroina", nil),
        ])
    func anOrdinaryWordAloneInAQuestion(_ line: String, _ topic: String?) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis == nil && !turn.has(.safetyNote), "\(line)")
        if let topic { #expect(turn.matched?.id == topic, "\(line)") }
    }

    @Test(
        "the same words with another danger word, or where nothing understood the line, still show the numbers",
        arguments: [
            "i swallowed the pills, what do i do now", "pills", "el plan",
        ])
    func anOrdinaryWordWithAnotherStillShowsTheNumbers(_ line: String) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis != nil, "\(line)")
    }

    @Test(
        "telling of a crisis still takes over",
        arguments: [
            "i took a lot of baclofen and my breathing is slow", "baclofen poisoning, my son", "si alguien toma demasiado baclofeno y no despierta que hago",
        ])
    func tellingOfACrisisTakesOver(_ line: String) throws {
        let turn = try firstTurn(line)
        #expect(turn.crisis?.level == .takeover, "\(line)")
    }

    @Test func theStemmerNeverTurnsDoIntoDone() throws {
        let turn = try firstTurn("what should I do?")
        #expect(turn.state != .ended)
    }
}
