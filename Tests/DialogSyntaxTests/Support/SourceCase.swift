import Testing

/// One case of a parameterised parser test: a named source and what it must read as.
///
/// The name is what the test report shows for the case, and a failure points at the line
/// the case (or the table of cases) is written on, not at the shared test function.
struct SourceCase<Expected: Sendable>: CustomTestStringConvertible, Sendable {
    let name: String
    let source: String
    let expected: Expected
    let sourceLocation: SourceLocation

    init(_ name: String, _ source: String, _ expected: Expected, sourceLocation: SourceLocation = #_sourceLocation) {
        self.name = name
        self.source = source
        self.expected = expected
        self.sourceLocation = sourceLocation
    }

    var testDescription: String { name }
}

extension SourceCase {
    /// A table of cases written as rows of name, source and expectation, all pointing at
    /// the table when they fail.
    static func table(_ rows: [(String, String, Expected)], sourceLocation: SourceLocation = #_sourceLocation) -> [SourceCase] {
        rows.map { SourceCase($0.0, $0.1, $0.2, sourceLocation: sourceLocation) }
    }
}
