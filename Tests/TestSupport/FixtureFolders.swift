import Foundation

/// The model's fixture bundles (`valid/NAME`, `invalid/NAME` with its `expected.txt`):
/// read by the model's tests and run through the `intake` binary by the command tests.
package let modelFixturesFolder = repositoryFolder + "/Tests/DialogModelTests/Fixtures"

/// Whether the fixtures' expected outputs are being recorded (`RECORD_FIXTURES=1`).
package var recordingFixtures: Bool { ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" }

/// The folders directly inside `folder`, sorted by name; none when it cannot be read.
package func subfolders(of folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { name in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
    }.sorted()
}

/// Where a model fixture's recorded `intake check` output is (`invalid/loop`).
package func expectedCheckOutputPath(_ relative: String) -> String { modelFixturesFolder + "/" + relative + "/expected.txt" }

/// A model fixture's recorded `intake check` output; nil when none is recorded.
package func expectedCheckOutput(_ relative: String) -> String? {
    try? String(contentsOfFile: expectedCheckOutputPath(relative), encoding: .utf8)
}
