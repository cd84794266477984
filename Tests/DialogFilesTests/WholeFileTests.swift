import DialogFiles
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder under the system's temporary folder, removed by `remove`.
struct Scratch {
    let path: String

    init() throws {
        var template = Array("/tmp/intake-files-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap { mkdtemp($0) } }
        path = try #require(made.map { String(cString: $0) })
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String, mode: mode_t = 0o644) throws {
        let fd = open(file(name), O_WRONLY | O_CREAT | O_TRUNC, mode)
        try #require(fd >= 0)
        _ = Streams.writeAll(Array(text.utf8), to: fd)
        close(fd)
        chmod(file(name), mode)
    }

    func read(_ name: String) throws -> String {
        String(decoding: try FileReading.read(file(name)), as: UTF8.self)
    }

    func mode(_ name: String) -> mode_t {
        var info = stat()
        lstat(file(name), &info)
        return info.st_mode & 0o7777
    }

    /// Every name in the folder, dot files too (a temporary file left behind shows here).
    func allNames() -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    func remove() {
        for name in allNames() { unlink(file(name)) }
        rmdir(path)
    }
}

@Suite struct WholeFileTests {
    @Test func aNewFileIsPrivateAndNothingElseIsLeft() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let old = umask(0)
        defer { umask(old) }
        try WholeFile.write("summary\n", to: scratch.file("s.md"))
        #expect(try scratch.read("s.md") == "summary\n")
        #expect(scratch.mode("s.md") == 0o600)
        #expect(scratch.allNames() == ["s.md"])
    }

    @Test func anExistingFileIsReplacedWhole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("s.json", "an earlier, longer summary that must not survive in part\n")
        try WholeFile.write("{}\n", to: scratch.file("s.json"))
        #expect(try scratch.read("s.json") == "{}\n")
        #expect(scratch.mode("s.json") == 0o600)
    }

    @Test func keepingModeKeepsAnAuthorsFileMode() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.test", "old\n", mode: 0o664)
        try WholeFile.write(Array("new\n".utf8), to: scratch.file("a.test"), keepingMode: true)
        #expect(try scratch.read("a.test") == "new\n")
        #expect(scratch.mode("a.test") == 0o664)
    }

    @Test(arguments: ["summary.json", "state", "report.md"])
    func aSymbolicLinkIsNeverWrittenThrough(name: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("target", "someone else's file\n")
        symlink(scratch.file("target"), scratch.file(name))
        #expect(throws: FileProblem.self) { try WholeFile.checkCreatable(scratch.file(name)) }
        let problem = try #require(throws: FileProblem.self) { try WholeFile.write("x", to: scratch.file(name)) }
        #expect(problem.reason.contains("symbolic link"))
        #expect(try scratch.read("target") == "someone else's file\n")
        #expect(scratch.allNames() == [name, "target"].sorted())
    }

    @Test func aDanglingLinkIsRefusedToo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        symlink(scratch.file("nowhere"), scratch.file("s.md"))
        #expect(throws: FileProblem.self) { try WholeFile.write("x", to: scratch.file("s.md")) }
        #expect(FileReading.kind(of: scratch.file("nowhere")) == nil)
    }

    @Test func aFolderAFIFOAndADeviceAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        mkfifo(scratch.file("fifo"), 0o600)
        mkdir(scratch.file("folder"), 0o700)
        defer { rmdir(scratch.file("folder")) }
        for path in [scratch.file("fifo"), scratch.file("folder"), "/dev/null"] {
            let problem = try #require(throws: FileProblem.self) { try WholeFile.checkCreatable(path) }
            #expect(problem.path == path)
            #expect(throws: FileProblem.self) { try WholeFile.write("x", to: path) }
        }
        #expect(FileReading.kind(of: "/dev/null", following: false) == .other)
    }

    @Test func aMissingFolderIsFoundByTheCheck() throws {
        let problem = try #require(throws: FileProblem.self) { try WholeFile.checkCreatable("/nonexistent-intake-folder/s.json") }
        #expect(problem.reason == "No such file or directory")
    }

    @Test func theCheckLeavesNothingBehind() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try WholeFile.checkCreatable(scratch.file("s.json"))
        #expect(scratch.allNames().isEmpty)
    }
}
