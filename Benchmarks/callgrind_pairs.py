#!/usr/bin/env python3
"""Two builds of `ingest-bench` compared by the instructions their readers execute, counted by
valgrind's callgrind: a count that does not depend on the machine's load (on 2 cores shared by
several engineers, wall and CPU times of the same binary move by 5-15%, see RESULTS.md).

    BASE_BENCH=/path/to/old/ingest-bench python3 callgrind_pairs.py [--megabytes N] [--only TEXT] [--keep]

BRANCH_BENCH defaults to this package's release build (`swift build -c release --product
ingest-bench` in Benchmarks/). Each binary is copied with `strip --strip-debug` first: this
valgrind cannot read the DWARF 5 that Swift writes, while the symbol table (kept) is enough for
callgrind's per-function counts. Then, for each file, each binary runs its reader once as a
warm-up and once measured (`ingest-bench MODE FILE --runs 1`) under `valgrind --tool=callgrind
--dump-after=<ingest-bench's read function>`, which splits the counts at the end of the warm-up
read: the figure is the instructions (Ir) of the measured read, a read in a process that has
already read once (what ingest-bench's timings measure too; 2 runs are twice 1 run to 0.01%), and
the ratio branch / base (below 1: fewer instructions than the base). Process start plus the first
read is shown apart: it holds each build's one-time work (tables built on first use). Both runs
must report the same `items` (records). SWIFT_DETERMINISTIC_HASHING=1 makes the counts repeatable
(Swift seeds its hashing per process otherwise).

Files (made when missing, in Benchmarks/.data/callgrind-N, N the megabytes, default 5): the
exchange files of `exchange_bench.py` (its writers, same seed), the Apple Health export of
`generate-drop applehealth --megabytes N --seed 2026`, and the lab files of `generate-drop ingest
--megabytes N --seed 2026` (labs.tsv: labs.csv with tabs for commas), as `exchange_pairs.py`
uses at 30 MB. `--only TEXT` keeps the files whose label contains TEXT (e.g. `--only lab`).
With `--keep`, the callgrind output files stay in .data/callgrind-N/out (`callgrind_annotate
FILE` lists the functions); without it they are deleted after reading the totals.
"""
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import exchange_bench  # noqa: E402  (its file writers)

megabytes = int(sys.argv[sys.argv.index("--megabytes") + 1]) if "--megabytes" in sys.argv else 5
only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
keep = "--keep" in sys.argv
DATA = os.path.join(HERE, ".data", "callgrind-%d" % megabytes)
OUT = os.path.join(DATA, "out")
GENERATE = os.path.join(HERE, ".build", "release", "generate-drop")
BIN = {"base": os.environ["BASE_BENCH"],
       "branch": os.environ.get("BRANCH_BENCH", os.path.join(HERE, ".build", "release", "ingest-bench"))}
FILES = [("FHIR JSON Bundle", "fhir-bundle.json", "fhirjson", lambda p: exchange_bench.write_json(p, megabytes, False)),
         ("FHIR NDJSON", "fhir.ndjson", "fhirjson", lambda p: exchange_bench.write_json(p, megabytes, True)),
         ("HL7 v2 ORU batch", "oru-batch.hl7", "hl7", lambda p: exchange_bench.write_hl7(p, megabytes)),
         ("FHIR XML Bundle", "fhir-bundle.xml", "xml", lambda p: exchange_bench.write_fhir_xml(p, megabytes)),
         ("C-CDA", "ccda.xml", "xml", lambda p: exchange_bench.write_ccda(p, megabytes)),
         ("Apple Health export", "export.xml", "applehealth", None),
         ("lab CSV", "labs.csv", "csv", None),
         ("lab TSV", "labs.tsv", "csv", None),
         ("lab CSV, SI ';' decimal comma", "labs-si.csv", "csv", None),
         ("lab XML", "labs.xml", "xml", None)]


def make_files():
    os.makedirs(OUT, exist_ok=True)
    for _, name, _, write in FILES:
        path = os.path.join(DATA, name)
        if os.path.exists(path):
            continue
        if write:
            write(path)
        elif name == "export.xml":
            subprocess.run([GENERATE, "applehealth", "--megabytes", str(megabytes), "--seed", "2026", "--out", path], check=True)
        elif name == "labs.tsv":
            make_files_ingest()
            with open(os.path.join(DATA, "labs.csv"), "rb") as f, open(path, "wb") as g:
                g.write(f.read().replace(b",", b"\t"))
        else:
            make_files_ingest()


def make_files_ingest():
    if os.path.exists(os.path.join(DATA, "labs.csv")):
        return
    scratch = os.path.join(DATA, "ingest")
    subprocess.run([GENERATE, "ingest", "--megabytes", str(megabytes), "--seed", "2026", "--out", scratch], check=True)
    for name in ("labs.csv", "labs-si.csv", "labs.xml"):
        shutil.move(os.path.join(scratch, name), os.path.join(DATA, name))
    shutil.rmtree(scratch)


def stripped(who):
    path = os.path.join(DATA, "%s-ingest-bench" % who)
    subprocess.run(["strip", "--strip-debug", "-o", path, BIN[who]], check=True)
    return path


# ingest-bench's warm-up read: callgrind writes its counts so far (process start and the warm-up
# read) when it returns, and the rest (the measured read) at the process's end.
WARM_UP = "$s12ingest_bench12onceMeasuredSi5items_Si9heldBytestyF"


def totals(path):
    with open(path) as f:
        return int(re.search(r"^totals:\s+(\d+)", f.read(), re.M).group(1))


def count(binary, who, mode, name):
    """(instructions of the measured read, of process start and the warm-up read, items)"""
    out = os.path.join(OUT, "%s-%s.callgrind" % (who, name))
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, "--dump-after=" + WARM_UP,
                          binary, mode, os.path.join(DATA, name), "--runs", "1"], capture_output=True, text=True, check=True,
                         env=dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1"))
    items = int(re.search(r"items=(\d+)", run.stdout).group(1))
    if not os.path.exists(out + ".1"):
        sys.exit("%s: no dump after the warm-up read (is %s still in the binary?)" % (binary, WARM_UP))
    measured, first = totals(out), totals(out + ".1")
    if not keep:
        os.remove(out)
        os.remove(out + ".1")
    return measured, first, items


def main():
    make_files()
    binaries = {who: stripped(who) for who in BIN}
    print("| file (%d MB) | base, instructions per read | branch | branch / base | first read + process start, base → branch | records |" % megabytes)
    print("|---|---|---|---|---|---|")
    for label, name, mode, _ in FILES:
        if only and only not in label:
            continue
        base, base_first, base_items = count(binaries["base"], "base", mode, name)
        branch, branch_first, branch_items = count(binaries["branch"], "branch", mode, name)
        same = "%d" % base_items if base_items == branch_items else "%d vs %d (DIFFERENT)" % (base_items, branch_items)
        print("| %s | %d | %d | **%.3f** | %.1fM → %.1fM | %s |" % (label, base, branch, branch / base, base_first / 1e6,
                                                                  branch_first / 1e6, same), flush=True)

if __name__ == "__main__":
    main()
