/// A linear model of which id a set of weighted terms speaks for, learnt from the
/// examples: softmax regression, trained by stochastic gradient descent.
///
/// Ranking a line by its nearest examples reads it by the words one example happens to
/// share with it; a word that many of an id's examples have and other ids' examples lack
/// ("hold", "rehab", "cps") tells more than that. The model learns such a weight for every
/// term and id from all the examples at once, so a line is read by what tells the ids
/// apart, not only by its likeness to one example. ``ExampleIndex`` blends its
/// probabilities into the score of the ids that an example reads.
///
/// Deterministic: the examples are visited in an order drawn from a fixed seed, and the
/// sums run in a fixed order, so a score is the same in every run.
package struct TermClassifier: Sendable {
    /// How many ids there are.
    package let classes: Int
    /// The weight of each term for each id, term by term (`term * classes + id`).
    private var weights: [Double]
    private var bias: [Double]

    /// One example: its terms with their weights (a unit vector), and its id's place.
    package typealias Example = (terms: [(term: Int, value: Double)], label: Int)

    /// Passes over the examples; the rate falls with each (`rate / (1 + pass / 4)`).
    static var passes: Int { 16 }
    static var rate: Double { 1 }
    /// How much a weight shrinks towards zero at each step that uses it: without it, a
    /// term said by one example only would be trusted as much as one said by fifty.
    static var shrinking: Double { 0.0001 }

    package init(_ examples: [Example], terms: Int, classes: Int) {
        self.classes = classes
        weights = [Double](repeating: 0, count: terms * classes)
        bias = [Double](repeating: 0, count: classes)
        guard classes > 1, !examples.isEmpty else { return }
        var order = Array(examples.indices)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var probabilities = [Double](repeating: 0, count: classes)
        for pass in 0..<Self.passes {
            // A Fisher–Yates shuffle from a fixed linear congruential sequence.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(i, Int((seed >> 33) % UInt64(i + 1)))
            }
            let rate = Self.rate / (1 + Double(pass) / 4)
            let keep = 1 - rate * Self.shrinking
            for index in order {
                let example = examples[index]
                fill(&probabilities, example.terms)
                probabilities[example.label] -= 1
                // The gradient of the cross-entropy: (p − y) for each id, times each value.
                for (term, value) in example.terms {
                    let row = term * classes
                    for k in 0..<classes { weights[row + k] = weights[row + k] * keep - rate * probabilities[k] * value }
                }
                for k in 0..<classes { bias[k] -= rate * probabilities[k] }
            }
        }
    }

    /// The probability of each id for terms with their weights (a unit vector).
    package func probabilities(_ terms: [(term: Int, value: Double)]) -> [Double] {
        var result = [Double](repeating: 0, count: classes)
        fill(&result, terms)
        return result
    }

    /// Writes the softmax of the id's scores for `terms` into `result`.
    private func fill(_ result: inout [Double], _ terms: [(term: Int, value: Double)]) {
        for k in 0..<classes { result[k] = bias[k] }
        for (term, value) in terms {
            let row = term * classes
            for k in 0..<classes { result[k] += weights[row + k] * value }
        }
        let top = result.max() ?? 0
        var sum = 0.0
        for k in 0..<classes {
            result[k] = Self.exponential(result[k] - top)
            sum += result[k]
        }
        for k in 0..<classes { result[k] /= sum }
    }

    /// e^x for x ≤ 0, by halving into the range of a short series and squaring back:
    /// Foundation stays out of the module.
    package static func exponential(_ x: Double) -> Double {
        guard x > -700 else { return 0 }
        var y = x, halvings = 0
        while y < -0.5 {
            y /= 2
            halvings += 1
        }
        var term = 1.0, sum = 1.0
        for k in 1...14 {
            term *= y / Double(k)
            sum += term
        }
        for _ in 0..<halvings { sum *= sum }
        return sum
    }
}
