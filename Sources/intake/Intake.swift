import ArgumentParser
import CReadline
import DialogFiles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `intake` command: a conversational intake assistant and the tools around it.
@main
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "A rule-based intake assistant for opioid withdrawal questions, and its authoring tools.",
        subcommands: [ChatCommand.self, CheckCommand.self, ParseCommand.self, TestCommand.self, EvalCommand.self, GraphCommand.self, TrainCommand.self, ServeCommand.self],
        defaultSubcommand: ChatCommand.self
    )

    /// Runs the command; a write to standard output that failed on the way ends it with 74.
    static func main() {
        // A closed pipe or a file size limit is an error to report, not a death.
        Streams.reportWriteSignalsAsErrors()
        // A crash says so in one line (exit 70), without a backtrace that could show what
        // a person typed; INTAKE_BACKTRACE=1 keeps the runtime's backtrace, for developers.
        if getenv("INTAKE_BACKTRACE").map({ String(cString: $0) }) != "1" { intake_install_crash_handlers() }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            FileIO.exitIfOutputFailed()
            exit(withError: error)
        }
        FileIO.exitIfOutputFailed()
    }
}
