import DialogFiles
import DialogSyntax

/// A problem in one file of a bundle.
public struct BundleDiagnostic: Sendable {
    /// The file's path as the loader was given it.
    public var path: String
    public var diagnostic: Diagnostic
    /// The paths of the notes that are in another file, by the note's index.
    public var notePaths: [Int: String] = [:]
}

/// What loading a bundle produced: the bundle, or every problem that stopped it.
public struct LoadResult: Sendable {
    /// The bundle; nil when there were errors. A bundle never half-loads.
    public var bundle: DialogBundle?
    /// Every problem, sorted by file and position; warnings too.
    public var diagnostics: [BundleDiagnostic]
    /// The files read, by path, to render the diagnostics against.
    public var files: [String: SourceFile]

    /// The result with `more` diagnostics (such as the readability warnings) in their
    /// places among the others.
    public func adding(_ more: [BundleDiagnostic]) -> LoadResult {
        var result = self
        result.diagnostics = LoadResult.sorted(diagnostics + more)
        return result
    }

    /// Sorted by file and position, as they are printed.
    static func sorted(_ diagnostics: [BundleDiagnostic]) -> [BundleDiagnostic] {
        diagnostics.sorted {
            ($0.path, $0.diagnostic.range.start.offset, $0.diagnostic.code, $0.diagnostic.message)
                < ($1.path, $1.diagnostic.range.start.offset, $1.diagnostic.code, $1.diagnostic.message)
        }
    }

    public var errorCount: Int { diagnostics.filter { $0.diagnostic.isError }.count }
    public var warningCount: Int { diagnostics.filter { $0.diagnostic.severity == .warning }.count }

    /// The diagnostics as `file:line:col: error: …` text with excerpts.
    public func renderedDiagnostics() -> String {
        diagnostics.map(render).joined()
    }

    private func file(_ path: String) -> SourceFile { files[path] ?? SourceFile(path: path, bytes: []) }

    /// One diagnostic, each note rendered against its own file.
    private func render(_ d: BundleDiagnostic) -> String {
        DiagnosticRenderer.render(d.diagnostic, in: file(d.path), noteFiles: d.notePaths.mapValues(file))
    }
}

/// Why a folder could not be read at all (as opposed to read and found wrong).
public struct BundleReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot read \(path): \(reason)" }
}

/// Reads a bundle folder: the `*.yaml` files at its top, parsed, decoded, merged and
/// validated.
public enum BundleLoader {
    /// The largest dialog file read, in bytes: far above what a person writes (the
    /// bundled files are under 40 KB), low enough that a stray log or data file named
    /// `*.yaml` gets one clear error instead of minutes of parsing.
    public static let maxFileSize = 16 << 20

    /// Loads the bundle in `folder`. Throws only when the folder or one of its `*.yaml`
    /// files cannot be read (a dangling link or a link loop included); every problem in
    /// its files is in the result. Without `comparingExamples`, the examples are not
    /// checked (IC033, IC034): warnings for an author that a session need not pay for at
    /// every start. A path of the folder found in `replacing` is read from there
    /// instead of the disk (a changed copy of a file, as mutation testing makes).
    public static func load(
        folder: String, comparingExamples: Bool = true,
        replacing: [String: [UInt8]] = [:]
    ) throws(BundleReadError) -> LoadResult {
        var inputs: [(path: String, bytes: [UInt8])] = []
        var oversized: [(path: String, size: Int)] = []
        for (name, size) in try yamlFiles(in: folder) {
            let path = join(folder, name)
            if let bytes = replacing[path] {
                inputs.append((path, bytes))
                continue
            }
            if size > maxFileSize {
                oversized.append((path, size))
                continue
            }
            inputs.append((path, try readFile(path)))
        }
        return load(files: inputs, folderName: folder, oversized: oversized, comparingExamples: comparingExamples, folder: folder)
    }

    /// Loads a bundle from file contents already in memory: the files' paths (the name
    /// without `.yaml` is the file's part of node ids) and bytes.
    public static func load(files: [(path: String, bytes: [UInt8])]) -> LoadResult {
        load(files: files, folderName: "the bundle")
    }

    // MARK: - Steps

    /// Parses, decodes, assembles and validates. `folder`, when the files are a folder's,
    /// is where a `sources-from` is read relative to; files given from memory cannot
    /// borrow sources, and their references to sources are then not checked.
    static func load(
        files inputs: [(path: String, bytes: [UInt8])], folderName: String,
        oversized: [(path: String, size: Int)] = [], comparingExamples: Bool = true,
        folder: String? = nil
    ) -> LoadResult {
        var diagnostics: [BundleDiagnostic] = []
        var files: [String: SourceFile] = [:]
        var decoded: [DecodedFile] = []
        func result(_ bundle: DialogBundle?) -> LoadResult {
            let sorted = LoadResult.sorted(diagnostics)
            var bundle = sorted.contains { $0.diagnostic.isError } ? nil : bundle
            bundle?.hash = BundleHash.of(inputs)
            return LoadResult(bundle: bundle, diagnostics: sorted, files: files)
        }
        // What the files that could not be read at all may hold.
        var unread = Damage()
        // Files with a syntax error: what the errors spoil. The rest of such a file is
        // decoded and checked too, so that one run reports every problem.
        var damaged: [String: SyntaxDamage] = [:]
        for (path, size) in oversized {
            // Not read: an error of its own; like a file with a syntax error, what it may
            // define is not reported missing elsewhere.
            files[path] = SourceFile(path: path, bytes: [])
            diagnostics.append(BundleDiagnostic(path: path, diagnostic: ModelMessage.fileTooLarge(size, limit: maxFileSize)))
            unread.formUnion(Damage.unread(baseName(path)))
        }
        if inputs.isEmpty && oversized.isEmpty {
            diagnostics.append(BundleDiagnostic(path: folderName, diagnostic: ModelMessage.emptyBundle(folderName)))
            return result(nil)
        }
        for (path, bytes) in inputs {
            files[path] = SourceFile(path: path, bytes: bytes)
            let parsed = YAMLParser.parse(bytes)
            diagnostics += parsed.diagnostics.map { BundleDiagnostic(path: path, diagnostic: $0) }
            let fileName = baseName(path)
            // With syntax errors, what they leave readable is checked; what the damage may
            // explain (an entry that lost its `label:` line) is not reported, and what the
            // lost lines may have defined is not reported missing elsewhere.
            var documents = parsed.documents
            var damage: SyntaxDamage?
            if parsed.hasErrors {
                (documents, damage) = SyntaxDamage.readAround(bytes, parsed)
                guard !documents.isEmpty else {
                    unread.formUnion(Damage.unread(fileName))
                    continue
                }
            } else if documents.count > 1 {
                diagnostics.append(
                    BundleDiagnostic(
                        path: path,
                        diagnostic: ModelMessage.invalidValue(
                            "a dialog file holds one document", documents[1].range, hint: "split it into two files")))
            }
            var decoder = FileDecoder(fileName: fileName)
            if let document = documents.first {
                decoder.decode(document)
            }
            diagnostics += decoder.diagnostics.filter { damage?.mayExplain($0.range) != true }
                .map { BundleDiagnostic(path: path, diagnostic: $0) }
            var sections = decoder.sections
            if let damage {
                damaged[path] = damage
                sections.damage.formUnion(Damage.hiddenBy(damage, in: fileName))
            }
            // What the documents after the first may hold is not read.
            if documents.count > 1 { sections.damage.formUnion(Damage.unread(fileName)) }
            decoded.append(DecodedFile(path: path, fileName: fileName, sections: sections))
        }
        // Every problem at once: the files, and the parts of files, that could be read are
        // checked. What the rest may define (nodes, sources, concepts, variables,
        // settings) is not reported missing, so nothing cascades from it.
        guard !decoded.isEmpty else { return result(nil) }
        // A training bundle may reuse another bundle's reference list: one more input.
        var borrowed: [SourceEntry] = []
        for file in decoded {
            guard let from = file.sections.settings["sources-from"] else { continue }
            if let folder {
                let read = borrowedSources(from: (from.value, from.range, file.path), in: folder)
                borrowed = read.sources
                diagnostics += read.diagnostics
                files.merge(read.files) { a, _ in a }
                unread.formUnion(read.damage)
            } else {
                unread.hidden.insert(.sources)
            }
            break
        }
        var assembler = BundleAssembler(files: decoded, damage: unread)
        let bundle = assembler.assemble(
            folderName: folderName, borrowed: borrowed,
            quietLints: diagnostics.contains { $0.diagnostic.isError },
            comparingExamples: comparingExamples)
        diagnostics += assembler.diagnostics.filter { found in
            // What the lost lines may have held is known to the checks (`Damage`): only
            // what lies in them is left out here.
            damaged[found.path].map { !$0.overlaps(found.diagnostic.range) } ?? true
        }
        return result(bundle)
    }

    /// The sources of the bundle that `sources-from` names (its `sources.yaml`), with the
    /// problems of reading them. Sources that cannot be read are not known: references
    /// to sources are then not reported missing.
    private static func borrowedSources(from: (value: String, range: SourceRange, path: String), in bundleFolder: String)
        -> (sources: [SourceEntry], diagnostics: [BundleDiagnostic], files: [String: SourceFile], damage: Damage)
    {
        var hidden = Damage()
        hidden.hidden.insert(.sources)
        let path = join(join(bundleFolder, from.value), "sources.yaml")
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            let d = BundleDiagnostic(
                path: from.path,
                diagnostic: ModelMessage.invalidValue(
                    "cannot read `\(join(from.value, "sources.yaml"))`: \(error.reason)", from.range,
                    hint: "`sources-from` names a bundle folder, relative to this one, that has a sources.yaml"))
            return ([], [d], [:], hidden)
        }
        let parsed = YAMLParser.parse(bytes)
        var diagnostics = parsed.diagnostics.map { BundleDiagnostic(path: path, diagnostic: $0) }
        let files = [path: SourceFile(path: path, bytes: bytes)]
        guard !parsed.hasErrors, let document = parsed.documents.first else { return ([], diagnostics, files, hidden) }
        var decoder = FileDecoder(fileName: "sources")
        decoder.decode(document)
        diagnostics += decoder.diagnostics.map { BundleDiagnostic(path: path, diagnostic: $0) }
        return (decoder.sections.sources, diagnostics, files, decoder.sections.damage)
    }

    // MARK: - Files

    package static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }

    static func join(_ folder: String, _ name: String) -> String {
        FileReading.join(folder, name)
    }

    /// The `*.yaml` files directly in `folder`, sorted, with their sizes in bytes.
    static func yamlFiles(in folder: String) throws(BundleReadError) -> [(name: String, size: Int)] {
        var files: [(name: String, size: Int)] = []
        do {
            for name in try FileReading.names(in: folder) where name.hasSuffix(".yaml") {
                let path = join(folder, name)
                // A dangling link or a link loop is a file of the bundle that cannot be
                // read: say so rather than load the bundle without it. A folder is skipped.
                let status = try FileReading.status(of: path)
                if status.kind == .file { files.append((name, status.size)) }
            }
        } catch {
            throw BundleReadError(path: error.path, reason: error.reason)
        }
        return files
    }

    static func readFile(_ path: String) throws(BundleReadError) -> [UInt8] {
        do {
            return try FileReading.read(path)
        } catch {
            throw BundleReadError(path: error.path, reason: error.reason)
        }
    }
}
