import DialogModel
import DialogSyntax
import Foundation
import TestSupport
import Testing

/// The fixture bundles under `Fixtures/`.
///
/// `valid/NAME` are bundles that pass every check. Each `invalid/NAME` is a bundle with
/// one kind of mistake (a copy of `valid/minimal` with the mistake, or a tiny bundle of
/// its own) and an `expected.txt` that holds exactly what `intake check invalid/NAME`
/// prints on standard error when it runs in `Fixtures/`.
///
/// `RECORD_FIXTURES=1 swift test --filter DialogModelTests` rewrites the `expected.txt`
/// files from what the loader reports now. Read every recorded file before committing
/// it: a wrong expectation is a defect.
enum Fixtures {
    /// `Tests/DialogModelTests/Fixtures`.
    static let root = modelFixturesFolder

    static var recording: Bool { recordingFixtures }

    /// The bundle folders of a group (`valid`, `invalid`), sorted.
    static func names(_ group: String) -> [String] { subfolders(of: root + "/" + group) }

    /// Loads a fixture bundle, by its path under `Fixtures/` (`invalid/loop`).
    static func load(_ relative: String) throws -> LoadResult {
        try BundleLoader.load(folder: root + "/" + relative)
    }

    /// What `intake check RELATIVE`, run in `Fixtures/`, prints on standard error: every
    /// diagnostic, then, when the bundle did not load, the count of errors and warnings.
    /// Paths are made relative to `Fixtures/`, as `intake check` prints them there.
    static func checkOutput(_ relative: String) throws -> (stderr: String, result: LoadResult) {
        let result = try load(relative)
        var out = result.renderedDiagnostics()
        if result.bundle == nil {
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            out += "\(root)/\(relative): \(plural(result.errorCount, "error")), \(plural(result.warningCount, "warning"))\n"
        }
        return (out.replacingOccurrences(of: root + "/", with: ""), result)
    }

    static func expectedPath(_ relative: String) -> String { expectedCheckOutputPath(relative) }

    /// The recorded output of a fixture; nil when none is recorded.
    static func expected(_ relative: String) -> String? { expectedCheckOutput(relative) }

    static func record(_ output: String, for relative: String) throws {
        try output.write(toFile: expectedPath(relative), atomically: true, encoding: .utf8)
    }

    /// The `*.yaml` files of a fixture bundle as the in-memory loader takes them.
    static func files(_ relative: String) throws -> [(path: String, bytes: [UInt8])] {
        let folder = root + "/" + relative
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    /// The diagnostic codes an output names, such as `IC005`, in order of appearance.
    static func codes(in output: String) -> [String] {
        var codes: [String] = []
        var rest = Substring(output)
        while let open = rest.range(of: " [I") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "]") else { break }
            codes.append("I" + after[..<close])
            rest = after[close...]
        }
        return codes
    }
}

/// Loads a bundle from texts, by file name: `["t.yaml": "nodes: …"]`.
func loadTexts(_ files: [String: String]) -> LoadResult {
    BundleLoader.load(files: files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
}

extension LoadResult {
    /// The bundle, or a failure that shows every diagnostic.
    func requireBundle(sourceLocation: SourceLocation = #_sourceLocation) throws -> DialogBundle {
        let errors = diagnostics.filter { $0.diagnostic.isError }
        #expect(errors.isEmpty, "\(renderedDiagnostics())", sourceLocation: sourceLocation)
        return try #require(bundle, "\(renderedDiagnostics())", sourceLocation: sourceLocation)
    }
}
