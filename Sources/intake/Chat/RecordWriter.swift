import DialogEngine
import DialogFiles
import DialogMatching
import DialogTesting

/// `intake chat --record FILE`: the session saved as a scripted test that replays it —
/// each line typed, with what the assistant said pinned as expectations — written when
/// the session ends, mode 0600, because it holds what a person typed.
struct RecordWriter {
    let path: String
    let folder: String
    let region: String
    let seed: UInt64
    let start: String?
    private var turns: [Turn] = []

    init(path: String, folder: String, region: String, seed: UInt64, start: String?) {
        self.path = path
        self.folder = folder
        self.region = region
        self.seed = seed
        self.start = start
    }

    mutating func add(_ turn: Turn) { turns.append(turn) }

    /// The test file's text.
    var text: String {
        // No `bundle:` when the file is in the bundle's tests/ folder; `--bundle` to run it
        // when the bundle is outside the folder a test file may name one in.
        let inTests = TestFiles.bundleFolder(for: path, header: nil).flatMap(RecordPaths.real) == RecordPaths.real(folder)
        let allowed = inTests || TestFiles.isInside(folder, TestFiles.bundleRoot(for: path))
        let run = "intake test \(path)" + (allowed ? "" : " --bundle \(folder)")
        var lines = [
            "# A session recorded with intake chat --record. It holds what was typed:",
            "# review it before you share or commit it. Run it with \(run).",
        ]
        if !inTests { lines.append("bundle: \(RecordPaths.relativeBundle(folder, from: TestFiles.parent(path)))") }
        lines.append("")
        lines += TestText.test(
            named: "recorded session", turns: turns, start: start,
            region: region.uppercased() == "US" ? nil : region, seed: seed == 0 ? nil : seed)
        return lines.joined(separator: "\n") + "\n"
    }

    func write() throws(FileProblem) {
        try WholeFile.write(text, to: path)
    }
}
