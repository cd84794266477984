import DialogSyntax
import Testing

/// A stream with syntax errors is read again without what they spoil: the rest reads as
/// written, and what was left out is known.
@Suite("Reading around syntax errors")
struct SyntaxDamageTests {
    /// The text of each line of `source` that is left out.
    private func linesLeftOut(_ source: String, _ damage: SyntaxDamage) -> [String] {
        let bytes = Array(source.utf8)
        return damage.spans.flatMap { span in
            String(decoding: bytes[span], as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    /// Reads `bytes` as written, then around its errors.
    private func read(_ bytes: [UInt8]) -> (result: ParseResult, recovered: [Node], damage: SyntaxDamage) {
        let result = YAMLParser.parse(bytes)
        let (recovered, damage) = SyntaxDamage.readAround(bytes, result)
        return (result, recovered, damage)
    }

    private func keys(_ node: Node?) -> [String] {
        node?.mapping?.entries.map(\.key.text) ?? []
    }

    @Test("each error spoils its line and the lines indented under it; what follows reads as written")
    func eachErrorSpoilsItsEntry() throws {
        let source = """
            symptoms:
              cramps:
                label: stomach cramps
                synonyms: [cramp, "stomach ache"
                  - more of the same
              yawning:
                label: yawning
                stgae: early
            nodes:
              a:
                say: "hello
                next: b
              b:
                say: fine
            \tend: yes
              c:
                say: x: y: z

            """
        let (result, recovered, damage) = read(Array(source.utf8))
        #expect(result.hasErrors && result.documents.isEmpty)
        #expect(
            linesLeftOut(source, damage).map { String($0.drop { $0 == " " }) } == [
                "synonyms: [cramp, \"stomach ache\"", "- more of the same", "say: \"hello", "\tend: yes", "say: x: y: z",
            ])
        #expect(keys(recovered.first) == ["symptoms", "nodes"])
        let document = try #require(recovered.first?.mapping)
        #expect(keys(document["symptoms"]?.mapping?["yawning"]) == ["label", "stgae"])
        #expect(keys(document["symptoms"]?.mapping?["cramps"]) == ["label"])
        let nodes = try #require(document["nodes"]?.mapping)
        #expect(keys(nodes["a"]) == ["next"])
        #expect(keys(nodes["b"]) == ["say"])
        #expect(nodes["c"]?.scalar?.isEmptyValue == true)
        // Each line left out, with the keys it was under: what it may have held. A line
        // indented with a tab is read as shallow as it may be meant.
        #expect(
            damage.linesLeftOut.map(\.path) == [
                ["symptoms", "cramps", "synonyms"], ["symptoms", "cramps", "synonyms", nil], ["nodes", "a", "say"],
                ["nodes", "end"], ["nodes", "c", "say"],
            ])
    }

    @Test("past the problems a reading stops reporting, the rest is left out")
    func pastTheUnshownProblems() throws {
        let source = "nodes:\n" + (0..<300).map { "  n\($0):\n    say: \"open\n" }.joined() + "last: here\n"
        let (result, recovered, damage) = read(Array(source.utf8))
        #expect(result.diagnostics.last?.code == "IY023")
        #expect(damage.spans.last?.upperBound == source.utf8.count)
        #expect(keys(recovered.first) == ["nodes"])
    }

    @Test("a key whose items sit at its own depth loses them with it")
    func aKeyLosesItsItems() throws {
        let source = "items: [one\n- two\n- three\nnext: done\n"
        let (_, recovered, damage) = read(Array(source.utf8))
        #expect(linesLeftOut(source, damage) == ["items: [one", "- two", "- three"])
        #expect(keys(recovered.first) == ["next"])
    }

    @Test("a comment with an error is left out alone, not the entry below it")
    func aCommentStandsAlone() throws {
        var bytes = Array("# caf".utf8) + [0xE9] + Array("\n  nested: 1\nkey: 2\n".utf8)
        bytes.insert(contentsOf: Array("top:\n".utf8), at: 0)
        let (result, recovered, damage) = read(bytes)
        #expect(result.diagnostics.map(\.code).contains("IY001"))
        #expect(damage.spans.count == 1)
        #expect(keys(recovered.first) == ["top", "key"])
    }

    @Test("what the damage may explain: a problem in it, or one about an entry that lost lines")
    func whatTheDamageMayExplain() throws {
        let source = "a:\n  label: \"open\n  stage: later\nb:\n  label: fine\n"
        let (_, recovered, damage) = read(Array(source.utf8))
        let document = try #require(recovered.first?.mapping)
        let a = try #require(document.entry("a"))
        let b = try #require(document.entry("b"))
        let stage = try #require(a.value.mapping?.entries.first)
        // "a: missing `label`" would be reported at a's key: its entry lost a line.
        #expect(damage.mayExplain(a.key.range))
        #expect(!damage.mayExplain(stage.key.range))
        #expect(!damage.mayExplain(b.key.range))
        #expect(!damage.mayExplain(try #require(b.value.mapping?.entries.first).value.range))
    }

    @Test("a stream with no error has no damage")
    func noErrorNoDamage() {
        let (result, recovered, damage) = read(Array("a: 1\nb:\n  - c\n".utf8))
        #expect(damage.spans.isEmpty && recovered.count == 1 && !result.hasErrors)
    }
}
