#!/usr/bin/env python3
"""End-to-end tests of the real `intake` binary: piped and --jsonl sessions compared
with golden files, file modes of --summary and --transcript, exit statuses, and the
terminal REPL driven through a pseudo-terminal (pexpect). Hostile input (bytes, huge
lines, signals, broken dialogs folders) is test_hostile.py's table.

Usage: test_chat.py BINARY [--record]
Golden files live in golden/, named after their test; --record rewrites them.
Ends with the line `N passed, N failed`.
"""
import contextlib
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import time
import runner

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(HERE, 'Fixtures', 'chat')
GOLDEN = os.path.join(HERE, 'golden')
BINARY = None
RECORD = False
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


@contextlib.contextmanager
def umask_zero():
    """Runs the block with umask 0, so that the modes of the files the binary writes are its
    own, not what a umask leaves of them."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def check_private(*paths):
    """Checks that each file is for its owner's eyes only (mode 600)."""
    for path in paths:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        check(mode == 0o600, '%s has mode %o' % (path, mode))


def run(args, stdin=b'', env=None, timeout=20):
    full_env = dict(os.environ, NO_COLOR='', TERM='dumb')
    full_env.pop('NO_COLOR')
    full_env.pop('INTAKE_DIALOGS', None)
    if env:
        full_env.update(env)
    return subprocess.run([BINARY] + args, input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=full_env, timeout=timeout)


def golden(name, text):
    path = os.path.join(GOLDEN, name)
    if RECORD or not os.path.exists(path):
        if not RECORD:
            raise AssertionError('no golden file %s; run with --record and review it' % path)
        os.makedirs(GOLDEN, exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return
    with open(path, encoding='utf-8') as f:
        want = f.read()
    if text != want:
        raise AssertionError('output differs from %s:\n--- got\n%s\n--- want\n%s' % (path, text, want))


def check(condition, message):
    if not condition:
        raise AssertionError(message)


SCRIPT = b'2\n6\nyes\nrate\n3\n4\nwhat is baclofen?\npurple\n'


@test
def piped_session_is_plain_text():
    r = run(['chat', '--dialogs', FIXTURE], SCRIPT)
    check(r.returncode == 0, 'exit %d: %s' % (r.returncode, r.stderr))
    out = r.stdout.decode()
    check('\x1b' not in out, 'colour codes on a pipe')
    check('> ' not in out, 'a prompt on a pipe')
    golden('piped_session.txt', out)


def turn_validator():
    """The strict JSON Schema of a protocol-2 turn (DESIGN.md), from the source tree."""
    import jsonschema
    with open(os.path.join(ROOT, 'Sources', 'DialogEngine', 'Protocol', 'turn.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(validator, turns):
    """The first few schema violations of a list of turns, as readable lines."""
    errors = []
    for t in turns:
        for e in validator.iter_errors(t):
            errors.append('turn %s at %s: %s' % (t.get('turn'), '/'.join(map(str, e.absolute_path)), e.message[:200]))
    return errors[:5]


@test
def jsonl_session_follows_the_turn_schema():
    r = run(['chat', '--jsonl', '--dialogs', FIXTURE], SCRIPT)
    check(r.returncode == 0, 'exit %d: %s' % (r.returncode, r.stderr))
    turns = [json.loads(line) for line in r.stdout.decode().splitlines()]
    check(turns[0]['turn'] == 0 and 'input' not in turns[0], 'opening turn')
    check(turns[-1]['state'] == 'ended' and 'summary' in turns[-1], 'closing turn with summary')
    keys = ['protocol', 'turn', 'input', 'node', 'state', 'say', 'ask', 'choices', 'expects', 'flags', 'crisis',
            'matched', 'trace', 'symptoms', 'scores', 'resources']
    for t in turns[1:-1]:
        check(list(t) == keys, 'keys of turn %d: %s' % (t['turn'], list(t)))
    # The closing turn at the end of input has no input.
    check(list(turns[-1]) == [k for k in keys if k != 'input'] + ['summary'], list(turns[-1]))
    check([t['turn'] for t in turns] == list(range(len(turns))), 'turn numbers')
    errors = schema_errors(turn_validator(), turns)
    check(not errors, '\n'.join(errors))
    golden('jsonl_session.jsonl', r.stdout.decode())


@test
def every_turn_of_the_shipped_scripted_tests_follows_the_turn_schema():
    validator = turn_validator()
    for folder in ['Dialogs/tests'] + sorted(
            os.path.join('Dialogs', 'training', m, 'tests') for m in os.listdir(os.path.join(ROOT, 'Dialogs', 'training'))
            if os.path.isdir(os.path.join(ROOT, 'Dialogs', 'training', m, 'tests'))):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'turns.jsonl')
            r = subprocess.run([BINARY, 'test', os.path.join(ROOT, folder), '--turns', out],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
            check(r.returncode == 0, '%s: exit %d: %s' % (folder, r.returncode, r.stderr.decode()[-500:]))
            with open(out, encoding='utf-8') as f:
                turns = [json.loads(line) for line in f]
        check(len(turns) > 10, '%s: only %d turns' % (folder, len(turns)))
        errors = schema_errors(validator, turns)
        check(not errors, '%s:\n%s' % (folder, '\n'.join(errors)))
        # `--staff` adds the author's note, which the schema also allows.
        check(all('note' not in t for t in turns), '%s: a note without --staff' % folder)


@test
def a_crisis_line_takes_over_from_any_node():
    for prefix in [b'', b'2\n', b'rate\n', b'2\n6\n']:
        r = run(['chat', '--jsonl', '--dialogs', FIXTURE], prefix + b'my friend took too many pills\n')
        turns = [json.loads(line) for line in r.stdout.decode().splitlines()]
        crisis = [t for t in turns if t.get('crisis')]
        check(crisis and crisis[0]['crisis']['level'] == 'takeover', 'no takeover after %r' % prefix)
        check(crisis[0]['node'] == 'crisis.other', 'node %s' % crisis[0]['node'])
        check('Call Emergency (911) now.' in crisis[0]['say'], 'script %s' % crisis[0]['say'])


@test
def uk_sessions_never_show_911():
    r = run(['chat', '--region', 'gb', '--dialogs', FIXTURE], b'my friend is not breathing\n')
    out = r.stdout.decode()
    check(r.returncode == 0, 'exit %d' % r.returncode)
    check('999' in out and '911' not in out, out)


@test
def an_unknown_region_is_a_usage_error_listing_the_known_ones():
    r = run(['chat', '--region', 'FR', '--dialogs', FIXTURE])
    check(r.returncode == 64, 'exit %d' % r.returncode)
    check(b'US' in r.stderr and b'UK' in r.stderr, r.stderr)


@test
def summary_and_transcript_files_are_private():
    with tempfile.TemporaryDirectory() as d:
        with umask_zero():
            summary, transcript = os.path.join(d, 's.json'), os.path.join(d, 't.jsonl')
            r = run(['chat', '--dialogs', FIXTURE, '--summary', summary, '--transcript', transcript], SCRIPT)
        check(r.returncode == 0, 'exit %d' % r.returncode)
        check_private(summary, transcript)
        data = json.load(open(summary))
        check(data['note'].endswith('not a diagnosis.'), data)
        lines = open(transcript).read().splitlines()
        check(len(lines) == SCRIPT.count(b'\n') + 2, '%d transcript lines' % len(lines))
        for line in lines:
            json.loads(line)


@test
def a_saved_session_resumes_where_it_stopped():
    with tempfile.TemporaryDirectory() as d:
        state = os.path.join(d, 'state.json')
        with umask_zero():
            first = run(['chat', '--jsonl', '--dialogs', FIXTURE, '--state', state], b'2\n6\n')
        check(first.returncode == 0, 'exit %d: %s' % (first.returncode, first.stderr))
        check(stat.S_IMODE(os.stat(state).st_mode) == 0o600, 'state mode %o' % stat.S_IMODE(os.stat(state).st_mode))
        saved = json.load(open(state))
        # The end of input does not end a saved session: a hang-up can be resumed.
        check(saved['format'] == 1 and saved['ended'] is False and saved['turn'] == 2, saved)
        check(saved['node'] == 'intake.early' and saved['bundle']['hash'].startswith('sha256:'), saved)
        uninterrupted = [json.loads(l) for l in run(['chat', '--jsonl', '--dialogs', FIXTURE], b'2\n6\nyes\nrate\n').stdout.decode().splitlines()]

        r = run(['chat', '--jsonl', '--dialogs', FIXTURE, '--resume', state], b'yes\nrate\n')
        check(r.returncode == 0, 'exit %d: %s' % (r.returncode, r.stderr))
        turns = [json.loads(l) for l in r.stdout.decode().splitlines()]
        again = turns[0]
        check(again['turn'] == 2 and 'input' not in again and again['trace'] == [{'step': 'resumed'}], again)
        check(again['ask'] == 'Are you pregnant?' and again['expects'] == {'kind': 'yes-no'}, again)
        check(turns[1:3] == uninterrupted[3:5], 'resumed turns differ:\n%s\n%s' % (turns[1:3], uninterrupted[3:5]))

        # quit ends the saved session too; an ended session is not resumed.
        r = run(['chat', '--dialogs', FIXTURE, '--resume', state], b'quit\n')
        check(r.returncode == 0 and json.load(open(state))['ended'] is True, 'quit: exit %d' % r.returncode)
        r = run(['chat', '--dialogs', FIXTURE, '--resume', state])
        check(r.returncode == 65 and b'ended' in r.stderr, 'ended: exit %d %r' % (r.returncode, r.stderr))

        for extra in (['--seed', '3'], ['--region', 'UK'], ['--start', 'intake.rate']):
            r = run(['chat', '--dialogs', FIXTURE, '--resume', state] + extra)
            check(r.returncode == 64, '%s with --resume: exit %d' % (extra, r.returncode))
        r = run(['chat', '--dialogs', FIXTURE, '--resume', os.path.join(d, 'missing.json')])
        check(r.returncode == 66, 'missing file: exit %d' % r.returncode)
        with open(os.path.join(d, 'bad.json'), 'w') as f:
            f.write('{"format": 1}')
        r = run(['chat', '--dialogs', FIXTURE, '--resume', os.path.join(d, 'bad.json')])
        check(r.returncode == 65 and b'cannot resume' in r.stderr, 'bad file: exit %d %r' % (r.returncode, r.stderr))
        # A state file that cannot be written is found before the first turn.
        r = run(['chat', '--dialogs', FIXTURE, '--state', os.path.join(d, 'no', 'such', 'dir.json')], b'2\n')
        check(r.returncode == 73 and r.stdout == b'', 'unwritable state: exit %d, %r' % (r.returncode, r.stdout[:80]))


@test
def nothing_is_written_without_a_flag():
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([BINARY, 'chat', '--dialogs', FIXTURE], input=SCRIPT, cwd=d,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)
        check(os.listdir(d) == [], 'files written: %s' % os.listdir(d))


DIALOGS = os.path.normpath(os.path.join(HERE, '..', '..', 'Dialogs'))
OVERDOSE_MODEL = (b'What did he take?\n'
                  b'This sounds like an overdose. Call 911 right now.\n'
                  b'Give him the naloxone now, following the directions on the package. '
                  b'Put him on his side in the recovery position and stay with him.\n'
                  b'Naloxone can wear off and the overdose can come back, so keep 911 coming.\n')


@test
def train_lists_the_modules_with_a_line_each():
    r = run(['train', '--dialogs', DIALOGS])
    check(r.returncode == 0, 'exit %d: %r' % (r.returncode, r.stderr))
    out = r.stdout.decode()
    for name in ('knowledge-check', 'caller-detox-at-home', 'caller-overdose', 'caller-am-i-an-addict'):
        line = [l for l in out.splitlines() if l.strip().startswith(name + ' ')]
        check(len(line) == 1 and len(line[0].split(None, 1)[1]) > 10, 'no line for %s in:\n%s' % (name, out))


@test
def train_report_is_private_and_scores_the_role_play():
    with tempfile.TemporaryDirectory() as d:
        with umask_zero():
            md, js = os.path.join(d, 'debrief.md'), os.path.join(d, 'debrief.json')
            r = run(['train', 'caller-overdose', '--dialogs', DIALOGS, '--report', md], OVERDOSE_MODEL)
            r2 = run(['train', 'caller-overdose', '--dialogs', DIALOGS, '--report', js], b'Hi.\nLet him sleep it off.\n')
        check(r.returncode == 0 and r2.returncode == 0, 'exit %d, %d' % (r.returncode, r2.returncode))
        check_private(md, js)
        check(sorted(os.listdir(d)) == ['debrief.json', 'debrief.md'], 'files: %s' % os.listdir(d))
        text = open(md, encoding='utf-8').read()
        check('| met | Tells the caller to call 911 now (critical) | 3/3 |' in text, text)
        check('**Total: 11 out of 11** (pass mark 70%)' in text and '**Passed.**' in text, text)
        check(re.search(r'^- Date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$', text, re.M) and '- Seed: 0' in text, text)
        check('## Transcript' in text and '> **Trainee:** This sounds like an overdose.' in text, text)
        check('not a diagnosis' not in text, text)
        data = json.load(open(js))
        check(data['module'] == 'caller-overdose' and data['hash'].startswith('sha256:'), data)
        check(data['bundle'] == data['hash'] and data['seed'] == 0 and data['persona'].startswith('Caller ('), data)
        check(re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', data['date']), data['date'])
        check([t['input'] for t in data['transcript']] == [None, 'Hi.', 'Let him sleep it off.', None], data['transcript'])
        missed = [i['id'] for i in data['debrief']['items'] if not i['met']]
        check('calls_911' in missed and data['debrief']['passed'] is False, data)
        broken = [i for i in data['debrief']['items'] if i['id'] == 'no_waiting'][0]
        check(broken['line'] == 'Let him sleep it off.' and broken['status'] == 'broken', broken)
        # The terminal says the verdict in words.
        check(b'Passed.' in r.stdout and b'Not passed: a critical item was' in r2.stdout, r.stdout[-300:] + r2.stdout[-300:])


@test
def train_writes_nothing_without_report_and_refuses_unknown_modules():
    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run([BINARY, 'train', 'knowledge-check', '--dialogs', DIALOGS], input=b'1\n2\n', cwd=d,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=20)
        check(r.returncode == 0, 'exit %d' % r.returncode)
        check(re.search(rb'Knowledge check: [0-2] out of 14 right \(2 answered\)\. Pass mark 80%\.', r.stdout), r.stdout[-600:])
        check(b'Not passed: 12 of 14 questions left unanswered.' in r.stdout and b'Right answer:' in r.stdout, r.stdout[-600:])
        check(os.listdir(d) == [], 'files written: %s' % os.listdir(d))
    r = run(['train', 'no-such-module', '--dialogs', DIALOGS])
    check(r.returncode == 64 and b'knowledge-check' in r.stderr, 'exit %d: %r' % (r.returncode, r.stderr))
    r = run(['chat', '--dialogs', os.path.join(DIALOGS, 'training', 'caller-overdose')], b'quit\n')
    check(r.returncode == 65, 'chat on a training module: exit %d' % r.returncode)


def spawn(args, env=None, dimensions=(24, 80)):
    import pexpect
    full_env = dict(os.environ, TERM='xterm')
    full_env.pop('NO_COLOR', None)
    if env:
        full_env.update(env)
    return pexpect.spawn(BINARY, args, env=full_env, dimensions=dimensions, timeout=10)


def at_prompt(args, env=None, dimensions=(24, 80)):
    """`spawn`, then waits for the first prompt."""
    child = spawn(args, env=env, dimensions=dimensions)
    child.expect('> ')
    return child


def ctrl_d(child):
    """Ends the session with Ctrl-D and waits for the end of its output."""
    child.sendcontrol('d')
    child.expect(pexpect_eof())


def goodbye(child):
    """Waits for the closing disclaimer, then the end of the output."""
    child.expect('not a diagnosis')
    child.expect(pexpect_eof())


def exits_0(child):
    child.close()
    check(child.exitstatus == 0, 'exit %s' % child.exitstatus)


@test
def terminal_tab_completes_a_choice():
    child = at_prompt(['chat', '--dialogs', FIXTURE], env={'NO_COLOR': '1'})
    child.send('Rat\t\r')
    child.expect('1 of 2: I feel anxious')
    child.sendcontrol('d')
    goodbye(child)
    exits_0(child)


@test
def terminal_up_arrow_recalls_history_and_ctrl_c_keeps_the_session():
    child = at_prompt(['chat', '--dialogs', FIXTURE], env={'NO_COLOR': '1'})
    child.send('purple\r')
    child.expect("didn't understand")
    child.expect('> ')
    child.send('half a line')
    child.sendintr()  # Ctrl-C abandons the line; the session goes on
    child.expect('> ')
    child.send('\x1b[A\r')  # Up arrow: the last line again
    child.expect("didn't understand")
    child.expect('> ')
    child.send('quit\r')
    goodbye(child)
    exits_0(child)


def opening_on_a_terminal(env=None):
    """What a terminal shows before the first prompt, then Ctrl-D ends the session."""
    child = at_prompt(['chat', '--dialogs', FIXTURE], env=env)
    shown = child.before.decode()
    ctrl_d(child)
    return shown


@test
def terminal_uses_colour_unless_no_color_is_set():
    check('\x1b[1m' in opening_on_a_terminal(), 'no colour on a terminal')
    check('\x1b[1m' not in opening_on_a_terminal({'NO_COLOR': '1'}), 'colour despite NO_COLOR')
    # The conventions: an empty NO_COLOR is not set; a dumb terminal gets no colour.
    check('\x1b[1m' in opening_on_a_terminal({'NO_COLOR': ''}), 'no colour with NO_COLOR empty')
    check('\x1b[' not in opening_on_a_terminal({'TERM': 'dumb'}), 'colour on TERM=dumb')


@test
def terminal_leaving_in_many_words_with_colour_on():
    """Whole-line farewells end the session at once; lines that only say the person wants
    to leave ask first, naming the crisis line; "no" goes on where the person was."""
    for line in ('exit', 'bye', 'Goodbye', ':quit'):
        child = at_prompt(['chat', '--dialogs', DIALOGS])
        child.send(line + '\r')
        goodbye(child)
    for line, answer in (('I want to quit', 'yes'), ("I'm done", 'y'), ('stop', '1'), ("ok that's all, thank you", 'yes please'),
                         ('me voy', 'si')):
        child = at_prompt(['chat', '--dialogs', DIALOGS])
        child.send(line + '\r')
        child.expect('Do you want to end our conversation now')
        check('988' in child.before.decode(), 'no crisis line before the question for %r' % line)
        child.expect('> ')
        child.send(answer + '\r')
        goodbye(child)
    child = at_prompt(['chat', '--dialogs', DIALOGS])
    child.send('I want to quit\r')
    child.expect('Do you want to end our conversation now')
    child.expect('> ')
    child.send('no\r')
    child.expect("OK, let's go on.")
    child.expect('What would you like to start with')
    child.expect('> ')
    # Words that carry on are not leaving: quitting heroin is a question about detox.
    child.send('i want to quit heroin\r')
    child.expect('detox')
    check('end our conversation' not in child.before.decode(), 'quitting heroin was read as leaving')
    ctrl_d(child)


@test
def terminal_ctrl_c_at_an_empty_prompt_says_how_to_leave_with_colour_on():
    child = spawn(['chat', '--dialogs', DIALOGS])
    for keys in ('', 'some words', ''):
        child.expect('> ')
        child.send(keys)
        time.sleep(0.3)
        child.sendintr()
        if keys:
            child.expect('\\^C\r?\n')
            check('to leave' not in child.before.decode(), 'the hint after a line with text')
        else:
            child.expect('to leave, type quit or press Ctrl-D')
    child.expect('> ')
    child.send('quit\r')
    goodbye(child)


@test
def authors_get_a_hint_inside_a_bundle_folder_and_a_did_you_mean_for_start():
    """Run inside a bundle's folder, the commands that default to ./Dialogs say to pass
    the folder; a misspelt --start names the node meant."""
    env = dict(os.environ, TERM='dumb')
    env.pop('INTAKE_DIALOGS', None)
    for args, hint in ((['check'], 'intake check .'), (['test'], 'intake test tests'), (['graph'], 'intake graph .'),
                       (['chat'], 'intake chat --dialogs .')):
        r = subprocess.run([BINARY] + args, cwd=DIALOGS, input=b'', stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env, timeout=60)
        check(r.returncode == 66, '%s: exit %d' % (args, r.returncode))
        check(hint in r.stderr.decode(), '%s: no hint %r in %r' % (args, hint, r.stderr[:300]))
    for start, meant in (('intake.welcom', 'intake.welcome'), ('screenig.start', 'screening.start'),
                         ('crisis.suicde', 'crisis.suicide')):
        r = run(['chat', '--dialogs', DIALOGS, '--start', start])
        check(r.returncode == 64, 'exit %d for --start %s' % (r.returncode, start))
        check(('did you mean `%s`?' % meant) in r.stderr.decode(), r.stderr.decode())


@test
def terminal_resources_read_as_sentences_and_the_checklist_says_its_instructions_once_with_colour_on():
    import io
    # Detox help, the dosing refusal and the crisis numbers each list resources.
    for line, expected in (('4', 'Call 911 (emergency services).'), ('5', 'Call 1-800-222-1222 (Poison Help), 24/7.'),
                           ('8', 'Call 911 (emergency services).')):
        child = at_prompt(['chat', '--dialogs', DIALOGS])
        child.send(line + '\r')
        child.expect('> ')
        shown = [l.strip() for l in visible_lines(child.before.decode())]
        check(expected in shown, 'no %r after %r: %s' % (expected, line, shown))
        check('emergency services (911)' not in shown, 'a resource as a fragment after %r' % line)
        ctrl_d(child)
    # The checklist's instructions come with its first item, not with every one.
    child = spawn(['chat', '--dialogs', DIALOGS], dimensions=(40, 200))
    log = io.BytesIO()
    child.logfile_read = log
    for line in ('3', 'cramps', '1', '1', '1', '2', '3'):
        child.expect('> ')
        child.send(line + '\r')
    child.expect('3 of 16')
    child.expect('> ')
    ctrl_d(child)
    text = log.getvalue().decode('utf-8', 'replace')
    check(text.count('How true is this for you right now') == 1, 'the instructions %d times' % text.count('How true is this for you right now'))
    check(text.count('0 not at all') >= 3, 'the answers are not shown with each item')


@test
def how_to_answer_is_told_to_a_person_not_read_aloud_by_staff_with_colour_on():
    hint = 'Type a number, or ask in your own words.'
    for args, shown in (([], True), (['--staff'], False)):
        child = at_prompt(['chat', '--dialogs', DIALOGS] + args)
        check((hint in child.before.decode()) == shown, '%s: the hint shown is %s' % (args, not shown))
        check('What would you like to start with?' in child.before.decode(), 'no question')
        ctrl_d(child)
    # Programs get the question alone; the script a worker reads has no typing in it.
    r = run(['chat', '--dialogs', DIALOGS, '--jsonl'], b'')
    first = json.loads(r.stdout.decode().splitlines()[0])
    check(first['ask'] == 'What would you like to start with?', first['ask'])


@test
def parse_pretty_prints_the_same_tree_indented():
    for name in ('intake.yaml', 'screening.yaml', 'resources.yaml'):
        path = os.path.join(DIALOGS, name)
        compact, pretty = run(['parse', path]), run(['parse', '--pretty', path])
        check(compact.returncode == 0 and pretty.returncode == 0, 'exit %d / %d' % (compact.returncode, pretty.returncode))
        check(json.loads(compact.stdout) == json.loads(pretty.stdout), '%s: --pretty changed the tree' % name)
        lines = pretty.stdout.decode().splitlines()
        check(len(lines) > 20 and lines[1].startswith('  "'), '%s: not indented: %r' % (name, lines[:3]))


@test
def graph_draws_part_of_a_large_bundle():
    whole = run(['graph', DIALOGS]).stdout.decode()
    for args, has, lacks in ((['--file', 'screening'], '"screening.start"', '"intake.welcome" ['),
                             (['--from', 'screening.start', '--depth', '1', '--no-intents'], '"screening.start" [', 'intent:'),
                             (['--no-intents'], '"intake.welcome" [', 'cluster_intents'),
                             (['--collapse-back-edges'], 'label="↩ intake.menu"', None)):
        r = run(['graph', DIALOGS] + args)
        out = r.stdout.decode()
        check(r.returncode == 0, '%s: exit %d' % (args, r.returncode))
        check(has in out, '%s: no %r' % (args, has))
        check(lacks is None or lacks not in out, '%s: %r drawn' % (args, lacks))
        check(len(out) < len(whole) or args == ['--collapse-back-edges'], '%s: not smaller' % args)
    for args, message in ((['--from', 'intake.welcom'], 'did you mean `intake.welcome`?'),
                          (['--file', 'screenin'], 'its files are: baclofen')):
        r = run(['graph', DIALOGS] + args)
        check(r.returncode == 64 and message in r.stderr.decode(), '%s: exit %d, %r' % (args, r.returncode, r.stderr[:200]))


def visible_lines(text):
    """Lines as the terminal shows them: carriage returns, our colours and readline's
    own sequences taken off."""
    import re
    text = re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '', text.replace('\r', ''))
    return text.replace('\x01', '').replace('\x02', '').split('\n')


@test
def terminal_text_is_no_wider_than_80_columns_in_a_wide_window_with_colour_on():
    for columns, width_option, widest in ((140, [], 80), (200, [], 80), (140, ['--width', '60'], 60),
                                          (100, ['--width', '0'], 100), (50, [], 50)):
        child = at_prompt(['chat', '--dialogs', DIALOGS] + width_option, dimensions=(40, columns))
        lines = visible_lines(child.before.decode())
        check(all(len(l) <= widest for l in lines), 'at %d columns %s: a line of %d' % (columns, width_option, max(map(len, lines))))
        check(any(len(l) > widest - 15 for l in lines), 'at %d columns %s: nothing near %d' % (columns, width_option, widest))
        # A wrapped choice goes on under its text, not under its number.
        child.send('1\r')
        child.expect('> ')
        lines = visible_lines(child.before.decode())
        for i, line in enumerate(lines[:-1]):
            if line.startswith('  ') and line.strip()[:2].rstrip('.').isdigit() and lines[i + 1].strip() \
                    and not lines[i + 1].strip()[:2].rstrip('.').isdigit():
                check(lines[i + 1].startswith('     '), 'a wrapped choice lost its indent: %r / %r' % (line, lines[i + 1]))
        ctrl_d(child)


@test
def terminal_staff_header_wraps_and_repeat_keeps_the_note_with_colour_on():
    child = at_prompt(['chat', '--dialogs', DIALOGS, '--staff'], dimensions=(40, 60))
    child.send('1\r')
    child.expect('> ')
    first = visible_lines(child.before.decode())
    check(all(len(l) <= 60 for l in first), 'a staff line wider than 60: %s' % max(first, key=len))
    check(any(l.startswith('staff: ') for l in first), 'no staff note at the baclofen overview')
    for command in ('repeat', ':repeat', 'REPEAT'):
        child.send(command + '\r')
        child.expect('> ')
        again = visible_lines(child.before.decode())
        check(any(l.startswith('staff: ') and 'honest' in ' '.join(again) for l in again), '%s dropped the staff note' % command)
    ctrl_d(child)


@test
def terminal_ctrl_d_starts_the_summary_on_a_line_of_its_own_with_colour_on():
    for before in ('', '2\r', '3\r'):
        child = at_prompt(['chat', '--dialogs', DIALOGS])
        if before:
            child.send(before)
            child.expect('> ')
        ctrl_d(child)
        lines = visible_lines(child.before.decode())
        summary = [l for l in lines if 'Summary of this session' in l]
        check(summary and summary[0].startswith('Summary'), 'the summary shares the prompt line: %r' % summary)


@test
def terminal_tab_offers_choices_before_commands_and_never_reload_with_colour_on():
    child = at_prompt(['chat', '--dialogs', DIALOGS])
    # "Ba" completes to "Baclofen…" alone: `back` beside it would stop the completion.
    child.send('Ba\t\r')
    child.expect('What would you like to know')
    child.expect('> ')
    # With no choice that fits, the commands complete.
    for typed, shown in (('rep\t\r', 'What would you like to know'), ('summ\t\r', 'Summary of this session'),
                         ('he\t\r', 'quit')):
        child.send(typed)
        child.expect(shown)
        child.expect('> ')
    # `reload` is for authors: "rel" stays "rel", which is not understood.
    child.send('rel\t\r')
    child.expect('Sorry')
    child.expect('> ')
    ctrl_d(child)


@test
def terminal_shows_dialog_text_without_its_escape_sequences_with_colour_on_and_off():
    """A dialog whose texts hold sequences that would conceal the emergency number,
    retitle the window or reverse a line: the terminal gets the words, with our own
    colours when colour is on, and none of those sequences either way."""
    import hostile_files
    with tempfile.TemporaryDirectory() as d:
        hostile_files.hostile_bundle(d)
        for env in ({}, {'NO_COLOR': '1'}):
            child = at_prompt(['chat', '--dialogs', os.path.join(d, 'd')], env=env)
            shown = child.before.decode()
            ctrl_d(child)
            check('In an emergency call Emergency (911).' in shown, 'the number is not shown plainly: %r' % shown[:300])
            for bad in ('\x1b[8m', '\x1b]0;', '\u202e', '\x9b', '\x07'):
                check(bad not in shown, '%r reached the terminal (env %s)' % (bad, env))
            check(('\x1b[1m' in shown) == (env == {}), 'our own colours: %r' % env)


@test
def terminal_line_editing_shows_what_is_sent_with_colour_on():
    """tmux draws the screen as a person sees it: after Ctrl-U the prompt line is empty
    again, and a line recalled with Up reads as it will be sent."""
    session = 'intake-e2e-%d' % os.getpid()
    env = dict(os.environ, TERM='xterm-256color')
    env.pop('NO_COLOR', None)
    env.pop('TMUX', None)
    command = '%s chat --dialogs %s' % (BINARY, FIXTURE)
    subprocess.run(['tmux', 'new-session', '-d', '-s', session, '-x', '80', '-y', '24', command], env=env, check=True)

    def screen():
        time.sleep(0.4)
        return subprocess.run(['tmux', 'capture-pane', '-p', '-t', session], stdout=subprocess.PIPE,
                              env=env).stdout.decode().rstrip('\n').split('\n')

    def last_line():
        lines = [l for l in screen() if l.strip()]
        return lines[-1].rstrip() if lines else ''

    def shows(expected):
        # The screen settles in its own time on a busy machine: wait up to 5 s.
        for _ in range(12):
            if last_line() == expected:
                return True
        return False

    def keys(*k):
        subprocess.run(['tmux', 'send-keys', '-t', session] + list(k), env=env)

    try:
        check(shows('>'), 'no prompt: %r' % screen()[-3:])
        keys('my legs ache', '')
        check(shows('> my legs ache'), 'typed: %r' % last_line())
        keys('C-u')
        check(shows('>'), 'after Ctrl-U the screen shows %r' % last_line())
        keys('what is baclofen', 'Enter')
        check(shows('>'), 'no prompt after the answer: %r' % last_line())
        keys('back', '')
        check(shows('> back'), 'typed: %r' % last_line())
        keys('C-u', 'Up')
        check(shows('> what is baclofen'), 'after Up the screen shows %r' % last_line())
    finally:
        subprocess.run(['tmux', 'kill-session', '-t', session], env=env, stderr=subprocess.DEVNULL)


@test
def terminal_wraps_to_a_narrow_window():
    child = at_prompt(['chat', '--dialogs', FIXTURE], env={'NO_COLOR': '1'}, dimensions=(24, 30))
    lines = [l for l in child.before.decode().replace('\r', '').split('\n')]
    check(all(len(l) <= 30 for l in lines), 'lines wider than 30: %s' % lines)
    check('Hello. In an emergency call' in child.before.decode(), child.before)
    ctrl_d(child)


def pexpect_eof():
    import pexpect
    return pexpect.EOF


def main():
    global BINARY, RECORD
    args = sys.argv[1:]
    RECORD = '--record' in args
    args = [a for a in args if a != '--record']
    if len(args) != 1:
        sys.exit(__doc__)
    BINARY = os.path.abspath(args[0])
    return runner.run(TESTS, 'end-to-end')


if __name__ == '__main__':
    sys.exit(main())
