import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `intake serve`: runs `intake-serve`, the binary built beside this one, so that the
/// chat's start-up never loads the server and its libraries (DESIGN.md, "`intake serve`").
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web chat and its API (intake serve --help for the options).",
        discussion: """
            Runs intake-serve from the folder that holds intake, with the dialogs found as \
            intake chat finds them unless --dialogs is given.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "The server's options, such as --port 8080 --store sqlite:PATH.")
    var arguments: [String] = []

    func run() throws {
        guard let exe = DialogsLocation.executable(), let slash = exe.lastIndex(of: "/") else {
            FileIO.write("intake: cannot find the folder of the intake binary\n", to: 2)
            throw ExitCode(69)
        }
        let server = String(exe[..<slash]) + "/intake-serve"
        var argv = [server]
        let asksHelp = arguments.contains { $0 == "--help" || $0 == "-h" }
        if !asksHelp && !arguments.contains(where: { $0 == "--dialogs" || $0.hasPrefix("--dialogs=") }) {
            argv += ["--dialogs", DialogsLocation.resolve(nil)]
        }
        argv += arguments
        let cArguments = argv.map { strdup($0) } + [nil]
        execv(server, cArguments)
        // execv returns only when it failed.
        let reason = String(cString: strerror(errno))
        FileIO.write("intake: cannot run \(server): \(reason); build it with `swift build --product intake-serve` (or make serve)\n", to: 2)
        throw ExitCode(69)
    }
}
