import ArgumentParser

/// The `intake` command: a conversational intake assistant and the tools around it.
@main
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "A rule-based intake assistant for opioid withdrawal questions, and its authoring tools.",
        subcommands: [ChatCommand.self, CheckCommand.self, ParseCommand.self, TestCommand.self, EvalCommand.self, GraphCommand.self, TrainCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}
