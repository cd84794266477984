#!/usr/bin/env bash
# Builds and runs a libFuzzer target of Tests/Fuzz/ (README, "Reliability").
#
#   Tests/Fuzz/fuzz.sh TARGET [SECONDS | --runs N] [--seed S] [--build-only]
#
# TARGET is parser (the parser on arbitrary bytes), loader (load and validate a one-file
# bundle) or session (a session of Dialogs/ answering arbitrary lines). SECONDS (default
# 60) runs for that long and keeps what the fuzzer learns in .build-fuzz/corpus/TARGET;
# `--runs N` runs exactly N inputs on a fresh corpus instead, so that with `--seed` a run
# is reproducible (what `make fuzz-smoke` does). The seed corpus is built on each run, in
# a temporary folder: for the parser and the loader, the YAML files of Dialogs/ and of
# the model's test fixtures and the YAML suite's cases (YAML_SUITE, default
# ../shared/yaml-suite, when present); for the session, Tests/Fuzz/session-seeds.txt and the
# typed lines of each scripted test in Dialogs/tests/.
#
# The modules are compiled from Sources/ with swiftc -sanitize=fuzzer,address into
# .build-fuzz/, again only when a source changed. A crash stops the run with exit status 1
# and leaves the input in .build-fuzz/artifacts/TARGET/; replay it with
#   .build-fuzz/bin/fuzz-TARGET FILE
# and shrink it with
#   .build-fuzz/bin/fuzz-TARGET -minimize_crash=1 -runs=100000 FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

usage() {
    echo "usage: Tests/Fuzz/fuzz.sh parser|loader|session|numbers [SECONDS | --runs N] [--seed S] [--build-only]" >&2
    exit 64
}

[ $# -ge 1 ] || usage
TARGET=$1
shift
case "$TARGET" in
    parser) MODULES=(DialogSyntax); SOURCE=Tests/Fuzz/FuzzParser.swift ;;
    loader) MODULES=(DialogFiles DialogSyntax DialogMatching DialogModel); SOURCE=Tests/Fuzz/FuzzLoader.swift ;;
    session) MODULES=(DialogFiles DialogSyntax DialogMatching DialogModel DialogEngine); SOURCE=Tests/Fuzz/FuzzSession.swift ;;
    numbers) MODULES=(DialogFiles DialogSyntax DialogMatching DialogModel DialogEngine); SOURCE=Tests/Fuzz/FuzzNumbers.swift ;;
    *) usage ;;
esac

SECONDS_TO_RUN=60
RUNS=""
SEED=""
BUILD_ONLY=0
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) [ $# -ge 2 ] || usage; RUNS=$2; shift 2 ;;
        --seed) [ $# -ge 2 ] || usage; SEED=$2; shift 2 ;;
        --build-only) BUILD_ONLY=1; shift ;;
        [0-9]*) SECONDS_TO_RUN=$1; shift ;;
        *) usage ;;
    esac
done

SWIFTC=${SWIFTC:-swiftc}
YAML_SUITE=${YAML_SUITE:-$ROOT/../shared/yaml-suite}
OUT=$ROOT/.build-fuzz
# -O for speed; bounds, overflow and exclusivity checks stay on, as in a debug build.
# -package-name: the modules share `package` declarations, as in the package's own build.
FLAGS=(-O -g -sanitize=fuzzer,address -swift-version 6 -parse-as-library -package-name intake
       -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)
mkdir -p "$OUT/modules" "$OUT/lib" "$OUT/bin"

# The Swift runtime's backtracer hangs on a crash under libFuzzer; ASan reports instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:handle_abort=1}
# Swift seeds its hashing per process; fixed, a run and a failure replay the same way.
export SWIFT_DETERMINISTIC_HASHING=1

stamp() { # the compiler, the flags and the sources: a module is rebuilt when they change
    { "$SWIFTC" --version 2>&1; echo "${FLAGS[*]}"; cat "$@"; } | sha256sum | cut -d' ' -f1
}

build_module() {
    local module=$1 files
    mapfile -t files < <(find "Sources/$module" -name '*.swift' | LC_ALL=C sort)
    local key
    key=$(stamp "${files[@]}")
    if [ -f "$OUT/lib/lib$module.a" ] && [ "$(cat "$OUT/lib/$module.stamp" 2>/dev/null)" = "$key" ]; then
        return
    fi
    echo "fuzz: compiling $module" >&2
    "$SWIFTC" "${FLAGS[@]}" -wmo -num-threads 2 -module-name "$module" -I "$OUT/modules" \
        -emit-module -emit-module-path "$OUT/modules/$module.swiftmodule" \
        -emit-library -static -o "$OUT/lib/lib$module.a" "${files[@]}"
    echo "$key" >"$OUT/lib/$module.stamp"
}

for module in "${MODULES[@]}"; do build_module "$module"; done
BIN=$OUT/bin/fuzz-$TARGET
libs=()
# A static library comes before the ones it uses.
for ((i = ${#MODULES[@]} - 1; i >= 0; i--)); do libs+=("$OUT/lib/lib${MODULES[i]}.a"); done
key=$(stamp "$SOURCE" "${libs[@]}")
if [ ! -x "$BIN" ] || [ "$(cat "$BIN.stamp" 2>/dev/null)" != "$key" ]; then
    echo "fuzz: linking fuzz-$TARGET" >&2
    # ld.gold warns about ASan's local symbols; the warnings are harmless.
    "$SWIFTC" "${FLAGS[@]}" -module-name Fuzz"$TARGET" -I "$OUT/modules" "$SOURCE" "${libs[@]}" -o "$BIN" \
        2> >(grep -v "Cannot export local symbol '__asan" >&2)
    echo "$key" >"$BIN.stamp"
fi
[ "$BUILD_ONLY" = 1 ] && exit 0

# The seed corpus, in a temporary folder.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/intake-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SEEDS=$WORK/seeds
mkdir -p "$SEEDS"
case "$TARGET" in
    parser | loader)
        find Dialogs Tests/DialogModelTests/Fixtures -name '*.yaml' 2>/dev/null | while read -r f; do
            cp "$f" "$SEEDS/$(echo "$f" | tr / _)"
        done
        if [ -d "$YAML_SUITE/cases" ]; then
            for f in "$YAML_SUITE"/cases/*/in.yaml; do
                [ -f "$f" ] && cp "$f" "$SEEDS/suite-$(basename "$(dirname "$f")").yaml"
            done
        fi
        DICT=Tests/Fuzz/yaml.dict
        ;;
    session)
        # One seed per paragraph of Tests/Fuzz/session-seeds.txt, and one per scripted test: its
        # `> line` inputs.
        awk -v dir="$SEEDS" 'BEGIN { n = 0 } /^$/ { n++; next } { print > (dir "/txt-" n) }' Tests/Fuzz/session-seeds.txt
        for f in Dialogs/tests/*.test; do
            [ -f "$f" ] || continue
            awk -v dir="$SEEDS" -v base="$(basename "$f" .test)" '
                /^test:/ { n++ }
                /^[ \t]*> / { sub(/^[ \t]*> /, ""); print > (dir "/" base "-" n) }' "$f"
        done
        DICT=Tests/Fuzz/session.dict
        export INTAKE_FUZZ_DIALOGS=$ROOT/Dialogs
        ;;
    numbers)
        # Each byte picks from a table: a few seeds of every length up to the picks used.
        for n in 1 4 8 16 32; do head -c "$n" /dev/zero >"$SEEDS/zeros-$n"; done
        # A bundle that loads (the fixture's own values), then answers; and extremes.
        printf '\000\004\005\000\001\000\001\001\002\001\003\032\001\033\034\003' >"$SEEDS/loads"
        printf '\015\015\015\003\016\017\020\021\022\023' >"$SEEDS/extremes"
        DICT=Tests/Fuzz/numbers.dict
        export INTAKE_FUZZ_MINIMAL=$ROOT/Tests/DialogModelTests/Fixtures/valid/minimal
        ;;
esac

ARTIFACTS=$OUT/artifacts/$TARGET
mkdir -p "$ARTIFACTS"
ARGS=(-artifact_prefix="$ARTIFACTS/" -dict="$DICT" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048)
[ -n "$SEED" ] && ARGS+=(-seed="$SEED")
[ "$TARGET" = session ] && ARGS+=(-max_len=4096)
RUN=()
if [ -n "$RUNS" ]; then
    # Reproducible: no comparison operands taken from memory, whose addresses vary, and
    # no address randomisation (where setarch may turn it off), which moves branches
    # that compare addresses.
    CORPUS=$WORK/corpus
    ARGS+=(-runs="$RUNS" -reload=0 -use_cmp=0)
    if setarch "$(uname -m)" -R true 2>/dev/null; then RUN=(setarch "$(uname -m)" -R); fi
else
    CORPUS=$OUT/corpus/$TARGET
    ARGS+=(-max_total_time="$SECONDS_TO_RUN")
fi
mkdir -p "$CORPUS"

LOG=$OUT/fuzz-$TARGET.log
status=0
started=$(date +%s)
"${RUN[@]}" "$BIN" "${ARGS[@]}" "$CORPUS" "$SEEDS" >"$LOG" 2>&1 || status=$?
took=$(($(date +%s) - started))
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOG" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$LOG" | tail -1 | cut -d' ' -f2)
if [ "$status" != 0 ]; then
    grep -v '^#[0-9]' "$LOG" | tail -40 >&2
    echo "fuzz $TARGET: FAILED after ${runs:-?} runs in $took s (exit $status); input in $ARTIFACTS/, log in $LOG" >&2
    exit 1
fi
echo "fuzz $TARGET: ${runs:-?} runs in $took s, coverage ${cov:-?}, corpus $(find "$CORPUS" "$SEEDS" -type f | wc -l) inputs, no failure"
