import DialogFiles
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct WholeFileTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    @Test func aNewFileIsPrivateAndNothingElseIsLeft() throws {
        let old = umask(0)
        defer { umask(old) }
        try WholeFile.write("summary\n", to: scratch.file("s.md"))
        #expect(try scratch.read("s.md") == "summary\n")
        #expect(scratch.mode("s.md") == 0o600)
        #expect(scratch.allNames() == ["s.md"])
    }

    @Test func anExistingFileIsReplacedWhole() throws {
        try scratch.write("s.json", "an earlier, longer summary that must not survive in part\n")
        try WholeFile.write("{}\n", to: scratch.file("s.json"))
        #expect(try scratch.read("s.json") == "{}\n")
        #expect(scratch.mode("s.json") == 0o600)
    }

    @Test func keepingModeKeepsAnAuthorsFileMode() throws {
        try scratch.write("a.test", "old\n", mode: 0o664)
        try WholeFile.write(Array("new\n".utf8), to: scratch.file("a.test"), keepingMode: true)
        #expect(try scratch.read("a.test") == "new\n")
        #expect(scratch.mode("a.test") == 0o664)
    }

    @Test(arguments: ["summary.json", "state", "report.md"])
    func aSymbolicLinkIsNeverWrittenThrough(name: String) throws {
        try scratch.write("target", "someone else's file\n")
        scratch.link(name, to: "target")
        #expect(throws: FileProblem.self) { try WholeFile.checkCreatable(scratch.file(name)) }
        let problem = try #require(throws: FileProblem.self) { try WholeFile.write("x", to: scratch.file(name)) }
        #expect(problem.reason.contains("symbolic link"))
        #expect(try scratch.read("target") == "someone else's file\n")
        #expect(scratch.allNames() == [name, "target"].sorted())
    }

    @Test func aDanglingLinkIsRefusedToo() throws {
        scratch.link("s.md", to: "nowhere")
        #expect(throws: FileProblem.self) { try WholeFile.write("x", to: scratch.file("s.md")) }
        #expect(FileReading.kind(of: scratch.file("nowhere")) == nil)
    }

    @Test func aFolderAFIFOAndADeviceAreRefused() throws {
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
        try WholeFile.checkCreatable(scratch.file("s.json"))
        #expect(scratch.allNames().isEmpty)
    }
}
