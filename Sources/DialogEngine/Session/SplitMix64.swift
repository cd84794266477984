/// A small, seedable random number generator (SplitMix64): the same seed gives the same
/// numbers on every machine. The engine's `one-of` picks, the mutants of
/// `intake test --mutate`, the benchmark's corpus and the property tests' inputs all come
/// from it, so each reproduces from its seed.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`; never for `p <= 0`, which draws no number.
    package mutating func chance(_ p: Double) -> Bool { p > 0 && Double.random(in: 0..<1, using: &self) < p }

    /// A whole number in `range`.
    package mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// One of `items`, which must not be empty.
    package mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// `count` of `items` in a random order, or all of them when there are fewer.
    package mutating func sample<T>(_ items: [T], _ count: Int) -> [T] { Array(items.shuffled(using: &self).prefix(count)) }
}
