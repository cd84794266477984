#!/usr/bin/env python3
"""Hostile input against the real `intake` binary, one table of cases.

Each case: a name, how its input is built (in a fresh temporary folder), the command,
the exit status it must end with, a fragment its output must hold (`out:` standard
output, `err:` standard error), and a time limit that turns a hang into a failure.
Every case also fails on crash or backtrace text on standard error and on a death by a
signal. Inputs are generated at test time (the 50 MB file too); nothing is committed.

Cases that need permission bits to stop a read (an unreadable folder or file) run as
`nobody` when the tests run as root; when that is not possible they are skipped, and the
run says why.

Usage: test_hostile.py BINARY
Prints `pass NAME` or `FAIL NAME: why` per case, then `hostile input: N passed, N failed,
N skipped`; exits 1 on any failure.
"""
import json
import os
import random
import pwd
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_bundles  # noqa: E402  (beside this file, whatever the working folder)
import hostile_files  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
DIALOGS = os.path.join(ROOT, 'Dialogs')
FIXTURE = os.path.join(HERE, 'Fixtures', 'chat')
BINARY = None

# What a crash leaves on standard error: the Swift runtime's messages and backtraces,
# and what a shell or sanitizer prints for a death by a signal.
CRASH_TEXT = ['Fatal error', 'Program crashed', 'crashed:', 'Stack dump', 'Backtrace', 'backtrace',
              'Segmentation fault', 'Illegal instruction', 'SIGSEGV', 'SIGILL', 'SIGTRAP', 'SIGABRT',
              'AddressSanitizer', 'Current stack trace']
CLOSING = 'This summary is automated information, not a diagnosis.'


class Skip(Exception):
    """A case that cannot run here; the run prints why."""


class Signal:
    """Input for a session ended from outside: write `lines`, wait until standard output
    holds `after`, then send `signo`; standard input stays open."""

    def __init__(self, lines, signo, after):
        self.lines, self.signo, self.after = lines, signo, after


class AsNobody:
    """Marks a case whose command must not run as root: permission bits do not stop root."""

    def __init__(self, stdin=b''):
        self.stdin = stdin


def check(condition, message):
    if not condition:
        raise AssertionError(message)


# MARK: - Building inputs

def copy_bundle(src, dst):
    """A copy of the top-level `*.yaml` files of `src`, readable by anyone."""
    os.makedirs(dst, exist_ok=True)
    os.chmod(dst, 0o755)
    for name in os.listdir(src):
        if name.endswith('.yaml'):
            shutil.copyfile(os.path.join(src, name), os.path.join(dst, name))
            os.chmod(os.path.join(dst, name), 0o644)
    return dst


def bundle_with(tmp, name, content):
    """The shipped bundle plus one file `name` with `content` (bytes), in tmp/d."""
    d = copy_bundle(DIALOGS, os.path.join(tmp, 'd'))
    with open(os.path.join(d, name), 'wb') as f:
        f.write(content)
    return b'quit\n'


def bundle_with_links(tmp, links):
    d = copy_bundle(DIALOGS, os.path.join(tmp, 'd'))
    for name, target in links:
        os.symlink(target, os.path.join(d, name))
    return b'quit\n'


def unreadable_folder(tmp):
    d = copy_bundle(DIALOGS, os.path.join(tmp, 'd'))
    os.chmod(d, 0)
    return AsNobody(b'quit\n')


def unreadable_file(tmp):
    d = copy_bundle(DIALOGS, os.path.join(tmp, 'd'))
    os.chmod(os.path.join(d, 'dosing.yaml'), 0)
    return AsNobody(b'quit\n')


def nested(n):
    return b'[' * n + b'\n'


def fifty_megabytes(tmp):
    """A well-formed dialog file of 50 MB: a node with a long `say` list, one item a
    line, as a runaway generator or a pasted log would make it."""
    d = copy_bundle(DIALOGS, os.path.join(tmp, 'd'))
    line = b'      - ' + b'Lorem ipsum dolor sit amet, consectetur adipiscing elit. ' * 2 + b'\n'
    with open(os.path.join(d, 'huge.yaml'), 'wb') as f:
        f.write(b'nodes:\n  huge:\n    say:\n')
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
        f.write(b'    end: true\n')
    return b'quit\n'


def binary_file(tmp):
    """A 4 MB file of random bytes among the dialogs, as a mistaken copy would put it."""
    d = copy_bundle(DIALOGS, os.path.join(tmp, 'd'))
    rng = random.Random(1)
    with open(os.path.join(d, 'binary.yaml'), 'wb') as f:
        f.write(bytes(rng.getrandbits(8) for _ in range(4 * 1024 * 1024)))
    return b'quit\n'


def write(tmp, name, content):
    with open(os.path.join(tmp, name), 'wb') as f:
        f.write(content)
    return b''


# MARK: - Checks after a run

def transcript_turns(tmp):
    with open(os.path.join(tmp, 't.jsonl'), encoding='utf-8') as f:
        text = f.read()
    check(text.endswith('\n') or text == '', 'the transcript ends inside a line')
    return [json.loads(line) for line in text.splitlines()]


def at_node(node, state, flag=None):
    """End of input at `node`: the last turn before the closing one waits there in
    `state`; the closing turn has ended with the summary; stdout ends with its note."""
    def verify(r, tmp):
        turns = transcript_turns(tmp)
        check(len(turns) >= 2, '%d turns in the transcript' % len(turns))
        last, closing = turns[-2], turns[-1]
        check((last['node'], last['state']) == (node, state),
              'walked to %s (%s), not %s (%s)' % (last['node'], last['state'], node, state))
        check(flag is None or flag in last['flags'], 'no %r flag: %s' % (flag, last['flags']))
        check(closing['state'] == 'ended' and closing['summary']['note'] == CLOSING, closing)
        check('input' not in closing, 'the closing turn has an input')
        check(r.stdout.decode().rstrip().endswith(CLOSING), r.stdout[-300:])
    return verify


def ended_at_end_node(r, tmp):
    turns = transcript_turns(tmp)
    check(turns[-1]['node'] == 'intake.end' and turns[-1]['state'] == 'ended', turns[-1])
    check(turns[-1]['input'] == '9', 'input after the end node was read: %s' % turns[-1])
    check(r.stdout.decode().rstrip().endswith(CLOSING), r.stdout[-300:])


def session_survived(r, tmp):
    check(b'\x1b' not in r.stdout, 'an escape sequence reached the output')
    check(b'\x00' not in r.stdout, 'a NUL byte reached the output')
    r.stdout.decode('utf-8')  # raises on invalid UTF-8
    check(r.stdout.decode().rstrip().endswith(CLOSING), r.stdout[-300:])


def signalled(r, tmp):
    turns = transcript_turns(tmp)
    check(turns[-1]['state'] == 'ended', 'the transcript has no closing turn: %s' % turns[-1])
    check([t['turn'] for t in turns] == list(range(len(turns))), 'turn numbers')
    with open(os.path.join(tmp, 's.json'), encoding='utf-8') as f:
        summary = json.load(f)
    check(summary['note'] == CLOSING, summary)
    check(sorted(os.listdir(tmp)) == ['s.json', 't.jsonl'], 'files left: %s' % os.listdir(tmp))
    check(CLOSING in r.stdout.decode(), 'no summary on the way out')


def nothing_started(r, tmp):
    check(r.stdout == b'', 'a session started: %r' % r.stdout[:200])


def one_line_per_problem(r, tmp):
    check(r.stderr.count(b'nesting is deeper than 100 levels') == 1, r.stderr[:600])
    check(len(r.stderr) < 4000, '%d bytes of diagnostics' % len(r.stderr))


# MARK: - The table

def chat(*extra):
    return ['chat', '--dialogs', DIALOGS, '--transcript', '{tmp}/t.jsonl'] + list(extra)


TEN_MB = 10 * 1024 * 1024
CASES = [
    # name, input (bytes, or a function of the temporary folder), command, status,
    # fragment, time limit in seconds[, extra check]
    ('invalid UTF-8 at the prompt', b'\xff\xfe\xc3 invalid utf-8 \xed\xa0\x80\n2\n',
     chat(), 0, 'out:' + CLOSING, 20, session_survived),
    ('NUL and control bytes at the prompt', b'\x00\x01\x02\n2\x00\n\x7f\x9b\n',
     chat(), 0, 'out:' + CLOSING, 20, session_survived),
    ('escape sequences typed in are never echoed raw',
     b'\x1b[2J\x1b]0;title\x07\n\x1b[31m3\x1b[0m\n\x1bPq#0;2;0;0;0#1~-\x1b\\\n\x9b31m\n',
     chat(), 0, 'out:' + CLOSING, 20, session_survived),
    ('a 2 MB line, then a choice', b'a' * (2 << 20) + b'\n2\n',
     ['chat', '--dialogs', FIXTURE], 0, 'out:' + CLOSING, 20, session_survived),
    ('a 10 MB line', b'x' * TEN_MB + b'\n',
     chat(), 0, 'err:only its first 4096 characters are read', 20, session_survived),
    ('a 10 MB line without a line break', b'y' * TEN_MB,
     chat(), 0, 'err:only its first 4096 characters are read', 20, session_survived),
    # Linear: about 0.4 ms a turn on a debug build (40 s), a tenth of that on release.
    ('100,000 empty lines', b'\n' * 100000,
     ['chat', '--dialogs', DIALOGS], 0, 'out:' + CLOSING, 90, session_survived),

    # End of input at every kind of node of the shipped bundle (see node_kinds_covered).
    ('end of input at the opening menu', b'', chat(), 0, 'out:' + CLOSING, 10,
     at_node('intake.welcome', 'awaiting-choice')),
    ('end of input after a re-ask', b'purple\n', chat(), 0, 'out:' + CLOSING, 10,
     at_node('intake.welcome', 'awaiting-choice', 'reask')),
    ('end of input at a free-text answer (expect: symptoms)', b'3\n', chat(), 0, 'out:' + CLOSING, 10,
     at_node('screening.start', 'awaiting-text')),
    ('end of input after a branch', b'3\nhello\n', chat(), 0, 'out:' + CLOSING, 10,
     at_node('screening.none_found', 'awaiting-choice')),
    ('end of input after a say-only node (next:)', b'3\ncramps\n1\n1\n', chat(), 0, 'out:' + CLOSING, 10,
     at_node('screening.sows_offer', 'awaiting-choice')),
    ('end of input in the middle of a scale', b'3\ncramps\n1\n1\n1\n2\n', chat(), 0, 'out:' + CLOSING, 10,
     at_node('screening.sows', 'awaiting-number')),
    ('end of input at a yes-no question', b'3\ncramps\n1\n1\n2\n', chat(), 0, 'out:' + CLOSING, 10,
     at_node('screening.red_emergency', 'awaiting-text')),
    ('end of input in a crisis script', b'my friend took too many pills\n', chat(), 0,
     'out:Warning signs noted: a possible overdose of someone else', 10,
     at_node('crisis.overdose_other', 'awaiting-choice', 'crisis')),
    ('end of input after the end node', b'my friend took too many pills\n4\n9\nmore input\n', chat(), 0,
     'out:Thank you for talking with me', 10, ended_at_end_node),

    # Signals from outside, mid-session.
    ('SIGINT from outside mid-session',
     Signal(b'2\n', signal.SIGINT, after=b'addiction'),
     chat('--summary', '{tmp}/s.json'), 130, 'out:' + CLOSING, 15, signalled),
    ('SIGTERM from outside mid-session',
     Signal(b'3\ncramps\n1\n', signal.SIGTERM, after=b'short-acting'),
     chat('--summary', '{tmp}/s.json'), 143, 'out:' + CLOSING, 15, signalled),
    # A crash (here a SIGSEGV or SIGABRT from outside) prints one line and no backtrace,
    # so nothing typed can reach standard error.
    ('a crash shows no backtrace and nothing typed',
     Signal(b'my name is Zebulon Quartermaine\n', signal.SIGSEGV, after=b'Sorry'),
     chat('--summary', '{tmp}/s.json'), 70, 'err:intake: internal error', 15,
     lambda r, tmp: check(b'Zebulon' not in r.stderr and len(r.stderr) < 300, r.stderr[:300])),
    ('an abort shows no backtrace and nothing typed',
     Signal(b'2\nmy name is Zebulon Quartermaine\n', signal.SIGABRT, after=b'Sorry'),
     chat(), 70, 'err:intake: internal error', 15,
     lambda r, tmp: check(b'Zebulon' not in r.stderr and len(r.stderr) < 300, r.stderr[:300])),
    ('SIGTERM before any input',
     Signal(b'', signal.SIGTERM, after=b'What would you like'),
     chat('--summary', '{tmp}/s.json'), 143, 'out:' + CLOSING, 15, signalled),

    # The dialogs folder.
    ('a missing dialogs folder', b'quit\n', ['chat', '--dialogs', '/nonexistent/dialogs'], 66,
     'err:intake: cannot read /nonexistent/dialogs: No such file or directory', 10, nothing_started),
    ('a missing folder for intake check', b'', ['check', '/nonexistent/dialogs'], 66,
     'err:cannot read /nonexistent/dialogs', 10),
    ('an unreadable dialogs folder', unreadable_folder, ['chat', '--dialogs', '{tmp}/d'], 66,
     'err:intake: cannot read {tmp}/d: Permission denied', 10, nothing_started),
    ('an unreadable file in the dialogs folder', unreadable_file, ['chat', '--dialogs', '{tmp}/d'], 66,
     'err:intake: cannot read {tmp}/d/dosing.yaml: Permission denied', 10, nothing_started),
    ('a file given as the dialogs folder', lambda tmp: write(tmp, 'f.yaml', b'a: 1\n'),
     ['chat', '--dialogs', '{tmp}/f.yaml'], 66, 'err:cannot read {tmp}/f.yaml: Not a directory', 10),
    ('one broken file among good ones', lambda tmp: bundle_with(tmp, 'broken.yaml', b'nodes:\n  x: "unterminated\n'),
     ['chat', '--dialogs', '{tmp}/d'], 65, 'err:{tmp}/d/broken.yaml:2:', 10, nothing_started),
    ('a symlink loop among the dialog files',
     lambda tmp: bundle_with_links(tmp, [('a.yaml', 'b.yaml'), ('b.yaml', 'a.yaml')]),
     ['chat', '--dialogs', '{tmp}/d'], 66, 'err:cannot read {tmp}/d/a.yaml: Too many levels of symbolic links', 10,
     nothing_started),
    ('a dangling symlink among the dialog files',
     lambda tmp: bundle_with_links(tmp, [('gone.yaml', 'nowhere.yaml')]),
     ['check', '{tmp}/d'], 66, 'err:cannot read {tmp}/d/gone.yaml: No such file or directory', 10),
    ('a symlink loop in a subfolder (not read)',
     lambda tmp: bundle_with_links(tmp, [('again', '.'), ('loop', 'loop')]),
     ['chat', '--dialogs', '{tmp}/d'], 0, 'out:' + CLOSING, 10),
    ('the dialogs folder is a symlink loop', lambda tmp: os.symlink('{}/d'.format(tmp), tmp + '/d') or b'',
     ['check', '{tmp}/d'], 66, 'err:cannot read {tmp}/d: Too many levels of symbolic links', 10),
    ('a 50 MB dialog file', fifty_megabytes, ['chat', '--dialogs', '{tmp}/d'], 65,
     'err:{tmp}/d/huge.yaml:1:1: error: the file is 50.0 MB', 20, nothing_started),
    ('a 50 MB dialog file for intake check', fifty_megabytes, ['check', '{tmp}/d'], 65,
     'err:{tmp}/d/huge.yaml:1:1: error: the file is 50.0 MB', 20),
    ('a 50 MB file for intake parse', fifty_megabytes, ['parse', '{tmp}/d/huge.yaml'], 65,
     'err:the file is 50.0 MB', 20),
    ('a 4 MB file of random bytes for intake check', binary_file, ['check', '{tmp}/d'], 65,
     'err:more problems in this file not shown [IY023]', 60),
    ('a 4 MB file of random bytes for intake parse', binary_file, ['parse', '{tmp}/d/binary.yaml'], 65,
     'err:more problems in this file not shown [IY023]', 60),
    ('10,000 nested [ for intake parse', lambda tmp: write(tmp, 'deep.yaml', nested(10000)),
     ['parse', '{tmp}/deep.yaml'], 65, 'err:{tmp}/deep.yaml:1:101: error: nesting is deeper than 100 levels', 10,
     one_line_per_problem),
    ('10,000 nested [ on standard input for intake parse', nested(10000),
     ['parse', '-'], 65, 'err:<stdin>:1:101: error: nesting is deeper than 100 levels', 10, one_line_per_problem),
    ('10,000 nested [ for intake check', lambda tmp: bundle_with(tmp, 'deep.yaml', nested(10000)),
     ['check', '{tmp}/d'], 65, 'err:{tmp}/d/deep.yaml:1:101: error: nesting is deeper than 100 levels', 10,
     one_line_per_problem),
    ('10,000 nested [ as a dialog file for intake chat', lambda tmp: bundle_with(tmp, 'deep.yaml', nested(10000)),
     ['chat', '--dialogs', '{tmp}/d'], 65, 'err:intake: {tmp}/d has 1 error; run intake check {tmp}/d', 10,
     nothing_started),
]
CASES += hostile_files.CASES
CASES += hostile_bundles.CASES


# MARK: - Running a case

def environment():
    env = dict(os.environ, TERM='dumb')
    for name in ('NO_COLOR', 'INTAKE_DIALOGS'):
        env.pop(name, None)
    return env


def nobody():
    """The user to drop to for permission cases, or None when not root. Raises Skip
    when running as root and `nobody` cannot run the binary."""
    if os.geteuid() != 0:
        return None
    try:
        user = pwd.getpwnam('nobody')
    except KeyError:
        raise Skip('running as root, where permission bits do not stop reads, and there is no user nobody')
    try:
        r = subprocess.run([BINARY, '--help'], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           user=user.pw_uid, group=user.pw_gid, extra_groups=[], timeout=20)
    except (OSError, subprocess.SubprocessError) as e:
        raise Skip('running as root, and nobody cannot run %s: %s' % (BINARY, e))
    if r.returncode != 0:
        raise Skip('running as root, and nobody cannot run %s: %s' % (BINARY, r.stderr[:200]))
    return user


def run_case(name, stdin, command, tmp, limit):
    args = [a.replace('{tmp}', tmp) for a in command]
    kwargs = {}
    if isinstance(stdin, AsNobody):
        user = nobody()
        if user:
            os.chmod(tmp, 0o755)
            kwargs = dict(user=user.pw_uid, group=user.pw_gid, extra_groups=[])
        stdin = stdin.stdin
    started = time.monotonic()
    if isinstance(stdin, Signal):
        return run_signalled(args, stdin, limit), time.monotonic() - started
    if isinstance(stdin, hostile_files.Prepared) or stdin == 'folder':
        return run_prepared(args, stdin, tmp, limit), time.monotonic() - started
    try:
        r = subprocess.run([BINARY] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=environment(), timeout=limit, **kwargs)
    except subprocess.TimeoutExpired:
        raise AssertionError('no answer within %d s (a hang?)' % limit)
    return r, time.monotonic() - started


def run_prepared(args, prepared, tmp, limit):
    """A command run as `hostile_files.Prepared` says: under a file size limit, with
    standard output closed or on a file, beside a session already running; or with a
    folder as standard input ('folder')."""
    if prepared == 'folder':
        prepared = hostile_files.Prepared(None)
        stdin_file = os.open(tmp, os.O_RDONLY)
    else:
        stdin_file = subprocess.PIPE
    during = None
    if prepared.during:
        during = subprocess.Popen([BINARY] + prepared.during, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env=environment())
        # Its greeting shows it holds its files.
        check(during.stdout.readline(), 'the first session did not start')
    preexec = None
    if prepared.fsize is not None:
        import resource

        def preexec():
            resource.setrlimit(resource.RLIMIT_FSIZE, (prepared.fsize, prepared.fsize))
    if prepared.stdout == 'closed':
        read_end, write_end = os.pipe()
        os.close(read_end)
        stdout = write_end
    elif prepared.stdout:
        stdout = os.open(prepared.stdout, os.O_WRONLY)
    else:
        stdout = subprocess.PIPE
    try:
        command = [BINARY] + args
        if prepared.plant:
            target = os.path.join(tmp, prepared.plant)
            command = ['/bin/sh', '-c', 'ln -s "$0" "$1.partial-$$" && shift && exec "$@"',
                       os.path.join(tmp, 'target'), target] + command
        p = subprocess.Popen(command, stdin=stdin_file, stdout=stdout, stderr=subprocess.PIPE,
                             env=environment(), preexec_fn=preexec)
        if stdout != subprocess.PIPE:
            os.close(stdout)
        try:
            out, err = p.communicate(input=prepared.stdin, timeout=limit)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            raise AssertionError('no answer within %d s (a hang?)' % limit)
        return subprocess.CompletedProcess(p.args, p.returncode, out or b'', err)
    finally:
        if stdin_file != subprocess.PIPE:
            os.close(stdin_file)
        if during:
            during.kill()
            during.wait()


def run_signalled(args, feed, limit):
    p = subprocess.Popen([BINARY] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=environment())
    try:
        p.stdin.write(feed.lines)
        p.stdin.flush()
        out = b''
        deadline = time.monotonic() + limit
        while feed.after not in out:
            left = deadline - time.monotonic()
            check(left > 0, 'never printed %r: %r' % (feed.after, out[-300:]))
            ready, _, _ = select.select([p.stdout], [], [], left)
            if ready:
                chunk = os.read(p.stdout.fileno(), 65536)
                check(chunk, 'output ended before %r' % feed.after)
                out += chunk
        p.send_signal(feed.signo)
        rest, err = p.communicate(timeout=max(1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        raise AssertionError('no exit within %d s after the signal (a hang?)' % limit)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    return subprocess.CompletedProcess(p.args, p.returncode, out + rest, err)


def verify(r, tmp, status, fragment, extra):
    check(r.returncode >= 0, 'killed by signal %d' % -r.returncode)
    for text in CRASH_TEXT:
        check(text.encode() not in r.stderr, 'crash text %r on stderr:\n%s' % (text, r.stderr[-2000:].decode('utf-8', 'replace')))
    check(r.returncode == status, 'exit %d, expected %d; stderr: %s'
          % (r.returncode, status, r.stderr[-600:].decode('utf-8', 'replace')))
    stream, text = fragment.split(':', 1)
    got = (r.stdout if stream == 'out' else r.stderr).decode('utf-8', 'replace')
    text = text.replace('{tmp}', tmp)
    check(text in got, 'no %r on std%s; it has: %s' % (text, stream, got[-600:]))
    if extra:
        extra(r, tmp)


def node_kinds_covered():
    """Every kind of node in the shipped bundle has an end-of-input case above, so a new
    kind (a number answer, say) fails here until a case walks to it."""
    covered = {
        'menu (choices)': 'end of input at the opening menu',
        'expect: symptoms': 'end of input at a free-text answer (expect: symptoms)',
        'expect: yes-no': 'end of input at a yes-no question',
        'scale': 'end of input in the middle of a scale',
        'branch': 'end of input after a branch',
        'say, then next': 'end of input after a say-only node (next:)',
        'crisis script': 'end of input in a crisis script',
        'end': 'end of input after the end node',
    }
    found = {}
    for name in sorted(os.listdir(DIALOGS)):
        if not name.endswith('.yaml'):
            continue
        r = subprocess.run([BINARY, 'parse', os.path.join(DIALOGS, name)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=20)
        check(r.returncode == 0, 'intake parse %s: exit %d' % (name, r.returncode))
        nodes = json.loads(r.stdout).get('nodes') or {}
        for node_name, node in nodes.items():
            if node.get('end'):
                kind = 'end'
            elif name == 'crisis.yaml':
                kind = 'crisis script'
            elif 'scale' in node:
                kind = 'scale'
            elif 'choices' in node:
                kind = 'menu (choices)'
            elif 'expect' in node:
                kind = 'expect: %s' % node['expect']
            elif 'branch' in node:
                kind = 'branch'
            else:
                kind = 'say, then next'
            found.setdefault(kind, '%s.%s' % (name[:-5], node_name))
    missing = {k: v for k, v in found.items() if k not in covered}
    check(not missing, 'no end-of-input case for these kinds of node: %s' % missing)
    names = {c[0] for c in CASES}
    check(all(v in names for v in covered.values()), 'a case named in node_kinds_covered is gone')


def main():
    global BINARY
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    hostile_files.BINARY[0] = BINARY
    passed = failed = skipped = 0
    try:
        node_kinds_covered()
        passed += 1
        print('pass every kind of node has an end-of-input case')
    except Exception as e:
        failed += 1
        print('FAIL every kind of node has an end-of-input case: %s' % e)
    for case in CASES:
        name, build, command, status, fragment, limit = case[:6]
        extra = case[6] if len(case) > 6 else None
        tmp = tempfile.mkdtemp(prefix='intake-hostile-')
        try:
            stdin = build(tmp) if callable(build) else build
            r, took = run_case(name, stdin, command, tmp, limit)
            verify(r, tmp, status, fragment, extra)
            passed += 1
            print('pass %s (%.1f s)' % (name, took))
        except (Skip, hostile_files.Skip) as e:
            skipped += 1
            print('skip %s: %s' % (name, e))
        except Exception as e:  # a failing case prints why and the run goes on
            failed += 1
            print('FAIL %s: %s' % (name, e))
            if not isinstance(e, AssertionError):
                traceback.print_exc()
        finally:
            for dirpath, dirnames, _ in os.walk(tmp):
                for d in dirnames:
                    try:
                        os.chmod(os.path.join(dirpath, d), 0o755)
                    except OSError:
                        pass
            os.chmod(tmp, 0o755)
            shutil.rmtree(tmp, ignore_errors=True)
        sys.stdout.flush()
    print('hostile input: %d passed, %d failed, %d skipped' % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
