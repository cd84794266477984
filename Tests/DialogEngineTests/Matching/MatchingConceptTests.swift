import DialogMatching
import Testing

@Suite("Matching: concepts, optional words and gaps")
struct MatchingConceptTests {
    let table = ConceptTable(["want": ["want", "wish", "~plan"], "plan": ["plan", "am going"], "die": ["die", "be dead"]])

    @Test func aPhraseExpandsIntoEveryPhraseItStandsFor() throws {
        let expanded = try table.expand("~want to [just] ~die")
        #expect(expanded.count == 4 * 2 * 2)
        #expect(expanded.contains("want to die"))
        #expect(expanded.contains("am going to just be dead"))
        #expect(try table.expand("plain words") == ["plain words"])
    }

    @Test func builtInConceptsAreThereAndABundleAddsToThem() throws {
        let mine = ConceptTable(["person": ["stepdad"]])
        #expect(try mine.expand("my ~person").contains("my stepdad"))
        #expect(try mine.expand("my ~person").contains("my boyfriend"))
    }

    @Test func problemsAreNamed() {
        #expect(throws: ConceptTable.Problem.unknownConcept("nope")) { try table.expand("~nope") }
        #expect(throws: ConceptTable.Problem.invalidPattern("`[` without `]` in `a [b`")) { try table.expand("a [b") }
        let circular = ConceptTable(["a": ["x ~b"], "b": ["~a"]])
        #expect(circular.problems().contains { $0.problem == .circular(["a", "b", "a"]) })
        #expect(ConceptTable(["e": []]).problems().map(\.problem) == [.emptyConcept("e")])
        let big = ConceptTable(["ten": (0..<10).map { "w\($0)" }])
        #expect(throws: ConceptTable.Problem.tooManyExpansions(10_000)) { try big.expand("~ten ~ten ~ten ~ten") }
    }

    @Test func aGapStandsForUpToThreeWordsOfOneSentence() {
        let gap = PhrasePattern("want ... die")
        #expect(!gap.matches(in: NormalizedText("i want to die")).isEmpty)
        #expect(!gap.matches(in: NormalizedText("i want to just die")).isEmpty)
        #expect(!gap.matches(in: NormalizedText("i want to really just die")).isEmpty)
        #expect(gap.matches(in: NormalizedText("i want to go out and die")).isEmpty)
        #expect(gap.matches(in: NormalizedText("i want pizza. die hard is on")).isEmpty)
        #expect(gap.matches(in: NormalizedText("i want die")).first?.words == 1..<3)
    }

    @Test func aConjunctionNeedsEachSideAnywhereInTheLineInAnyOrder() throws {
        let means = ConceptTable(["means": ["rope", "noose"], "hopeless": ["can not take it anymore", "no point"]])
        let both = try means.pattern("~means & ~hopeless")
        let set = PhraseSet([(0, [both]), (1, [PhrasePattern("rope")])])
        let line = NormalizedText("the rope is tied in the garage. i cant take it anymore")
        let hit = try #require(set.hits(in: line).first { $0.id == 0 })
        #expect(hit.match.phrase == "rope & can not take it anymore")
        #expect(hit.match.words == 1..<2, "it stands at its first side's words")
        #expect(hit.match.score.words == 6)
        #expect(set.hits(in: NormalizedText("no point. got a noose")).contains { $0.id == 0 }, "in any order")
        #expect(!set.hits(in: NormalizedText("bought rope for the tent")).contains { $0.id == 0 }, "one side is not enough")
        #expect(both.matches(in: NormalizedText("no point")).isEmpty)
        #expect(both.matches(in: NormalizedText("no point, rope")).count == 1)
        // A side negated negates the whole.
        let negated = try #require(both.matches(in: NormalizedText("i have no rope and i can not take it anymore")).first)
        #expect(negated.isNegated)
        #expect(!(try #require(both.matches(in: NormalizedText("rope. i can not take it anymore")).first)).isNegated)
        // Only when the side is said negated everywhere: another occurrence affirms it.
        let affirmed = try #require(both.matches(in: NormalizedText("i do not have a rope. the noose is up and i can not take it anymore")).first)
        #expect(!affirmed.isNegated)
        #expect(affirmed.phrase == "noose & can not take it anymore")
        // Two sides never share a word.
        let same = try ConceptTable().pattern("rope & rope")
        #expect(same.matches(in: NormalizedText("a rope")).isEmpty)
        #expect(same.matches(in: NormalizedText("a rope and a rope")).count == 1)
    }

    @Test func aConjunctionExpandsToItsSidesJoinedAndNeedsBothSides() throws {
        #expect(try table.expand("~die & now") == ["die ... now", "be dead ... now"])
        #expect(throws: ConceptTable.Problem.invalidPattern("`&` needs a phrase on each side in `die & `")) { try table.expand("die & ") }
        #expect(throws: ConceptTable.Problem.unknownConcept("nope")) { try table.pattern("die & ~nope") }
        #expect(ConceptTable.isPattern("a & b"))
    }

    @Test func aPhraseIsFoundByItsRarerWordWhateverItStartsWith() {
        let set = PhraseSet([(0, ["i want to die"]), (1, ["i am here"])])
        #expect(set.hits(in: NormalizedText("honestly i want to die")).map(\.id) == [0])
        #expect(set.hits(in: NormalizedText("i am here and i want to die")).map(\.id) == [1, 0])
    }

    @Test func aPatternMatchesEveryPhraseItStandsForAsThatPhraseWould() throws {
        // Matched as written, a pattern finds what each of its plain phrases finds, over
        // the same words with the same score.
        for written in ["~want to [just] ~die", "[really] ~plan ... ~die", "my ~person [is] not ~die"] {
            let pattern = try table.pattern(written)
            for plain in try table.expand(written) {
                let line = NormalizedText("so " + plain.replacing("...", with: "honestly") + " now")
                let expected = try #require(PhrasePattern(plain).matches(in: line).first, "\(plain)")
                let found = pattern.matches(in: line).filter { $0.words == expected.words }
                #expect(found.count == 1, "\(written) in \(line.original)")
                #expect(found.first?.score == expected.score, "\(written) in \(line.original)")
            }
        }
    }

    @Test func aMatchShowsThePlainPhraseThatMatched() throws {
        let pattern = try table.pattern("~want to [just] ~die")
        let match = try #require(pattern.matches(in: NormalizedText("honestly i am going to just be dead")).first)
        #expect(match.phrase == "am going to just be dead")
        #expect(match.words == 2..<8)
        #expect(match.firstPhraseWord == "am")
        #expect(try table.pattern("can't ~die").matches(in: NormalizedText("i cannot die")).first?.phrase == "can't die")
        #expect(PhrasePattern("want ... die").matches(in: NormalizedText("want to die")).first?.phrase == "want ... die")
    }

    @Test func theAlternativeThatMatchedDecidesItsOwnNegation() throws {
        let table = ConceptTable(["alive": ["be alive", "not be here"]])
        let pattern = try table.pattern("want to ~alive")
        let said = try #require(pattern.matches(in: NormalizedText("i want to not be here")).first)
        #expect(said.isSelfNegated && !said.isNegated)
        let denied = try #require(pattern.matches(in: NormalizedText("i do not want to be alive")).first)
        #expect(!denied.isSelfNegated && denied.isNegated)
        // A negation a gap skips negates the occurrence; a word that fits too early
        // ("are" is "be" by stem) does not stop the phrase from matching later.
        let gap = try #require(try table.pattern("eyes ... ~alive").matches(in: NormalizedText("eyes are not be alive")).first)
        #expect(gap.isNegated)
    }

    @Test func conceptWordsTolerateTyposAndStems() throws {
        let table = ConceptTable(["drug": ["fentanyl", "heroin"]])
        let pattern = try table.pattern("took too much ~drug")
        #expect(pattern.matches(in: NormalizedText("i took too much fentanil")).first?.quality == .typo)
        let set = PhraseSet([(id: 0, phrases: [try table.pattern("~drug overdose")])])
        #expect(set.hits(in: NormalizedText("a heroin overdoses")).first?.match.quality == .stemmed)
    }

    @Test func aPatternSetIsAnchoredAtItsRarestPartWhereverItStands() throws {
        let set = PhraseSet([(id: 0, phrases: [try table.pattern("i ~want to ~die")]), (id: 1, phrases: [try table.pattern("[i] am here")])])
        #expect(set.hits(in: NormalizedText("honestly i wish to be dead")).map(\.id) == [0])
        #expect(set.longestHits(in: NormalizedText("i am here and i plan to die")).map(\.id) == [1, 0])
        // Only the words of one sentence make an occurrence.
        #expect(set.hits(in: NormalizedText("i want. to die")).isEmpty)
    }

    @Test func aPhraseThatCanStandForNoWordsNeverMatches() throws {
        let pattern = try table.pattern("[just] [really]")
        #expect(!pattern.canMatch)
        #expect(pattern.matches(in: NormalizedText("just really")).isEmpty)
    }

    @Test func numberIsTheBuiltInClassOfNumbers() throws {
        let pattern = try table.pattern("my dose is ~number and i took")
        for line in ["my dose is 5 and i took more", "my dose is 50mg and i took 200mg"] {
            #expect(pattern.matches(in: NormalizedText(line)).first?.phrase.hasPrefix("my dose is ") == true, "\(line)")
        }
        for line in ["my dose is 3x and i took more", "my dose is five and i took more", "my dose is mg and i took"] {
            #expect(pattern.matches(in: NormalizedText(line)).isEmpty, "\(line)")
        }
        #expect(try table.pattern("my dose is ~number").matches(in: NormalizedText("my dose is 20mg")).first?.phrase == "my dose is 20mg")
        // A phrase with nothing but a number to anchor at is tried at every number.
        let set = PhraseSet([(id: 0, phrases: [try table.pattern("~number [mg]")])])
        #expect(set.longestHits(in: NormalizedText("took 40 mg then 10")).map(\.match.words) == [1..<3, 4..<5])
        // Expanded, a number is an example of one, so the plain phrase still matches.
        #expect(try table.expand("took ~number mg") == ["took 2 mg"])
        // A bundle cannot make `~number` a concept.
        #expect(ConceptTable(["number": ["one"]]).problems().map(\.concept) == ["number"])
    }
}
