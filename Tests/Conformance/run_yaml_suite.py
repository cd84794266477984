#!/usr/bin/env python3
"""Runs the YAML test suite's cases against `intake parse` through the suite's own
runner, and compares the failures with the checked-in known-failures list.

Exit status 0 when the failures are exactly the known ones, 1 otherwise.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def known_failures(path):
    known = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            case, _, reason = line.partition('\t')
            if not reason.strip():
                sys.exit('%s: %s has no reason' % (path, case))
            known[case] = reason
    return known


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--suite', required=True, help='folder of the YAML suite (with check_cases.py)')
    p.add_argument('--binary', required=True, help='the intake binary')
    p.add_argument('--known', default=os.path.join(HERE, 'known-failures.tsv'))
    args = p.parse_args()

    command = '%s parse {}' % os.path.abspath(args.binary)
    run = subprocess.run([sys.executable, os.path.join(args.suite, 'check_cases.py'),
                          '--require-position', command],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    failed = set(re.findall(r'^FAIL (\S+)', run.stdout, re.MULTILINE))
    known = known_failures(args.known)
    unexpected = sorted(failed - set(known))
    fixed = sorted(set(known) - failed)
    for line in run.stdout.splitlines():
        if line.startswith('FAIL ') and line.split()[1] in unexpected:
            print(line)
    for case in fixed:
        print('FIXED %s: passes now; remove it from %s' % (case, os.path.relpath(args.known)))
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ''
    if not re.match(r'^\d+ passed, \d+ failed$', summary):
        print(run.stdout)
        print('yaml-suite: the runner did not finish')
        return 1
    print('yaml-suite: %d known failures (%s)' % (len(known), os.path.relpath(args.known)))
    print('yaml-suite: ' + summary)
    return 1 if unexpected or fixed else 0


if __name__ == '__main__':
    sys.exit(main())
