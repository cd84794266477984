@testable import DialogEngine
import DialogMatching
import DialogModel
import TestSupport
import Testing

/// A topic phrase said as a circumstance ("if i go to rehab", "after getting clean")
/// weighs as a single word: the question is about something else.
@Suite struct CircumstanceTests {
    /// Whether `phrase`, found in `line`, follows a circumstance word.
    func isCircumstance(_ phrase: String, in line: String) throws -> Bool {
        let text = NormalizedText(line)
        let words = text.words.map(\.text)
        let wanted = NormalizedText(phrase).words.map(\.text)
        let start = try #require(words.indices.first { Array(words[$0...].prefix(wanted.count)) == wanted })
        return Recognizer.isCircumstance(start..<(start + wanted.count), in: text)
    }

    @Test func aPhraseAfterIfWhileOrAfterIsACircumstance() throws {
        #expect(try isCircumstance("go to rehab", in: "can my job see it on my insurance if i go to rehab"))
        #expect(try isCircumstance("detoxing", in: "what can i take for pain while he is detoxing"))
        #expect(try isCircumstance("detox", in: "does the anxiety ever go away after my detox"))
        #expect(try isCircumstance("desintoxicacion", in: "que comer durante la desintoxicacion"))
    }

    @Test func aPhraseThatIsAskedIsNot() throws {
        #expect(try isCircumstance("go to rehab", in: "how do i go to rehab") == false)
        #expect(try isCircumstance("go to rehab", in: "can i get fired for wanting to go to rehab") == false)
        // "asks if" asks; "look after" is to care for.
        #expect(try isCircumstance("helpline", in: "caller asks if the helpline is free") == false)
        #expect(try isCircumstance("my partner", in: "how do i look after my partner") == false)
        // Too far from the word: "after" governs "the holidays", not the phrase.
        #expect(try isCircumstance("detox", in: "after the long holidays when can i start detox") == false)
    }

    @Test func theQuestionAsIsReachesItsTopicNotTheCircumstance() throws {
        let compiled = try #require(shippedCompiled)
        for (line, intent) in [
            ("can my job see it on my insurance if i go to rehab", "ask_cost"),
            ("does the anxiety after getting clean ever go away", "ask_protracted"),
            ("how do i go to rehab", "ask_detox"),
        ] {
            var session = try Session(compiled)
            _ = session.open()
            let turn = session.respond(to: line)
            #expect(turn.matched?.id == intent, "\(line)")
        }
    }
}
