// Synthetic inputs for the benchmark: a Swift port of ../shared/bench/gen_corpus.py's
// corpus (for parsing against Yams) and valid training bundles of a given node count
// (for load, validate, respond and scripted tests). Deterministic for a seed.

/// SplitMix64: small, fast and the same everywhere.
struct SeededRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ lo: Int, _ hi: Int) -> Int { Int.random(in: lo...hi, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ a: [T]) -> T { a[Int.random(in: 0..<a.count, using: &self)] }
    mutating func sample<T>(_ a: [T], _ k: Int) -> [T] { Array(a.shuffled(using: &self).prefix(k)) }
}

enum Generator {
    static let words = """
        appointment billing insurance refill prescription pain fever cough rash \
        headache dizziness allergy referral schedule cancel reschedule lab result \
        vaccine dose pharmacy address phone email emergency nurse doctor clinic \
        visit follow-up urgent routine symptom duration week day month medication \
        history family surgery injury back knee chest breathing sleep anxiety mood \
        diet weight blood pressure sugar heart child adult senior consent form \
        language interpreter transport parking copay deductible claim coverage
        """.split(separator: " ").map(String.init)
    static let topics = ["billing", "symptoms", "scheduling", "pharmacy", "records",
                         "insurance", "triage", "consent", "general"]
    static let conds = ["age >= 18", "topic == 'billing'", "severity > 3", "not insured",
                        "has_appointment", "visits < 2 and new_patient", "lang != 'en'"]

    static func sentence(_ rng: inout SeededRNG, _ lo: Int = 6, _ hi: Int = 14) -> String {
        var ws = (0..<rng.int(lo, hi)).map { _ in rng.pick(words) }
        ws[0] = ws[0].prefix(1).uppercased() + ws[0].dropFirst()
        return ws.joined(separator: " ") + rng.pick([".", ".", ".", "!", "?"])
    }

    static func nodeID(_ i: Int) -> String {
        let s = String(i)
        return "n" + String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// gen_corpus.py's document: one mapping, nodes appended until `target` bytes.
    static func corpus(bytes target: Int, seed: UInt64 = 42) -> [UInt8] {
        var rng = SeededRNG(seed: seed)
        let guess = max(1, target / 740)
        var out = "# Synthetic intake dialog corpus (intake-bench, seed=\(seed), target=\(target) bytes)\n"
        out += "version: 1\nstart: \(nodeID(0))\nnodes:\n"
        out.reserveCapacity(target + 2048)
        var i = 0
        while out.utf8.count < target {
            if rng.chance(0.25) { out += "  # \(rng.pick(topics)): \(sentence(&rng, 3, 7))\n" }
            out += "  \(nodeID(i)):\n    say: |\n"
            for _ in 0..<rng.int(2, 3) { out += "      \(sentence(&rng))\n" }
            out += "    ask: \"\(sentence(&rng, 5, 10).dropLast())?\"\n"
            if rng.chance(0.5) {
                out += "    set:\n      topic: \(rng.pick(topics))\n"
                if rng.chance(0.5) { out += "      step: \(rng.int(1, 20))\n" }
                if rng.chance(0.3) { out += "      urgent: \(rng.pick(["true", "false"]))\n" }
            }
            if rng.chance(0.3) { out += "    if: \"\(rng.pick(conds))\"\n" }
            out += "    choices:\n"
            for c in 0..<rng.int(3, 4) {
                let label = (0..<rng.int(1, 4)).map { _ in rng.pick(words) }.joined(separator: " ")
                out += "      - label: \"\(label.prefix(1).uppercased() + label.dropFirst())\"\n"
                out += "        keywords: [\(rng.sample(words, rng.int(2, 5)).joined(separator: ", "))]\n"
                out += "        goto: \(nodeID(rng.int(0, guess - 1)))\n"
                if rng.chance(0.2) { out += "        set: {\(rng.pick(["score", "severity", "visits"])): \(rng.int(0, 9))}\n" }
                if c == 0 && rng.chance(0.1) { out += "        # default branch\n" }
            }
            i += 1
        }
        return Array(out.utf8)
    }

    /// A valid training bundle of `nodes` nodes in one file `bench.yaml`, in the same
    /// shape (multi-line say, quoted ask, set maps, choices with flow sequences of match
    /// phrases, comments). Node i's first choice goes on to node i+1, so every node is
    /// reachable; the last goes to `done` (`end: true`). `phrases[i][c]` are choice c's
    /// match phrases, for a scripted walk.
    struct Bundle {
        var bytes: [UInt8]
        var phrases: [[[String]]]
        var nodes: Int
    }

    /// With `intents` > 0, that many topic intents of `examples` example questions each
    /// (random words of the same vocabulary as the choices, so every line shares words
    /// with many of them: the ranking's worst case), each answering at a random node.
    static func bundle(nodes n: Int, seed: UInt64 = 7, intents: Int = 0, examples: Int = 20) -> Bundle {
        var rng = SeededRNG(seed: seed)
        var out = "# Synthetic training bundle (intake-bench, \(n) nodes, seed \(seed))\n"
        out += "dialog: bench-\(n)\ntitle: \"Synthetic bundle of \(n) nodes\"\nkind: training\n"
        out += "description: Generated by intake-bench.\nstart: \(nodeID(0))\n\n"
        if intents > 0 {
            out += "intents:\n"
            for k in 0..<intents {
                out += "  topic_\(k):\n    label: \"Topic \(k)\"\n    examples:\n"
                for _ in 0..<examples {
                    out += "      - \"\(sentence(&rng, 3, 10).dropLast().lowercased())\"\n"
                }
                out += "    goto: \(nodeID(rng.int(0, n - 1)))\n    return: true\n"
            }
            out += "\n"
        }
        out += "nodes:\n"
        out.reserveCapacity(n * 560)
        var phrases: [[[String]]] = []
        phrases.reserveCapacity(n)
        for i in 0..<n {
            if rng.chance(0.25) { out += "  # \(rng.pick(topics)): \(sentence(&rng, 3, 7))\n" }
            out += "  \(nodeID(i)):\n    say: |\n"
            for _ in 0..<rng.int(2, 3) { out += "      \(sentence(&rng))\n" }
            out += "    ask: \"\(sentence(&rng, 5, 10).dropLast())?\"\n"
            if i == 0 {
                out += "    set: {step: 0, score: 0, urgent: false}\n"
            } else if rng.chance(0.5) {
                out += "    set:\n      step: \(rng.int(1, 20))\n"
                if rng.chance(0.3) { out += "      urgent: \(rng.pick(["true", "false"]))\n" }
            }
            out += "    choices:\n"
            let count = rng.int(3, 4)
            // Distinct words across the node's choices, so a phrase picks one choice.
            let pool = rng.sample(words.filter { !$0.contains("-") }, count * 3)
            var mine: [[String]] = []
            for c in 0..<count {
                let ws = Array(pool[(c * 3)..<(c * 3 + rng.int(2, 3))])
                mine.append(ws)
                let label = ws.joined(separator: " ")
                let target = c == 0 ? (i + 1 < n ? nodeID(i + 1) : "done") : nodeID(rng.int(0, n - 1))
                out += "      - label: \"\(label.prefix(1).uppercased() + label.dropFirst()) \(c + 1)\"\n"
                // Random targets may repeat: an id of its own keeps each choice's id unique.
                out += "        id: c\(c + 1)\n"
                out += "        match: [\(ws.joined(separator: ", "))]\n"
                out += "        goto: \(target)\n"
                if rng.chance(0.2) { out += "        set: {score: \(rng.int(0, 9))}\n" }
                if c == 0 && rng.chance(0.1) { out += "        # default branch\n" }
            }
            phrases.append(mine)
        }
        out += "  done:\n    say: \"The end of the synthetic walk.\"\n    end: true\n"
        return Bundle(bytes: Array(out.utf8), phrases: phrases, nodes: n + 1)
    }

    /// A scripted test file for a bundle: `tests` tests of `steps` steps each, taking the
    /// first choice by number and checking the node reached.
    static func testFile(tests: Int, steps: Int, nodes: Int) -> [UInt8] {
        var out = "# Synthetic scripted tests (intake-bench)\n"
        for t in 0..<tests {
            out += "\ntest: walk \(t)\n"
            for s in 1...steps where s < nodes {
                out += "> 1\n  node: bench.\(nodeID(s))\n"
            }
        }
        return Array(out.utf8)
    }
}
