#!/usr/bin/env python3
"""medspaCy 1.3.1 ConText on the same labelled lay phrasings, told the exact target words:
each row's concept is found when a target span of that concept is in the phrase and ConText
marks it neither negated, hypothetical, family nor historical. Scored as evaluate.py scores
twitch-triage. Run with Benchmarks/.venv-medspacy/bin/python (pip install medspacy==1.3.1).
The target words are the vocabulary's synonyms of each concept (vocabulary.json), so both
readers start from the same words; medspaCy has no frames.
"""
import csv, glob, json, os, sys, collections
import logging
try:
    from loguru import logger
    logger.remove()
except ImportError:
    pass
logging.disable(logging.CRITICAL)
import medspacy
from medspacy.ner import TargetRule
HERE = os.path.dirname(os.path.abspath(__file__))
VOCAB = os.path.join(HERE, "..", "..", "Sources", "TwitchTriage", "Knowledge", "Resources", "vocabulary.json")

def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.tsv")))
    data = []
    for p in paths:
        with open(p, newline="") as f: data += list(csv.DictReader(f, delimiter="\t"))
    vocab = json.load(open(VOCAB))
    nlp = medspacy.load()
    matcher = nlp.get_pipe("medspacy_target_matcher")
    rules = []
    for s in vocab["symptoms"]:
        for phrase in [s["id"]] + s["synonyms"]:
            rules.append(TargetRule(phrase, s["id"]))
    matcher.add(rules)
    per = collections.defaultdict(lambda: {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "extra": 0})
    affirmed = {}
    for text in sorted(set(r["text"] for r in data)):
        doc = nlp(text)
        affirmed[text] = {e.label_ for e in doc.ents if not (e._.is_negated or e._.is_hypothetical or e._.is_family or e._.is_historical)}
    labelled = collections.defaultdict(set)
    for r in data: labelled[r["text"]].add(r["concept"])
    for text, got in affirmed.items():
        for concept in got - labelled[text]: per[concept]["extra"] += 1   # concepts no row of the phrase names
    for r in data:
        got = r["concept"] in affirmed[r["text"]]
        want = r["polarity"] == "affirmed" and r["experiencer"] == "patient" and r["certainty"] in ("present", "possible")
        c = per[r["concept"]]
        key = ("tp" if got else "fn") if want else ("fp" if got else "tn")
        c[key] += 1
    t = {k: sum(c[k] for c in per.values()) for k in ("tp", "fn", "fp", "tn", "extra")}
    f = lambda a, b: f"{a / b:.3f}" if b else "n/a"
    print(f"medspaCy ConText: recall {f(t['tp'], t['tp'] + t['fn'])}; precision on the labelled rows {f(t['tp'], t['tp'] + t['fp'])}, "
          f"strict {f(t['tp'], t['tp'] + t['fp'] + t['extra'])}; never escalated {f(t['tn'], t['tn'] + t['fp'])} on {len(data)} rows")
    for concept in sorted(per):
        c = per[concept]
        print(f"| {concept} | {c['tp']}/{c['tp'] + c['fn']} | {c['fp']} | {c['extra']} |")

if __name__ == "__main__":
    main()
