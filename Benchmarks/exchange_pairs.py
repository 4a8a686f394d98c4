#!/usr/bin/env python3
"""Two builds of `ingest-bench` paired on the same files (the readers' speed before and after a
change): for each file, ROUNDS rounds; in each, both binaries one after the other (the order
swapped every round), each running its bare parse and then its reader with `--runs RUNS`.

    BASE_BENCH=/path/to/old/ingest-bench python3 exchange_pairs.py [ROUNDS [RUNS]]

BRANCH_BENCH defaults to this package's release build. Files: Benchmarks/.data/exchange (from
exchange_bench.py and `generate-drop applehealth --megabytes 30 --seed 2026 --out
.data/exchange/export.xml`) and Benchmarks/.data/ingest30 (`generate-drop ingest --megabytes 30
--seed 2026`, plus labs.tsv: labs.csv with tabs for commas). ONLY=TEXT keeps the files whose label
contains TEXT (ONLY="lab CSV"). Writes every measurement, with the load average, to .data/exchange_pairs.json; RESULTS.md compares the CPU figures (cpu_mb_s).
"""
import json, os, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, ".data")
BIN = {"base": os.environ["BASE_BENCH"],
       "branch": os.environ.get("BRANCH_BENCH", os.path.join(HERE, ".build", "release", "ingest-bench"))}
FILES = [("FHIR JSON Bundle", "exchange/fhir-bundle.json", "fhirjson", "jsonscan"),
         ("FHIR NDJSON", "exchange/fhir.ndjson", "fhirjson", "jsonscan"),
         ("HL7 v2 ORU batch", "exchange/oru-batch.hl7", "hl7", "hl7scan"),
         ("FHIR XML Bundle", "exchange/fhir-bundle.xml", "xml", "sax2"),
         ("C-CDA", "exchange/ccda.xml", "xml", "sax2"),
         ("Apple Health export", "exchange/export.xml", "applehealth", "sax2"),
         ("lab CSV", "ingest30/labs.csv", "csv", "csvscan"),
         ("lab TSV", "ingest30/labs.tsv", "csv", "csvscan"),
         ("lab CSV, SI ';' decimal comma", "ingest30/labs-si.csv", "csv", "csvscan"),
         ("lab XML", "ingest30/labs.xml", "xml", "sax2")]
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
runs = sys.argv[2] if len(sys.argv) > 2 else "3"
rows = []
def measure(who, mode, path):
    out = subprocess.run([BIN[who], mode, os.path.join(DATA, path), "--runs", runs], capture_output=True, text=True, check=True).stdout
    f = dict(p.split("=", 1) for p in out.split()[2:])
    return {"mb_s": float(f["mb_s"]), "cpu_mb_s": float(f["cpu_mb_s"]), "items": int(f["items"]), "load": float(open("/proc/loadavg").read().split()[0])}
for label, path, mode, bare in FILES:
    if os.environ.get("ONLY", "") not in label:
        continue
    for r in range(rounds):
        order = ["base", "branch"] if r % 2 == 0 else ["branch", "base"]
        for who in order:
            rows.append({"file": label, "round": r, "who": who, "what": "bare", **measure(who, bare, path)})
            rows.append({"file": label, "round": r, "who": who, "what": "ours", **measure(who, mode, path)})
            print(json.dumps(rows[-1]), flush=True)
json.dump(rows, open(os.path.join(DATA, "exchange_pairs.json"), "w"), indent=0)
