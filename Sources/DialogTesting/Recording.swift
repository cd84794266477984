import DialogModel

/// Golden tests from tests that ran: each test's lines replayed with each distinct turn
/// pinned in full once (`intake test --record FILE`). Hand-written tests check what
/// matters to their author; the recording pins every word a person reads along the same
/// lines, so that no change of text goes unseen.
package enum Recording {
    /// A test file replaying every test of `result` (run with kept turns), with each
    /// test's start, region, seed and preset variables; `bundle:` when given.
    package static func goldenTests(_ result: SuiteResult, files: [TestFile], bundle header: String?) -> String {
        var lines = [
            "# Golden tests written by intake test --record: the lines of each test, each distinct",
            "# turn pinned in full once. They pin what the dialogs say today: review them, and after",
            "# a deliberate change rewrite their texts with intake test --update.",
        ]
        if let header { lines.append("bundle: \(header)") }
        var pins = GoldenPins()
        for fileResult in result.files {
            guard let file = files.first(where: { $0.path == fileResult.path }) else { continue }
            for test in fileResult.tests {
                guard let written = file.tests.first(where: { $0.range == test.range }) else { continue }
                let own = written.section, setup = file.setup
                var test = TestText.test(
                    named: "\(fileResult.path): \(test.name)", turns: test.turns,
                    start: (own.start ?? setup.start)?.value,
                    region: (own.region ?? setup.region)?.value,
                    seed: (own.seed ?? setup.seed)?.value
                ) { pins.isNew($0) }
                test.insert(contentsOf: (setup.presets + own.presets).map { "set \($0.name): \($0.value)" }, at: 1)
                lines.append("")
                lines += test
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
