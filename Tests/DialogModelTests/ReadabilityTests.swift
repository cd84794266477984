import DialogModel
import Foundation
import DialogSyntax
import Testing

/// `intake check --readability`: the reading grade of a text, the words of a screen, and
/// the bundle's `readability:` limits and exemptions.
@Suite("Readability")
struct ReadabilityTests {
    @Test(
        "syllables by the rule of thumb",
        arguments: [
            ("cat", 1), ("table", 2), ("make", 1), ("tired", 1), ("wanted", 2), ("baclofen", 3),
            ("withdrawal", 3), ("medicine", 3), ("rarely", 2), ("movement", 2), ("careful", 2),
            ("988", 1), ("off-label", 3), ("yes", 1), ("daily", 2), ("every", 3),
        ])
    func syllables(_ word: String, _ expected: Int) {
        #expect(ReadingMeasure(word).syllables == expected)
    }

    @Test("words and sentences: line breaks and sentence marks end sentences, a mark inside a word does not")
    func sentences() {
        let m = ReadingMeasure("It lasts 7 to 10 days. You may feel ill!\nRest.\nIn the U.S. it is sold as Lioresal. e.g. this")
        #expect(m.sentences == 4)
        // "U.S." is two words of one letter; "e.g." two more.
        #expect(m.words == 23)
        #expect(m.longestSentence == 12)
        // A lower-case word after a full stop goes on with the sentence.
        #expect(ReadingMeasure("Take care. then rest.").sentences == 1)
        #expect(ReadingMeasure("").grade == 0)
        #expect(ReadingMeasure("   \n  ").sentences == 0)
    }

    @Test("the Flesch–Kincaid grade: short plain sentences read low, long words and sentences high")
    func grade() {
        #expect(ReadingMeasure("The cat sat on the mat.").grade == 0)
        let plain = ReadingMeasure("Call 911 now. Stay with him. Give the spray if you have it.")
        #expect(plain.grade < 3)
        let hard = ReadingMeasure(
            """
            Pharmacological management of opioid withdrawal syndrome necessitates individualized \
            consideration of comorbidities, concurrent medications and psychosocial circumstances.
            """)
        #expect(hard.grade > 16)
        // One sentence of 11 words and 17 syllables: 0.39 × 11 + 11.8 × 17 / 11 − 15.59.
        let known = ReadingMeasure("Baclofen is a medicine that can relax tight muscles quite well.")
        #expect(known.words == 11)
        #expect(known.syllables == 17)
        #expect(known.grade == 6.9)
    }

    @Test("a listed term is one short word, however many words it has; a {…} expression is one word")
    func terms() {
        let terms = ReadingTerms(["Poison Help", "buprenorphine", "Poison"])
        let m = ReadingMeasure("Call Poison Help or ask about buprenorphine.", terms: terms)
        #expect(m.words == 6)
        #expect(m.syllables == 7)
        #expect(m.longWords.isEmpty)
        let without = ReadingMeasure("Call Poison Help or ask about buprenorphine.")
        #expect(without.words == 7)
        #expect(without.syllables == 12)
        #expect(without.longWords == ["buprenorphine"])
        #expect(ReadingMeasure("Call {crisis-line} or {emergency} now.").words == 5)
    }

    static let bundle = """
        dialog: t
        title: T
        kind: training
        start: start
        readability:
          grade: 6
          words-per-screen: 20
          terms: [baclofen]
        nodes:
          start:
            say:
              - Baclofen is a muscle relaxant.
              - Pharmacological management necessitates individualized consideration.
            next: middle
          middle:
            say: One two three four five six seven eight nine ten eleven twelve.
            ask: Go on?
            choices:
              - label: Yes
                goto: exempt
              - label: No
                goto: region
          exempt:
            readability:
              exempt: the label's warnings are quoted word for word
            say: Pharmacological management necessitates individualized consideration of contraindications and comorbidities.
            end: true
          region:
            say:
              - text: One two three four five six seven eight nine ten.
                if: region == 'US'
              - text: One two three four five six seven eight nine ten.
                if: region != 'US'
            ask: Is that all for now?
            choices:
              - label: Yes
                goto: exempt
        """

    @Test("IC036 for a text above the grade, IC037 for a screen above its words, at their lines; an exempt node is listed, not checked")
    func check() throws {
        let result = loadTexts(["t.yaml": Self.bundle])
        let bundle = try result.requireBundle()
        #expect(bundle.readability.grade == 6)
        #expect(bundle.readability.wordsPerScreen == 20)
        let found = ReadabilityCheck.diagnostics(of: result).map {
            "\($0.diagnostic.code) \($0.diagnostic.range.start.line) \($0.diagnostic.severity)"
        }
        // Both at node `start` (line 10): its texts read together above grade 6, with a
        // note at the hard text of line 13 (the term keeps line 12 plain); and the screen
        // from `start` through `middle` (5 + 5 + 12 + 2 + 2 words).
        #expect(found == ["IC036 10 warning", "IC037 10 warning"])
        let diagnostics = ReadabilityCheck.diagnostics(of: result).map(\.diagnostic)
        #expect(diagnostics.first?.message.hasPrefix("node `start` reads at grade ") == true)
        #expect(diagnostics.first?.notes.map(\.range.start.line) == [13])
        #expect(diagnostics.last?.message == "a screen of 26 words starts at node `start` (`start` → `middle`), above 20")
        let exempt = ReadabilityCheck.exemptions(of: result)
        #expect(exempt.map(\.node.name) == ["exempt"])
        #expect(exempt.first?.exemption.reason == "the label's warnings are quoted word for word")
        // Without the section, the defaults: grade 8, 120 words.
        let plain = loadTexts(["t.yaml": Self.bundle.replacingOccurrences(of: "  grade: 6\n  words-per-screen: 20\n", with: "")])
        #expect(try plain.requireBundle().readability.wordsPerScreen == ReadabilityLimits.defaultWordsPerScreen)
    }

    @Test(
        "a readability section or exemption that cannot be read is an error",
        arguments: [
            ("readability:\n  grade: 40\n", "IC020"),
            ("readability:\n  grade: eight\n", "IC020"),
            ("readability:\n  words-per-screen: 5\n", "IC020"),
            ("readability:\n  grad: 7\n", "IC001"),
            ("readability: 8\n", "IC003"),
        ])
    func invalidSettings(_ section: String, _ code: String) {
        let result = loadTexts(["t.yaml": "dialog: t\ntitle: T\nkind: training\nstart: a\n" + section + "nodes:\n  a:\n    say: Hi.\n    end: true\n"])
        #expect(result.diagnostics.map(\.diagnostic.code).contains(code), "\(result.renderedDiagnostics())")
        #expect(result.bundle == nil)
    }

    @Test("an exemption needs `exempt:` and a reason", arguments: ["readability: exempt", "readability:\n      exempt:", "readability:\n      because: long"])
    func invalidExemption(_ written: String) {
        let result = loadTexts(["t.yaml": "dialog: t\ntitle: T\nstart: a\nnodes:\n  a:\n    say: Hi.\n    \(written)\n    end: true\n"])
        #expect(result.errorCount > 0, "\(result.renderedDiagnostics())")
    }
}

/// The shipped dialogs hold to their own `readability:` limits and to every warning:
/// `intake check --strict --readability Dialogs` passes.
@Suite("Readability of the shipped dialogs")
struct ShippedReadabilityTests {
    static let folder = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Dialogs"

    @Test("every node and scale reads at the bundle's grade, and every screen fits its words")
    func shippedDialogsReadPlainly() throws {
        let result = try BundleLoader.load(folder: Self.folder, comparingExamples: false)
        let bundle = try result.requireBundle()
        #expect(bundle.readability.grade == 8)
        #expect(bundle.readability.wordsPerScreen == 120)
        let warnings = ReadabilityCheck.diagnostics(of: result)
        #expect(warnings.isEmpty, "\(result.adding(warnings).renderedDiagnostics())")
        // An exemption is for what must be quoted whole; none is needed today.
        #expect(ReadabilityCheck.exemptions(of: result).isEmpty)
    }

    /// `intake check --strict --readability Dialogs` passes: no warning of any kind, the
    /// examples compared with each other's intents (IC033) included.
    @Test func shippedDialogsGiveNoWarning() throws {
        let result = try BundleLoader.load(folder: Self.folder, comparingExamples: true)
        let all = result.adding(ReadabilityCheck.diagnostics(of: result))
        #expect(all.errorCount == 0 && all.warningCount == 0, "\(all.renderedDiagnostics())")
    }
}
