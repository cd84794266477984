// Features outside the subset (directives, explicit keys, tags, anchors and aliases):
// reported once each and skipped, so that the rest of the document is still read.

extension Scanner {
    func skipDirective() {
        let start = mark
        while !atEnd && byte() != .lf && byte() != .cr { forward() }
        report(
            SyntaxMessage.unsupported(
                "directives (`%YAML`, `%TAG`)", range(from: start),
                hint: "delete the directive line; the dialog language needs none"))
        tokenIsFirstOnLine = false
    }

    func skipExplicitKey() {
        let start = mark
        forward()
        report(
            SyntaxMessage.unsupported(
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

    func skipProperty(anchor: Bool) {
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

    func fetchAlias() {
        savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        forward()
        while !isBlankOrEnd(byte()) && !isFlowIndicator(byte()) { forward() }
        report(
            SyntaxMessage.unsupported(
                "aliases (`*name`)", range(from: start), hint: "repeat the content instead of referring to an anchor"))
        // Stands in for the missing node, so the structure around it still reads.
        tokens.append(Token(kind: .scalar, start: start, end: mark, text: "", style: .plain))
        tokenIsFirstOnLine = false
    }
}
