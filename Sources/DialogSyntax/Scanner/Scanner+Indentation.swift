// Indentation and simple keys: the indentation stack that opens and closes block
// collections, and the scalars that may yet become mapping keys.

extension Scanner {
    /// Called before every token is handed out: the test that the reader is still on
    /// the line last checked is inlined, and the keys are only looked at when it is not.
    @inline(__always) func staleSimpleKeys() {
        // Keys are saved on the reader's line: until it moves on, none can go stale.
        if line != keysCheckedOnLine { dropStaleSimpleKeys() }
    }

    func dropStaleSimpleKeys() {
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

    func savePossibleSimpleKey() {
        let column = tokenIsFirstOnLine && flowLevel == 0 ? lineIndent : self.column
        let required = flowLevel == 0 && indent == column
        guard allowSimpleKey else { return }
        removePossibleSimpleKey()
        possibleSimpleKeys[flowLevel] = SimpleKey(
            tokenNumber: tokensTaken + tokens.count - head, required: required,
            mark: Mark(offset: pos, line: line, column: column),
            tabBefore: tokenIsFirstOnLine ? leadingTab : nil)
    }

    func removePossibleSimpleKey() {
        if let key = possibleSimpleKeys[flowLevel], key.required {
            report(SyntaxMessage.missingColon(SourceRange(at: key.mark.position)))
        }
        possibleSimpleKeys[flowLevel] = nil
    }

    func unwindIndent(_ column: Int, checkConsistency: Bool = false) {
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

    func addIndent(_ column: Int) -> Bool {
        guard indent < column else { return false }
        indents.append(indent)
        indent = column
        return true
    }

    func tooDeep() -> Bool {
        if flowLevel + indents.count >= maxDepth {
            report(SyntaxMessage.tooDeep(maxDepth, range(from: mark)))
            abort()
            return true
        }
        return false
    }
}
