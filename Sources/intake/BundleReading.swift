import ArgumentParser
import DialogModel

/// Reading a dialogs folder for a command: one place decides what an unreadable folder
/// prints and the exit status it gets.
enum BundleReading {
    /// Loads and validates the bundle in `folder`. A folder that cannot be read is reported
    /// on standard error and ends the command with exit status 66.
    static func load(_ folder: String, comparingExamples: Bool = true, command: String = "check") throws -> LoadResult {
        do {
            return try BundleLoader.load(folder: folder, comparingExamples: comparingExamples)
        } catch {
            throw InputFiles.unreadable(error.description, hint: DialogsLocation.hint(forMissing: folder, command: command))
        }
    }

    /// Loads a bundle that must be free of errors, printing every diagnostic; exits 65 when
    /// it has errors and 66 when the folder cannot be read.
    /// A session's commands leave out the authoring check of examples against each other.
    static func loadValid(_ folder: String, command: String = "chat --dialogs") throws -> DialogBundle {
        let result = try load(folder, comparingExamples: false, command: command)
        guard let bundle = result.bundle else {
            FileIO.write(result.renderedDiagnostics(), to: 2)
            FileIO.write("intake: \(folder) has \(result.errorCount) error\(result.errorCount == 1 ? "" : "s"); run intake check \(folder)\n", to: 2)
            throw ExitStatus.dataError
        }
        return bundle
    }
}
