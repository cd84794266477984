/// A source file as diagnostics are rendered against it: a display path and its bytes.
public struct SourceFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Turns diagnostics into the text authors read:
///
/// ```
/// Dialogs/intake.yaml:12:9: error: unterminated double-quoted scalar [IY006]
///    12 |   ask: "What would you like
///       |        ^
///   hint: close it with `"`
/// ```
public enum DiagnosticRenderer {
    /// Longest excerpt line shown; longer lines are cut around the caret.
    static let maxExcerpt = 120

    /// Renders `d` against `file`; a note whose index is in `noteFiles` is rendered
    /// against that file instead (a note about another file of a bundle).
    public static func render(_ d: Diagnostic, in file: SourceFile, noteFiles: [Int: SourceFile] = [:]) -> String {
        var out = header(d.severity.rawValue, d.message + " [\(d.code)]", d.range, file)
        // A file that was not read (too large) or is empty has no line to show.
        if !file.bytes.isEmpty { out += excerpt(d.range, file) }
        for (i, note) in d.notes.enumerated() {
            let noteFile = noteFiles[i] ?? file
            out += header("note", note.message, note.range, noteFile)
            if !noteFile.bytes.isEmpty { out += excerpt(note.range, noteFile) }
        }
        if let hint = d.hint { out += "  hint: \(hint)\n" }
        return out
    }

    /// Renders many diagnostics, in order.
    public static func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        diagnostics.map { render($0, in: file) }.joined()
    }

    private static func header(_ kind: String, _ message: String, _ r: SourceRange, _ file: SourceFile) -> String {
        "\(file.path):\(r.start.line):\(r.start.column): \(kind): \(message)\n"
    }

    private static func excerpt(_ r: SourceRange, _ file: SourceFile) -> String {
        let (line, caret, cutBefore) = window(around: r.start.offset, in: file.bytes)
        var caretAt = caret
        var shown = line
        var prefix = cutBefore ? "…" : ""
        if line.count > maxExcerpt {
            let from = max(0, min(caretAt - maxExcerpt / 2, line.count - maxExcerpt))
            shown = Array(line[from..<min(line.count, from + maxExcerpt)])
            caretAt -= from
            prefix = from > 0 || cutBefore ? "…" : ""
        }
        var text = String.UnicodeScalarView(prefix.unicodeScalars)
        var pad = String.UnicodeScalarView((prefix.isEmpty ? "" : " ").unicodeScalars)
        for i in shown.indices {
            text.append(visible(shown[i]))
            if i < caretAt { pad.append(shown[i] == "\t" ? "\t" : " ") }
        }
        if caretAt > shown.count { pad.append(contentsOf: repeatElement(" ", count: caretAt - shown.count)) }
        let number = String(r.start.line)
        let gutter = String(repeating: " ", count: max(number.count, 4) + 1)
        let width = max(1, min(r.end.line == r.start.line ? r.end.column - r.start.column : 1, max(1, shown.count - caretAt)))
        return "\(String(repeating: " ", count: gutter.count - number.count))\(number) | \(String(text))\n"
            + "\(gutter) | \(String(pad))^\(String(repeating: "~", count: width - 1))\n"
    }

    /// The characters of the line around `offset`, no more than a few excerpts' worth
    /// on either side, so that rendering many diagnostics on a long line stays linear;
    /// the caret's index among them; and whether the line was cut before them.
    private static func window(around offset: Int, in bytes: [UInt8]) -> (line: [Unicode.Scalar], caret: Int, cutBefore: Bool) {
        func isBreak(_ b: UInt8) -> Bool { b == .lf || b == .cr }
        // Enough characters for `maxExcerpt` on either side: every byte that is not a
        // continuation byte starts at least one, valid or not.
        let reach = maxExcerpt + 1
        let offset = min(max(0, offset), bytes.count)
        var start = offset
        var characters = 0
        while start > 0 && characters < reach && !isBreak(bytes[start - 1]) {
            start -= 1
            if bytes[start] & 0xC0 != 0x80 { characters += 1 }
        }
        let cutBefore = start > 0 && !isBreak(bytes[start - 1])
        if cutBefore {
            while start < offset && bytes[start] & 0xC0 == 0x80 { start += 1 }
        } else if start == 0 && offset >= 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3  // the byte-order mark that opens the file takes no column
        }
        var end = offset
        characters = 0
        while end < bytes.count && (characters < reach || bytes[end] & 0xC0 == 0x80) && !isBreak(bytes[end]) {
            if bytes[end] & 0xC0 != 0x80 { characters += 1 }
            end += 1
        }
        if end < bytes.count && !isBreak(bytes[end]) {
            while end > offset && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
        let before = scalars(bytes[start..<offset])
        return (before + scalars(bytes[offset..<end]), before.count, cutBefore)
    }

    /// Decodes UTF-8 as `String(decoding:as:)` does, each maximal invalid part becoming
    /// one U+FFFD. Written out because that initializer throws and catches an error
    /// internally to repair, and generic decoding is slow in debug builds, where tests
    /// render hundreds of thousands of diagnostics.
    private static func scalars(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            i += 1
            if lead < 0x80 {
                result.append(Unicode.Scalar(lead))
                continue
            }
            guard let (continuations, second) = utf8Lead(lead) else {
                result.append("\u{FFFD}")
                continue
            }
            var value = UInt32(lead) & (0x7F >> (continuations + 1))
            var complete = true
            for k in 0..<continuations {
                guard i < bytes.endIndex, (k == 0 ? second : 0x80...0xBF).contains(bytes[i]) else {
                    complete = false
                    break
                }
                value = value << 6 | UInt32(bytes[i] & 0x3F)
                i += 1
            }
            result.append(complete ? Unicode.Scalar(value) ?? "\u{FFFD}" : "\u{FFFD}")
        }
        return result
    }

    /// Control characters would move the terminal's cursor: they are shown as symbols.
    private static func visible(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c.value {
        case 0x09: c
        case 0x00..<0x20: Unicode.Scalar(0x2400 + c.value) ?? "?"
        case 0x7F: "\u{2421}"
        case 0x80...0x9F: "\u{FFFD}"
        default: c
        }
    }
}
