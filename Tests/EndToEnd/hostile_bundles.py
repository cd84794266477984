"""Hostile bundles against the real `intake` binary: bundles that once crashed or hung a
session, or passed `intake check` with a loop that never asks anything, and `back` in
the middle of the shipped checklist.

`CASES` has the format of `CASES` in test_hostile.py, which adds these to its own: a
name, how the input is built (a function of the temporary folder that writes the
bundle into tmp/d and returns standard input), the command with `{tmp}`, the exit
status, an 'out:' or 'err:' fragment, a time limit in seconds, and an optional check.

Every bundle is the smallest complete intake bundle (the one-mistake fixtures' base,
Tests/DialogModelTests/Fixtures/valid/minimal) with its own intake.yaml or scale.
"""
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
DIALOGS = os.path.join(ROOT, 'Dialogs')
MINIMAL = os.path.join(ROOT, 'Tests', 'DialogModelTests', 'Fixtures', 'valid', 'minimal')
CLOSING = 'This summary is automated information, not a diagnosis.'


def check(condition, message):
    if not condition:
        raise AssertionError(message)


# MARK: - Building bundles

# The end of every intake.yaml below: the nodes the minimal bundle's other files name.
COMMON_NODES = b'''  topic:
    say: Baclofen is a muscle relaxant.
    next: goodbye
  goodbye:
    say: Take care. For detox help, call {detox-helpline}. In an emergency, {emergency}.
    end: true
'''


def minimal_bundle(tmp, nodes=b'', scale_range=None, scale_bands=None, stdin=b'quit\n'):
    """The minimal bundle in tmp/d, with `nodes` (indented by two) before the common ones
    as its intake.yaml, and the scale's range or bands replaced when given."""
    d = os.path.join(tmp, 'd')
    os.makedirs(d)
    for name in os.listdir(MINIMAL):
        if name.endswith('.yaml'):
            shutil.copyfile(os.path.join(MINIMAL, name), os.path.join(d, name))
    with open(os.path.join(d, 'intake.yaml'), 'wb') as f:
        f.write(b'dialog: hostile\ntitle: Hostile\nstart: welcome\nnodes:\n' + nodes + COMMON_NODES)
    if scale_range is not None or scale_bands is not None:
        path = os.path.join(d, 'screening.yaml')
        with open(path, 'rb') as f:
            text = f.read()
        if scale_range is not None:
            text = text.replace(b'range: 0...4\n', b'range: ' + scale_range + b'\n', 1)
        if scale_bands is not None:
            text = text.replace(b'      - {range: 0...3, label: lower}\n      - {range: 4...8, label: higher}\n', scale_bands, 1)
        with open(path, 'wb') as f:
            f.write(text)
    return stdin


# A menu that leads to the scale, for the scale bundles.
TO_SCALE = b'''  welcome:
    ask: What now?
    choices:
      - label: Rate
        goto: screening.score
      - label: Learn
        goto: topic
'''


def number_question(bounds):
    return b'''  welcome:
    ask: How many days?
    expect: number ''' + bounds + b'''
    save: days
    next: topic
  again:
    ask: Learn?
    choices:
      - label: Learn
        goto: topic
'''


LOOP = b'''  welcome:
    ask: Go?
    choices:
      - label: Go
        goto: a
      - label: Learn
        goto: topic
  a:
    set: {n: 1}
    next: b
  b:
    branch:
      - if: n > 100
        goto: goodbye
      - else: a
'''

COUNTING_LOOP = b'''  welcome:
    ask: Go?
    choices:
      - label: Go
        goto: count
      - label: Learn
        goto: topic
  count:
    set: {n: 0}
    next: step
  step:
    set: {n: n + 1}
    branch:
      - if: n < 1000
        goto: step
      - else: goodbye
'''

DOUBLING = b'''  welcome:
    set: {s: "x", n: 1}
    ask: Again?
    choices:
      - label: Again
        match: [again]
        goto: again
      - label: Learn
        goto: topic
  again:
    set: {s: s + s, n: n * 1000, d: n / 0}
    say: "Length {count(s)}, number {n}."
    ask: Again?
    choices:
      - label: Again
        match: [again]
        goto: again
      - label: Learn
        goto: topic
'''


def bundle(nodes=b'', stdin=b'quit\n', **scale):
    return lambda tmp: minimal_bundle(tmp, nodes, stdin=stdin, **scale)


# MARK: - Checks after a run

def turns(r):
    return [json.loads(line) for line in r.stdout.decode().splitlines()]


def every_turn_asks(r, tmp):
    """Every turn but the last waits for an answer with a question; the last has ended
    with the summary."""
    ts = turns(r)
    check(len(ts) >= 2, '%d turns' % len(ts))
    for t in ts[:-1]:
        check(t['state'] != 'ended' and (t['ask'] or t['choices']), 'a turn without a question: %s' % t)
    check(ts[-1]['state'] == 'ended' and ts[-1]['summary']['note'] == CLOSING, ts[-1])


def loop_stopped(r, tmp):
    every_turn_asks(r, tmp)
    go = turns(r)[1]
    check(go['node'] == 'intake.welcome' and go['state'] == 'awaiting-choice', go)
    check(any(s['step'] == 'problem' for s in go['trace']), 'no problem step: %s' % go['trace'])
    check(len(go['say']) == 1, 'what the loop said reached the person: %s' % go['say'][:3])


def grew_no_further(r, tmp):
    """The doubling text stops at the bound; memory stays small."""
    every_turn_asks(r, tmp)
    ts = turns(r)
    lengths = [int(s.split()[1].rstrip(',')) for t in ts for s in t['say'] if s.startswith('Length ')]
    check(max(lengths) == 8192, 'the longest text: %d' % max(lengths))
    problems = [s['message'] for t in ts for s in t['trace'] if s['step'] == 'problem']
    check(any('`s` is left unset' in p for p in problems), problems[:5])
    check(any('`n` is left unset' in p for p in problems), problems[:5])
    check(any('`d` is left unset: a division by zero' in p for p in problems), problems[:5])


def checklist_back(r, tmp):
    """`back` in the middle of the shipped checklist: one item back, its points off; the
    totals never pass 64; the summary says 64 out of 64."""
    ts = turns(r)
    totals = [t['scores']['sows']['total'] for t in ts if 'sows' in t['scores']]
    check(max(totals) <= 64, 'a total above 64: %s' % totals)
    said = [s for t in ts for s in t['say']]
    check('Your SOWS total is 64 out of 64.' in said, [s for s in said if 'SOWS' in s])
    backs = [t for t in ts if t.get('input') == 'back']
    check(backs[0]['ask'].endswith('9 of 16: I have cold flushes'), backs[0]['ask'])
    check(backs[0]['scores']['sows']['total'] == 32, backs[0]['scores'])


def checklist_left(r, tmp):
    """`back` at the second item steps to the first; at the first it leaves the list,
    and the summary has no total for it."""
    ts = turns(r)
    at = [(t.get('input'), t['node'], (t['ask'] or '')[-30:]) for t in ts]
    check(ts[-3]['node'] == 'screening.sows' and ts[-3]['ask'].endswith('1 of 16: I feel anxious'), at[-3:])
    check(ts[-2]['node'] == 'screening.sows_offer', at[-3:])
    check(ts[-1]['summary']['scores'] == {}, ts[-1]['summary']['scores'])


def checklist_abandoned(r, tmp):
    out = r.stdout.decode()
    check('Subjective Opiate Withdrawal Scale (SOWS): answered 3 of 16, not finished' in out, out[-600:])
    check('out of 64' not in out, 'a total for an unfinished checklist')


# MARK: - The table

def chat(dialogs='{tmp}/d', *extra):
    return ['chat', '--dialogs', dialogs] + list(extra)


TO_CHECKLIST = b'3\ncramps\n1\n1\n1\n'
BIG = b'9223372036854775807'

def long_chain(n):
    """A welcome menu whose choice leads into `n` say-only nodes in a row."""
    def build(tmp):
        nodes = b''.join(b'  n%d:\n    say: Step %d.\n    next: %s\n' % (i, i, (b'n%d' % (i + 1)) if i + 1 < n else b'goodbye')
                         for i in range(n))
        return minimal_bundle(tmp, b'  welcome:\n    ask: Go?\n    choices: [{label: go, goto: n0}]\n' + nodes)
    return build


def broken_nodes(n):
    """The minimal bundle and a file of `n` nodes, each with two syntax errors: every
    problem cannot be read around, and checking it still takes seconds."""
    def build(tmp):
        stdin = minimal_bundle(tmp)
        with open(os.path.join(tmp, 'd', 'broken.yaml'), 'wb') as f:
            f.write(b'nodes:\n' + b''.join(b'  n%d:\n    say: "a: b\n    next: [x\n' % i for i in range(n)))
        return stdin
    return build


def wide_menu(n, stdin=b'quit\n'):
    """A welcome menu of `n` choices, each to the topic, with an id of its own."""
    def build(tmp):
        choices = b''.join(b'      - {id: c%d, label: "Option number %d", goto: topic}\n' % (i, i) for i in range(n))
        return minimal_bundle(tmp, b'  welcome:\n    ask: Pick one.\n    choices:\n' + choices, stdin=stdin)
    return build


CASES = [
    # Ranges and scale sizes: `intake check` says IC038 (exit 65), and no session starts.
    ('check: a number question up to Int.max', bundle(number_question(b'0...' + BIG)), ['check', '{tmp}/d'], 65,
     "err:the answer's range `0..." + BIG.decode() + "` goes beyond ±1,000,000 [IC038]", 20),
    ('chat: a number question up to Int.max is refused, no trap',
     bundle(number_question(b'0...' + BIG), stdin=b'purple\n'), chat(), 65, 'err:has 1 error; run intake check', 20),
    ('check: a number question with an exponent', bundle(number_question(b'1...5e18')), ['check', '{tmp}/d'], 65,
     "err:the answer's range `1...5e18` goes beyond ±1,000,000 [IC038]", 20),
    ('check: a number question of 20 digits', bundle(number_question(b'-99999999999999999999...0')), ['check', '{tmp}/d'], 65,
     'err:goes beyond ±1,000,000 [IC038]', 20),
    ('check: a reversed number question', bundle(number_question(b'9...1')), ['check', '{tmp}/d'], 65,
     'err:`number 9...1` must go up, not down [IC020]', 20),
    ('chat: the widest number question, then a word and a number far out',
     bundle(number_question(b'-1000000...1000000'), stdin=b'purple\n99999999999999999999\n-5\n'),
     chat('{tmp}/d', '--jsonl'), 0, 'out:Please answer with a number from -1000000 to 1000000.', 20, every_turn_asks),
    ('check: a scale up to Int.max', bundle(TO_SCALE, scale_range=b'0...' + BIG), ['check', '{tmp}/d'], 65,
     'err:`range` `0...' + BIG.decode() + '` goes beyond ±1,000,000 [IC038]', 20),
    ('chat: a scale up to Int.max is refused, no trap', bundle(TO_SCALE, scale_range=b'0...' + BIG, stdin=b'1\n'),
     chat(), 65, 'err:has 1 error; run intake check', 20),
    ('check: a scale up to 5e18', bundle(TO_SCALE, scale_range=b'1...5000000000000000000'), ['check', '{tmp}/d'], 65,
     'err:goes beyond ±1,000,000 [IC038]', 20),
    ('check: a scale of 50 million points, at once', bundle(TO_SCALE, scale_range=b'0...50000000'), ['check', '{tmp}/d'], 65,
     'err:`range` `0...50000000` goes beyond ±1,000,000 [IC038]', 10),
    ('chat: a scale of 50 million points is refused at once', bundle(TO_SCALE, scale_range=b'0...50000000', stdin=b'1\n'),
     chat(), 65, 'err:has 1 error', 10),
    ('check: a scale of 1,000 points', bundle(TO_SCALE, scale_range=b'0...999'), ['check', '{tmp}/d'], 65,
     'err:scale `sows` has 1,000 points; a scale has at most 101 [IC038]', 20),
    ('check: a negative scale', bundle(TO_SCALE, scale_range=b'-4...-1'), ['check', '{tmp}/d'], 65,
     'err:scale `sows` has negative points, from -4 [IC038]', 20),
    ('check: a scale from negative to positive', bundle(TO_SCALE, scale_range=b'-4...4'), ['check', '{tmp}/d'], 65,
     'err:scale `sows` has negative points, from -4 [IC038]', 20),
    ('check: a reversed scale', bundle(TO_SCALE, scale_range=b'4...0'), ['check', '{tmp}/d'], 65,
     'err:`range` must go up, not down [IC020]', 20),
    ('check: a band up to Int.max', bundle(TO_SCALE, scale_bands=b'      - {range: 0...' + BIG + b', label: all}\n'),
     ['check', '{tmp}/d'], 65, 'err:goes beyond ±1,000,000 [IC038]', 20),
    ('check: a negative band', bundle(TO_SCALE, scale_bands=b'      - {range: -1000000...8, label: all}\n'),
     ['check', '{tmp}/d'], 65, 'err:band `all` starts below the lowest total, 0 [IC014]', 20),
    ('check: bands past the highest total', bundle(TO_SCALE, scale_bands=b'      - {range: 0...3, label: lower}\n'
                                                 b'      - {range: 4...1000000, label: higher}\n'),
     ['check', '{tmp}/d'], 65, 'err:band `higher` goes past the highest total, 8 [IC014]', 20),

    # Loops that never wait for input: IC039 in `intake check`, and refused by the chat.
    ('check: a loop through set, next and branch', bundle(LOOP), ['check', '{tmp}/d'], 65,
     'err:loop that never waits for input: intake.a → intake.b → intake.a [IC039]', 20),
    ('chat: a loop through set, next and branch is refused', bundle(LOOP, stdin=b'1\nhello\n'), chat(), 65,
     'err:has 1 error; run intake check', 20),
    ('check: a counting loop of branches', bundle(COUNTING_LOOP), ['check', '{tmp}/d'], 65,
     'err:loop that never waits for input: intake.step → intake.step [IC039]', 20),

    # Values that grow on every answer stop at their bounds; the session goes on.
    ('chat: a set that doubles a text and multiplies a number on every answer',
     bundle(DOUBLING, stdin=b'again\n' * 60), chat('{tmp}/d', '--jsonl'), 0, 'out:"step":"problem"', 30, grew_no_further),

    # The shipped checklist: `back` and `restart` in the middle.
    ('back in the middle of the shipped checklist', TO_CHECKLIST + b'4\n' * 9 + b'back\n' + b'4\n' * 8 + b'summary\n',
     chat(DIALOGS, '--jsonl'), 0, 'out:Subjective Opiate Withdrawal Scale (SOWS): 64 out of 64', 20, checklist_back),
    ('back at the second item of the shipped checklist, and again at the first',
     TO_CHECKLIST + b'2\nback\nback\n', chat(DIALOGS, '--jsonl'), 0, 'out:' + CLOSING, 20, checklist_left),
    ('restart in the middle of the shipped checklist, then all of it',
     TO_CHECKLIST + b'4\n' * 10 + b'restart\n' + TO_CHECKLIST + b'4\n' * 16 + b'quit\n', chat(DIALOGS), 0,
     'out:Subjective Opiate Withdrawal Scale (SOWS): 64 out of 64', 20),
    ('the shipped checklist left after three items', TO_CHECKLIST + b'1\n2\n3\n', chat(DIALOGS), 0,
     'out:answered 3 of 16, not finished', 20, checklist_abandoned),
    ('check: the shipped bundle has no IC038 or IC039', b'', ['check', DIALOGS], 0, 'out:0 errors', 60,
     lambda r, tmp: check(b'IC038' not in r.stderr and b'IC039' not in r.stderr, r.stderr[-600:])),

    # Wide menus: a turn costs time in proportion to the menu, so walking every choice
    # of a menu of thousands stays within seconds (5,000 choices took 70 s).
    ('intake check --paths on a menu of 2,000 choices', wide_menu(2000), ['check', '--paths', '{tmp}/d'], 0,
     'out:walked', 60),
    ('a chat at a menu of 5,000 choices', wide_menu(5000, b'4999\nOption number 17\nquit\n'),
     ['chat', '--dialogs', '{tmp}/d'], 0, 'out:Baclofen is a muscle relaxant.', 30),
    ('check: a chain of 70 say-only nodes', long_chain(70), ['check', '{tmp}/d'], 65, 'err:IC040', 20),
    ('chat refuses a chain of 100 say-only nodes', long_chain(100), ['chat', '--dialogs', '{tmp}/d'], 65,
     'err:101 nodes in a row without a question', 20),
    ('check: a chain of 40 say-only nodes is fine', long_chain(40), ['check', '{tmp}/d'], 0, 'out:0 errors', 20),
    # A syntax error is read around, but a file with an error on every line is not read
    # again line by line: what follows the problems not shown is left out (2 MB).
    ('check: 50,000 nodes with two syntax errors each', broken_nodes(50000), ['check', '{tmp}/d'], 65,
     'err:99899 more problems in this file not shown', 20),
]
