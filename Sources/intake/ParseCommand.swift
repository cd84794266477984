import ArgumentParser
import DialogFiles
import DialogModel
import DialogSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `intake parse FILE`: shows how the parser reads a file, as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the tree the parser reads from a dialog file, as JSON.",
        discussion: """
            Prints one JSON value per document, one per line (with --pretty, indented). Plain scalars are typed by \
            the YAML 1.2 core schema; everything else is a string. On a syntax error, \
            prints every problem on standard error and exits 65; a file over 16 MB \
            is not parsed (exit 65).
            """
    )

    @Argument(help: "The file to read, or - for standard input.")
    var file: String

    @Flag(help: "Indent the JSON, one member or element a line, for reading.")
    var pretty = false

    func run() throws {
        let bytes = try InputFiles.bytes(file)
        if bytes.count > BundleLoader.maxFileSize {
            // The limit every command puts on a dialog file (README, "Reliability").
            let tenths = (bytes.count * 10 + (1 << 20) / 2) >> 20
            FileIO.write(
                "intake: cannot parse \(file == "-" ? "<stdin>" : file): the file is \(tenths / 10).\(tenths % 10) MB, more than the \(BundleLoader.maxFileSize >> 20) MB a dialog file may have\n",
                to: 2)
            throw ExitStatus.dataError
        }
        let result = YAMLParser.parse(bytes)
        if !result.diagnostics.isEmpty {
            let source = SourceFile(path: file == "-" ? "<stdin>" : file, bytes: bytes)
            FileIO.write(DiagnosticRenderer.render(result.diagnostics, in: source), to: 2)
        }
        if result.hasErrors { throw ExitStatus.dataError }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        for document in result.documents {
            if pretty {
                var compact: [UInt8] = []
                JSONWriter.write(document, to: &compact)
                out += JSONIndenter.indent(compact)
            } else {
                JSONWriter.write(document, to: &out)
            }
            out.append(0x0A)
        }
        FileIO.write(out, to: 1)
        FileIO.exitIfOutputFailed()
        // The process ends here: freeing the tree, one allocation at a time, would take
        // about a tenth of its run on a large file.
        CLibrary.exit(EXIT_SUCCESS)
    }
}
