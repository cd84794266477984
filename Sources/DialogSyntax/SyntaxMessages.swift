/// The catalogue of the parser's messages, one stable code each (`IY…`), in code order.
///
/// The README lists the codes; keep them stable: scripts and editors may match on them.
enum SyntaxMessage {
    /// Every code of this catalogue.
    enum Code: String, DiagnosticCode {
        case IY001, IY002, IY003, IY004, IY005, IY006, IY007, IY008, IY009, IY010, IY011, IY012, IY013, IY014, IY015, IY016, IY017, IY018, IY019, IY020, IY021, IY022, IY023, IY024, IY025
    }

    static func invalidUTF8(_ r: SourceRange) -> Diagnostic {
        Code.IY001.error("invalid UTF-8 byte sequence", at: r, hint: "save the file as UTF-8")
    }

    static func misplacedByteOrderMark(_ r: SourceRange) -> Diagnostic {
        Code.IY002.error("byte-order mark in the middle of the file", at: r, hint: "a byte-order mark may only open the file; delete this one")
    }

    static func controlCharacter(_ byte: UInt8, _ r: SourceRange) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Code.IY003.error(
            "control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) is not allowed",
            at: r, hint: "write it as an escape inside a double-quoted string, such as \"\\x\(hex.count == 1 ? "0" : "")\(hex)\"")
    }

    static func tabIndentation(_ r: SourceRange) -> Diagnostic {
        Code.IY004.error("tab used as indentation", at: r, hint: "indent with spaces; a tab may only separate after the indentation")
    }

    static func inconsistentIndentation(_ r: SourceRange, expected: [Int]) -> Diagnostic {
        let list = expected.map { "\($0)" }
        let columns =
            list.count <= 1
            ? (list.first ?? "1")
            : list.dropLast().joined(separator: ", ") + " or " + (list.last ?? "")
        return Code.IY005.error("inconsistent indentation", at: r, hint: "line this up with the entries it belongs with (column \(columns))")
    }

    static func underIndentedContinuation(_ what: String, _ r: SourceRange) -> Diagnostic {
        Code.IY024.error("continuation line of \(what) is not indented enough", at: r, hint: "indent it further than the key or entry it belongs to")
    }

    static func unterminatedQuote(_ double: Bool, _ r: SourceRange) -> Diagnostic {
        Code.IY006.error("unterminated \(double ? "double" : "single")-quoted scalar", at: r, hint: "close it with \(double ? "`\"`" : "`'`")")
    }

    static func invalidEscape(_ escape: String, _ r: SourceRange) -> Diagnostic {
        Code.IY007.error(
            "invalid escape sequence `\\\(escape)`", at: r,
            hint: "valid escapes are \\n \\t \\\" \\\\ \\/ \\0 \\xXX \\uXXXX \\UXXXXXXXX; write `\\\\` for a backslash")
    }

    static func surrogateEscape(_ escape: String, _ r: SourceRange) -> Diagnostic {
        Code.IY025.error(
            "escape `\\\(escape)` is a surrogate, not a character", at: r,
            hint: "write a character beyond U+FFFF as `\\U` and eight hex digits (`\\U0001F600`), or as a pair of escapes (`\\uD83D\\uDE00`)")
    }

    static func unterminatedFlow(_ sequence: Bool, _ r: SourceRange) -> Diagnostic {
        Code.IY008.error("unterminated flow \(sequence ? "sequence" : "mapping")", at: r, hint: "close it with \(sequence ? "`]`" : "`}`")")
    }

    static func duplicateKey(_ key: String, _ r: SourceRange, first: SourceRange) -> Diagnostic {
        Code.IY009.error(
            "duplicate key `\(key)`", at: r,
            notes: [.init(message: "`\(key)` first appears here", range: first)],
            hint: "a key may appear once in a mapping; merge the two or rename one")
    }

    static func unsupported(_ feature: String, _ r: SourceRange, hint: String) -> Diagnostic {
        Code.IY010.error("\(feature) are not supported", at: r, hint: hint)
    }

    static func mappingValueNotAllowed(_ r: SourceRange) -> Diagnostic {
        Code.IY011.error("a mapping value is not allowed here", at: r, hint: "quote text that contains `: `, or start the mapping on a new line")
    }

    static func missingColon(_ r: SourceRange) -> Diagnostic {
        Code.IY012.error("expected `:` after this mapping key", at: r, hint: "write `key: value`, or indent the line if it continues the text above")
    }

    static func sequenceEntryNotAllowed(_ r: SourceRange) -> Diagnostic {
        Code.IY013.error("a sequence entry is not allowed here", at: r, hint: "start the sequence on a new line, indented under its key")
    }

    static func unexpected(_ found: String, expected: String, _ r: SourceRange, hint: String? = nil) -> Diagnostic {
        Code.IY014.error("expected \(expected), found \(found)", at: r, hint: hint)
    }

    static func tooDeep(_ limit: Int, _ r: SourceRange) -> Diagnostic {
        Code.IY015.error("nesting is deeper than \(limit) levels", at: r, hint: "flatten the structure")
    }

    static func commentWithoutSpace(_ r: SourceRange) -> Diagnostic {
        Code.IY016.error(
            "a comment must be separated from what precedes it by a space", at: r,
            hint: "put a space before `#`, or quote the text if `#` belongs to it")
    }

    static func cannotStartToken(_ what: String, _ r: SourceRange) -> Diagnostic {
        Code.IY017.error("\(what) cannot start a value", at: r, hint: "quote the value if the character belongs to the text")
    }

    static func blockScalarHeader(_ problem: String, _ r: SourceRange) -> Diagnostic {
        Code.IY018.error(
            problem, at: r,
            hint: "a block scalar header is `|` or `>`, then optionally `-` or `+` and an indentation digit 1-9, then a comment or the end of the line")
    }

    static func blockScalarIndentation(_ r: SourceRange) -> Diagnostic {
        Code.IY019.error(
            "a leading empty line of this block scalar is indented more than its first line", at: r,
            hint: "remove the spaces from the empty line, or add an indentation indicator such as `|2`")
    }

    static func implicitKeyTooLong(_ r: SourceRange) -> Diagnostic {
        Code.IY020.error("a mapping key longer than 1024 characters", at: r, hint: "keys must fit on one line of at most 1024 characters")
    }

    static func documentMarkerInScalar(_ r: SourceRange) -> Diagnostic {
        Code.IY021.error("a document marker inside a quoted scalar", at: r, hint: "close the quote before `---` or `...`, or indent the line")
    }

    /// The code of `unshownProblems`, which `SyntaxDamage` looks for.
    static let unshownProblemsCode = Code.IY023.rawValue

    static func unshownProblems(_ count: Int, _ r: SourceRange) -> Diagnostic {
        Code.IY023.error(
            "\(count) more problem\(count == 1 ? "" : "s") in this file not shown", at: r,
            hint: "mend the ones above and check again; a file with many invalid bytes may not be a text file")
    }

    static func contentAfterDocumentEnd(_ r: SourceRange) -> Diagnostic {
        Code.IY022.error("expected a new document (`---`) or the end of the file", at: r, hint: "a document that follows another starts with `---`")
    }
}
