@testable import DialogEngine
import DialogMatching
import DialogModel
import Testing

/// `ExampleIndex`: ranking a line against example questions by the words they share.
@Suite struct ExampleIndexTests {
    let index = ExampleIndex<String>(
        [
            (id: "kidneys", examples: ["is baclofen safe with kidney disease", "does baclofen hurt your kidneys"]),
            (id: "mixing", examples: ["can i drink alcohol on baclofen", "is baclofen safe with xanax"]),
            (id: "stopping", examples: ["can i quit baclofin cold turkey"]),
        ], concepts: ["alcohol": ["alcohol", "booze", "beer", "drink"]])

    @Test func theExampleThatSharesTheTellingWordsWins() throws {
        let hits = index.rank(NormalizedText("my kidneys are bad, is baclofen ok for me?"))
        let best = try #require(hits.first)
        #expect(best.id == "kidneys")
        #expect(best.example == "does baclofen hurt your kidneys")
        #expect(best.words == ["kidneys", "baclofen"])
        #expect(best.score > 0 && best.score <= 1)
        // Sorted, one hit per id.
        #expect(Set(hits.map(\.id)).count == hits.count)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func aSecondExampleOfTheSameIntentCorroboratesTheFirst() throws {
        // Each intent has one example as close to the line as the other's; "mixing" has a
        // second that reads it too, so it wins, and its score says by how much.
        let corroborated = ExampleIndex<String>(
            [
                (id: "single", examples: ["baclofen safe with kidney pills"]),
                (id: "pair", examples: ["baclofen safe with xanax pills", "xanax pills and baclofen together"]),
            ], concepts: [:])
        let hits = corroborated.rank(NormalizedText("baclofen safe with pills"))
        let pair = try #require(hits.first { $0.id == "pair" })
        let single = try #require(hits.first { $0.id == "single" })
        #expect(hits.first?.id == "pair")
        // One example is all its id's examples together.
        #expect(abs(single.together - single.cosine) < 1e-12)
        #expect(abs(single.score - (0.6 * single.cosine + 0.4 * (single.told ?? -1))) < 1e-12)
        #expect(pair.score > single.score && pair.score <= 1)
        // 0.7 × (best + 0.3 × second × (1 − best)) + 0.3 × together: the second's cosine
        // is what the pair scores with its best example left out, which leaves it alone.
        let second = try #require(
            corroborated.rank(NormalizedText("baclofen safe with pills"), skipping: pair.example)
                .first { $0.id == "pair" })
        #expect(second.example != pair.example && abs(second.score - second.cosine) < 1e-12)
        #expect(abs(second.together - second.cosine) < 1e-12)
        #expect(second.told == nil)
        // Then blended with what the terms tell of the id: 0.6 × that + 0.4 × told.
        let corroborated2 = pair.cosine + 0.3 * second.cosine * (1 - pair.cosine)
        let told = try #require(pair.told)
        #expect(told > 0 && told < 1)
        #expect(abs(pair.score - (0.6 * (0.7 * corroborated2 + 0.3 * pair.together) + 0.4 * told)) < 1e-12)
    }

    @Test func aScoreIsTheSameEveryTimeTheIndexIsBuilt() {
        // Sums of doubles depend on their order, and each dictionary instance may iterate
        // in its own order: a score summed in that order would change in its last bits.
        let words: [String] = (0..<60).map { "word\($0)" }
        func example(_ i: Int, _ j: Int) -> String {
            var said: [String] = []
            for k in 0..<7 {
                let place: Int = (i * 7 + j * j + k * k * 3) % (10 + k * 7)
                said.append(words[place])
            }
            return said.joined(separator: " ")
        }
        let entries: [(id: String, examples: [String])] = (0..<8).map { i in
            (id: "intent\(i)", examples: (0..<12).map { j in example(i, j) })
        }
        let line = NormalizedText(words.prefix(30).joined(separator: " "))
        let scores = (0..<50).map { _ in ExampleIndex<String>(entries).rank(line).map(\.score) }
        #expect(!scores[0].isEmpty)
        #expect(scores.allSatisfy { $0 == scores[0] })
    }

    @Test func examplesTogetherReadWhatNoOneExampleSays() throws {
        // Each id has one example that shares two of the line's words. "spread" has
        // another that names the line's third telling word ("twitchy"), though too little
        // of the line to read it alone: together its examples say more of the line.
        let hits = ExampleIndex<String>(
            [(id: "single", examples: ["baclofen stops cramps at night"]), (id: "spread", examples: ["how baclofen stops cramps", "what about twitchy"])]
        ).rank(NormalizedText("how does baclofen stop cramps and twitchy legs"))
        #expect(hits.map(\.id) == ["spread", "single"])
        #expect(hits[0].together > hits[0].cosine * 0.5 && hits[0].together < 1)
        #expect(abs(hits[1].together - hits[1].cosine) < 1e-12)
    }

    @Test(
        "a second example's corroboration never lifts a hit past a phrase strength its own cosine does not reach",
        arguments: [
            (0.70, 0.77, 0.75.nextDown), (0.70, 0.74, 0.74), (0.76, 0.80, 0.80), (0.40, 0.50, 0.45.nextDown),
            (0.95, 0.99, 0.99),
        ])
    func corroborationStopsBelowAPhrase(_ cosine: Double, _ score: Double, _ strength: Double) {
        let hit = ExampleIndex<Int>.Hit(id: 0, example: "", words: [], score: score, cosine: cosine)
        #expect(Recognizer.strength(of: hit) == strength)
        #expect(Recognizer.phraseStrengths == [0.45, 0.75, 1.0])
    }

    @Test func aWordSaidByEveryExampleCountsForLessThanARareOne() throws {
        // "baclofen" is in four examples of five, "xanax" in one.
        let xanax = try #require(index.rank(NormalizedText("baclofen and xanax together")).first)
        #expect(xanax.id == "mixing")
        #expect(xanax.example == "is baclofen safe with xanax")
    }

    @Test func aConceptJoinsWordsNoExampleShares() throws {
        // "booze" is in no example; the concept puts it with "drink".
        let hit = try #require(index.rank(NormalizedText("booze while on baclofen?")).first)
        #expect(hit.id == "mixing")
        #expect(hit.words == ["booze", "baclofen"])
    }

    @Test func aConceptThatNamesAnotherConceptJoinsNoWord() throws {
        // `~kidney` in a concept is a pattern, not the word "kidney": it must not join
        // "kidney" to "xanax", or a kidney question would meet the mixing examples.
        let patterned = ExampleIndex<String>(
            [
                (id: "kidneys", examples: ["does baclofen hurt your kidneys"]),
                (id: "mixing", examples: ["is baclofen safe with xanax"]),
            ], concepts: ["sedative": ["~kidney", "xanax", "[my] pills", "a ... b"]])
        let hit = try #require(patterned.rank(NormalizedText("can baclofen hurt my kidney")).first)
        #expect(hit.id == "kidneys")
        #expect(patterned.rank(NormalizedText("is baclofen safe with kidney")).first?.example != "is baclofen safe with xanax")
    }

    @Test func aMisspeltExampleCountsAsTheCommonSpellingAndALineTypoIsRead() throws {
        // The example says "baclofin": it meets "baclofen"; the line says "baclofn".
        let hit = try #require(index.rank(NormalizedText("quit baclofn cold turkey")).first)
        #expect(hit.id == "stopping")
        #expect(hit.score > 0.9)
    }

    @Test func oneSharedWordIsNoLikeness() {
        #expect(index.rank(NormalizedText("kidneys")).isEmpty)
        #expect(index.rank(NormalizedText("sure")).isEmpty)
        #expect(index.rank(NormalizedText("is it safe")).isEmpty)
    }

    @Test func aLongStoryAroundAQuestionIsNotDilutedByWordsNoExampleHas() throws {
        let short = try #require(index.rank(NormalizedText("can i drink on baclofen")).first)
        let long = try #require(
            index.rank(
                NormalizedText(
                    "so my doctor gave me baclofen after my knee surgery last spring and now im tapering, can i drink on it")
            ).first)
        #expect(short.id == "mixing" && long.id == "mixing")
        #expect(abs(short.score - long.score) < 0.01)
    }

    @Test func theLogarithmIsTheNaturalOne() {
        for x in [0.01, 0.5, 1, 2, 10, 1234.5] {
            let e = 2.718281828459045
            var power = 1.0, n = 0.0
            // ln x by search: e^n ≈ x.
            while power * e <= x { power *= e; n += 1 }
            while power > x { power /= e; n -= 1 }
            let ln = ExampleIndex<String>.logarithm(x)
            #expect(ln >= n - 1e-9 && ln < n + 1 + 1e-9, "ln \(x)")
        }
        #expect(abs(ExampleIndex<String>.logarithm(2.718281828459045) - 1) < 1e-12)
        #expect(abs(ExampleIndex<String>.logarithm(1) - 0) < 1e-12)
    }
}

/// The session: a question read by its examples is answered, two close readings ask
/// which was meant, and the answer to that is taken by number, label or words.
@Suite struct QuestionExampleSessionTests {
    static let files = topicTestBundle(
        settings: """
            question-weak: 0.3
            question-margin: 0.2

            """,
        intents: """
              ask_kidneys:
                label: Baclofen and the kidneys
                match: [renal]
                examples: ["is baclofen safe with kidney disease", "can baclofen damage my kidneys"]
                goto: kidneys
                return: true
              ask_mixing:
                label: Baclofen with alcohol
                match: ["with alcohol"]
                examples: ["can i drink while taking baclofen", "is baclofen safe with beer"]
                goto: mixing
                return: true
              report_mixing:
                tells: true
                match: ["mixing baclofen and beer"]
                goto: told
                return: true
                priority: 1

            """,
        menu: """
                  - label: Facts
                    goto: kidneys

            """,
        nodes: """
              kidneys:
                say: Baclofen leaves the body through the kidneys.
                next: welcome
              mixing:
                say: Alcohol and baclofen together slow breathing.
                next: welcome
              told:
                say: Please get medical care today.
                next: welcome

            """)

    static func session() throws -> Session { try openedSession(files) }

    @Test func theThresholdsAreReadFromTheBundle() throws {
        let bundle = try #require(BundleLoader.load(files: Self.files).bundle)
        #expect(bundle.questionThresholds.weak == 0.3)
        #expect(bundle.questionThresholds.margin == 0.2)
        #expect(bundle.intents.first { $0.id == "ask_kidneys" }?.examples.count == 2)
    }

    @Test func aQuestionInOtherWordsIsAnsweredAndMatchedNamesTheExample() throws {
        var s = try Self.session()
        let turn = s.respond(to: "is it ok to have a few drinks when youre taking baclofen")
        #expect(turn.matched?.by == .intent)
        #expect(turn.matched?.id == "ask_mixing")
        #expect(turn.matched?.phrase == nil)
        let example = try #require(turn.matched?.example)
        #expect(example.text == "can i drink while taking baclofen")
        #expect(example.words == ["drinks", "taking", "baclofen"])
        #expect(turn.say.first == "Alcohol and baclofen together slow breathing.")
        // Answered, then back where the person was.
        #expect(turn.node.description == "intake.welcome")
        #expect(turn.state == .awaitingChoice)
        let json = turn.jsonLine()
        #expect(json.contains(#""example":"can i drink while taking baclofen","words":["drinks","taking","baclofen"],"score":"#))
    }

    @Test func anIntentThatTellsIsReadInLinesThatTellAndNotInQuestionsAskedInGeneral() throws {
        for (line, intent) in [
            ("i keep mixing baclofen and beer", "report_mixing"),
            ("is he mixing baclofen and beer?", "report_mixing"),
            ("mixing baclofen and beer, is it safe?", "report_mixing"),
            ("what happens to someone mixing baclofen and beer?", "ask_mixing"),
            ("is it safe mixing baclofen and beer", "ask_mixing"),
            ("can i keep mixing baclofen and beer?", "ask_mixing"),
            ("does my doctor know im mixing baclofen and beer", "report_mixing"),
        ] {
            var s = try Self.session()
            let turn = s.respond(to: line)
            #expect(turn.matched?.id == intent, "\(line)")
        }
    }

    @Test func twoCloseReadingsAskWhichWasMeantAndTheAnswerPicksOne() throws {
        for (reply, picked) in [("2", "ask_mixing"), ("the first one", "ask_kidneys"), ("alcohol", "ask_mixing")] {
            var s = try Self.session()
            let ask = s.respond(to: "baclofen safe?? kidney disease and beer")
            #expect(ask.flags.contains(.clarify))
            #expect(ask.choices.map(\.id) == ["ask_kidneys", "ask_mixing"])
            #expect(ask.choices.map(\.label) == ["Baclofen and the kidneys", "Baclofen with alcohol"])
            #expect(ask.expects == .choice)
            #expect(ask.state == .awaitingChoice)
            #expect(ask.matched == nil)
            let answer = s.respond(to: reply)
            #expect(answer.matched?.id == picked, "\(reply)")
            #expect(!answer.flags.contains(.clarify))
            #expect(answer.choices.map(\.label) == ["Facts", "Finish"])
        }
    }

    @Test func aLineThatIsNeitherOfferedTopicIsReadAsUsual() throws {
        var s = try Self.session()
        _ = s.respond(to: "baclofen safe?? kidney disease and beer")
        let next = s.respond(to: "finish")
        #expect(next.matched?.by == .choice)
        #expect(next.state == .ended)
    }

    @Test func aCrisisLineAfterTheQuestionTakesOver() throws {
        var s = try Self.session()
        _ = s.respond(to: "baclofen safe?? kidney disease and beer")
        let crisis = s.respond(to: "he took too many and won't wake up")
        #expect(crisis.crisis?.level == .takeover)
        #expect(!crisis.flags.contains(.clarify))
    }

    @Test func theOpenQuestionIsSavedAndAskedAgainOnResume() throws {
        var s = try Self.session()
        _ = s.respond(to: "baclofen safe?? kidney disease and beer")
        let state = s.savedState
        #expect(state.clarifying == ["ask_kidneys", "ask_mixing"])
        let read = try SessionState(json: Array(state.jsonLine.utf8))
        #expect(read.clarifying == ["ask_kidneys", "ask_mixing"])
        let bundle = try #require(BundleLoader.load(files: Self.files).bundle)
        var resumed = try Session(CompiledBundle(bundle), resuming: read)
        let again = resumed.resume()
        #expect(again.choices.map(\.id) == ["ask_kidneys", "ask_mixing"])
        #expect(resumed.respond(to: "1").matched?.id == "ask_kidneys")
    }

    @Test func aLineBelowTheWeakThresholdIsNotAQuestion() throws {
        var s = try Self.session()
        let turn = s.respond(to: "the weather is nice with my cat")
        #expect(turn.matched == nil)
        #expect(turn.flags.contains(.reask))
    }
}
