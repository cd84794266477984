// The bytes the scanner tells apart, by name, and the classes of bytes it asks about.

extension UInt8 {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation = UInt8(ascii: "!")
    static let doubleQuote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let percent = UInt8(ascii: "%")
    static let ampersand = UInt8(ascii: "&")
    static let singleQuote = UInt8(ascii: "'")
    static let star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let greater = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let at = UInt8(ascii: "@")
    static let lbracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let rbracket = UInt8(ascii: "]")
    static let backtick = UInt8(ascii: "`")
    static let lbrace = UInt8(ascii: "{")
    static let pipe = UInt8(ascii: "|")
    static let rbrace = UInt8(ascii: "}")
}

@inline(__always) func isBlank(_ c: UInt8) -> Bool { c == .space || c == .tab }

/// What a UTF-8 lead byte promises: how many continuation bytes follow it, and the range
/// the first of them must fall in (narrower after E0, ED, F0 and F4, which rules out
/// overlong forms, surrogates and code points beyond U+10FFFF). Nil for a byte that
/// cannot start a character of more than one byte.
func utf8Lead(_ b: UInt8) -> (continuations: Int, second: ClosedRange<UInt8>)? {
    switch b {
    case 0xC2...0xDF: (1, 0x80...0xBF)
    case 0xE0: (2, 0xA0...0xBF)
    case 0xED: (2, 0x80...0x9F)
    case 0xE1...0xEF: (2, 0x80...0xBF)
    case 0xF0: (3, 0x90...0xBF)
    case 0xF4: (3, 0x80...0x8F)
    case 0xF1...0xF3: (3, 0x80...0xBF)
    default: nil
    }
}

/// Space, tab, line break, or the end of the input (the zero padding).
@inline(__always) func isBlankOrEnd(_ c: UInt8) -> Bool {
    c == .space || c == .tab || c == .lf || c == .cr || c == 0
}

@inline(__always) func isFlowIndicator(_ c: UInt8) -> Bool {
    c == .comma || c == .lbracket || c == .rbracket || c == .lbrace || c == .rbrace
}

@inline(__always) func isIndicator(_ c: UInt8) -> Bool {
    switch c {
    case .dash, .question, .colon, .comma, .lbracket, .rbracket, .lbrace, .rbrace, .hash,
        .ampersand, .star, .exclamation, .pipe, .greater, .singleQuote, .doubleQuote, .percent,
        .at, .backtick:
        true
    default:
        false
    }
}

func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
}
