import DialogSyntax
import Testing

@Test func readsABlockMapping() {
    let result = YAMLParser.parse("a: 1\nb: [x, 'y']\n")
    #expect(result.diagnostics.isEmpty)
    #expect(result.documents.map(\.typedValue) == [.mapping([("a", .int(1)), ("b", .sequence([.string("x"), .string("y")]))])])
}
