import DialogSyntax
import Testing

/// Source text for a test, with the places it talks about marked inline.
///
/// `↓` marks a position: it stands just before the character a caret must point at, and
/// is removed from the text. `⟨FF⟩` (two hex digits) stands for one raw byte, so that
/// inputs with invalid UTF-8 or stray byte-order marks can be written as string literals.
///
/// ```swift
/// let m = Marked("a: ↓\"open\n")
/// m.position   // 1:4, offset 3
/// ```
struct Marked: Sendable {
    /// The source without its markers, as bytes.
    let bytes: [UInt8]
    /// The position of each `↓`, in order.
    let positions: [SourcePosition]

    init(_ source: String) {
        var bytes: [UInt8] = []
        var markerOffsets: [Int] = []
        var scalars = source.unicodeScalars[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == "↓" {
                markerOffsets.append(bytes.count)
            } else if c == "⟨", let close = scalars.firstIndex(of: "⟩"),
                let byte = UInt8(String(scalars[..<close]), radix: 16)
            {
                bytes.append(byte)
                scalars = scalars[scalars.index(after: close)...]
            } else {
                bytes.append(contentsOf: String(c).utf8)
            }
        }
        self.bytes = bytes
        self.positions = markerOffsets.map { Marked.position(of: $0, in: bytes) }
    }

    /// Line and column of a byte offset, by the parser's rules: LF, CR LF and CR end a
    /// line; every byte that is not a UTF-8 continuation byte takes a column, except a
    /// byte-order mark that opens the file.
    static func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) && offset >= 3 ? 3 : 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                if !(b == 0x0A && i > 0 && bytes[i - 1] == 0x0D) { line += 1 }
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourcePosition(offset: offset, line: line, column: column)
    }

    /// The only marked position; a test that marks none or several gets 0:0.
    var position: SourcePosition {
        positions.count == 1 ? positions[0] : SourcePosition(offset: -1, line: 0, column: 0)
    }

    /// The source without markers, as text (invalid bytes become U+FFFD).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The source parsed.
    func parse(maxDepth: Int = YAMLParser.defaultMaxDepth) -> ParseResult {
        YAMLParser.parse(bytes, maxDepth: maxDepth)
    }

    /// The diagnostics rendered against the source, under the display path `path`.
    func render(_ diagnostics: [Diagnostic], path: String = "test.yaml") -> String {
        DiagnosticRenderer.render(diagnostics, in: SourceFile(path: path, bytes: bytes))
    }
}

/// A diagnostic written as `line:col code`, for messages of failed expectations.
func summary(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.range.start) \($0.code) \($0.message)" }.joined(separator: "; ")
}

extension Diagnostic {
    /// `line:column` of the start, for comparisons.
    var at: String { "\(range.start.line):\(range.start.column)" }
}

extension SourcePosition {
    /// `line:column`, for comparisons.
    var at: String { "\(line):\(column)" }
}
