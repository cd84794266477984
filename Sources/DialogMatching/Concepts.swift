import DialogSyntax

/// Named sets of phrases, used inside other phrases as `~name`, and the small pattern
/// language of phrases: `~name` (any phrase of the concept), `[word]` or `[a few words]`
/// (optional), `...` (a gap of up to three words), `A & B` (each side anywhere in the
/// line, in any order).
///
/// A phrase is compiled into parts (`PhrasePattern`) and matched as written, never
/// expanded: `"~want to [just] ~die"` matches "want to die", "wish to just die" and
/// every other phrase it stands for, at the cost of a few parts. Each concept is
/// compiled once, when the table is made, and shared by the phrases that use it. A
/// phrase may still stand for at most ``maximumExpansions`` plain phrases: a limit that
/// keeps patterns readable and `expand(_:)` (for the copy check of `intake eval`) small.
///
/// The built-in concepts (`builtIn`) are always there; a bundle's concept of the same
/// name adds to one.
public struct ConceptTable: Sendable {
    /// The most plain phrases one phrase may stand for.
    public static let maximumExpansions = 4000

    /// The built-in word class `~number`: any word that is a number, perhaps with a unit
    /// ("5", "50mg"), so that phrases about amounts need not list any. Not a concept: a
    /// bundle's concept of this name is a problem (`problems()`).
    public static let number = "number"

    /// Why a phrase or a concept cannot be compiled.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownConcept(String)
        case emptyConcept(String)
        /// The concepts that use each other, in order, the first repeated at the end.
        case circular([String])
        case tooManyExpansions(Int)
        case invalidPattern(String)

        public var description: String {
            switch self {
            case .unknownConcept(let n): "no concept `~\(n)`"
            case .emptyConcept(let n): "the concept `~\(n)` has no phrases"
            case .circular(let names): "concepts that use each other: " + names.map { "~\($0)" }.joined(separator: " → ")
            case .tooManyExpansions(let n): "the phrase stands for \(n) phrases, more than \(ConceptTable.maximumExpansions)"
            case .invalidPattern(let why): why
            }
        }
    }

    /// Each concept's phrases as written.
    public let phrases: [String: [String]]
    /// Each concept compiled once, when the table is made.
    private let compiled: [String: Result<Alternatives, Problem>]
    /// The words of every token compiled so far.
    private let tokens = TokenParts()
    /// Every phrase compiled so far: the validator and the engine compile the same
    /// phrases of a bundle, with one table (`ConceptTable(bundle:)`).
    private let compiledPhrases = Memo<String, Result<[PatternPart], Problem>>()

    public init(_ bundleConcepts: [String: [String]] = [:]) {
        var all = Self.builtIn
        for (name, list) in bundleConcepts { all[name, default: []] += list }
        var compiler = Compiler(phrases: all, tokens: tokens)
        for name in all.keys.sorted() {
            var stack: [String] = []
            _ = try? compiler.concept(name, stack: &stack)
        }
        if bundleConcepts[Self.number] != nil {
            compiler.done[Self.number] = .failure(.invalidPattern("`~number` is the built-in word class of numbers: give the concept another name"))
        }
        phrases = all
        compiled = compiler.done
    }

    /// Whether a phrase uses the pattern language at all: `[` or `~name` (a `~` alone
    /// is a word).
    public static func isPattern(_ phrase: String) -> Bool {
        var afterTilde = false
        for byte in phrase.utf8 {
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "&") { return true }
            // An ASCII letter, a digit or `_` after `~`: a concept's name.
            if afterTilde,
                byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            {
                return true
            }
            afterTilde = byte == UInt8(ascii: "~")
        }
        return false
    }

    /// The pattern of a phrase written in the pattern language (a plain phrase is a
    /// pattern of its words).
    public func pattern(_ phrase: String, range: SourceRange? = nil) throws(Problem) -> PhrasePattern {
        if let sides = try Self.sides(of: phrase) {
            var compiled: [PhrasePattern] = []
            for side in sides { compiled.append(try pattern(side, range: range)) }
            return PhrasePattern(text: phrase, range: range, sides: compiled)
        }
        return PhrasePattern(text: phrase, range: range, parts: try parts(phrase), isPlain: !Self.isPattern(phrase))
    }

    /// The plain phrases `phrase` stands for; for a conjunction, its sides' phrases
    /// joined by `...` (other words may stand between them), at most
    /// ``maximumExpansions`` of them.
    public func expand(_ phrase: String) throws(Problem) -> [String] {
        guard let sides = try Self.sides(of: phrase) else { return PatternParts.expand(try parts(phrase)) }
        var joined = [""]
        for side in sides {
            let phrases = PatternParts.expand(try parts(side))
            joined = Array(joined.lazy.flatMap { j in phrases.lazy.map { j.isEmpty ? $0 : j + " ... " + $0 } }.prefix(Self.maximumExpansions))
        }
        return joined
    }

    /// The sides of a conjunction (`A & B`), trimmed; nil for a phrase without `&`.
    private static func sides(of phrase: String) throws(Problem) -> [String]? {
        guard phrase.contains("&") else { return nil }
        let sides = phrase.split(separator: "&", omittingEmptySubsequences: false).map { side in
            String(side.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        if sides.contains(where: { $0.isEmpty }) { throw .invalidPattern("`&` needs a phrase on each side in `\(phrase)`") }
        return sides
    }

    /// The compiled parts of a phrase, within the limit of expansions.
    private func parts(_ phrase: String) throws(Problem) -> [PatternPart] {
        try compiledPhrases.value(for: phrase) {
            do throws(Problem) { return .success(try compile(phrase)) } catch { return .failure(error) }
        }.get()
    }

    private func compile(_ phrase: String) throws(Problem) -> [PatternPart] {
        guard Self.isPattern(phrase) else { return PatternParts.literal(Substring(phrase), tokens: tokens) }
        var compiler = Compiler(phrases: phrases, tokens: tokens, done: compiled)
        var stack: [String] = []
        let parts = try compiler.phrase(Substring(phrase), stack: &stack)
        let count = PatternParts.count(parts)
        if count > Self.maximumExpansions { throw .tooManyExpansions(count) }
        return parts
    }

    /// Every concept's problem, by name: empty, circular, or using an unknown concept.
    public func problems() -> [(concept: String, problem: Problem)] {
        var out: [(String, Problem)] = []
        for name in phrases.keys.sorted() {
            if phrases[name]?.isEmpty ?? true {
                out.append((name, .emptyConcept(name)))
                continue
            }
            if case .failure(let error)? = compiled[name] { out.append((name, error)) }
        }
        return out
    }

    /// Compiles phrases and concepts, each concept once.
    private struct Compiler {
        let phrases: [String: [String]]
        let tokens: TokenParts
        var done: [String: Result<Alternatives, Problem>] = [:]

        mutating func concept(_ name: String, stack: inout [String]) throws(Problem) -> Alternatives {
            if let i = stack.firstIndex(of: name) { throw .circular(Array(stack[i...]) + [name]) }
            switch done[name] {
            case .success(let a)?: return a
            case .failure(let problem)?: throw problem
            case nil: break
            }
            let result: Result<Alternatives, Problem>
            do throws(Problem) {
                guard let list = phrases[name] else { throw .unknownConcept(name) }
                guard !list.isEmpty else { throw .emptyConcept(name) }
                stack.append(name)
                defer { stack.removeLast() }
                var sequences: [[PatternPart]] = []
                for p in list { sequences.append(try phrase(Substring(p), stack: &stack)) }
                let alternatives = Alternatives(concept: name, sequences: sequences, isOptional: false)
                if alternatives.count > ConceptTable.maximumExpansions { throw .tooManyExpansions(alternatives.count) }
                result = .success(alternatives)
            } catch {
                // A cycle is cached only at the concept the compiling started from, so the
                // concepts inside it do not keep another concept's view of it.
                if case .circular = error, !stack.isEmpty { throw error }
                result = .failure(error)
            }
            done[name] = result
            return try result.get()
        }

        mutating func phrase(_ phrase: Substring, stack: inout [String]) throws(Problem) -> [PatternPart] {
            var out: [PatternPart] = []
            var literalStart: Substring.Index?
            func flushLiteral(upTo end: Substring.Index) {
                guard let start = literalStart else { return }
                out += PatternParts.literal(phrase[start..<end], tokens: tokens)
                literalStart = nil
            }
            var i = phrase.startIndex
            while i < phrase.endIndex {
                let c = phrase[i]
                if c == "[" {
                    flushLiteral(upTo: i)
                    guard let close = phrase[i...].firstIndex(of: "]") else {
                        throw .invalidPattern("`[` without `]` in `\(phrase)`")
                    }
                    let inner = phrase[phrase.index(after: i)..<close]
                    if inner.contains("[") { throw .invalidPattern("`[…]` inside `[…]` in `\(phrase)`") }
                    if inner.allSatisfy({ $0 == " " || $0 == "\t" }) { throw .invalidPattern("empty `[]` in `\(phrase)`") }
                    out.append(.either(Alternatives(sequences: [try self.phrase(inner, stack: &stack)], isOptional: true)))
                    i = phrase.index(after: close)
                } else if c == "]" {
                    throw .invalidPattern("`]` without `[` in `\(phrase)`")
                } else if c == "~", i == phrase.startIndex || phrase[phrase.index(before: i)] == " " || phrase[phrase.index(before: i)] == "\t" {
                    var end = phrase.index(after: i)
                    while end < phrase.endIndex, phrase[end] != " ", phrase[end] != "\t", phrase[end] != "[" { end = phrase.index(after: end) }
                    let name = String(phrase[phrase.index(after: i)..<end])
                    guard !name.isEmpty else { throw .invalidPattern("`~` without a concept name in `\(phrase)`") }
                    flushLiteral(upTo: i)
                    out.append(name == ConceptTable.number ? .number : .either(try concept(name, stack: &stack)))
                    i = end
                } else {
                    if literalStart == nil { literalStart = i }
                    i = phrase.index(after: i)
                }
            }
            flushLiteral(upTo: phrase.endIndex)
            return out
        }
    }
}

extension ConceptTable {
    /// The concepts every bundle has (DESIGN.md, "Understanding what people say").
    public static let builtIn: [String: [String]] = [
        "self": ["i", "i just", "i think i", "i have", "i have just", "i may have", "i might have", "i probably", "i really"],
        "other": [
            "he", "she", "they", "him", "her", "them", "his", "their", "someone", "somebody", "~person", "my ~person",
            "the ~person", "this ~person", "a ~person", "our ~person", "your ~person", "his ~person", "her ~person",
            "their ~person",
        ],
        "person": [
            "friend", "boyfriend", "girlfriend", "husband", "wife", "partner", "son", "daughter", "brother", "sister",
            "mom", "mum", "mother", "dad", "father", "roommate", "flatmate", "housemate", "cousin", "uncle", "aunt",
            "kid", "child", "baby", "guy", "girl", "man", "woman", "neighbor", "neighbour", "fiance", "grandma",
            "grandpa", "nephew", "niece", "stepson", "stepdaughter", "buddy", "mate", "coworker", "patient", "client",
            "teen", "teenager", "bro", "sis", "ex", "homie", "dude", "bestie", "caller", "person", "loved one",
            "best friend", "bff",
        ],
        "negator": ["not", "no", "never", "without", "none", "nobody", "nothing"],
        "yes": ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "si"],
        "no": ["no", "nope", "nah", "not really", "never"],
        "none": ["none", "nothing", "neither", "none of these", "none of them"],
        "intensity": ["very", "really", "so", "super", "extremely", "badly", "seriously", "totally"],
        "earlier": ["last year", "years ago", "months ago", "a while ago", "in the past", "used to", "back then", "once before"],
        "colour_blue": ["blue", "purple", "gray", "grey", "pale", "white", "bluish", "purplish"],
        "body_part": ["lips", "face", "fingers", "fingertips", "nails", "skin", "mouth", "chest", "head", "arm", "leg"],
    ]
}
