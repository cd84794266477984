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
/// Every stored property is `@exclusivity(unchecked)`: one parse uses a scanner, on one
/// thread, and run-time exclusivity checks on a class's fields would cost about 70% more
/// parse time (by callgrind on gen_corpus.py's 1 MB corpus, 153 M instructions with the
/// attribute, 260 M without).
final class Scanner {
    /// The input: the caller's bytes, or `ownedCopy` once `sanitize` has had to replace
    /// some. Reads past the end go through `byte(_:)`, which returns 0 there.
    @exclusivity(unchecked) private var buffer: UnsafePointer<UInt8>
    private let count: Int
    /// A copy of the input, made only when it has bytes to replace: most inputs have none,
    /// and a copy would add the input's size to the peak memory of a parse.
    @exclusivity(unchecked) private var ownedCopy: UnsafeMutablePointer<UInt8>?

    @exclusivity(unchecked) private(set) var diagnostics: [Diagnostic] = []
    /// Problems found but not kept, beyond `Limits.encodingProblems` or
    /// `Limits.problems`, and where the first of them is.
    @exclusivity(unchecked) private(set) var unshown = 0
    @exclusivity(unchecked) private(set) var firstUnshown: SourcePosition?
    /// The lines of `report`ed problems. Encoding problems are not among them: the bytes
    /// are replaced and the structure around them still reads.
    @exclusivity(unchecked) private var errorLines: Set<Int> = []
    /// Set when an error ended the token stream early.
    @exclusivity(unchecked) private(set) var aborted = false
    let maxDepth: Int

    // Reader state.
    @exclusivity(unchecked) private var pos = 0
    @exclusivity(unchecked) private var line = 0
    @exclusivity(unchecked) private var column = 0

    // Token queue: `tokens[head...]` are waiting for the parser.
    @exclusivity(unchecked) private var tokens: [Token] = []
    @exclusivity(unchecked) private var head = 0
    /// `head` when the queue was last found to hold the next token for good, with no
    /// key still to be inserted before it; -1 after it is taken. The parser peeks at
    /// most tokens more than once before taking them, and only taking one can unsettle it.
    @exclusivity(unchecked) private var settledHead = -1
    @exclusivity(unchecked) private var tokensTaken = 0
    @exclusivity(unchecked) private var done = false
    @exclusivity(unchecked) private var streamStarted = false

    // Structure.
    @exclusivity(unchecked) private var flowLevel = 0
    /// The open flow collections: the closer each expects and where it opened.
    @exclusivity(unchecked) private var flowStack: [(closer: Token.Kind, mark: Mark)] = []
    /// Where the open flow collections were last found to close (see `flowClosesLater`).
    @exclusivity(unchecked) private var flowClosesAt = -1
    /// What is left of the bytes that `flowClosesLater` may read, over the whole input.
    private lazy var lookAheadBudget = 2 * count + 65_536
    @exclusivity(unchecked) private var indent = -1
    @exclusivity(unchecked) private var indents: [Int] = []
    @exclusivity(unchecked) private var allowSimpleKey = true
    @exclusivity(unchecked) private var possibleSimpleKeys: [SimpleKey?] = [nil]
    /// The line on which `staleSimpleKeys` last looked at the keys.
    @exclusivity(unchecked) private var keysCheckedOnLine = -1
    /// Whether the last token was a quoted scalar or a flow collection's end: after one of
    /// these, `:` is a value indicator in flow context even without a space after it.
    @exclusivity(unchecked) private var lastTokenWasJSONLike = false

    // The line that holds the next token.
    @exclusivity(unchecked) private var lineIndent = 0
    /// The first tab in the line's leading whitespace, if there is one.
    @exclusivity(unchecked) private var leadingTab: Mark?
    @exclusivity(unchecked) private var tokenIsFirstOnLine = true
    /// The first tab between the next token and the one before it, if there is one.
    @exclusivity(unchecked) private var tabBeforeToken: Mark?
    /// The last line whose tab indentation was reported: one report per line is enough.
    @exclusivity(unchecked) private var tabReportedLine = -1
    /// Set when a quoted scalar ends early, before a line that shows it was never closed.
    @exclusivity(unchecked) private var quoteCutShort = false
    /// Set when that happened inside a flow collection: the collection's closer may be
    /// in what the quote swallowed, so its being unclosed is no separate problem.
    @exclusivity(unchecked) private var quoteCutShortInFlow = false
    /// The offset of the quoted scalar being scanned, if one is.
    @exclusivity(unchecked) private var quoteStart: Int?
    /// The quoted scalar or outermost flow collection whose under-indented continuation
    /// was last reported (its offset).
    @exclusivity(unchecked) private var underIndentReportedFor = -1
    /// The column of the last explicit key (`? `), whose value may follow on a line of
    /// its own that starts with `:`.
    @exclusivity(unchecked) private var explicitKeyColumn: Int?
    /// The last line whose tab indentation stood in for a nested block's: it is read as
    /// part of that block, so its other tokens do not close it.
    @exclusivity(unchecked) private var joinedLine = -1

    private struct SimpleKey {
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
    private func writableBuffer() -> UnsafeMutablePointer<UInt8> {
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

    @inline(__always) private func settle() {
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

    private func advance() {
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
        if diagnostics.count < DiagnosticLimits.problems {
            diagnostics.append(diagnostic)
        } else {
            noteUnshown(at: diagnostic.range.start)
        }
    }

    private func noteUnshown(at position: SourcePosition) {
        unshown += 1
        if firstUnshown == nil { firstUnshown = position }
    }

    /// Whether the scanner reported a problem with the structure of a line (1-based): the
    /// parser's own complaints about that line would only be knock-on effects.
    func hasError(onLine line: Int) -> Bool { errorLines.contains(line) }

    /// Reports a tab in the indentation, once per line.
    private func reportTab(_ tab: Mark) {
        guard tab.line != tabReportedLine else { return }
        tabReportedLine = tab.line
        report(SyntaxMessage.tabIndentation(SourceRange(start: tab.position, end: Mark(offset: tab.offset + 1, line: tab.line, column: tab.column + 1).position)))
    }

    /// Ends the token stream early, after an error the scanner cannot recover from.
    func abort() {
        if done { return }
        aborted = true
        tokens.removeSubrange(head...)
        let mark = self.mark
        indents.removeAll()
        indent = -1
        tokens.append(Token(kind: .streamEnd, start: mark, end: mark))
        done = true
    }

    // MARK: - Reading bytes

    @inline(__always) private func byte(_ k: Int = 0) -> UInt8 {
        pos + k < count ? buffer[pos + k] : 0
    }

    private var atEnd: Bool { pos >= count }

    private var mark: Mark { Mark(offset: pos, line: line, column: column) }

    /// Moves forward over `n` bytes that are not line breaks.
    @inline(__always) private func forward(_ n: Int = 1) {
        for _ in 0..<n {
            if byte() & 0xC0 != 0x80 { column += 1 }
            pos += 1
        }
    }

    /// Moves forward to `end` (at most `count`) over bytes that are not line breaks,
    /// counting the columns of the whole run in one loop.
    @inline(__always) private func forwardRun(to end: Int) {
        var columns = 0
        for i in pos..<end where buffer[i] & 0xC0 != 0x80 { columns += 1 }
        column += columns
        pos = end
    }

    /// Consumes a line break (LF, CR LF or CR) if there is one.
    @discardableResult
    private func skipLineBreak() -> Bool {
        let b = byte()
        if b == .lf || b == .cr {
            pos += (b == .cr && byte(1) == .lf) ? 2 : 1
            line += 1
            column = 0
            return true
        }
        return false
    }

    private func range(from start: Mark) -> SourceRange {
        SourceRange(start: start.position, end: mark.position)
    }

    private func range(_ start: Mark, _ end: Mark) -> SourceRange {
        SourceRange(start: start.position, end: end.position)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: buffer + from, count: to - from), as: UTF8.self)
    }

    // MARK: - Encoding checks

    /// Reports invalid UTF-8, control characters and stray byte-order marks, and replaces
    /// each offending character with `_` so that scanning goes on and finds the other
    /// problems. A run of invalid bytes is one problem.
    ///
    /// Replacements keep the columns that a reader sees and leave valid UTF-8: a stray
    /// character, and each maximal part of an invalid sequence (shown as one U+FFFD),
    /// becomes one character of the same length in bytes (`_`, `¤` or U+FFFD).
    private func sanitize() {
        var i = 0
        var line = 0
        // Columns are counted forward from the last position computed on the line, so the
        // pass stays linear however many problems a line has. A byte-order mark that
        // opens the file takes no column.
        let bom = count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        var countedTo = bom ? 3 : 0
        var column = 0
        func position(_ offset: Int) -> SourcePosition {
            while countedTo < offset {
                if buffer[countedTo] & 0xC0 != 0x80 { column += 1 }
                countedTo += 1
            }
            return SourcePosition(offset: offset, line: line + 1, column: column + 1)
        }
        /// Replaces `length` bytes (1 to 3) at `at` by one placeholder character.
        func replace(_ at: Int, _ length: Int) {
            let placeholder: [UInt8] = switch length {
            case 2: [0xC2, 0xA4]  // ¤
            case 3: [0xEF, 0xBF, 0xBD]  // U+FFFD
            default: Array(repeating: UInt8(ascii: "_"), count: length)
            }
            let writable = writableBuffer()
            for k in 0..<length { writable[at + k] = placeholder[k] }
        }
        func problem(_ at: Int, _ length: Int, columns: Int = 1, _ make: (SourceRange) -> Diagnostic) {
            let start = position(at)
            // A binary file has a problem every few bytes: past the limit they are only
            // counted, so that memory and time stay in proportion to what is shown.
            guard diagnostics.count < DiagnosticLimits.encodingProblems else {
                noteUnshown(at: start)
                return
            }
            let end = SourcePosition(offset: at + length, line: start.line, column: start.column + columns)
            diagnostics.append(make(SourceRange(start: start, end: end)))
        }
        if bom { i = 3 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        while i < count {
            // Most of a file is printable ASCII: eight bytes at a time, up to the first
            // word with a byte of 0x80 or more, below 0x20 (tabs and line breaks too), or
            // DEL, which the byte-wise code below handles. Both tests are exact for bytes
            // below 0x80: a borrow starts only at a byte below the value subtracted.
            while i + 8 <= count {
                let w = UnsafeRawPointer(buffer + i).loadUnaligned(as: UInt64.self)
                let below = (w &- ones &* 0x20) & ~w & high
                let del = w ^ (ones &* 0x7F)
                if (w & high) | below | ((del &- ones) & ~del & high) != 0 { break }
                i += 8
            }
            if i >= count { break }
            let b = buffer[i]
            if b >= 0x20 && b < 0x7F { i += 1; continue }
            if b == .lf || b == .cr {
                if b == .cr && i + 1 < count && buffer[i + 1] == .lf { i += 1 }
                i += 1
                line += 1
                countedTo = i
                column = 0
                continue
            }
            if b == .tab { i += 1; continue }
            if b < 0x80 {
                problem(i, 1) { SyntaxMessage.controlCharacter(b, $0) }
                replace(i, 1)
                i += 1
                continue
            }
            let length = utf8SequenceLength(at: i)
            if length == 0 {
                // The run of invalid bytes, each maximal part replaced on its own.
                var end = i
                var parts = 0
                repeat {
                    let n = maximalSubpartLength(at: end)
                    replace(end, n)
                    end += n
                    parts += 1
                } while end < count && buffer[end] >= 0x80 && utf8SequenceLength(at: end) == 0
                problem(i, end - i, columns: parts, SyntaxMessage.invalidUTF8)
                i = end
                continue
            }
            // U+FEFF is EF BB BF: allowed only as the very first character.
            if length == 3 && b == 0xEF && buffer[i + 1] == 0xBB && buffer[i + 2] == 0xBF {
                problem(i, 3, SyntaxMessage.misplacedByteOrderMark)
                replace(i, 3)
            } else if length == 2 && b == 0xC2 && buffer[i + 1] < 0xA0 && buffer[i + 1] != 0x85 {
                // C1 control characters (U+0080...U+009F), except NEL, are not printable.
                let c1 = buffer[i + 1]
                problem(i, 2) { SyntaxMessage.controlCharacter(c1, $0) }
                replace(i, 2)
            }
            i += length
        }
    }

    /// The length of the longest start of a well-formed sequence at `i` (at least 1): the
    /// part that a decoder replaces with one U+FFFD.
    private func maximalSubpartLength(at i: Int) -> Int {
        guard let (needed, second) = utf8Lead(buffer[i]), i + 1 < count, second.contains(buffer[i + 1]) else { return 1 }
        var n = 2
        while n <= needed && i + n < count && buffer[i + n] & 0xC0 == 0x80 { n += 1 }
        return n
    }

    /// The length of the well-formed UTF-8 sequence starting at `i`, or 0.
    private func utf8SequenceLength(at i: Int) -> Int {
        let b0 = buffer[i]
        func cont(_ k: Int) -> UInt8? {
            guard i + k < count else { return nil }
            let b = buffer[i + k]
            return b & 0xC0 == 0x80 ? b : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) != nil ? 2 : 0
        case 0xE0...0xEF:
            guard let b1 = cont(1), cont(2) != nil else { return 0 }
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }  // overlong
            if b0 == 0xED && b1 >= 0xA0 { return 0 }  // surrogates
            return 3
        case 0xF0...0xF4:
            guard let b1 = cont(1), cont(2) != nil, cont(3) != nil else { return 0 }
            if b0 == 0xF0 && b1 < 0x90 { return 0 }
            if b0 == 0xF4 && b1 >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }

    // MARK: - Fetching tokens

    private func needMoreTokens() -> Bool {
        if done { return false }
        if head == tokens.count { return true }
        staleSimpleKeys()
        return nextPossibleSimpleKey() == tokensTaken
    }

    private func nextPossibleSimpleKey() -> Int? {
        var least: Int?
        for case let key? in possibleSimpleKeys where least.map({ key.tokenNumber < $0 }) ?? true {
            least = key.tokenNumber
        }
        return least
    }

    private func append(_ kind: Token.Kind, _ start: Mark, _ end: Mark) {
        tokens.append(Token(kind: kind, start: start, end: end))
    }

    /// Inserts a token the queue is waiting for (a key, or a block mapping's start).
    /// `Array.insert` goes through the generic `replaceSubrange`, whose unspecialized
    /// value witnesses cost a few hundred instructions per token, and swapping would copy
    /// (retain and release) each token it passes. Instead the token is appended and the
    /// tokens after `index` (those of the key's line, usually one) are moved up bitwise.
    private func insertToken(_ kind: Token.Kind, _ mark: Mark, at index: Int) {
        tokens.append(Token(kind: kind, start: mark, end: mark))
        tokens.withUnsafeMutableBufferPointer { queue in
            let last = queue.count - 1
            guard let base = queue.baseAddress, index >= 0, index < last else { return }
            let inserted = (base + last).move()
            (base + index + 1).moveInitialize(from: base + index, count: last - index)
            (base + index).initialize(to: inserted)
        }
    }

    private func fetchMoreTokens() {
        if !streamStarted {
            streamStarted = true
            let m = mark
            append(.streamStart, m, m)
            if byte() == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF {
                pos = 3  // The byte-order mark takes no column.
            }
            return
        }
        scanToNextToken()
        staleSimpleKeys()
        if flowLevel == 0 && line != joinedLine {
            if tokenIsFirstOnLine, let tab = leadingTab, lineIndent < indent {
                // A tab that stands in for the indentation of a line in a nested block:
                // reported, and the line is read as part of that block, so that the lines
                // after it keep their place.
                reportTab(tab)
                joinedLine = line
            } else {
                // In block context the indentation is the spaces before the first token of
                // a line; a tab after them separates but does not indent.
                let column = tokenIsFirstOnLine ? lineIndent : self.column
                // A document marker closes every block, whatever their indentation.
                let marker = isDocumentMarker(.dash) || isDocumentMarker(.dot)
                unwindIndent(column, checkConsistency: tokenIsFirstOnLine && !marker)
            }
        }
        let jsonLike = lastTokenWasJSONLike
        lastTokenWasJSONLike = false
        let c = byte()
        if atEnd { return fetchStreamEnd() }
        if column == 0 {
            if c == .percent { return skipDirective() }
            if c == .dash && isDocumentMarker(.dash) { return fetchDocumentIndicator(.documentStart) }
            if c == .dot && isDocumentMarker(.dot) { return fetchDocumentIndicator(.documentEnd) }
        }
        switch c {
        case .lbracket: return fetchFlowCollectionStart(.flowSequenceStart)
        case .lbrace: return fetchFlowCollectionStart(.flowMappingStart)
        case .rbracket: return fetchFlowCollectionEnd(.flowSequenceEnd)
        case .rbrace: return fetchFlowCollectionEnd(.flowMappingEnd)
        case .comma: return fetchFlowEntry()
        default: break
        }
        if c == .dash && isBlankOrEnd(byte(1)) { return fetchBlockEntry() }
        if c == .question && isBlankOrEnd(byte(1)) { return skipExplicitKey() }
        if c == .colon && (isBlankOrEnd(byte(1)) || (flowLevel > 0 && (isFlowIndicator(byte(1)) || jsonLike))) {
            return fetchValue()
        }
        switch c {
        case .star: return fetchAlias()
        case .ampersand: return skipProperty(anchor: true)
        case .exclamation: return skipProperty(anchor: false)
        case .pipe, .greater:
            if flowLevel == 0 { return fetchBlockScalar(folded: c == .greater) }
        case .singleQuote: return fetchFlowScalar(double: false)
        case .doubleQuote: return fetchFlowScalar(double: true)
        default: break
        }
        if canStartPlain() { return fetchPlain() }
        // Anything else cannot start a token: report it and skip the character.
        let start = mark
        let what: String = switch c {
        case .at: "`@` is reserved and"
        case .backtick: "a backtick is reserved and"
        case .pipe, .greater: "a block scalar indicator inside a flow collection"
        case .tab: "a tab"
        default: "`\(Character(Unicode.Scalar(c)))`"
        }
        forward()
        report(SyntaxMessage.cannotStartToken(what, range(from: start)))
        if c == .tab { return }
        abort()
    }

    /// Skips spaces, tabs, comments and line breaks up to the next token, and records the
    /// indentation of the line it lands on.
    private func scanToNextToken() {
        tabBeforeToken = nil
        while true {
            let skipStart = pos
            var tab: Mark?
            while byte() == .space || byte() == .tab {
                if byte() == .tab {
                    // In block context a tab at the start of a line is only separation
                    // if the line turns out to be blank or a comment, or if it follows
                    // the indentation; which of these, the token decides.
                    if tab == nil {
                        tab = mark
                        if tokenIsFirstOnLine { lineIndent = column }
                    }
                    if tabBeforeToken == nil { tabBeforeToken = mark }
                }
                // A space or tab is one byte and one column: no need for `forward`'s
                // test for UTF-8 continuation bytes.
                pos += 1
                column += 1
            }
            // A plain scalar that ends at a line break has already read the next line's
            // indentation; with nothing skipped here, what it recorded stands.
            if tokenIsFirstOnLine && pos != skipStart {
                if tab == nil { lineIndent = column }
                leadingTab = tab
            }
            if byte() == .hash {
                if pos > 0 && !isBlank(buffer[pos - 1]) && buffer[pos - 1] != .lf && buffer[pos - 1] != .cr {
                    let start = mark
                    report(SyntaxMessage.commentWithoutSpace(SourceRange(at: start.position)))
                }
                // The comment's columns are counted over the run of its bytes at once,
                // without `byte`'s bounds check for each.
                var end = pos
                while end < count && buffer[end] != .lf && buffer[end] != .cr { end += 1 }
                forwardRun(to: end)
            }
            if skipLineBreak() {
                if flowLevel == 0 { allowSimpleKey = true }
                tabBeforeToken = nil
                tokenIsFirstOnLine = true
                lineIndent = 0
                leadingTab = nil
            } else {
                break
            }
        }
        checkFlowContinuation()
    }

    /// In block context, the lines of a flow collection must be indented more than the
    /// block that holds it.
    private func checkFlowContinuation() {
        guard flowLevel > 0, tokenIsFirstOnLine, indent >= 0, !atEnd, lineIndent <= indent else { return }
        if flowClosesLater() {
            reportUnderIndented("a flow collection")
        } else {
            closeOpenFlows()
        }
    }

    /// Reports a continuation line that is not indented enough, once per flow collection
    /// (or quoted scalar) in block context: its other lines have the same problem.
    private func reportUnderIndented(_ what: String, from start: Mark? = nil) {
        let owner = quoteStart ?? flowStack.first?.mark.offset ?? -1
        guard owner != underIndentReportedFor else { return }
        underIndentReportedFor = owner
        report(SyntaxMessage.underIndentedContinuation(what, range(from: start ?? mark)))
    }

    /// Whether the open flow collections close further on. A line at the indentation of
    /// the block around them either continues them, under-indented, or shows that they
    /// were never closed; this look-ahead over brackets, quotes and comments tells which.
    /// It works within a budget proportional to the input, so that many unclosed
    /// collections cannot make scanning quadratic; past it, collections count as unclosed.
    private func flowClosesLater() -> Bool {
        if pos < flowClosesAt { return true }
        var depth = flowLevel
        var i = pos
        var previous = UInt8.lf
        func quoteEnd(_ quote: UInt8, from start: Int) -> Int? {
            var j = start + 1
            while j < count {
                if buffer[j] == quote {
                    if quote == .singleQuote && j + 1 < count && buffer[j + 1] == .singleQuote { j += 2; continue }
                    return j
                }
                j += buffer[j] == .backslash && quote == .doubleQuote ? 2 : 1
            }
            return nil
        }
        defer { lookAheadBudget -= i - pos }
        while i < count && i - pos < lookAheadBudget {
            let c = buffer[i]
            let afterBlank = isBlank(previous) || previous == .lf || previous == .cr
            switch c {
            case .lbracket, .lbrace:
                depth += 1
            case .rbracket, .rbrace:
                depth -= 1
                if depth == 0 { flowClosesAt = i; return true }
            case .doubleQuote:
                // Taken as the start of a quoted scalar wherever it stands: a plain
                // scalar with a `"` inside is rare enough in flow collections.
                guard let end = quoteEnd(c, from: i) else { return false }
                i = end
            case .singleQuote where afterBlank || isFlowIndicator(previous) || previous == .colon:
                // An apostrophe inside a word (`it's`) does not open a quote.
                guard let end = quoteEnd(c, from: i) else { return false }
                i = end
            case .hash where afterBlank:
                while i + 1 < count && buffer[i + 1] != .lf && buffer[i + 1] != .cr { i += 1 }
            case .lf, .cr:
                let next = i + 1
                if next + 2 < count, buffer[next] == .dash || buffer[next] == .dot,
                    buffer[next + 1] == buffer[next], buffer[next + 2] == buffer[next],
                    next + 3 >= count || isBlankOrEnd(buffer[next + 3])
                {
                    return false  // a document marker ends them
                }
            default:
                break
            }
            previous = buffer[i]
            i += 1
        }
        return false
    }

    /// Closes the flow collections left open before a line at the block's indentation:
    /// reports the innermost, and hands the parser a closer for each, so that the lines
    /// after it read as the block content they are.
    private func closeOpenFlows() {
        guard let innermost = flowStack.last else { return }
        let open = innermost.mark
        if !quoteCutShortInFlow {
            report(SyntaxMessage.unterminatedFlow(
                innermost.closer == .flowSequenceEnd,
                range(open, Mark(offset: open.offset + 1, line: open.line, column: open.column + 1))))
        }
        quoteCutShortInFlow = false
        let m = mark
        for flow in flowStack.reversed() { append(flow.closer, m, m) }
        flowStack.removeAll()
        flowLevel = 0
        possibleSimpleKeys = [nil]
        allowSimpleKey = true
    }

    /// Called before every token is handed out: the test that the reader is still on
    /// the line last checked is inlined, and the keys are only looked at when it is not.
    @inline(__always) private func staleSimpleKeys() {
        // Keys are saved on the reader's line: until it moves on, none can go stale.
        if line != keysCheckedOnLine { dropStaleSimpleKeys() }
    }

    private func dropStaleSimpleKeys() {
        keysCheckedOnLine = line
        for level in possibleSimpleKeys.indices {
            guard let key = possibleSimpleKeys[level] else { continue }
            // A key longer than 1024 characters stays a candidate to its line's end, so
            // that `fetchValue` can name the problem. (A key of 1024 characters may take
            // up to 4096 bytes; the token queue holds only the tokens of that one line.)
            if key.mark.line != line {
                if key.required {
                    if let tab = key.tabBefore {
                        // Text on a tab-indented line: the tab is the problem to name.
                        reportTab(tab)
                    } else {
                        report(SyntaxMessage.missingColon(SourceRange(at: key.mark.position)))
                    }
                }
                possibleSimpleKeys[level] = nil
            }
        }
    }

    private func savePossibleSimpleKey() {
        let column = tokenIsFirstOnLine && flowLevel == 0 ? lineIndent : self.column
        let required = flowLevel == 0 && indent == column
        guard allowSimpleKey else { return }
        removePossibleSimpleKey()
        possibleSimpleKeys[flowLevel] = SimpleKey(
            tokenNumber: tokensTaken + tokens.count - head, required: required,
            mark: Mark(offset: pos, line: line, column: column),
            tabBefore: tokenIsFirstOnLine ? leadingTab : nil)
    }

    private func removePossibleSimpleKey() {
        if let key = possibleSimpleKeys[flowLevel], key.required {
            report(SyntaxMessage.missingColon(SourceRange(at: key.mark.position)))
        }
        possibleSimpleKeys[flowLevel] = nil
    }

    private func unwindIndent(_ column: Int, checkConsistency: Bool = false) {
        var left: Int?
        while indent > column {
            let m = mark
            left = indent
            indent = indents.removeLast()
            append(.blockEnd, m, m)
        }
        if checkConsistency, let left, indent < column, !atEnd {
            // The line is less indented than the block it left, and more than the one it
            // returns to: it belongs to neither. It starts a block of its own, which the
            // parser steps over without a second complaint, and the lines after it at
            // the same indentation read as its siblings.
            if let tab = leadingTab {
                reportTab(tab)
            } else {
                let expected = indent >= 0 ? [indent + 1, left + 1] : [left + 1]
                report(SyntaxMessage.inconsistentIndentation(range(from: mark), expected: expected))
            }
        }
    }

    private func addIndent(_ column: Int) -> Bool {
        guard indent < column else { return false }
        indents.append(indent)
        indent = column
        return true
    }

    private func tooDeep() -> Bool {
        if flowLevel + indents.count >= maxDepth {
            report(SyntaxMessage.tooDeep(maxDepth, range(from: mark)))
            abort()
            return true
        }
        return false
    }

    private func fetchStreamEnd() {
        unwindIndent(-1)
        removePossibleSimpleKey()
        if flowLevel > 0 {
            // The parser reports the unterminated collection; keys inside it are moot.
            for i in possibleSimpleKeys.indices { possibleSimpleKeys[i] = nil }
        }
        allowSimpleKey = false
        let m = mark
        append(.streamEnd, m, m)
        done = true
    }

    private func isDocumentMarker(_ c: UInt8) -> Bool {
        column == 0 && byte() == c && byte(1) == c && byte(2) == c && isBlankOrEnd(byte(3))
    }

    private func fetchDocumentIndicator(_ kind: Token.Kind) {
        unwindIndent(-1)
        removePossibleSimpleKey()
        if flowLevel > 0 {
            // A document marker ends any flow collection left open; the parser reports it.
            flowLevel = 0
            flowStack.removeAll()
            quoteCutShortInFlow = false
            possibleSimpleKeys = [nil]
        }
        allowSimpleKey = false
        let start = mark
        forward(3)
        append(kind, start, mark)
        tokenIsFirstOnLine = false
    }

    private func fetchFlowCollectionStart(_ kind: Token.Kind) {
        if tooDeep() { return }
        savePossibleSimpleKey()
        flowLevel += 1
        possibleSimpleKeys.append(nil)
        allowSimpleKey = true
        let start = mark
        flowStack.append((kind == .flowSequenceStart ? .flowSequenceEnd : .flowMappingEnd, start))
        forward()
        append(kind, start, mark)
        tokenIsFirstOnLine = false
    }

    private func fetchFlowCollectionEnd(_ kind: Token.Kind) {
        if flowLevel > 0 {
            removePossibleSimpleKey()
            flowLevel -= 1
            possibleSimpleKeys.removeLast()
            flowStack.removeLast()
            if flowLevel == 0 { quoteCutShortInFlow = false }
        }
        allowSimpleKey = false
        let start = mark
        forward()
        append(kind, start, mark)
        lastTokenWasJSONLike = true
        tokenIsFirstOnLine = false
    }

    private func fetchFlowEntry() {
        allowSimpleKey = true
        removePossibleSimpleKey()
        let start = mark
        forward()
        append(.flowEntry, start, mark)
        tokenIsFirstOnLine = false
    }

    private func fetchBlockEntry() {
        let start = mark
        if flowLevel == 0 {
            if let tab = tokenIsFirstOnLine ? leadingTab : tabBeforeToken {
                // Whether at the start of a line or after another `-`, a tab before `-`
                // would take part in the indentation of the sequence.
                reportTab(tab)
            }
            if !allowSimpleKey {
                report(SyntaxMessage.sequenceEntryNotAllowed(SourceRange(at: start.position)))
            }
            if tooDeep() { return }
            // After a tab reported above, the line's spaces alone give the indentation,
            // as they do for a key.
            if addIndent(tokenIsFirstOnLine ? lineIndent : column) { append(.blockSequenceStart, start, start) }
        }
        // In flow context `- ` is an error; the parser reports it where it stands.
        allowSimpleKey = true
        removePossibleSimpleKey()
        forward()
        append(.blockEntry, start, mark)
        tokenIsFirstOnLine = false
    }

    private func fetchValue() {
        let start = mark
        if let key = possibleSimpleKeys[flowLevel] {
            possibleSimpleKeys[flowLevel] = nil
            if start.column - key.mark.column > 1024 {  // characters, on the key's line
                report(SyntaxMessage.implicitKeyTooLong(SourceRange(at: key.mark.position)))
            }
            let index = head + key.tokenNumber - tokensTaken
            insertToken(.key, key.mark, at: index)
            if flowLevel == 0 {
                if let tab = key.tabBefore { reportTab(tab) }
                // As deep as `tooDeep` allows sequences and flow collections to go.
                if indents.count >= maxDepth, indent < key.mark.column {
                    report(SyntaxMessage.tooDeep(maxDepth, SourceRange(at: key.mark.position)))
                    return abort()
                }
                if addIndent(key.mark.column) {
                    insertToken(.blockMappingStart, key.mark, at: index)
                }
            }
            allowSimpleKey = false
        } else {
            if flowLevel == 0 {
                if explicitKeyColumn == column && tokenIsFirstOnLine {
                    // The value of an explicit key reported above.
                    explicitKeyColumn = nil
                } else if !allowSimpleKey {
                    // A `:` inside a value: reported, and left for the parser to step over.
                    // A block opened at its column would make every later line that is
                    // less indented than the colon look under-indented.
                    report(SyntaxMessage.mappingValueNotAllowed(SourceRange(at: start.position)))
                    allowSimpleKey = true
                    forward()
                    append(.value, start, mark)
                    tokenIsFirstOnLine = false
                    return
                } else {
                    report(SyntaxMessage.unsupported(
                        "empty mapping keys", SourceRange(at: start.position),
                        hint: "write a key before `:`"))
                }
                if tooDeep() { return }
                if addIndent(column) { append(.blockMappingStart, start, start) }
            }
            allowSimpleKey = flowLevel == 0
            removePossibleSimpleKey()
        }
        forward()
        append(.value, start, mark)
        tokenIsFirstOnLine = false
    }

    // MARK: - Features outside the subset

    private func skipDirective() {
        let start = mark
        while !atEnd && byte() != .lf && byte() != .cr { forward() }
        report(SyntaxMessage.unsupported(
            "directives (`%YAML`, `%TAG`)", range(from: start),
            hint: "delete the directive line; the dialog language needs none"))
        tokenIsFirstOnLine = false
    }

    private func skipExplicitKey() {
        let start = mark
        forward()
        report(SyntaxMessage.unsupported(
            "explicit keys (`? `)", range(from: start),
            hint: "write the key as a plain or quoted scalar followed by `:`"))
        if flowLevel == 0 && !tooDeep() {
            // Read on as the key it is, so that the `: value` line below it is its value
            // and not a second problem.
            removePossibleSimpleKey()
            if addIndent(start.column) { append(.blockMappingStart, start, start) }
            append(.key, start, start)
            explicitKeyColumn = start.column
            allowSimpleKey = true
        }
        tokenIsFirstOnLine = false
    }

    private func skipProperty(anchor: Bool) {
        let start = mark
        forward()
        while !isBlankOrEnd(byte()) && !(flowLevel > 0 && isFlowIndicator(byte())) { forward() }
        let r = range(from: start)
        if anchor {
            report(SyntaxMessage.unsupported("anchors (`&name`)", r, hint: "repeat the content instead of anchoring it"))
        } else {
            report(SyntaxMessage.unsupported("tags (`!tag`)", r, hint: "delete the tag; quote the value to keep it text"))
        }
        tokenIsFirstOnLine = false
    }

    private func fetchAlias() {
        savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        forward()
        while !isBlankOrEnd(byte()) && !isFlowIndicator(byte()) { forward() }
        report(SyntaxMessage.unsupported(
            "aliases (`*name`)", range(from: start), hint: "repeat the content instead of referring to an anchor"))
        // Stands in for the missing node, so the structure around it still reads.
        tokens.append(Token(kind: .scalar, start: start, end: mark, text: "", style: .plain))
        tokenIsFirstOnLine = false
    }

    // MARK: - Scalars

    private func fetchBlockScalar(folded: Bool) {
        allowSimpleKey = true
        removePossibleSimpleKey()
        tokens.append(scanBlockScalar(folded: folded))
        tokenIsFirstOnLine = true
        leadingTab = nil
    }

    private func fetchFlowScalar(double: Bool) {
        savePossibleSimpleKey()
        allowSimpleKey = false
        tokens.append(scanFlowScalar(double: double))
        lastTokenWasJSONLike = true
        tokenIsFirstOnLine = false
        if quoteCutShort {
            // Reported as unterminated; the reader is back at the start of a line, whose
            // content is scanned afresh. The scalar is no key candidate any more.
            quoteCutShort = false
            possibleSimpleKeys[flowLevel] = nil
            tokenIsFirstOnLine = true
            lineIndent = 0
            leadingTab = nil
            allowSimpleKey = true
        }
    }

    private func fetchPlain() {
        savePossibleSimpleKey()
        allowSimpleKey = false
        tokens.append(scanPlain())
    }

    private func canStartPlain() -> Bool {
        let c = byte()
        if isBlankOrEnd(c) { return false }
        if c == .dash || c == .question || c == .colon {
            let n = byte(1)
            return !isBlankOrEnd(n) && !(flowLevel > 0 && isFlowIndicator(n))
        }
        return !isIndicator(c)
    }

    /// Scans a plain scalar, folding its lines, and leaves the reader at the next token.
    private func scanPlain() -> Token {
        let start = mark
        var end = mark
        let minIndent = indent + 1
        var out: [UInt8] = []
        var single: (Int, Int)?  // The common case: one run of bytes, no copy needed.
        var pendingSpaces: (Int, Int)?  // Spaces between two runs on one line.
        var pendingBreaks = 0  // Line breaks between two runs.
        tokenIsFirstOnLine = false
        while true {
            if byte() == .hash { break }
            let runStart = pos
            while true {
                let c = byte()
                if isBlankOrEnd(c) { break }
                if c == .colon {
                    let n = byte(1)
                    if isBlankOrEnd(n) || (flowLevel > 0 && isFlowIndicator(n)) { break }
                }
                if flowLevel > 0 && isFlowIndicator(c) { break }
                pos += 1
            }
            // The run's columns are counted once it ends, not byte by byte.
            let runEnd = pos
            pos = runStart
            forwardRun(to: runEnd)
            if pos == runStart { break }
            allowSimpleKey = false
            if single == nil && out.isEmpty && pendingBreaks == 0 && pendingSpaces == nil {
                single = (runStart, pos)
            } else {
                if let (a, b) = single { out.append(contentsOf: UnsafeBufferPointer(start: buffer + a, count: b - a)); single = nil }
                if pendingBreaks == 1 {
                    out.append(.space)
                } else if pendingBreaks > 1 {
                    out.append(contentsOf: repeatElement(UInt8.lf, count: pendingBreaks - 1))
                } else if let (a, b) = pendingSpaces {
                    out.append(contentsOf: UnsafeBufferPointer(start: buffer + a, count: b - a))
                }
                out.append(contentsOf: UnsafeBufferPointer(start: buffer + runStart, count: pos - runStart))
            }
            end = mark
            pendingSpaces = nil
            pendingBreaks = 0
            // Whitespace after the run: spaces on this line, or line breaks.
            let spacesStart = pos
            while byte() == .space || byte() == .tab { forward() }
            if byte() == .lf || byte() == .cr {
                var breaks = 0
                var stop = false
                while true {
                    if skipLineBreak() {
                        breaks += 1
                        tokenIsFirstOnLine = true
                        if flowLevel == 0 { allowSimpleKey = true }
                        lineIndent = 0
                        leadingTab = nil
                        if isDocumentMarker(.dash) || isDocumentMarker(.dot) { stop = true; break }
                        var tab: Mark?
                        while byte() == .space || byte() == .tab {
                            if byte() == .tab && tab == nil { tab = mark; lineIndent = column }
                            forward()
                        }
                        if tab == nil { lineIndent = column }
                        leadingTab = tab
                        continue
                    }
                    break
                }
                if stop || atEnd || byte() == .hash { break }
                if flowLevel == 0 && lineIndent < minIndent { break }
                // A line with `key: ` cannot continue a plain scalar (an implicit key spans
                // one line): it is left to be read as the mapping entry it looks like.
                if flowLevel == 0 && lineHasMappingValue() { break }
                if flowLevel > 0 && indent >= 0 && lineIndent <= indent {
                    // Unless the collection never closes: then the line is not part of it.
                    if !flowClosesLater() { break }
                    reportUnderIndented("a plain scalar")
                }
                tokenIsFirstOnLine = false
                pendingBreaks = breaks
            } else {
                if pos == spacesStart || byte() == .hash || atEnd { break }
                pendingSpaces = (spacesStart, pos)
            }
        }
        let value: String
        if let (a, b) = single {
            value = text(a, b)
        } else {
            value = String(decoding: out, as: UTF8.self)
        }
        if flowLevel == 0 && !tokenIsFirstOnLine { leadingTab = nil }
        return Token(kind: .scalar, start: start, end: end, text: value, style: .plain)
    }

    /// Scans a single- or double-quoted scalar, with escapes and line folding.
    private func scanFlowScalar(double: Bool) -> Token {
        let start = mark
        quoteStart = start.offset
        defer { quoteStart = nil }
        let quote: UInt8 = double ? .doubleQuote : .singleQuote
        forward()
        // The common case: the closing quote on the same line, with no escape or `''`
        // before it. The text is then the bytes between the quotes, blanks included, and
        // becomes a String without a byte array of its own.
        var close = pos
        while close < count {
            let c = buffer[close]
            if c == quote || c == .backslash || c == .lf || c == .cr { break }
            close += 1
        }
        if close < count && buffer[close] == quote && (double || close + 1 >= count || buffer[close + 1] != .singleQuote) {
            let value = text(pos, close)
            forward(close - pos + 1)
            return Token(kind: .scalar, start: start, end: mark, text: value, style: double ? .doubleQuoted : .singleQuoted)
        }
        var out: [UInt8] = []
        while true {
            // A run of ordinary characters.
            let runStart = pos
            while true {
                let c = byte()
                if c == quote || c == .backslash || isBlank(c) || c == .lf || c == .cr || atEnd { break }
                forward()
            }
            out.append(contentsOf: UnsafeBufferPointer(start: buffer + runStart, count: pos - runStart))
            if atEnd {
                report(SyntaxMessage.unterminatedQuote(double, SourceRange(at: start.position)))
                abort()
                return Token(kind: .scalar, start: start, end: mark, text: "", style: double ? .doubleQuoted : .singleQuoted)
            }
            let c = byte()
            if c == quote {
                if !double && byte(1) == .singleQuote {
                    out.append(.singleQuote)
                    forward(2)
                    continue
                }
                forward()
                break
            }
            if c == .backslash {
                if !double { out.append(c); forward(); continue }
                scanEscape(into: &out)
                if quoteCutShort { break }
                continue
            }
            // Whitespace: kept when the line goes on, folded when it breaks.
            let spacesStart = pos
            while byte() == .space || byte() == .tab { forward() }
            if byte() == .lf || byte() == .cr {
                let breaks = scanQuotedBreaks(double: double)
                if breaks < 0 {
                    return Token(kind: .scalar, start: start, end: mark, text: "", style: double ? .doubleQuoted : .singleQuoted)
                }
                if quoteCutShort { break }
                if breaks == 1 {
                    out.append(.space)
                } else {
                    out.append(contentsOf: repeatElement(UInt8.lf, count: breaks - 1))
                }
            } else {
                out.append(contentsOf: UnsafeBufferPointer(start: buffer + spacesStart, count: pos - spacesStart))
            }
        }
        if quoteCutShort {
            report(SyntaxMessage.unterminatedQuote(double, SourceRange(at: start.position)))
        }
        return Token(kind: .scalar, start: start, end: mark, text: String(decoding: out, as: UTF8.self),
                     style: double ? .doubleQuoted : .singleQuoted)
    }

    /// Whether the rest of the line holds `: ` (or a `:` that ends it) before any comment.
    private func lineHasMappingValue() -> Bool {
        var k = 0
        while pos + k < count {
            let c = byte(k)
            if c == .lf || c == .cr || (c == .hash && k > 0 && isBlank(byte(k - 1))) { return false }
            if c == .colon && isBlankOrEnd(byte(k + 1)) { return true }
            k += 1
        }
        return false
    }

    /// Whether the line from the reader on reads as a block entry, `- ` or `key:` before
    /// any quote: a sign that a quoted scalar that runs into it was never closed.
    private func looksLikeBlockEntry() -> Bool {
        if byte() == .dash && isBlankOrEnd(byte(1)) { return true }
        var k = 0
        while pos + k < count {
            let c = byte(k)
            if c == .lf || c == .cr || c == .doubleQuote || c == .singleQuote || c == .hash { return false }
            if c == .colon && isBlankOrEnd(byte(k + 1)) { return true }
            k += 1
        }
        return false
    }

    /// Consumes the line breaks and indentation inside a quoted scalar; returns how many
    /// breaks there were, or -1 after an error that ended the stream.
    private func scanQuotedBreaks(double: Bool) -> Int {
        var breaks = 0
        while skipLineBreak() {
            breaks += 1
            if isDocumentMarker(.dash) || isDocumentMarker(.dot) {
                report(SyntaxMessage.documentMarkerInScalar(SourceRange(at: mark.position)))
                abort()
                return -1
            }
            let lineStart = mark
            while byte() == .space { forward() }
            let spaces = column
            while byte() == .space || byte() == .tab { forward() }
            if byte() != .lf && byte() != .cr && !atEnd && spaces <= indent {
                if looksLikeBlockEntry() {
                    // A line that reads as the next entry of the block: the quote was
                    // most likely never closed. The scalar ends before this line, which
                    // is scanned again as what it looks like.
                    pos = lineStart.offset
                    line = lineStart.line
                    column = lineStart.column
                    quoteCutShort = true
                    if flowLevel > 0 {
                        // The collection's problems after this are the quote's.
                        quoteCutShortInFlow = true
                        underIndentReportedFor = flowStack.first?.mark.offset ?? -1
                    }
                    return breaks
                }
                reportUnderIndented("a \(double ? "double" : "single")-quoted scalar", from: lineStart)
            }
        }
        return breaks
    }

    private func scanEscape(into out: inout [UInt8]) {
        let start = mark
        forward()
        let c = byte()
        func put(_ scalar: UInt32) {
            guard let s = Unicode.Scalar(scalar) else { return }
            out.append(contentsOf: String(Character(s)).utf8)
        }
        switch c {
        case UInt8(ascii: "0"): out.append(0)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"), .tab: out.append(.tab)
        case UInt8(ascii: "n"): out.append(.lf)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(.cr)
        case UInt8(ascii: "e"): out.append(0x1B)
        case .space, .doubleQuote, .slash, .backslash: out.append(c)
        case UInt8(ascii: "N"): put(0x85)
        case UInt8(ascii: "_"): put(0xA0)
        case UInt8(ascii: "L"): put(0x2028)
        case UInt8(ascii: "P"): put(0x2029)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = c == UInt8(ascii: "x") ? 2 : c == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for k in 1...digits {
                guard let d = hexValue(byte(k)) else {
                    forward(k)  // the letter and the digits before the bad one
                    report(SyntaxMessage.invalidEscape(text(start.offset + 1, pos), range(from: start)))
                    return
                }
                value = value << 4 | UInt32(d)
            }
            forward(digits + 1)
            if c == UInt8(ascii: "u"), (0xD800...0xDBFF).contains(value), byte() == .backslash,
                byte(1) == UInt8(ascii: "u"), let low = hex4(at: 2), (0xDC00...0xDFFF).contains(low)
            {
                // A surrogate pair, as JSON writes characters beyond U+FFFF.
                forward(6)
                put(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))
            } else if (0xD800...0xDFFF).contains(value) {
                report(SyntaxMessage.surrogateEscape(text(start.offset + 1, pos), range(from: start)))
            } else if Unicode.Scalar(value) == nil {
                report(SyntaxMessage.invalidEscape(text(start.offset + 1, pos), range(from: start)))
            } else {
                put(value)
            }
            return
        case .lf, .cr:
            // An escaped line break: the text goes on without a space.
            let breaks = scanQuotedBreaks(double: true)
            if breaks > 1 { out.append(contentsOf: repeatElement(UInt8.lf, count: breaks - 1)) }
            while byte() == .space || byte() == .tab { forward() }
            return
        default:
            if atEnd { return }
            let escapeStart = pos
            forward()
            // The whole character, when it is not ASCII.
            while !atEnd && byte() & 0xC0 == 0x80 { forward() }
            report(SyntaxMessage.invalidEscape(text(escapeStart, pos), range(from: start)))
            return
        }
        forward()
    }

    /// The value of four hex digits at `byte(k)...`, if they are hex digits.
    private func hex4(at k: Int) -> UInt32? {
        var value: UInt32 = 0
        for i in k..<(k + 4) {
            guard let d = hexValue(byte(i)) else { return nil }
            value = value << 4 | UInt32(d)
        }
        return value
    }

    /// Scans a literal (`|`) or folded (`>`) block scalar with its header.
    private func scanBlockScalar(folded: Bool) -> Token {
        let start = mark
        forward()
        // Header: chomping and indentation indicators, in either order.
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var increment = 0
        for _ in 0..<2 {
            let c = byte()
            if (c == .plus || c == .dash) && chomping == 0 {
                chomping = c == .plus ? 1 : -1
                forward()
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") && increment == 0 {
                if c == UInt8(ascii: "0") {
                    let m = mark
                    forward()
                    report(SyntaxMessage.blockScalarHeader("the indentation indicator must be 1-9, not 0", range(from: m)))
                } else {
                    increment = Int(c - UInt8(ascii: "0"))
                    forward()
                }
            }
        }
        var sawSpace = false
        while byte() == .space || byte() == .tab { forward(); sawSpace = true }
        if byte() == .hash {
            if !sawSpace { report(SyntaxMessage.commentWithoutSpace(SourceRange(at: mark.position))) }
            while !atEnd && byte() != .lf && byte() != .cr { forward() }
        }
        if !atEnd && byte() != .lf && byte() != .cr {
            let m = mark
            report(SyntaxMessage.blockScalarHeader("unexpected text after a block scalar indicator", range(from: m)))
            while !atEnd && byte() != .lf && byte() != .cr { forward() }
        }
        var end = mark
        skipLineBreak()

        let parentIndent = indent
        let minIndent = parentIndent + 1
        var contentIndent: Int
        var breaks = 0
        if increment > 0 {
            contentIndent = max(parentIndent, 0) + increment
            if parentIndent < 0 { contentIndent = increment - 1 }
            contentIndent = max(contentIndent, minIndent)
        } else {
            // Detect the indentation from the first non-empty line.
            var maxBlankIndent = 0
            var blankIndentRange = SourceRange(at: mark.position)
            contentIndent = 0
            while true {
                let lineStart = mark
                while byte() == .space { forward() }
                if byte() == .lf || byte() == .cr {
                    if column > maxBlankIndent { maxBlankIndent = column; blankIndentRange = range(from: lineStart) }
                    skipLineBreak()
                    breaks += 1
                    end = mark
                    continue
                }
                if atEnd {
                    if column > maxBlankIndent { maxBlankIndent = column }
                } else if byte() == .tab && column < minIndent {
                    reportTab(mark)
                }
                break
            }
            contentIndent = max(minIndent, atEnd ? max(maxBlankIndent, column) : column, 0)
            if maxBlankIndent > contentIndent && !atEnd {
                report(SyntaxMessage.blockScalarIndentation(blankIndentRange))
            }
            // Put the reader back at the start of the current line's indentation: a line
            // after the header's, never the header's own (the file may end right after it).
            if line > start.line && (!atEnd || column > 0) { rewindToLineStart() }
        }

        var out: [UInt8] = []
        var trailingBreaks = 0
        var lastLineMoreIndented = false
        var first = true
        if increment > 0 { breaks = 0 }
        // Lines: `breaks` counts the line breaks not yet written since the last content.
        while true {
            while column < contentIndent && byte() == .space { forward() }
            var tabIndented = false
            if column < contentIndent && byte() == .tab && isTabIndentedText() {
                // A tab where the indentation should be: reported, and read as
                // indentation so that the line stays in the scalar.
                reportTab(mark)
                while isBlank(byte()) { forward() }
                tabIndented = true
            }
            if byte() == .lf || byte() == .cr {
                skipLineBreak()
                breaks += 1
                end = mark
                continue
            }
            if atEnd {
                // A last line of spaces with no line break still ends a line.
                if column > 0 && line > start.line { breaks += 1 }
                break
            }
            if column < contentIndent && !tabIndented { break }
            if column == 0 && (isDocumentMarker(.dash) || isDocumentMarker(.dot)) { break }
            // A content line.
            let moreIndented = byte() == .space || byte() == .tab
            if first {
                out.append(contentsOf: repeatElement(UInt8.lf, count: breaks))
            } else if folded && !moreIndented && !lastLineMoreIndented && breaks > 0 {
                if breaks == 1 { out.append(.space) } else { out.append(contentsOf: repeatElement(UInt8.lf, count: breaks - 1)) }
            } else {
                out.append(contentsOf: repeatElement(UInt8.lf, count: breaks))
            }
            first = false
            let lineStart = pos
            var onlySpaces = true
            while !atEnd && byte() != .lf && byte() != .cr {
                if !isBlank(byte()) { onlySpaces = false }
                forward()
            }
            out.append(contentsOf: UnsafeBufferPointer(start: buffer + lineStart, count: pos - lineStart))
            end = mark
            lastLineMoreIndented = moreIndented
            breaks = 0
            if skipLineBreak() {
                breaks = 1
                end = mark
            } else {
                // A last line of spaces with no line break still ends a line.
                if onlySpaces { breaks = 1 }
                break
            }
        }
        trailingBreaks = breaks
        if first {
            // No content: only trailing line breaks.
            if chomping == 1 { out.append(contentsOf: repeatElement(UInt8.lf, count: trailingBreaks)) }
        } else if chomping == 0 {
            if trailingBreaks > 0 { out.append(.lf) }
        } else if chomping == 1 {
            out.append(contentsOf: repeatElement(UInt8.lf, count: trailingBreaks))
        }
        // The reader now stands at the first character of the next line's content.
        tokenIsFirstOnLine = true
        lineIndent = column
        return Token(kind: .scalar, start: start, end: end, text: String(decoding: out, as: UTF8.self),
                     style: folded ? .folded : .literal)
    }

    /// Whether a tab starts text on its line, not a blank line or a comment.
    private func isTabIndentedText() -> Bool {
        var k = 0
        while isBlank(byte(k)) { k += 1 }
        let c = byte(k)
        return pos + k < count && c != .lf && c != .cr && c != .hash
    }

    private func rewindToLineStart() {
        while column > 0 {
            pos -= 1
            if buffer[pos] & 0xC0 != 0x80 { column -= 1 }
        }
        while pos > 0 && buffer[pos - 1] & 0xC0 == 0x80 { pos -= 1 }
    }
}

// MARK: - Byte classes

extension UInt8 {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation = UInt8(ascii: "!")
    static let doubleQuote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let percent = UInt8(ascii: "%")
    static let ampersand = UInt8(ascii: "&")
    static let singleQuote = UInt8(ascii: "'")
    static let star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let greater = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let at = UInt8(ascii: "@")
    static let lbracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let rbracket = UInt8(ascii: "]")
    static let backtick = UInt8(ascii: "`")
    static let lbrace = UInt8(ascii: "{")
    static let pipe = UInt8(ascii: "|")
    static let rbrace = UInt8(ascii: "}")
}

@inline(__always) func isBlank(_ c: UInt8) -> Bool { c == .space || c == .tab }

/// What a UTF-8 lead byte promises: how many continuation bytes follow it, and the range
/// the first of them must fall in (narrower after E0, ED, F0 and F4, which rules out
/// overlong forms, surrogates and code points beyond U+10FFFF). Nil for a byte that
/// cannot start a character of more than one byte.
func utf8Lead(_ b: UInt8) -> (continuations: Int, second: ClosedRange<UInt8>)? {
    switch b {
    case 0xC2...0xDF: (1, 0x80...0xBF)
    case 0xE0: (2, 0xA0...0xBF)
    case 0xED: (2, 0x80...0x9F)
    case 0xE1...0xEF: (2, 0x80...0xBF)
    case 0xF0: (3, 0x90...0xBF)
    case 0xF4: (3, 0x80...0x8F)
    case 0xF1...0xF3: (3, 0x80...0xBF)
    default: nil
    }
}

/// Space, tab, line break, or the end of the input (the zero padding).
@inline(__always) func isBlankOrEnd(_ c: UInt8) -> Bool {
    c == .space || c == .tab || c == .lf || c == .cr || c == 0
}

@inline(__always) func isFlowIndicator(_ c: UInt8) -> Bool {
    c == .comma || c == .lbracket || c == .rbracket || c == .lbrace || c == .rbrace
}

@inline(__always) func isIndicator(_ c: UInt8) -> Bool {
    switch c {
    case .dash, .question, .colon, .comma, .lbracket, .rbracket, .lbrace, .rbrace, .hash,
        .ampersand, .star, .exclamation, .pipe, .greater, .singleQuote, .doubleQuote, .percent,
        .at, .backtick:
        true
    default:
        false
    }
}

func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
}
