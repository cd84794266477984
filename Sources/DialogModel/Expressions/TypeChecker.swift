import DialogSyntax

/// The outcome of checking an expression: its type and the problems found.
public struct CheckedExpression: Sendable, Hashable {
    /// The expression's type; `unknown` when it could not be worked out.
    public var type: ExprType
    public var diagnostics: [Diagnostic]
    /// The names not in the environment, each also an IE015 among `diagnostics`: the
    /// validator reports them as variables read but never set (IC010).
    public var unknownNames: [UnknownName] = []

    /// A name the environment does not have, with a hint when a likely fix is known.
    public struct UnknownName: Sendable, Hashable {
        public var name: String
        public var hint: String?
        public var range: SourceRange
    }
}

/// Checks an expression against the variables a dialog declares.
///
/// The rules:
/// - a name must be in the environment (its type is the environment's);
/// - `+` takes two numbers or two strings (which it joins); `-`, `*`, `/` and unary `-`
///   take numbers;
/// - `==` and `!=` take two values of one type; `<`, `<=`, `>`, `>=` take numbers;
/// - `x in list` and `x not in list` take a list on the right and an item of its type on
///   the left;
/// - `and`, `or`, `not` take bools;
/// - the items of a list literal share one type;
/// - `count` takes a list or a string and gives a number; `has` takes anything and gives
///   a bool.
///
/// Every problem is reported, not just the first. A part that is wrong gets the type it
/// would have had (a comparison is still a bool), or `unknown`, which fits everywhere,
/// so one mistake yields one diagnostic.
public enum TypeChecker {
    /// Checks `expr` with the variable types in `environment` (keyed by full dotted
    /// name). With `expected`, also checks that the whole expression has that type, as
    /// an `if:` condition must be a bool.
    public static func check(_ expr: Expr, in environment: [String: ExprType], expecting expected: ExprType? = nil) -> CheckedExpression {
        var checker = Checker(environment: environment)
        let type = checker.type(of: expr)
        if let expected, !type.isCompatible(with: expected) {
            checker.diagnostics.append(ExpressionMessage.wrongType(expected: expected, found: type, expr.range))
        }
        return CheckedExpression(type: type, diagnostics: checker.diagnostics.sortedByPosition(), unknownNames: checker.unknownNames)
    }
}

extension Expr {
    /// Checks the expression; see ``TypeChecker``.
    public func check(in environment: [String: ExprType], expecting expected: ExprType? = nil) -> CheckedExpression {
        TypeChecker.check(self, in: environment, expecting: expected)
    }
}

private struct Checker {
    let environment: [String: ExprType]
    var diagnostics: [Diagnostic] = []
    var unknownNames: [CheckedExpression.UnknownName] = []

    mutating func type(of expr: Expr) -> ExprType {
        switch expr {
        case .number: return .number
        case .string: return .string
        case .bool: return .bool
        case .name(let name, let range): return nameType(name, range)
        case .list(let items, _): return listType(items)
        case .unary(let op, let operand, _):
            let t = type(of: operand)
            switch op.value {
            case .not:
                if !t.isCompatible(with: .bool) {
                    diagnostics.append(ExpressionMessage.notABool("not", found: t, operand.range))
                }
                return .bool
            case .negate:
                if !t.isCompatible(with: .number) {
                    diagnostics.append(ExpressionMessage.operandTypes("-", [t], hint: "`-` negates a number", op.range))
                }
                return .number
            }
        case .binary(let op, let lhs, let rhs, _):
            return binaryType(op, lhs, rhs)
        case .call(let name, let arguments, let range):
            return callType(name, arguments, range)
        }
    }

    mutating func nameType(_ name: String, _ range: SourceRange) -> ExprType {
        if let t = environment[name] { return t }
        var hint: String?
        let words = name.split(separator: "-", omittingEmptySubsequences: false)
        if words.count > 1, environment[String(words[0])] != nil {
            // `{sows-1}` inside text reads as one name; the author meant `{sows - 1}`.
            hint = "to subtract, put spaces around `-`: `\(words.joined(separator: " - "))`"
        } else if let suggestion = Suggestion.closest(to: name, among: environment.keys) {
            hint = "did you mean `\(suggestion)`?"
        } else if ["null", "nil", "none", "undefined"].contains(name.lowercased()) {
            hint = "there is no null; `has(x)` tells whether `x` is set"
        } else if BuiltinFunction(rawValue: name) != nil {
            hint = "`\(name)` is a function; call it as `\(name)(x)`"
        }
        diagnostics.append(ExpressionMessage.unknownVariable(name, hint: hint, range))
        unknownNames.append(.init(name: name, hint: hint, range: range))
        return .unknown
    }

    mutating func listType(_ items: [Expr]) -> ExprType {
        var item = ExprType.unknown
        var first: (type: ExprType, range: SourceRange)?
        for element in items {
            let t = type(of: element)
            if let common = ExprType.common(item, t) {
                item = common
                if first == nil, t != .unknown { first = (t, element.range) }
            } else if let first {
                diagnostics.append(ExpressionMessage.mixedList(item, t, first.type, element.range, firstAt: first.range))
            }
        }
        return .list(item)
    }

    mutating func binaryType(_ op: Located<BinaryOperator>, _ lhs: Expr, _ rhs: Expr) -> ExprType {
        let a = type(of: lhs)
        let b = type(of: rhs)
        let symbol = op.value.rawValue
        switch op.value {
        case .and, .or:
            for (t, side) in [(a, lhs), (b, rhs)] where !t.isCompatible(with: .bool) {
                diagnostics.append(ExpressionMessage.notABool(symbol, found: t, side.range))
            }
            return .bool
        case .equal, .notEqual:
            if !a.isCompatible(with: b) {
                diagnostics.append(ExpressionMessage.incomparable(symbol, a, b, hint: "both sides of `\(symbol)` must have the same type", op.range))
            }
            return .bool
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            if !a.isCompatible(with: .number) || !b.isCompatible(with: .number) {
                if a == b || a == .unknown || b == .unknown {
                    // One kind of value that has no order: "cannot compare strings".
                    let t = a.isCompatible(with: .number) ? b : a
                    diagnostics.append(ExpressionMessage.incomparable(symbol, t, t, hint: "only numbers are ordered", op.range))
                } else {
                    diagnostics.append(ExpressionMessage.incomparable(symbol, a, b, hint: "both sides of `\(symbol)` must be numbers", op.range))
                }
            }
            return .bool
        case .in, .notIn:
            switch b {
            case .unknown: break
            case .list(let item):
                if !a.isCompatible(with: item) {
                    diagnostics.append(ExpressionMessage.inItemType(a, list: b, lhs.range))
                }
            default:
                diagnostics.append(ExpressionMessage.inNeedsList(found: b, rhs.range))
            }
            return .bool
        case .add:
            switch (a, b) {
            case (.number, .number), (.number, .unknown), (.unknown, .number): return .number
            case (.string, .string), (.string, .unknown), (.unknown, .string): return .string
            case (.unknown, .unknown): return .unknown
            default:
                let hint =
                    a == .string || b == .string
                    ? "`+` adds two numbers or joins two strings; to show a number in text, write `{…}` in the text"
                    : "`+` adds two numbers or joins two strings"
                diagnostics.append(ExpressionMessage.operandTypes(symbol, [a, b], hint: hint, op.range))
                return .unknown
            }
        case .subtract, .multiply, .divide:
            if !a.isCompatible(with: .number) || !b.isCompatible(with: .number) {
                diagnostics.append(ExpressionMessage.operandTypes(symbol, [a, b], hint: "`\(symbol)` works on numbers", op.range))
            }
            return .number
        }
    }

    mutating func callType(_ name: Located<String>, _ arguments: [Expr], _ range: SourceRange) -> ExprType {
        // Arguments are checked even when the call is wrong, so their own mistakes show.
        let types = arguments.map { type(of: $0) }
        guard let function = BuiltinFunction(rawValue: name.value) else {
            let known = BuiltinFunction.allCases.map(\.rawValue)
            let hint: String
            if let suggestion = Suggestion.closest(to: name.value, among: known) {
                hint = "did you mean `\(suggestion)`?"
            } else if environment[name.value] != nil {
                hint = "`\(name.value)` is a variable, not a function; the functions are `count` and `has`"
            } else {
                hint = "the functions are " + known.map { "`\($0)`" }.joined(separator: " and ")
            }
            diagnostics.append(ExpressionMessage.unknownFunction(name.value, hint: hint, name.range))
            return .unknown
        }
        let result: ExprType = function == .count ? .number : .bool
        guard types.count == function.arity else {
            diagnostics.append(ExpressionMessage.argumentCount(function.rawValue, expected: function.arity, found: types.count, range))
            return result
        }
        if function == .count {
            switch types[0] {
            case .list, .string, .unknown: break
            default:
                diagnostics.append(ExpressionMessage.argumentType("count", expected: "a list or a string", found: types[0], arguments[0].range))
            }
        }
        return result
    }
}
