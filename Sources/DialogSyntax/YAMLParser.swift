/// What reading a stream produced: its documents, or the problems that stopped it.
public struct ParseResult: Sendable {
    /// One node per document. Empty when there were errors: a file is read whole or not
    /// at all.
    public var documents: [Node]
    /// Every problem found, sorted by position.
    public var diagnostics: [Diagnostic]
    /// With errors: the documents as far as the parser could rebuild them. Everything
    /// before the first error is as written; past it, parts may be missing. For reporting
    /// more problems at once, never for running.
    public var recovered: [Node] = []

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}

/// The parser for the YAML-like dialog language.
///
/// It reads exactly the subset the dialogs need — block and flow collections, plain,
/// quoted and block scalars, comments, multi-document streams — over UTF-8 bytes, in a
/// single pass. Anchors, aliases, tags, directives, explicit and complex keys and merge
/// keys are rejected with an error that names them. It never throws or traps: every
/// problem becomes a ``Diagnostic``, and nesting deeper than `maxDepth` is an error, not
/// a stack overflow.
public enum YAMLParser {
    /// The default limit on nesting; dialogs need fewer than ten levels.
    public static let defaultMaxDepth = 100

    /// Parses a stream of bytes.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) -> ParseResult {
        bytes.withUnsafeBufferPointer { parse($0, maxDepth: maxDepth) }
    }

    /// Parses a string (its UTF-8 bytes).
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) -> ParseResult {
        parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses bytes in place.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth) -> ParseResult {
        let scanner = Scanner(bytes: bytes, maxDepth: max(1, maxDepth))
        var parser = Parser(scanner: scanner)
        let (documents, diagnostics) = parser.parseStream()
        let failed = diagnostics.contains(where: \.isError)
        var result = ParseResult(documents: failed ? [] : documents, diagnostics: diagnostics)
        if failed { result.recovered = documents }
        return result
    }
}
