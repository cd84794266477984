// The encoding pass, before any token: invalid UTF-8, control characters and stray
// byte-order marks reported and replaced, so that scanning goes on.

extension Scanner {
    /// Reports invalid UTF-8, control characters and stray byte-order marks, and replaces
    /// each offending character with `_` so that scanning goes on and finds the other
    /// problems. A run of invalid bytes is one problem.
    ///
    /// Replacements keep the columns that a reader sees and leave valid UTF-8: a stray
    /// character, and each maximal part of an invalid sequence (shown as one U+FFFD),
    /// becomes one character of the same length in bytes (`_`, `¤` or U+FFFD).
    func sanitize() {
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
            let placeholder: [UInt8] =
                switch length {
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
            guard problems.hasRoom(within: DiagnosticLimits.encodingProblems) else {
                problems.countUnshown(at: start)
                return
            }
            let end = SourcePosition(offset: at + length, line: start.line, column: start.column + columns)
            problems.keep(make(SourceRange(start: start, end: end)), within: DiagnosticLimits.encodingProblems)
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
    func maximalSubpartLength(at i: Int) -> Int {
        guard let (needed, second) = utf8Lead(buffer[i]), i + 1 < count, second.contains(buffer[i + 1]) else { return 1 }
        var n = 2
        while n <= needed && i + n < count && buffer[i + n] & 0xC0 == 0x80 { n += 1 }
        return n
    }

    /// The length of the well-formed UTF-8 sequence starting at `i`, or 0.
    func utf8SequenceLength(at i: Int) -> Int {
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
}
