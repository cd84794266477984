import DialogModel
import DialogSyntax
import Testing

/// One construct of the dialog language, as the README documents it: a file `t.yaml`
/// that uses it, and what the decoded bundle must hold.
///
/// The bundle around it is a training bundle (no crisis intents needed) whose settings
/// are in `bundle.yaml`, starting at `t.start`, with an end node `done.end`.
struct DecodingCase: CustomTestStringConvertible, Sendable {
    let construct: String
    let file: String
    let check: @Sendable (DialogBundle) throws -> Void

    init(_ construct: String, _ file: String, check: @escaping @Sendable (DialogBundle) throws -> Void) {
        self.construct = construct
        self.file = file
        self.check = check
    }

    var testDescription: String { construct }

    static let settings = """
        dialog: decoding
        title: Every construct
        kind: training
        description: One line about the bundle.
        start: t.start
        """

    func load() -> LoadResult {
        loadTexts(["bundle.yaml": Self.settings, "done.yaml": "nodes:\n  end:\n    end: true\n", "t.yaml": file])
    }
}

/// The node `t.NAME` of a bundle.
func node(_ bundle: DialogBundle, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DialogNode {
    try #require(bundle.nodes[NodeID(file: "t", name: name)], sourceLocation: sourceLocation)
}

/// The texts of a `say`, one list of variants per item.
func sayTexts(_ node: DialogNode) -> [[String]] { node.say.map { $0.variants.map(\.raw) } }

let decodingCases: [DecodingCase] = [
    DecodingCase(
        "bundle settings",
        """
        nodes:
          start:
            end: true
        """
    ) { b throws in
        #expect(b.id == "decoding")
        #expect(b.title == "Every construct")
        #expect(b.kind == .training)
        #expect(b.description == "One line about the bundle.")
        #expect(b.start == NodeID(file: "t", name: "start"))
        #expect(b.nodeOrder == [NodeID(file: "done", name: "end"), NodeID(file: "t", name: "start")])
    },
    DecodingCase(
        "`say` as one text",
        """
        nodes:
          start:
            say: Baclofen is a muscle relaxant.
            end: true
        """
    ) { b throws in
        let n = try node(b, "start")
        #expect(sayTexts(n) == [["Baclofen is a muscle relaxant."]])
        #expect(n.say[0].condition == nil && n.say[0].sources.isEmpty)
        #expect(n.end)
    },
    DecodingCase(
        "`say` as a literal block",
        """
        nodes:
          start:
            say: |
              First line.
              Second line.
            end: true
        """
    ) { b throws in
        #expect(sayTexts(try node(b, "start")) == [["First line.\nSecond line.\n"]])
    },
    DecodingCase(
        "`say` items: a text, a text with `if` and `source`, `one-of`",
        """
        nodes:
          start:
            ask: Ready?
            expect: yes-no
            save: ready
            next: said
          said:
            say:
              - Thank you.
              - text: You said you are ready.
                if: ready
                source: s1
              - one-of: ["Thanks.", "Thanks — that helps."]
            end: true
        sources:
          s1: {citation: A source.}
        """
    ) { b throws in
        let n = try node(b, "said")
        #expect(sayTexts(n) == [["Thank you."], ["You said you are ready."], ["Thanks.", "Thanks — that helps."]])
        #expect(n.say.map { $0.condition?.text } == [nil, "ready", nil])
        #expect(n.say.map { $0.sources.map(\.id) } == [[], ["s1"], []])
    },
    DecodingCase(
        "`source` as one id and as a list",
        """
        nodes:
          start:
            say: A fact.
            source: s1
            next: two
          two:
            say: Two facts.
            source: [s1, s2]
            end: true
        sources:
          s1:
            citation: First source.
            url: https://example.org/1
          s2: {citation: Second source.}
        """
    ) { b throws in
        #expect(try node(b, "start").sources.map(\.id) == ["s1"])
        #expect(try node(b, "two").sources.map(\.id) == ["s1", "s2"])
        #expect(b.sources["s1"]?.citation == "First source.")
        #expect(b.sources["s1"]?.url == "https://example.org/1")
        #expect(b.sources["s2"]?.url == nil)
    },
    DecodingCase(
        "`note` and `ask`",
        """
        nodes:
          start:
            note: Read the disclaimer aloud.
            ask: What would you like to know?
            choices:
              - label: Nothing
                goto: done.end
        """
    ) { b throws in
        let n = try node(b, "start")
        #expect(n.note?.raw == "Read the disclaimer aloud.")
        #expect(n.ask?.raw == "What would you like to know?")
    },
    DecodingCase(
        "`choices`: id, label, match, goto (bare and `file.node`), set, if",
        """
        nodes:
          start:
            ask: Pick one.
            choices:
              - id: approved
                label: Is it approved?
                match: [approved, fda, "off-label"]
                goto: offlabel
                set: {asked_offlabel: true}
              - label: Back to the start
                match: restart
                goto: done.end
              - label: Only when asked
                if: asked_offlabel
                goto: t.offlabel
          offlabel:
            say: It is used off-label.
            end: true
        """
    ) { b throws in
        let c = try node(b, "start").choices
        #expect(c.map(\.label.raw) == ["Is it approved?", "Back to the start", "Only when asked"])
        #expect(c.map { $0.match.map(\.text) } == [["approved", "fda", "off-label"], ["restart"], []])
        #expect(c.map(\.goto.written) == ["offlabel", "done.end", "t.offlabel"])
        #expect(c.map(\.goto.target) == [NodeID(file: "t", name: "offlabel"), NodeID(file: "done", name: "end"), NodeID(file: "t", name: "offlabel")])
        // Without `id:`, a choice's id is the full id of the node it leads to.
        #expect(c.map(\.id) == ["approved", "done.end", "t.offlabel"])
        #expect(c[0].set.map(\.name) == ["asked_offlabel"])
        #expect(c[0].set.map(\.expression.description) == ["true"])
        #expect(c.map { $0.condition?.text } == [nil, nil, "asked_offlabel"])
    },
    DecodingCase(
        "`expect` kinds with `save` and `next`",
        """
        nodes:
          start:
            ask: Your name?
            expect: text
            save: name
            next: yesno
          yesno:
            ask: Pregnant?
            expect: yes-no
            save: pregnant
            next: number
          number:
            ask: How much, 0 to 4?
            expect: number 0...4
            save: amount
            next: any_number
          any_number:
            ask: How many days?
            expect: number
            save: days
            next: symptoms
          symptoms:
            ask: What do you feel?
            expect: symptoms
            save: felt
            next: done.end
        symptoms:
          yawning: {label: yawning, stage: early}
        """
    ) { b throws in
        #expect(try node(b, "start").expect == .text)
        #expect(try node(b, "yesno").expect == .yesNo)
        #expect(try node(b, "number").expect == .number(0...4))
        if case .number(let r)? = try node(b, "any_number").expect {
            // Any number a range may hold (DialogLimits).
            #expect(r == -1_000_000...1_000_000)
        } else {
            Issue.record("`expect: number` is not a number")
        }
        #expect(try node(b, "symptoms").expect == .symptoms)
        #expect(
            try ["start", "yesno", "number", "any_number", "symptoms"].map { try node(b, $0).save?.value }
                == ["name", "pregnant", "amount", "days", "felt"])
        #expect(try node(b, "start").next?.target == NodeID(file: "t", name: "yesno"))
        #expect(Expectation.symptoms.valueType == .list(.string))
    },
    DecodingCase(
        "`routes`: match, if, set, and a closing `else`",
        """
        nodes:
          start:
            ask: Are you pregnant, or could you be?
            expect: yes-no
            save: pregnant
            routes:
              - match: [unsure, "don't know"]
                goto: ask_doctor
              - if: pregnant
                goto: ask_doctor
                set: {flagged: true}
              - else: done.end
                set: {flagged: false}
          ask_doctor:
            say: Please talk to your doctor.
            end: true
        """
    ) { b throws in
        let r = try node(b, "start").routes
        #expect(r.map(\.isElse) == [false, false, true])
        #expect(r.map { $0.match.map(\.text) } == [["unsure", "don't know"], [], []])
        #expect(r.map { $0.condition?.text } == [nil, "pregnant", nil])
        #expect(r.map(\.goto.written) == ["ask_doctor", "ask_doctor", "done.end"])
        #expect(r.map { $0.set.map(\.name) } == [[], ["flagged"], ["flagged"]])
        #expect(r.map(\.label) == ["unsure / don't know", "if pregnant", "else"])
    },
    DecodingCase(
        "`branch`: conditions only, with an `else`",
        """
        nodes:
          start:
            branch:
              - if: count(symptoms.reported) == 0
                goto: none
              - else: done.end
          none:
            say: No symptoms.
            end: true
        """
    ) { b throws in
        let n = try node(b, "start")
        #expect(n.branch.map { $0.condition?.expression.description } == ["(count(symptoms.reported) == 0)", nil])
        #expect(n.branch.map(\.isElse) == [false, true])
        #expect(!n.asksForInput)
    },
    DecodingCase(
        "`set` on a node: an expression, and a quoted value that is text",
        """
        nodes:
          start:
            set:
              visits: 1 + 2
              topic: "billing"
              doubled: visits * 2
              consented: true
            next: done.end
        """
    ) { b throws in
        let s = try node(b, "start").set
        #expect(s.map(\.name) == ["visits", "topic", "doubled", "consented"])
        #expect(s.map(\.expression.description) == ["(1 + 2)", "'billing'", "(visits * 2)", "true"])
    },
    DecodingCase(
        "`scale` on a node, and the scale: title, source, ask, range, labels, items, bands",
        """
        nodes:
          start:
            scale: sows
            next: done.end
        scales:
          sows:
            title: Subjective Opiate Withdrawal Scale (SOWS)
            source: handelsman-1987
            ask: "How true is this for you right now, from 0 (not at all) to 4 (extremely)?"
            range: 0...4
            labels: {0: not at all, 1: a little, 4: extremely}
            items:
              - I feel anxious
              - id: craving
                text: I feel like using now
            bands:
              - {range: 0...3, label: lower}
              - {range: 4...8, label: higher}
        sources:
          handelsman-1987: {citation: Handelsman 1987.}
        """
    ) { b throws in
        #expect(try node(b, "start").scale?.value == "sows")
        let s = try #require(b.scales["sows"])
        #expect(s.title == "Subjective Opiate Withdrawal Scale (SOWS)")
        #expect(s.sources.map(\.id) == ["handelsman-1987"])
        #expect(s.ask?.raw == "How true is this for you right now, from 0 (not at all) to 4 (extremely)?")
        #expect(s.range == 0...4)
        #expect(s.labels == [0: "not at all", 1: "a little", 4: "extremely"])
        #expect(s.items.map(\.id) == [nil, "craving"])
        #expect(s.items.map(\.text.raw) == ["I feel anxious", "I feel like using now"])
        #expect(s.bands.map(\.range) == [0...3, 4...8])
        #expect(s.bands.map(\.label) == ["lower", "higher"])
        #expect(s.maximum == 8)
    },
    DecodingCase(
        "`show` by roles and tags, and `flag`",
        """
        nodes:
          start:
            show: {roles: [detox-helpline], tags: [naloxone]}
            flag: red-flag-today
            next: two
          two:
            show:
              roles: detox-helpline
            flag: [seen-resources, second-flag]
            end: true
        regions:
          US: {name: United States}
        resources:
          samhsa:
            name: SAMHSA National Helpline
            region: US
            role: detox-helpline
            phone: 1-800-662-4357
          naloxone:
            name: Naloxone finder
            region: US
            url: https://example.org/naloxone
            tags: [naloxone]
        """
    ) { b throws in
        let one = try node(b, "start"), two = try node(b, "two")
        #expect(one.show?.roles.map(\.value) == ["detox-helpline"])
        #expect(one.show?.tags.map(\.value) == ["naloxone"])
        #expect(two.show?.roles.map(\.value) == ["detox-helpline"])
        #expect(two.show?.tags.map(\.value) == [])
        #expect(one.flags.map(\.value) == ["red-flag-today"])
        #expect(two.flags.map(\.value) == ["seen-resources", "second-flag"])
    },
    DecodingCase(
        "`end: true` and `end: false`",
        """
        nodes:
          start:
            end: false
            next: last
          last:
            end: true
        """
    ) { b throws in
        #expect(try node(b, "start").end == false)
        #expect(try node(b, "last").end == true)
    },
    DecodingCase(
        "`{…}` in texts: an expression, a role, and `{{` `}}` for braces",
        """
        nodes:
          start:
            say: "Your total is {scores.sows + 1}. Call {crisis-line}. Write {{braces}}."
            scale: sows
            next: done.end
        scales:
          sows: {title: SOWS, range: 0...4, items: [I feel anxious]}
        regions:
          US: {name: United States}
        resources:
          line: {name: 988 Lifeline, region: US, role: crisis-line, phone: "988"}
        """
    ) { b throws in
        let parts = try node(b, "start").say[0].variants[0].interpolation.parts
        let shown = parts.map { part -> String in
            switch part {
            case .literal(let text, _): text
            case .expression(let expr, _): "<\(expr.description)>"
            }
        }
        #expect(shown == ["Your total is ", "<(scores.sows + 1)>", ". Call ", "<crisis-line>", ". Write {braces}."])
    },
    DecodingCase(
        "`intents`: crisis and topic, match, unless, priority, goto, return; crisis first",
        """
        nodes:
          start:
            end: true
          topic:
            say: About baclofen.
            end: true
          help:
            say: Call now.
            end: true
        intents:
          about_baclofen:
            match: [baclofen, lioresal]
            goto: topic
            return: true
            priority: 5
          other_topic:
            match: detox
            goto: topic
          suicide:
            crisis: suicide
            match: ["want to die", suicidal]
            unless: ["not suicidal"]
            goto: help
          overdose:
            crisis: overdose-other
            match: ["not breathing"]
            goto: t.help
          baclofen_overdose:
            crisis: baclofen-overdose
            match: ["too much baclofen"]
            goto: help
        """
    ) { b throws in
        // Crisis intents first, the most urgent first; then topic intents by priority.
        #expect(b.intents.map(\.id) == ["overdose", "baclofen_overdose", "suicide", "about_baclofen", "other_topic"])
        #expect(b.intents.map(\.crisis) == [.overdoseOther, .baclofenOverdose, .suicide, nil, nil])
        let topic = b.intents[3], crisis = b.intents[2]
        #expect(topic.match.map(\.text) == ["baclofen", "lioresal"])
        #expect(topic.returns && topic.priority == 5)
        #expect(b.intents[4].returns == false && b.intents[4].priority == 0)
        #expect(b.intents[4].match.map(\.text) == ["detox"])
        #expect(crisis.unless.map(\.text) == ["not suicidal"])
        #expect(crisis.goto.target == NodeID(file: "t", name: "help"))
        #expect(b.intents[0].goto.target == NodeID(file: "t", name: "help"))
    },
    DecodingCase(
        "`symptoms`: label, stage, synonyms",
        """
        nodes:
          start:
            ask: How do you feel?
            expect: symptoms
            next: done.end
        symptoms:
          yawning:
            label: yawning
            stage: early
            synonyms: [yawn, yawns, "keep yawning"]
          cramps:
            label: stomach cramps
            stage: later
        """
    ) { b throws in
        #expect(b.symptoms.map(\.id) == ["yawning", "cramps"])
        #expect(b.symptoms.map(\.label) == ["yawning", "stomach cramps"])
        #expect(b.symptoms.map(\.stage) == [.early, .later])
        #expect(b.symptoms.map { $0.synonyms.map(\.text) } == [["yawn", "yawns", "keep yawning"], []])
    },
    DecodingCase(
        "`regions`: name and aliases, found by code or alias in any case",
        """
        nodes:
          start:
            end: true
        regions:
          US: {name: United States, aliases: [USA]}
          UK:
            name: United Kingdom
            aliases: [GB]
        """
    ) { b throws in
        #expect(b.regions.map(\.code) == ["US", "UK"])
        #expect(b.regions.map(\.name) == ["United States", "United Kingdom"])
        #expect(b.regions.map(\.aliases) == [["USA"], ["GB"]])
        #expect(b.region(named: "gb")?.code == "UK")
        #expect(b.region(named: "usa")?.code == "US")
        #expect(b.region(named: "CA") == nil)
    },
    DecodingCase(
        "`resources`: every field, text values as written",
        """
        nodes:
          start:
            say: "In a crisis: {crisis-line}. Detox: {detox-helpline}."
            end: true
        regions:
          US: {name: United States}
          UK: {name: United Kingdom}
        resources:
          us-988:
            name: 988 Suicide & Crisis Lifeline
            region: US
            role: crisis-line
            phone: 988
            text: "988"
            url: https://988lifeline.org
            hours: 24/7
            tags: [suicide, substance-use]
            note: Also by chat.
          uk-frank:
            name: FRANK
            region: UK
            role: detox-helpline
            phone: 0300 123 6600
            hours: 24/7
          uk-samaritans:
            name: Samaritans
            region: UK
            role: crisis-line
            phone: 116 123
          us-samhsa:
            name: SAMHSA National Helpline
            region: US
            role: detox-helpline
            phone: 1-800-662-4357
        """
    ) { b throws in
        let us = try #require(b.resources.first { $0.id == "us-988" })
        #expect(us.name == "988 Suicide & Crisis Lifeline")
        #expect(us.region.value == "US" && us.role == "crisis-line")
        #expect(us.phone == "988" && us.text == "988" && us.url == "https://988lifeline.org" && us.hours == "24/7")
        #expect(us.tags == ["suicide", "substance-use"] && us.note == "Also by chat.")
        #expect(us.contact == "988 Suicide & Crisis Lifeline (988)")
        let frank = try #require(b.resource(role: "detox-helpline", region: "UK"))
        #expect(frank.phone == "0300 123 6600")
        #expect(frank.hours == "24/7")
        #expect(frank.text == nil && frank.url == nil && frank.tags.isEmpty)
        #expect(b.resource(role: "crisis-line", region: "UK")?.phone == "116 123")
        #expect(b.resource(role: "detox-helpline", region: "US")?.phone == "1-800-662-4357")
        #expect(b.roles == ["crisis-line", "detox-helpline"])
    },
    DecodingCase(
        "quoted and block scalars where text is expected",
        """
        nodes:
          start:
            say:
              - 'It''s off-label.'
              - "Line\\tone"
              - >
                folded
                text
            ask: "yes"
            end: true
        """
    ) { b throws in
        let n = try node(b, "start")
        #expect(sayTexts(n) == [["It's off-label."], ["Line\tone"], ["folded text\n"]])
        #expect(n.ask?.raw == "yes")
    },
    DecodingCase(
        "core-schema words in text keys stay text",
        """
        nodes:
          start:
            say: yes
            ask: 'null'
            choices:
              - label: true
                match: [no, off, 1.5, ~]
                goto: done.end
        """
    ) { b throws in
        let n = try node(b, "start")
        #expect(sayTexts(n) == [["yes"]])
        #expect(n.ask?.raw == "null")
        #expect(n.choices[0].label.raw == "true")
        #expect(n.choices[0].match.map(\.text) == ["no", "off", "1.5", "~"])
    },
]

@Suite("Decoding the dialog language")
struct DecodingTests {
    @Test("decodes", arguments: decodingCases)
    func decodes(_ c: DecodingCase) throws {
        let bundle = try c.load().requireBundle()
        try c.check(bundle)
    }

    @Test("node ids: `file.node` everywhere, a bare `node` inside its own file")
    func nodeIDs() {
        #expect(NodeID("overview", in: "baclofen") == NodeID(file: "baclofen", name: "overview"))
        #expect(NodeID("intake.welcome", in: "baclofen") == NodeID(file: "intake", name: "welcome"))
        #expect(NodeID(file: "intake", name: "welcome").description == "intake.welcome")
    }

    @Test("a section may appear in several files; a later file's nodes follow in file order")
    func sectionsAcrossFiles() throws {
        let result = loadTexts([
            "a.yaml": "dialog: x\ntitle: X\nkind: training\nstart: first\nnodes:\n  first:\n    next: b.second\n",
            "b.yaml": "nodes:\n  second:\n    next: third\n  third:\n    end: true\nsources:\n  s: {citation: S.}\n",
            "c.yaml": "sources:\n  t: {citation: T.}\n",
        ])
        let bundle = try result.requireBundle()
        #expect(bundle.nodeOrder.map(\.description) == ["a.first", "b.second", "b.third"])
        #expect(bundle.sources.keys.sorted() == ["s", "t"])
        #expect(bundle.start == NodeID(file: "a", name: "first"))
    }

    @Test("`kind` defaults to intake")
    func kindDefaultsToIntake() throws {
        var files = try Fixtures.files("valid/minimal")
        let intake = try #require(files.firstIndex { $0.path == "intake.yaml" })
        #expect(String(decoding: files[intake].bytes, as: UTF8.self).contains("kind:") == false)
        let bundle = try BundleLoader.load(files: files).requireBundle()
        #expect(bundle.kind == .intake)
        // The six required crisis kinds, most urgent first, then the topic intent.
        #expect(bundle.intents.compactMap(\.crisis) == [.overdoseOther, .overdoseSelf, .seizure, .medicalEmergency, .pumpAlarm, .suicide])
        #expect(bundle.intents.last?.crisis == nil)
        // A topic intent of any priority comes after every crisis intent.
        files.append(("more.yaml", Array("intents:\n  urgent_topic:\n    match: [hurry]\n    priority: 1000\n    goto: intake.topic\n".utf8)))
        let more = try BundleLoader.load(files: files).requireBundle()
        #expect(more.intents.map(\.id).suffix(2) == ["urgent_topic", "ask_about_baclofen"])
        #expect(more.intents.prefix(6).allSatisfy { $0.crisis != nil })
    }

    @Test("where a value is written: node keys, references and texts keep their ranges")
    func ranges() throws {
        let bundle = try loadTexts([
            "bundle.yaml": DecodingCase.settings,
            "done.yaml": "nodes:\n  end:\n    end: true\n",
            "t.yaml": "nodes:\n  start:\n    say: \"Hi {name}\"\n    next: done.end\n    set: {name: \"'x'\"}\n",
        ]).requireBundle()
        let n = try node(bundle, "start")
        #expect(n.range.start.description == "2:3")
        #expect(n.next?.range.start.description == "4:11")
        #expect(n.say[0].variants[0].range.start.description == "3:10")
        // The expression inside the quoted text is placed after the quote.
        guard case .expression(let expr, _) = n.say[0].variants[0].interpolation.parts[1] else {
            Issue.record("no expression part")
            return
        }
        #expect(expr.range.start.description == "3:15")
    }
}
