/// What a trainee's line did to a rubric item (`Recognizer.rubricEffects(of:)`).
struct RubricEffect: Sendable, Equatable {
    /// The item's index in the rubric.
    var index: Int
    /// The phrase that did it, or the words a `detect` reader found.
    var phrase: String
    /// Whether the line broke the item (a must-not said, a critical move dismissed).
    var breaks: Bool
}

/// What the trainee's lines have done to one rubric item so far: the first line that
/// made the move and the first that broke the item, each with its phrase. A broken item
/// stays broken for the rest of the role-play, even when the move is made later.
struct RubricMark: Sendable, Equatable {
    struct Said: Sendable, Equatable {
        var line: String
        var phrase: String
    }

    var met: Said?
    var broken: Said?

    /// Records a line's effect, keeping the first line of each kind.
    mutating func note(_ effect: RubricEffect, line: String) {
        let said = Said(line: line, phrase: effect.phrase)
        if effect.breaks {
            if broken == nil { broken = said }
        } else if met == nil {
            met = said
        }
    }
}
