import Foundation

/// The fixture bundles the commands run on: the model's (valid and invalid bundles, each
/// with its expected `intake check` output) and the test tools' (the clinic bundle, test
/// files and expected reports). They live beside the tests of the layer they exercise.
enum FixtureFolders {
    private static let tests: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/")
    }()

    /// `Tests/DialogModelTests/Fixtures`.
    static let model = tests + "/DialogModelTests/Fixtures"
    /// `Tests/DialogTestingTests/Fixtures`.
    static let testing = tests + "/DialogTestingTests/Fixtures"

    /// Whether the model's expected outputs are being recorded (`RECORD_FIXTURES=1`).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" }

    /// The model's bundle folders of a group (`valid`, `invalid`), sorted.
    static func names(_ group: String) -> [String] {
        let folder = model + "/" + group
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// The recorded `intake check` output of a model fixture; nil when none is recorded.
    static func expected(_ relative: String) -> String? {
        try? String(contentsOfFile: model + "/" + relative + "/expected.txt", encoding: .utf8)
    }

    /// A file of the test tools' fixtures.
    static func text(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: testing + "/" + relative)), as: UTF8.self)
    }
}
