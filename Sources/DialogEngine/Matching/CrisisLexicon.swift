import DialogMatching

/// The phrase lists the crisis detector reads a crisis phrase's context with. They are
/// part of the safety design (DESIGN.md, "Crisis handling"): change them with a test.
public enum CrisisLexicon {
    /// Figures of speech. An occurrence of a crisis phrase that one of these overlaps is
    /// not a crisis at all ("this withdrawal is killing me", "dead tired", "dying for
    /// sleep", "I could kill for a coffee"). They match exactly — no stemming, no typo —
    /// so that "kill me" is never read as "killing me".
    public static let figurative: [String] = [
        // The ending of a sad or embarrassing thing: "that movie was so sad i wanted to die".
        "movie was so sad i wanted to die", "show was so sad i wanted to die", "book was so sad i wanted to die",
        "ending was so sad i wanted to die", "episode was so sad i wanted to die", "song was so sad i wanted to die",
        "so embarrassed i wanted to die", "so embarrassing i wanted to die", "so cringe i wanted to die",
        "killing me", "kill for", "killing it", "kill time", "killing time", "kill the pain",
        "killer headache", "dead tired", "dead on my feet", "dead to the world", "dead beat", "dead serious",
        "dead end", "dying for", "dying to", "dying of boredom", "die of boredom", "died of boredom", "dying laughing", "died laughing",
        "bored to death", "scared to death", "sick to death", "to die for", "die of embarrassment",
        "over my dead body", "phone died", "phone is dead", "battery died", "battery is dead", "drop dead",
        "jumping out of my skin", "jump out of my skin", "crawl out of my skin", "crawling out of my skin",
        "stroke of luck", "blue in the face", "sleep mode", "wake up till", "wake up until", "blue raspberry",
        // Idioms whose danger word means something else; none of them can say a crisis.
        "killed it", "kills it", "kill it", "killed time", "kills time", "kill some time", "killer deal",
        "killer app", "kill two birds", "dressed to kill", "kill the vibe", "killed the vibe", "killed the mood",
        "kill the mood", "the suspense is killing", "would kill for", "could kill for", "dead set", "dead in the water",
        "dead wrong", "dead last", "dead quiet", "dead silent", "dead center", "dead heat", "dead giveaway",
        "dead weight", "dead ringer", "dead of night", "dead of winter", "dead air", "dead zone", "dead to me",
        "beating a dead horse", "flogging a dead horse", "knock them dead", "dead certain", "dead sure", "dead easy",
        "dead funny", "stopped dead", "wouldn't be caught dead", "would not be caught dead", "the death of me",
        "worried to death", "freezing to death", "freezing my", "death metal", "death stare", "death grip",
        "sudden death", "dying to know", "dying to see", "dying to try", "dying to meet", "die hard", "diehard",
        "do or die", "never say die", "died down", "dies down", "dying down", "die down", "old habits die hard",
        "blood test", "blood tests", "blood work", "bloodwork", "blood drawn", "blood draw", "blood pressure",
        "blood sugar", "blood type", "blood donation", "donate blood", "gave blood", "give blood", "bloodbath",
        "blood bath", "bad blood", "blood orange", "makes my blood boil", "made my blood boil", "ears bleed",
        "ears are bleeding", "ears were bleeding", "feeling blue", "out of the blue", "once in a blue moon",
        "blue jeans", "blue sky", "blue skies", "navy blue", "baby blue", "blue shirt", "blue hair", "dyed blue",
        "hair blue", "blue cheese", "blue jays", "blue collar", "blue cross", "blue shield", "blue tooth", "bluetooth", "hanging in there",
        "hang in there", "hang out", "hanging out", "hung out", "hangs out", "hang up", "hung up", "hanging up",
        "hang tight", "hang of it", "hang around", "hanging around", "hang with", "hanging with", "hangover",
        "hung over", "jump start", "jump started", "jump rope", "jumping jacks", "jumped the gun", "jump the gun",
        "jump to conclusions", "jumping to conclusions", "jump at the chance", "bridge clinic", "bridge program",
        "bridge prescription", "bridge script", "the bridge clinic", "cross that bridge", "bridge the gap",
        "treatment plan", "taper plan", "care plan", "meal plan", "phone plan", "insurance plan", "payment plan",
        "game plan", "plan b", "choked up", "seize the day", "seize the moment", "seized the opportunity",
        "take a breather", "breathe easy", "breathing down my neck", "breath of fresh air",
        "take my breath away", "took my breath away", "pain in the neck", "highway robbery", "wake up call",
        "wake-up call", "scared straight", "scared of needles", "afraid of needles", "heart of gold",
        "heart to heart", "heart-to-heart", "change of heart", "by heart", "big heart", "bless your heart",
        "heartburn", "heart burn", "chest day", "blacked out the windows", "passed out flyers", "passed out the",
        "shot of espresso", "group shot", "flu shot", "booster shot", "covid shot", "vitamin shot", "b12 shot",
        "took a shot at", "give it a shot", "gave it a shot", "worth a shot", "long shot", "big shot", "mug shot",
    ]

    /// Figures of speech said of a thing, not a person: "my phone is dead", "the plant is
    /// dying", "the engine seized up", "the police seized his car". Only the words of
    /// `thingState` may stand between, so that a person named after the thing ("car
    /// crash, my brother died") is never read as a figure.
    public static let thingFigures: [String] = [
        "~thing [~thing_state] dead", "~thing [~thing_state] died", "~thing [~thing_state] dying",
        "~thing dies", "~thing [~thing_state] seized", "~thing seized up", "seized ~thing_owner ~thing",
        "kill the ~thing", "killed the ~thing", "~thing ... having a seizure", "~thing ... having a fit",
    ]

    /// What stands between a thing and how it died: "is", "went", "keeps", "just".
    public static let thingState: [String] = [
        "is", "was", "went", "just", "just went", "is totally", "is completely", "is pretty much", "is already",
        "was already", "finally", "finally went", "keeps", "kept", "has", "has been", "s", "is basically",
    ]

    /// Whose thing was seized: "his car", "the truck".
    public static let thingOwner: [String] = ["his", "her", "my", "their", "our", "your", "the", "a"]

    /// Things people say die, seize up or go dead: devices, machines, plants, lines and
    /// ventures. No person, animal or body part.
    public static let things: [String] = [
        "phone", "cell", "cellphone", "iphone", "android", "battery", "batteries", "laptop", "computer", "pc",
        "tablet", "ipad", "tv", "television", "wifi", "internet", "router", "modem", "signal", "connection", "app",
        "car", "truck", "van", "engine", "motor", "bike", "scooter", "charger", "printer", "fridge", "freezer",
        "microwave", "oven", "stove", "heater", "furnace", "ac", "fan", "washer", "dryer", "dishwasher", "lamp",
        "bulb", "lightbulb", "lights", "flashlight", "remote", "controller", "console", "xbox", "playstation",
        "headphones", "earbuds", "airpods", "speaker", "radio", "watch", "clock", "plant", "plants", "flowers",
        "garden", "lawn", "grass", "tree", "trees", "houseplant", "succulent", "cactus", "conversation", "chat",
        "party", "town", "mall", "vibe", "trend", "project", "joke", "meme", "channel", "show", "series", "team",
        "season", "league", "game", "line", "call", "voicemail", "pen", "generator", "mower", "coffee pot",
        "coffee maker", "coffeemaker", "kettle", "toaster", "blender", "vacuum", "keyboard", "mouse", "screen",
        "monitor", "hard drive", "camera", "doorbell", "thermostat", "website", "server", "account", "group chat",
        "jokes", "hopes", "dream", "dreams", "idea", "ideas", "deal", "business", "shop", "store",
    ]

    /// `figurative` and `thingFigures`, compiled: what both the crisis detector and the
    /// safety net read figures of speech with.
    public static let figures: [PhrasePattern] = {
        let table = ConceptTable(["thing": things, "thing_state": thingState, "thing_owner": thingOwner])
        // Each compiles (a test checks it); one that did not would stand for its words.
        return (figurative + thingFigures).map { (try? table.pattern($0)) ?? PhrasePattern($0) }
    }()

    /// Explicit earlier-time phrases. In the same clause as a crisis phrase, they make it
    /// history: `resources`, not `takeover` ("I overdosed last year", "I used to be
    /// suicidal"). Recent times are not here on purpose: "last night", "yesterday", "this
    /// morning", "an hour ago" are now, and so are the days of the last week ("last
    /// tuesday", "last weekend"): what began then may still be going on. Two rules go
    /// with the list: "before" at the end of a clause ("I've had seizures before") and
    /// "in" with a year ("in 2019").
    public static let past: [String] = [
        "last year", "last month", "last week", "last summer", "last winter", "last spring", "last fall",
        "last autumn", "years ago", "a year ago", "months ago", "a month ago", "weeks ago",
        "a week ago", "a long time ago", "long ago", "a while ago", "a while back", "years back",
        "in the past", "used to", "when i was younger", "when i was a kid", "when i was a teenager",
        "when i was young", "as a teenager", "as a kid", "in high school", "in college", "back then",
        "back in the day", "previously", "once before", "history of", "years earlier", "in my past",
        "summers ago", "winters ago", "springs ago", "christmases ago", "last time i quit", "last time i stopped",
        "last time i tried to quit", "last time i detoxed", "last time i came off", "last time i went through",
        "back in january", "back in february", "back in march", "back in april", "back in may", "back in june",
        "back in july", "back in august", "back in september", "back in october", "back in november",
        "back in december", "the time i", "that time i", "the time my", "that time my", "back when",
        "as a baby", "as a child", "when he was little", "when she was little", "when they were little",
        "when i was little", "when he was a kid", "when she was a kid", "when he was a baby", "when she was a baby",
        "when he was younger", "when she was younger", "when he was small", "when she was small", "as a toddler",
        "in my twenties", "in my teens", "in my thirties", "in my forties", "when i was ~number",
        "when he was ~number", "when she was ~number",
        "back in rehab", "back in detox", "back in school", "the last one was", "was in the hospital for",
        "in january", "in february", "in march", "in april", "in june", "in july", "in august", "in september",
        "in october", "in november", "in december", "months back", "weeks back", "a few months back",
        "a few years back", "el ano pasado", "el mes pasado", "la semana pasada", "el verano pasado", "hace anos",
        "hace un ano", "hace dos anos", "hace tres anos", "hace unos anos", "hace meses", "hace unos meses",
        "hace cuatro anos", "hace cinco anos", "hace seis anos", "hace diez anos", "hace varios anos",
        "hace mucho", "hace mucho tiempo", "hace tiempo", "hace un tiempo", "hace dos meses", "hace tres meses",
        "hace varios meses", "hace un mes", "hace semanas", "hace unas semanas", "el ano antepasado",
        "cuando era nino", "cuando era nina", "cuando era joven", "cuando era chico", "cuando era chica",
        "cuando era adolescente", "de adolescente", "de chico", "de chica", "en el pasado", "en la prepa",
        "en la secundaria", "en la universidad", "antes solia", "solia", "en ese entonces", "aquella vez",
        "la ultima vez que", "la vez que",
        "in my life", "in my lifetime", "over the years", "years since", "that was ... years ago", "over christmas", "at christmas", "over the holidays",
        "over thanksgiving", "over the summer", "over spring break",
        "last christmas", "last thanksgiving", "last easter", "last new year", "last new years", "last halloween",
        "last birthday", "the other year",
    ]

    /// Words after a figure's "for" that make it sincere: "to die for real", "dying for
    /// sure this time".
    public static let sincere: Set<String> = ["real", "reals", "realz", "sure", "good", "certain", "serious"]

    /// Units of time after a past phrase that make it recent: "in the past hour", "in the
    /// past few minutes", "over the last 24 hours" are now.
    public static let recentUnits: Set<String> = [
        "hour", "hours", "minute", "minutes", "min", "mins", "hr", "hrs", "few", "couple", "day", "night", "24", "half",
        "moment", "second", "seconds",
    ]

    /// A death told in the line: an overdose that ended in one is a loss, not an emergency
    /// now ("my girlfriend overdosed and passed away in may", "grief after losing a child to
    /// an overdose"). Its reader gets the numbers and the grief answer, not "give naloxone".
    /// Read word for word: "died" is no "die" ("i took all my baclofen so i can die").
    public static let deaths: [String] = [
        "died", "passed away", "passed on", "lost ~other to", "losing ~other to", "lost ~other from", "funeral",
        "grief", "grieve", "grieving", "grieves", "grieved", "bereaved", "bereavement", "in memory of", "memorial", "rest in peace",
        "his death", "her death", "their death", "murio", "fallecio",
        "perdi a", "perdimos a", "duelo", "su muerte", "velorio", "entierro",
        // A death named by its cause: "is that normal after an od death".
        "od death", "overdose death", "perder a", "perdida de",
    ]

    /// What makes a death told in the line a crisis now after all: it is happening, or
    /// the writer is not sure ("i think he died", "is she dead", "he almost died").
    public static let deathNow: [String] = [
        "right now", "just now", "just", "now", "tonight", "this morning", "minutes ago", "an hour ago", "what do i do",
        "what should i do", "911", "999", "ambulance", "cpr", "i think", "think he", "think she", "might", "may have",
        "maybe", "not sure", "is he", "is she", "if he", "if she", "dying", "almost died", "nearly died",
        "could have died", "would have died", "about to die", "going to die", "gonna die", "ahora", "ahorita",
        "creo que",
    ]

    /// Words that bring a past back to now: with one of these in its sentence, a crisis
    /// phrase stays a takeover whatever time phrase is there ("I used to want to die and
    /// I still do", "I overdosed last year and again today", "chest pain since last
    /// week"). The sentence, not the clause: when in doubt, take over.
    public static let present: [String] = [
        "now", "right now", "today", "tonight", "currently", "still", "again", "at the moment", "just", "since",
        "ever since",
        // A comparison with how things were is about now: "used way more than i used to".
        "than i used to", "than he used to", "than she used to", "than they used to", "than we used to",
    ]

    /// Uses of the words of `present` that speak of how things are since, not of the
    /// crisis happening again: "I still miss him", "she's OK now", "never again". A past
    /// crisis with one of these stays history (`resources`).
    public static let notNow: [String] =
        feelingsNow + [
            "still miss", "still worry", "still worried", "still think about", "still thinking about",
            "still remember", "still grieve", "still grieving", "still have nightmares", "still get nightmares",
            "still have flashbacks", "still blame", "still cry about", "still dream about", "never again",
            "better now", "great now", "doing great", "doing amazing", "doing really well", "doing better now", "doing well now", "ok now", "okay now", "fine now", "safe now",
            "clean now", "sober now", "in recovery now", "alive now", "recovered now", "ok since", "okay since",
            "fine since", "none since", "not since", "clean since", "still scares me", "still scary", "still shaken", "still shook", "still shaky about", "home now", "happen again",
            "just nervous", "just worried", "just scared", "just want to know", "still can not believe", "still get flashbacks",
            "here today", "alive today", "better place now", "doing ok now", "doing good now", "good now",
            "in rehab now", "rehab now", "stable now", "careful now", "not now", "much better now", "ya estoy mejor", "estoy mejor",
            // Again in the future, not again now: "I OD'd last year and now I'm scared to use again".
            "use again", "using again", "get high again", "pick up again", "relapse again", "drink again",
            "not in years", "have not in years", "not since then",
            // Another go at quitting, not the crisis again: "he had a seizure last christmas
            // and now he wants to quit again". Not "try again": after a past attempt, "I'm
            // going to try again" is the crisis now.
            "withdrawal again", "withdrawing again", "detox again", "detoxing again", "quit again", "quitting again",
            "now he wants to quit", "now she wants to quit", "now they want to quit", "now i want to quit",
            "now he is starting", "now she is starting", "now they are starting", "now i am starting",
            "in treatment now", "help others now", "refills now",
        ]

    /// "Now" with how someone feels or where they are since: "now I'm scared to use
    /// again", "now he's in rehab".
    static let feelingsNow: [String] = {
        let who = ["i am", "he is", "she is", "they are", "we are", "i have been", "i get", "i feel"]
        let how = [
            "scared", "worried", "terrified", "afraid", "nervous", "anxious", "paranoid", "frightened",
            "in rehab", "in treatment", "in recovery", "clean", "sober", "careful", "better", "fine", "ok", "okay",
        ]
        return who.flatMap { w in how.map { "now \(w) \($0)" } }
    }()

    /// What a question about a crisis, rather than a crisis, asks. A crisis phrase in a
    /// question (a sentence that ends with `?` or opens with a question word) with one of
    /// these in its clause is answered, with the emergency numbers shown: `resources`
    /// ("what are the signs of an overdose?"). A phrase that carries its own negation
    /// ("not breathing", "won't wake up") is never read as a question.
    public static let generalQuestion: [String] = [
        "signs", "symptoms", "look like", "what is a", "what is an", "what happens", "what causes",
        "how to tell", "how can you tell", "how do you tell", "how do you know", "how to recognise",
        "how to recognize", "how to spot", "risk", "prevent", "definition", "difference between", "how common",
        "how likely", "statistics", "can you overdose", "can you od", "can someone overdose", "can people overdose",
        "possible to overdose", "apart from", "tell apart", "tell the difference", "how many people", "each year",
        "every year", "per year", "how would i know", "how do i know", "how will i know", "sound like",
        "what does", "is it normal", "what should i say", "what should i do if", "can you have a", "can you get a",
        "what color", "possible to od", "antidote", "look for", "watch for", "watch out for", "spot",
        "how do i recognize", "how do i recognise", "side effect", "side effects", "causes", "is it possible",
        "possible to have", "possible to get", "can i", "should i", "dangerous", "is it bad", "safe", "what if",
        "what would happen", "how much is too much", "how many is too many", "too much is", "limit", "maximum",
        "lethal", "deadly", "fatal", "kill you", "can it kill", "is it normal to", "is it ok to", "is it okay to", "is it safe to", "recognize", "recognise", "identify",
        "signos", "sintomas", "como se si", "como saber si", "senales", "cuales son", "que pasa si", "como se ve",
        "que hay que hacer si", "que hago si", "que se hace si", "que debo hacer si", "como reconocer",
        "como saber cuando", "como puedo saber", "como se cuando", "es normal", "es peligroso", "puede causar",
        "puede matar", "cuanto es demasiado", "que tanto es demasiado", "cada cuanto",
        // Anyone, not someone in particular: "can taking a lot make you stop breathing".
        "make you", "makes you", "put you", "puts you", "cause you to", "can taking", "does taking", "would taking",
        "if you take", "if you took", "if someone takes", "if someone took", "if somebody takes", "if a person",
        "how much ... does it take", "how many ... does it take", "does it take to", "si alguien",
        "is it true", "you can overdose", "you can od", "warning signs",
    ]

    /// Verbs of taking that open a line whose "I" was left out: "took 3 strips of subs",
    /// "drank a bunch and then took my suboxone".
    static let takenWithoutSubject: Set<String> = [
        "took", "drank", "popped", "snorted", "smoked", "shot", "injected", "used", "mixed", "ate", "swallowed",
        "did", "chugged", "downed", "overdid", "just",
    ]
    /// Words that, in such a line, make the taking the writer's own.
    static let writersOwn: Set<String> = ["my", "feeling", "feel", "felt", "me"]

    /// Question words that, before `afterWhWord`, ask wherever they stand ("baclofen
    /// overdose how long does it last").
    static let whWords: Set<String> = ["what", "how", "why", "which"]
    static let afterWhWord: Set<String> = [
        "is", "are", "was", "were", "does", "do", "did", "would", "could", "can", "should", "will", "happens",
        "happened", "much", "many", "long", "often", "causes", "if",
    ]

    /// Words that name someone in particular: a question with one ("is he overdosing?",
    /// "what do I do") may tell of a crisis, so it is not asked in general
    /// (`CrisisDetector`). (Spanish "él" folds to "el", the article, and is left out.)
    static let particular: Set<String> = [
        "i", "me", "my", "myself", "mine", "we", "us", "our", "ours", "he", "him", "his", "himself", "she", "her",
        "hers", "herself", "this", "these", "yo", "mi", "mis", "ella", "nosotros",
    ]
    /// Words that make a question about a crisis one happening now: "what happens now",
    /// "can you help".
    static let urgent: Set<String> = [
        "now", "rn", "currently", "tonight", "today", "help", "please", "hurry", "quick", "quickly", "asap", "911",
        "999", "112", "ambulance", "already", "still", "ahora", "ayuda", "urgente",
    ]
    /// Pronouns that refer back, nobody in particular only after one of `anyone`.
    static let referringBack: Set<String> = ["they", "them", "their", "themselves"]
    static let anyone: Set<String> = ["someone", "somebody", "anyone", "anybody", "person", "people", "you"]

    /// Words of a short line typed like a search ("baclofen toxicity signs") that make it
    /// ask about a crisis rather than tell of one, when it names nobody.
    public static let searchNouns: Set<String> = [
        "signs", "sign", "symptoms", "symptom", "risk", "risks", "antidote", "treatment", "statistics", "definition",
        "effects", "facts", "info", "information", "signos", "sintomas", "senales",
    ]

    /// Articles and prepositions, which a search counts no word for ("signos de una
    /// sobredosis de opioides" is three words of search, as "opioid overdose signs" is).
    static let searchFillers: Set<String> = [
        "a", "an", "the", "of", "on", "for", "in", "from", "de", "del", "la", "el", "las", "los", "un", "una", "en",
        "por", "para", "con",
    ]

    /// Words that make a sentence ask without a question mark, for `generalQuestion`.
    public static let asking: [String] = [
        "want to know", "wants to know", "wanted to know", "wondering", "curious", "tell me", "explain",
        "need to know", "needs to know", "asking", "want to learn", "wants to learn", "wanted to learn",
        "trying to learn", "trying to understand", "want to understand", "wants to understand", "pregunto", "para saber", "quiero saber", "in general", "be ready", "be prepared", "just in case",
        "ahead of time", "for future reference", "para estar preparada", "para estar preparado", "por si acaso", "como se ven",
    ]

    /// Words that open the clause a question asks about: "how do I know | if …".
    public static let askedClauseOpeners: Set<String> = ["if", "whether", "when"]
}
