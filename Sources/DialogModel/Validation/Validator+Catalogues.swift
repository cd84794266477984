import DialogMatching
import DialogSyntax

// Catalogues and choices: symptoms, scales, resources and regions, menus and follow-ups.
extension Validator {
    mutating func checkCatalogues() {
        if !nodesInOrder.contains(where: { $0.expect == .symptoms }) {
            for symptom in bundle.symptoms {
                lint(ModelMessage.unusedSymptom(symptom.id, symptom.range), in: symptom.file)
            }
        }
        for scale in bundle.scales.values.sorted(by: { $0.id < $1.id }) where !scale.bands.isEmpty && !damage.scales.contains(scale.id) {
            let file = scale.file
            let lowest = scale.range.lowerBound * scale.items.count
            let bands = scale.bands.sorted { $0.range.lowerBound < $1.range.lowerBound }
            var expected = lowest
            func totals(_ lo: Int, _ hi: Int) -> String { lo == hi ? "the total \(lo)" : "totals \(lo)...\(hi)" }
            for band in bands {
                if band.range.lowerBound > expected {
                    report(ModelMessage.bandProblem("no band covers \(totals(expected, band.range.lowerBound - 1))", band.position), in: file)
                } else if band.range.lowerBound < expected && expected == lowest {
                    report(ModelMessage.bandProblem("band `\(band.label)` starts below the lowest total, \(lowest)", band.position), in: file)
                } else if band.range.lowerBound < expected {
                    report(ModelMessage.bandProblem("band `\(band.label)` overlaps the band before it", band.position), in: file)
                }
                expected = max(expected, band.range.upperBound + 1)
            }
            if expected <= scale.maximum, let last = bands.last {
                report(ModelMessage.bandProblem("no band covers \(totals(expected, scale.maximum))", last.position), in: file)
            } else if let last = bands.last, last.range.upperBound > scale.maximum {
                report(ModelMessage.bandProblem("band `\(last.label)` goes past the highest total, \(scale.maximum)", last.position), in: file)
            }
        }
    }

    mutating func checkChoices() {
        for node in nodesInOrder {
            // Programs and tests name a choice by its id: one id, one choice.
            var ids: [String: SourceRange] = [:]
            for choice in node.choices {
                let at = choice.writtenID?.range ?? choice.range
                if let first = ids[choice.id] {
                    report(ModelMessage.sharedChoiceID(choice.id, at, first: first), in: node.id.file)
                } else {
                    ids[choice.id] = at
                }
            }
            var seen: [String: SourceRange] = [:]
            for choice in node.choices {
                var mine = Set<String>()
                for phrase in choice.match {
                    let key = PhrasePattern.key(phrase.text)
                    guard mine.insert(key).inserted else { continue }
                    if let first = seen[key] {
                        report(ModelMessage.sharedPhrase(phrase.text, phrase.range, first: first), in: node.id.file)
                    } else {
                        seen[key] = phrase.range
                    }
                }
            }
        }
    }

    /// Each of an intent's `follow-ups:` is a choice of its node, by id (a choice's id is
    /// its `id:`, else the full id of the node it leads to; a bare name is read in the
    /// node's file).
    mutating func checkFollowUps() {
        for intent in bundle.intents where !intent.followUps.isEmpty {
            guard let node = bundle.nodes[intent.goto.target] else { continue }
            let ids = node.choices.map(\.id)
            for written in intent.followUps where !ids.contains(written.value) && !ids.contains(NodeID(written.value, in: node.id.file).description) {
                // A bare name is compared with the bare names of choices in the node's file.
                let prefix = node.id.file + "."
                let names = written.value.contains(".") ? ids : ids.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
                let hint =
                    Suggestion.closest(to: written.value, among: names).map { "did you mean `\($0)`?" }
                    ?? (ids.isEmpty ? "node `\(node.id)` has no choices" : "one of " + ids.map { "`\($0)`" }.joined(separator: ", "))
                report(
                    ModelMessage.invalidValue("`follow-ups` names no choice of node `\(node.id)`: `\(written.value)`", written.range, hint: hint),
                    in: intent.file)
            }
        }
    }
}
