import DialogMatching

/// What the recognizer read in lines it has seen, kept for a run that types the same
/// line at many places (`intake eval` types each labelled line at every node that waits
/// for input). Both readings are pure functions of a line's text, so a kept one is the
/// one a fresh reading would give.
///
/// Only a run over labelled lines keeps them: a chat or a server must not keep what
/// people type, so ``CompiledBundle/init(_:)`` keeps nothing.
final class LineReadings: Sendable {
    /// `Recognizer.crisis(in:)`, by the line as given.
    let crisis = Memo<String, CrisisFinding?>()
    /// `Recognizer.topicReading(in:)`, by the line as given.
    let topics = Memo<String, Recognizer.TopicReading>()
}
