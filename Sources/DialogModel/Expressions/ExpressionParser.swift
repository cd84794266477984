import DialogSyntax

/// The result of reading an expression: the tree, or the problems that stopped it.
public struct ParsedExpression: Sendable, Hashable {
    /// The tree; nil exactly when ``diagnostics`` is not empty.
    public var expression: Expr?
    public var diagnostics: [Diagnostic]
}

/// Reads the expression language of `if:`, `set:` and `{…}`.
///
/// The grammar, loosest-binding first (every binary level is left-associative, except
/// comparisons, which do not chain):
///
/// ```
/// expression  = or
/// or          = and { "or" and }
/// and         = not { "and" not }
/// not         = "not" not | comparison
/// comparison  = additive [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in" ) additive ]
/// additive    = term { ( "+" | "-" ) term }
/// term        = unary { ( "*" | "/" ) unary }
/// unary       = "-" unary | primary
/// primary     = number | string | "true" | "false"
///             | name [ "(" [ expression { "," expression } [ "," ] ] ")" ]
///             | "(" expression ")"
///             | "[" [ expression { "," expression } [ "," ] ] "]"
/// number      = digit { digit } [ "." digit { digit } ]
/// string      = "'" { character | "\'" | "\"" | "\\" } "'"   (or the same in double quotes)
/// name        = word { "." word }      word = ( letter | "_" ) { letter | digit | "_" }
/// ```
///
/// Letters are ASCII; `and or not in true false` are keywords and cannot be names.
/// There is no `null`: `has(x)` asks whether a variable is set. Inside `{…}` in text a
/// name may also contain `-` (see ``Interpolation``).
///
/// It is a precedence-climbing parser over a token array: it never throws or traps, and
/// it stops at the first syntax error, because after one the rest of a one-line
/// expression is rarely worth guessing at. Lexical problems (every bad character) are
/// all reported. Nesting is limited to ``maximumDepth`` levels, which also bounds the
/// recursion of the checker and the evaluator, whatever the input.
public enum ExpressionParser {
    /// The deepest nesting accepted: of parentheses, lists, calls and prefix operators
    /// while reading, and of the finished tree (a chain of 70 `+` is 70 levels deep).
    public static let maximumDepth = 64

    /// Reads `text`, an expression that starts at `start` in its dialog file.
    ///
    /// Positions in the tree and the diagnostics are `start` advanced over `text`, so
    /// they point into the file as long as the file holds `text` verbatim (an unquoted
    /// or single-line scalar); a line feed in `text` moves to the next line.
    public static func parse(_ text: some StringProtocol, at start: SourcePosition) -> ParsedExpression {
        let (tokens, lexical) = ExpressionLexer.tokens(text, at: start)
        var parser = Parser(tokens: tokens)
        let result = parser.parseExpression(0, after: nil)
        if result != nil { parser.expectEnd() }
        let diagnostics = (lexical + parser.diagnostics).sortedByPosition()
        return ParsedExpression(expression: diagnostics.isEmpty ? result?.expr : nil, diagnostics: diagnostics)
    }

    /// Reads `text` as an expression starting at line 1, column 1: for tests and tools.
    public static func parse(_ text: some StringProtocol) -> ParsedExpression {
        parse(text, at: SourcePosition(offset: 0, line: 1, column: 1))
    }

    /// True when `text` is a (possibly dotted) name an expression can refer to: what a
    /// `save:` or `set:` may assign to.
    public static func isName(_ text: some StringProtocol) -> Bool {
        let words = text.split(separator: ".", omittingEmptySubsequences: false)
        guard words.count > 1 || ExprToken.Keyword(rawValue: String(text)) == nil else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first, ExpressionLexer.isNameStart(first) else { return false }
            return word.unicodeScalars.allSatisfy(ExpressionLexer.isNameContinue)
        }
    }
}

private struct Parser {
    typealias Parsed = (expr: Expr, height: Int)

    let tokens: [ExprToken]
    var index = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []

    init(tokens: [ExprToken]) {
        self.tokens = tokens
    }

    /// The lexer always ends the array with `.end`, so this never runs off it.
    var current: ExprToken { tokens[min(index, tokens.count - 1)] }

    func peek(_ ahead: Int) -> ExprToken { tokens[min(index + ahead, tokens.count - 1)] }

    mutating func advance() -> ExprToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func isSymbol(_ s: ExprToken.Symbol) -> Bool { current.kind == .symbol(s) }

    /// Records a problem (nil: already reported by the lexer) and gives up.
    mutating func fail(_ d: Diagnostic?) -> Parsed? {
        if let d { diagnostics.append(d) }
        return nil
    }

    /// The binary operator at the cursor and how many tokens it spans.
    func binaryOperator() -> (BinaryOperator, Int)? {
        switch current.kind {
        case .keyword(.or): (.or, 1)
        case .keyword(.and): (.and, 1)
        case .keyword(.in): (.in, 1)
        case .keyword(.not) where peek(1).kind == .keyword(.in): (.notIn, 2)
        case .symbol(let s):
            switch s {
            case .equal: (.equal, 1)
            case .notEqual: (.notEqual, 1)
            case .less: (.less, 1)
            case .lessOrEqual: (.lessOrEqual, 1)
            case .greater: (.greater, 1)
            case .greaterOrEqual: (.greaterOrEqual, 1)
            case .plus: (.add, 1)
            case .minus: (.subtract, 1)
            case .star: (.multiply, 1)
            case .slash: (.divide, 1)
            default: nil
            }
        default: nil
        }
    }

    /// Precedence climbing: reads operands and every binary operator that binds at
    /// least as tightly as `minPrecedence`. `after` is the token before, for messages.
    mutating func parseExpression(_ minPrecedence: Int, after: ExprToken?) -> Parsed? {
        depth += 1
        defer { depth -= 1 }
        if depth > ExpressionParser.maximumDepth {
            return fail(ExpressionMessage.tooDeep(ExpressionParser.maximumDepth, current.range))
        }
        guard var left = parsePrefix(minPrecedence, after: after) else { return nil }
        var afterComparison = false
        while let (op, width) = binaryOperator(), op.precedence >= minPrecedence {
            let first = advance()
            if width == 2 { _ = advance() }
            let opToken = ExprToken(
                kind: first.kind, range: SourceRange(start: first.range.start, end: tokens[index - 1].range.end),
                text: op.rawValue)
            if op.isComparison && afterComparison {
                return fail(ExpressionMessage.chainedComparison(op.rawValue, opToken.range))
            }
            guard let right = parseExpression(op.precedence + 1, after: opToken) else { return nil }
            let range = SourceRange(start: left.expr.range.start, end: right.expr.range.end)
            let height = max(left.height, right.height) + 1
            if height > ExpressionParser.maximumDepth {
                return fail(ExpressionMessage.tooDeep(ExpressionParser.maximumDepth, opToken.range))
            }
            left = (.binary(Located(op, at: opToken.range), left.expr, right.expr, range), height)
            afterComparison = op.isComparison
        }
        return left
    }

    /// `not x` (level 3) and `-x` (level 7), or a primary.
    mutating func parsePrefix(_ minPrecedence: Int, after: ExprToken?) -> Parsed? {
        let op: UnaryOperator
        let operandLevel: Int
        switch current.kind {
        case .keyword(.not):
            // `a == not b` would read as `a == (not b)` here but as `not (a == b)` in
            // other languages; asking for parentheses avoids the surprise.
            if minPrecedence > 3 { return fail(ExpressionMessage.misplacedNot(current.range)) }
            (op, operandLevel) = (.not, 3)
        case .symbol(.minus):
            (op, operandLevel) = (.negate, 7)
        default:
            return parsePrimary(after: after)
        }
        let token = advance()
        guard let operand = parseExpression(operandLevel, after: token) else { return nil }
        let height = operand.height + 1
        if height > ExpressionParser.maximumDepth {
            return fail(ExpressionMessage.tooDeep(ExpressionParser.maximumDepth, token.range))
        }
        let range = SourceRange(start: token.range.start, end: operand.expr.range.end)
        return (.unary(Located(op, at: token.range), operand.expr, range), height)
    }

    mutating func parsePrimary(after: ExprToken?) -> Parsed? {
        let token = current
        switch token.kind {
        case .number(let n):
            _ = advance()
            return (.number(n, token.range), 1)
        case .string(let s):
            _ = advance()
            return (.string(s, token.range), 1)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return (.bool(token.kind == .keyword(.true), token.range), 1)
        case .name(let name):
            _ = advance()
            guard isSymbol(.leftParen) else { return (.name(name, token.range), 1) }
            let open = advance()
            guard let (arguments, height, end) = parseItems(closer: .rightParen, opener: open) else { return nil }
            return (.call(Located(name, at: token.range), arguments, SourceRange(start: token.range.start, end: end)), height + 1)
        case .symbol(.leftParen):
            let open = advance()
            guard let inner = parseExpression(0, after: open) else { return nil }
            guard isSymbol(.rightParen) else {
                if current.kind == .invalid { return fail(nil) }
                return fail(ExpressionMessage.unclosed("(", closer: ")", found: current.described, current.range, openedAt: open.range))
            }
            _ = advance()
            return inner
        case .symbol(.leftBracket):
            let open = advance()
            guard let (items, height, end) = parseItems(closer: .rightBracket, opener: open) else { return nil }
            return (.list(items, SourceRange(start: open.range.start, end: end)), height + 1)
        case .invalid:
            return fail(nil)
        case .end where index == 0:
            return fail(ExpressionMessage.emptyExpression(token.range))
        default:
            return fail(ExpressionMessage.expectedValue(found: token.described, after: after.map { "`\($0.text)`" }, token.range))
        }
    }

    /// The items of a list or the arguments of a call, after the opener, through the
    /// closer; a trailing comma is allowed. Returns the items, their greatest height
    /// and where the closer ends.
    mutating func parseItems(closer: ExprToken.Symbol, opener: ExprToken) -> ([Expr], Int, SourcePosition)? {
        var items: [Expr] = []
        var height = 0
        var previous = opener
        while true {
            if isSymbol(closer) {
                return (items, height, advance().range.end)
            }
            guard let item = parseExpression(0, after: previous) else { return nil }
            items.append(item.expr)
            height = max(height, item.height)
            if isSymbol(.comma) {
                previous = advance()
                continue
            }
            if isSymbol(closer) { continue }
            if current.kind == .invalid { return nil }
            _ = fail(
                ExpressionMessage.unclosed(
                    opener.text, closer: closer.rawValue, found: current.described,
                    current.range, openedAt: opener.range))
            return nil
        }
    }

    /// Reports what follows a complete expression.
    mutating func expectEnd() {
        let token = current
        let hint: String
        switch token.kind {
        case .end, .invalid: return
        case .symbol(.rightParen): hint = "this `)` has no matching `(`"
        case .symbol(.rightBracket): hint = "this `]` has no matching `[`"
        case .symbol(.comma): hint = "commas separate the items of a list in `[…]` or the arguments of a call"
        case .name("is"), .name("equals"): hint = "write `==` to compare"
        case .name("contains"), .name("includes"): hint = "write `item in list` to test membership"
        case .keyword(.not): hint = "`not` starts a condition: write `not (a == b)`, or `a != b`"
        default: hint = "join the two parts with an operator, such as `and` or `+`"
        }
        diagnostics.append(ExpressionMessage.trailingInput(found: token.described, hint: hint, token.range))
    }
}

extension [Diagnostic] {
    /// The diagnostics in the order of their positions in the file, keeping the order
    /// they were found in among those at one position: authors read top to bottom.
    func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            (a.element.range.start.offset, a.offset) < (b.element.range.start.offset, b.offset)
        }.map(\.element)
    }
}
