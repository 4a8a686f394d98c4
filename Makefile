# twitch-triage: `make run` and `make test` work on a fresh Debian machine.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/twitch-triage
# The fixed as-of date of the committed Reports/ (also recorded in Reports/ by the batch).
AS_OF ?= 2026-11-20
# The samples' code map of local lab codes (never read as an input: discovery leaves it out).
CODE_MAP ?= Samples/code-map.csv

.PHONY: setup build run knowledge-stamp test format fuzz fuzz-build bench bench-quick bench-micro bench-service

# Python's fhir.resources (R4B models), which validates the FHIR bundles in `make test`.
FHIR_VENV := .build/fhir-venv

# Install what a fresh Debian machine lacks: the headers of libxml2 (our XML reader) and of
# SQLite (GRDB's, for the batch ledger), each only when pkg-config cannot find it; the SCOWL
# word list (wamerican) that checks the vocabulary's common words (tools/); Debian's chromium
# (the browser check of the HTML reports) and python3-venv (the FHIR validator's venv), each
# only when missing.
setup:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/share/dict/words ] || missing="$$missing wamerican"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	python3 -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "installing with apt:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi
	@[ -x $(FHIR_VENV)/bin/python ] && $(FHIR_VENV)/bin/python -c "import fhir.resources" 2>/dev/null || { \
		echo "making $(FHIR_VENV) with fhir.resources==8.3.0"; \
		python3 -m venv $(FHIR_VENV) && $(FHIR_VENV)/bin/pip install -q fhir.resources==8.3.0; }

# Two executables: twitch-triage (report, batch, verify, worklist, knowledge, feedback) and the CDS
# Hooks service, twitch-triage-serve, which `twitch-triage serve …` runs from beside itself (so the
# other commands load no web server or HTTP client at start, SPEC §9). Install both side by side.
build: setup
	$(SWIFT) build --product twitch-triage
	$(SWIFT) build --product twitch-triage-serve

# Reports/ is committed as a first run (SPEC §8: every patient "new"), so the ledger of an
# earlier `make run` is set aside first; unchanged reports are still not rewritten. The site's
# code map of the samples' local lab codes is given by flag (SPEC §3.10): run.json records it, and
# `verify` reruns with the map it records, so verify reproduces exactly this run. Exit 65
# (some input could not be read) is expected: patient P020's export has deliberately unreadable
# rows, which its report lists.
run: build
	rm -rf Reports/.twitch-triage
	$(BIN) batch Samples --out Reports --as-of $(AS_OF) --code-map $(CODE_MAP) || [ $$? -eq 65 ]

# First the safety case (SAFETY.md's controls name tests that exist: tools/check_safety_case.py).
# After the Swift tests and the golden files: a fresh batch into $(PAGE_CHECK), whose HTML
# pages a headless chromium prints on A4 and Letter (at most 3 pages each, the worklist one page
# per 25 patients) and screenshots (the timeline must be drawn): Tests/Browser/check_html.py;
# and whose FHIR bundles fhir.resources validates: Tests/FHIR/validate_bundles.py.
PAGE_CHECK := .build/page-check

# The compiled, pre-validated form of the shipped knowledge tables (SPEC §9; KnowledgeSnapshot.swift):
# `twitch-triage knowledge --compile` validates the JSON tables in full, compiles them and the concept
# matcher into knowledge.snapshot (read back and compared with the JSON before it is written) and
# writes their digest to knowledge.validated. The shipped tables load from the snapshot only when its
# digest is the digest of the JSON tables beside it, else from the JSON, validated in full; `swift
# test` fails while the committed snapshot is not what the tables compile to. Run after changing any
# table (or a knowledge type), commit both files, then `make test`.
KNOWLEDGE_DIR := Sources/TriageKnowledge/Resources

knowledge-stamp:
	python3 tools/gen_snapshot_coding.py
	$(SWIFT) build --product twitch-triage
	$(BIN) knowledge --compile $(KNOWLEDGE_DIR)

test: build
	python3 tools/check_safety_case.py
	python3 tools/derive_common_words.py --check
	python3 tools/gen_snapshot_coding.py --check
	$(SWIFT) test --parallel
	$(BIN) verify Samples Reports
	rm -rf $(PAGE_CHECK)
	$(BIN) batch Samples --out $(PAGE_CHECK) --as-of $(AS_OF) --code-map $(CODE_MAP) --quiet --no-sync 2>/dev/null || [ $$? -eq 65 ]
	python3 Tests/Browser/check_html.py $(PAGE_CHECK)
	$(FHIR_VENV)/bin/python Tests/FHIR/validate_bundles.py $(PAGE_CHECK)

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

# libFuzzer over the parsers (not part of `make test`): each target runs FUZZ_SECONDS with the
# seeds of Fuzz/corpus/<target>/; what it learns goes to .build-fuzz/corpus/<target>/, a crash
# or a broken invariant to .build-fuzz/artifacts/<target>/. `make -j2 fuzz` runs two at once.
# Fuzz/README.md says what each target checks.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := FuzzCSVScanner FuzzCSVReader FuzzXMLReader FuzzDateParser FuzzNumberParser FuzzJSONTokenizer FuzzHL7v2Reader FuzzCDSHooksRequest
FUZZ_BUILD := .build-fuzz
FUZZ_SWIFT_FLAGS := -c debug --scratch-path $(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

fuzz: $(addprefix fuzz-,$(FUZZ_TARGETS))

fuzz-build: setup
	for target in $(FUZZ_TARGETS); do $(SWIFT) build $(FUZZ_SWIFT_FLAGS) --product $$target || exit 1; done

fuzz-%: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/corpus/$* $(FUZZ_BUILD)/artifacts/$* $(FUZZ_BUILD)/logs
	@echo "fuzzing $* for $(FUZZ_SECONDS) s (log: $(FUZZ_BUILD)/logs/$*.log)"
	@set -o pipefail; SWIFT_BACKTRACE=enable=no $(FUZZ_BUILD)/debug/$* $(FUZZ_BUILD)/corpus/$* Fuzz/corpus/$* \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_BUILD)/artifacts/$*/ > $(FUZZ_BUILD)/logs/$*.log 2>&1 \
		|| { tail -40 $(FUZZ_BUILD)/logs/$*.log; exit 1; }
	@grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' $(FUZZ_BUILD)/logs/$*.log | sed 's/^/$*: /'

# Benchmarks (SPEC §9), never part of `make test`: generated data under Benchmarks/.data, the
# Python peers in Benchmarks/.venv, results printed and written to Benchmarks/RESULTS.md.
# See Benchmarks/README.md (BENCH_MB, BENCH_PATIENTS, BENCH_RUNS, BENCH_SEED).
bench: setup
	python3 Benchmarks/run_bench.py

# The CDS Hooks service against a bare Hummingbird endpoint (SPEC §9; loopback only), open loop
# at 300 calls/s and up to the knee, wrk's closed-loop maximum, memo hit and missed, RSS over
# 100,000 calls (about 15 minutes): Benchmarks/service/README.md. Writes the section "CDS Hooks
# service" of Benchmarks/RESULTS.md. Short mode, about SERVICE_SECONDS of load in all and
# nothing written: `SERVICE_QUICK=1 SERVICE_SECONDS=20 make bench-service`.
bench-service: setup
	command -v wrk >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk; }
	$(SWIFT) build -c release --product twitch-triage
	$(SWIFT) build -c release --product twitch-triage-serve
	$(SWIFT) build -c release --product CDSBareEndpoint
	python3 Benchmarks/service/run_service_bench.py

# The SPEC §9 ratios in one run of about 3 minutes after the build: the single report, the 100 MB
# lab export against pandas, a 5,000-patient batch against the bare writer, 20 s of the service.
bench-quick: setup
	command -v wrk >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk; }
	$(SWIFT) build -c release --product twitch-triage
	$(SWIFT) build -c release --product twitch-triage-serve
	$(SWIFT) build -c release --product CDSBareEndpoint
	BENCH_TOOL_BUILT=1 python3 Benchmarks/bench_quick.py

# In-process microbenchmarks with ordo-one/benchmark, to find hot spots.
bench-micro: setup
	cd Benchmarks/Micro && $(SWIFT) package --allow-writing-to-package-directory benchmark
