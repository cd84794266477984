/// Matches the parts of a phrase against a line in one direction, from one word,
/// trying every alternative of its concepts and optional words.
///
/// A phrase set anchors a phrase at one of its parts (`PhraseSet`): the walk goes
/// forward from the anchor to the end of the phrase, then backward from each outcome to
/// its start. Every outcome is kept (`outcomes`); the caller keeps the best of those
/// that cover the same words. A word after a gap is taken at the first place from
/// which the rest of the phrase matches: as few words skipped as can be.
struct PatternWalk {
    /// Where a walk stands in one sequence of parts.
    struct Frame {
        var parts: [PatternPart]
        /// The next part, in the walk's direction.
        var index: Int
        /// The index past the last part, in the walk's direction (`count` or -1).
        var stop: Int
    }

    /// What a walk has matched so far.
    struct State {
        /// The next word of the line to compare.
        var position: Int
        /// How many words a gap lets the next word skip.
        var pending = 0
        /// Whether a gap counts here: only between words of the phrase.
        var gapsOpen: Bool
        var exact = 0
        var stemmed = 0
        var typos = 0
        /// The first and last words of the line matched.
        var low: Int?
        var high: Int?
        /// A negation cue among the words a gap skipped ("eyes are not watering").
        var gapCue: Int?
        /// The words the gaps skipped, from the first to the last (nil when none was).
        var gapWords: Range<Int>?
        var selfNegated = false
        /// The first word of the phrase, in the phrase's order, that matched.
        var firstWord: String?
        /// The phrase's words as written, in the phrase's order (when `showing`).
        var shown: [String] = []

        init(position: Int, gapsOpen: Bool) {
            self.position = position
            self.gapsOpen = gapsOpen
        }
    }

    /// Enough for any phrase a person writes; a pathological pattern stops here.
    static let maximumOutcomes = 64

    let text: NormalizedText
    /// Every word matched is in this sentence.
    let sentence: Int
    let minimumQuality: MatchQuality
    /// 1 forward, -1 backward.
    let step: Int
    /// Whether to keep the words of the phrase that matched (for `PhraseMatch.phrase`).
    let showing: Bool
    var outcomes: [State] = []

    init(text: NormalizedText, sentence: Int, minimumQuality: MatchQuality, step: Int, showing: Bool) {
        self.text = text
        self.sentence = sentence
        self.minimumQuality = minimumQuality
        self.step = step
        self.showing = showing
    }

    mutating func walk(_ frames: inout [Frame], _ state: State) {
        guard outcomes.count < Self.maximumOutcomes else { return }
        guard let top = frames.indices.last else {
            outcomes.append(state)
            return
        }
        let frame = frames[top]
        if frame.index == frame.stop {
            frames.removeLast()
            walk(&frames, state)
            frames.append(frame)
            return
        }
        frames[top].index += step
        defer { frames[top].index -= step }
        switch frame.parts[frame.index] {
        case .gap:
            var next = state
            if state.gapsOpen {
                next.pending = PhrasePattern.maximumGap
                if showing { show("...", in: &next) }
            }
            walk(&frames, next)
        case .word(let word):
            matchWord(&frames, state, word: word) { WordMatch.compare($0, word.word) }
        case .number:
            matchWord(&frames, state, word: nil) { PatternParts.isNumber($0) ? .exact : nil }
        case .either(let alternatives):
            let index = step > 0 ? alternatives.byFirstWord : alternatives.byLastWord
            if index.triesAll {
                for sequence in alternatives.sequences { walk(into: sequence, &frames, state) }
            } else {
                for i in candidates(index, state) { walk(into: alternatives.sequences[i], &frames, state) }
            }
            if alternatives.isOptional { walk(&frames, state) }
        }
    }

    private mutating func walk(into sequence: [PatternPart], _ frames: inout [Frame], _ state: State) {
        frames.append(Frame(parts: sequence, index: step > 0 ? 0 : sequence.count - 1, stop: step > 0 ? sequence.count : -1))
        walk(&frames, state)
        frames.removeLast()
    }

    /// The sequences of an indexed part that may begin (in the walk's direction) at the
    /// walk's position or at a place a pending gap reaches, in their order.
    private func candidates(_ index: SequenceIndex, _ state: State) -> [Int] {
        var out = index.unindexed
        var at = state.position
        for _ in 0...state.pending {
            guard at >= 0, at < text.words.count, text.words[at].sentence == sentence else { break }
            index.add(text.words[at], to: &out)
            at += step
        }
        guard out.count > 1 else { return out }
        out.sort()
        var unique: [Int] = []
        unique.reserveCapacity(out.count)
        for i in out where unique.last != i { unique.append(i) }
        return unique
    }

    /// The word at the walk's position, or after up to `pending` skipped words, that
    /// `fits` accepts: a word of the phrase (`word`), or a number (`word` nil).
    private mutating func matchWord(_ frames: inout [Frame], _ state: State, word: PatternWord?, fits: (Word) -> MatchQuality?) {
        var at = state.position
        var skipped = 0
        while at >= 0, at < text.words.count, text.words[at].sentence == sentence {
            if let quality = fits(text.words[at]), quality >= minimumQuality {
                var next = state
                switch quality {
                case .exact: next.exact += 1
                case .stemmed: next.stemmed += 1
                case .typo: next.typos += 1
                }
                if skipped > 0 {
                    let gap = step > 0 ? (at - skipped)..<at : (at + 1)..<(at + 1 + skipped)
                    if next.gapCue == nil { next.gapCue = gap.first(where: isNegating) }
                    next.gapWords = next.gapWords.map { min($0.lowerBound, gap.lowerBound)..<max($0.upperBound, gap.upperBound) } ?? gap
                }
                // A number stands for itself: it is shown, and is the phrase's word, as typed.
                let phraseWord = word?.word.text ?? text.words[at].text
                if step > 0 {
                    if next.low == nil { next.low = at }
                    next.high = at
                    if next.firstWord == nil { next.firstWord = phraseWord }
                } else {
                    next.low = at
                    if next.high == nil { next.high = at }
                    next.firstWord = phraseWord
                }
                if word?.isNegationCue == true { next.selfNegated = true }
                if showing, let display = word.map({ $0.display }) ?? phraseWord { show(display, in: &next) }
                next.position = at + step
                next.pending = 0
                next.gapsOpen = true
                let before = outcomes.count
                walk(&frames, next)
                // The fewest words skipped that lead to a whole occurrence; when the rest
                // of the phrase fails here ("are" is "be" by stem in "eyes are not be
                // alive"), a later place may do.
                if outcomes.count > before { return }
            }
            if skipped >= state.pending { return }
            skipped += 1
            at += step
        }
    }

    private func show(_ shown: String, in state: inout State) {
        if step > 0 { state.shown.append(shown) } else { state.shown.insert(shown, at: 0) }
    }

    /// Whether word `i` negates what a gap joins: "won't stop running" affirms, so a
    /// negated "stop" is no negation.
    private func isNegating(_ i: Int) -> Bool {
        Lexicon.negationCues.contains(text.words[i].text)
            && !(i + 1 < text.words.count && Lexicon.negationStoppers.contains(text.words[i + 1].text))
    }
}
