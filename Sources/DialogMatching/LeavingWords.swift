/// Lines that say the person wants to leave the conversation ("I want to quit", "I'm
/// done", "stop"), read as the whole line: words that carry on ("quit using", "stop
/// taking it", "I'm done with heroin") make it something else. The session asks before
/// it ends, because "I want to quit" may be about opioids, not the chat.
package enum LeavingWords {
    /// Whether `line` says only that the person wants to leave.
    package static func isLeaving(_ line: String) -> Bool {
        var words = tokens(line)
        while let first = words.first, leadingFillers.contains(first) { words.removeFirst() }
        while let last = words.last, trailingFillers.contains(last) { words.removeLast() }
        guard !words.isEmpty, words.count <= 8 else { return false }
        return lines.contains(words.joined(separator: " "))
    }

    /// Lowercased words of letters and digits; an apostrophe joins ("i'm" is "im").
    static func tokens(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        for c in line.lowercased() {
            if c == "'" || c == "’" { continue }
            if c.isLetter || c.isNumber {
                word.append(folded[c] ?? c)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    private static let folded: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n"]

    private static let leadingFillers: Set<String> = [
        "ok", "okay", "k", "well", "um", "so", "alright", "thanks", "thank", "you",
        "no", "nah", "i", "think", "just", "ya", "bueno", "gracias", "pues",
    ]
    private static let trailingFillers: Set<String> = [
        "now", "please", "pls", "plz", "thanks", "thank", "you", "thx", "ty",
        "for", "today", "tonight", "then", "here", "bye", "gracias", "ya", "lol",
    ]

    /// The lines, after the fillers around them are taken off ("no more questions" is
    /// "more questions" by then). Nothing that could be despair ("end it", "it's over",
    /// "let me go"): those are the crisis detector's, which reads every line first.
    private static let lines: Set<String> = [
        "quit", "exit", "stop", "leave", "end", "close", "done", "finished", "bye", "goodbye", "good bye", "cya", "later",
        "want to quit", "wanna quit", "want to leave", "wanna leave", "want to stop", "wanna stop", "want to exit",
        "want to go", "wanna go", "want out", "have to go", "gotta go", "got to go", "need to go", "must go", "ill go",
        "am done", "im done", "am finished", "im finished", "that is all", "thats all", "thats it",
        "that is it", "nothing else", "more", "more questions", "thats enough", "enough",
        "end this", "end chat", "end the chat", "end this chat", "end the conversation", "end this conversation",
        "stop this", "stop the chat", "stop chatting", "stop talking", "close this", "close the chat", "quit this",
        "quit the chat", "quit chat", "exit chat", "exit the chat", "leave the chat", "leave this", "log off", "log out",
        "sign off", "let me leave", "let me out", "get me out", "get me out of here", "how do i leave",
        "how do i quit", "how do i exit", "how do i stop this", "how do i end this", "can i leave", "can i go",
        "can i quit", "can i stop", "can go", "see you", "see ya", "talk later", "talk to you later", "ttyl",
        "me voy", "adios", "salir", "quiero salir", "ya termine", "termine", "terminar", "ya me voy", "hasta luego",
        "chao", "chau",
    ]
}
