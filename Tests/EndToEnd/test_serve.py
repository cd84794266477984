#!/usr/bin/env python3
"""End-to-end tests of `intake serve` over real HTTP and WebSocket: the API and its
errors, the store surviving `kill -9`, concurrent turns, erasure, expiry, metrics,
signals and the store's file safety. Each test starts its own server on a free port.

Usage: test_serve.py BINARY   (the `intake` binary; `intake-serve` must be beside it)
Ends with the line `N passed, N failed`.
"""
import base64
import contextlib
import glob
import json
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import runner
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DIALOGS = os.path.join(ROOT, 'Dialogs')
BINARY = None
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Server:
    """An `intake serve` process on a free port, with its store in a fresh folder."""

    def __init__(self, folder=None, args=(), store=None):
        self.folder = folder or tempfile.mkdtemp(prefix='intake-serve-')
        self.store = store or 'sqlite:' + os.path.join(self.folder, 'sessions.sqlite')
        self.args = list(args)
        self.start()

    def start(self):
        self.log = open(os.path.join(self.folder, 'log-%d.txt' % time.monotonic_ns()), 'w+')
        self.process = subprocess.Popen(
            [BINARY, 'serve', '--dialogs', DIALOGS, '--port', '0', '--store', self.store] + self.args,
            stdout=self.log, stderr=subprocess.STDOUT, cwd=self.folder)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            self.log.seek(0)
            found = re.search(r'listening on http://127\.0\.0\.1:(\d+)/', self.log.read())
            if found:
                self.port = int(found.group(1))
                return
            if self.process.poll() is not None:
                self.log.seek(0)
                raise AssertionError('the server exited %d: %s' % (self.process.returncode, self.log.read()))
            time.sleep(0.05)
        raise AssertionError('the server did not start within a minute')

    def text(self):
        self.log.seek(0)
        return self.log.read()

    def request(self, method, path, body=None, headers=None, raw=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        all_headers = {'Content-Type': 'application/json'} if data is not None else {}
        all_headers.update(headers or {})
        req = urllib.request.Request('http://127.0.0.1:%d%s' % (self.port, path), data=data,
                                     method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                payload = response.read()
                return response.status, dict(response.headers), payload
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, method, path, body=None, **kw):
        status, headers, payload = self.request(method, path, body, **kw)
        return status, (json.loads(payload) if payload else None)

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)
        return self.process.returncode

    def close(self):
        self.stop(signal.SIGKILL)
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def serving(**options):
    """A `Server` for the block, closed after it."""
    server = Server(**options)
    try:
        yield server
    finally:
        server.close()


def run_together(threads):
    """Starts every thread, then waits for them all."""
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def error_code(status_body, status):
    got_status, body = status_body
    check(got_status == status, 'status %d, not %d: %r' % (got_status, status, body))
    check(set(body) == {'error'} and set(body['error']) == {'code', 'message'}, 'error shape: %r' % body)
    return body['error']['code']


def new_session(server):
    status, body = server.json('POST', '/v1/sessions', {})
    check(status == 201, 'create: %d %r' % (status, body))
    return body['id'], body['turn']


def send(server, sid, line):
    """One line typed in session `sid`: the status and the reply."""
    return server.json('POST', '/v1/sessions/%s/turns' % sid, {'input': line})


def say(turn):
    return ' '.join(turn.get('say') or [])


@test
def a_session_opens_with_the_disclaimer_answers_and_shows_its_pending_question_again():
    with serving() as server:
        status, headers, payload = server.request('POST', '/v1/sessions')
        check(status == 201, 'status %d' % status)
        body = json.loads(payload)
        check(re.fullmatch(r'[A-Za-z0-9_-]{22}', body['id']), 'id %r' % body['id'])
        check(headers.get('Location') == '/v1/sessions/' + body['id'], 'Location %r' % headers.get('Location'))
        check(headers.get('Cache-Control') == 'no-store', 'a session must not be cached')
        turn = body['turn']
        check(turn['protocol'] == 2 and turn['turn'] == 0 and "not a doctor" in say(turn), 'opening: %r' % turn)
        sid = body['id']
        status, reply = send(server, sid, 'what is baclofen')
        check(status == 200 and reply['turn']['turn'] == 1 and 'baclofen' in say(reply['turn']).lower(), 'turn: %r' % reply)
        node = reply['turn']['node']
        status, pending = server.json('GET', '/v1/sessions/' + sid)
        check(status == 200 and pending['id'] == sid, 'pending: %r' % pending)
        check(pending['turn']['node'] == node and pending['turn']['turn'] == 1, 'pending turn: %r' % pending['turn'])
        check({'step': 'resumed'} in pending['turn']['trace'], 'resumed step: %r' % pending['turn']['trace'])
        status, uk = server.json('POST', '/v1/sessions', {'region': 'UK'})
        check(status == 201 and '999' in json.dumps(uk['turn']), 'UK numbers: %r' % uk)


@test
def a_crisis_line_shows_the_numbers_as_resources():
    with serving() as server:
        sid, _ = new_session(server)
        status, reply = send(server, sid, 'i want to kms')
        turn = reply['turn']
        check(status == 200 and turn['crisis'] and turn['crisis']['kind'] == 'suicide', 'crisis: %r' % turn.get('crisis'))
        phones = [r.get('phone') for r in turn['resources']]
        check('988' in phones and '911' in phones, 'resources: %r' % turn['resources'])


@test
def bad_requests_get_the_error_shape_and_status():
    with serving() as server:
        sid, _ = new_session(server)
        turns = '/v1/sessions/%s/turns' % sid
        check(error_code(server.json('POST', turns, raw=b'{"input": '), 400) == 'invalid-json', 'truncated JSON')
        check(error_code(server.json('POST', turns, raw=b'\xff\xfe'), 400) == 'invalid-json', 'not UTF-8')
        check(error_code(server.json('POST', turns, raw=b'[]'), 400) == 'invalid-request', 'an array')
        check(error_code(server.json('POST', turns, {'input': 5}), 400) == 'invalid-request', 'a number')
        check(error_code(server.json('POST', turns, {}), 400) == 'invalid-request', 'no input')
        check(error_code(server.json('POST', turns, {'inptu': 'yes'}), 400) == 'invalid-request', 'a misspelt field')
        check(error_code(server.json('POST', '/v1/sessions', {'region': 'XX'}), 400) == 'invalid-request', 'unknown region')
        check(error_code(server.json('POST', '/v1/sessions', {'start': 'crisis.suicide'}), 400) == 'invalid-request',
              'a start the server does not list')
        check(error_code(server.json('POST', turns, raw=b'{"input":"yes"}', headers={'Content-Type': 'text/plain'}), 415)
              == 'unsupported-media-type', 'text/plain')
        big = json.dumps({'input': 'a' * (2 * 1024 * 1024)}).encode()
        check(error_code(server.json('POST', turns, raw=big), 413) == 'too-large', 'a 2 MB body')
        near = json.dumps({'input': 'é' * 100_000}, ensure_ascii=False).encode()
        status, reply = server.json('POST', turns, raw=near)
        check(status == 200, 'a body under 256 KiB is read: %d' % status)
        for path in ['/v1/sessions/' + 'A' * 22, '/v1/sessions/nope', '/v1/sessions/%2e%2e%2f', '/nothing/here']:
            check(error_code(server.json('GET', path), 404) == 'not-found', path)
        check(error_code(server.json('POST', '/v1/sessions/%s/turns' % ('B' * 22), {'input': 'hi'}), 404) == 'not-found', 'unknown id')
        # Still alive and answering after all of that.
        status, reply = server.json('POST', turns, {'input': '1'})
        check(status == 200, 'after bad requests: %d' % status)
        check('input' not in server.text() and 'éééé' not in server.text(), 'the log carries no typed text')


@test
def nothing_a_client_sends_brings_the_server_down():
    with serving() as server:
        sid, _ = new_session(server)
        turns = '/v1/sessions/%s/turns' % sid
        bodies = [b'[' * 100_000, b'{"input": "' + b'\\u0000' * 1000 + b'"}', b'{"input": "\\ud800"}',
                  b'{"input": null}', b'{"input": "a", "input": "b"}', b'\x00' * 5000, b'{' * 3 + b'}' * 3,
                  json.dumps({'input': '\u202e\u200b' * 2000 + 'I want to die'}).encode()]
        for body in bodies:
            status, _, payload = server.request('POST', turns, raw=body)
            check(status in (200, 400), 'status %d for %r' % (status, body[:40]))
            check(json.loads(payload), 'a JSON answer')
        for method in ['PUT', 'PATCH']:
            status, _, payload = server.request(method, '/v1/sessions', raw=b'{}')
            check(status in (404, 405) and json.loads(payload)['error'], '%s: %d' % (method, status))
        status, _, _ = server.request('GET', '/v1/sessions/' + 'x' * 60_000)
        check(status in (404, 414, 431, 400), 'a long path: %d' % status)
        for garbage in [b'\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03' + os.urandom(500), b'GET / HTTP/9.9\r\n\r\n',
                        b'POST /v1/sessions HTTP/1.1\r\nContent-Length: -5\r\n\r\n', os.urandom(4000)]:
            sock = socket.create_connection(('127.0.0.1', server.port), timeout=10)
            try:
                sock.sendall(garbage)
                sock.recv(4096)
            except OSError:
                pass
            sock.close()
        status, reply = server.json('POST', turns, {'input': 'repeat'})
        check(status == 200 and server.process.poll() is None, 'the server still answers: %d' % status)


@test
def erasure_and_the_end_of_a_session():
    with serving() as server:
        sid, _ = new_session(server)
        status, _, payload = server.request('DELETE', '/v1/sessions/' + sid)
        check(status == 204 and payload == b'', 'delete: %d %r' % (status, payload))
        check(error_code(server.json('GET', '/v1/sessions/' + sid), 404) == 'not-found', 'erased')
        check(error_code(server.json('DELETE', '/v1/sessions/' + sid), 404) == 'not-found', 'erased twice')
        sid, _ = new_session(server)
        status, reply = send(server, sid, 'quit')
        check(status == 200 and reply['turn']['state'] == 'ended', 'quit: %r' % reply)
        check(error_code(send(server, sid, 'hello'), 409) == 'session-ended', 'ended')


@test
def a_session_survives_kill_9_and_a_restart():
    with serving() as server:
        sid, _ = new_session(server)
        for line in ['3', 'my legs ache and I cannot sleep']:
            status, reply = send(server, sid, line)
            check(status == 200, 'turn %r: %d' % (line, status))
        node = reply['turn']['node']
        server.stop(signal.SIGKILL)
        server.start()
        status, pending = server.json('GET', '/v1/sessions/' + sid)
        check(status == 200 and pending['turn']['node'] == node and pending['turn']['turn'] == 2, 'after kill -9: %r' % pending)
        status, reply = send(server, sid, 'repeat')
        check(status == 200 and reply['turn']['turn'] == 3, 'continues: %r' % reply)
        mode = stat.S_IMODE(os.lstat(os.path.join(server.folder, 'sessions.sqlite')).st_mode)
        check(mode == 0o600, 'store mode %o' % mode)


@test
def many_clients_and_concurrent_turns_lose_nothing():
    with serving() as server:
        failures = []
        # 100 sessions × 10 turns from 8 clients: each session's turns come back in order.
        def client(k):
            try:
                for _ in range(100 // 8 + (1 if k < 100 % 8 else 0)):
                    sid, _ = new_session(server)
                    for n in range(1, 11):
                        status, reply = send(server, sid, 'repeat')
                        if status != 200 or reply['turn']['turn'] != n:
                            failures.append((status, reply))
            except Exception as e:
                failures.append(repr(e))
        threads = [threading.Thread(target=client, args=(k,)) for k in range(8)]
        run_together(threads)
        check(not failures, 'out of order or failed: %r' % failures[:3])
        # Twenty turns sent at once to one session: each applied once.
        sid, _ = new_session(server)
        numbers = []
        def one():
            status, reply = send(server, sid, 'repeat')
            numbers.append(reply['turn']['turn'] if status == 200 else status)
        threads = [threading.Thread(target=one) for _ in range(20)]
        run_together(threads)
        check(sorted(numbers) == list(range(1, 21)), 'turn numbers %r' % sorted(numbers))
        status, _, metrics = server.request('GET', '/metrics')
        text = metrics.decode()
        check(re.search(r'^intake_turns_total 1121$', text, re.M), 'turns counted: %s' % text[:400])
        check(re.search(r'^intake_sessions_live 101(\.0)?$', text, re.M), 'live sessions')


@test
def two_servers_on_one_store_continue_each_others_sessions():
    with serving() as first, serving(folder=tempfile.mkdtemp(prefix='intake-serve-'), store=first.store) as second:
        sid, _ = new_session(first)
        for k in range(10):
            server = first if k % 2 == 0 else second
            status, reply = send(server, sid, 'repeat')
            check(status == 200 and reply['turn']['turn'] == k + 1, 'turn %d on server %d: %r' % (k + 1, k % 2 + 1, reply))


@test
def idle_sessions_expire():
    with serving(args=['--retention', '2s']) as server:
        sid, _ = new_session(server)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            status, _ = server.json('GET', '/v1/sessions/' + sid)
            if status == 404:
                break
            time.sleep(0.5)
        check(status == 404, 'still live after its retention')
        status, _, metrics = server.request('GET', '/metrics')
        check(re.search(r'^intake_sessions_expired_total [1-9]', metrics.decode(), re.M), 'expiry counted')


@test
def metrics_health_and_the_page():
    with serving() as server:
        sid, _ = new_session(server)
        send(server, sid, "my boyfriend isn't breathing")
        status, body = server.json('GET', '/healthz')
        check(status == 200 and body == {'status': 'ok'}, 'health: %r' % body)
        status, headers, metrics = server.request('GET', '/metrics')
        text = metrics.decode()
        for name in ['intake_turns_total', 'intake_crises_total', 'intake_turn_duration_seconds_bucket',
                     'intake_store_conflicts_total', 'intake_sessions_live', 'intake_sessions_expired_total']:
            check(re.search(r'^%s[ {]' % name, text, re.M), 'no %s in %s' % (name, text))
        check(re.search(r'^intake_crises_total\{kind="overdose-other",level="takeover"\} 1', text, re.M), 'crisis counted')
        check(sid not in text and 'breathing' not in text, 'no ids or typed text in metrics')
        status, headers, page = server.request('GET', '/')
        html = page.decode()
        check(status == 200 and headers['Content-Type'].startswith('text/html'), 'page')
        check('aria-live' in html and 'not a doctor' in html, 'live region and disclaimer')
        for path, kind in [('/chat.js', 'text/javascript'), ('/chat.css', 'text/css')]:
            status, headers, _ = server.request('GET', path)
            check(status == 200 and headers['Content-Type'].startswith(kind), path)


@test
def signals_reload_and_stop_gracefully():
    with serving() as server:
        sid, _ = new_session(server)
        server.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while 'reloaded the dialogs' not in server.text() and time.monotonic() < deadline:
            time.sleep(0.1)
        check('reloaded the dialogs' in server.text(), 'SIGHUP: %s' % server.text())
        status, reply = send(server, sid, 'repeat')
        check(status == 200, 'a session continues after a reload')
        check(server.stop(signal.SIGTERM) == 0, 'SIGTERM exit %r' % server.process.returncode)
        server.start()
        check(server.stop(signal.SIGINT) == 0, 'SIGINT exit %r' % server.process.returncode)


@test
def the_store_is_never_reached_through_a_link_and_bad_options_are_usage_errors():
    folder = tempfile.mkdtemp(prefix='intake-serve-')
    try:
        target = os.path.join(folder, 'elsewhere')
        open(target, 'w').close()
        os.symlink(target, os.path.join(folder, 'link.sqlite'))
        def serve(*args):
            return subprocess.run([BINARY, 'serve', '--dialogs', DIALOGS, '--port', '0'] + list(args),
                                  capture_output=True, cwd=folder, timeout=60)
        result = serve('--store', 'sqlite:link.sqlite')
        check(result.returncode == 73 and b'symbolic link' in result.stderr, 'link: %d %r' % (result.returncode, result.stderr))
        check(os.path.getsize(target) == 0, 'nothing written through the link')
        for bad in [['--store', 'mysql://x@y/z'], ['--retention', 'forever'], ['--port', '70000']]:
            result = serve(*bad)
            check(result.returncode == 64, '%r: %d' % (bad, result.returncode))
        result = serve('--dialogs', os.path.join(folder, 'missing'))
        check(result.returncode == 66, 'missing dialogs: %d' % result.returncode)
        result = serve('--dialogs', os.path.join(ROOT, 'Dialogs', 'training', 'caller-overdose'))
        check(result.returncode == 65, 'a training module: %d' % result.returncode)
        # A port already taken.
        holder = socket.socket()
        holder.bind(('127.0.0.1', 0))
        holder.listen()
        result = serve('--port', str(holder.getsockname()[1]), '--store', 'sqlite:s.sqlite')
        holder.close()
        check(result.returncode == 69, 'a port in use: %d %r' % (result.returncode, result.stderr[-300:]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Postgres:
    """A throwaway PostgreSQL cluster on a free port (initdb refuses root: as root it runs
    as the `postgres` user), with a database `intake`; trust authentication on loopback."""

    def __init__(self):
        versions = sorted(glob.glob('/usr/lib/postgresql/*/bin/initdb'))
        check(versions, 'PostgreSQL is not installed (make test installs it)')
        self.bin = os.path.dirname(versions[-1])
        self.folder = tempfile.mkdtemp(prefix='intake-pg-')
        self.data = os.path.join(self.folder, 'data')
        self.user = None
        if os.geteuid() == 0:
            entry = pwd.getpwnam('postgres')
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            self.user = 'postgres'
        self.port = free_port()
        self.run('initdb', '-D', self.data, '-A', 'trust', '-U', 'postgres', '--no-sync')
        self.run('pg_ctl', '-D', self.data, '-l', os.path.join(self.folder, 'log'), '-w', '-o',
                 '-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off' % (self.port, self.folder), 'start')
        self.run('psql', '-h', '127.0.0.1', '-p', str(self.port), '-U', 'postgres', '-q', '-c', 'CREATE DATABASE intake')
        self.url = 'postgres://postgres@127.0.0.1:%d/intake?sslmode=disable' % self.port

    def run(self, program, *args):
        command = [os.path.join(self.bin, program)] + list(args)
        if self.user:
            command = ['runuser', '-u', self.user, '--'] + command
        result = subprocess.run(command, capture_output=True, timeout=120, cwd=self.folder)
        check(result.returncode == 0, '%s failed: %r' % (program, result.stderr[-500:]))
        return result

    def close(self):
        try:
            self.run('pg_ctl', '-D', self.data, '-m', 'immediate', 'stop')
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def free_port():
    holder = socket.socket()
    holder.bind(('127.0.0.1', 0))
    port = holder.getsockname()[1]
    holder.close()
    return port


@test
def two_servers_on_one_postgresql_share_sessions_and_lose_no_turn():
    database = Postgres()
    try:
        with serving(store=database.url) as first, serving(store=database.url) as second:
            check('postgres://postgres@127.0.0.1' in first.text(), 'the log names the store: %s' % first.text())
            sid, _ = new_session(first)
            for k in range(6):
                server = first if k % 2 == 0 else second
                status, reply = send(server, sid, 'repeat')
                check(status == 200 and reply['turn']['turn'] == k + 1, 'turn %d: %r' % (k + 1, reply))
            # Turns sent at once through both servers: each applied once, in some order.
            numbers = []
            def one(server):
                status, reply = send(server, sid, 'repeat')
                numbers.append(reply['turn']['turn'] if status == 200 else status)
            threads = [threading.Thread(target=one, args=(first if k % 2 else second,)) for k in range(20)]
            run_together(threads)
            check(sorted(numbers) == list(range(7, 27)), 'turn numbers %r' % sorted(numbers))
            # kill -9 of one server loses nothing: the other goes on.
            first.stop(signal.SIGKILL)
            status, pending = second.json('GET', '/v1/sessions/' + sid)
            check(status == 200 and pending['turn']['turn'] == 26, 'after kill -9: %r' % pending)
            status, _, _ = second.request('DELETE', '/v1/sessions/' + sid)
            check(status == 204, 'erasure in PostgreSQL')
            check(error_code(second.json('GET', '/v1/sessions/' + sid), 404) == 'not-found', 'erased')
    finally:
        database.close()


@test
def an_unreachable_postgresql_exits_69():
    folder = tempfile.mkdtemp(prefix='intake-serve-')
    try:
        result = subprocess.run([BINARY, 'serve', '--dialogs', DIALOGS, '--port', '0', '--store',
                                 'postgres://nobody:secret@127.0.0.1:%d/intake?sslmode=disable' % free_port()],
                                capture_output=True, cwd=folder, timeout=120)
        check(result.returncode == 69, 'exit %d: %r' % (result.returncode, result.stderr[-300:]))
        check(b'secret' not in result.stderr, 'the password is never printed')
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# A WebSocket client small enough to read: the handshake, and unfragmented frames.
def ws_connect(server, path):
    sock = socket.create_connection(('127.0.0.1', server.port), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(('GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
                  'Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n' % (path, key)).encode())
    head = b''
    while b'\r\n\r\n' not in head:
        chunk = sock.recv(1)
        if not chunk:
            raise AssertionError('closed during the handshake: %r' % head)
        head += chunk
    check(head.startswith(b'HTTP/1.1 101'), 'handshake: %r' % head)
    return sock


def ws_read_exactly(sock, n):
    data = b''
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise AssertionError('closed')
        data += chunk
    return data


def ws_receive(sock):
    first, second = ws_read_exactly(sock, 2)
    opcode, length = first & 0x0F, second & 0x7F
    if length == 126:
        length = int.from_bytes(ws_read_exactly(sock, 2), 'big')
    elif length == 127:
        length = int.from_bytes(ws_read_exactly(sock, 8), 'big')
    return opcode, ws_read_exactly(sock, length)


def ws_send(sock, text):
    payload = text.encode()
    mask = os.urandom(4)
    header = bytes([0x81])
    if len(payload) < 126:
        header += bytes([0x80 | len(payload)])
    else:
        header += bytes([0x80 | 126]) + len(payload).to_bytes(2, 'big')
    sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


@test
def the_websocket_sends_the_pending_turn_then_a_turn_for_each_input():
    with serving() as server:
        sid, _ = new_session(server)
        sock = ws_connect(server, '/v1/sessions/%s/ws' % sid)
        opcode, payload = ws_receive(sock)
        pending = json.loads(payload)
        check(opcode == 1 and pending['turn']['node'] == 'intake.welcome', 'on open: %r' % pending)
        ws_send(sock, json.dumps({'input': 'he is not breathing'}))
        opcode, payload = ws_receive(sock)
        turn = json.loads(payload)['turn']
        check(turn['crisis'] and turn['crisis']['kind'] == 'overdose-other' and turn['turn'] == 1, 'crisis: %r' % turn)
        ws_send(sock, 'not json')
        opcode, payload = ws_receive(sock)
        check(json.loads(payload)['error']['code'] == 'invalid-json', 'bad frame: %r' % payload)
        sock.close()
        # The turn sent over the socket is in the store.
        status, pending = server.json('GET', '/v1/sessions/' + sid)
        check(pending['turn']['turn'] == 1, 'stored: %r' % pending)
        sock = ws_connect(server, '/v1/sessions/%s/ws' % ('C' * 22))
        opcode, payload = ws_receive(sock)
        check(json.loads(payload)['error']['code'] == 'not-found', 'unknown id: %r' % payload)
        opcode, payload = ws_receive(sock)
        check(opcode == 8 and int.from_bytes(payload[:2], 'big') == 1008, 'close %d %r' % (opcode, payload))
        sock.close()


def main():
    global BINARY
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    BINARY = os.path.abspath(sys.argv[1])
    return runner.run(TESTS, 'serve end-to-end')


if __name__ == '__main__':
    sys.exit(main())
