@testable import DialogModel
import DialogSyntax
import Foundation
import Testing

/// The validator on whole bundles: one fixture folder per kind of mistake, each paired
/// with exactly what `intake check` prints for it.
@Suite("Fixture bundles")
struct FixtureTests {
    @Test("a valid bundle loads with no diagnostic", arguments: Fixtures.names("valid"))
    func validBundleLoads(_ name: String) throws {
        let result = try Fixtures.load("valid/\(name)")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics())")
        #expect(result.bundle != nil)
    }

    @Test("an invalid bundle reports exactly its expected diagnostics", arguments: Fixtures.names("invalid"))
    func invalidBundleReportsItsMistake(_ name: String) throws {
        let relative = "invalid/\(name)"
        let (output, result) = try Fixtures.checkOutput(relative)
        if Fixtures.recording {
            try Fixtures.record(output, for: relative)
            return
        }
        let expected = try #require(Fixtures.expected(relative), "no expected.txt: record it with RECORD_FIXTURES=1, then read it")
        #expect(output == expected)
        #expect(!result.diagnostics.isEmpty, "a fixture under invalid/ must have a mistake")
        // A bundle with errors never half-loads; one with warnings only loads.
        #expect((result.bundle == nil) == (result.errorCount > 0))
    }

    @Test("every code of the model's catalogue has a fixture that shows it")
    func everyCodeHasAFixture() throws {
        var codes = Set(ModelMessage.Code.allCases.map(\.rawValue))
        codes.remove("IC027")  // a file over 16 MB: made at test time by aFileOverTheSizeLimit, never committed
        // Readability (IC036, IC037) is an author's check with fixtures of its own (ReadabilityTests).
        codes.subtract(["IC036", "IC037"])
        #expect(codes.count >= 24)
        let shown = Set(Fixtures.names("invalid").flatMap { Fixtures.codes(in: Fixtures.expected("invalid/\($0)") ?? "") })
        #expect(codes.subtracting(shown).sorted() == [])
    }

    @Test(
        "each kind-of-mistake fixture shows its kind",
        arguments: [
            ("unknown-key", "IC001"), ("missing-key", "IC002"), ("wrong-type", "IC003"), ("duplicate-id", "IC004"),
            ("dangling-node", "IC005"), ("dangling-source", "IC006"), ("unreachable", "IC007"), ("dead-end", "IC008"),
            ("loop", "IC009"), ("never-set", "IC010"), ("unused-resource", "IC011"), ("unused-symptom", "IC012"),
            ("shared-phrase", "IC013"), ("shared-choice-id", "IC028"), ("bands", "IC014"), ("missing-crisis-intent", "IC015"), ("crisis-phrase", "IC016"),
            ("region-missing-role", "IC017"), ("unknown-region", "IC018"), ("unknown-scale", "IC019"),
            ("invalid-value", "IC020"), ("two-documents", "IC020"), ("training-sources-from-missing", "IC020"),
            ("missing-setting", "IC021"), ("empty-folder", "IC022"), ("unknown-role", "IC023"), ("else-not-last", "IC024"),
            ("syntax-error", "IY008"), ("training-dangling-source", "IC006"),
            ("rubric-in-intake", "IC025"), ("rubric-phrase-cancelled", "IC026"), ("invalid-threshold", "IC035"), ("invalid-pass-mark", "IC041"),
            ("example-reads-as-another", "IC033"), ("shared-example", "IC034"),
            ("out-of-bounds", "IC038"), ("loop-without-input", "IC039"), ("chain-without-input", "IC040"),
        ])
    func fixtureShowsOnlyItsKind(_ name: String, _ code: String) throws {
        let (_, result) = try Fixtures.checkOutput("invalid/\(name)")
        // The nodes only a dangling `goto` or a missing crisis intent would lead to are
        // said to be unreachable alongside: every problem at once.
        // The dead-end fixture has the other kind of dead end too: a `branch` without `else`.
        let alongside: Set<String> =
            ["dangling-node", "missing-crisis-intent"].contains(name) ? ["IC007"] : name == "dead-end" ? ["IC042"] : []
        #expect(Set(result.diagnostics.map(\.diagnostic.code)) == Set([code]).union(alongside))
    }

    @Test("an unreachable node is said alongside errors, with the dangling reference that may be meant for it")
    func unreachableAlongsideErrors() throws {
        var files = try Fixtures.files("valid/minimal")
        // An error elsewhere (a resource of an unknown region) does not hide a node nothing leads to.
        files.append(("extra.yaml", Array("nodes:\n  lonely:\n    say: Hello.\n    end: true\n  typo:\n    say: Hi.\n    next: lonley\n".utf8)))
        let result = BundleLoader.load(files: files)
        let unreachable = result.diagnostics.filter { $0.diagnostic.code == "IC007" }
        #expect(result.diagnostics.contains { $0.diagnostic.code == "IC005" })
        // `typo` is unreachable on its own; `lonely` because of the typo, which the hint names.
        #expect(unreachable.map(\.diagnostic.message).sorted() == ["node `extra.lonely` cannot be reached", "node `extra.typo` cannot be reached"])
        let hint = try #require(unreachable.first { $0.diagnostic.message.contains("lonely") }?.diagnostic.hint)
        #expect(hint.contains("`lonley`") && hint.contains("extra.yaml:7") && hint.contains("may be meant for it"))
    }

    @Test("the concepts fixture shows each problem of concepts and patterns once")
    func conceptsFixture() throws {
        let (_, result) = try Fixtures.checkOutput("invalid/concepts")
        #expect(result.diagnostics.map(\.diagnostic.code) == ["IC030", "IC031", "IC029", "IC032"])
    }

    @Test("the expression fixture shows only expression codes")
    func expressionFixture() throws {
        let (_, result) = try Fixtures.checkOutput("invalid/expression")
        #expect(result.diagnostics.map(\.diagnostic.code) == ["IE024", "IE019", "IE001", "IE013"])
    }

    @Test("mistakes are reported without their knock-on effects")
    func noKnockOnErrors() throws {
        let (_, result) = try Fixtures.checkOutput("invalid/no-knock-on")
        #expect(result.diagnostics.map(\.diagnostic.code) == ["IC003", "IC002", "IC020", "IE007", "IC020"])
    }

    @Test("a session's load leaves out the checks of examples, and only those")
    func sessionsSkipTheExampleComparison() throws {
        let folder = Fixtures.root + "/invalid/example-reads-as-another"
        let authoring = try BundleLoader.load(folder: folder)
        let session = try BundleLoader.load(folder: folder, comparingExamples: false)
        #expect(authoring.diagnostics.map(\.diagnostic.code) == ["IC033", "IC033"])
        #expect(session.diagnostics.isEmpty)
        let shared = try BundleLoader.load(folder: Fixtures.root + "/invalid/shared-example", comparingExamples: false)
        #expect(shared.diagnostics.isEmpty)
        #expect(try BundleLoader.load(folder: Fixtures.root + "/invalid/shared-example").diagnostics.map(\.diagnostic.code) == ["IC034"])
    }

    @Test("every fixture under invalid/ is listed with its kind")
    func everyFixtureIsListed() {
        let listed: Set = [
            "unknown-key", "missing-key", "wrong-type", "duplicate-id", "dangling-node", "dangling-source", "unreachable",
            "dead-end", "loop", "never-set", "unused-resource", "unused-symptom", "shared-phrase", "bands",
            "missing-crisis-intent", "crisis-phrase", "region-missing-role", "unknown-region", "unknown-scale",
            "invalid-value", "two-documents", "training-sources-from-missing", "missing-setting", "empty-folder",
            "unknown-role", "else-not-last", "syntax-error", "training-dangling-source", "expression", "no-knock-on",
            "concepts",
            "rubric-in-intake", "rubric-phrase-cancelled", "shared-choice-id", "invalid-threshold",
            "example-reads-as-another", "shared-example", "out-of-bounds", "loop-without-input", "chain-without-input",
            "invalid-pass-mark", "syntax-error-after-a-mistake", "syntax-error-before-mistakes", "every-problem-at-once",
        ]
        #expect(Set(Fixtures.names("invalid")) == listed)
    }

    // MARK: - Loading as a whole

    @Test("a syntax error in one file sets off no knock-on errors in the others")
    func aSyntaxErrorHasNoKnockOnErrors() throws {
        let result = try Fixtures.load("invalid/syntax-error")
        #expect(result.bundle == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.allSatisfy { $0.diagnostic.code.hasPrefix("IY") && $0.path.hasSuffix("/screening.yaml") })
    }

    @Test("one broken file among good ones: no bundle")
    func oneBrokenFileMeansNoBundle() throws {
        var files = try Fixtures.files("valid/minimal")
        #expect(BundleLoader.load(files: files).bundle != nil)
        // A syntax error…
        files.append(("extra.yaml", Array("nodes:\n  x: [unclosed\n".utf8)))
        #expect(BundleLoader.load(files: files).bundle == nil)
        // …or a file that reads but does not validate.
        files[files.count - 1] = ("extra.yaml", Array("nodes:\n  x:\n    say: Hello.\n".utf8))
        let result = BundleLoader.load(files: files)
        #expect(result.bundle == nil)
        #expect(result.diagnostics.map(\.diagnostic.code) == ["IC008"])
    }

    @Test("a syntax error leaves its file out and the other files are still checked, without knock-on errors")
    func aSyntaxErrorHidesNothingElse() throws {
        var files = try Fixtures.files("valid/minimal")
        files.append(("extra.yaml", Array("nodes:\n  x: [unclosed\n".utf8)))
        // Another file's own mistakes are reported; what it names in the unread file is not.
        files.append(
            (
                "other.yaml",
                Array(
                    """
                    nodes:
                      y:
                        say:
                          - text: "{missing_variable}"
                            source: no-such-source
                        choices:
                          - label: Into the unread file
                            goto: extra.x
                          - label: Nowhere
                            goto: intake.nowhere
                          - label: A typo
                            chioces: []
                            goto: y

                    """.utf8)
            ))
        let result = BundleLoader.load(files: files)
        #expect(result.bundle == nil)
        let codes = result.diagnostics.map(\.diagnostic.code)
        #expect(codes.contains { $0.hasPrefix("IY") })
        #expect(result.diagnostics.contains { $0.diagnostic.code == "IC005" && $0.diagnostic.message.contains("intake.nowhere") })
        #expect(result.diagnostics.contains { $0.diagnostic.code == "IC001" && $0.diagnostic.message.contains("chioces") })
        // Not reported: the node and the variable that the unreadable node entry may
        // define, nor a node only it may lead to. A source it cannot define: its
        // `nodes:` holds no reference list.
        #expect(!result.diagnostics.contains { $0.diagnostic.message.contains("extra.x") })
        #expect(!codes.contains("IC010") && !codes.contains("IC007"))
        #expect(result.diagnostics.contains { $0.diagnostic.code == "IC006" && $0.diagnostic.message.contains("no-such-source") })
    }

    @Test(
        "what an unreadable part of a file hides depends on where it is",
        arguments: [
            // (the damaged file, the codes reported besides its syntax error). other.yaml's
            // node `y` names a source nobody defines, and nothing leads to it (IC006, IC007).
            // An entry of `sources:` may be the missing source; a part of one cannot.
            ("sources:\n  no-such-source: [unclosed\n", ["IC007"]),
            ("sources:\n  other:\n    citation: [unclosed\n", ["IC006", "IC007"]),
            // A node's `say:` holds no way forward: `z` and `z2` cannot be reached either.
            ("nodes:\n  z:\n    say: \"unclosed\n    next: z2\n  z2:\n    end: true\n", ["IC006", "IC007", "IC007", "IC007"]),
            // Its `next:` may: what can be reached is not known until it is mended.
            ("nodes:\n  z:\n    next: [unclosed\n  z2:\n    end: true\n", ["IC006"]),
            // What the summary calls the file holds no way forward and no source.
            ("topic: \"unclosed\nnodes:\n  z:\n    end: true\n", ["IC006", "IC007", "IC007"]),
            // A key the language does not know may have been meant for anything.
            ("what: \"unclosed\nnodes:\n  z:\n    end: true\n", [String]()),
            // So may one that is read whole but close to no known key (IC001).
            ("steps:\n  z:\n    end: true\n", ["IC001"]),
        ])
    func whatASyntaxErrorHides(_ damaged: String, _ codes: [String]) throws {
        var files = try Fixtures.files("valid/minimal")
        files.append(("extra.yaml", Array(damaged.utf8)))
        files.append(("other.yaml", Array("nodes:\n  y:\n    say: Hi.\n    source: no-such-source\n    end: true\n".utf8)))
        let result = BundleLoader.load(files: files)
        let found = result.diagnostics.map(\.diagnostic.code).filter { !$0.hasPrefix("IY") }
        #expect(found.sorted() == codes, "\(result.renderedDiagnostics())")
    }

    @Test("a bundle with warnings only loads")
    func warningsOnlyLoad() throws {
        let result = try Fixtures.load("invalid/unreachable")
        #expect(result.bundle != nil)
        #expect(result.errorCount == 0)
        #expect(result.warningCount == 1)
    }

    @Test("a folder that cannot be read throws; an empty one is a diagnostic")
    func unreadableFolders() throws {
        #expect(throws: BundleReadError.self) { try BundleLoader.load(folder: Fixtures.root + "/no-such-folder") }
        let empty = BundleLoader.load(files: [])
        #expect(empty.bundle == nil)
        #expect(empty.diagnostics.map(\.diagnostic.code) == ["IC022"])
    }

    /// A copy of `valid/minimal` in a new temporary folder, for links and files made at
    /// test time; the caller removes it.
    private func scratchCopyOfMinimal() throws -> String {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("intake-loader-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: Fixtures.root + "/valid/minimal") where name.hasSuffix(".yaml") {
            try fm.copyItem(atPath: Fixtures.root + "/valid/minimal/" + name, toPath: folder + "/" + name)
        }
        return folder
    }

    @Test(
        "a dangling link or a link loop among the files throws, naming the link",
        arguments: [
            ("gone.yaml", "nowhere.yaml", "No such file or directory"),
            ("a.yaml", "a.yaml", "Too many levels of symbolic links"),
        ])
    func linksThatCannotBeRead(link: String, target: String, reason: String) throws {
        let folder = try scratchCopyOfMinimal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try BundleLoader.load(folder: folder).bundle != nil)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + link, withDestinationPath: target)
        let error = #expect(throws: BundleReadError.self) { try BundleLoader.load(folder: folder) }
        #expect(error?.description == "cannot read \(folder)/\(link): \(reason)")
    }

    @Test("a link to a folder, or a loop without the .yaml suffix, is not a dialog file and is skipped")
    func linksThatAreNotDialogFiles() throws {
        let folder = try scratchCopyOfMinimal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/again.yaml", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop", withDestinationPath: "loop")
        #expect(try BundleLoader.load(folder: folder).bundle != nil)
    }

    @Test("a file over the size limit is not read: one error at its start, and no checks across files")
    func aFileOverTheSizeLimit() throws {
        let folder = try scratchCopyOfMinimal()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Sparse: the size is what counts, the file is never read.
        let path = folder + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("nodes:\n".utf8)))
        #expect(truncate(path, off_t(BundleLoader.maxFileSize + 1)) == 0)
        let result = try BundleLoader.load(folder: folder)
        #expect(result.bundle == nil)
        #expect(
            result.renderedDiagnostics() == """
                \(path):1:1: error: the file is 16.0 MB, more than the 16 MB a dialog file may have [IC027]
                  hint: split it into smaller files, or check that it is the file you meant

                """)
    }

    @Test("a training bundle reuses the sources of the bundle `sources-from` names, and needs no crisis intents")
    func trainingBundleWithSourcesFrom() throws {
        let bundle = try Fixtures.load("valid/training").requireBundle()
        #expect(bundle.kind == .training)
        #expect(bundle.intents.isEmpty)
        #expect(bundle.sources["lioresal-label"]?.url == "https://dailymed.nlm.nih.gov/")
        // A choice phrase that holds a crisis phrase is no mistake in training: staff speak.
        let caller = try #require(bundle.nodes[NodeID(file: "module", name: "caller")])
        #expect(caller.choices[0].match.map(\.text) == ["call 911", "not breathing"])
    }

    @Test("text values are kept as written: phone numbers, hours")
    func textValuesAsWritten() throws {
        let bundle = try Fixtures.load("valid/minimal").requireBundle()
        func resource(_ id: String) throws -> Resource { try #require(bundle.resources.first { $0.id == id }) }
        #expect(try resource("uk-frank").phone == "0300 123 6600")
        #expect(try resource("uk-frank").hours == "24/7")
        #expect(try resource("us-emergency").phone == "911")
        #expect(try resource("us-988").text == "988")
        #expect(try resource("us-samhsa").phone == "1-800-662-4357")
        #expect(try resource("uk-samaritans").phone == "116 123")
        #expect(bundle.resource(role: "emergency", region: "UK")?.phone == "999")
    }
}
