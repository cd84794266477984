import DialogMatching
import DialogEngine
import Testing

@Suite("Matching: phrases")
struct MatchingPhraseTests {
    static let cantSleepTable: [Typed<MatchQuality?>] = [
        Typed("I can't sleep", .exact),
        Typed("i cannot sleep at all", .exact),
        Typed("I CAN’T SLEEP", .exact),
        Typed("i cant sleep", .exact),
        Typed("can not sleep", .exact),
        Typed("I can't sleepp", .typo),
        Typed("I couldn't sleep", .stemmed),
        Typed("I can't really sleep", nil),
        Typed("sleep, can't", nil),
        Typed("I can sleep", nil),
    ]

    @Test("\"can't sleep\"", arguments: cantSleepTable)
    func cantSleep(_ line: Typed<MatchQuality?>) {
        #expect(PhrasePattern("can't sleep").matches(in: NormalizedText(line.input)).first?.quality == line.expected)
    }

    static let wholeWordsTable: [Typed<String>] = [
        Typed("good food", "od"), Typed("a diet", "die"), Typed("a new skill", "kill"), Typed("a change", "hang"),
        Typed("studied", "die"), Typed("methodical", "od"), Typed("overdosesque", "overdose"),
    ]

    @Test("whole words only", arguments: wholeWordsTable)
    func wholeWordsOnly(_ line: Typed<String>) {
        #expect(PhrasePattern(line.expected).matches(in: NormalizedText(line.input)).isEmpty)
    }

    @Test func aMatchGivesItsWordsItsOriginalRangeAndItsScore() throws {
        let text = NormalizedText("Honestly, I CAN’T sleep!")
        let match = try #require(PhrasePattern("can't sleep").matches(in: text).first)
        #expect(match.words == 2..<5)
        #expect(text.original[match.range] == "CAN’T sleep")
        #expect(match.score == MatchScore(words: 3, exact: 3, stemmed: 0, typos: 0))
        #expect(!match.isNegated)
    }

    @Test func everyOccurrenceIsFound() {
        let matches = PhrasePattern("cramps").matches(in: NormalizedText("cramps, cramps and more cramp"))
        #expect(matches.map(\.words) == [0..<1, 1..<2, 4..<5])
        #expect(matches.map(\.quality) == [.exact, .exact, .stemmed])
    }

    @Test func scoresRankLongerFirstThenExactThenFewerTypos() {
        let twoTypo = MatchScore(words: 2, exact: 0, stemmed: 0, typos: 2)
        let oneExact = MatchScore(words: 1, exact: 1, stemmed: 0, typos: 0)
        let oneStemmed = MatchScore(words: 1, exact: 0, stemmed: 1, typos: 0)
        let oneTypo = MatchScore(words: 1, exact: 0, stemmed: 0, typos: 1)
        #expect(twoTypo > oneExact)
        #expect(oneExact > oneStemmed)
        #expect(oneStemmed > oneTypo)
        #expect(oneTypo.quality == .typo && oneStemmed.quality == .stemmed && oneExact.quality == .exact)
    }

    static let choices = PhraseSet<Int>([
        (0, ["baclofen", "lioresal", "muscle relaxant"]),
        (1, ["detox", "rehab", "stop using"]),
        (2, ["symptoms", "cramps", "can't sleep", "sleep"]),
        (3, ["cramp"]),
    ])

    static let rankingsTable: [Typed<[Int]>] = [
        Typed("baclofen", [0]),
        Typed("tell me about muscle relaxants", [0]),
        Typed("baclofn please", [0]),
        Typed("I want to stop using", [1]),
        Typed("I can't sleep", [2]),
        Typed("cramps", [2]),
        Typed("cramp", [3]),
        Typed("baclofen or detox?", [0, 1]),
        Typed("I don't want detox", []),
        Typed("no rehab, baclofen", [0]),
        Typed("hello there", []),
        Typed("", []),
    ]

    @Test("ranking choices (empty: none, several: a tie to ask about)", arguments: rankingsTable)
    func ranking(_ line: Typed<[Int]>) {
        switch Self.choices.rank(in: NormalizedText(line.input)) {
        case .none: #expect(line.expected == [])
        case .unique(let hit): #expect(line.expected == [hit.id])
        case .ambiguous(let hits): #expect(line.expected == hits.map(\.id))
        }
    }

    @Test func aNegatedChoiceCountsWhenAsked() {
        let ranking = Self.choices.rank(in: NormalizedText("I don't want detox"), includingNegated: true)
        #expect(ranking.unique?.id == 1)
        #expect(ranking.unique?.match.isNegated == true)
    }

    @Test func theLongestOccurrenceWins() {
        let set = PhraseSet<String>([("aches", ["aches"]), ("muscle-aches", ["muscle aches"])])
        #expect(set.longestHits(in: NormalizedText("muscle aches and aches")).map(\.id) == ["muscle-aches", "aches"])
        #expect(set.hits(in: NormalizedText("muscle aches")).map(\.id) == ["muscle-aches", "aches"])
    }

    @Test func anExactOnlySetIgnoresStemsAndTypos() {
        let set = PhraseSet<Int>([(0, ["killing me"])], minimumQuality: .exact)
        #expect(!set.hits(in: NormalizedText("this is killing me")).isEmpty)
        #expect(set.hits(in: NormalizedText("just kill me")).isEmpty)
        #expect(set.hits(in: NormalizedText("kiling me")).isEmpty)
    }

    @Test func aPhraseWithoutWordsNeverMatches() {
        #expect(PhrasePattern("?!").matches(in: NormalizedText("?! anything")).isEmpty)
        #expect(PhraseSet<Int>([(0, ["", "..."])]).rank(in: NormalizedText("anything")).unique == nil)
    }
}
