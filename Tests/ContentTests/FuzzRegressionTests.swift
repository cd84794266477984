import DialogEngine
import TestSupport
import Testing

/// Lines that the session fuzzer (Tests/Fuzz/, README "Reliability") found to crash a
/// session of the shipped dialogs, replayed as found; the engine's own regression tests
/// (DialogEngineTests) hold each minimised line on a bundle of their own.
struct FuzzRegressionTests {
    /// A whole number too large for an Int, typed at a scale item of the shipped dialogs
    /// after `agitat`, `1`, `2`, `1`: the item is asked again.
    @Test func theFuzzersLinesOnTheShippedDialogs() throws {
        var s = try Session(try #require(shippedCompiled))
        _ = s.open()
        for line in ["agitat", "1", "2", "1"] { _ = s.respond(to: line) }
        #expect(s.respond(to: "99999991999999999991").has(.reask))
    }
}
