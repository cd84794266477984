import DialogEngine
import DialogModel
import DialogSyntax
import Testing

/// A topic intent with `detect: [amount]`: a question about an amount or a schedule of
/// a medicine, however the amount is written, asks its question.
@Suite struct AmountQuestionTests {
    static let files = topicTestBundle(
        intents: """
              ask_dosing:
                label: Doses
                detect: [amount]
                examples: ["what dose of baclofen should i take"]
                goto: dosing
                return: true
              ask_mixing:
                label: Baclofen with alcohol
                match: ["drink on baclofen"]
                examples: ["can i drink while taking baclofen"]
                goto: mixing
                return: true

            """,
        nodes: """
              dosing:
                say: I can't give doses. Your prescriber or pharmacist can.
                next: welcome
              mixing:
                say: Alcohol and baclofen together slow breathing.
                next: welcome

            """)

    static func reply(to line: String) throws -> Turn {
        var session = try openedSession(files)
        return session.respond(to: line)
    }

    @Test(
        "an amount asked about is a dose question, with the amount as the matched phrase",
        arguments: [
            ("is 10mg ok", "10mg"),
            ("can i take 2 of my 10s", "2 of my 10s"),
            ("half a strip enough?", "half a strip"),
            ("¿puedo tomar 2 pastillas?", "2 pastillas"),
            ("would 5 to 10 of them be too many", "5 to 10 of them"),
            ("what about two tablets at bedtime", "two tablets"),
            ("i took 10mg, is that ok", "10mg"),
            ("i take 2 a day, can i take 3", "2 a day"),
        ])
    func askedAmounts(_ line: String, _ amount: String) throws {
        let turn = try Self.reply(to: line)
        #expect(turn.matched?.id == "ask_dosing", "\(line)")
        #expect(turn.matched?.phrase == amount, "\(line)")
        #expect(turn.crisis == nil, "\(line)")
        #expect(turn.say.first == "I can't give doses. Your prescriber or pharmacist can.")
    }

    @Test(
        "an amount told, a number that is no amount, or a question without one is not a dose question",
        arguments: [
            "i take 2 a day and cant sleep",
            "ive been using for 10 years, is that bad",
            "can i call 988 at 2am",
            "im in my 20s, is that too young for this",
            "can i drink on baclofen",
            "day 3, when does it get better?",
            "i do dialysis 3 times a week, can i take baclofen",
            "can i have a couple beers while i come off the pills",
            "i only have one kidney, is that ok",
            "i have two kids at home, is that bad",
        ])
    func notAmountQuestions(_ line: String) throws {
        let turn = try Self.reply(to: line)
        #expect(turn.matched?.id != "ask_dosing", "\(line)")
    }

    @Test("`detect` is for topic intents, with a known reader")
    func detectIsChecked() {
        for (intent, problem) in [
            ("x: {crisis: suicide, match: [a], detect: [amount], goto: welcome}", "`detect` is for topic intents"),
            ("x: {detect: [amounts], goto: welcome}", "unknown reader `amounts` in `detect`"),
        ] {
            let result = BundleLoader.load(files: [("t.yaml", Array("dialog: t\ntitle: T\nkind: training\nstart: welcome\nintents:\n  \(intent)\nnodes:\n  welcome: {say: Hi., end: true}\n".utf8))])
            #expect(result.diagnostics.contains { $0.diagnostic.code == "IC020" && $0.diagnostic.message == problem }, "\(result.renderedDiagnostics())")
        }
        // A topic intent read by its reader alone needs no phrase or example.
        let alone = BundleLoader.load(files: [
            ("t.yaml", Array("dialog: t\ntitle: T\nkind: training\nstart: welcome\nintents:\n  x: {detect: [amount], goto: welcome}\nnodes:\n  welcome: {say: Hi., end: true}\n".utf8))
        ])
        #expect(alone.errorCount == 0, "\(alone.renderedDiagnostics())")
    }
}
