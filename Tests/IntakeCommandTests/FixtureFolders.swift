import Foundation
import TestSupport

/// The fixture bundles the commands run on: the model's (valid and invalid bundles, each
/// with its expected `intake check` output) and the test tools' (the clinic bundle, test
/// files and expected reports). They live beside the tests of the layer they exercise.
enum FixtureFolders {
    /// `Tests/DialogModelTests/Fixtures`.
    static let model = modelFixturesFolder
    /// `Tests/DialogTestingTests/Fixtures`.
    static let testing = repositoryFolder + "/Tests/DialogTestingTests/Fixtures"

    /// Whether the model's expected outputs are being recorded (`RECORD_FIXTURES=1`).
    static var recording: Bool { recordingFixtures }

    /// The model's bundle folders of a group (`valid`, `invalid`), sorted.
    static func names(_ group: String) -> [String] { subfolders(of: model + "/" + group) }

    /// The recorded `intake check` output of a model fixture; nil when none is recorded.
    static func expected(_ relative: String) -> String? { expectedCheckOutput(relative) }

    /// A file of the test tools' fixtures.
    static func text(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: testing + "/" + relative)), as: UTF8.self)
    }
}
