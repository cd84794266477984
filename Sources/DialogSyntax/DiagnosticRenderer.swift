/// A source file as diagnostics are rendered against it: a display path and its bytes.
public struct SourceFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int, near offset: Int) -> String {
        guard !bytes.isEmpty else { return "" }
        var start = min(max(0, offset), bytes.count)
        while start > 0 && bytes[start - 1] != .lf && bytes[start - 1] != .cr { start -= 1 }
        var end = start
        while end < bytes.count && bytes[end] != .lf && bytes[end] != .cr { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
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

    public static func render(_ d: Diagnostic, in file: SourceFile) -> String {
        var out = header(d.severity.rawValue, d.message + " [\(d.code)]", d.range, file)
        out += excerpt(d.range, file)
        for note in d.notes {
            out += header("note", note.message, note.range, file)
            out += excerpt(note.range, file)
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
        let line = Array(file.lineText(r.start.line, near: r.start.offset).unicodeScalars)
        var caretAt = max(0, r.start.column - 1)
        var shown = line
        var prefix = ""
        if line.count > maxExcerpt {
            let from = max(0, min(caretAt - maxExcerpt / 2, line.count - maxExcerpt))
            shown = Array(line[from..<min(line.count, from + maxExcerpt)])
            caretAt -= from
            prefix = from > 0 ? "…" : ""
        }
        var text = prefix
        var pad = prefix.isEmpty ? "" : " "
        for (i, c) in shown.enumerated() {
            // Control characters would move the terminal's cursor; show them as symbols.
            let visible: Unicode.Scalar = c.value < 0x20 && c != "\t" ? (Unicode.Scalar(0x2400 + c.value) ?? "?") : c
            text.unicodeScalars.append(visible)
            if i < caretAt { pad += c == "\t" ? "\t" : " " }
        }
        if caretAt > shown.count { pad += String(repeating: " ", count: caretAt - shown.count) }
        let number = String(r.start.line)
        let gutter = String(repeating: " ", count: max(number.count, 4) + 1)
        let width = max(1, min(r.end.line == r.start.line ? r.end.column - r.start.column : 1, max(1, shown.count - caretAt)))
        return "\(String(repeating: " ", count: gutter.count - number.count))\(number) | \(text)\n"
            + "\(gutter) | \(pad)^\(String(repeating: "~", count: width - 1))\n"
    }
}
