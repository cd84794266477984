import DialogMatching
import DialogSyntax

extension Validator {
    /// How alike an example and another intent's example are, at least, to be reported.
    static let collision = 0.7

    /// Topic intents' `examples:` as the engine ranks them: an example shared by two
    /// intents (IC034), and one that, left out, reads as nearly the same question as
    /// another intent's example and clearly less like its own intent's (IC033): a line
    /// worded like it but not quite the same goes to the other topic.
    ///
    /// Both are warnings for authors, which a session never shows: a session's load
    /// (without `comparesExamples`) leaves the examples alone, as reading every example
    /// costs a fifth of a chat's start.
    mutating func checkExamples() {
        let topics = bundle.intents.filter { $0.crisis == nil && !$0.examples.isEmpty }
        guard comparesExamples, !topics.isEmpty else { return }
        let concepts = Dictionary(bundle.concepts.map { ($0.name, $0.phrases.map(\.text)) }, uniquingKeysWith: +)
        let index = ExampleIndex(topics.map { (id: $0.id, examples: $0.examples.map(\.text)) }, concepts: concepts)
        // Each example as the matcher reads it, once.
        let keys = topics.map { $0.examples.map { PhrasePattern.key($0.text) } }
        var firstSaid: [String: (intent: String, range: SourceRange)] = [:]
        // Examples under two intents or more are reported as shared, not also as alike.
        var intentsSaying: [String: Set<String>] = [:]
        for (intent, keys) in zip(topics, keys) { for key in keys { intentsSaying[key, default: []].insert(intent.id) } }
        for (intent, keys) in zip(topics, keys) {
            for (example, key) in zip(intent.examples, keys) {
                if let first = firstSaid[key] {
                    if first.intent != intent.id {
                        lint(
                            ModelMessage.sharedExample(example.text, (first.intent, intent.id), example.range, first: first.range),
                            in: intent.file)
                    }
                    continue
                }
                firstSaid[key] = (intent.id, example.range)
                guard intentsSaying[key]?.count == 1 else { continue }
                let hits = index.rank(NormalizedText(example.text), skipping: example.text, sharedWords: false)
                guard let best = hits.first, best.id != intent.id else { continue }
                let own = hits.first { $0.id == intent.id }?.score ?? 0
                // Clearly so: nearly the same words as the other's example, and closer to
                // it by more than the margin of a close call. (An example unlike its
                // siblings is no mistake: it is the wording the others miss.)
                if best.cosine >= Self.collision, best.score > own + bundle.questionThresholds.margin {
                    lint(
                        ModelMessage.exampleReadsAsAnother(example.text, of: intent.id, reads: best.id, like: best.example, example.range),
                        in: intent.file)
                }
            }
        }
    }
}
