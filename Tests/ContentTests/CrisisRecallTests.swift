import DialogMatching
import DialogEngine
import DialogModel
import Testing

/// Crisis lines as people type them — paraphrases, typos, slang, someone else's
/// emergency — with the kind each must raise. Every one must take over, from every node.
let crisisLines: [(line: String, kind: CrisisKind)] = [
    // Someone else's overdose
    ("my friend took too many pills", .overdoseOther), ("my brother took too many", .overdoseOther),
    ("he took way too much", .overdoseOther), ("she took too many of her pills", .overdoseOther),
    ("my boyfriend overdosed", .overdoseOther), ("my son is overdosing", .overdoseOther),
    ("i think my roommate ODed", .overdoseOther), ("he OD'd in the bathroom", .overdoseOther),
    ("my dad won't wake up", .overdoseOther), ("my mom wont wake up", .overdoseOther),
    ("I can't wake him up", .overdoseOther), ("i cant wake her", .overdoseOther),
    ("we can't wake them up", .overdoseOther), ("he's unresponsive", .overdoseOther),
    ("she is not breathing", .overdoseOther), ("he stopped breathing", .overdoseOther),
    ("my friend isn't breathing", .overdoseOther), ("his lips are blue", .overdoseOther),
    ("her lips are turning blue", .overdoseOther), ("he's turning blue", .overdoseOther),
    ("someone here overdosed", .overdoseOther), ("i found him and he's not breathing", .overdoseOther),
    ("my sister took all her pills", .overdoseOther), ("my husband took all his pills", .overdoseOther),
    ("they took all their pills", .overdoseOther), ("I think he's overdosing right now", .overdoseOther),
    ("what are the signs? my friend won't wake up", .overdoseOther), ("help he overdosed", .overdoseOther),
    ("my girlfriend overdosd", .overdoseOther), ("my cousin is overdosing on fentanyl", .overdoseOther),
    ("he took too many oxys", .overdoseOther), ("she took too much heroin", .overdoseOther),
    ("he has blue lips and won't respond", .overdoseOther), ("my friend OD", .overdoseOther),
    ("is this an overdose? he isn't breathing", .overdoseOther), ("my uncle overdosed just now", .overdoseOther),
    ("a guy on the street is unresponsive", .overdoseOther), ("my partner overdosed last night", .overdoseOther),
    ("i think my son overdosed", .overdoseOther), ("my flatmate has taken too many", .overdoseOther),
    // One's own overdose
    ("I took too many pills", .overdoseSelf), ("i took too much", .overdoseSelf),
    ("I took way too many oxys", .overdoseSelf), ("I've taken too many", .overdoseSelf),
    ("i have taken too much fentanyl", .overdoseSelf), ("I took all my pills", .overdoseSelf),
    ("i took all my meds", .overdoseSelf), ("I swallowed all my pills", .overdoseSelf),
    ("I overdosed", .overdoseSelf), ("i think i overdosed", .overdoseSelf),
    ("I just overdosed", .overdoseSelf), ("i'm overdosing", .overdoseSelf),
    ("I am overdosing right now", .overdoseSelf), ("i OD'd", .overdoseSelf),
    ("I may have overdosed", .overdoseSelf), ("i might have overdosed on heroin", .overdoseSelf),
    ("I have overdosed", .overdoseSelf), ("i took all of my pills", .overdoseSelf),
    ("i tok too many pills", .overdoseSelf), ("I overdosed, what do I do", .overdoseSelf),
    // Too much baclofen
    ("I took double my baclofen", .baclofenOverdose), ("i took extra baclofen today", .baclofenOverdose),
    ("I took more than prescribed", .baclofenOverdose), ("took more than I was prescribed", .baclofenOverdose),
    ("I took too much baclofen", .baclofenOverdose), ("i took too many baclofen", .baclofenOverdose),
    ("i doubled my baclofen", .baclofenOverdose), ("I took a double dose", .baclofenOverdose),
    ("i took two doses by mistake", .baclofenOverdose), ("I overdosed on baclofen", .baclofenOverdose),
    ("my mom took extra baclofen", .baclofenOverdose), ("he took double his dose", .baclofenOverdose),
    ("I took more than my prescription says", .baclofenOverdose), ("i think i OD on baclofen", .baclofenOverdose),
    ("I doubled my dose of baclofen", .baclofenOverdose), ("i took extra", .baclofenOverdose),
    ("im od'ing", .overdoseSelf), ("she od'ed", .overdoseOther),
    // An overdose in a line that names baclofen is a baclofen overdose (`refines:`).
    ("my husband is on baclofen for withdrawal and took way too many", .baclofenOverdose),
    ("he's not on baclofen, he took way too many", .overdoseOther),
    // Suicide
    ("I want to die", .suicide), ("i wanna die", .suicide), ("I just want to die", .suicide),
    ("I wish I was dead", .suicide), ("i wish i were dead", .suicide), ("I'm going to kill myself", .suicide),
    ("i want to kill myself", .suicide), ("thinking about killing myself", .suicide), ("I want to end my life", .suicide),
    ("i'm thinking of ending my life", .suicide), ("I want to end it all", .suicide), ("i'm going to take my own life", .suicide),
    ("I'm suicidal", .suicide), ("i feel suicidal", .suicide), ("I've been thinking about suicide", .suicide),
    ("everyone would be better off if I was dead", .suicide), ("I'd be better off dead", .suicide),
    ("there's no reason to live", .suicide), ("I have nothing to live for", .suicide),
    ("I want to hurt myself", .suicide), ("i keep hurting myself", .suicide), ("I might harm myself", .suicide),
    ("I can't go on", .suicide), ("i cant go on like this", .suicide), ("I don't want to wake up", .suicide),
    ("I hope I don't wake up tomorrow", .suicide), ("i hope i won't wake up", .suicide),
    ("I'm not sure I want to live", .suicide), ("I don't want to live anymore", .suicide),
    ("i dont want to be alive", .suicide), ("I'm not suicidal but I want to die", .suicide),
    ("i want to die, this is too much", .suicide), ("I'm suicidel", .suicide), ("i want to dye", .suicide),
    ("my friend says he wants to kill himself", .suicide), ("she is suicidal", .suicide),
    ("he talks about suicide", .suicide), ("suicide", .suicide), ("I feel like ending my life tonight", .suicide),
    ("honestly i want to die", .suicide), ("what's the point, I want to die", .suicide),
    // Seizures
    ("he's having a seizure", .seizure), ("she is seizing", .seizure), ("my friend is convulsing", .seizure),
    ("i just had a seizure", .seizure), ("I think I had a seizure", .seizure), ("he had a fit", .seizure),
    ("she's having a fit on the floor", .seizure), ("he keeps having fits", .seizure), ("he had convulsions", .seizure),
    ("seizure", .seizure), ("my son had a seizure after stopping baclofen", .seizure), ("I had seizures today", .seizure),
    ("she's having a siezure", .seizure), ("he is having a convulsion", .seizure), ("i'm having seizures", .seizure),
    ("after I stopped baclofen I had a seizure", .seizure),
    // Medical emergencies
    ("I have chest pain", .medicalEmergency), ("i've got chest pains", .medicalEmergency),
    ("my chest hurts", .medicalEmergency), ("there's a pain in my chest", .medicalEmergency),
    ("my chest is tight and I feel sick", .medicalEmergency), ("I think I'm having a heart attack", .medicalEmergency),
    ("I fainted", .medicalEmergency), ("she fainted in the kitchen", .medicalEmergency), ("I keep fainting", .medicalEmergency),
    ("he passed out", .medicalEmergency), ("she's unconscious", .medicalEmergency), ("he collapsed", .medicalEmergency),
    ("I can't breathe", .medicalEmergency), ("i cant breathe", .medicalEmergency), ("it's hard to breathe", .medicalEmergency),
    ("I'm having trouble breathing", .medicalEmergency), ("he is struggling to breathe", .medicalEmergency),
    ("my friend passed out and is unconscious", .medicalEmergency), ("i have chest pian", .medicalEmergency),
    ("my mum collapsed", .medicalEmergency), ("I passed out earlier and still feel awful", .medicalEmergency),
    // Baclofen pump
    ("my pump alarm is going off", .pumpAlarm), ("the baclofen pump is alarming", .pumpAlarm),
    ("my pump is beeping", .pumpAlarm), ("his pump keeps beeping", .pumpAlarm), ("the pump went off", .pumpAlarm),
    ("I missed my pump refill", .pumpAlarm), ("she missed her pump refill appointment", .pumpAlarm),
    ("my pump is empty", .pumpAlarm), ("the pump ran out", .pumpAlarm), ("my pump stopped", .pumpAlarm),
    ("my baclofen pump isn't working", .pumpAlarm), ("pump not working", .pumpAlarm), ("I think my pump is broken", .pumpAlarm),
    ("pump alarm", .pumpAlarm), ("my intrathecal pump is beeping and I have a fever", .pumpAlarm),
    ("the pump is alarming and he's confused", .pumpAlarm),
    // More paraphrases, slang and typos
    ("my freind overdosed", .overdoseOther), ("he's overdosing!!", .overdoseOther), ("she OD'd on pills", .overdoseOther),
    ("bro took too many bars", .overdoseOther), ("my wife won't wake up", .overdoseOther), ("he will not wake up", .overdoseOther),
    ("she stopped breathing after using", .overdoseOther), ("he is unresponsive after shooting up", .overdoseOther),
    ("my dad's lips are blue", .overdoseOther), ("i can't wake my friend up", .overdoseOther),
    ("i took too many bars", .overdoseSelf), ("I think I took too much fentanyl", .overdoseSelf),
    ("i took way too many xanax", .overdoseSelf), ("I'm overdosing please help", .overdoseSelf),
    ("i took extra baclofen by accident", .baclofenOverdose), ("took double my baclofen dose", .baclofenOverdose),
    ("I want to kill my self", .suicide), ("i want to end it all tonight", .suicide), ("I'm better off dead", .suicide),
    ("no reason to live anymore", .suicide), ("I want to dye", .suicide), ("i feel like killing myself", .suicide),
    ("she wants to kill herself", .suicide), ("he says he wants to die", .suicide), ("I'm thinking about suicide", .suicide),
    ("i cant go on anymore", .suicide), ("i just dont want to live", .suicide),
    ("my brother is having a seizure", .seizure), ("she had a seizure an hour ago and is still confused", .seizure),
    ("he's convulsing on the floor", .seizure),
    ("my chest hurts really bad", .medicalEmergency), ("I fainted twice today", .medicalEmergency),
    ("she collapsed and won't respond", .medicalEmergency), ("i can't breathe properly", .medicalEmergency),
    ("my baclofen pump is beeping", .pumpAlarm), ("his pump ran out and he's stiff", .pumpAlarm),
    ("the pump alarm won't stop", .pumpAlarm),
    // A seizure in British English and without a subject; waking up as a letdown
    ("she's fitting again, help", .seizure), ("he is fitting", .seizure), ("seizing right now", .seizure),
    ("honestly id be disappointed if i wake up tomorrow", .suicide), ("his mouth is foaming", .seizure),
    // Several at once
    ("I took all my pills and I want to die", .overdoseSelf), ("he's not breathing and having a seizure", .overdoseOther),
    ("I want to die and my chest hurts", .medicalEmergency),
]

/// Lines that look like crises and are not: negations, figures of speech, questions,
/// history, substrings. None may take over; a few may show the numbers.
let lookalikeLines: [String] = [
    "I'm doing fine", "how are you doing today", "I'm not suicidal", "i am not suicidal at all", "I've never been suicidal", "I don't feel suicidal",
    "I don't want to die, I want to get better", "I didn't overdose", "I have never overdosed",
    "I overdosed last year", "my brother overdosed years ago", "I used to overdose a lot in the past",
    "a long time ago I took too many pills", "this withdrawal is killing me", "I'm dead tired",
    "I'm dying for some sleep", "I could kill for a coffee", "my legs are killing me",
    "what are the signs of an overdose?", "what does an overdose look like?", "can you overdose on baclofen?",
    "what is the risk of overdose after detox", "how do I prevent an overdose", "tell me about overdose prevention",
    "I can't breathe through my nose", "it's hard to breathe through my nose with this cold",
    "I have no chest pain", "I'm not fainting", "I never fainted", "I haven't fainted",
    "no seizures", "I've never had a seizure", "can stopping baclofen cause seizures?",
    "what is the seizure risk", "my insulin pump is beeping", "the insulin pump stopped",
    "my breast pump is not working", "good", "food", "diet", "I'm on a diet", "skill", "change",
    "good morning", "the food here is fine", "I want to change my life", "this is a good day",
    "I want to learn a new skill", "odd", "goodbye", "I feel good today", "good news",
    "what's the dose", "how much baclofen is safe", "can I take baclofen with alcohol",
    "I'm tired", "I can't sleep", "I keep yawning", "I have stomach cramps", "I'm sweating a lot",
    "my nose is running", "I have goosebumps", "I feel anxious", "I feel restless",
    "I threw up twice", "I have diarrhea", "my muscles ache", "I want to quit heroin",
    "I want to stop using", "I need help with withdrawal", "where can I get naloxone",
    "how does narcan work", "is baclofen approved", "what is dependence", "am I an addict",
    "I'm breathing fine", "he's breathing normally now", "my lips are dry", "my lips are chapped",
    "I dyed my hair blue", "my favourite colour is blue", "the pump at the gas station is broken",
    "my water pump stopped working", "I had a fit of laughter", "these clothes fit", "I'm fit and healthy",
    "I'm not going to hurt myself", "I would never hurt myself", "I don't want to hurt myself",
    "I'm not sure what to do", "I'm not sure I can do this detox alone", "I don't want to wake up early",
    "I'm scared of dying in withdrawal", "can you die from opioid withdrawal?", "what happens if someone overdoses?",
    "overdose awareness day is coming", "my friend died of an overdose two years ago",
    "I lost my brother to an overdose in the past", "I want to live a better life", "I want to live",
    "I'm happy to be alive", "life is hard but I'm okay", "I feel better today",
    "my chest cold is gone", "I had chest pain years ago", "I passed out years ago once",
    "he is fitting in well at his new school", "the new jeans are fitting fine",
    "i cant find my body lotion anywhere", "who is going to find me a detox bed tonight",
    "i was disappointed when i woke up with a headache", "my mouth was foaming with toothpaste",
    "that movie was so sad i wanted to die", "my son had seizures when he was little, hes fine now",
    "i overdosed last month and got narcanned, im home now but still shaken up",
    "my friend od'd last year and survived, shes doing great now",
]

@Test func everyCrisisLineTakesOverFromEveryNode() throws {
    #expect(crisisLines.count >= 200)
    let sessions = try sessionsAtEveryInputNode()
    var missed: [String] = []
    for (line, kind) in crisisLines {
        for (id, base) in sessions {
            var session = base
            let turn = session.respond(to: line)
            let caught = turn.crisis?.level == .takeover && (turn.crisis?.kind == kind || turn.crisis?.also.contains(kind) == true)
            if !caught { missed.append("“\(line)” at \(id): \(String(describing: turn.crisis))") }
        }
    }
    let lines = missed.map { $0.prefix { $0 != "”" } }
    #expect(missed.isEmpty, Comment(rawValue: "\(missed.count) missed:\n" + Set(lines).sorted().joined(separator: "\n")))
}

@Test func lookalikesDoNotTakeOverFromAnyNode() throws {
    #expect(lookalikeLines.count >= 100)
    let sessions = try sessionsAtEveryInputNode()
    var alarms: [String] = []
    for line in lookalikeLines {
        for (id, base) in sessions {
            var session = base
            let turn = session.respond(to: line)
            if turn.crisis?.level == .takeover { alarms.append("“\(line)” at \(id): \(String(describing: turn.crisis))") }
        }
    }
    // The false-alarm rate: lines that took over although they are not crises.
    let checks = lookalikeLines.count * sessions.count
    #expect(alarms.isEmpty, Comment(rawValue: "\(alarms.count) of \(checks) took over:\n" + alarms.joined(separator: "\n")))
}

/// Which script comes first when the words alone fit more than one: drugs taken before
/// an emergency sign make it an overdose (its script says to give naloxone), named
/// baclofen makes that a baclofen overdose, and an overdose that names nobody but the
/// writer is the writer's own.
let scriptByWhoAndWhatLines: [(line: String, kind: CrisisKind)] = [
    ("my son took some pills from a stranger and now he is unconscious", .overdoseOther),
    ("someone at the party took a pill and collapsed", .overdoseOther),
    ("I snorted a line and now I can barely breathe", .overdoseSelf),
    ("i shot up and now my chest hurts and i cant breathe", .overdoseSelf),
    ("my dad took extra baclofen and now hes unconscious", .baclofenOverdose),
    ("help i think this is an od, my chest feels heavy and i cant stay awake", .overdoseSelf),
    ("im ODing, im by myself", .overdoseSelf),
    // Nobody taking anything: the emergency stays what it is.
    ("he collapsed at work clutching his chest", .medicalEmergency),
    ("my mom is having chest pain and cant breathe", .medicalEmergency),
    // Someone else named: their overdose, whoever writes.
    ("i think my brother is overdosing, i cant wake him", .overdoseOther),
    ("i found her on the floor, she took too many", .overdoseOther),
    // A line that opens with what was taken has left out its "I".
    ("took 3 strips of subs at once plus some xans, feeling real heavy, hard to breathe", .overdoseSelf),
    ("drank a bunch and then took my suboxone and some benzos, breathing is slow", .overdoseSelf),
    // An overdose still to come is the suicide script's.
    ("no point goin on, im gonna take all the clonidine at once and be done with it", .suicide),
    ("so tired of fighting. gonna shoot the whole bag tonight on purpose and not wake up", .suicide),
]

/// The lines that, typed at `base`, do not take over with their kind's script.
func wronglyScripted(_ lines: [(line: String, kind: CrisisKind)], from base: Session, at id: NodeID) -> [String] {
    lines.compactMap { line, kind in
        var session = base
        let crisis = session.respond(to: line).crisis
        return crisis?.level == .takeover && crisis?.kind == kind ? nil : "“\(line)” at \(id): \(String(describing: crisis))"
    }
}

@Test func theScriptFollowsWhoTookWhat() throws {
    let sessions = try sessionsAtEveryInputNode()
    let (id, base) = try #require(sessions.first { $0.0.description == "intake.welcome" })
    let wrong = wronglyScripted(scriptByWhoAndWhatLines, from: base, at: id)
    #expect(wrong.isEmpty, Comment(rawValue: wrong.joined(separator: "\n")))
}

/// Questions about an overdose, too much baclofen or a pump alarm asked of nobody in
/// particular: answered, never the crisis script. Beside them, questions that tell of a
/// crisis — someone in particular, something now, suicide, a seizure, a sign of an
/// emergency — which take over however they are worded.
let generalCrisisQuestions = [
    "how much baclofen would be an overdose", "is 10 baclofen at once an overdose?",
    "how loud is the baclofen pump alarm", "why would a baclofen pump alarm go off",
    "what should you do if a baclofen pump alarm goes off", "can the pump catheter break",
    "can a baclofen pump overdose you", "can narcan wake someone up from a baclofen overdose",
    "how many mg of oxy is an overdose", "if someone took too much baclofen what would happen to them",
    "my son has a baclofen pump, what happens if the alarm goes off",
]
let crisisLinesThatAsk: [(line: String, kind: CrisisKind)] = [
    ("what do you do when someone wont wake up after taking pills", .overdoseOther),
    ("is this an overdose? his lips are blue", .overdoseOther),
    ("someone overdosed what do you do", .overdoseOther),
    ("can u help someone is overdosing", .overdoseOther),
    ("what happens now he took like 20 baclofen", .baclofenOverdose),
    ("is it an overdose if they are not breathing and blue", .overdoseOther),
    ("does anyone know what to do if someone is seizing", .seizure),
    ("what is the point of living", .suicide),
    ("how do you overdose on purpose", .suicide),
    ("pump alarm going off what does it mean", .pumpAlarm),
    ("the pump is alarming what do we do", .pumpAlarm),
    ("what are signs my friend is overdosing", .overdoseOther),
    // A question, then the signs told in a sentence of their own.
    ("is it bad if i took like 12 baclofen? im really sleepy and my heart feels slow", .baclofenOverdose),
    ("did i take too much? i took a lot more than usual. im so sleepy and my breathing feels weird", .overdoseSelf),
    ("baclofen overdose how long does it last", .baclofenOverdose),
]

@Test func questionsAskedInGeneralAreAnsweredAndQuestionsThatTellTakeOver() throws {
    let sessions = try sessionsAtEveryInputNode()
    let (id, base) = try #require(sessions.first { $0.0.description == "intake.welcome" })
    var wrong: [String] = []
    for line in generalCrisisQuestions {
        var session = base
        let turn = session.respond(to: line)
        if turn.crisis?.level == .takeover || turn.matched?.by != .intent {
            wrong.append("“\(line)” at \(id) took over or was not answered: \(String(describing: turn.crisis)), \(String(describing: turn.matched))")
        }
    }
    wrong += wronglyScripted(crisisLinesThatAsk, from: base, at: id)
    #expect(wrong.isEmpty, Comment(rawValue: wrong.joined(separator: "\n")))
}
