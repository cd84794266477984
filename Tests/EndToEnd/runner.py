"""The loop every end-to-end file ends with: each test in turn, a line per test, and
`LABEL: N passed, N failed` last. A failing test prints why and the run goes on."""
import traceback


def run(tests, label):
    """Runs `tests` (functions that raise on failure); returns the exit status."""
    passed = failed = 0
    for fn in tests:
        try:
            fn()
            passed += 1
            print('pass %s' % fn.__name__)
        except Exception as e:
            failed += 1
            print('FAIL %s: %s' % (fn.__name__, e))
            if not isinstance(e, AssertionError):
                traceback.print_exc()
    print('%s: %d passed, %d failed' % (label, passed, failed))
    return 1 if failed else 0
