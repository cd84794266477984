import DialogSyntax
import Testing

/// Inputs that the fuzzers (Tests/Fuzz/, README "Reliability") found to hang or crash the
/// parser, minimised, each with what it must give now.
struct FuzzRegressionTests {
    /// A block scalar header at the very end of the file, with no line break after it,
    /// sent the scanner back to the start of the header's line, forever. Found by the
    /// parser target as `--- |0,` and by the loader target as `--- |` followed by control
    /// bytes; the smallest input is `|`.
    @Test(
        "a block scalar header at the end of the file ends the scalar",
        arguments: [
            ("|", ""),
            ("--- |", ""),
            ("--- >-", ""),
            ("- |", ""),
            ("|1", ""),
        ])
    func blockScalarHeaderAtTheEnd(_ input: String, _ text: String) {
        let result = YAMLParser.parse(input)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let scalar = result.documents.first?.scalar ?? result.documents.first?.sequence?.items.first?.scalar
        #expect(scalar?.text == text)
    }

    @Test(
        "a broken block scalar header at the end of the file is an error, once",
        arguments: [
            "--- |0,",
            "--- |0",
            "--- |0 #c",
            "--- |x",
            "a: |0",
            "--- |" + String(repeating: "\u{16}", count: 86) + "1+",
        ])
    func brokenBlockScalarHeaderAtTheEnd(_ input: String) {
        let result = YAMLParser.parse(input)
        #expect(result.hasErrors)
        #expect(result.documents.isEmpty)
        // Each problem once: the scanner does not go round the header again.
        let places = result.diagnostics.map { "\($0.code) at \($0.range.start.offset)" }
        #expect(Set(places).count == places.count, "\(places)")
    }

    /// The count of problems not shown (IY023) was added after sorting, at the position
    /// of the first of them: here the scanner's 51st control character comes before the
    /// parser's problems on later lines, so the list was out of order. Found by the parser
    /// target with `make fuzz-smoke`.
    @Test func problemsNotShownKeepTheOrder() {
        let input =
            " - key:ey3: value3\n -" + String(repeating: "\u{16}", count: 86)
            + "\n   key3: valu-\n   key3: vale3\n"
        let result = YAMLParser.parse(input)
        let offsets = result.diagnostics.map(\.range.start.offset)
        #expect(offsets == offsets.sorted(), "\(result.diagnostics.map(\.code))")
        #expect(result.diagnostics.filter { $0.code == "IY023" }.count == 1)
    }
}
