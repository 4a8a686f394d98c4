#!/usr/bin/env python3
"""Derives `reading.commonWords` of the vocabulary (issue 10): the English words of six letters or
more that are one edit from a word of a vocabulary phrase, so that the concept reader never takes
them for a misspelling (`waiting` is not `wasting`, `cooking` is not `choking`).

The word list is SCOWL as Debian packages it (`wamerican`, /usr/share/dict/words; permissive
licence, Kevin Atkinson). Run after changing the vocabulary:

    python3 tools/derive_common_words.py            # rewrites vocabulary.json's list
    python3 tools/derive_common_words.py --check    # exit 1 if the list is out of date

The tokenising below mirrors FreeTextTokenizer (letters and digits, apostrophes joined, a
possessive 's dropped); the distance is the optimal string alignment distance, as in
ConceptMatcher.withinOneEdit.
"""
import json
import re
import sys

VOCABULARY = "Sources/TriageKnowledge/Resources/vocabulary.json"
DICTIONARY = "/usr/share/dict/words"


def words(text):
    out = []
    for word in re.findall(r"[A-Za-z0-9'\u2019]+", text):
        word = word.lower()
        if word.endswith("'s") or word.endswith("\u2019s"):
            word = word[:-2]
        word = word.replace("'", "").replace("\u2019", "")
        if word:
            out.append(word)
    return out


def within_one_edit(a, b):
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) <= 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) < len(b):
        a, b = b, a
    i = j = 0
    skipped = False
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        if skipped:
            return False
        skipped = True
        i += 1
    return True


def derive(vocabulary):
    reading = vocabulary["reading"]
    minimum = reading["approximateMinimumLetters"]
    lexicon = set()
    for name in ("regions", "symptoms", "triggers"):
        for entry in vocabulary[name]:
            for phrase in [entry["id"]] + entry["synonyms"]:
                lexicon.update(words(phrase))
    for entry in vocabulary["medicationClasses"]:
        for phrase in entry["drugs"] + [entry["label"], entry["id"]]:
            lexicon.update(words(phrase))
    for phrase in reading["diseaseNames"]["phrases"] + reading["twitchWords"]["phrases"]:
        lexicon.update(words(phrase))
    index = {}
    for word in lexicon:
        if len(word) + 1 >= minimum:
            for variant in {word[:i] + word[i + 1:] for i in range(len(word))} | {word}:
                index.setdefault(variant, set()).add(word)
    common = set()
    with open(DICTIONARY, encoding="utf-8") as handle:
        for line in handle:
            word = line.strip()
            if len(word) < minimum or not re.fullmatch(r"[a-z]+", word) or word in lexicon:
                continue
            candidates = set(index.get(word, set()))
            for i in range(len(word)):
                candidates |= index.get(word[:i] + word[i + 1:], set())
            if any(c != word and within_one_edit(c, word) for c in candidates):
                common.add(word)
    return sorted(common)


def main():
    with open(VOCABULARY, encoding="utf-8") as handle:
        vocabulary = json.load(handle)
    common = derive(vocabulary)
    if "--check" in sys.argv:
        current = vocabulary["reading"]["commonWords"]["phrases"]
        if current != common:
            missing = sorted(set(common) - set(current))[:10]
            extra = sorted(set(current) - set(common))[:10]
            print(f"reading.commonWords is out of date: missing {missing}, extra {extra}; run tools/derive_common_words.py")
            sys.exit(1)
        print(f"reading.commonWords is current ({len(common)} words)")
        return
    vocabulary["reading"]["commonWords"] = {
        "phrases": common,
        "sources": [{"name": "SCOWL", "quote": "Debian's wamerican word list: the English words one edit from a vocabulary word, derived by tools/derive_common_words.py"}],
    }
    with open(VOCABULARY, "w", encoding="utf-8") as handle:
        json.dump(vocabulary, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    print(f"wrote {len(common)} common words")


if __name__ == "__main__":
    main()
