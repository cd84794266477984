import DialogModel
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
        let catalogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/DialogModel/ModelMessages.swift").standardized
        let source = try String(contentsOf: catalogue, encoding: .utf8)
        var codes = Set(source.components(separatedBy: "code: \"").dropFirst().map { String($0.prefix(5)) })
        codes.insert("IC010")  // IE015 (unknown variable), reported by the validator as "read but never set"
        #expect(codes.count >= 24)
        let shown = Set(Fixtures.names("invalid").flatMap { Fixtures.codes(in: Fixtures.expected("invalid/\($0)") ?? "") })
        #expect(codes.subtracting(shown).sorted() == [])
    }

    @Test("each kind-of-mistake fixture shows its kind", arguments: [
        ("unknown-key", "IC001"), ("missing-key", "IC002"), ("wrong-type", "IC003"), ("duplicate-id", "IC004"),
        ("dangling-node", "IC005"), ("dangling-source", "IC006"), ("unreachable", "IC007"), ("dead-end", "IC008"),
        ("loop", "IC009"), ("never-set", "IC010"), ("unused-resource", "IC011"), ("unused-symptom", "IC012"),
        ("shared-phrase", "IC013"), ("bands", "IC014"), ("missing-crisis-intent", "IC015"), ("crisis-phrase", "IC016"),
        ("region-missing-role", "IC017"), ("unknown-region", "IC018"), ("unknown-scale", "IC019"),
        ("invalid-value", "IC020"), ("two-documents", "IC020"), ("training-sources-from-missing", "IC020"),
        ("missing-setting", "IC021"), ("empty-folder", "IC022"), ("unknown-role", "IC023"), ("else-not-last", "IC024"),
        ("syntax-error", "IY008"), ("training-dangling-source", "IC006"),
        ("rubric-in-intake", "IC025"), ("rubric-phrase-cancelled", "IC026"),
    ])
    func fixtureShowsOnlyItsKind(_ name: String, _ code: String) throws {
        let (_, result) = try Fixtures.checkOutput("invalid/\(name)")
        #expect(Set(result.diagnostics.map(\.diagnostic.code)) == [code])
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

    @Test("every fixture under invalid/ is listed with its kind")
    func everyFixtureIsListed() {
        let listed: Set = [
            "unknown-key", "missing-key", "wrong-type", "duplicate-id", "dangling-node", "dangling-source", "unreachable",
            "dead-end", "loop", "never-set", "unused-resource", "unused-symptom", "shared-phrase", "bands",
            "missing-crisis-intent", "crisis-phrase", "region-missing-role", "unknown-region", "unknown-scale",
            "invalid-value", "two-documents", "training-sources-from-missing", "missing-setting", "empty-folder",
            "unknown-role", "else-not-last", "syntax-error", "training-dangling-source", "expression", "no-knock-on",
            "rubric-in-intake", "rubric-phrase-cancelled",
        ]
        #expect(Set(Fixtures.names("invalid")) == listed)
    }

    // MARK: - Loading as a whole

    @Test("a syntax error in one file is the only problem reported: no knock-on errors from the others")
    func syntaxErrorStopsTheChecksAcrossFiles() throws {
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
