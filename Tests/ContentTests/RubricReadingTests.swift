import DialogMatching
import Testing

@testable import DialogEngine

/// How a trainee's lines are read against a rubric: amounts however written, advice
/// negated, dismissed or only doubted, and items that stay broken.
@Suite("Reading a trainee's lines")
struct RubricReadingTests {
    // MARK: - Amounts

    @Test(
        "an amount or a schedule is found however it is written",
        arguments: [
            "take 20 milligrams of it", "two tablets should do it", "half a tab before bed", "go for 1/2 a pill",
            "go with 5 to 10 of them", "it's three times a day", "twice daily is normal", "every 4 to 6 hours",
            "take one at bedtime", "a pill and a half", "one and a half of those", "a quarter of one",
            "no more than three", "start with maybe two", "take it with breakfast", "double up if it doesn't work",
            "cut them in half", "take another if you still feel bad", "½ tab and see", "take 10mg", "dos pastillas",
            "two should be plenty", "one now and one later", "take it morning and night", "the 20 ml bottle, all of it",
            "once in the morning, once at night", "take a pill when the cramps start",
        ])
    func amounts(_ line: String) {
        #expect(AmountReading.firstAmount(in: NormalizedText(line)) != nil, "\(line)")
    }

    @Test(
        "numbers to call, durations and refusals are no amount",
        arguments: [
            "call 911 now", "text 988 any time", "the helpline is 1-800-662-4357", "withdrawal lasts 7 to 10 days",
            "it peaks in 2 or 3 days", "I can't give you a dose", "ask your prescriber how much to take",
            "she takes opioids daily", "one day at a time", "don't double up", "don't take more than your prescriber says",
            "I can't tell you how many mg", "every night I worry about him", "it's been two days", "there are a few small trials",
            "they answer 24/7", "don't take a pill to sleep", "the naloxone lasts 30 to 90 minutes",
        ])
    func noAmounts(_ line: String) {
        #expect(AmountReading.firstAmount(in: NormalizedText(line)) == nil, "\(line)")
    }

    // MARK: - Advice as it is said

    @Test(
        "advice said, negated, dismissed, or only doubted",
        arguments: [
            ("call 911 right now", "911", AdviceReading.affirmed),
            ("he doesn't need 911", "911", .negated),
            ("don't bother with 911", "911", .negated),
            ("911 is overkill for this", "911", .dismissed),
            ("narcan won't help him", "narcan", .dismissed),
            ("forget the narcan and let him rest", "narcan", .dismissed),
            ("narcan won't hurt him even if it isn't opioids", "narcan", .affirmed),
            ("don't hesitate to call 911", "911", .affirmed),
            ("if he doesn't wake up call 911", "911", .affirmed),
            ("if you don't call 911 he could die", "911", .conditional),
            ("I'm not sure about the narcan", "narcan", .conditional),
            ("don't just let him sleep", "let him sleep", .negated),
        ])
    func advice(_ line: String, _ phrase: String, _ expected: AdviceReading) throws {
        let text = NormalizedText(line)
        let words = text.words.map(\.text)
        let target = TextNormalizer.words(phrase)
        let start = try #require((0...(words.count - target.count)).first { Array(words[$0..<$0 + target.count]) == target })
        #expect(AdviceReading.of(start..<start + target.count, in: text) == expected, "\(line)")
    }

    // MARK: - Items through a role-play

    @Test("a critical move dismissed stays broken, with both lines in the debrief")
    func dismissedCriticalMoveStaysBroken() throws {
        let lines = ["He probably doesn't need 911, he's just tired.", "OK, call 911 now and give him the narcan."]
        let (session, _) = try Training.play("caller-overdose", lines)
        let debrief = session.debrief()
        let calls = try #require(debrief.items.first { $0.id == "calls_911" })
        #expect(calls.status == .broken)
        #expect(calls.line == lines[0])
        #expect(calls.metLine == lines[1])
        #expect(!debrief.passed)
        #expect(debrief.failure == "a critical item was broken")
        #expect(debrief.lines.contains("    later you said: “\(lines[1])”"))
    }

    @Test("what a critical move warns against, said as advice, breaks it; refused, it makes the move")
    func againstPhrases() throws {
        let cancel = try Training.play(
            "caller-overdose",
            [
                "this is an overdose, call 911 now", "give him the narcan",
                "ok good, stay with him", "if he's awake you can cancel the ambulance",
            ])
        #expect(cancel.session.debrief().items.first { $0.id == "calls_911" }?.status == .broken)
        let keep = try Training.play("caller-detox-at-home", ["I can't give you an amount.", "Please don't do this alone."])
        #expect(keep.session.debrief().items.first { $0.id == "advises_supervision" }?.status == .met)
    }

    @Test(
        "dangerous advice breaks its must-not; the same words refused keep it",
        arguments: [
            ("caller-detox-at-home", "Doing it at home alone is fine, lots of people do.", "no_detox_alone", true),
            ("caller-detox-at-home", "Please don't try to do it alone at home.", "no_detox_alone", false),
            ("caller-detox-at-home", "A couple of beers is fine to help you sleep.", "no_depressants_to_cope", true),
            ("caller-detox-at-home", "Please don't drink to help you sleep.", "no_depressants_to_cope", false),
            ("caller-detox-at-home", "Start with half a tablet at bedtime.", "gives_no_dose", true),
            ("caller-detox-at-home", "Most people don't take more than 20 milligrams three times a day.", "gives_no_dose", true),
            ("caller-detox-at-home", "I can't tell you how many milligrams to take.", "gives_no_dose", false),
            ("caller-overdose", "He's probably just sleeping, let him rest.", "no_waiting", true),
            ("caller-overdose", "Don't let him sleep it off, call 911.", "no_waiting", false),
            ("caller-overdose", "He's not a junkie, he's your friend.", "no_stigma", true),
            ("caller-am-i-an-addict", "Sounds like addiction to me, honestly.", "no_diagnosis", true),
            ("caller-am-i-an-addict", "You're definitely not an addict, it's just dependence.", "no_diagnosis", true),
            ("caller-am-i-an-addict", "I can't tell you whether that applies to you; a clinician can.", "no_diagnosis", false),
            ("caller-am-i-an-addict", "Just take a couple, tolerance is fine after two days.", "no_encouraging_use", true),
            ("caller-detox-at-home", "start with a 10 and see how you feel", "gives_no_dose", true),
            ("caller-detox-at-home", "the usual dose for muscle spasms should be fine for you", "gives_no_dose", true),
            ("caller-detox-at-home", "honestly you'll manage at home, just stay in and hydrate", "no_detox_alone", true),
            ("caller-detox-at-home", "home is the best place for it honestly", "no_detox_alone", true),
            ("caller-detox-at-home", "programs are a waste of money, you don't need one", "no_detox_alone", true),
            ("caller-detox-at-home", "you don't need anyone, you've got this", "no_detox_alone", true),
            ("caller-detox-at-home", "a glass of wine won't kill you", "no_depressants_to_cope", true),
            ("caller-detox-at-home", "a couple of drinks to relax is alright", "no_depressants_to_cope", true),
            ("caller-detox-at-home", "smoke a bit of weed to help you sleep", "no_depressants_to_cope", true),
            ("caller-detox-at-home", "a benadryl at night is fine", "no_depressants_to_cope", true),
            ("caller-detox-at-home", "baclofen will get you through it no problem", "no_cure_promise", true),
            ("caller-detox-at-home", "you won't even feel the withdrawal with it", "no_cure_promise", true),
            ("caller-detox-at-home", "it stops withdrawal completely", "no_cure_promise", true),
            ("caller-detox-at-home", "lots of addicts use it", "no_stigma", true),
            ("caller-detox-at-home", "please don't drink at all while you're on it", "no_depressants_to_cope", false),
            ("caller-detox-at-home", "I'm not going to give you a number, ask a pharmacist", "gives_no_dose", false),
            ("caller-overdose", "give it ten minutes and see if he comes round", "no_waiting", true),
            ("caller-overdose", "let's wait and see if he wakes up", "no_waiting", true),
            ("caller-overdose", "splash some cold water on his face and see", "no_waiting", true),
            ("caller-overdose", "make him some coffee and walk him around", "no_waiting", true),
            ("caller-overdose", "he'll sleep it off, don't worry", "no_waiting", true),
            ("caller-overdose", "you don't want the cops there, so skip 911", "calls_911", true),
            ("caller-overdose", "try the narcan first and only call if it doesn't work", "calls_911", true),
            ("caller-overdose", "narcan only works for heroin so it won't help here", "gives_naloxone", true),
            ("caller-overdose", "save the narcan for later", "gives_naloxone", true),
            ("caller-overdose", "call 911 now, don't wait", "calls_911", false),
            ("caller-overdose", "don't let him sleep, call 911", "no_waiting", false),
            ("caller-am-i-an-addict", "you're definitely addicted", "no_diagnosis", true),
            ("caller-am-i-an-addict", "that's textbook addiction", "no_diagnosis", true),
            ("caller-am-i-an-addict", "you're not an addict, addicts steal to use", "no_diagnosis", true),
            ("caller-am-i-an-addict", "sounds like OUD to me", "no_diagnosis", true),
            ("caller-am-i-an-addict", "one pill to take the edge off is okay", "no_encouraging_use", true),
            ("caller-am-i-an-addict", "just use a little until you can see a doctor", "no_encouraging_use", true),
            ("caller-am-i-an-addict", "taper yourself down slowly with what you have", "no_encouraging_use", true),
            ("caller-am-i-an-addict", "take half of what you used to", "gives_no_dose", true),
            ("caller-am-i-an-addict", "I can't say whether it's addiction, a doctor can assess that", "no_diagnosis", false),
            ("caller-am-i-an-addict", "please don't take any of the old pills", "no_encouraging_use", false),
        ])
    func mustNots(_ module: String, _ line: String, _ item: String, _ broken: Bool) throws {
        let (session, _) = try Training.play(module, [line])
        let status = session.debrief().items.first { $0.id == item }?.status
        #expect(status == (broken ? .broken : .met), "\(line)")
    }

    @Test(
        "a sound line breaks nothing, though it names drinks, amounts of days, alone or labels",
        arguments: [
            ("caller-detox-at-home", "I really can't tell you how much to take, and please don't try to work it out from the internet."),
            ("caller-detox-at-home", "Mixing baclofen with beer can slow your breathing, so please keep the beers out of it."),
            ("caller-detox-at-home", "Coming off at home on your own is riskier; a supervised detox is safer."),
            ("caller-detox-at-home", "Withdrawal from short-acting pills usually peaks around day two or three."),
            ("caller-detox-at-home", "The SAMHSA line is 1-800-662-4357, it's free and open 24/7."),
            ("caller-detox-at-home", "Some people say baclofen cured them, but the research just isn't there."),
            ("caller-detox-at-home", "I'm not going to judge you, lots of people end up dependent on pain pills."),
            ("caller-detox-at-home", "A doctor can talk with you about buprenorphine or methadone, which are proven to help."),
            ("caller-detox-at-home", "Drink plenty of water and try to rest, and ask a pharmacist what's safe for the diarrhea."),
            ("caller-detox-at-home", "If you're taking it every day already, don't stop it suddenly, talk to a prescriber first."),
            ("caller-overdose", "Call 911 right now and put them on speaker."),
            ("caller-overdose", "If he's not breathing, the dispatcher will walk you through rescue breaths."),
            ("caller-overdose", "Give him the Narcan, one spray in a nostril, follow the box."),
            ("caller-overdose", "Even if he wakes up, keep the ambulance coming, the naloxone can wear off."),
            ("caller-overdose", "Don't leave him alone, stay right with him until they get there."),
            ("caller-overdose", "He might be angry or sick when he wakes up, that's normal after naloxone."),
            ("caller-overdose", "Don't worry about the police, just focus on keeping him breathing."),
            ("caller-overdose", "Put him on his side so he doesn't choke if he throws up."),
            ("caller-overdose", "You did the right thing calling, keep him on his side and watch his breathing."),
            ("caller-overdose", "If the first spray doesn't work in a few minutes, the box says to give another one."),
            ("caller-am-i-an-addict", "Withdrawal after surgery pills is dependence, your body got used to them; it doesn't decide anything about addiction."),
            ("caller-am-i-an-addict", "Whether it's addiction isn't something I can say over the phone, a doctor can assess that."),
            ("caller-am-i-an-addict", "Please don't go back to the old pills, your tolerance has dropped and the old amount could stop your breathing."),
            ("caller-am-i-an-addict", "Vomiting all day means you need to be seen today, urgent care or the ER."),
            ("caller-am-i-an-addict", "Are you keeping any water down, and have you peed today?"),
            ("caller-am-i-an-addict", "Your sister might mean well, but labels don't help, and I won't put one on you."),
            ("caller-am-i-an-addict", "Ask the doctor today what you can take for the nausea; I can't give you amounts."),
            ("caller-am-i-an-addict", "It's not your fault your body adapted, that happens to anyone on opioids."),
            ("caller-am-i-an-addict", "SAMHSA's helpline, 1-800-662-4357, can connect you with treatment near you."),
            ("caller-am-i-an-addict", "I know it's tempting to take a few to stop the sickness, but that's exactly when overdoses happen."),
        ])
    func soundLinesBreakNothing(_ module: String, _ line: String) throws {
        let (session, _) = try Training.play(module, [line])
        let broken = session.debrief().items.filter { $0.status == .broken }.map(\.id)
        #expect(broken.isEmpty, "\(line): \(broken)")
    }
}
