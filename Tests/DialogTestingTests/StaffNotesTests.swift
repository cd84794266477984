import DialogEngine
import DialogModel
import DialogTesting
import Testing

/// What staff read beside a turn, rendered from its trace: here, turns of the shipped
/// dialogs.
@Suite struct StaffNotesTests {
    static func firstTurn(_ line: String) throws -> Turn {
        let folder = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Dialogs"
        let bundle = try #require(BundleLoader.load(folder: folder).bundle)
        var session = try Session(bundle: bundle)
        _ = session.open()
        return session.respond(to: line)
    }

    @Test func aQuestionReadByAnExampleNamesTheExampleTheWordsAndTheScore() throws {
        let turn = try Self.firstTurn("my kidneys are not great, is baclofen ok for me")
        let example = try #require(turn.matched?.example)
        let score = (example.score * 100).rounded() / 100
        #expect(
            StaffNotes.lines(of: turn).first
                == "question: \(turn.matched?.id ?? ""), like “\(example.text)” (\(example.words.joined(separator: ", ")); score \(score))")
        #expect(example.words.contains("kidneys") && example.words.contains("baclofen"))
    }

    @Test func anIntentReadByAPhraseAddsNoQuestionLine() throws {
        let turn = try Self.firstTurn("how does baclofen work")
        #expect(turn.matched?.by == .intent && turn.matched?.example == nil)
        #expect(!StaffNotes.lines(of: turn).contains { $0.hasPrefix("question:") })
    }
}
