import DialogSyntax
import Testing

@Suite struct JSONIndenterTests {
    func indented(_ compact: String) -> String {
        String(decoding: JSONIndenter.indent(Array(compact.utf8)), as: UTF8.self)
    }

    @Test func nestedObjectsAndArraysGetALineEach() {
        #expect(
            indented(#"{"a":1,"b":[true,null,"x"],"c":{"d":{}}}"#) == """
                {
                  "a": 1,
                  "b": [
                    true,
                    null,
                    "x"
                  ],
                  "c": {
                    "d": {}
                  }
                }
                """)
    }

    @Test func stringsAreCopiedAsTheyAreEvenWithBracesAndEscapes() {
        #expect(
            indented(#"["{a,b}: [c]","say \"hi\", \\",""]"#) == """
                [
                  "{a,b}: [c]",
                  "say \\"hi\\", \\\\",
                  ""
                ]
                """)
    }

    @Test func emptyContainersAndScalarsStayOnTheirLine() {
        #expect(indented("[]") == "[]")
        #expect(indented("{}") == "{}")
        #expect(indented("42") == "42")
        #expect(indented(#"[[],{}]"#) == "[\n  [],\n  {}\n]")
    }
}
