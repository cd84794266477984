import DialogMatching
import Testing

/// `TermClassifier`: what a line's terms tell of each id, learnt from the examples.
@Suite struct TermClassifierTests {
    /// Unit vectors of equal weights over the terms given.
    static func unit(_ terms: [Int]) -> [(term: Int, value: Double)] {
        terms.map { ($0, 1 / Double(terms.count).squareRoot()) }
    }

    /// Terms 0 and 1 are said by the examples of both ids; term 2 only by id 0's, term 3
    /// only by id 1's.
    static let model = TermClassifier(
        [
            (unit([0, 2]), 0), (unit([1, 2]), 0), (unit([0, 1, 2]), 0),
            (unit([0, 3]), 1), (unit([1, 3]), 1), (unit([0, 1, 3]), 1),
        ], terms: 4, classes: 2)

    @Test func aTermSaidByOneIdsExamplesAloneTellsThatId() {
        #expect(Self.model.probabilities(Self.unit([2]))[0] > 0.8)
        #expect(Self.model.probabilities(Self.unit([3]))[1] > 0.8)
        // With the shared words around it, the telling word still decides.
        #expect(Self.model.probabilities(Self.unit([0, 1, 3]))[1] > 0.8)
        // The shared words alone tell neither.
        let shared = Self.model.probabilities(Self.unit([0, 1]))
        #expect(abs(shared[0] - shared[1]) < 0.2)
    }

    @Test func probabilitiesAreADistribution() {
        for terms in [[0], [2, 3], [0, 1, 2, 3], []] {
            let p = Self.model.probabilities(Self.unit(terms))
            #expect(p.count == 2 && p.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        }
    }

    @Test func theSameExamplesLearnTheSameModel() {
        let examples: [TermClassifier.Example] = (0..<40).map { i in (Self.unit([i % 7, 7 + i % 5, 12 + i % 3]), i % 4) }
        let line = Self.unit([1, 8, 13])
        let first = TermClassifier(examples, terms: 15, classes: 4).probabilities(line)
        for _ in 0..<5 { #expect(TermClassifier(examples, terms: 15, classes: 4).probabilities(line) == first) }
    }

    @Test func aSingleIdOrNoExamplesTellNothingAmiss() {
        #expect(TermClassifier([], terms: 3, classes: 2).probabilities(Self.unit([1])) == [0.5, 0.5])
        #expect(TermClassifier([(Self.unit([0]), 0)], terms: 1, classes: 1).probabilities(Self.unit([0])) == [1])
    }

    @Test(arguments: [0.0, -0.25, -1, -2.5, -10, -50, -300])
    func exponentialIsExactToTwelvePlaces(_ x: Double) {
        // e^x, from the known value of e by repeated multiplication for whole numbers.
        let e = 2.718281828459045
        let expected: Double =
            switch x {
            case 0: 1
            case -0.25: 0.7788007830714049
            case -1: 1 / e
            case -2.5: 0.0820849986238988
            default: (0..<Int(-x)).reduce(1.0) { value, _ in value / e }
            }
        #expect(abs(TermClassifier.exponential(x) - expected) <= 1e-12 * expected)
    }

    @Test func exponentialOfAVeryNegativeNumberIsZero() {
        #expect(TermClassifier.exponential(-800) == 0)
        #expect(TermClassifier.exponential(-699) > 0)
    }
}
