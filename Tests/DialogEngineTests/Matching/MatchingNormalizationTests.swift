import DialogMatching
import DialogEngine
import Testing

@Suite("Matching: normalisation")
struct MatchingNormalizationTests {
    static let wordsTable: [Typed<String>] = [
        // Case, punctuation, spaces.
        Typed("I DON'T know", "i do not know"),
        Typed("  Hello,world!!  ", "hello world"),
        Typed("off-label", "off label"),
        Typed("1.5 mg", "1 5 mg"),
        Typed("#2", "2"),
        Typed("'quoted' words", "quoted words"),
        Typed("a\u{0}b\u{7}c\u{1B}[0md\u{7F}e", "a b c omd e"),
        Typed("tab\tand\r\nnewline", "tab and newline"),
        Typed("I 😀 you", "i you"),
        Typed("", ""),
        Typed("?!.,;:", ""),
        // Apostrophes: ’ ‘ ' ` ´ ʼ.
        Typed("I’m fine", "i am fine"),
        Typed("don`t", "do not"),
        Typed("don´t", "do not"),
        Typed("donʼt", "do not"),
        Typed("‘can’t’", "can not"),
        // Contractions.
        Typed("can't", "can not"),
        Typed("cannot", "can not"),
        Typed("cant", "can not"),
        Typed("won't", "will not"),
        Typed("wont", "will not"),
        Typed("i'm", "i am"),
        Typed("im", "i am"),
        Typed("it's", "it is"),
        Typed("he's", "he is"),
        Typed("she's", "she is"),
        Typed("they're", "they are"),
        Typed("i've", "i have"),
        Typed("i'd", "i would"),
        Typed("i'll", "i will"),
        Typed("isn't", "is not"),
        Typed("aren't", "are not"),
        Typed("wasn't", "was not"),
        Typed("didn't", "did not"),
        Typed("doesn't", "does not"),
        Typed("couldn't", "could not"),
        Typed("shouldn't", "should not"),
        Typed("wouldn't", "would not"),
        Typed("haven't", "have not"),
        Typed("hasn't", "has not"),
        Typed("ain't", "is not"),
        Typed("dont", "do not"),
        Typed("didnt", "did not"),
        Typed("wanna die", "want to die"),
        Typed("gonna", "going to"),
        Typed("let's go", "let us go"),
        Typed("OD'd", "od"),
        Typed("my friend's pills", "my friend pills"),
        Typed("rock'n'roll", "rocknroll"),
        Typed("its", "its"),
        Typed("ill", "ill"),
        // Diacritics.
        Typed("Café", "cafe"),
        Typed("naïve", "naive"),
        Typed("cafe\u{301}", "cafe"),
        Typed("Straße", "strasse"),
        Typed("Œuvre", "oeuvre"),
        Typed("Łódź", "lodz"),
        Typed("İstanbul", "istanbul"),
        Typed("ÀÉÎÕÜ àéîõü Ççñ", "aeiou aeiou ccn"),
        // Greek and Cyrillic letters that look Latin read as Latin; the others stay.
        Typed("ΑΒΓ", "abγ"),
        // Invisible characters, fullwidth, mathematical and look-alike letters.
        Typed("kil\u{200B}l my\u{AD}self", "kill myself"),
        Typed("ｋｉｌｌ ＭＹＳＥＬＦ", "kill myself"),
        Typed("𝐤𝐢𝐥𝐥 𝑚𝑦𝑠𝑒𝑙𝑓", "kill myself"),
        Typed("I w\u{430}nt to kill mys\u{435}lf", "i want to kill myself"),
        // Stretched letters and digits for letters; units and ordinals stay numbers.
        Typed("i wanna dieeee pleaseeee", "i want to die please"),
        Typed("goood feeeel", "good feel"),
        // A letter English seldom doubles, stretched inside a word, is one letter.
        Typed("i want to diiiiiie, freaking ouuut, kiiiill", "i want to die freaking out kill"),
        // Whole-word slips of the words of a crisis.
        Typed("i wnat to dei", "i want to die"),
        Typed("k1ll mys3lf su1c1de 0d", "kill myself suicide od"),
        Typed("10mg at 3am on the 1st, 24h", "10mg at 3am on the 1st 24h"),
        // Chat spellings.
        Typed("kms rn u ur bf gf pls", "kill myself right now you your boyfriend girlfriend please"),
        Typed("i want 2 die, i have 2 kids", "i want to die i have 2 kids"),
    ]

    @Test("words", arguments: wordsTable)
    func normalisedWords(_ line: Typed<String>) {
        #expect(NormalizedText(line.input).joined == line.expected)
    }

    @Test func expandedWordsShareTheRangeOfTheContraction() {
        let text = NormalizedText("I don’t know")
        #expect(text.words.map(\.text) == ["i", "do", "not", "know"])
        #expect(text.original[text.words[1].range] == "don’t")
        #expect(text.original[text.words[2].range] == "don’t")
        #expect(text.original[text.words[3].range] == "know")
        #expect(text.text(of: 1..<4) == "don’t know")
    }

    @Test func aDecomposedAccentStaysInsideItsWordsRange() {
        let text = NormalizedText("un cafe\u{301} noir")
        #expect(text.words.map(\.text) == ["un", "cafe", "noir"])
        #expect(text.original[text.words[1].range] == "cafe\u{301}")
    }

    @Test func sentencesClausesAndQuestions() {
        let text = NormalizedText("What are the signs? My friend won't wake up, help")
        #expect(text.words.map(\.sentence) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1])
        #expect(text.words.map(\.clause) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2])
        #expect(text.questionSentences == [0])
        #expect(text.isQuestion(at: 0))
        #expect(!text.isQuestion(at: 5))
        #expect(NormalizedText("what are the signs of an overdose").isQuestion(at: 3))
        #expect(!NormalizedText("he is not breathing").isQuestion(at: 0))
    }

    @Test func foldLowerCasesFoldsAndUnifiesApostrophesOnly() {
        #expect(TextNormalizer.fold("Ça VA’, Zoë?") == "ca va', zoe?")
    }

    @Test func wordsIsTheNormalisedList() {
        #expect(TextNormalizer.words("I DON'T feel café-ish") == ["i", "do", "not", "feel", "cafe", "ish"])
    }
}
