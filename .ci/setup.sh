#!/usr/bin/env bash
# Installs what building and testing intake need and a fresh Debian machine lacks.
# Safe to run again: it installs only what is missing.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: Swift is not on PATH; install a Swift 6 toolchain from swift.org first." >&2
    exit 1
fi

missing=()
[ -f /usr/include/readline/readline.h ] || missing+=(libreadline-dev)
# The server's session store uses the system's SQLite.
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${INTAKE_SETUP_TEST:-0}" = 1 ]; then
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
    python3 -c 'import pexpect' 2>/dev/null || missing+=(python3-pexpect)
    python3 -c 'import jsonschema' 2>/dev/null || missing+=(python3-jsonschema)
    # The web chat's browser test: Debian's Chromium and Selenium (for Debian's python3).
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    /usr/bin/python3 -c 'import selenium' 2>/dev/null || missing+=(python3-selenium)
    # The server's tests start a throwaway PostgreSQL cluster.
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
