/// How many problems one file reports. Past these, problems are counted and summed up in
/// one last diagnostic (IY023): a binary file given by mistake has a problem every few
/// bytes, and keeping each would cost memory and time in proportion to the file, for
/// messages nobody reads.
enum DiagnosticLimits {
    /// Invalid bytes and control characters, found before scanning.
    static let encodingProblems = 50
    /// All problems of the scanner, and those of the parser, each.
    static let problems = 100
}
