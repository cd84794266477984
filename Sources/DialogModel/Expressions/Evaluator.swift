/// The functions expressions may call.
///
/// - `count(x)`: the number of items of a list, or of characters of a string; 0 when `x`
///   is unset, because an unset list (no symptoms reported yet) has no items.
/// - `has(x)`: whether `x` holds something: false when it is unset, an empty list or an
///   empty string; true otherwise, including for `0` and `false`, which are answers.
public enum BuiltinFunction: String, Sendable, CaseIterable {
    case count, has

    /// Every function takes one argument.
    public var arity: Int { 1 }
}

/// Why an expression has no value: it reads as `null`, and the session reports why
/// (a `problem` step of the turn's trace).
public enum EvaluationProblem: Sendable, Hashable, CustomStringConvertible {
    /// A result beyond ±``DialogLimits/largestNumber``.
    case overflow
    case divisionByZero
    /// A text or a list beyond ``DialogLimits/valueSize``.
    case tooLarge

    public var description: String {
        switch self {
        case .overflow: "a number beyond ±1,000,000,000,000,000"
        case .divisionByZero: "a division by zero"
        case .tooLarge: "a text or list longer than \(DialogLimits.valueSize) characters or items"
        }
    }
}

/// Runs a checked expression against a session's variables.
///
/// Evaluation never traps and never fails: whatever the checker would have rejected
/// still gets an answer at run time, so a session keeps going.
/// - Names that are not set read as `null`.
/// - Arithmetic (`+ - * /`, unary `-`) on anything but numbers (or `+` on two strings,
///   which joins them) yields `null`. So does arithmetic that has no answer, reported as
///   an ``EvaluationProblem``: division by zero, a result beyond
///   ±``DialogLimits/largestNumber`` (every whole number up to it is exact, so a score
///   never loses a point), and a text or a list beyond ``DialogLimits/valueSize`` (a `set`
///   that doubles a value on every answer stops there instead of exhausting memory).
/// - Comparisons, `in`, `and`, `or`, `not` always yield a bool. `==` compares values
///   exactly and `null == null` is true; `!=` is its negation; ordering anything but two
///   numbers is false; `x in y` is false when `y` is not a list (an unset list holds
///   nothing), and `x not in y` is always the negation of `x in y`. `and`, `or` and
///   `not` treat every value but `true` as false, and `and`/`or` stop early.
public enum Evaluator {
    public static func evaluate(_ expr: Expr, in variables: some VariableLookup) -> Value {
        var problems: [EvaluationProblem] = []
        return evaluate(expr, in: variables, problems: &problems)
    }

    /// The value of `expr`, adding to `problems` why a part of it had none.
    public static func evaluate(_ expr: Expr, in variables: some VariableLookup, problems: inout [EvaluationProblem]) -> Value {
        switch expr {
        case .number(let n, _): return .number(n)
        case .string(let s, _): return .string(s)
        case .bool(let b, _): return .bool(b)
        case .name(let name, _): return variables.value(of: name) ?? .null
        case .list(let items, _):
            let values = items.map { evaluate($0, in: variables, problems: &problems) }
            guard values.reduce(values.count, { $0 + $1.size }) <= DialogLimits.valueSize else {
                problems.append(.tooLarge)
                return .null
            }
            return .list(values)
        case .unary(let op, let operand, _):
            let value = evaluate(operand, in: variables, problems: &problems)
            switch op.value {
            case .not: return .bool(!value.isTrue)
            case .negate:
                guard case .number(let n) = value else { return .null }
                return .number(-n)
            }
        case .binary(let op, let lhs, let rhs, _):
            return binary(op.value, lhs, rhs, in: variables, problems: &problems)
        case .call(let name, let arguments, _):
            guard let function = BuiltinFunction(rawValue: name.value), arguments.count == function.arity else { return .null }
            let argument = evaluate(arguments[0], in: variables, problems: &problems)
            switch function {
            case .count:
                switch argument {
                case .list(let items): return .number(Double(items.count))
                case .string(let s): return .number(Double(s.count))
                case .null: return .number(0)
                default: return .null
                }
            case .has:
                switch argument {
                case .null: return .bool(false)
                case .list(let items): return .bool(!items.isEmpty)
                case .string(let s): return .bool(!s.isEmpty)
                default: return .bool(true)
                }
            }
        }
    }

    private static func binary(
        _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, in variables: some VariableLookup,
        problems: inout [EvaluationProblem]
    ) -> Value {
        switch op {
        case .and:
            return .bool(evaluate(lhs, in: variables, problems: &problems).isTrue && evaluate(rhs, in: variables, problems: &problems).isTrue)
        case .or:
            return .bool(evaluate(lhs, in: variables, problems: &problems).isTrue || evaluate(rhs, in: variables, problems: &problems).isTrue)
        default:
            break
        }
        let a = evaluate(lhs, in: variables, problems: &problems)
        let b = evaluate(rhs, in: variables, problems: &problems)
        switch op {
        case .and, .or: return .null  // Handled above.
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .in, .notIn:
            // Anything but a list contains nothing, so `x not in unset` is true.
            let found: Bool
            if case .list(let items) = b { found = items.contains(a) } else { found = false }
            return .bool(found == (op == .in))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard case .number(let x) = a, case .number(let y) = b else { return .bool(false) }
            switch op {
            case .less: return .bool(x < y)
            case .lessOrEqual: return .bool(x <= y)
            case .greater: return .bool(x > y)
            default: return .bool(x >= y)
            }
        case .add:
            if case .string(let x) = a, case .string(let y) = b {
                guard x.utf8.count + y.utf8.count <= DialogLimits.valueSize else {
                    problems.append(.tooLarge)
                    return .null
                }
                return .string(x + y)
            }
            return arithmetic(a, b, +, problems: &problems)
        case .subtract: return arithmetic(a, b, -, problems: &problems)
        case .multiply: return arithmetic(a, b, *, problems: &problems)
        case .divide:
            if case .number = a, case .number(0) = b {
                problems.append(.divisionByZero)
                return .null
            }
            return arithmetic(a, b, /, problems: &problems)
        }
    }

    private static func arithmetic(_ a: Value, _ b: Value, _ f: (Double, Double) -> Double, problems: inout [EvaluationProblem]) -> Value {
        guard case .number(let x) = a, case .number(let y) = b else { return .null }
        let result = f(x, y)
        guard result.isFinite, result.magnitude <= DialogLimits.largestNumber else {
            problems.append(.overflow)
            return .null
        }
        return .number(result)
    }
}

extension Expr {
    /// The value of the expression with `variables`; see ``Evaluator`` for the rules.
    public func evaluate(in variables: some VariableLookup) -> Value {
        Evaluator.evaluate(self, in: variables)
    }
}
