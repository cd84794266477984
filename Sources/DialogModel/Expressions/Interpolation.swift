import DialogSyntax

/// A text with `{…}` expressions in it, split into its parts:
/// `"Your total is {sows} out of 64. Call {emergency}."` is a literal, the expression
/// `sows`, a literal, the name `emergency`, and a literal.
///
/// The rules, for dialog authors:
/// - `{` starts an expression and the first `}` after it ends it; both must be on the
///   same line. Strings inside braces therefore cannot contain `}`.
/// - `{{` and `}}` write a literal `{` and `}`. A lone `}` is an error, as is a `{`
///   with no `}` later on its line.
/// - When the whole content of the braces is one word of letters, digits, `_`, `.` and
///   `-` that starts with a letter or `_` and does not end with `-`, and it contains a
///   `-`, it is one name, hyphens included: `{crisis-line}`, `{detox-helpline}`. Role
///   names are written this way. Anything else is an ordinary expression, where `-`
///   subtracts: `{a - b}`, `{sows - 1}`. (`{sows-1}` is therefore the name `sows-1`,
///   which the checker reports as unknown with a hint to add spaces.)
public struct Interpolation: Sendable, Hashable {
    /// A piece of the text.
    public enum Part: Sendable, Hashable {
        /// Text shown as it is, with `{{` and `}}` already turned into `{` and `}`.
        case literal(String, SourceRange)
        /// An expression; the range covers the braces.
        case expression(Expr, SourceRange)
    }

    public var parts: [Part]

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// True when the text has no expression, so it can be shown without evaluation.
    public var isLiteral: Bool {
        parts.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// The text as shown when it has no expression; nil when it has one.
    public var literalText: String? {
        var out = ""
        for part in parts {
            guard case .literal(let text, _) = part else { return nil }
            out += text
        }
        return out
    }

    /// The text with every expression replaced by its value's
    /// ``Value/interpolationText``: `Your total is 14 out of 64.`
    public func render(with variables: some VariableLookup) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text, _): out += text
            case .expression(let expr, _): out += Evaluator.evaluate(expr, in: variables).interpolationText
            }
        }
        return out
    }

    /// Type-checks every expression part. Any type may be interpolated.
    public func check(in environment: [String: ExprType]) -> [Diagnostic] {
        checkedParts(in: environment).flatMap(\.diagnostics)
    }

    /// Each expression part, type-checked.
    public func checkedParts(in environment: [String: ExprType]) -> [CheckedExpression] {
        parts.compactMap { part in
            guard case .expression(let expr, _) = part else { return nil }
            return TypeChecker.check(expr, in: environment)
        }
    }

    /// Splits `text`, which starts at `start` in its dialog file.
    ///
    /// Line feeds in `text` move positions to the next line at column 1, plus
    /// `continuationIndent`: for a literal block scalar (`say: |`), pass the indentation
    /// of its content so positions on later lines match the file. Splitting goes on
    /// after a problem, so every problem of the text is reported.
    public static func parse(_ text: some StringProtocol, at start: SourcePosition, continuationIndent: Int = 0) -> ParsedInterpolation {
        if let literal = plainLiteral(text, at: start, continuationIndent: continuationIndent) {
            return ParsedInterpolation(interpolation: literal, diagnostics: [])
        }
        var splitter = Splitter(cursor: ScalarCursor(text, at: start), indent: continuationIndent)
        splitter.run()
        let diagnostics = splitter.diagnostics.sortedByPosition()
        return ParsedInterpolation(
            interpolation: diagnostics.isEmpty ? Interpolation(parts: splitter.parts) : nil,
            diagnostics: diagnostics)
    }

    /// Most texts have no brace at all: one literal, read in one pass over the bytes,
    /// with the end position the splitter would reach (nil when there is a brace). The
    /// splitter appends scalar by scalar, which made it a fifth of loading a bundle.
    static func plainLiteral(_ text: some StringProtocol, at start: SourcePosition, continuationIndent indent: Int) -> Interpolation? {
        var end = start
        var braceFree = true
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Bytes 0x7B and 0x7D never occur inside a multi-byte UTF-8 sequence.
            for b in bytes {
                switch b {
                case UInt8(ascii: "{"), UInt8(ascii: "}"):
                    braceFree = false
                    return
                case UInt8(ascii: "\n"):
                    end.line += 1
                    end.column = 1 + indent
                    end.offset += 1 + indent
                default:
                    end.offset += 1
                    // A scalar is one column: count its first byte only.
                    if b & 0xC0 != 0x80 { end.column += 1 }
                }
            }
        }
        guard scanned != nil, braceFree else { return nil }
        if text.isEmpty { return Interpolation(parts: []) }
        return Interpolation(parts: [.literal(String(text), SourceRange(start: start, end: end))])
    }

    /// Splits `text` as if it started at line 1, column 1: for tests and tools.
    public static func parse(_ text: some StringProtocol) -> ParsedInterpolation {
        parse(text, at: SourcePosition(offset: 0, line: 1, column: 1))
    }

    /// True when `content` (the inside of braces, spaces trimmed) is a hyphenated name
    /// by the rule above.
    static func isHyphenatedName(_ content: [Unicode.Scalar]) -> Bool {
        guard content.contains("-"), content.last != "-" else { return false }
        return content.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { word in
            guard let first = word.first, ExpressionLexer.isNameStart(first) else { return false }
            return word.allSatisfy { ExpressionLexer.isNameContinue($0) || $0 == "-" } && word.last != "-"
        }
    }
}

/// The result of splitting a text: its parts, and the problems found.
public struct ParsedInterpolation: Sendable, Hashable {
    /// The parts; nil exactly when ``diagnostics`` is not empty, as a half-read text
    /// must not be shown.
    public var interpolation: Interpolation?
    public var diagnostics: [Diagnostic]
}

private struct Splitter {
    var cursor: ScalarCursor
    let indent: Int
    var parts: [Interpolation.Part] = []
    var diagnostics: [Diagnostic] = []
    var literal = ""
    var literalStart: SourcePosition?
    /// For each index, the index of the first `}` or line feed at or after it (or the
    /// count): finding where a `{` closes is then one look-up, so a line full of
    /// unclosed braces still splits in linear time.
    let nextStop: [Int]

    init(cursor: ScalarCursor, indent: Int) {
        self.cursor = cursor
        self.indent = indent
        let scalars = cursor.scalars
        var stops = [Int](repeating: scalars.count, count: scalars.count + 1)
        for i in stride(from: scalars.count - 1, through: 0, by: -1) {
            stops[i] = scalars[i] == "}" || scalars[i] == "\n" ? i : stops[i + 1]
        }
        nextStop = stops
    }

    mutating func run() {
        while let c = cursor.peek() {
            switch c {
            case "{" where cursor.peek(1) == "{":
                appendLiteral("{", scalars: 2)
            case "}" where cursor.peek(1) == "}":
                appendLiteral("}", scalars: 2)
            case "{":
                let close = nextStop[cursor.index + 1]
                if close < cursor.scalars.count, cursor.scalars[close] == "}" {
                    expression(closingAt: close)
                } else {
                    diagnostics.append(ExpressionMessage.unclosedBrace(rangeOfNext(1)))
                    appendLiteral("{", scalars: 1)
                }
            case "}":
                diagnostics.append(ExpressionMessage.unmatchedBrace(rangeOfNext(1)))
                appendLiteral("}", scalars: 1)
            default:
                // A run of plain text goes into the literal at once: a string per scalar
                // cost more than the rest of decoding a text.
                if literalStart == nil { literalStart = cursor.position }
                let start = cursor.index
                while let d = cursor.peek(), d != "{", d != "}" { advance() }
                literal += String(scalars: cursor.scalars[start..<cursor.index])
            }
        }
        flushLiteral()
    }

    func rangeOfNext(_ n: Int) -> SourceRange {
        var end = cursor
        end.advance(by: n)
        return SourceRange(start: cursor.position, end: end.position)
    }

    mutating func appendLiteral(_ text: String, scalars: Int) {
        if literalStart == nil { literalStart = cursor.position }
        literal += text
        for _ in 0..<scalars { advance() }
    }

    /// Moves on one scalar, applying the continuation indent after a line feed.
    mutating func advance() {
        let newline = cursor.peek() == "\n"
        cursor.advance()
        if newline, indent > 0 {
            // The indentation is in the file but not in the text: skip over it.
            cursor.skipColumns(indent)
        }
    }

    /// Ends the literal being collected at `end` (by default, the cursor).
    mutating func flushLiteral(at end: SourcePosition? = nil) {
        if let start = literalStart {
            parts.append(.literal(literal, SourceRange(start: start, end: end ?? cursor.position)))
        }
        literal = ""
        literalStart = nil
    }

    /// Reads `{…}` whose `}` is at index `close`.
    mutating func expression(closingAt close: Int) {
        let open = cursor.position
        let openIndex = cursor.index
        advance()
        let contentStart = cursor.position
        let content = cursor.scalars[(openIndex + 1)..<close]
        while cursor.index < close { advance() }
        advance()
        let range = SourceRange(start: open, end: cursor.position)

        // The hyphenated-name rule looks at the content without its surrounding spaces.
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        let leading = content.prefix(while: isSpace).count
        let trimmed = Array(content.dropFirst(leading).reversed().drop(while: isSpace).reversed())
        let expr: Expr?
        if Interpolation.isHyphenatedName(trimmed) {
            var nameStart = contentStart
            nameStart.column += leading
            nameStart.offset += leading
            var nameEnd = nameStart
            nameEnd.column += trimmed.count
            nameEnd.offset += trimmed.reduce(0) { $0 + $1.utf8.count }
            let name = String(scalars: trimmed)
            expr = .name(name, SourceRange(start: nameStart, end: nameEnd))
        } else {
            let source = String(scalars: content)
            let parsed = ExpressionParser.parse(source, at: contentStart)
            diagnostics += parsed.diagnostics
            expr = parsed.expression
        }
        if let expr {
            flushLiteral(at: open)
            parts.append(.expression(expr, range))
        } else {
            // Go on as if the part were text, so the problems after it are found too.
            if literalStart == nil { literalStart = open }
            literal += "{" + String(scalars: content) + "}"
        }
    }
}
