import DialogMatching
import DialogModel

// A trainee's line read against the training module's rubric.
extension Recognizer {
    /// What a trainee's line does to the rubric: each item it meets or breaks, by its
    /// index in the rubric, with the phrase that did it (the first for each item).
    ///
    /// Every occurrence is read as a statement (`AdviceReading`). A move is met by a
    /// `match` phrase said as advice, or an `against` phrase negated or dismissed ("don't
    /// do it alone"); a `match` phrase negated or dismissed ("he doesn't need 911")
    /// breaks a critical move and does nothing for another; one in an "if" clause does
    /// nothing. An `against` phrase said as advice breaks a critical move ("you can cancel
    /// the ambulance"). A must-not is broken by a phrase said as advice (not negated, taken
    /// back, quoted, told back, supposed in an "if" clause, or a label refused), by one of
    /// its `words` however said unless quoted or refused, and by whatever its `detect`
    /// readers find, negated or not. An `unless` phrase of the item's own that overlaps an
    /// occurrence cancels it. Breaking wins over meeting in one line.
    func rubricEffects(of text: NormalizedText) -> [RubricEffect] {
        guard !bundle.rubric.isEmpty else { return [] }
        var cancelled: [Int: [Range<Int>]] = [:]
        for hit in rubricUnlessSet.hits(in: text) { cancelled[hit.id, default: []].append(hit.match.words) }
        var effects: [Int: RubricEffect] = [:]
        func record(_ index: Int, _ phrase: String, breaks: Bool) {
            if let known = effects[index], known.breaks || !breaks { return }
            effects[index] = RubricEffect(index: index, phrase: phrase, breaks: breaks)
        }
        for hit in rubricAvoidSet.hits(in: text) {
            if cancelled[hit.id]?.contains(where: { $0.overlaps(hit.match.words) }) == true { continue }
            // Said as advice, not refused ("don't drink to sleep") nor taken back ("a beer
            // to sleep is not a good idea"), nor only supposed ("if you drink to sleep…").
            if AdviceReading.isHypothetical(hit.match.words.lowerBound..<hit.match.lastWord + 1, in: text)
                || AdviceReading.refusesLabel(hit.match.words, in: text)
            {
                continue
            }
            let reading = AdviceReading.of(hit.match.words, in: text)
            // (A rhetorical "why not …?" suggests: AdviceReading reads it as advice.)
            let negated = hit.match.isNegated && !(hit.match.negatedBy.map { $0 > 0 && text.words[$0 - 1].text == "why" } ?? false)
            if !negated, reading == .affirmed {
                record(hit.id, hit.match.phrase, breaks: true)
            }
        }
        // Words never to use count negated too; quoted or reported they are only mentioned.
        for hit in rubricWordsSet.hits(in: text)
        where !AdviceReading.isMentioned(hit.match.words, in: text) && !AdviceReading.refusesLabel(hit.match.words, in: text) {
            record(hit.id, hit.match.phrase, breaks: true)
        }
        for hit in rubricSet.hits(in: text) {
            if cancelled[hit.id]?.contains(where: { $0.overlaps(hit.match.words) }) == true { continue }
            let item = bundle.rubric[hit.id]
            var reading = AdviceReading.of(hit.match.words, in: text)
            // A negation in a phrase's gap negates it: "tolerance won't have dropped".
            if reading == .affirmed, let cue = hit.match.negatedBy, hit.match.words.contains(cue) { reading = .negated }
            switch reading {
            case .affirmed: record(hit.id, hit.match.phrase, breaks: false)
            case .negated, .dismissed: if item.critical { record(hit.id, hit.match.phrase, breaks: true) }
            case .conditional: break
            }
        }
        for hit in rubricAgainstSet.hits(in: text) where !bundle.rubric[hit.id].avoid {
            if cancelled[hit.id]?.contains(where: { $0.overlaps(hit.match.words) }) == true { continue }
            switch AdviceReading.of(hit.match.words, in: text, urging: false) {
            case .negated, .dismissed: record(hit.id, hit.match.phrase, breaks: false)
            // What a critical move warns against, said as advice ("you can cancel the
            // ambulance"), contradicts it.
            case .affirmed: if bundle.rubric[hit.id].critical { record(hit.id, hit.match.phrase, breaks: true) }
            case .conditional: break
            }
        }
        // An amount quoted or told back ("I can't say 'take two'"), supposed, or taken back
        // ("half a tablet isn't something I can okay") is not given.
        if bundle.rubric.contains(where: { $0.avoid && $0.detect.contains(.amount) }),
            let words = AmountReading.firstAmount(in: text), !AdviceReading.isMentioned(words, in: text),
            !AdviceReading.isHypothetical(words, in: text, includingWhen: true), AdviceReading.of(words, in: text) != .dismissed
        {
            for (index, item) in bundle.rubric.enumerated() where item.avoid && item.detect.contains(.amount) {
                record(index, String(text.text(of: words)), breaks: true)
            }
        }
        return effects.keys.sorted().compactMap { effects[$0] }
    }
}
