import DialogFiles
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct AppendFileTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    @Test func aNewFileIsPrivateAndAppendedTo() throws {
        let old = umask(0)
        defer { umask(old) }
        let file = try AppendFile(path: scratch.file("t.jsonl"))
        try file.append("{\"turn\":1}\n")
        try file.append("{\"turn\":2}\n")
        file.close()
        #expect(try scratch.read("t.jsonl") == "{\"turn\":1}\n{\"turn\":2}\n")
        #expect(scratch.mode("t.jsonl") == 0o600)
    }

    @Test func anEarlierPrivateFileKeepsItsLines() throws {
        try scratch.write("h", "earlier\n", mode: 0o600)
        let file = try AppendFile(path: scratch.file("h"))
        try file.append("later\n")
        file.close()
        #expect(try scratch.read("h") == "earlier\nlater\n")
    }

    @Test(arguments: [0o644 as mode_t, 0o640, 0o602, 0o660])
    func aFileOthersCanReadIsRefusedAndNotChanged(mode: mode_t) throws {
        try scratch.write("t.jsonl", "someone's session\n", mode: mode)
        let problem = try #require(throws: FileProblem.self) { try AppendFile(path: scratch.file("t.jsonl")) }
        #expect(problem.reason.contains("chmod 600"))
        #expect(scratch.mode("t.jsonl") == mode)
        #expect(try scratch.read("t.jsonl") == "someone's session\n")
    }

    @Test func aLinkIsRefused() throws {
        try scratch.write("target", "kept\n", mode: 0o600)
        scratch.link("t.jsonl", to: "target")
        let problem = try #require(throws: FileProblem.self) { try AppendFile(path: scratch.file("t.jsonl")) }
        #expect(problem.reason.contains("symbolic link"))
        #expect(try scratch.read("target") == "kept\n")
    }

    @Test func aFIFOWithNoReaderIsRefusedAtOnce() throws {
        mkfifo(scratch.file("fifo"), 0o600)
        let problem = try #require(throws: FileProblem.self) { try AppendFile(path: scratch.file("fifo")) }
        #expect(problem.reason.contains("not a regular file"))
        #expect(throws: FileProblem.self) { try AppendFile(path: "/dev/null") }
    }

    @Test func aSecondWriterIsToldAndTheFirstKeepsWriting() throws {
        let first = try AppendFile(path: scratch.file("t.jsonl"))
        let problem = try #require(throws: FileProblem.self) { try AppendFile(path: scratch.file("t.jsonl")) }
        #expect(problem.reason == "is being written by another intake session")
        try first.append("one\n")
        first.close()
        // Once the first has closed, the file can be opened again.
        let again = try AppendFile(path: scratch.file("t.jsonl"))
        try again.append("two\n")
        again.close()
        #expect(try scratch.read("t.jsonl") == "one\ntwo\n")
    }
}
