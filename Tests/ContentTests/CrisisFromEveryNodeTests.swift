import DialogMatching
import DialogEngine
import DialogModel
import TestSupport
import Testing

/// A session waiting at `node` of the shipped bundle, for each node that waits for input.
func sessionsAtEveryInputNode() throws -> [(NodeID, Session)] {
    let bundle = try #require(shippedBundle)
    var out: [(NodeID, Session)] = []
    for id in bundle.nodeOrder {
        guard let node = bundle.nodes[id], node.asksForInput else { continue }
        var session = try Session(try #require(shippedCompiled), start: id)
        let opening = session.open()
        guard opening.node == id, opening.state != .ended else { continue }
        out.append((id, session))
    }
    return out
}

/// The shipped bundle's crisis intents, one test case each: the cases run side by side.
let shippedCrisisIntents: [String] = shippedBundle?.intents.filter { $0.crisis != nil }.map(\.id) ?? []

@Test func thereAreCrisisIntentsToType() {
    #expect(shippedCrisisIntents.count >= 8)
}

@Test(arguments: shippedCrisisIntents)
func everyCrisisPhraseTakesOverFromEveryNode(_ intentID: String) throws {
    let bundle = try #require(shippedBundle)
    let intent = try #require(bundle.intents.first { $0.id == intentID })
    let kind = try #require(intent.crisis)
    let sessions = try sessionsAtEveryInputNode()
    #expect(sessions.count >= 30)
    var checked = 0
    // Each phrase as its first expansion reads, typed with its gaps closed. A phrase that
    // its own intent reads as history or cancels with `unless` ("used to cut", "died of an
    // overdose": bereavement) is there to show the numbers without the script.
    let concepts = ConceptTable(bundle: bundle)
    let detector = CrisisDetector(intents: bundle.intents, concepts: concepts)
    // A more precise kind the line names takes the place of this one ("inconsciente,
    // baclofen" is a baclofen overdose): `refines:`.
    let refinedTo = Set(bundle.intents.filter { $0.refines?.kinds.contains(kind) ?? false }.compactMap(\.crisis))
    for phrase in intent.match {
        let typed = (try concepts.expand(phrase.text).first ?? phrase.text).replacing("...", with: " ")
        let byDesign = detector.occurrences(in: NormalizedText(typed)).contains {
            $0.intent == intent.id && $0.qualifier != nil
        }
        for (id, base) in sessions {
            var session = base
            let turn = session.respond(to: typed)
            checked += 1
            if byDesign {
                #expect(turn.crisis != nil && turn.crisis?.level != .takeover || turn.crisis?.kind != kind, "“\(typed)” at \(id)")
                continue
            }
            #expect(turn.crisis?.level == .takeover, "“\(typed)” at \(id)")
            #expect(
                turn.crisis.map { $0.kind == kind || $0.also.contains(kind) || refinedTo.contains($0.kind) } ?? false,
                "“\(typed)” at \(id): \(String(describing: turn.crisis))")
            #expect(turn.has(.crisis))
        }
    }
    #expect(!intent.match.isEmpty && checked == intent.match.count * sessions.count)
}

/// Lines no one would type on purpose: control bytes, broken text, huge lines.
@Test func noLineEverStopsASession() throws {
    var generator = SplitMix64(seed: 0x1D_7A4E)
    let alphabet: [Unicode.Scalar] = ["a", "z", " ", "\n", "\t", "\u{0}", "\u{1B}", "\u{7F}", "é", "😀", "\u{202E}", "'", "\"", ":", "-", "{", "}", "[", "9", "0", "\u{FFFD}", "\u{200B}"]
    let sessions = try sessionsAtEveryInputNode()
    for round in 0..<400 {
        var line = String.UnicodeScalarView()
        let length = round % 50 == 0 ? 20_000 : Int(generator.next() % 40)
        for _ in 0..<length { line.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
        var session = sessions[round % sessions.count].1
        let turn = session.respond(to: String(line))
        #expect(turn.number == 1)
        #expect(session.bundle.nodes[turn.node] != nil)
    }
}
