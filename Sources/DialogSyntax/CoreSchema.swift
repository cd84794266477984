/// A value after the YAML 1.2 core schema has typed the plain scalars.
///
/// Only plain scalars are typed, and only with the core schema's spellings: `yes`, `no`,
/// `on`, `off`, `1-800-662-4357`, `24/7` and `0...4` stay strings. Quoted and block
/// scalars are always strings.
public enum TypedValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case sequence([TypedValue])
    case mapping([(key: String, value: TypedValue)])

    public static func == (a: TypedValue, b: TypedValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): x == y
        case (.sequence(let x), .sequence(let y)): x == y
        case (.mapping(let x), .mapping(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}

extension Node {
    /// The node with the core schema applied to its plain scalars.
    public var typedValue: TypedValue {
        switch self {
        case .scalar(let s): s.typedValue
        case .sequence(let s): .sequence(s.items.map(\.typedValue))
        case .mapping(let m): .mapping(m.entries.map { (key: $0.key.text, value: $0.value.typedValue) })
        }
    }
}

extension ScalarNode {
    /// The scalar typed by the core schema (plain scalars only).
    public var typedValue: TypedValue {
        guard style == .plain else { return .string(text) }
        return CoreSchema.resolve(text)
    }
}

/// The YAML 1.2 core schema's rules for plain scalars.
public enum CoreSchema {
    /// Types a plain scalar's text.
    public static func resolve(_ text: String) -> TypedValue {
        // Most scalars are words: every spelling below starts with one of these bytes. A
        // string that starts otherwise cannot equal one of them even canonically (only
        // K, `;` and `` ` `` are single-character decompositions in ASCII).
        guard let lead = text.utf8.first else { return .null }
        switch lead {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), .dash, .plus, .dot, UInt8(ascii: "~"),
            UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            break
        default:
            return .string(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let utf8 = Array(text.utf8)
        guard let first = utf8.first,
            first == .dash || first == .plus || first == .dot
                || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string(text) }
        if let i = integer(utf8) { return i }
        if isFloat(utf8), let d = Double(text) { return .double(d) }
        return .string(text)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`. Integers too large for `Int` become
    /// floats, as they would in JSON, whatever their base.
    private static func integer(_ b: [UInt8]) -> TypedValue? {
        if b.count > 2 && b[0] == UInt8(ascii: "0") && (b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x")) {
            let radix = b[1] == UInt8(ascii: "o") ? 8 : 16
            let values = b[2...].compactMap { hexValue($0).map(Int.init) }
            guard values.count == b.count - 2, values.allSatisfy({ $0 < radix }) else { return nil }
            if let v = Int(String(decoding: b[2...], as: UTF8.self), radix: radix) { return .int(v) }
            return .double(values.reduce(0.0) { $0 * Double(radix) + Double($1) })
        }
        var i = 0
        if b[0] == .dash || b[0] == .plus { i = 1 }
        guard i < b.count, b[i...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let s = String(decoding: b, as: UTF8.self)
        if let v = Int(s) { return .int(v) }
        return Double(s).map { .double($0) }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ b: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let s = i
            while i < b.count && b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        if i < b.count && (b[i] == .dash || b[i] == .plus) { i += 1 }
        if i < b.count && b[i] == .dot {
            i += 1
            if digits() == 0 { return false }
        } else {
            if digits() == 0 { return false }
            if i < b.count && b[i] == .dot { i += 1; _ = digits() }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == .dash || b[i] == .plus) { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }
}
