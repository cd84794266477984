import DialogEngine
import DialogModel
import DialogSyntax
import Testing

/// Properties over many generated inputs: reading, checking and evaluating never trap,
/// always terminate, and report well-formed diagnostics inside the text.
///
/// The generators are seeded, so every run sees the same inputs; a failure message
/// names the input.

private let alphabet: [Unicode.Scalar] =
    Array(
        "abcxyz_.0123456789 ()[],+-*/=!<>'\"\\{}&|@#\t\n"
            .unicodeScalars) + ["é", "☕", "\u{0}", "\u{7}", "\u{A0}", "\u{2019}", "\u{FEFF}", "\u{10FFFF}"]

private let vocabulary = [
    "sows", "answer", "region", "consented", "symptoms.reported", "scores", "sowz", "14", "2.5", "0",
    "'x'", "\"y\"", "'US'", "true", "false", "(", ")", "[", "]", ",", "+", "-", "*", "/", "==", "!=",
    "<", "<=", ">", ">=", "and", "or", "not", "in", "count", "has", "(", ")",
]

private func randomString(_ rng: inout SplitMix64, maxLength: Int) -> String {
    let length = Int.random(in: 0...maxLength, using: &rng)
    var s = ""
    for _ in 0..<length {
        s.unicodeScalars.append(alphabet.randomElement(using: &rng) ?? "a")
    }
    return s
}

private func randomTokens(_ rng: inout SplitMix64, maxCount: Int) -> String {
    let count = Int.random(in: 0...maxCount, using: &rng)
    return (0..<count).map { _ in vocabulary.randomElement(using: &rng) ?? "a" }
        .joined(separator: Bool.random(using: &rng) ? " " : "")
}

/// A random well-formed expression, fully parenthesised, up to `depth` levels deep.
private func randomExpression(_ rng: inout SplitMix64, depth: Int) -> String {
    let leaves = ["sows", "answer", "symptoms.reported", "7", "2.5", "'it\\'s'", "true", "[]", "[1, 'a']"]
    if depth == 0 || Int.random(in: 0..<4, using: &rng) == 0 {
        return leaves.randomElement(using: &rng) ?? "x"
    }
    switch Int.random(in: 0..<5, using: &rng) {
    case 0:
        return "(-\(randomExpression(&rng, depth: depth - 1)))"
    case 1:
        return "(not \(randomExpression(&rng, depth: depth - 1)))"
    case 2:
        let name = ["count", "has", "f"].randomElement(using: &rng) ?? "f"
        let n = Int.random(in: 0...2, using: &rng)
        return name + "(" + (0..<n).map { _ in randomExpression(&rng, depth: depth - 1) }.joined(separator: ", ") + ")"
    case 3:
        let n = Int.random(in: 1...3, using: &rng)
        return "[" + (0..<n).map { _ in randomExpression(&rng, depth: depth - 1) }.joined(separator: ", ") + "]"
    default:
        let op = BinaryOperator.allCases.randomElement(using: &rng) ?? .add
        return "(\(randomExpression(&rng, depth: depth - 1)) \(op.rawValue) \(randomExpression(&rng, depth: depth - 1)))"
    }
}

/// Checks what every diagnostic must satisfy, and returns a problem or nil.
private func problem(with diagnostics: [Diagnostic], in text: String, at start: SourcePosition = base) -> String? {
    let end = start.offset + text.utf8.count
    for d in diagnostics {
        guard d.code.count == 5, d.code.hasPrefix("IE"), Int(d.code.dropFirst(2)).map({ (1...24).contains($0) }) == true else {
            return "bad code \(d.code)"
        }
        guard let first = d.message.first, !first.isUppercase, !d.message.hasSuffix(".") else {
            return "badly worded message \(d.message)"
        }
        guard d.range.start.offset >= start.offset, d.range.end.offset <= end, d.range.start <= d.range.end,
            d.range.start.line >= start.line
        else {
            return "range \(d.range) (offsets \(d.range.start.offset)-\(d.range.end.offset)) outside the text"
        }
    }
    return nil
}

/// Parses, checks and evaluates; returns the first broken invariant.
private func exercise(_ text: String) -> String? {
    let parsed = parse(text)
    if (parsed.expression == nil) == parsed.diagnostics.isEmpty { return "expression and diagnostics disagree" }
    if let p = problem(with: parsed.diagnostics, in: text) { return p }
    guard let expr = parsed.expression else { return nil }
    let checked = TypeChecker.check(expr, in: environment, expecting: .bool)
    if let p = problem(with: checked.diagnostics, in: text) { return p }
    _ = expr.evaluate(in: variables)
    _ = expr.description
    return nil
}

@Test(arguments: [1, 2, 3, 4] as [UInt64])
func randomCharactersNeverTrap(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<5_000 {
        let text = randomString(&rng, maxLength: 40)
        if let p = exercise(text) {
            Issue.record("\(p) for \(String(reflecting: text)) (seed \(seed))")
            return
        }
    }
}

@Test(arguments: [11, 12, 13, 14] as [UInt64])
func randomTokenSequencesNeverTrap(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var accepted = 0
    for _ in 0..<5_000 {
        let text = randomTokens(&rng, maxCount: 12)
        if let p = exercise(text) {
            Issue.record("\(p) for \(String(reflecting: text)) (seed \(seed))")
            return
        }
        if let expr = parse(text).expression {
            accepted += 1
            // What the parser understood reads back to the same tree.
            let once = expr.description
            #expect(printed(once) == once, "\(text)")
        }
    }
    // The generator must produce enough valid expressions to test the valid path.
    #expect(accepted > 100)
}

@Test(arguments: [21, 22, 23] as [UInt64])
func generatedExpressionsReadBackExactly(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<2_000 {
        let text = randomExpression(&rng, depth: 5)
        // The generator writes the parser's own printed form, so it must come back as is.
        #expect(printed(text) == text, "\(text)")
        if let p = exercise(text) {
            Issue.record("\(p) for \(text) (seed \(seed))")
            return
        }
    }
}

@Test(arguments: [31, 32, 33] as [UInt64])
func randomTextsSplitWithoutTrapping(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<5_000 {
        let text = randomString(&rng, maxLength: 40)
        let parsed = Interpolation.parse(text, at: base, continuationIndent: 2)
        // With the indent, later lines sit further right than the text says.
        let lines = text.unicodeScalars.filter { $0 == "\n" }.count
        let slack = String(repeating: " ", count: 2 * lines)
        if let p = problem(with: parsed.diagnostics, in: text + slack) {
            Issue.record("\(p) for \(String(reflecting: text)) (seed \(seed))")
            return
        }
        guard let interpolation = parsed.interpolation else {
            #expect(!parsed.diagnostics.isEmpty)
            continue
        }
        #expect(parsed.diagnostics.isEmpty)
        if let p = problem(with: interpolation.check(in: environment), in: text + slack) {
            Issue.record("\(p) for \(String(reflecting: text)) (seed \(seed))")
            return
        }
        _ = interpolation.render(with: variables)
        // Without expressions, the literal parts and the escapes account for the whole text.
        if interpolation.isLiteral {
            let joined = interpolation.parts.map { part -> String in
                if case .literal(let s, _) = part { return s }
                return ""
            }.joined()
            let expected = text.replacingAll("{{", with: "{").replacingAll("}}", with: "}")
            #expect(joined == expected, "\(String(reflecting: text))")
        }
    }
}

@Test func hugeInputsTerminate() {
    var rng = SplitMix64(seed: 99)
    let noise = String((0..<200_000).map { _ in Character(alphabet.randomElement(using: &rng) ?? "a") })
    #expect(exercise(noise) == nil)
    #expect(parse(noise).diagnostics.count <= 11)
    let names = String(repeating: "a", count: 500_000)
    #expect(summary(checkDiagnostics(names)) == "IE015 \(column(0))")
    let list = "[" + String(repeating: "1, ", count: 100_000) + "1]"
    #expect(checkDiagnostics("count(\(list)) > 1").isEmpty)
    let braces = String(repeating: "{a ", count: 100_000)
    #expect(Interpolation.parse(braces).diagnostics.count == 100_000)
    let text = String(repeating: "{sows} and {{ ", count: 50_000)
    #expect(Interpolation.parse(text).interpolation?.render(with: variables).hasPrefix("14 and { 14") == true)
}

extension String {
    /// Replaces every occurrence, left to right, without Foundation.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
