import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import TestSupport
import Testing

/// Where a line leads from the opening menu: the node whose text answers it. A topic
/// intent with `return` answers without moving, so its target is read from the intent.
func answeringNode(_ line: String, region: String = "US") throws -> String {
    let bundle = try #require(shippedBundle)
    var session = try Session(try #require(shippedCompiled), region: region)
    _ = session.open()
    let turn = session.respond(to: line)
    if let m = turn.matched, m.by == .intent, let intent = bundle.intents.first(where: { $0.id == m.id }), intent.returns {
        return intent.goto.target.description
    }
    return turn.node.description
}

/// How people type their questions, with typos and negations, written apart from the
/// dialogs' own match lists: each must reach the node that answers it.
let routingTable: [(line: String, node: String)] = [
    // Is baclofen approved for withdrawal?
    ("is baclofen approved for withdrawal?", "baclofen.offlabel"),
    ("Is baclofen FDA approved for opiate withdrawal", "baclofen.offlabel"),
    ("is baclofen aproved for withdrawl", "baclofen.offlabel"),
    ("is it off-label to use baclofen for detox", "baclofen.offlabel"),
    ("is baclofen off label for opioids", "baclofen.offlabel"),
    ("did the FDA approve baclofen", "baclofen.offlabel"),
    ("has baclofen been approved by the fda for withdrawal", "baclofen.offlabel"),
    ("what does the FDA say about baclofen", "baclofen.offlabel"),
    // What is baclofen?
    ("what is baclofen", "baclofen.overview"),
    ("tell me about baclofin", "baclofen.overview"),
    ("what's lioresal", "baclofen.overview"),
    ("BACLOFEN?", "baclofen.overview"),
    ("i was given baclophen what is it", "baclofen.overview"),
    ("is baclofen a muscle relaxer", "baclofen.overview"),
    ("what is the muscle relaxant baclofen used for", "baclofen.overview"),
    ("Baclofen and opioid withdrawal", "baclofen.overview"),
    ("1", "baclofen.overview"),
    ("the first one", "baclofen.overview"),
    // Mixing
    ("can I take it with alcohol?", "baclofen.mixing"),
    ("can i drink alcohol on baclofen", "baclofen.mixing"),
    ("is it ok to mix baclofen and xanax", "baclofen.mixing"),
    ("can you combine baclofen with opioids", "baclofen.mixing"),
    ("baclofen with benzos?", "baclofen.mixing"),
    ("is it safe to take baclofen with oxycodone", "baclofen.mixing"),
    ("can i mix baclofen with my methadone", "baclofen.mixing"),
    ("baclofen and beer", "baclofen.mixing"),
    ("what happens if i mix baclofen with alcohol", "baclofen.mixing"),
    // Stopping
    ("can i stop baclofen suddenly", "baclofen.stopping"),
    ("i want to stop taking baclofen", "baclofen.stopping"),
    ("is it dangerous to quit baclofen cold turkey", "baclofen.stopping"),
    ("how do i come off baclofen", "baclofen.stopping"),
    ("i stopped my baclofen yesterday", "baclofen.stopping"),
    // Alternatives
    // Buprenorphine alone has a topic of its own.
    ("what about buprenorphine", "treatment.buprenorphine"),
    ("is suboxone better", "baclofen.alternatives"),
    ("what can I take instead of baclofen", "baclofen.alternatives"),
    ("what about methadone for withdrawal", "baclofen.alternatives"),
    ("tell me about lofexidine", "baclofen.alternatives"),
    ("does clonidine help", "baclofen.alternatives"),
    ("what medicines are approved for opioid withdrawal", "baclofen.alternatives"),
    // Side effects, how it works, kidneys, pump
    ("what are the side effects of baclofen", "baclofen.side_effects"),
    ("does baclofen make you sleepy", "baclofen.side_effects"),
    ("baclofen side effect dizzy", "baclofen.side_effects"),
    ("how does baclofen work", "baclofen.how_it_works"),
    ("how does baclofen work on the brain", "baclofen.how_it_works"),
    ("i have kidney disease can i take baclofen", "baclofen.kidneys"),
    ("I'm on dialysis", "baclofen.kidneys"),
    ("my baclofen pump needs a refill", "baclofen.pump"),
    ("what is an intrathecal pump", "baclofen.pump"),
    // Dependence and addiction
    ("what's the difference between being dependent and addicted?", "dependence.overview"),
    ("am i an addict", "dependence.overview"),
    ("is dependence the same as addiction", "dependence.overview"),
    ("dependance vs addiction", "dependence.overview"),
    ("I'm not addicted, I just take my pain pills", "dependence.overview"),
    ("what is opioid use disorder", "dependence.overview"),
    ("does physical dependence mean addiction", "dependence.overview"),
    ("can you be dependent without being an addict", "dependence.overview"),
    ("Dependence or addiction?", "dependence.overview"),
    ("2", "dependence.overview"),
    ("the second", "dependence.overview"),
    ("addicted or dependant", "dependence.overview"),
    // Symptoms, the symptom check
    ("check my symptoms", "screening.start"),
    ("I think I'm dope sick", "screening.start"),
    ("am I going through withdrawal?", "screening.start"),
    ("3", "screening.start"),
    ("option 3", "screening.start"),
    ("Check my symptoms please", "screening.start"),
    ("i feel dopesick", "screening.start"),
    ("what are the symptoms of withdrawal", "screening.symptoms_info"),
    ("what withdrawal symptoms should i expect", "screening.symptoms_info"),
    ("what are withdrawl symtoms", "screening.symptoms_info"),
    ("how long does withdrawal last", "screening.timeline_info"),
    ("when will i feel better", "screening.timeline_info"),
    ("how many days until the withdrawal stops", "screening.timeline_info"),
    ("how long till its over", "screening.timeline_info"),
    ("when does withdrawal start after the last dose", "screening.timeline_info"),
    // Detox help
    ("where can I get help to detox?", "resources.detox"),
    ("i need help detoxing", "resources.detox"),
    ("find a rehab near me", "resources.detox"),
    ("how do i find treatment", "resources.detox"),
    ("i want to go to detox", "resources.detox"),
    ("can I detox at home alone", "resources.detox"),
    ("is there a treatment centre", "resources.detox"),
    ("4", "resources.detox"),
    ("Find detox help", "resources.detox"),
    ("detox", "resources.detox"),
    ("where is the nearest rehab", "resources.detox"),
    ("i need treatment for opioids", "resources.detox"),
    // Numbers
    ("what is the crisis line number", "resources.numbers"),
    ("give me the emergency number", "resources.numbers"),
    ("is there a hotline I can call", "resources.numbers"),
    ("Emergency and crisis numbers", "resources.numbers"),
    ("8", "resources.numbers"),
    ("the last one", "resources.numbers"),
    ("what number do I call", "resources.numbers"),
    // Naloxone, overdose signs
    ("where can I get narcan", "resources.naloxone"),
    ("how do I use naloxone", "resources.naloxone"),
    ("what is naloxon", "resources.naloxone"),
    ("what are the signs of an overdose?", "resources.overdose_signs"),
    ("what are the warning signs of an overdose", "resources.overdose_signs"),
    ("what does an overdose look like", "resources.overdose_signs"),
    ("can you overdose on baclofen?", "baclofen.too_much"),
    ("what are the signs of baclofen overdose", "baclofen.too_much"),
    // Dosing
    ("how much baclofen should I take", "dosing.question"),
    ("what dose of baclofen for withdrawal", "dosing.question"),
    ("what's the right dosage", "dosing.question"),
    ("how many mg should i take", "dosing.question"),
    ("how many pills can I take at once", "dosing.question"),
    ("A question about doses", "dosing.question"),
    ("5", "dosing.question"),
    ("how often should I take it", "dosing.question"),
    // Cravings
    ("i really feel like using", "screening.using_warning"),
    ("I'm craving so bad", "screening.using_warning"),
    ("i want to use again", "screening.using_warning"),
    ("i'm gonna use tonight", "screening.using_warning"),
    // More ways to ask, with typos and negations
    ("is baclofen approvd by the fda", "baclofen.offlabel"),
    ("why isn't baclofen approved for withdrawal", "baclofen.offlabel"),
    ("is it legal to use baclofen off-label", "baclofen.offlabel"),
    ("side efects of baclofen?", "baclofen.side_effects"),
    ("will baclofen make me drowsy", "baclofen.side_effects"),
    ("does it cause dizziness", "baclofen.side_effects"),
    ("how does it work", "baclofen.how_it_works"),
    ("does baclofen act on gaba", "baclofen.how_it_works"),
    ("can i have a beer with baclofen", "baclofen.mixing"),
    ("is drinking wine on baclofen ok", "baclofen.mixing"),
    ("can I take baclofen with my xanax", "baclofen.mixing"),
    ("combining baclofen and heroin", "baclofen.mixing"),
    ("should i quit baclofen all at once", "baclofen.stopping"),
    ("i ran out of baclofen and stopped taking it", "baclofen.stopping"),
    ("what happens when you stop baclofen", "baclofen.stopping"),
    ("is subutex an option", "treatment.buprenorphine"),  // subutex is buprenorphine: its own answer
    ("is there medicine for withdrawal", "baclofen.alternatives"),
    ("what is lucemyra", "baclofen.alternatives"),
    ("I have kidney problems", "baclofen.kidneys"),
    ("my kidneys are bad", "baclofen.kidneys"),
    ("I'm dependant on my pain pills, does that make me an addict", "dependence.overview"),
    ("what does addicted mean", "dependence.overview"),
    ("am I addicted or just dependent", "dependence.overview"),
    ("what is the difference between opiate and opioid", "dependence.overview"),
    ("how does the dsm define addiction", "dependence.overview"),
    ("how long do withdrawals last", "screening.timeline_info"),
    ("when does it end", "screening.timeline_info"),
    ("i need to get clean", "resources.detox"),
    ("i want to stop using heroin", "resources.detox"),
    ("how can i quit using", "resources.detox"),
    ("where can i find help", "resources.detox"),
    ("rehab", "resources.detox"),
    // The numbers node lists the detox helpline with the others.
    ("what's the number for the helpline", "resources.numbers"),
    ("how much methadone should i take", "dosing.question"),
    ("can I take more baclofen", "dosing.question"),
    ("how should i taper", "dosing.question"),
    ("what's the dose", "dosing.question"),
    ("where do i get naloxone", "resources.naloxone"),
    ("is narcan free", "resources.naloxone"),
    ("i have cravings", "screening.using_warning"),
    ("I really want to use", "screening.using_warning"),
    ("I keep craving it", "screening.using_warning"),
]

@Test(arguments: routingTable)
func aTypedQuestionReachesItsAnswer(line: String, node: String) throws {
    #expect(try answeringNode(line) == node, "“\(line)”")
}

@Test func theRoutingTableIsLargeAndWrittenApartFromTheMatchLists() throws {
    #expect(routingTable.count >= 120)
    let bundle = try #require(shippedBundle)
    let phrases = Set(bundle.intents.flatMap { $0.match.map { $0.text.lowercased() } })
    let copied = routingTable.filter { phrases.contains($0.line.lowercased()) }
    #expect(copied.count * 10 < routingTable.count, "\(copied.map(\.line))")
}

/// A general question about a crisis that names another topic outright, in its own words,
/// is that topic's question; one that only resembles another topic's examples, or names it
/// through a typo, is answered by the topic about the crisis.
@Test func aQuestionAboutACrisisThatNamesAnotherTopicIsThatTopics() throws {
    #expect(try answeringNode("is there a support group for people who lost someone to an overdose") == "recovery.grief")
    #expect(try answeringNode("can methadone make you stop breathing") == "treatment.methadone")
    #expect(try answeringNode("symptoms of an opiate overdose") == "resources.overdose_signs")
    #expect(try answeringNode("what does it mean when the baclofen pump beeps") == "baclofen.pump")
}
