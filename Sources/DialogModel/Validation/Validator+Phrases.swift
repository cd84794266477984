import DialogMatching
import DialogSyntax

// Phrases: concepts and patterns compile, rubric phrases, and the safety rules of
// intake bundles (crisis intents present, no phrase shadowed by a crisis phrase).
extension Validator {
    /// Every concept compiles, and so does every phrase that uses one (IC029–IC032).
    mutating func checkConcepts() {
        let table = ConceptTable(bundle: bundle)
        let mine = Set(bundle.concepts.map(\.name))
        var reported = Set<String>()
        // A concept named but not defined may be in a file that could not be read.
        func unreadMayDefine(_ problem: ConceptTable.Problem) -> Bool {
            if case .unknownConcept = problem { damage.hides(.concepts) } else { false }
        }
        for (name, problem) in table.problems() where mine.contains(name) && !reported.contains(name) && !unreadMayDefine(problem) {
            guard let concept = bundle.concepts.first(where: { $0.name == name }) else { continue }
            reported.insert(name)
            // A cycle is reported once, at its first concept.
            if case .circular(let names) = problem { reported.formUnion(names) }
            report(ModelMessage.conceptProblem(problem, concept.range), in: concept.file)
        }
        func check(_ phrases: [Phrase], _ file: String) {
            for phrase in phrases where ConceptTable.isPattern(phrase.text) || phrase.text.contains("...") {
                do {
                    if !(try table.pattern(phrase.text)).canMatch {
                        report(ModelMessage.conceptProblem(.invalidPattern("the phrase can stand for no words at all"), phrase.range), in: file)
                    }
                } catch {
                    // A concept already reported is not reported again at each use.
                    if case .circular(let names) = error, names.contains(where: reported.contains) { continue }
                    if unreadMayDefine(error) { continue }
                    report(ModelMessage.conceptProblem(error, phrase.range), in: file)
                }
            }
        }
        for intent in bundle.intents { check(intent.match + intent.unless, intent.file) }
        for node in nodesInOrder {
            for choice in node.choices { check(choice.match, node.id.file) }
            for route in node.routes { check(route.match, node.id.file) }
        }
        for symptom in bundle.symptoms { check(symptom.synonyms + symptom.absent, symptom.file) }
        for item in bundle.rubric { check(item.match + item.unless + item.against + item.words, item.file) }
    }

    // MARK: - Rubric

    /// A rubric reads a trainee's lines: only training bundles have one. Within an item,
    /// a phrase both matched and cancelled by `unless` could never count.
    mutating func checkRubric() {
        if bundle.kind == .intake, let first = bundle.rubric.first {
            report(ModelMessage.rubricOutsideTraining(first.range), in: first.file)
        }
        for item in bundle.rubric {
            let unless = item.unless.map { PhrasePattern.key($0.text) }
            for phrase in item.match where unless.contains(PhrasePattern.key(phrase.text)) {
                report(ModelMessage.rubricPhraseCancelled(phrase.text, item: item.id, phrase.range), in: item.file)
            }
        }
    }

    // MARK: - Safety

    mutating func checkSafety() {
        let kinds = Set(bundle.intents.compactMap(\.crisis))
        let at = startReference?.range ?? SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))
        // A crisis intent that could not be read is not reported missing as well.
        for kind in CrisisKind.required where !kinds.contains(kind) && !damage.crisisKinds.contains(kind) && !damage.anyCrisis {
            diagnostics.append(BundleDiagnostic(path: startPath ?? "", diagnostic: ModelMessage.noCrisisIntent(kind, at)))
        }
        // A phrase elsewhere that contains a crisis phrase can never be reached by it:
        // the crisis intent matches first, on every turn.
        let crisis = bundle.intents.filter { $0.crisis != nil }.flatMap { i in i.match.map { (i.id, PhrasePattern.stems($0.text)) } }
        // The crisis phrases by their first word, so a phrase is compared only with those
        // that can start at one of its words, not with every crisis phrase.
        var byFirstWord: [String: [Int]] = [:]
        for (k, c) in crisis.enumerated() {
            if let first = c.1.first { byFirstWord[first, default: []].append(k) }
        }
        func check(_ phrase: Phrase, _ file: String) {
            let words = PhrasePattern.stems(phrase.text)
            // The first crisis phrase, in the intents' order, that the phrase contains.
            var found: Int?
            for i in words.indices {
                for k in byFirstWord[words[i]] ?? [] where k < (found ?? .max) && words[i...].starts(with: crisis[k].1) {
                    found = k
                }
            }
            if let k = found {
                report(ModelMessage.shadowedByCrisis(phrase.text, intent: crisis[k].0, phrase.range), in: file)
            }
        }
        for node in nodesInOrder {
            for phrase in node.choices.flatMap(\.match) + node.routes.flatMap(\.match) { check(phrase, node.id.file) }
        }
        // Topic intents are left out on purpose: a question about a crisis ("what are
        // the signs of an overdose?") is answered by its topic, with the emergency numbers
        // shown, when the crisis detector reads the line as a question.
    }
}
