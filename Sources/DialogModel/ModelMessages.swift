import DialogMatching
import DialogSyntax

/// The catalogue of the validator's messages, one stable code each (`IC…`), in code
/// order. The README lists them.
enum ModelMessage {
    /// Every code of this catalogue.
    enum Code: String, DiagnosticCode {
        case IC001, IC002, IC003, IC004, IC005, IC006, IC007, IC008, IC009, IC010, IC011, IC012, IC013, IC014, IC015, IC016, IC017, IC018, IC019, IC020, IC021, IC022, IC023, IC024, IC025, IC026,
            IC027, IC028, IC029, IC030, IC031, IC032, IC033, IC034, IC035, IC036, IC037, IC038, IC039, IC040, IC041, IC042
    }

    static func unknownKey(_ key: String, in what: String, suggestion: String?, known: [String], _ r: SourceRange) -> Diagnostic {
        Code.IC001.error(
            "unknown key `\(key)` in \(what)", at: r,
            hint: suggestion.map { "did you mean `\($0)`?" } ?? "the keys are " + known.map { "`\($0)`" }.joined(separator: ", "))
    }

    static func missingKey(_ key: String, in what: String, _ r: SourceRange, hint: String? = nil) -> Diagnostic {
        Code.IC002.error("\(what) has no `\(key)`", at: r, hint: hint ?? (key.contains("`") ? nil : "add `\(key):`"))
    }

    static func wrongType(_ what: String, expected: String, found: String, _ r: SourceRange, hint: String? = nil) -> Diagnostic {
        Code.IC003.error("\(what) must be \(expected), not \(found)", at: r, hint: hint)
    }

    static func duplicateID(_ kind: String, _ id: String, _ r: SourceRange, first: SourceRange) -> Diagnostic {
        Code.IC004.error(
            "duplicate \(kind) `\(id)`", at: r,
            notes: [.init(message: "`\(id)` is first defined here", range: first)],
            hint: kind == "setting"
                ? "a bundle setting appears in one file only; remove one"
                : "ids are unique across the bundle's files; rename or remove one")
    }

    static func danglingNode(_ written: String, suggestion: String?, _ r: SourceRange) -> Diagnostic {
        Code.IC005.error(
            "no node `\(written)`", at: r,
            hint: suggestion.map { "did you mean `\($0)`?" } ?? "node ids are `file.node`, or a bare `node` in the same file")
    }

    static func danglingSource(_ id: String, suggestion: String?, _ r: SourceRange) -> Diagnostic {
        Code.IC006.error("no source `\(id)` in the reference list", at: r, hint: suggestion.map { "did you mean `\($0)`?" } ?? "add it to sources.yaml")
    }

    static func unreachable(_ id: NodeID, _ r: SourceRange) -> Diagnostic {
        Code.IC007.warning("node `\(id)` cannot be reached", at: r, hint: "no choice, route, `next` or intent leads here from the start node")
    }

    /// IC007 for a node that a dangling reference is probably meant for: fixing the
    /// reference is likely to fix both.
    static func unreachable(_ id: NodeID, meantBy reference: NodeReference, inFile file: String, _ r: SourceRange) -> Diagnostic {
        Code.IC007.warning(
            "node `\(id)` cannot be reached", at: r,
            hint: "`\(reference.written)` (\(file):\(reference.range.start.line)), which names no node, may be meant for it")
    }

    static func deadEnd(_ id: NodeID, _ r: SourceRange) -> Diagnostic {
        Code.IC008.error("node `\(id)` is a dead end", at: r, hint: "give it `choices`, `expect` with `next` or `routes`, `next`, `branch`, or `end: true`")
    }

    /// A `branch:` without `- else:`: the session stops there when no condition holds.
    static func branchWithoutElse(_ id: NodeID, _ r: SourceRange) -> Diagnostic {
        Code.IC042.error("node `\(id)` is a dead end when no `branch` condition holds", at: r, hint: "close `branch:` with `- else: NODE`")
    }

    static func loopWithoutExit(_ cycle: [NodeID], _ r: SourceRange) -> Diagnostic {
        Code.IC009.error(
            "loop with no way out: \(cycle.map(\.description).joined(separator: " → "))", at: r,
            hint: "add a choice or route from one of these nodes that leads towards an end")
    }

    /// A name an expression reads that nothing sets (the expression language's IE015, in
    /// a bundle).
    static func neverSet(_ name: String, hint: String?, _ r: SourceRange) -> Diagnostic {
        Code.IC010.error(
            "variable `\(name)` is read but never set", at: r,
            hint: hint
                ?? (name.contains("-")
                    ? "a role is named by a resource's `role:`; a variable is set with `set:` or `save:`"
                    : "set it with `set:` or `save:` on a node before this one, or use a built-in name such as `answer`"))
    }

    static func unusedResource(_ id: String, _ r: SourceRange) -> Diagnostic {
        Code.IC011.warning("resource `\(id)` is never shown", at: r, hint: "name its role in a text (`{role}`) or list it with `show:`")
    }

    static func unusedSymptom(_ id: String, _ r: SourceRange) -> Diagnostic {
        Code.IC012.warning("symptom `\(id)` is never read", at: r, hint: "no node has `expect: symptoms`")
    }

    static func sharedChoiceID(_ id: String, _ r: SourceRange, first: SourceRange) -> Diagnostic {
        Code.IC028.error(
            "two choices of one node have the id `\(id)`", at: r,
            notes: [.init(message: "the other choice is here", range: first)],
            hint: "a choice's id is its `id:`, else the node it leads to; give each an `id:`")
    }

    static func exampleReadsAsAnother(
        _ example: String, of intent: String, reads other: String, like theirs: String,
        _ r: SourceRange
    ) -> Diagnostic {
        Code.IC033.warning(
            "example “\(example)” of intent `\(intent)` reads more like intent `\(other)`", at: r,
            notes: [], hint: "it is closest to “\(theirs)”: reword it with the words that tell `\(intent)` apart, or move it")
    }

    static func sharedExample(_ example: String, _ intents: (String, String), _ r: SourceRange, first: SourceRange) -> Diagnostic {
        Code.IC034.warning(
            "intents `\(intents.0)` and `\(intents.1)` share the example “\(example)”", at: r,
            notes: [.init(message: "the other is here", range: first)],
            hint: "a question has one answer: keep it under one intent")
    }

    static func invalidThreshold(_ key: String, _ value: String, _ r: SourceRange) -> Diagnostic {
        Code.IC035.error("`\(key)` is `\(value)`, not a score", at: r, hint: "a number from 0 to 1, such as 0.3")
    }

    /// IC041: a `pass-mark` that is not a percentage, or one outside a training bundle.
    static func invalidPassMark(_ value: String, training: Bool, _ r: SourceRange) -> Diagnostic {
        training
            ? Code.IC041.error("`pass-mark` is `\(value)`, not a whole percentage from 0 to 100", at: r, hint: "such as 80%")
            : Code.IC041.error(
                "`pass-mark` in a bundle that is not `kind: training`", at: r,
                hint: "only training modules are marked")
    }

    /// A node or scale that reads above the bundle's grade (`intake check --readability`).
    static func hardToRead(_ what: String, grade: Double, limit: Double, _ r: SourceRange, notes: [Diagnostic.Note], hint: String) -> Diagnostic {
        Code.IC036.warning("\(what) reads at grade \(grade.oneDecimal), above \(limit.oneDecimal)", at: r, notes: notes, hint: hint)
    }

    /// A screen longer than the bundle's words per screen (`intake check --readability`).
    static func screenTooLong(words: Int, node: String, way: String, limit: Int, _ r: SourceRange) -> Diagnostic {
        Code.IC037.warning(
            "a screen of \(words) words starts at node `\(node)`\(way), above \(limit)",
            at: r, hint: "shorten its texts, or split them over two turns with a choice such as \"Tell me more\"")
    }

    /// IC038: a range, a scale's size or its totals beyond ``DialogLimits``.
    static func outOfBounds(_ what: String, _ r: SourceRange, hint: String) -> Diagnostic {
        Code.IC038.error(what, at: r, hint: hint)
    }

    /// IC038 for a number of a range.
    static func rangeOutOfBounds(_ what: String, written: String, _ r: SourceRange) -> Diagnostic {
        outOfBounds(
            "\(what) `\(written)` goes beyond ±\(grouped(DialogLimits.rangeMagnitude))", r,
            hint: "a range holds whole numbers from \(grouped(-DialogLimits.rangeMagnitude)) to \(grouped(DialogLimits.rangeMagnitude))")
    }

    static func loopWithoutInput(_ cycle: [NodeID], _ r: SourceRange) -> Diagnostic {
        Code.IC039.error(
            "loop that never waits for input: \(cycle.map(\.description).joined(separator: " → "))", at: r,
            hint: "a session would go round it without asking anything: give one of these nodes `choices`, `expect` or `scale`")
    }

    static func chainTooLong(_ chain: [NodeID], _ r: SourceRange) -> Diagnostic {
        let shown =
            chain.count <= 6
            ? chain.map(\.description)
            : chain.prefix(3).map(\.description) + ["…"] + chain.suffix(2).map(\.description)
        return Code.IC040.error(
            "\(chain.count) nodes in a row without a question, more than the \(DialogLimits.turnHops - 1) one turn can pass: "
                + shown.joined(separator: " → "), at: r,
            hint: "give one of these nodes `choices`, `expect` or `scale`, so that the person answers on the way")
    }

    /// A whole number with thousands separators, as messages write bounds: `1,000,000`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func sharedPhrase(_ phrase: String, _ r: SourceRange, first: SourceRange) -> Diagnostic {
        Code.IC013.error(
            "two choices of one node share the match phrase `\(phrase)`", at: r,
            notes: [.init(message: "the other choice has it here", range: first)],
            hint: "a phrase can pick only one choice; remove it from one of them")
    }

    static func bandProblem(_ problem: String, _ r: SourceRange) -> Diagnostic {
        Code.IC014.error(problem, at: r, hint: "bands must cover the scale's possible totals without gaps or overlaps")
    }

    static func noCrisisIntent(_ kind: CrisisKind, _ r: SourceRange) -> Diagnostic {
        Code.IC015.error(
            "no crisis intent for `\(kind.rawValue)`", at: r,
            hint: "an intake bundle must handle every crisis kind: add an intent with `crisis: \(kind.rawValue)`")
    }

    static func shadowedByCrisis(_ phrase: String, intent: String, _ r: SourceRange) -> Diagnostic {
        Code.IC016.error(
            "the phrase `\(phrase)` is a crisis phrase of `\(intent)`", at: r,
            hint: "crisis intents are matched first, on every turn, so this can never be reached by it")
    }

    static func roleMissing(_ role: String, region: String, _ r: SourceRange) -> Diagnostic {
        Code.IC017.error(
            "region `\(region)` has no resource with role `\(role)`", at: r,
            hint: "every region must define every role a text names; add one for \(region)")
    }

    static func unknownRegion(_ code: String, suggestion: String?, _ r: SourceRange) -> Diagnostic {
        Code.IC018.error("no region `\(code)`", at: r, hint: suggestion.map { "did you mean `\($0)`?" } ?? "define it under `regions:`")
    }

    static func unknownScale(_ name: String, suggestion: String?, _ r: SourceRange) -> Diagnostic {
        Code.IC019.error("no scale `\(name)`", at: r, hint: suggestion.map { "did you mean `\($0)`?" })
    }

    static func invalidValue(_ what: String, _ r: SourceRange, hint: String) -> Diagnostic {
        Code.IC020.error(what, at: r, hint: hint)
    }

    static func missingSetting(_ key: String, _ r: SourceRange) -> Diagnostic {
        Code.IC021.error("the bundle has no `\(key)`", at: r, hint: "add `\(key):` to one of its files")
    }

    static func emptyBundle(_ folder: String) -> Diagnostic {
        Code.IC022.error("no dialog files (`*.yaml`) in \(folder)", at: SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1)))
    }

    static func fileTooLarge(_ size: Int, limit: Int) -> Diagnostic {
        func mb(_ n: Int) -> String {
            let tenths = (n * 10 + (1 << 20) / 2) >> 20
            return "\(tenths / 10).\(tenths % 10) MB"
        }
        return Code.IC027.error(
            "the file is \(mb(size)), more than the \(limit >> 20) MB a dialog file may have",
            at: SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1)),
            hint: "split it into smaller files, or check that it is the file you meant")
    }

    static func unknownRole(_ role: String, suggestion: String?, known: [String], _ r: SourceRange) -> Diagnostic {
        Code.IC023.warning(
            "no resource has the role `\(role)`", at: r,
            hint: suggestion.map { "did you mean `\($0)`?" }
                ?? (known.isEmpty ? "give a resource `role: \(role)`" : "the roles are " + known.map { "`\($0)`" }.joined(separator: ", ")))
    }

    static func elseNotLast(_ r: SourceRange) -> Diagnostic {
        Code.IC024.error("routes after `else` are never taken", at: r, hint: "put `- else:` last")
    }

    static func rubricOutsideTraining(_ r: SourceRange) -> Diagnostic {
        Code.IC025.error("a `rubric` in an intake bundle", at: r, hint: "a rubric scores a trainee's lines: put it in a bundle with `kind: training`")
    }

    static func rubricPhraseCancelled(_ phrase: String, item: String, _ r: SourceRange) -> Diagnostic {
        Code.IC026.error(
            "the phrase `\(phrase)` of rubric item `\(item)` is also one of its `unless` phrases", at: r,
            hint: "it could never count; remove it from one of the lists")
    }

    /// IC029–IC032: a phrase or a concept that cannot be compiled.
    static func conceptProblem(_ problem: ConceptTable.Problem, _ r: SourceRange) -> Diagnostic {
        switch problem {
        case .unknownConcept:
            Code.IC029.error(problem.description, at: r, hint: "define it under `concepts:`, or use a built-in concept")
        case .emptyConcept:
            Code.IC030.error(problem.description, at: r, hint: "give it at least one phrase")
        case .circular:
            Code.IC031.error(problem.description, at: r, hint: "a concept may not use itself, even through others")
        case .tooManyExpansions, .invalidPattern:
            Code.IC032.error(problem.description, at: r, hint: "a phrase is words, `~concept`, `[optional words]` and `...` (a gap of up to three words)")
        }
    }
}
