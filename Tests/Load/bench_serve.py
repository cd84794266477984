#!/usr/bin/env python3
"""`make bench-serve`: the server under load, in one run on one machine.

For each store (SQLite, then PostgreSQL in a throwaway cluster): start a release
`intake serve`, open SESSIONS sessions, then send TURNS turns to each with wrk at
CONCURRENCY connections (each session's turns one after another), beside the same number
of requests to a bare route of the same server that answers a body of a real turn's size
without the engine or the store. Then the memory of idle WebSocket sessions. Prints a
Markdown table for the README's Performance section.

Usage: bench_serve.py BINARY [--sessions 10000] [--turns 20] [--concurrency 64]
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'EndToEnd'))
import test_serve  # noqa: E402  (the server and PostgreSQL harness)


def raise_open_files():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def open_sessions(server, count, workers=16):
    ids = []
    lock = threading.Lock()
    def work(n):
        mine = []
        for _ in range(n):
            sid, _ = test_serve.new_session(server)
            mine.append(sid)
        with lock:
            ids.extend(mine)
    threads = [threading.Thread(target=work, args=(count // workers + (1 if k < count % workers else 0),))
               for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return ids


def turns_answered(server):
    status, _, payload = server.request('GET', '/metrics')
    return int(float(re.search(r'^intake_turns_total (\S+)$', payload.decode(), re.M).group(1)))


def wrk(server, ids_file, target, concurrency, threads, bare=False, seconds=20):
    """Runs wrk until the server has answered `target` more turns (or for `seconds` on the
    bare route), and returns its figures with the rate measured here."""
    command = ['wrk', '-t%d' % threads, '-c%d' % concurrency, '-d3600s', '--timeout', '10s', '--latency',
               '-s', os.path.join(HERE, 'turns.lua'), 'http://127.0.0.1:%d' % server.port,
               '--', ids_file, str(threads)] + (['bare'] if bare else [])
    before = turns_answered(server)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=raise_open_files)
    started = time.monotonic()
    if bare:
        time.sleep(seconds)
        answered = None
    else:
        while turns_answered(server) - before < target:
            if process.poll() is not None:
                raise SystemExit('wrk stopped: %s' % process.stderr.read())
            time.sleep(0.1)
        answered = turns_answered(server) - before
    elapsed = time.monotonic() - started
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    found = re.search(r'^RESULT (\{.*\})$', out, re.M)
    if not found:
        raise SystemExit('wrk gave no result: %s %s' % (out, err))
    result = json.loads(found.group(1))
    result['rate'] = (answered if answered is not None else result['requests']) / elapsed
    return result


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        return int(re.search(r'^VmRSS:\s+(\d+) kB', f.read(), re.M).group(1))


def idle_websocket_memory(server, ids, count):
    """KiB of server memory per idle WebSocket session, over `count` open sockets."""
    before = rss_kib(server.process.pid)
    sockets = []
    for sid in ids[:count]:
        sock = test_serve.ws_connect(server, '/v1/sessions/%s/ws' % sid)
        test_serve.ws_receive(sock)
        sockets.append(sock)
    time.sleep(1)
    after = rss_kib(server.process.pid)
    for sock in sockets:
        sock.close()
    return (after - before) / len(sockets)


def measure(name, store, args, turn_bytes):
    server = test_serve.Server(store=store, args=['--bare-route-bytes', str(turn_bytes)])
    try:
        started = time.monotonic()
        ids = open_sessions(server, args.sessions)
        opening = time.monotonic() - started
        ids_file = os.path.join(server.folder, 'ids.txt')
        with open(ids_file, 'w') as f:
            f.write('\n'.join(ids) + '\n')
        turns = wrk(server, ids_file, len(ids) * args.turns, args.concurrency, args.threads)
        bare = wrk(server, ids_file, 0, args.concurrency, args.threads, bare=True)
        memory = idle_websocket_memory(server, ids, min(1000, len(ids)))
        return {'store': name, 'sessions': len(ids), 'opening_s': opening, 'turns': turns, 'bare': bare,
                'ws_kib': memory}
    finally:
        server.close()


def turn_size():
    """The size of a typical turn's JSON body, for the bare route."""
    server = test_serve.Server()
    try:
        sid, _ = test_serve.new_session(server)
        status, headers, payload = server.request('POST', '/v1/sessions/%s/turns' % sid, {'input': 'what is baclofen'})
        return len(payload)
    finally:
        server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--sessions', type=int, default=10_000)
    parser.add_argument('--turns', type=int, default=20)
    parser.add_argument('--concurrency', type=int, default=64)
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    if not shutil.which('wrk'):
        raise SystemExit('bench-serve needs wrk (apt-get install wrk)')
    raise_open_files()
    test_serve.BINARY = os.path.abspath(args.binary)
    size = turn_size()
    results = []
    folder = tempfile.mkdtemp(prefix='intake-bench-')
    try:
        results.append(measure('SQLite', 'sqlite:' + os.path.join(folder, 'sessions.sqlite'), args, size))
        database = test_serve.Postgres()
        try:
            results.append(measure('PostgreSQL', database.url, args, size))
        finally:
            database.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    cores = os.cpu_count()
    print('`make bench-serve`: %d sessions × %d turns at concurrency %d (wrk, %d threads), %d cores, '
          'a turn body of %d bytes; server and load generator on the same machine.\n'
          % (args.sessions, args.turns, args.concurrency, args.threads, cores, size))
    print('| store | turns/s | p50 | p99 | bare route req/s | bare p50 | bare p99 | turns ÷ bare | failed | idle WebSocket |')
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for r in results:
        t, b = r['turns'], r['bare']
        rate, bare_rate = t['rate'], b['rate']
        print('| %s | %.0f | %.2f ms | %.2f ms | %.0f | %.2f ms | %.2f ms | %.2f | %d | %.1f KiB |' % (
            r['store'], rate, t['p50_us'] / 1000, t['p99_us'] / 1000, bare_rate, b['p50_us'] / 1000,
            b['p99_us'] / 1000, rate / bare_rate, t['failed'] + t['socket_errors'], r['ws_kib']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
