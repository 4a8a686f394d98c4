# twitch-triage: `make run` and `make test` work on a fresh Debian machine.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/twitch-triage
# The fixed as-of date of the committed Reports/ (also recorded in Reports/ by the batch).
AS_OF ?= 2026-11-20

.PHONY: setup build run test format bench bench-micro

# Install what a fresh Debian machine lacks: the headers of libxml2 (our XML reader) and of
# SQLite (GRDB's, for the batch ledger), each only when pkg-config cannot find it.
setup:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	if [ -n "$$missing" ]; then \
		echo "installing with apt:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build --product twitch-triage

# Reports/ is committed as a first run (SPEC §8: every patient "new"), so the ledger of an
# earlier `make run` is set aside first; unchanged reports are still not rewritten. Exit 65
# (some input could not be read) is expected: patient P020's export has deliberately unreadable
# rows, which its report lists.
run: build
	rm -rf Reports/.twitch-triage
	$(BIN) batch Samples --out Reports --as-of $(AS_OF) || [ $$? -eq 65 ]

test: build
	$(SWIFT) test --parallel
	$(BIN) verify Samples Reports

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

# Benchmarks (SPEC §9), never part of `make test`: generated data under Benchmarks/.data, the
# Python peers in Benchmarks/.venv, results printed and written to Benchmarks/RESULTS.md.
# See Benchmarks/README.md (BENCH_MB, BENCH_PATIENTS, BENCH_RUNS, BENCH_SEED).
bench: setup
	python3 Benchmarks/run_bench.py

# In-process microbenchmarks with ordo-one/benchmark, to find hot spots.
bench-micro: setup
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark
