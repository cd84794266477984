import DialogModel
import DialogSyntax
import DialogTesting
import Foundation
import Testing

/// The fixtures beside this file: bundles, test files and the expected outputs.
enum Fixtures {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Fixtures"
    }()

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
    }

    static func text(_ relative: String) throws -> String {
        String(decoding: try bytes(relative), as: UTF8.self)
    }

    /// The `*.yaml` files of a fixture bundle, with paths relative to `Fixtures/`.
    static func bundleFiles(_ folder: String) throws -> [(path: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ("\(folder)/\($0)", try bytes("\(folder)/\($0)")) }
    }

    /// A fixture bundle loaded with paths relative to `Fixtures/`, so reports read the same
    /// on every machine.
    static func load(_ folder: String) -> BundleOutcome {
        guard let files = try? bundleFiles(folder), !files.isEmpty else { return .failed(reason: "no such fixture", details: "") }
        let result = BundleLoader.load(files: files)
        guard let loaded = LoadedBundle(result) else { return .failed(reason: "it has errors", details: result.renderedDiagnostics()) }
        return .loaded(loaded)
    }

    static func loaded(_ folder: String) throws -> LoadedBundle {
        guard case .loaded(let b) = load(folder) else {
            Issue.record("the fixture bundle \(folder) does not load")
            throw FixtureError()
        }
        return b
    }

    struct FixtureError: Error {}

    /// Parses the test files of a fixture folder, named relative to `Fixtures/`.
    static func testFiles(_ folder: String) throws -> [TestFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).filter { $0.hasSuffix(".test") }.sorted()
        return try names.map { TestParser.parse(try bytes("\(folder)/\($0)"), path: "\(folder)/\($0)") }
    }

    /// Runs test files against the fixture bundles, without timing.
    static func run(_ files: [TestFile], coverage: Bool = false, update: Bool = false, filter: String? = nil) -> SuiteResult {
        TestRunner(options: RunOptions(filter: filter, coverage: coverage, update: update, measure: false), loadBundle: load).run(files)
    }

    /// Compares text with an expected file under `Fixtures/expected/`; with
    /// `INTAKE_RECORD=1` in the environment, writes the file instead (review the diff).
    static func expectMatches(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = root + "/expected/" + name
        if ProcessInfo.processInfo.environment["INTAKE_RECORD"] == "1" {
            try FileManager.default.createDirectory(atPath: root + "/expected", withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try Fixtures.text("expected/" + name)
        #expect(text == expected, "differs from Fixtures/expected/\(name)", sourceLocation: sourceLocation)
    }
}

/// A test file's diagnostics, rendered as `intake test` prints them.
func rendered(_ file: TestFile) -> String {
    DiagnosticRenderer.render(file.diagnostics, in: file.source)
}
