import DialogEngine
import DialogFiles
import DialogSyntax

/// `--transcript FILE`: one JSON object per turn, appended as each turn happens, so the
/// file holds every complete turn even if the session is stopped from outside. Appends
/// only to a private file of the user's own, under a lock (see `AppendFile`).
struct TranscriptWriter {
    let file: AppendFile

    init(path: String) throws(FileProblem) {
        file = try AppendFile(path: path)
    }

    /// Writes a turn; with `staff`, the author's staff notes too.
    func write(_ turn: Turn, staff: Bool) throws(FileProblem) {
        try file.append(turn.jsonLine(staff: staff) + "\n")
    }

    func close() { file.close() }
}

/// `--summary FILE`: the session summary as JSON (`.json`) or Markdown (anything else),
/// written whole (see `WholeFile`).
enum SummaryFile {
    static func write(_ summary: Summary, to path: String) throws(FileProblem) {
        let text: String
        if path.hasSuffix(".json") {
            text = JSONWriter.string(summary.jsonValue) + "\n"
        } else {
            var lines = ["# Session summary", ""]
            lines += summary.lines.dropFirst().map { "- " + $0 }
            text = lines.joined(separator: "\n") + "\n"
        }
        try WholeFile.write(text, to: path)
    }
}

/// What the commands say about files they cannot create or write.
enum FileMessages {
    /// Before the first turn (exit 73).
    static func cannotCreate(_ problem: FileProblem) {
        FileIO.write("intake: cannot create \(problem.path): \(problem.reason)\n", to: 2)
    }

    /// While or after writing (exit 74).
    static func cannotWrite(_ problem: FileProblem) {
        FileIO.write("intake: cannot write \(problem.path): \(problem.reason)\n", to: 2)
    }

    /// Checks every file to be written whole before the first turn; exit 73 on the first
    /// that cannot be created.
    static func checkCreatable(_ paths: [String?]) throws {
        for case let path? in paths {
            do {
                try WholeFile.checkCreatable(path)
            } catch {
                cannotCreate(error)
                throw ExitStatus.cannotCreate
            }
        }
    }
}
