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
        #expect(gap.hasGap)
        #expect(!gap.matches(in: NormalizedText("i want to die")).isEmpty)
        #expect(!gap.matches(in: NormalizedText("i want to just die")).isEmpty)
        #expect(!gap.matches(in: NormalizedText("i want to really just die")).isEmpty)
        #expect(gap.matches(in: NormalizedText("i want to go out and die")).isEmpty)
        #expect(gap.matches(in: NormalizedText("i want pizza. die hard is on")).isEmpty)
        #expect(gap.matches(in: NormalizedText("i want die")).first?.words == 1..<3)
    }

    @Test func aPhraseIsFoundByItsRarerWordWhateverItStartsWith() {
        let set = PhraseSet([(0, ["i want to die"]), (1, ["i am here"])])
        #expect(set.hits(in: NormalizedText("honestly i want to die")).map(\.id) == [0])
        #expect(set.hits(in: NormalizedText("i am here and i want to die")).map(\.id) == [1, 0])
    }
}
