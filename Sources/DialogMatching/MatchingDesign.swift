// The matching layer: a design note for the next contributor.
//
// Everything here is pure: no I/O, no clock, no randomness, no global state. Every
// function is linear in the length of the line (a megabyte line, a line of control
// bytes, a word of 100 KB), and none traps on any input.
//
// The pipeline, for one line:
//
//   String ─▶ NormalizedText ─────────────▶ PhraseSet / PhrasePattern ─▶ PhraseMatch
//             words (TextNormalizer:          whole words, in a row,        words, range,
//             case, diacritics,               each exact, by stem           score, negatedBy
//             apostrophes, contractions;      (Stemmer) or one typo
//             sentences, clauses)             (Typo) apart
//             scopes (TextScopes: lexical
//             clauses, negation reach)
//
//   A phrase is compiled into parts (PatternParts: words, gaps, choices between
//   sequences for `~concept` and `[optional]`) and matched as written: a PhraseSet
//   anchors each phrase at its rarest part and PatternWalk goes forward from there to
//   the end of the phrase, then back to its start. Never expand concepts to match: the
//   shipped crisis phrases stand for some 31,000 plain phrases.
//
//   CrisisDetector  = a PhraseSet of crisis phrases + the context lists of CrisisLexicon
//   YesNo, Ordinals = small readers over NormalizedText
//
// Build a NormalizedText once per line and pass it to every reader. Build a PhraseSet
// once per list of phrases (per bundle, per node) and reuse it: it indexes its phrases
// by their first word, so matching costs a few dictionary look-ups per word.
//
// Choices made, and why:
// - Whole words only. Substrings are how "good" finds "od" and "diet" finds "die".
// - Stems compare whole words too: the stemmer is deliberately light (plurals, -ed, -ing,
//   -ly, final e), with an irregular table for the verbs the content needs (took/taken,
//   could/can, would/will, was/is). "diet" never stems to "die".
// - One typo on words of five letters or more, first letter kept: people misspell
//   "suicidal" and "overdose" when it matters most, but "painting" is not "fainting".
// - A longer phrase beats a shorter one; then more exact words; then fewer typos. Equal
//   scores are a tie, and a tie is the caller's cue to ask which was meant.
// - Negation reaches to the end of its clause (punctuation, "but", "and I…", a new
//   subject in run-on text), at most eight words. A phrase that carries its own cue
//   ("can't sleep", "not breathing") is never negated: it means what it says.
// - In a crisis, doubt favours the numbers: a negated, past, asked-about or `unless`
//   occurrence still gets `resources`; only figures of speech, matched exactly, cancel.
//   Recent times ("last night", "yesterday") and "since", "still", "now" keep a crisis
//   current.
//
// Known limits: negation after the fact ("vomiting? no") is not read; a comma ends a
// negation even inside a list ("no cramps, vomiting or diarrhea" denies cramps only);
// stemming and typos are for English in Latin letters (other scripts match exactly);
// diacritics beyond Latin-1 and Latin Extended-A fold only when typed decomposed.
