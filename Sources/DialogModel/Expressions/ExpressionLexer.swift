import DialogSyntax

/// One token of an expression.
struct ExprToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        /// A name, dotted or not; never a keyword.
        case name(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// Text that could not be read; its diagnostic is already reported.
        case invalid
        case end
    }

    enum Keyword: String, Sendable, Hashable, CaseIterable {
        case and, or, not, `in`, `true`, `false`
    }

    enum Symbol: String, Sendable, Hashable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", comma = ","
        case plus = "+", minus = "-", star = "*", slash = "/"
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    var kind: Kind
    var range: SourceRange
    /// The source text of the token, for messages.
    var text: String

    /// How the token is named in messages: "`)`", "the name `b`", "the end of the expression".
    var described: String {
        switch kind {
        case .number: "the number `\(text)`"
        case .string: "the string `\(text)`"
        case .name: "the name `\(text)`"
        case .keyword, .symbol, .invalid: "`\(text)`"
        case .end: "the end of the expression"
        }
    }
}

/// A cursor over the Unicode scalars of a text that keeps the file position of each
/// scalar: `offset` in UTF-8 bytes, `column` in scalars, as ``SourcePosition`` defines.
struct ScalarCursor {
    let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private(set) var position: SourcePosition

    init(_ text: some StringProtocol, at start: SourcePosition) {
        scalars = Array(text.unicodeScalars)
        position = start
    }

    var atEnd: Bool { index >= scalars.count }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    /// Moves past one scalar. A line feed starts a new line, so a text that spans lines
    /// still gets correct positions.
    mutating func advance() {
        guard let c = peek() else { return }
        index += 1
        position.offset += c.utf8.count
        if c == "\n" {
            position.line += 1
            position.column = 1
        } else {
            position.column += 1
        }
    }

    /// Moves the position, not the index, `n` columns (and bytes) to the right: for text
    /// whose indentation the file has but the string does not.
    mutating func skipColumns(_ n: Int) {
        position.offset += n
        position.column += n
    }

    mutating func advance(by n: Int) {
        for _ in 0..<n { advance() }
    }

    func text(from start: Int) -> String {
        String(scalars: scalars[start..<index])
    }
}

extension String {
    /// A string of the given scalars. Encoded to UTF-8 here, in one buffer:
    /// `unicodeScalars.append(contentsOf:)` takes a generic path that costs thousands of
    /// instructions per call, and every text with a `{…}` is cut up this way.
    init(scalars: some Collection<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { bytes.append(contentsOf: scalar.utf8) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

/// Splits an expression into tokens.
///
/// It reads every character exactly once and never stops early, so it terminates in
/// linear time on any input; a character it cannot read becomes an `invalid` token and a
/// diagnostic, then reading goes on. After ``maximumDiagnostics`` problems it goes quiet,
/// so a pasted paragraph yields a handful of messages, not thousands.
enum ExpressionLexer {
    static let maximumDiagnostics = 10

    static func tokens(_ text: some StringProtocol, at start: SourcePosition) -> (tokens: [ExprToken], diagnostics: [Diagnostic]) {
        var lexer = Lexer(cursor: ScalarCursor(text, at: start))
        lexer.run()
        return (lexer.tokens, Array(lexer.diagnostics.prefix(maximumDiagnostics)))
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    static func isNameContinue(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || isDigit(c)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r"
    }

    private struct Lexer {
        var cursor: ScalarCursor
        var tokens: [ExprToken] = []
        var diagnostics: [Diagnostic] = []

        mutating func run() {
            while true {
                while let c = cursor.peek(), isSpace(c) { cursor.advance() }
                let before = cursor.index
                guard let c = cursor.peek() else {
                    tokens.append(ExprToken(kind: .end, range: SourceRange(at: cursor.position), text: ""))
                    return
                }
                lexToken(startingWith: c)
                // Every token consumes at least one scalar: the loop always ends.
                assert(cursor.index > before, "the expression lexer made no progress")
            }
        }

        private mutating func lexToken(startingWith c: Unicode.Scalar) {
            let startIndex = cursor.index
            let start = cursor.position
            func emit(_ kind: ExprToken.Kind) {
                let text = cursor.text(from: startIndex)
                tokens.append(ExprToken(kind: kind, range: SourceRange(start: start, end: cursor.position), text: text))
            }
            func symbol(_ s: ExprToken.Symbol) {
                cursor.advance(by: s.rawValue.unicodeScalars.count)
                emit(.symbol(s))
            }
            func invalid(length: Int, hint: String?) {
                cursor.advance(by: length)
                let text = cursor.text(from: startIndex)
                // Controls, spaces and combining marks would be invisible between backticks.
                let shown =
                    text.unicodeScalars.allSatisfy(\.properties.isGraphemeBase) && !c.properties.isWhitespace
                    ? "`\(text)`" : "character U+\(hex(c.value))"
                report(ExpressionMessage.unexpectedCharacter(shown, hint: hint, SourceRange(start: start, end: cursor.position)))
                emit(.invalid)
            }

            switch c {
            case "0"..."9":
                lexNumber(startIndex: startIndex, start: start)
            case "a"..."z", "A"..."Z", "_":
                lexName(startIndex: startIndex, start: start)
            case "'", "\"":
                lexString(quote: c, startIndex: startIndex, start: start)
            case "(": symbol(.leftParen)
            case ")": symbol(.rightParen)
            case "[": symbol(.leftBracket)
            case "]": symbol(.rightBracket)
            case ",": symbol(.comma)
            case "+": symbol(.plus)
            case "-": symbol(.minus)
            case "*": symbol(.star)
            case "/": symbol(.slash)
            case "<": symbol(cursor.peek(1) == "=" ? .lessOrEqual : .less)
            case ">": symbol(cursor.peek(1) == "=" ? .greaterOrEqual : .greater)
            case "=":
                if cursor.peek(1) == "=" {
                    symbol(.equal)
                } else {
                    invalid(length: 1, hint: "write `==` to compare; assignments belong under `set:`")
                }
            case "!":
                if cursor.peek(1) == "=" {
                    symbol(.notEqual)
                } else {
                    invalid(length: 1, hint: "write `not` to negate a condition")
                }
            case "&":
                invalid(length: cursor.peek(1) == "&" ? 2 : 1, hint: "write `and` to join conditions")
            case "|":
                invalid(length: cursor.peek(1) == "|" ? 2 : 1, hint: "write `or` to join alternatives")
            case ".":
                if let next = cursor.peek(1), isDigit(next) {
                    cursor.advance()
                    while let d = cursor.peek(), isDigit(d) { cursor.advance() }
                    let text = cursor.text(from: startIndex)
                    report(
                        ExpressionMessage.malformedNumber(
                            "number `\(text)` has no digit before the decimal point",
                            hint: "write `0\(text)`", SourceRange(start: start, end: cursor.position)))
                    emit(.invalid)
                } else {
                    invalid(length: 1, hint: "a dot joins the words of a name, such as `session.region`")
                }
            case "{", "}":
                invalid(length: 1, hint: "braces mark `{…}` interpolation in text; inside an expression, write names as they are")
            case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}":
                // Word processors turn quotes curly; the cause is invisible to the author.
                invalid(length: 1, hint: "quote strings with straight quotes, `'` or `\"`")
            default:
                let hint: String? =
                    if c.properties.isWhitespace {
                        "replace it with a plain space"
                    } else if c.properties.isAlphabetic {
                        "names are written with the letters a-z, digits and `_`; quote other text as a string"
                    } else {
                        nil
                    }
                invalid(length: 1, hint: hint)
            }
        }

        private mutating func lexNumber(startIndex: Int, start: SourcePosition) {
            while let d = cursor.peek(), isDigit(d) { cursor.advance() }
            var malformed = false
            if cursor.peek() == "." {
                if let next = cursor.peek(1), isDigit(next) {
                    cursor.advance()
                    while let d = cursor.peek(), isDigit(d) { cursor.advance() }
                } else {
                    cursor.advance()
                    malformed = true
                }
            }
            let text = cursor.text(from: startIndex)
            let range = SourceRange(start: start, end: cursor.position)
            if malformed {
                report(
                    ExpressionMessage.malformedNumber(
                        "expected a digit after the decimal point in `\(text)`",
                        hint: "write `\(text)0`, or leave the point out", range))
                tokens.append(ExprToken(kind: .invalid, range: range, text: text))
            } else if let value = Double(text), value.isFinite {
                tokens.append(ExprToken(kind: .number(value), range: range, text: text))
            } else {
                report(
                    ExpressionMessage.malformedNumber(
                        "number `\(text.count > 20 ? String(text.prefix(20)) + "…" : text)` is too large",
                        hint: "numbers in dialogs are counts and scores; use a smaller one", range))
                tokens.append(ExprToken(kind: .invalid, range: range, text: text))
            }
        }

        private mutating func lexName(startIndex: Int, start: SourcePosition) {
            while let c = cursor.peek(), isNameContinue(c) { cursor.advance() }
            var malformed = false
            // A dot joins words only when a word follows at once: `session.region`.
            while cursor.peek() == "." {
                cursor.advance()
                guard let c = cursor.peek(), isNameStart(c) else {
                    // Take the rest of the word (`a..b`), so it is one problem, not two.
                    while let c = cursor.peek(), c == "." || isNameContinue(c) { cursor.advance() }
                    malformed = true
                    break
                }
                while let c = cursor.peek(), isNameContinue(c) { cursor.advance() }
            }
            let text = cursor.text(from: startIndex)
            let range = SourceRange(start: start, end: cursor.position)
            if malformed {
                report(ExpressionMessage.malformedName(text, range))
                tokens.append(ExprToken(kind: .invalid, range: range, text: text))
            } else if let keyword = ExprToken.Keyword(rawValue: text) {
                tokens.append(ExprToken(kind: .keyword(keyword), range: range, text: text))
            } else {
                tokens.append(ExprToken(kind: .name(text), range: range, text: text))
            }
        }

        /// Strings take `\'`, `\"` and `\\` as escapes and nothing else, so a `\n`
        /// written in a dialog is reported rather than silently kept as two characters.
        private mutating func lexString(quote: Unicode.Scalar, startIndex: Int, start: SourcePosition) {
            cursor.advance()
            var value = ""
            var valid = true
            while true {
                guard let c = cursor.peek() else {
                    report(ExpressionMessage.unterminatedString(quote == "\"", SourceRange(start: start, end: cursor.position)))
                    valid = false
                    break
                }
                if c == quote {
                    cursor.advance()
                    break
                }
                if c == "\\" {
                    let escapeStart = cursor.position
                    cursor.advance()
                    guard let e = cursor.peek() else { continue }  // Reported as unterminated.
                    cursor.advance()
                    if e == "'" || e == "\"" || e == "\\" {
                        value.unicodeScalars.append(e)
                    } else {
                        report(ExpressionMessage.invalidEscape(String(e), SourceRange(start: escapeStart, end: cursor.position)))
                        valid = false
                    }
                    continue
                }
                value.unicodeScalars.append(c)
                cursor.advance()
            }
            let text = cursor.text(from: startIndex)
            let range = SourceRange(start: start, end: cursor.position)
            tokens.append(ExprToken(kind: valid ? .string(value) : .invalid, range: range, text: text))
        }

        private mutating func report(_ d: Diagnostic) {
            if diagnostics.count < maximumDiagnostics { diagnostics.append(d) }
        }
    }
}

func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
