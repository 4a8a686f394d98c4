#!/usr/bin/env python3
"""Runs the built twitch-triage binary over the labelled lay phrasings (one generated patient
per phrase, the phrase as the entry's note) and scores what the reports say, per concept.

A phrase expects its concept found (present or possible) when polarity is affirmed and the
experiencer is the patient and certainty is not hypothetical; otherwise the concept must not be
a present finding ("never escalated"). Usage: evaluate.py [TSV...] (default: every *.tsv here).
Writes RESULTS.md beside it; prints the same table.
"""
import csv, glob, json, os, re, subprocess, sys, tempfile, collections
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.join(ROOT, ".build", "debug", "twitch-triage")
HEADER = "patient_id,date,location,side,twitch_count,duration_min,at_rest,triggers,symptoms,weakness,caffeine_mg,sleep_hours,stress,alcohol_units,water_l,exercise,medications,notes"

def slug(s): return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")

def rows(paths):
    out = []
    for path in paths:
        with open(path, newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                row["file"] = os.path.basename(path)
                out.append(row)
    return out

def run(rows_):
    texts = sorted(set(r["text"] for r in rows_))
    ids = {t: f"L{i:05d}" for i, t in enumerate(texts)}
    with tempfile.TemporaryDirectory() as tmp:
        journal = os.path.join(tmp, "phrases.csv")
        with open(journal, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(HEADER.split(","))
            for t in texts:
                w.writerow([ids[t], "2026-11-10", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", t])
        out = os.path.join(tmp, "out")
        subprocess.run([BIN, "batch", journal, "--out", out, "--as-of", "2026-11-20"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found = {}
        for t, pid in ids.items():
            with open(os.path.join(out, pid, "referral.json")) as f:
                j = json.load(f)
            found[t] = {x["id"]: ("possible" if x["summary"].startswith("Possible ") else "present")
                        for x in j["findings"] if x["present"]}
    return found

def expected_found(r):
    return r["polarity"] == "affirmed" and r["experiencer"] == "patient" and r["certainty"] in ("present", "possible")

def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.tsv")))
    data = rows(paths)
    found = run(data)
    per = collections.defaultdict(lambda: {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "extra": 0})
    misses = []
    for r in data:
        got = found[r["text"]].get(slug(r["concept"]))
        c = per[r["concept"]]
        if expected_found(r):
            if got: c["tp"] += 1
            else: c["fn"] += 1; misses.append(("missed", r))
        else:
            if got: c["fp"] += 1; misses.append(("escalated", r))
            else: c["tn"] += 1
    # Concepts found that no row of that phrase names: false findings too (precision counts them).
    vocab = json.load(open(os.path.join(ROOT, "Sources", "TwitchTriage", "Knowledge", "Resources", "vocabulary.json")))
    concepts = {slug(s["id"]): s["id"] for s in vocab["symptoms"]}
    labelled = collections.defaultdict(set)
    for r in data: labelled[r["text"]].add(slug(r["concept"]))
    for text, got in found.items():
        for fid in got:
            if fid in concepts and fid not in labelled[text]:
                per[concepts[fid]]["extra"] += 1
                misses.append(("extra", {"text": text, "concept": concepts[fid], "polarity": "unlabelled", "certainty": got[fid],
                                         "experiencer": "", "file": "-"}))
    tot = {k: sum(c[k] for c in per.values()) for k in ("tp", "fn", "fp", "tn", "extra")}
    def ratio(a, b): return f"{a / b:.3f}" if b else "n/a"
    lines = ["# Lay phrasings: the reader measured", "",
             f"Files: {', '.join(os.path.basename(p) for p in paths)}; {len(data)} labelled rows.", "",
             "| concept | found / expected | recall | escalated when not the patient's present symptom | never escalated | found, no row names it |", "|---|---|---|---|---|---|"]
    for concept in sorted(per):
        c = per[concept]
        lines.append(f"| {concept} | {c['tp']}/{c['tp'] + c['fn']} | {ratio(c['tp'], c['tp'] + c['fn'])} | {c['fp']} | {ratio(c['tn'], c['tn'] + c['fp'])} | {c['extra']} |")
    lines += ["", f"Overall recall {ratio(tot['tp'], tot['tp'] + tot['fn'])}; precision on the labelled rows "
              f"{ratio(tot['tp'], tot['tp'] + tot['fp'])}, strict (every concept found that no row names counts false: some are real "
              f"co-findings the one-concept labels leave out) {ratio(tot['tp'], tot['tp'] + tot['fp'] + tot['extra'])}; "
              f"negated/other/hypothetical never escalated {ratio(tot['tn'], tot['tn'] + tot['fp'])}.", "", "## Misses", ""]
    lines += [f"- {kind}: `{r['text']}` ({r['concept']}, {r['polarity']}, {r['certainty']}, {r['experiencer']}; {r['file']})" for kind, r in misses] or ["none"]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f: f.write(text)

if __name__ == "__main__":
    main()
