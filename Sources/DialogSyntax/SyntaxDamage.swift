/// What syntax errors spoil in a stream, and how the rest of it reads without them.
///
/// Each error's line is left out together with the lines indented under it — the entry
/// the error is in — by turning their bytes into spaces, so that offsets, lines and
/// columns everywhere else stay as written, and the stream is read again; again while the
/// new reading finds errors on lines still in place. What is left is read as written, so a
/// misspelt key or a wrong value below a syntax error is reported in the same run. When
/// the readings stop converging, everything from the line of the first remaining error on
/// is left out.
///
/// For reporting more problems at once, never for running.
public struct SyntaxDamage: Sendable {
    /// The byte ranges left out, in order and not overlapping.
    public private(set) var spans: [Range<Int>] = []
    /// The lines of the stream as written.
    private let lines: [Line]

    /// How many times the stream is read again at most before giving up on the rest.
    static let maxRereadings = 16
    /// How many bytes all the readings again may read together: a dialog file is read
    /// again as often as it takes, a file of megabytes with an error every line once or twice.
    static let rereadBudget = 16 << 20

    /// One line: where it starts and ends (before its line break), how far it is
    /// indented, and what it holds.
    struct Line {
        var start: Int
        var end: Int
        var indent: Int
        /// Its indentation holds a tab: how deep it is meant to be is not known.
        var tabbed: Bool
        /// Only spaces, or a comment: it belongs to no entry.
        var blank: Bool
        /// It starts a sequence item (`-`).
        var item: Bool
        /// The plain key it starts with (`say` in `say: Hello`), if any.
        var key: String?
    }

    /// A line left out, and the keys it was written under.
    public struct LineLeftOut: Sendable, Hashable {
        /// Where the line starts.
        public var offset: Int
        /// The keys of the line and of the lines it is indented under, outermost first:
        /// `["nodes", "hours", "say"]` for a node's `say:` line. `nil` for a line that
        /// starts with no plain key (a sequence item, a continuation line).
        public var path: [String?]
    }

    /// Each line left out that holds more than a comment, with the keys it was under,
    /// as the indentation of the stream as written shows them.
    public var linesLeftOut: [LineLeftOut] {
        var result: [LineLeftOut] = []
        // The lines the current one is indented under, outermost first: one pass, each
        // line pushed and popped once.
        var open: [Line] = []
        for line in lines where !line.blank {
            while let last = open.last, last.indent >= line.indent { open.removeLast() }
            if spanIndex(containing: line.start) != nil {
                var path = open.map(\.key) + [line.key]
                // A line indented under nothing is not where its file's top level is.
                if (open.first ?? line).indent > 0 { path.insert(nil, at: 0) }
                result.append(LineLeftOut(offset: line.start, path: path))
            }
            // How deep a line indented with a tab is meant to be is not known: it is
            // read as shallow as it may be, and nothing is read as under it.
            if !line.tabbed { open.append(line) }
        }
        return result
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        var lines: [Line] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var i = start
            var tabbed = false
            while i < end && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\r")) {
                if bytes[i] == UInt8(ascii: "\t") { tabbed = true }
                i += 1
            }
            let first: UInt8? = i < end ? bytes[i] : nil
            let next: UInt8? = i + 1 < end ? bytes[i + 1] : nil
            let item = first == UInt8(ascii: "-") && (next == nil || next == UInt8(ascii: " "))
            lines.append(
                Line(
                    start: start, end: end, indent: i - start, tabbed: tabbed,
                    blank: first == nil || first == UInt8(ascii: "#"), item: item,
                    key: item ? nil : Self.plainKey(bytes, from: i, to: end)))
            start = end + 1
        }
        self.lines = lines
    }

    /// Reads `bytes` again around the errors that reading it as written found (`read`):
    /// the documents as far as they can be read, and what was left out. Without errors,
    /// the documents as read and no damage.
    public static func readAround(
        _ bytes: [UInt8], _ read: ParseResult,
        maxDepth: Int = YAMLParser.defaultMaxDepth
    ) -> (documents: [Node], damage: SyntaxDamage) {
        bytes.withUnsafeBufferPointer { readAround($0, read, maxDepth: max(1, maxDepth)) }
    }

    private static func readAround(
        _ bytes: UnsafeBufferPointer<UInt8>, _ read: ParseResult,
        maxDepth: Int
    ) -> (documents: [Node], damage: SyntaxDamage) {
        var damage = SyntaxDamage(bytes: bytes)
        guard read.hasErrors else { return (read.documents, damage) }
        var text = Array(bytes)
        var documents = read.recovered
        var errors = read.diagnostics.filter(\.isError)
        for round in 0..<maxRereadings where (round + 1) * bytes.count <= max(rereadBudget, bytes.count) {
            var progressed = false
            for error in errors {
                guard let line = damage.lineIndex(of: error.range.start.offset) else { continue }
                // Past the problems a reading stops reporting, where the others are is
                // not known: the rest of the stream is left out.
                let last = error.code == SyntaxMessage.unshownProblemsCode ? damage.lines.count - 1 : damage.blockEnd(of: line)
                let span = damage.lines[line].start..<damage.lines[last].end
                // A line already left out, or one with nothing on it, mends nothing.
                guard text[span].contains(where: { !Self.isSpace($0) }) else { continue }
                damage.leaveOut(span, of: &text)
                progressed = true
            }
            guard progressed else { break }
            let reading = text.withUnsafeBufferPointer { reread in
                var parser = Parser(scanner: Scanner(bytes: reread, maxDepth: maxDepth))
                return parser.parseStream()
            }
            documents = reading.documents
            errors = reading.diagnostics.filter(\.isError)
            if errors.isEmpty { return (documents, damage) }
        }
        // Errors remain that leaving lines out does not mend: nothing past the first is
        // trusted.
        if let first = errors.map(\.range.start.offset).min(), let line = damage.lineIndex(of: first) {
            damage.leaveOut(damage.lines[line].start..<bytes.count, of: &text)
        }
        return (documents, damage)
    }

    /// Whether a problem found at `range` may come from the damage rather than from what
    /// is written: it overlaps a part left out, or a part left out lies among the lines
    /// indented under the line it starts on (the entry it is about lost some of itself,
    /// so "missing `label`" may only mean that its `label:` line was unreadable).
    public func mayExplain(_ range: SourceRange) -> Bool {
        if overlaps(range) { return true }
        guard let line = lineIndex(of: range.start.offset) else { return false }
        // A span that starts in the block: the first span ending after its start.
        let block = lines[line].start..<lines[blockEnd(of: line)].end
        let i = firstSpan(endingAfter: block.lowerBound)
        return i < spans.count && spans[i].lowerBound < block.upperBound
    }

    /// Whether `range` (at least its first byte) lies in a part left out.
    public func overlaps(_ range: SourceRange) -> Bool {
        let from = range.start.offset
        let to = max(range.end.offset, from + 1)
        // The first span that ends after `from`: the only one that can overlap first.
        let i = firstSpan(endingAfter: from)
        return i < spans.count && spans[i].lowerBound < to
    }

    /// The index of the first span whose end lies after `offset` (`spans.count` if none).
    private func firstSpan(endingAfter offset: Int) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the span that holds `offset`, if any.
    private func spanIndex(containing offset: Int) -> Int? {
        let i = firstSpan(endingAfter: offset)
        return i < spans.count && spans[i].contains(offset) ? i : nil
    }

    /// The line that holds a byte offset (the last line for the end of the stream).
    private func lineIndex(of offset: Int) -> Int? {
        var low = 0
        var high = lines.count - 1
        guard high >= 0 else { return nil }
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The last line of the entry that starts on `line`: the lines after it that are
    /// indented deeper, and for a key, the sequence items at its own depth that are its
    /// value. A line indented with a tab, and a comment, are entries of their own.
    private func blockEnd(of line: Int) -> Int {
        let head = lines[line]
        guard !head.tabbed && !head.blank else { return line }
        var last = line
        var next = line + 1
        while next < lines.count {
            let candidate = lines[next]
            if candidate.blank {
                next += 1
                continue
            }
            let deeper = candidate.indent > head.indent
            let itemOfKey = !head.item && candidate.item && candidate.indent == head.indent
            guard deeper || itemOfKey else { break }
            last = next
            next += 1
        }
        return last
    }

    /// The plain key a line starts with at `from`: letters, digits, `-` and `_`, then `:`
    /// and a space or the end of the line.
    private static func plainKey(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> String? {
        var i = from
        while i < end,
            bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "_")
                || (bytes[i] | 0x20 >= UInt8(ascii: "a") && bytes[i] | 0x20 <= UInt8(ascii: "z"))
                || (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9"))
        {
            i += 1
        }
        guard i > from, i < end, bytes[i] == UInt8(ascii: ":"),
            i + 1 == end || bytes[i + 1] == UInt8(ascii: " ") || bytes[i + 1] == UInt8(ascii: "\r")
        else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<i]), as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    /// Leaves bytes out of the text to read again: spaces in their place, line breaks kept.
    private mutating func leaveOut(_ span: Range<Int>, of text: inout [UInt8]) {
        guard !span.isEmpty else { return }
        for i in span where text[i] != UInt8(ascii: "\n") { text[i] = UInt8(ascii: " ") }
        spans.append(span)
        spans.sort { $0.lowerBound < $1.lowerBound }
        // Merge what overlaps, so `spans` stays a plain list of parts left out.
        var merged: [Range<Int>] = []
        for s in spans {
            if let last = merged.last, s.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, s.upperBound)
            } else {
                merged.append(s)
            }
        }
        spans = merged
    }
}
