"""Hostile paths and streams for the hostile-input table of test_hostile.py: symbolic
links, devices, FIFOs, full disks, file size limits, closed and full standard output,
files others can read, two sessions on one transcript, a folder as standard input, and
CR line ends. Each case is in the table's format; `Prepared` input says how the command
is run (a file size limit, where standard output goes, a session already running)."""
import json
import os
import stat
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DIALOGS = os.path.normpath(os.path.join(HERE, '..', '..', 'Dialogs'))
CLOSING = 'This summary is automated information, not a diagnosis.'
SECRET = b'a file that is not intake\'s to write\n'


class Skip(Exception):
    """A case that cannot run here (test_hostile.py prints why)."""


class Prepared:
    """Input with how to run the command: `fsize`, a file size limit in bytes (as
    `ulimit -f`); `stdout`, a path standard output goes to, or 'closed' for a pipe whose
    reader has gone; `during`, a command started first and kept running (its stdin
    open) until the case has run."""

    def __init__(self, stdin=b'', fsize=None, stdout=None, during=None, plant=None):
        self.stdin, self.fsize, self.stdout, self.during = stdin, fsize, stdout, during
        # A link planted at `plant`.partial-PID, the temporary name older versions used,
        # by a shell that then becomes the command (same PID).
        self.plant = plant


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def chat(*extra):
    return ['chat', '--dialogs', DIALOGS] + list(extra)


def path(tmp, name):
    return os.path.join(tmp, name)


def secret(tmp, name='target'):
    with open(path(tmp, name), 'wb') as f:
        f.write(SECRET)
    os.chmod(path(tmp, name), 0o600)


def link(name, stdin=b'quit\n'):
    """A symbolic link `name` to a file that must stay as it is."""
    def build(tmp):
        secret(tmp)
        os.symlink(path(tmp, 'target'), path(tmp, name))
        return stdin
    return build


def target_untouched(r, tmp):
    with open(path(tmp, 'target'), 'rb') as f:
        check(f.read() == SECRET, 'the file behind the link was written')
    leftovers = [n for n in os.listdir(tmp) if 'partial' in n or n.startswith('.')]
    check(not leftovers, 'temporary files left: %s' % leftovers)


def device(name, minor):
    """A copy of /dev/null (minor 3) or /dev/full (7) made with mknod, so that a failing
    case cannot damage the real one."""
    def build(tmp):
        if os.geteuid() != 0:
            raise Skip('making a device with mknod needs root')
        try:
            os.mknod(path(tmp, name), 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        except OSError as e:
            raise Skip('mknod is not permitted here: %s' % e)
        os.chmod(path(tmp, name), 0o666)
        return b'quit\n'
    return build


def device_untouched(name):
    def verify(r, tmp):
        info = os.lstat(path(tmp, name))
        check(stat.S_ISCHR(info.st_mode), '%s is no longer a device' % name)
        check(stat.S_IMODE(info.st_mode) == 0o666, '%s mode changed to %o' % (name, stat.S_IMODE(info.st_mode)))
    return verify


def fifo(name):
    def build(tmp):
        os.mkfifo(path(tmp, name), 0o600)
        return b'quit\n'
    return build


def existing(name, mode, owner=None, stdin=b'quit\n'):
    """A file that exists already, with `mode` (and `owner`, a user name, as root)."""
    def build(tmp):
        secret(tmp, name)
        os.chmod(path(tmp, name), mode)
        if owner:
            if os.geteuid() != 0:
                raise Skip('giving a file to another user needs root')
            import pwd
            user = pwd.getpwnam(owner)
            os.chown(path(tmp, name), user.pw_uid, user.pw_gid)
        return stdin
    return build


def unchanged(name, mode):
    def verify(r, tmp):
        check(stat.S_IMODE(os.stat(path(tmp, name)).st_mode) == mode, 'the mode of %s changed' % name)
        with open(path(tmp, name), 'rb') as f:
            check(f.read() == SECRET, '%s was written' % name)
    return verify


def earlier_summary(name='s.json'):
    def build(tmp):
        with open(path(tmp, name), 'w') as f:
            f.write('{"earlier": "complete"}\n')
        os.chmod(path(tmp, name), 0o600)
    return build


def summary_kept(r, tmp):
    with open(path(tmp, 's.json')) as f:
        check(json.load(f) == {'earlier': 'complete'}, 'the earlier summary was replaced')
    check(sorted(os.listdir(tmp)) == ['s.json'] or 'small' in os.listdir(tmp), os.listdir(tmp))


def limited(fsize, stdin, *builders):
    def build(tmp):
        for b in builders:
            b(tmp)
        return Prepared(stdin, fsize=fsize)
    return build


def whole_lines(r, tmp):
    with open(path(tmp, 't.jsonl'), 'rb') as f:
        text = f.read()
    check(text.endswith(b'\n'), 'the transcript ends inside a line')
    for line in text.splitlines():
        json.loads(line)


def summary_written(r, tmp):
    with open(path(tmp, 's.json')) as f:
        check(json.load(f)['note'] == CLOSING, 'the summary is not complete')


def small_disk(tmp):
    """A 64 KB tmpfs filled to the brim, at tmp/small (root, where mounting is allowed)."""
    if os.geteuid() != 0:
        raise Skip('mounting a small tmpfs needs root')
    small = path(tmp, 'small')
    os.mkdir(small)
    r = subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise Skip('mounting a tmpfs is not permitted here: %s' % r.stderr.decode(errors='replace').strip())
    return small


def full_disk_with(*names):
    def build(tmp):
        small = small_disk(tmp)
        for name in names:
            earlier_summary(name)(small)
        try:
            with open(path(small, 'fill'), 'wb') as f:
                f.write(b'\0' * (1 << 20))
        except OSError:
            pass  # full: that is the point
        return b'2\nquit\n'
    return build


def unmount_after(check_files):
    def verify(r, tmp):
        small = path(tmp, 'small')
        try:
            check_files(r, small)
        finally:
            subprocess.run(['umount', small])
    return verify


def kept_on_full_disk(r, small):
    with open(path(small, 's.json')) as f:
        check(json.load(f) == {'earlier': 'complete'}, 'the earlier summary was replaced')
    leftovers = [n for n in os.listdir(small) if n not in ('s.json', 'fill', 't.jsonl')]
    check(not leftovers, 'temporary files left: %s' % leftovers)


def transcript_empty_or_whole(r, small):
    p = path(small, 't.jsonl')
    text = open(p, 'rb').read() if os.path.exists(p) else b''
    check(text == b'' or text.endswith(b'\n'), 'the transcript ends inside a line')


def closed_output(stdin, *builders):
    def build(tmp):
        for b in builders:
            b(tmp)
        return Prepared(stdin, stdout='closed')
    return build


def full_output(stdin):
    return Prepared(stdin, stdout='/dev/full')


def planted(name, stdin=b'2\nquit\n'):
    def build(tmp):
        secret(tmp)
        return Prepared(stdin, plant=name)
    return build


def planted_untouched(name):
    def verify(r, tmp):
        with open(path(tmp, 'target'), 'rb') as f:
            check(f.read() == SECRET, 'the file behind the planted link was written')
        links = [n for n in os.listdir(tmp) if n.startswith(name + '.partial-')]
        check(len(links) == 1 and os.path.islink(path(tmp, links[0])), 'the planted link: %s' % os.listdir(tmp))
        check(os.path.getsize(path(tmp, name)) > 0 and not os.path.islink(path(tmp, name)), '%s not written' % name)
    return verify


def another_session(*args):
    def build(tmp):
        return Prepared(b'quit\n', during=[a.replace('{tmp}', tmp) for a in args])
    return build


def cr_session(r, tmp):
    out = r.stdout.decode()
    check('Symptoms you mentioned: stomach cramps' in out, 'the lines were not read one by one: %s' % out[-600:])
    check('Sorry' not in out, 'a line was not understood: %s' % out[-400:])


FIXTURE = os.path.join(HERE, 'Fixtures', 'chat')
# The binary under test, set by test_hostile.py before the cases run.
BINARY = [None]
TRAINING = os.path.join(DIALOGS, 'training', 'knowledge-check')
# Escape sequences that would conceal text, retitle the window or reorder a line.
HOSTILE_TEXT = r'\e[8m hidden \e[0m\e]0;retitled\a \u202Ereversed \x9b31m red'


def hostile_bundle(tmp):
    """The chat fixture with escape sequences in its opening text and a choice label."""
    import shutil
    shutil.copytree(FIXTURE, path(tmp, 'd'))
    p = path(tmp, 'd/intake.yaml')
    text = open(p).read()
    text = text.replace('say: Hello. In an emergency call {emergency}.',
                        'say: "Hello.%s In an emergency call {emergency}."' % HOSTILE_TEXT)
    text = text.replace('- label: Facts', '- label: "Facts%s"' % HOSTILE_TEXT)
    open(p, 'w').write(text)
    return b'quit\n'


def hostile_module(tmp):
    """A training folder whose module description holds escape sequences."""
    import shutil
    shutil.copytree(TRAINING, path(tmp, 'd/training/evil'))
    p = path(tmp, 'd/training/evil/questions.yaml')
    text = open(p).read()
    start = text.index('description: ')
    end = text.index('\n', start)
    text = text[:start] + 'description: "Evil%s"' % HOSTILE_TEXT + text[end:]
    open(p, 'w').write(text)
    return b''


def nothing_raw(r, tmp):
    for bad, what in ((b'\x1b', 'ESC'), (b'\xc2\x9b', 'CSI'), ('\u202e'.encode(), 'a right-to-left override'),
                      (b'\x07', 'BEL')):
        check(bad not in r.stdout, '%s reached the output: %r' % (what, r.stdout[:300]))


def names_outside_bundle(tmp):
    """A test file that names a bundle far outside its own folder."""
    os.mkdir(path(tmp, 'x'))
    with open(path(tmp, 'x/evil.test'), 'w') as f:
        f.write('bundle: %s\n\ntest: anything\n  > hi\n' % os.path.join(DIALOGS, 'training', 'caller-overdose'))
    return b''


def no_excerpts(r, tmp):
    check(b'caller-overdose/' not in r.stderr and b'.yaml:' not in r.stderr, 'another folder was read: %r' % r.stderr[:400])


def peak_memory(binary, stdin):
    """The peak resident memory, in KB, of a chat on the shipped dialogs reading `stdin`."""
    import tempfile
    with tempfile.TemporaryFile() as f:
        f.write(stdin)
        f.seek(0)
        p = subprocess.Popen([binary, 'chat', '--dialogs', DIALOGS], stdin=f, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = status
    return usage.ru_maxrss


def memory_stays_flat(binary):
    """Ten times the turns (menus walked forward, so the way back grows) cost no more
    than a little more memory: what a session keeps is bounded."""
    def verify(r, tmp):
        few = peak_memory(binary(), b'2\n1\n' * 2000)
        many = peak_memory(binary(), b'2\n1\n' * 20000)
        check(many - few < 1500, 'memory grew from %d KB to %d KB over ten times the turns' % (few, many))
    return verify


CASES = [
    # Links: never written through, for every file a command writes.
    ('--transcript through a symbolic link', link('t.jsonl'), chat('--transcript', '{tmp}/t.jsonl'), 73,
     'err:is a symbolic link', 10, target_untouched),
    ('--summary through a symbolic link', link('s.json'), chat('--summary', '{tmp}/s.json'), 73,
     'err:intake: cannot create {tmp}/s.json: is a symbolic link', 10, target_untouched),
    ('--record through a symbolic link', link('r.test'), chat('--record', '{tmp}/r.test'), 73,
     'err:is a symbolic link', 10, target_untouched),
    ('--state through a symbolic link', link('state.json'), chat('--state', '{tmp}/state.json'), 73,
     'err:is a symbolic link', 10, target_untouched),
    ('--history through a symbolic link', link('h'), chat('--history', '{tmp}/h'), 73,
     'err:is a symbolic link', 10, target_untouched),
    ('--report through a symbolic link', link('report.md', b'quit\n'),
     ['train', '--dialogs', DIALOGS, 'knowledge-check', '--report', '{tmp}/report.md'], 73,
     'err:is a symbolic link', 10, target_untouched),
    ('--junit through a symbolic link', link('j.xml'),
     ['test', os.path.join(DIALOGS, 'tests'), '--junit', '{tmp}/j.xml'], 73, 'err:is a symbolic link', 60,
     target_untouched),
    ('intake graph --output through a symbolic link', link('g.dot'),
     ['graph', DIALOGS, '--output', '{tmp}/g.dot'], 73, 'err:is a symbolic link', 20, target_untouched),

    # The temporary name is not predictable: a link at the old one is left alone.
    ('a link planted at the old temporary name of --summary', planted('s.json'), chat('--summary', '{tmp}/s.json'), 0,
     'out:' + CLOSING, 10, planted_untouched('s.json')),
    ('a link planted at the old temporary name of --record', planted('r.test'), chat('--record', '{tmp}/r.test'), 0,
     'out:' + CLOSING, 10, planted_untouched('r.test')),
    ('a link planted at the old temporary name of --report', planted('report.md', b'1\nquit\n'),
     ['train', '--dialogs', DIALOGS, 'knowledge-check', '--report', '{tmp}/report.md'], 0, 'out:', 20,
     planted_untouched('report.md')),

    # Devices, FIFOs and folders are refused, and left as they were.
    ('--transcript on a copy of /dev/null', device('null', 3), chat('--transcript', '{tmp}/null'), 73,
     'err:not a regular file', 10, device_untouched('null')),
    ('--summary on a copy of /dev/null', device('null', 3), chat('--summary', '{tmp}/null'), 73,
     'err:not a regular file', 10, device_untouched('null')),
    ('--transcript on a copy of /dev/full', device('full', 7), chat('--transcript', '{tmp}/full'), 73,
     'err:not a regular file', 10, device_untouched('full')),
    ('--state on a copy of /dev/full', device('full', 7), chat('--state', '{tmp}/full'), 73,
     'err:not a regular file', 10, device_untouched('full')),
    ('a FIFO transcript with no reader', fifo('t.jsonl'), chat('--transcript', '{tmp}/t.jsonl'), 73,
     'err:not a regular file', 10),
    ('a FIFO summary', fifo('s.json'), chat('--summary', '{tmp}/s.json'), 73, 'err:not a regular file', 10),
    ('a folder as --summary', lambda tmp: os.mkdir(path(tmp, 's.json')) or b'quit\n', chat('--summary', '{tmp}/s.json'),
     73, 'err:is a folder', 10),

    # Checked before the first turn: nothing of the session is shown.
    ('--summary in a folder that does not exist', b'quit\n', chat('--summary', '{tmp}/no/s.json'), 73,
     'err:intake: cannot create {tmp}/no/s.json: No such file or directory', 10,
     lambda r, tmp: check(r.stdout == b'', 'a session started')),
    ('--record in a folder that does not exist', b'quit\n', chat('--record', '{tmp}/no/r.test'), 73,
     'err:No such file or directory', 10, lambda r, tmp: check(r.stdout == b'', 'a session started')),
    ('--turns of intake test in a folder that does not exist', b'',
     ['test', os.path.join(DIALOGS, 'tests'), '--turns', '{tmp}/no/t.jsonl'], 73, 'err:No such file or directory', 20,
     lambda r, tmp: check(r.stdout == b'', 'tests ran before the check')),

    # Files others can read, or another user's: refused, never chmod-ed.
    ('an existing transcript others can read', existing('t.jsonl', 0o644), chat('--transcript', '{tmp}/t.jsonl'), 73,
     'err:chmod 600', 10, unchanged('t.jsonl', 0o644)),
    ('an existing transcript the group can read', existing('t.jsonl', 0o640), chat('--transcript', '{tmp}/t.jsonl'), 73,
     'err:mode 640', 10, unchanged('t.jsonl', 0o640)),
    ('an existing history file others can write', existing('h', 0o602), chat('--history', '{tmp}/h'), 73,
     'err:chmod 600', 10, unchanged('h', 0o602)),
    ('a private transcript of another user', existing('t.jsonl', 0o600, owner='nobody'),
     chat('--transcript', '{tmp}/t.jsonl'), 73, 'err:belongs to another user', 10, unchanged('t.jsonl', 0o600)),

    # One writer per transcript.
    ('two sessions on one transcript', another_session('chat', '--dialogs', DIALOGS, '--transcript', '{tmp}/t.jsonl'),
     chat('--transcript', '{tmp}/t.jsonl'), 73, 'err:is being written by another intake session', 20, whole_lines),
    ('two sessions on one history file', another_session('chat', '--dialogs', DIALOGS, '--history', '{tmp}/h'),
     chat('--history', '{tmp}/h'), 73, 'err:is being written by another intake session', 20),

    # Disk full and file size limits: reported (74), nothing complete replaced.
    ('--summary on a full disk keeps the earlier summary', full_disk_with('s.json'),
     chat('--summary', '{tmp}/small/s.json'), 74, 'err:No space left on device', 20, unmount_after(kept_on_full_disk)),
    ('--transcript on a full disk', full_disk_with(), chat('--transcript', '{tmp}/small/t.jsonl'), 74,
     'err:No space left on device', 20, unmount_after(transcript_empty_or_whole)),
    ('--summary past a file size limit keeps the earlier summary', limited(8, b'2\nquit\n', earlier_summary()),
     chat('--summary', '{tmp}/s.json'), 74, 'err:File too large', 20, summary_kept),
    ('a transcript cut by a file size limit holds whole lines', limited(3000, b'2\n1\n1\nquit\n'),
     chat('--transcript', '{tmp}/t.jsonl'), 74, 'err:the session goes on without its transcript', 20, whole_lines),
    ('a failing --record does not cancel --summary', limited(1500, b'3\ncramps and sweats\n1\n1\n2\n3\nquit\n'),
     chat('--record', '{tmp}/r.test', '--summary', '{tmp}/s.json'), 74, 'err:cannot write {tmp}/r.test', 20,
     summary_written),

    # Standard output closed or full.
    ('standard output closed: the summary is still written', closed_output(b'2\n1\nquit\n'),
     chat('--summary', '{tmp}/s.json'), 74, 'err:cannot write to standard output: Broken pipe', 20, summary_written),
    ('standard output closed with --jsonl', closed_output(b'2\nquit\n'), chat('--jsonl', '--summary', '{tmp}/s.json'),
     74, 'err:Broken pipe', 20, summary_written),
    ('standard output closed for intake check', closed_output(b''), ['check', DIALOGS], 74, 'err:Broken pipe', 20),
    ('standard output on a full device', full_output(b'2\nquit\n'), chat('--summary', '{tmp}/s.json'), 74,
     'err:No space left on device', 20, summary_written),
    ('standard output on a full device for intake parse', full_output(b'a: 1\n'), ['parse', '-'], 74,
     'err:No space left on device', 10),

    # Standard input.
    ('standard input that is a folder', 'folder', chat(), 66, 'err:standard input is a folder', 10),
    ('standard input that is a folder for intake parse -', 'folder', ['parse', '-'], 66, 'err:is a folder', 10),
    ('CR line ends', b'3\rcramps\r', chat(), 0, 'out:' + CLOSING, 10, cr_session),
    ('CR and CRLF line ends mixed', b'3\r\ncramps\r1\r\n', chat(), 0, 'out:' + CLOSING, 10, cr_session),

    # Dialog text reaches a terminal, a graph or a list without control characters.
    ('escape sequences in dialog text never reach the terminal', hostile_bundle, ['chat', '--dialogs', '{tmp}/d'], 0,
     'out:call Emergency (911).', 10, nothing_raw),
    ('escape sequences in dialog text never reach --staff output', hostile_bundle,
     ['chat', '--dialogs', '{tmp}/d', '--staff'], 0, 'out:Facts', 10, nothing_raw),
    ('escape sequences in dialog text never reach a graph', hostile_bundle, ['graph', '{tmp}/d'], 0, 'out:digraph', 10,
     nothing_raw),
    ('escape sequences in dialog text never reach a Mermaid graph', hostile_bundle,
     ['graph', '{tmp}/d', '--format', 'mermaid'], 0, 'out:flowchart', 10, nothing_raw),
    ('escape sequences in a module description never reach the module list', hostile_module,
     ['train', '--dialogs', '{tmp}/d'], 0, 'out:evil', 20, nothing_raw),

    # A test file names only a bundle near it, unless the folder is given with --bundle.
    ('a test file naming a bundle outside its folder', names_outside_bundle, ['test', '{tmp}/x/evil.test'], 65,
     'err:a test file may name only a bundle inside', 20, no_excerpts),
    ('a bundle outside the folder allowed with --bundle', names_outside_bundle,
     ['test', '{tmp}/x/evil.test', '--bundle', os.path.join(DIALOGS, 'training')], 0, 'out:1 passed', 20),

    # Memory per session is bounded: 40,000 turns cost about what 4,000 do.
    ('memory stays flat over 40,000 turns', b'quit\n', chat(), 0, 'out:' + CLOSING, 120,
     memory_stays_flat(lambda: BINARY[0])),
]
