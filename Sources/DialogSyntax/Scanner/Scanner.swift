/// Turns the bytes of a YAML-like stream into tokens, in one pass.
///
/// The design follows the classic YAML scanners (libyaml, PyYAML): an indentation stack
/// that emits block starts and ends, and "possible simple keys" that turn a scalar into
/// a mapping key once a `:` follows it on the same line. The rules are YAML 1.2's where
/// they differ from 1.1: tabs may separate after the indentation, `:` may start a plain
/// scalar in flow context, and line breaks are only CR and LF.
///
/// The scanner never throws. Problems become diagnostics; the scanner recovers where it
/// can and otherwise ends the stream early, so that the parser sees a well-formed token
/// sequence either way.
///
/// This file holds the scanner's state, the parser's interface and the diagnostics; each
/// other job is an extension in a file of its own beside it: the encoding pass
/// (`Scanner+Encoding`), the token queue (`Scanner+Fetching`), indentation and simple
/// keys (`Scanner+Indentation`), indicator tokens (`Scanner+Indicators`), features outside
/// the subset (`Scanner+Unsupported`), and plain, quoted and block scalars.
///
/// Every stored property is `@exclusivity(unchecked)`: one parse uses a scanner, on one
/// thread, and run-time exclusivity checks on a class's fields would cost about 70% more
/// parse time (by callgrind on gen_corpus.py's 1 MB corpus, 153 M instructions with the
/// attribute, 260 M without).
final class Scanner {
    /// The input: the caller's bytes, or `ownedCopy` once `sanitize` has had to replace
    /// some. Reads past the end go through `byte(_:)`, which returns 0 there.
    @exclusivity(unchecked) var buffer: UnsafePointer<UInt8>
    let count: Int
    /// A copy of the input, made only when it has bytes to replace: most inputs have none,
    /// and a copy would add the input's size to the peak memory of a parse.
    @exclusivity(unchecked) var ownedCopy: UnsafeMutablePointer<UInt8>?

    /// The problems found: encoding problems up to `DiagnosticLimits.encodingProblems`,
    /// all of them up to `DiagnosticLimits.problems`.
    @exclusivity(unchecked) var problems = DiagnosticSink()
    /// The lines of `report`ed problems. Encoding problems are not among them: the bytes
    /// are replaced and the structure around them still reads.
    @exclusivity(unchecked) var errorLines: Set<Int> = []
    /// What the problems met so far change in how the rest is read and reported.
    @exclusivity(unchecked) var recovery = Recovery()
    let maxDepth: Int

    // Reader state.
    @exclusivity(unchecked) var pos = 0
    @exclusivity(unchecked) var line = 0
    @exclusivity(unchecked) var column = 0

    // Token queue: `tokens[head...]` are waiting for the parser.
    @exclusivity(unchecked) var tokens: [Token] = []
    @exclusivity(unchecked) var head = 0
    /// `head` when the queue was last found to hold the next token for good, with no
    /// key still to be inserted before it; -1 after it is taken. The parser peeks at
    /// most tokens more than once before taking them, and only taking one can unsettle it.
    @exclusivity(unchecked) var settledHead = -1
    @exclusivity(unchecked) var tokensTaken = 0
    @exclusivity(unchecked) var done = false
    @exclusivity(unchecked) var streamStarted = false

    // Structure.
    @exclusivity(unchecked) var flowLevel = 0
    /// The open flow collections: the closer each expects and where it opened.
    @exclusivity(unchecked) var flowStack: [(closer: Token.Kind, mark: Mark)] = []
    /// Where the open flow collections were last found to close (see `flowClosesLater`).
    @exclusivity(unchecked) var flowClosesAt = -1
    /// What is left of the bytes that `flowClosesLater` may read, over the whole input.
    lazy var lookAheadBudget = 2 * count + 65_536
    @exclusivity(unchecked) var indent = -1
    @exclusivity(unchecked) var indents: [Int] = []
    @exclusivity(unchecked) var allowSimpleKey = true
    @exclusivity(unchecked) var possibleSimpleKeys: [SimpleKey?] = [nil]
    /// The line on which `staleSimpleKeys` last looked at the keys.
    @exclusivity(unchecked) var keysCheckedOnLine = -1
    /// Whether the last token was a quoted scalar or a flow collection's end: after one of
    /// these, `:` is a value indicator in flow context even without a space after it.
    @exclusivity(unchecked) var lastTokenWasJSONLike = false

    // The line that holds the next token.
    @exclusivity(unchecked) var lineIndent = 0
    /// The first tab in the line's leading whitespace, if there is one.
    @exclusivity(unchecked) var leadingTab: Mark?
    @exclusivity(unchecked) var tokenIsFirstOnLine = true
    /// The first tab between the next token and the one before it, if there is one.
    @exclusivity(unchecked) var tabBeforeToken: Mark?
    /// The offset of the quoted scalar being scanned, if one is.
    @exclusivity(unchecked) var quoteStart: Int?
    /// The column of the last explicit key (`? `), whose value may follow on a line of
    /// its own that starts with `:`.
    @exclusivity(unchecked) var explicitKeyColumn: Int?

    /// The scanner's memory of the problems it has met: where it ended the stream, read a
    /// line or a quote otherwise than written, or has already reported a problem that
    /// would otherwise be reported again on every line it spoils.
    struct Recovery {
        /// Set when an error ended the token stream early.
        var aborted = false
        /// The last line whose tab indentation was reported: one report per line is enough.
        var tabReportedLine = -1
        /// The last line whose tab indentation stood in for a nested block's: it is read as
        /// part of that block, so its other tokens do not close it.
        var joinedLine = -1
        /// Set when a quoted scalar ends early, before a line that shows it was never closed.
        var quoteCutShort = false
        /// Set when that happened inside a flow collection: the collection's closer may be
        /// in what the quote swallowed, so its being unclosed is no separate problem.
        var quoteCutShortInFlow = false
        /// The quoted scalar or outermost flow collection whose under-indented continuation
        /// was last reported (its offset).
        var underIndentReportedFor = -1
    }

    struct SimpleKey {
        var tokenNumber: Int
        var required: Bool
        var mark: Mark
        /// A tab in the indentation of the key's line.
        var tabBefore: Mark?
    }

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        count = bytes.count
        if let base = bytes.baseAddress, count > 0 {
            buffer = base
        } else {
            let empty = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            empty.initialize(to: 0)
            ownedCopy = empty
            buffer = UnsafePointer(empty)
        }
        self.maxDepth = maxDepth
        sanitize()
    }

    deinit { ownedCopy?.deallocate() }

    /// The input, writable: copied on the first call.
    func writableBuffer() -> UnsafeMutablePointer<UInt8> {
        if let ownedCopy { return ownedCopy }
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        copy.initialize(from: buffer, count: count)
        ownedCopy = copy
        buffer = UnsafePointer(copy)
        return copy
    }

    // MARK: - Parser interface

    /// The next token, without consuming it.
    func peek() -> Token {
        settle()
        return tokens[head]
    }

    /// The kind of the next token, without consuming it or copying its text.
    func peekKind() -> Token.Kind {
        settle()
        return tokens[head].kind
    }

    @inline(__always) func settle() {
        if head != settledHead {
            while needMoreTokens() { fetchMoreTokens() }
            settledHead = head
        }
    }

    /// Consumes and returns the next token.
    @discardableResult
    func next() -> Token {
        let token = peek()
        advance()
        return token
    }

    /// Consumes the next token without copying it: most tokens the parser takes, it
    /// needs nothing of, and a copy costs a retain and release of its text.
    func skip() {
        settle()
        advance()
    }

    /// Consumes the next token and returns only where it starts, without copying it.
    func nextStart() -> Mark {
        settle()
        let start = tokens[head].start
        advance()
        return start
    }

    /// Consumes the next token and returns only where it ends, without copying it.
    func nextEnd() -> Mark {
        settle()
        let end = tokens[head].end
        advance()
        return end
    }

    /// Where the next token starts, without consuming or copying it.
    func peekStart() -> Mark {
        settle()
        return tokens[head].start
    }

    /// Consumes the next token, which must be a scalar, as a node. Its text moves out of
    /// the queue, which never reads a taken token again, instead of being copied with the
    /// whole token, retained, and released when the queue drops it.
    func nextScalar() -> ScalarNode {
        settle()
        var text = ""
        swap(&text, &tokens[head].text)
        let node = ScalarNode(text: text, style: tokens[head].style, range: tokens[head].range)
        advance()
        return node
    }

    func advance() {
        head += 1
        tokensTaken += 1
        settledHead = -1
        if head > 64 && head * 2 > tokens.count {
            tokens.removeFirst(head)
            head = 0
        }
    }

    func report(_ diagnostic: Diagnostic) {
        // The line still counts as having an error, so that the parser's knock-on
        // complaints about it stay unreported however many problems are kept.
        errorLines.insert(diagnostic.range.start.line)
        problems.keep(diagnostic)
    }

    /// Whether the scanner reported a problem with the structure of a line (1-based): the
    /// parser's own complaints about that line would only be knock-on effects.
    func hasError(onLine line: Int) -> Bool { errorLines.contains(line) }

    /// Reports a tab in the indentation, once per line.
    func reportTab(_ tab: Mark) {
        guard tab.line != recovery.tabReportedLine else { return }
        recovery.tabReportedLine = tab.line
        report(SyntaxMessage.tabIndentation(SourceRange(start: tab.position, end: Mark(offset: tab.offset + 1, line: tab.line, column: tab.column + 1).position)))
    }

    /// Ends the token stream early, after an error the scanner cannot recover from.
    func abort() {
        if done { return }
        recovery.aborted = true
        tokens.removeSubrange(head...)
        let mark = self.mark
        indents.removeAll()
        indent = -1
        tokens.append(Token(kind: .streamEnd, start: mark, end: mark))
        done = true
    }

    // MARK: - Reading bytes

    @inline(__always) func byte(_ k: Int = 0) -> UInt8 {
        pos + k < count ? buffer[pos + k] : 0
    }

    var atEnd: Bool { pos >= count }

    var mark: Mark { Mark(offset: pos, line: line, column: column) }

    /// Moves forward over `n` bytes that are not line breaks.
    @inline(__always) func forward(_ n: Int = 1) {
        for _ in 0..<n {
            if byte() & 0xC0 != 0x80 { column += 1 }
            pos += 1
        }
    }

    /// Moves forward to `end` (at most `count`) over bytes that are not line breaks,
    /// counting the columns of the whole run in one loop.
    @inline(__always) func forwardRun(to end: Int) {
        var columns = 0
        for i in pos..<end where buffer[i] & 0xC0 != 0x80 { columns += 1 }
        column += columns
        pos = end
    }

    /// Consumes a line break (LF, CR LF or CR) if there is one.
    @discardableResult
    func skipLineBreak() -> Bool {
        let b = byte()
        if b == .lf || b == .cr {
            pos += (b == .cr && byte(1) == .lf) ? 2 : 1
            line += 1
            column = 0
            return true
        }
        return false
    }

    func range(from start: Mark) -> SourceRange {
        SourceRange(start: start.position, end: mark.position)
    }

    func range(_ start: Mark, _ end: Mark) -> SourceRange {
        SourceRange(start: start.position, end: end.position)
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: buffer + from, count: to - from), as: UTF8.self)
    }
}
