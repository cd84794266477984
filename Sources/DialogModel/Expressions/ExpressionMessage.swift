import DialogSyntax

/// The catalogue of the expression language's messages, one stable code each (`IE…`),
/// in code order.
///
/// `IE001`–`IE014` come from reading an expression or an interpolated text,
/// `IE015`–`IE024` from type checking it. Keep the codes stable: scripts and editors
/// may match on them, and the README lists them. Messages are lower-case without a full
/// stop and name the construct; a hint says what to write instead.
///
/// | code  | problem |
/// | ----- | ------- |
/// | IE001 | a character that cannot appear in an expression (`=`, `&&`, `!`, `@`…) |
/// | IE002 | unterminated string |
/// | IE003 | invalid escape in a string |
/// | IE004 | malformed number (`1.`, `.5`, too large) |
/// | IE005 | malformed dotted name (`session.`, `a..b`) |
/// | IE006 | empty expression |
/// | IE007 | expected a value (an operand), found something else |
/// | IE008 | unclosed `(` or `[`, or a missing `,` between list items or arguments |
/// | IE009 | input after a complete expression |
/// | IE010 | chained comparison (`a < b < c`) |
/// | IE011 | `not` after another operator (`a == not b`) |
/// | IE012 | nesting deeper than the limit |
/// | IE013 | unclosed `{` in text |
/// | IE014 | unmatched `}` in text |
/// | IE015 | unknown variable |
/// | IE016 | unknown function |
/// | IE017 | wrong number of arguments |
/// | IE018 | argument of the wrong type |
/// | IE019 | arithmetic operator on the wrong types (`'a' - 1`) |
/// | IE020 | comparison of incompatible types |
/// | IE021 | `and`, `or`, `not` on something that is not a bool |
/// | IE022 | `in` without a list on its right, or with an item of another type |
/// | IE023 | list items of different types |
/// | IE024 | expression of the wrong type for its place (a condition that is not a bool) |
enum ExpressionMessage {
    /// Every code of this catalogue.
    enum Code: String, DiagnosticCode {
        case IE001, IE002, IE003, IE004, IE005, IE006, IE007, IE008, IE009, IE010, IE011, IE012, IE013, IE014, IE015, IE016, IE017, IE018, IE019, IE020, IE021, IE022, IE023, IE024
    }

    // MARK: Reading

    static func unexpectedCharacter(_ shown: String, hint: String?, _ r: SourceRange) -> Diagnostic {
        Code.IE001.error("unexpected \(shown) in expression", at: r, hint: hint ?? "quote text as a string, such as `'yes'`")
    }

    static func unterminatedString(_ double: Bool, _ r: SourceRange) -> Diagnostic {
        Code.IE002.error("unterminated string in expression", at: r, hint: "close it with \(double ? "`\"`" : "`'`")")
    }

    static func invalidEscape(_ escape: String, _ r: SourceRange) -> Diagnostic {
        Code.IE003.error(
            "invalid escape `\\\(escape)` in string", at: r,
            hint: "the escapes are `\\'`, `\\\"` and `\\\\`; or quote with the other kind of quote")
    }

    static func malformedNumber(_ problem: String, hint: String, _ r: SourceRange) -> Diagnostic {
        Code.IE004.error(problem, at: r, hint: hint)
    }

    static func malformedName(_ name: String, _ r: SourceRange) -> Diagnostic {
        Code.IE005.error("expected a name after `.` in `\(name)`", at: r, hint: "dotted names join words with single dots, such as `session.region`")
    }

    static func emptyExpression(_ r: SourceRange) -> Diagnostic {
        Code.IE006.error("empty expression", at: r, hint: "write a value or a condition, such as `sows > 10`")
    }

    static func expectedValue(found: String, after: String?, _ r: SourceRange) -> Diagnostic {
        let message =
            after.map { "expected a value after \($0), found \(found)" }
            ?? "expected a value, found \(found)"
        return Code.IE007.error(message, at: r, hint: "a value is a number, a string, `true`, `false`, a name, a list or a call such as `count(x)`")
    }

    static func unclosed(_ opener: String, closer: String, found: String, _ r: SourceRange, openedAt: SourceRange) -> Diagnostic {
        Code.IE008.error(
            "expected `\(closer)` to close `\(opener)`, found \(found)", at: r,
            notes: [.init(message: "`\(opener)` opened here", range: openedAt)],
            hint: opener == "(" ? nil : "separate the items with `,`")
    }

    static func trailingInput(found: String, hint: String, _ r: SourceRange) -> Diagnostic {
        Code.IE009.error("expected the end of the expression, found \(found)", at: r, hint: hint)
    }

    static func chainedComparison(_ op: String, _ r: SourceRange) -> Diagnostic {
        Code.IE010.error("comparison `\(op)` cannot follow another comparison", at: r, hint: "join the comparisons with `and`, such as `a < b and b < c`")
    }

    static func misplacedNot(_ r: SourceRange) -> Diagnostic {
        Code.IE011.error("`not` cannot follow an operator", at: r, hint: "put the negation in parentheses, such as `a == (not b)`")
    }

    static func tooDeep(_ limit: Int, _ r: SourceRange) -> Diagnostic {
        Code.IE012.error("expression is nested deeper than \(limit) levels", at: r, hint: "split it into steps with `set:`")
    }

    static func unclosedBrace(_ r: SourceRange) -> Diagnostic {
        Code.IE013.error("unclosed `{` in text", at: r, hint: "close the expression with `}` on the same line, or write `{{` for a literal brace")
    }

    static func unmatchedBrace(_ r: SourceRange) -> Diagnostic {
        Code.IE014.error("unmatched `}` in text", at: r, hint: "write `}}` for a literal brace")
    }

    // MARK: Type checking

    /// The code of ``unknownVariable(_:hint:_:)``, which a bundle reports as IC010.
    static let unknownVariableCode = Code.IE015.rawValue

    static func unknownVariable(_ name: String, hint: String?, _ r: SourceRange) -> Diagnostic {
        Code.IE015.error("unknown variable `\(name)`", at: r, hint: hint)
    }

    static func unknownFunction(_ name: String, hint: String, _ r: SourceRange) -> Diagnostic {
        Code.IE016.error("unknown function `\(name)`", at: r, hint: hint)
    }

    static func argumentCount(_ name: String, expected: Int, found: Int, _ r: SourceRange) -> Diagnostic {
        Code.IE017.error("`\(name)` takes \(expected) argument\(expected == 1 ? "" : "s"), found \(found)", at: r, hint: "write `\(name)(x)`")
    }

    static func argumentType(_ name: String, expected: String, found: ExprType, _ r: SourceRange) -> Diagnostic {
        Code.IE018.error("`\(name)` needs \(expected), found \(found.withArticle)", at: r)
    }

    static func operandTypes(_ op: String, _ types: [ExprType], hint: String, _ r: SourceRange) -> Diagnostic {
        let found =
            types.count == 1
            ? types[0].withArticle
            : "\(types[0].withArticle) and \(types[1].withArticle)"
        return Code.IE019.error("`\(op)` cannot be applied to \(found)", at: r, hint: hint)
    }

    static func incomparable(_ op: String, _ lhs: ExprType, _ rhs: ExprType, hint: String, _ r: SourceRange) -> Diagnostic {
        let message =
            lhs == rhs
            ? "`\(op)` cannot compare \(lhs.plural)"
            : "`\(op)` cannot compare \(lhs.withArticle) with \(rhs.withArticle)"
        return Code.IE020.error(message, at: r, hint: hint)
    }

    static func notABool(_ op: String, found: ExprType, _ r: SourceRange) -> Diagnostic {
        Code.IE021.error("`\(op)` needs a bool, found \(found.withArticle)", at: r, hint: "compare the value, such as `sows > 10` or `answer == 'yes'`")
    }

    static func inNeedsList(found: ExprType, _ r: SourceRange) -> Diagnostic {
        Code.IE022.error("`in` needs a list on its right, found \(found.withArticle)", at: r, hint: "write a list, such as `region in ['US', 'CA']`")
    }

    static func inItemType(_ item: ExprType, list: ExprType, _ r: SourceRange) -> Diagnostic {
        Code.IE022.error(
            "`in` cannot look for \(item.withArticle) in \(list.withArticle)", at: r,
            hint: "the value on the left of `in` must have the type of the list's items")
    }

    static func mixedList(_ items: ExprType, _ other: ExprType, _ first: ExprType, _ r: SourceRange, firstAt: SourceRange) -> Diagnostic {
        Code.IE023.error(
            "list items must have one type; found \(other.withArticle) among \(items.plural)", at: r,
            notes: [.init(message: "the first item is \(first.withArticle)", range: firstAt)],
            hint: "write every item of a list the same way, such as all in quotes")
    }

    static func wrongType(expected: ExprType, found: ExprType, _ r: SourceRange) -> Diagnostic {
        Code.IE024.error(
            "expected \(expected.withArticle) expression, found \(found.withArticle)", at: r,
            hint: expected == .bool ? "a condition is true or false; compare the value, such as `sows > 10`" : nil)
    }
}
