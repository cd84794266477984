/// Named sets of phrases, used inside other phrases as `~name`, and the small pattern
/// language of phrases: `~name` (any phrase of the concept), `[word]` or `[a few words]`
/// (optional), `...` (a gap of up to three words, kept for `PhrasePattern`).
///
/// A phrase is expanded into the plain phrases it stands for before it is matched:
/// `"~want to [just] die"` with `want: [want, wish]` gives "want to die", "want to just
/// die", "wish to die", "wish to just die". Expansion is done once, when a bundle is
/// compiled; a phrase may stand for at most ``maximumExpansions`` phrases.
///
/// The built-in concepts (`builtIn`) are always there; a bundle's concept of the same
/// name adds to one.
public struct ConceptTable: Sendable {
    /// The most plain phrases one phrase may stand for.
    public static let maximumExpansions = 4000

    /// Why a phrase or a concept cannot be expanded.
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
    /// Each concept expanded once, when the table is made: a phrase that uses it copies
    /// the list instead of expanding the concept again.
    private let expanded: [String: Result<[String], Problem>]

    public init(_ bundleConcepts: [String: [String]] = [:]) {
        var all = Self.builtIn
        for (name, list) in bundleConcepts { all[name, default: []] += list }
        phrases = all
        var done: [String: Result<[String], Problem>] = [:]
        let building = ConceptTable(phrases: all, expanded: [:])
        for name in all.keys.sorted() {
            var stack: [String] = []
            do { done[name] = .success(try building.expandConcept(name, stack: &stack, known: done)) } catch { done[name] = .failure(error) }
        }
        expanded = done
    }

    private init(phrases: [String: [String]], expanded: [String: Result<[String], Problem>]) {
        self.phrases = phrases
        self.expanded = expanded
    }

    /// Whether a phrase uses the pattern language at all: `[` or `~name` (a `~` alone
    /// is a word).
    public static func isPattern(_ phrase: String) -> Bool {
        if phrase.contains("[") { return true }
        var previous: Character = " "
        for c in phrase {
            if previous == "~", c.isLetter || c.isNumber || c == "_" { return true }
            previous = c
        }
        return false
    }

    /// The plain phrases `phrase` stands for.
    public func expand(_ phrase: String) throws(Problem) -> [String] {
        var stack: [String] = []
        return try expand(phrase, stack: &stack, known: expanded)
    }

    /// Every concept's problem, by name: empty, circular, or using an unknown concept.
    public func problems() -> [(concept: String, problem: Problem)] {
        var out: [(String, Problem)] = []
        for name in phrases.keys.sorted() {
            if phrases[name]?.isEmpty ?? true {
                out.append((name, .emptyConcept(name)))
                continue
            }
            if case .failure(let error)? = expanded[name] { out.append((name, error)) }
        }
        return out
    }

    private func expandConcept(_ name: String, stack: inout [String], known: [String: Result<[String], Problem>]) throws(Problem) -> [String] {
        if let i = stack.firstIndex(of: name) { throw .circular(Array(stack[i...]) + [name]) }
        switch known[name] {
        case .success(let list)?: return list
        case .failure(let problem)?: throw problem
        case nil: break
        }
        guard let list = phrases[name] else { throw .unknownConcept(name) }
        guard !list.isEmpty else { throw .emptyConcept(name) }
        stack.append(name)
        defer { stack.removeLast() }
        var out: [String] = []
        for p in list {
            out += try expand(p, stack: &stack, known: known)
            if out.count > Self.maximumExpansions { throw .tooManyExpansions(out.count) }
        }
        return out
    }

    private func expand(_ phrase: String, stack: inout [String], known: [String: Result<[String], Problem>]) throws(Problem) -> [String] {
        guard Self.isPattern(phrase) else { return [phrase] }
        var results = [""]
        func combine(_ alternatives: [String]) throws(Problem) {
            var next: [String] = []
            next.reserveCapacity(results.count * alternatives.count)
            for r in results {
                for a in alternatives {
                    next.append(a.isEmpty ? r : r.isEmpty ? a : r + " " + a)
                }
            }
            if next.count > Self.maximumExpansions { throw .tooManyExpansions(next.count) }
            results = next
        }
        var i = phrase.startIndex
        while i < phrase.endIndex {
            let c = phrase[i]
            if c == " " || c == "\t" {
                i = phrase.index(after: i)
            } else if c == "[" {
                guard let close = phrase[i...].firstIndex(of: "]") else {
                    throw .invalidPattern("`[` without `]` in `\(phrase)`")
                }
                let inner = String(phrase[phrase.index(after: i)..<close])
                if inner.contains("[") { throw .invalidPattern("`[…]` inside `[…]` in `\(phrase)`") }
                if inner.trimmingSpaces.isEmpty { throw .invalidPattern("empty `[]` in `\(phrase)`") }
                try combine([""] + (try expand(inner, stack: &stack, known: known)))
                i = phrase.index(after: close)
            } else if c == "]" {
                throw .invalidPattern("`]` without `[` in `\(phrase)`")
            } else {
                var end = i
                while end < phrase.endIndex, phrase[end] != " ", phrase[end] != "\t", phrase[end] != "[" { end = phrase.index(after: end) }
                let token = phrase[i..<end]
                if token.first == "~" {
                    let name = String(token.dropFirst())
                    guard !name.isEmpty else { throw .invalidPattern("`~` without a concept name in `\(phrase)`") }
                    try combine(try expandConcept(name, stack: &stack, known: known))
                } else {
                    try combine([String(token)])
                }
                i = end
            }
        }
        return results
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}

extension ConceptTable {
    /// The concepts every bundle has (DESIGN.md, "Understanding what people say").
    public static let builtIn: [String: [String]] = [
        "self": ["i", "i just", "i think i", "i have", "i have just", "i may have", "i might have", "i probably", "i really"],
        "other": [
            "he", "she", "they", "him", "her", "them", "his", "their", "someone", "somebody", "~person", "my ~person",
            "the ~person", "this ~person", "a ~person", "our ~person", "your ~person",
        ],
        "person": [
            "friend", "boyfriend", "girlfriend", "husband", "wife", "partner", "son", "daughter", "brother", "sister",
            "mom", "mum", "mother", "dad", "father", "roommate", "flatmate", "housemate", "cousin", "uncle", "aunt",
            "kid", "child", "baby", "guy", "girl", "man", "woman", "neighbor", "neighbour", "fiance", "grandma",
            "grandpa", "nephew", "niece", "stepson", "stepdaughter", "buddy", "mate", "coworker", "patient", "client",
            "teen", "teenager", "bro", "sis", "ex", "homie", "dude", "bestie", "caller", "person", "loved one",
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
