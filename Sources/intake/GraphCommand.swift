import ArgumentParser
import DialogFiles
import DialogModel
import DialogTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `intake graph [DIR]`: the dialog graph as Graphviz DOT or Mermaid, or rendered.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the dialog graph: Graphviz DOT or Mermaid, or an SVG or PNG rendered with dot.",
        discussion: """
            One cluster per file; edges labelled with the choice (numbered) or the route; \
            crisis intents in bold red, topic intents dashed blue, `next` dotted. \
            --output FILE picks the notation from the extension: .dot or .gv (DOT), .mmd \
            (Mermaid), .md (Mermaid in a fenced block), .svg, .png or .pdf (rendered with \
            Graphviz's dot, which must be installed). Without --output, prints --format. \
            --file, --from NODE --depth N and --no-intents draw part of a large bundle; \
            --collapse-back-edges ends each edge back up the dialog ("Back to the menu") \
            at a short stub at its source.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @Argument(help: "The bundle folder (default: $INTAKE_DIALOGS, ./Dialogs, or the installed dialogs).")
    var folder: String?

    @Option(help: "The notation to print: dot or mermaid.")
    var format: Format = .dot

    @Option(name: .shortAndLong, help: "Write to FILE (.dot, .gv, .mmd, .md, .svg, .png, .pdf).")
    var output: String?

    @Option(help: "Draw only the nodes of this file (its name without .yaml).")
    var file: String?

    @Option(help: "Draw only the nodes a few steps from this node (file.node); see --depth.")
    var from: String?

    @Option(help: "With --from, how many steps from the node to draw.")
    var depth = 2

    @Flag(name: .customLong("no-intents"), help: "Leave out the intents and their edges.")
    var noIntents = false

    @Flag(name: .customLong("collapse-back-edges"), help: "Draw each edge back up the dialog (to the menu, say) as a short stub at its source, not as a long arrow.")
    var collapseBackEdges = false

    static let extensions = ["dot", "gv", "mmd", "mermaid", "md", "svg", "png", "pdf"]

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth takes a number of steps, 0 or more") }
        if let output, !Self.extensions.contains(Self.fileExtension(output)) {
            throw ValidationError("cannot tell the notation of \(output): name it .dot, .gv, .mmd, .md, .svg, .png or .pdf")
        }
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    func run() throws {
        let folder = DialogsLocation.resolve(self.folder)
        try FileMessages.checkCreatable([output])
        let bundle = try BundleReading.loadValid(folder, command: "graph")
        var options = GraphOptions(file: file, depth: depth, intents: !noIntents, collapseBackEdges: collapseBackEdges)
        if let file, !bundle.nodeOrder.contains(where: { $0.file == file }) {
            let files = Array(Set(bundle.nodeOrder.map(\.file))).sorted()
            FileIO.write("intake: no file `\(file)` in \(folder); its files are: \(files.joined(separator: ", "))\n", to: 2)
            throw ExitCode(64)
        }
        if let from {
            let id = NodeID(from, in: bundle.start.file)
            guard bundle.nodes[id] != nil else {
                let meant = Suggestion.closest(to: id.description, among: bundle.nodeOrder.map(\.description))
                FileIO.write("intake: no node `\(id)`" + (meant.map { "; did you mean `\($0)`?" } ?? "") + "\n", to: 2)
                throw ExitCode(64)
            }
            options.from = id
        }
        guard let output else {
            FileIO.write(format == .dot ? GraphWriter.dot(bundle, options: options) : GraphWriter.mermaid(bundle, options: options), to: 1)
            return
        }
        let ext = Self.fileExtension(output)
        let text: String
        switch ext {
        case "dot", "gv": text = GraphWriter.dot(bundle, options: options)
        case "mmd", "mermaid": text = GraphWriter.mermaid(bundle, options: options)
        case "md": text = "```mermaid\n" + GraphWriter.mermaid(bundle, options: options) + "```\n"
        case "svg", "png", "pdf":
            try render(GraphWriter.dot(bundle, options: options), as: ext, to: output)
            return
        default:
            text = GraphWriter.dot(bundle, options: options)
        }
        do {
            try WholeFile.write(text, to: output)
        } catch {
            FileMessages.cannotWrite(error)
            throw ExitStatus.ioError
        }
    }

    /// Runs `dot -TFORMAT -o FILE` with the graph on its standard input.
    private func render(_ dot: String, as format: String, to path: String) throws {
        guard let program = Self.findInPath("dot") else {
            FileIO.write(
                """
                intake: rendering \(path) needs Graphviz's `dot`, which is not installed.
                  Install it with `sudo apt-get install graphviz` (Debian, Ubuntu), `sudo dnf install graphviz`
                  (Fedora) or `brew install graphviz` (macOS); or write the graph as text with
                  --output \(Self.replacingExtension(path, with: "dot")) or --output \(Self.replacingExtension(path, with: "mmd")).

                """, to: 2)
            throw ExitStatus.unavailable
        }
        // dot writes to a pipe, and the picture is written here like every other file:
        // whole, never through a link.
        var toDot: [Int32] = [0, 0], fromDot: [Int32] = [0, 0]
        guard CLibrary.pipe(&toDot) == 0, CLibrary.pipe(&fromDot) == 0 else { throw ExitStatus.software }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toDot[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromDot[1], 1)
        posix_spawn_file_actions_addclose(&actions, toDot[1])
        posix_spawn_file_actions_addclose(&actions, fromDot[0])
        let arguments = [program, "-T\(format)"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, &argv, environ)
        close(toDot[0])
        close(fromDot[1])
        defer { close(fromDot[0]) }
        guard spawned == 0 else {
            close(toDot[1])
            FileIO.write("intake: cannot run \(program): \(String(cString: strerror(spawned)))\n", to: 2)
            throw ExitStatus.unavailable
        }
        // dot reads the whole graph before it draws, so writing it all first cannot
        // deadlock; a graph it cannot read closes the pipe early (EPIPE, not a signal).
        _ = Streams.writeAll(Array(dot.utf8), to: toDot[1])
        close(toDot[1])
        var picture: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { CLibrary.read(fromDot[0], into: $0) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            picture += chunk[0..<n]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            FileIO.write("intake: dot could not render \(path) (exit status \(code))\n", to: 2)
            throw ExitStatus.software
        }
        do {
            try WholeFile.write(picture, to: path)
        } catch {
            FileMessages.cannotWrite(error)
            throw ExitStatus.ioError
        }
    }

    static func findInPath(_ name: String) -> String? {
        guard let raw = getenv("PATH") else { return nil }
        for dir in String(cString: raw).split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    static func replacingExtension(_ path: String, with ext: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + ext }
        return String(path[..<dot]) + "." + ext
    }
}

extension ExitStatus {
    /// A program a command needs is not installed (`dot` for `intake graph --output FILE.svg`).
    static let unavailable = ExitCode(69)
}
