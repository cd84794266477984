import DialogMatching
import DialogEngine
import Testing

struct WordPair: Sendable, CustomTestStringConvertible {
    var a: String
    var b: String
    init(_ a: String, _ b: String) { self.a = a; self.b = b }
    var testDescription: String { "\(a) ~ \(b)" }
}

@Suite("Matching: stemming")
struct MatchingStemmingTests {
    static let sameStemTable: [WordPair] = [
        WordPair("cramps", "cramp"), WordPair("vomited", "vomiting"), WordPair("vomits", "vomit"),
        WordPair("dying", "die"), WordPair("died", "die"), WordPair("dies", "die"),
        WordPair("aches", "ache"), WordPair("aching", "ached"), WordPair("breathe", "breathing"),
        WordPair("breath", "breathes"), WordPair("overdosed", "overdose"), WordPair("overdosing", "overdoses"),
        WordPair("took", "taking"), WordPair("taken", "take"), WordPair("stopped", "stopping"),
        WordPair("stops", "stop"), WordPair("passes", "passed"), WordPair("babies", "baby"),
        WordPair("cried", "crying"), WordPair("using", "used"), WordPair("uses", "use"),
        WordPair("waking", "wake"), WordPair("woke", "wakes"), WordPair("seizures", "seizure"),
        WordPair("seizing", "seize"), WordPair("hoping", "hope"), WordPair("really", "real"),
        WordPair("could", "can"), WordPair("would", "will"), WordPair("was", "is"), WordPair("ods", "od"),
        WordPair("running", "run"), WordPair("killing", "kill"), WordPair("feelings", "feeling"),
        WordPair("convulsing", "convulse"), WordPair("fainted", "fainting"), WordPair("slept", "sleeping"),
        WordPair("lips", "lip"), WordPair("muscles", "muscle"), WordPair("having", "has"),
    ]

    static let differentStemTable: [WordPair] = [
        WordPair("diet", "die"), WordPair("diet", "dying"), WordPair("good", "od"), WordPair("food", "od"),
        WordPair("hopping", "hoping"), WordPair("skill", "kill"), WordPair("here", "her"), WordPair("care", "car"),
        WordPair("dead", "die"), WordPair("head", "he"), WordPair("thing", "th"), WordPair("change", "hang"),
        WordPair("need", "ne"), WordPair("bled", "bl"), WordPair("less", "le"), WordPair("this", "thi"),
    ]

    @Test("same stem", arguments: sameStemTable)
    func sameStem(_ pair: WordPair) {
        #expect(Stemmer.stem(pair.a) == Stemmer.stem(pair.b), "\(Stemmer.stem(pair.a)) vs \(Stemmer.stem(pair.b))")
    }

    @Test("different stem", arguments: differentStemTable)
    func differentStem(_ pair: WordPair) {
        #expect(Stemmer.stem(pair.a) != Stemmer.stem(pair.b), "both \(Stemmer.stem(pair.a))")
    }

    @Test func shortWordsWordsWithDigitsAndOtherScriptsAreTheirOwnStem() {
        for word in ["od", "die", "2nd", "1000s", "αβγδεζ", "naïves"] {
            #expect(Stemmer.stem(word) == word)
        }
    }

    @Test(
        "a phrase matches its word's other forms, as a whole word only",
        arguments: [
            Typed("she keeps vomiting", true), Typed("I vomited twice", true), Typed("he vomits", true),
            Typed("vomitorium", false), Typed("the vomit", true),
        ])
    func stemmedPhrase(_ line: Typed<Bool>) {
        #expect(!PhrasePattern("vomit").matches(in: NormalizedText(line.input)).isEmpty == line.expected)
    }
}

@Suite("Matching: typos")
struct MatchingTypoTests {
    static let oneTypoTable: [WordPair] = [
        WordPair("overdosd", "overdose"), WordPair("suicidel", "suicidal"), WordPair("siezure", "seizure"),
        WordPair("vomitng", "vomiting"), WordPair("diarhea", "diarrhea"), WordPair("unresponsve", "unresponsive"),
        WordPair("breathng", "breathing"), WordPair("craamps", "cramps"), WordPair("baclofn", "baclofen"),
        WordPair("ubconscious", "unconscious"), WordPair("aslep", "asleep"), WordPair("rdehab", "rehab"),
        WordPair("sleepp", "sleep"), WordPair("abcde", "bacde"),
    ]

    static let notATypoTable: [WordPair] = [
        // Short words are never tolerated.
        WordPair("diet", "die"), WordPair("dye", "die"), WordPair("skill", "kill"), WordPair("good", "od"),
        WordPair("food", "od"), WordPair("kil", "kill"),
        // Two edits.
        WordPair("ovrdosd", "overdose"), WordPair("suicdel", "suicidal"), WordPair("sezuir", "seizure"),
        // A different first letter.
        WordPair("painting", "fainting"), WordPair("burning", "turning"), WordPair("leisure", "seizure"),
        WordPair("painted", "fainted"),
        // Everyday words, typed, are meant: "I'm doing fine" is not "dying".
        WordPair("doing", "dying"), WordPair("living", "giving"), WordPair("forming", "foaming"),
        WordPair("depth", "death"), WordPair("backing", "blacking"), WordPair("gargling", "gurgling"),
        // Numbers.
        WordPair("12345", "12346"), WordPair("2019s", "2018s"),
        // Equal words are a match, not a typo.
        WordPair("seizure", "seizure"),
    ]

    @Test("one typo", arguments: oneTypoTable)
    func oneTypo(_ pair: WordPair) {
        #expect(Typo.isOneTypo(pair.a, pair.b))
        #expect(Typo.isOneTypo(pair.b, pair.a))
        let match = PhrasePattern(pair.b).matches(in: NormalizedText("I think \(pair.a) now")).first
        #expect(match?.quality == .typo)
    }

    @Test("not a typo", arguments: notATypoTable)
    func notATypo(_ pair: WordPair) {
        #expect(!Typo.isOneTypo(pair.a, pair.b))
        if pair.a != pair.b, Stemmer.stem(pair.a) != Stemmer.stem(pair.b) {
            #expect(PhrasePattern(pair.b).matches(in: NormalizedText("I think \(pair.a) now")).isEmpty)
        }
    }

    @Test func aTypoOnAStemCounts() {
        // "ovrdosing" is far from "overdose" as typed; its stem "ovrdos" is one edit from "overdos".
        #expect(PhrasePattern("overdose").matches(in: NormalizedText("he is ovrdosing")).first?.quality == .typo)
    }
}
