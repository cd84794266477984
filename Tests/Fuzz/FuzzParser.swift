// libFuzzer target: the parser on arbitrary bytes. Built by Tests/Fuzz/fuzz.sh parser.
//
// Beyond "never traps", it checks what YAMLParser promises: a stream with errors has no
// documents, diagnostics come sorted, and every range lies inside the input. It then does
// what `intake parse` does with the result: renders the diagnostics and writes the JSON.
import DialogSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = YAMLParser.parse(bytes)

    if result.hasErrors { require(result.documents.isEmpty, "documents returned with errors") }
    for (a, b) in zip(result.diagnostics, result.diagnostics.dropFirst()) {
        require(a.range.start.offset <= b.range.start.offset, "diagnostics out of order")
    }
    for d in result.diagnostics {
        check(d.range, size)
        for note in d.notes { check(note.range, size) }
    }
    for document in result.documents { checkRanges(document, size) }

    _ = DiagnosticRenderer.render(result.diagnostics, in: SourceFile(path: "fuzz.yaml", bytes: bytes))
    var out: [UInt8] = []
    for document in result.documents { JSONWriter.write(document.typedValue, to: &out) }
    return 0
}

func checkRanges(_ node: Node, _ size: Int) {
    check(node.range, size)
    switch node {
    case .scalar: break
    case .sequence(let s): s.items.forEach { checkRanges($0, size) }
    case .mapping(let m):
        for entry in m.entries {
            check(entry.key.range, size)
            checkRanges(entry.value, size)
        }
    }
}

func check(_ r: SourceRange, _ size: Int) {
    require(
        0 <= r.start.offset && r.start.offset <= r.end.offset && r.end.offset <= size,
        "range \(r.start.offset)..<\(r.end.offset) outside 0..<\(size)")
    require(r.start.line >= 1 && r.start.column >= 1, "position \(r.start) is not 1-based")
}

func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz-parser: \(message())") }
}
