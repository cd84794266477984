import DialogSyntax

/// What one file of a bundle contributes: its settings and the entries of its sections.
struct FileSections {
    /// Each setting's value, where the value is, and where its key is.
    var settings: [String: (value: String, range: SourceRange, keyRange: SourceRange)] = [:]
    var nodes: [DialogNode] = []
    var intents: [Intent] = []
    var symptoms: [Symptom] = []
    var scales: [Scale] = []
    var regions: [Region] = []
    var resources: [Resource] = []
    var sources: [SourceEntry] = []
    var rubric: [RubricItem] = []
    var concepts: [Concept] = []
    /// `topic:`: what the file is about, as the summary names it.
    var topic: String?
    /// `flags:`: the words a person reads for each flag id.
    var flagLabels: [(id: String, label: String, range: SourceRange)] = []
    /// `readability:`: the limits of `intake check --readability`, and where the key is.
    var readability: (limits: ReadabilityLimits, keyRange: SourceRange)?
    /// What could not be read, so the checks across files stay quiet about it.
    var damage = Damage()
}

/// One file of a bundle, read and decoded: what the assembler merges.
struct DecodedFile {
    /// The path as the loader was given it.
    var path: String
    /// The name without `.yaml`: the first part of the file's node ids.
    var fileName: String
    var sections: FileSections
}
