# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local
YAML_SUITE ?= ../shared/yaml-suite
DEBUG_BIN = .build/debug/intake
# The labelled lines are typed at every node that waits for input (tens of thousands of
# fresh sessions): a release build reads them in a few minutes, a debug build in many more.
RELEASE_BIN = .build/release/intake
BUILD_RELEASE = $(SWIFT) build -c release --product intake

.PHONY: all setup build release serve bench-serve run test unit-test conformance install clean bench goldens \
	fuzz fuzz-smoke test-sanitize lint format

all: build

setup:
	@./.ci/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(BUILD_RELEASE)

# Builds a release binary and starts a chat on the bundled dialogs.
run: release
	.build/release/intake chat --dialogs Dialogs

# The web chat and its API on http://127.0.0.1:8080/ (README, "The web chat").
serve: release
	$(SWIFT) build -c release --product intake-serve
	.build/release/intake serve --dialogs Dialogs

# The server under load (README, "Performance"): SQLite and PostgreSQL beside a bare route.
# Needs wrk and PostgreSQL (apt-get install wrk postgresql); several minutes.
bench-serve: release
	$(SWIFT) build -c release --product intake-serve
	python3 Tests/Load/bench_serve.py $(RELEASE_BIN)

# The benchmark of the README's Performance section (about 2 minutes).
bench: release
	$(SWIFT) run -c release intake-bench

# Every test: the code layout (lint), unit tests, the bundled dialogs' scripted tests, the training modules'
# calibration transcripts and labelled lines, mutation testing of every bundle, end-to-end
# tests (the hostile-input table, about half a minute; the server over HTTP; the web chat in
# headless Chromium), then YAML conformance when the suite is present. The tests that run
# the binary many times use the release build: the same code, minutes faster.
test:
	@INTAKE_SETUP_TEST=1 ./.ci/setup.sh
	@$(MAKE) --no-print-directory lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(BUILD_RELEASE)
	$(RELEASE_BIN) test Dialogs/tests --coverage --min-coverage 100
	$(RELEASE_BIN) train --calibrate
	$(RELEASE_BIN) test Tests/Training --bundle Dialogs/training
	$(RELEASE_BIN) eval Dialogs
	$(RELEASE_BIN) eval Tests/Understanding
	$(RELEASE_BIN) test --mutate --mutate-seed 1 --budget 210 --min-kill 95
	python3 Tests/EndToEnd/test_chat.py $(RELEASE_BIN)
	python3 Tests/EndToEnd/test_hostile.py $(RELEASE_BIN)
	python3 Tests/EndToEnd/test_serve.py $(DEBUG_BIN)
	/usr/bin/python3 Tests/EndToEnd/test_web_page.py $(DEBUG_BIN)
	@$(MAKE) --no-print-directory conformance
	@$(MAKE) --no-print-directory fuzz-smoke

# Rewrites the golden tests of every bundle under Dialogs/ from what the dialogs say now:
# every walked path in each region, and every turn of the dialogs' own tests and of each
# training module's calibration transcripts and lines. Review the diff before committing it; for a change
# of texts only, `intake test --update` rewrites them in place and prints the diff.
GOLDEN_REGIONS = US UK CA
goldens: release
	@for r in $(GOLDEN_REGIONS); do \
		$(RELEASE_BIN) check Dialogs --paths --region $$r \
			--golden Dialogs/tests/golden-$$(echo $$r | tr A-Z a-z).test 2>/dev/null | tail -1 || exit 1; \
	done
	@$(RELEASE_BIN) test $(filter-out Dialogs/tests/golden-%,$(wildcard Dialogs/tests/*.test)) \
		--record Dialogs/tests/golden-lines.test | tail -1
	@for m in Dialogs/training/*/; do \
		m=$${m%/}; t=$$m/tests; mkdir -p $$t; \
		$(RELEASE_BIN) check $$m --paths --golden $$t/golden-paths.test 2>/dev/null | tail -1 || exit 1; \
		if ls $$t/calibration-*.test >/dev/null 2>&1; then \
			$(RELEASE_BIN) test $$t/calibration-*.test $$t/lines*.test --record $$t/golden-lines.test | tail -1 || exit 1; \
		fi; \
	done

# The code's layout, by the checked-in .swift-format (`make format` rewrites it so).
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

conformance: build
	@if [ -d "$(YAML_SUITE)" ]; then \
		python3 Tests/Conformance/run_yaml_suite.py --suite "$(YAML_SUITE)" --binary "$(DEBUG_BIN)"; \
	else \
		echo "conformance: no YAML suite at $(YAML_SUITE); skipped"; \
	fi

# Fuzzing with libFuzzer (README, "Reliability"): the parser, the loader and a session.
FUZZ_TARGETS = parser loader session numbers
FUZZ_SECONDS ?= 1200
FUZZ_RUNS ?= 2000

# Each target for a fixed number of inputs from a fixed seed, so that it cannot fail by
# chance.
fuzz-smoke:
	@for t in $(FUZZ_TARGETS); do \
		YAML_SUITE="$(YAML_SUITE)" ./Tests/Fuzz/fuzz.sh $$t --runs $(FUZZ_RUNS) --seed 1 || exit 1; \
	done

# The long run, outside CI: each target for FUZZ_SECONDS, carrying on after a failure.
fuzz:
	@status=0; for t in $(FUZZ_TARGETS); do \
		YAML_SUITE="$(YAML_SUITE)" ./Tests/Fuzz/fuzz.sh $$t $(FUZZ_SECONDS) || status=1; \
	done; exit $$status

# The unit tests under AddressSanitizer, then under ThreadSanitizer (the tests run in
# parallel), each in a build folder of its own. Leak checking is off: LeakSanitizer
# cannot follow the pointers Swift keeps in enums with tag bits set, and reports the
# values behind them as leaked (README, "Reliability").
test-sanitize: setup
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

install: release
	$(SWIFT) build -c release --product intake-serve
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/intake"
	install -m 755 .build/release/intake "$(PREFIX)/bin/intake"
	install -m 755 .build/release/intake-serve "$(PREFIX)/bin/intake-serve"
	rm -rf "$(PREFIX)/share/intake/Dialogs"
	cp -R Dialogs "$(PREFIX)/share/intake/Dialogs"

clean:
	rm -rf .build
