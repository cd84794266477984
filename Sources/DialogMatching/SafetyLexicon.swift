/// The built-in words of the safety net (DESIGN.md, "Crisis handling"): calls for help
/// with no clear kind, danger words that make a line nobody understood worth the
/// numbers, and the Spanish crisis phrases every intake bundle reads.
///
/// Change these with a labelled line in `Dialogs/tests/understanding/dev/` that shows
/// why: a word here shows the emergency numbers wherever it is typed.
package enum SafetyLexicon {
    /// Calls for help: wherever they stand in a line, the numbers are shown (`distress`).
    /// A bare "help" counts only as the whole line (`wholeLineCalls`): "can baclofen help
    /// with withdrawal?" is a question.
    package static let callsForHelp: [String] = [
        "i am in crisis", "i am in a crisis", "in crisis right now", "this is an emergency", "it is an emergency",
        "urgent please respond", "urgent pls respond", "necesito hablar con alguien",
        "is an emergency", "medical emergency", "call 911", "call 999", "call 112", "call an ambulance",
        "need an ambulance", "get an ambulance", "send an ambulance", "i am not safe", "not safe right now",
        "i do not feel safe", "please help me", "help me please", "someone help me", "somebody help me",
        "someone please help", "somebody please help", "i need help now", "i need help right now", "need help asap",
        "help me now", "i need urgent help", "urgent help", "i need someone to talk to", "can someone talk to me",
        "i need to talk to someone", "i can not do this anymore", "i can not take it anymore",
        "i can not take this anymore", "i can not cope", "i am falling apart", "i am losing it", "i am panicking",
        "please someone", "mayday", "i need help", "need help now",
        "a real person", "talk to a human", "talk to a person", "hlep", "halp",
        "someone please answer", "please answer me", "someone answer me", "i need someone right now",
        "need someone right now", "i need someone now", "help help", "its an emergency", "in a really bad place",
        "in a bad place right now", "can not do this alone right now", "necesito ayuda", "ayudame", "ayuda por favor", "auxilio", "socorro",
        "emergencia", "llamen al 911", "llamen a una ambulancia", "es una emergencia", "estoy en crisis",
        "no aguanto mas", "ya no puedo mas", "i need someone", "i need somebody", "need somebody", "please somebody",
        "somebody please", "someone please", "someone talk to me", "somebody talk to me", "talk to me please",
        "is anyone there", "is anybody there", "anyone out there", "i am not ok", "i am not okay",
        "i am really not ok", "i am really not okay", "i am so not ok", "i am so not okay", "i am not doing ok",
        "i am not doing okay",
        "i do not know what to do please", "ayudenme", "ayudame por favor", "alguien ayudeme",
        "having a crisis", "in a crisis", "in crisis", "get me help", "i am in trouble", "in trouble please",
        "anyone i can talk to", "someone i can talk to", "anybody i can talk to",
        "please hurry", "hurry please", "please come quick", "come quick please", "having a breakdown",
        "having a mental breakdown", "having a nervous breakdown", "emergency help", "what do i do what do i do",
        "please tell me what to do", "just need someone", "need someone anyone",
        "something is really wrong", "something is seriously wrong", "something is very wrong",
        "something is terribly wrong", "this is really bad", "this is so bad please",
    ]

    /// How people say they are overwhelmed, panicking or alone without naming a crisis:
    /// someone who types "i'm falling apart and nobody is here" gets the numbers and a
    /// human helpline with whatever else the line is read as (DESIGN.md: when in doubt,
    /// the numbers). Fear is the writer's own ("i'm so scared", not "why is everybody so
    /// scared of fentanyl"). Negated ("i'm not panicking") they say nothing.
    package static let distressStates: [String] = [
        "overwhelmed", "i am so scared", "i am really scared", "i am scared to death", "scared out of my mind",
        "i am terrified",
        "panic attack", "panicking", "panic mode", "in a panic", "freaking out", "freakin out", "losing my mind",
        "lose my mind", "going insane", "going crazy", "can not think straight", "falling apart", "breaking down",
        "at my wits end", "end of my rope", "can not cope", "can not handle this", "can not handle it anymore",
        "can not take it", "hopeless", "i am desperate", "so desperate", "so alone", "all alone", "completely alone", "nobody to talk to",
        "no one to talk to", "no one to turn to", "nobody to turn to", "a human voice", "someone human",
        "can not stop crying", "keep crying", "crying my eyes out", "sobbing", "spiraling", "spiralling",
        "feel like i am drowning", "walls are closing in", "completely lost", "so lost",
        "defeated", "breaking point", "can not go on like this", "too much to handle", "everything is too much",
        "it is all too much", "can not calm down", "not deal with any of it", "not have to deal with any of it",
        // Crying, screaming, shame, nobody left, nothing getting better: despair said plainly.
        "crying for hours", "been crying all", "crying all day", "crying all night", "sitting here crying",
        "in my car crying", "screaming into my pillow", "feel like screaming", "want to scream", "i hate myself",
        "so ashamed of myself", "disgusted with myself", "have nobody left", "have no one left",
        "nobody cares about me", "no one cares about me", "nobody gives a damn", "nobody gives a shit",
        "no one gives a damn", "no one gives a shit", "given up on me", "gave up on me",
        "never going to get better", "nothing is ever going to get better",
        "nothing will ever get better", "will never get better", "at rock bottom", "crashing down",
        "can not handle one more", "can not handle any more", "can not handle anymore", "i am in pieces",
        "falling to pieces", "broken inside", "having meltdowns", "having a meltdown",
        // Not "such a failure" or "ruined everything": said of a relapse, they ask what now
        // ("used again last night, did i ruin everything").
        "never be normal again", "never going to be normal", "hate what i have turned into",
        "hate who i have become", "hate who i am", "nobody gets it", "no one gets it", "coming apart at the seams",
        "disgusting person", "sick with shame", "do not know where to turn", "in my room crying", "very tearful",
        "no puedo parar de llorar", "se me viene encima",
        // Not "i am broken", "i have no one": stemmed, they are "i'm broke, who pays for rehab"
        // and "i have no one to drive me to detox".
        // Spanish: written without accents, in the forms people type (not stemmed).
        "tengo mucho miedo", "tengo miedo", "estoy asustado", "estoy asustada", "muy asustado", "muy asustada",
        "estoy en panico", "ataque de panico", "ataque de ansiedad", "crisis de nervios", "crisis de ansiedad",
        "no se que hacer", "ya no se que hacer", "estoy desesperado", "estoy desesperada", "desesperado",
        "desesperada", "estoy al borde", "me estoy volviendo loco", "me estoy volviendo loca", "me voy a volver loco",
        "me voy a volver loca", "no puedo con esto", "no puedo mas", "no doy mas", "estoy destrozado",
        "estoy destrozada", "hecho pedazos", "hecha pedazos", "me estoy desmoronando", "me siento perdido",
        "me siento perdida", "estoy solo", "estoy sola", "me siento solo", "me siento sola", "no tengo a nadie",
        "nadie me entiende", "que alguien me escuche", "alguien que me escuche", "no quiero estar solo",
        "no quiero estar sola", "estoy llorando", "no paro de llorar", "llorando sin parar", "estoy muy mal",
        "estoy re mal", "estoy bien mal", "ya no tengo fuerzas", "no aguanto", "muy alterada", "muy alterado",
        "estoy muy nerviosa", "estoy muy nervioso",
    ]

    /// Whole lines (after fillers) that are calls for help.
    package static let wholeLineCalls: [String] = [
        "help", "help me", "help help", "please help", "help please", "emergency", "crisis", "ambulance", "911",
        "999", "i need help", "need help", "someone help", "somebody help", "ayuda", "help me pls", "help now",
        "urgent", "scared", "i am scared", "i am so scared", "i am terrified", "i do not know what to do",
        "anyone", "anybody", "someone", "somebody", "hello anyone",
        // Only as a whole line: in Spanish "vos sos" is "you are".
        "sos",
    ]

    /// Words that show the numbers wherever they stand, whatever else the line is read
    /// as (figures of speech aside: "this withdrawal is killing me"): death, self-harm,
    /// the means, and signs that need help now. A negated or past one still shows them:
    /// when in doubt, the numbers.
    package static let strongDangerWords: [String] = [
        "die", "dying", "dead", "death", "kill", "killing", "suicide", "suicidal", "overdose", "overdosing", "od",
        "unalive", "hurt myself", "harm myself", "cut myself", "cutting myself", "gun", "rope", "noose",
        "hang myself", "unconscious", "unresponsive", "seizure", "seizing", "convulsing", "convulsions",
        "collapsed", "ambulance", "911", "999", "foaming", "not breathing", "can not breathe", "stopped breathing",
        "will not wake", "can not wake", "not waking", "turning blue", "lips are blue", "blue lips", "end my life",
        "end it all", "no reason to live", "better off without me", "morir", "muerte", "matar", "matarme",
        "sobredosis", "no respira", "no despierta", "suicidarme", "slumped over", "barely responsive", "gurgling",
        "eyes rolled back", "eyes rolling back", "vomiting blood", "throwing up blood", "coffee grounds",
        "blacking out", "hallucinating", "stiff neck", "neck is stiff", "barely breathing", "goodbye forever",
        "hear from me again", "hear from me after", "my last message", "vomitando sangre", "inconsciente",
        "adios para siempre", "me despedi de todos",
    ]

    /// Danger words too common in ordinary questions about withdrawal and its medicines
    /// to show the numbers alone with a question read by its examples ("is it ok to have a
    /// few beers while im coming off the pills", "is it all confidential, im on my parents
    /// plan"). They still count in a line nothing understood, in a short one, and with
    /// another danger word.
    package static let ordinaryInQuestions: Set<String> = ["pills", "pastillas", "plan", "ayuda"]

    /// Words that, in a line the current node did not understand, make it worth showing
    /// the numbers: whoever typed them may be in danger, and a re-ask alone is not enough.
    package static let dangerWords: [String] = [
        "die", "dying", "dead", "death", "kill", "killing", "suicide", "suicidal", "overdose", "overdosing", "od",
        "hurt myself", "harm myself", "cut myself", "cutting", "blood", "bleeding", "gun", "rope", "noose", "hang",
        "hanging", "bridge", "jump", "razor", "pills", "bottle", "breathe", "breathing", "unconscious", "unresponsive",
        "seizure", "convulsing", "collapsed", "ambulance", "911", "999", "emergency", "scared", "terrified", "afraid",
        "hopeless", "worthless", "goodbye", "end it", "end my", "give up", "no point", "no way out", "not wake",
        "wake up", "blue", "passed out", "foaming", "choking", "chest", "heart", "morir", "muerte", "matar",
        "sobredosis", "respira", "despierta", "ayuda", "pastillas", "alarm", "beeping", "unalive", "alive",
        "belt", "tied", "railing", "ledge", "letters", "plan", "swallow", "swallowed", "everything", "confused",
        "fever", "feverish", "shaking", "twitching", "jerking", "itchy", "clammy", "grey", "gray", "limp",
        "slumped", "hallucinating", "tonight", "bye", "knife", "gun", "jeringa", "dormido",
    ]

    /// Spanish crisis phrases, by kind: read in every intake bundle, whatever its
    /// language, because a person in crisis types in the language they think in. Written
    /// without accents (lines are folded) and in the forms people type; Spanish is not
    /// stemmed, so verb forms are listed.
    package static let spanish: [(kind: String, phrases: [String])] = [
        (
            "suicide",
            [
                "me quiero morir", "quiero morir", "quiero morirme", "me voy a matar", "quiero matarme", "voy a matarme",
                "me quiero matar", "matarme", "suicidarme", "me voy a suicidar", "quiero suicidarme", "suicidio",
                "pensando en suicidarme", "no quiero vivir", "ya no quiero vivir", "no quiero seguir viviendo",
                "quitarme la vida", "acabar con mi vida", "terminar con mi vida", "quiero desaparecer",
                "ya no quiero estar aqui", "mejor muerto", "mejor muerta", "estaria mejor muerto", "estaria mejor muerta",
                "se quiere matar", "se va a matar", "quiere suicidarse", "hacerme dano", "cortarme", "me corte",
                "no quiero despertar", "quiero dormir para siempre", "ojala no despertar", "me quiero ir para siempre",
                "seria mejor si no estuviera", "mejor si yo no estuviera", "no vale la pena vivir",
                "no vale la pena seguir viviendo", "ya nada vale la pena", "no aguanto mas esta vida",
                "ya no aguanto vivir", "me estoy cortando", "me voy a cortar", "tengo todo planeado para esta noche",
                "ya tengo todo planeado", "quiero acabar con todo", "acabar con todo de una vez",
                "me quiero ir de este mundo", "cansado de vivir", "cansada de vivir", "harto de vivir", "harta de vivir",
                "nadie me extranaria", "nadie me va a extranar",
                // the means and the goodbyes, and a death wished for
                "pensando en saltar", "voy a saltar", "tirarme del puente", "tirarme de un puente", "tirarme del edificio",
                "tirarme de la azotea", "tirarme al tren", "tirarme a las vias", "colgarme", "ahorcarme", "me voy a colgar",
                "me voy a ahorcar", "cartas de despedida", "mensaje de despedida", "me despido de todos", "hoy lo termino",
                "hoy termino con todo", "lo voy a terminar todo", "terminar con todo", "me voy a quitar la vida",
                "quitarse la vida", "dejar de existir", "no se si quiero seguir viviendo", "me canse de vivir",
                "ya me canse de vivir", "no me importa si me muero", "ojala me muera", "ojala me muriera",
                "quiero estar muerto", "quiero estar muerta", "pensamientos de muerte", "pienso en matarme",
                "pienso en suicidarme",
            ]
        ),
        (
            "overdose-other",
            [
                "no despierta", "no se despierta", "no reacciona", "no responde", "no respira", "dejo de respirar",
                "no esta respirando", "labios morados", "labios azules", "se puso morado", "se esta poniendo azul",
                "tiene una sobredosis", "le dio una sobredosis", "sobredosis", "tomo demasiadas", "se tomo todas",
                "se tomo demasiadas", "tomo demasiado", "no lo puedo despertar", "no la puedo despertar",
                "no puedo despertarlo", "no puedo despertarla", "esta inconsciente",
                // signs told of someone else
                "boca morada", "unas moradas", "respira feo", "respira muy despacio", "respira bien despacio",
                "respira bien despacito", "casi no respira", "apenas respira", "ronca raro", "ronca feo",
                "como que se ahoga", "se esta ahogando", "no lo puedo levantar", "no la puedo levantar",
                "no abre los ojos", "tiene los ojos en blanco",
            ]
        ),
        (
            "overdose-self",
            [
                "tome demasiadas pastillas", "me tome todas las pastillas", "tome demasiado", "me tome demasiadas",
                "me tome todo el frasco", "tome de mas", "creo que tengo una sobredosis", "me estoy muriendo",
                "me pase con la dosis", "me tome todas mis pastillas", "tome muchas pastillas",
                "me tome un frasco entero", "me tome el frasco entero", "me tome una caja entera", "me tome todo el bote",
                // signs told by the writer
                "me estoy apagando", "me estoy desvaneciendo", "se me va el aire", "tengo las manos azules",
                "tengo los dedos morados", "tengo la boca morada", "el corazon me va lento", "el corazon me va lentisimo",
                "casi no puedo respirar",
            ]
        ),
        (
            "baclofen-overdose",
            [
                "demasiado baclofeno", "baclofeno de mas", "doble dosis de baclofeno", "mas baclofeno de lo recetado",
                "tome doble dosis", "me tome el doble", "tome mas de lo recetado", "mas de lo que me recetaron",
            ]
        ),
        (
            "seizure",
            [
                "convulsion", "convulsiones", "convulsionando", "esta convulsionando", "tiene convulsiones",
                "ataque epileptico", "le dio un ataque", "echando espuma", "espuma por la boca",
                "espuma en la boca", "ataque de epilepsia", "le dio una convulsion", "se puso rigido", "se puso rigida",
                "sacudirse", "se esta sacudiendo", "esta sacudiendose", "se le voltearon los ojos", "ojos en blanco",
                "perdio el conocimiento", "perdio la conciencia", "se me va la conciencia",
            ]
        ),
        (
            "medical-emergency",
            [
                "dolor en el pecho", "dolor de pecho", "me duele el pecho", "no puedo respirar", "no puede respirar",
                "me falta el aire", "se desmayo", "me desmaye", "desmayado", "desmayada", "infarto", "ataque al corazon",
                "se desplomo", "se cayo y no responde", "se cayo al piso y no se mueve", "se cayo al suelo y no se mueve",
                "esta en el piso y no se mueve", "esta en el suelo y no se mueve",
                // a stroke, a head injury, confusion, the heart, bleeding
                "no me reconoce", "no reconoce a nadie", "se pego en la cabeza", "se golpeo la cabeza",
                "se me duerme la mitad de la cara", "la cara caida", "se le cae la cara", "no puedo mover el brazo",
                "me aprieta el pecho", "el pecho me aprieta", "presion en el pecho", "opresion en el pecho",
                "encima del pecho", "me duele la mandibula", "sangro mucho", "no para de sangrar",
            ]
        ),
        (
            "pump-alarm",
            [
                "bomba de baclofeno", "alarma de la bomba", "la bomba esta sonando", "la bomba esta pitando",
                "la bomba pita", "la bomba suena", "se acabo la bomba", "no le rellenaron la bomba",
            ]
        ),
    ]
}
