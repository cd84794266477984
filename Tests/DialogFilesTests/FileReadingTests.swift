import DialogFiles
import Testing

@Suite struct FileReadingTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    @Test func namesAreSortedWithoutDotFiles() throws {
        for name in ["b.yaml", ".hidden.yaml", "a.yaml", "C.yaml"] { try scratch.write(name, "x: 1\n") }
        #expect(try FileReading.names(in: scratch.path) == ["C.yaml", "a.yaml", "b.yaml"])
    }

    @Test func aFolderIsNotReadAsAFile() throws {
        let problem = try #require(throws: FileProblem.self) { try FileReading.read(scratch.path) }
        #expect(problem.reason == "is a folder, not a file")
    }

    @Test func aDanglingLinkHasNoStatus() throws {
        scratch.link("a.yaml", to: "gone")
        #expect(throws: FileProblem.self) { try FileReading.status(of: scratch.file("a.yaml")) }
        #expect(FileReading.kind(of: scratch.file("a.yaml"), following: false) == .symbolicLink)
    }

    @Test func aFileIsReadWhole() throws {
        let text = String(repeating: "line of a dialog file\n", count: 10_000)
        try scratch.write("big.yaml", text)
        #expect(try scratch.read("big.yaml") == text)
        #expect(try FileReading.status(of: scratch.file("big.yaml")).size == text.utf8.count)
    }
}
