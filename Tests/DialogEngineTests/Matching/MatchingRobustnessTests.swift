import DialogMatching
import DialogEngine
import DialogModel
import Testing

/// Random lines, from a fixed seed: control bytes, combining marks, apostrophes,
/// punctuation, emoji, crisis words and very long lines. Nothing may trap, and what comes
/// out must hold together.
@Suite("Matching: random input")
struct MatchingRobustnessTests {
    static let pieces: [String] = [
        "a", "e", "z", "Q", "é", "e\u{301}", "\u{301}", "ß", "İ", "Ω", "ж", "中", "😀", "👩‍👩‍👧", "1", "2nd", "#", " ",
        "  ", "\t", "\n", "\r\n", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "'", "’", "`", "´",
        "-", "—", ".", "..", ",", ";", ":", "?", "!", "(", ")", "\"", "n't", "'s", "'d", "don't", "can't", "not",
        "no", "never", "but", "and", "i", "overdose", "want to die", "not breathing", "won't wake up", "suicidal",
        "last year", "used to", "signs", "killing me", "dead tired", "good", "food", "diet", "skill", "yes", "nope",
        "second", "one", "\u{FEFF}", "\u{200B}", "\u{FFFD}", "\u{10FFFF}",
    ]

    static func randomLine(_ rng: inout SplitMix64, pieces count: Int) -> String {
        var line = ""
        for _ in 0..<count {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                // Any scalar at all, surrogates excepted.
                let value = UInt32.random(in: 0...0x10FFFF, using: &rng)
                if let scalar = Unicode.Scalar(value) { line.unicodeScalars.append(scalar) }
            } else {
                line += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
        }
        return line
    }

    static func check(_ line: String) {
        let text = NormalizedText(line)
        // One expectation per property, not per word: a 100 KB line has 20 000 words.
        var previous = line.startIndex
        var sentence = 0, clause = 0
        var wellFormed = true
        for word in text.words {
            wellFormed =
                wellFormed && !word.text.isEmpty && !word.stem.isEmpty
                && word.range.lowerBound >= previous && word.range.upperBound <= line.endIndex
                && word.sentence >= sentence && word.clause >= clause
                && !word.text.contains(" ") && !word.text.contains("'")
            previous = word.range.lowerBound
            sentence = word.sentence
            clause = word.clause
        }
        #expect(wellFormed)
        #expect(text.scopes.clauses.count == text.words.count)
        #expect(text.words.indices.allSatisfy { i in text.scopes.negationCue(of: i).map { $0 < i } ?? true })
        if let report = matchingDetector.detect(in: text) {
            #expect(!report.occurrences.isEmpty)
            #expect(!report.also.contains(report.kind))
        }
        _ = matchingSymptoms.mentions(in: text)
        _ = YesNo.read(text)
        _ = Ordinals.read(text)
    }

    @Test func shortRandomLinesNeverTrap() {
        var rng = SplitMix64(seed: 0x1A7A_5E55)
        for _ in 0..<2000 {
            Self.check(Self.randomLine(&rng, pieces: Int.random(in: 0..<40, using: &rng)))
        }
    }

    @Test func hundredKilobyteLinesNeverTrap() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<4 {
            var line = ""
            while line.utf8.count < 100_000 { line += Self.randomLine(&rng, pieces: 64) }
            Self.check(line)
        }
        // One word of 100 KB, and 100 KB of punctuation.
        Self.check(String(repeating: "a", count: 100_000))
        Self.check(String(repeating: "?,'", count: 34_000))
    }

    @Test func aMegabyteLineIsReadInOnePass() {
        let line = String(repeating: "no I'm not suicidal but i overdosed last year, ", count: 22_000)
        #expect(line.utf8.count > 1_000_000)
        let text = NormalizedText(line)
        #expect(text.words.count == 22_000 * 10)
        let report = matchingDetector.detect(in: text)
        #expect(report?.level == .resources)
        #expect(report?.kind == .overdoseSelf)
        #expect(report?.also == [.suicide])
        let control = String(repeating: "\u{0}\u{1}\u{7}x", count: 250_000)
        #expect(NormalizedText(control).words.count == 250_000)
        #expect(matchingDetector.detect(control) == nil)
    }
}
