/// Writes typed values as compact JSON, the output of `intake parse`.
///
/// `.inf`, `-.inf` and `.nan` have no JSON form and are written as the strings `".inf"`,
/// `"-.inf"` and `".nan"`. Output is built as UTF-8 bytes: appending to a byte array stays
/// linear in the size of the output.
public enum JSONWriter {
    /// The value as one line of JSON.
    public static func string(_ value: TypedValue) -> String {
        var out: [UInt8] = []
        write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value as JSON to a byte buffer.
    public static func write(_ value: TypedValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: number(d).utf8)
        case .string(let s): writeString(s, to: &out)
        case .sequence(let items):
            out.append(.lbracket)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(.comma) }
                write(item, to: &out)
            }
            out.append(.rbracket)
        case .mapping(let entries):
            out.append(.lbrace)
            for (i, entry) in entries.enumerated() {
                if i > 0 { out.append(.comma) }
                writeString(entry.key, to: &out)
                out.append(.colon)
                write(entry.value, to: &out)
            }
            out.append(.rbrace)
        }
    }

    /// Appends a node as JSON, its plain scalars typed by the core schema: the same text
    /// as `write(node.typedValue, to:)`, without building the typed tree first.
    public static func write(_ node: Node, to out: inout [UInt8]) {
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                write(CoreSchema.resolve(s.text), to: &out)
            } else {
                writeString(s.text, to: &out)
            }
        case .sequence(let s):
            out.append(.lbracket)
            for (i, item) in s.items.enumerated() {
                if i > 0 { out.append(.comma) }
                write(item, to: &out)
            }
            out.append(.rbracket)
        case .mapping(let m):
            out.append(.lbrace)
            for (i, entry) in m.entries.enumerated() {
                if i > 0 { out.append(.comma) }
                writeString(entry.key.text, to: &out)
                out.append(.colon)
                write(entry.value, to: &out)
            }
            out.append(.rbrace)
        }
    }

    private static func number(_ d: Double) -> String {
        if d.isNaN { return "\".nan\"" }
        if d == .infinity { return "\".inf\"" }
        if d == -.infinity { return "\"-.inf\"" }
        if d == 0 && d.sign == .minus { return "-0.0" }
        if d == d.rounded(.towardZero) && abs(d) < 1e15 { return String(Int(d)) + ".0" }
        return "\(d)"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    public static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(.doubleQuote)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for (i, b) in bytes.enumerated() {
                let escape: UInt8?
                switch b {
                case .doubleQuote: escape = .doubleQuote
                case .backslash: escape = .backslash
                case .lf: escape = UInt8(ascii: "n")
                case .cr: escape = UInt8(ascii: "r")
                case .tab: escape = UInt8(ascii: "t")
                case 0..<0x20, 0x7F: escape = UInt8(ascii: "u")
                default: continue
                }
                out.append(contentsOf: bytes[runStart..<i])
                runStart = i + 1
                out.append(.backslash)
                if let escape { out.append(escape) }
                if escape == UInt8(ascii: "u") {
                    out.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])
                }
            }
            out.append(contentsOf: bytes[runStart..<bytes.count])
        }
        out.append(.doubleQuote)
    }
}
