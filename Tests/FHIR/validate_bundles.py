#!/usr/bin/env python3
"""Validates every patient's referral.fhir.json with Python's fhir.resources (R4B models), as
the reviewers do (SPEC §7.1). Run by `make test` with the venv that `make setup` makes under
.build/fhir-venv (fhir.resources==8.3.0).

Usage: validate_bundles.py <batch output folder>

Each bundle must parse as a Bundle of type collection, and each entry's resource as its own
resource type; every reference must point at an entry of the same bundle; the Patient carries
no name; every Observation has a LOINC code; every ServiceRequest is a draft proposal with a
priority from FHIR's request-priority codes, says who acts (`performerType`, as text or a code of
a published system), and ends its occurrencePeriod on or after it was authored; a conditional
step's condition is its first note ("When: …"). Exits 1 with one line per failure.
"""
import json
import os
import sys

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

PRIORITIES = {"routine", "urgent", "asap", "stat"}
# Code systems a performerType coding may use: none is used today (who acts is text); a coding
# must name a published system.
PUBLISHED_SYSTEMS = {"http://snomed.info/sct", "http://terminology.hl7.org/CodeSystem/practitioner-role"}


def references(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def check(path):
    problems = []
    text = open(path, encoding="utf-8").read()
    try:
        bundle = Bundle.model_validate_json(text)
    except Exception as error:  # the library's own message says what and where
        return [f"{path}: not a valid R4B Bundle: {error}"]
    if bundle.type != "collection":
        problems.append(f"{path}: bundle type {bundle.type}, not collection")
    raw = json.loads(text)
    urls = {entry["fullUrl"] for entry in raw["entry"]}
    kinds = {}
    for entry in raw["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        kinds[kind] = kinds.get(kind, 0) + 1
        try:
            get_fhir_model_class(kind).model_validate(resource)
        except Exception as error:
            problems.append(f"{path}: {kind} {resource.get('id')}: {error}")
        for reference in references(resource):
            if reference not in urls:
                problems.append(f"{path}: {kind} {resource.get('id')} refers to {reference}, not in the bundle")
        if kind == "Patient" and "name" in resource:
            problems.append(f"{path}: the Patient carries a name")
        if kind == "Observation" and not any(c.get("system") == "http://loinc.org" for c in resource["code"].get("coding", [])):
            problems.append(f"{path}: Observation {resource['id']} has no LOINC code")
        if kind == "ServiceRequest":
            if (resource["status"], resource["intent"]) != ("draft", "proposal"):
                problems.append(f"{path}: ServiceRequest {resource['id']} is not a draft proposal")
            if resource.get("priority") not in PRIORITIES:
                problems.append(f"{path}: ServiceRequest {resource['id']} priority {resource.get('priority')}")
            performer = resource.get("performerType") or {}
            codings = performer.get("coding", [])
            if not performer.get("text") and not codings:
                problems.append(f"{path}: ServiceRequest {resource['id']} does not say who acts (performerType)")
            for coding in codings:
                if coding.get("system") not in PUBLISHED_SYSTEMS:
                    problems.append(f"{path}: ServiceRequest {resource['id']} performerType system {coding.get('system')} is not a published one")
            period = resource.get("occurrencePeriod")
            if period and period.get("end", "") < resource.get("authoredOn", ""):
                problems.append(f"{path}: ServiceRequest {resource['id']} occurrencePeriod ends before it was authored")
            notes = [note.get("text", "") for note in resource.get("note", [])]
            if any(text.startswith("When: ") for text in notes[1:]):
                problems.append(f"{path}: ServiceRequest {resource['id']} has its condition after another note")
    if kinds.get("Patient") != 1:
        problems.append(f"{path}: {kinds.get('Patient', 0)} Patient resources, not 1")
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    return problems, summary


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: validate_bundles.py <batch output folder>")
    root = sys.argv[1]
    paths = sorted(os.path.join(root, entry, "referral.fhir.json") for entry in os.listdir(root)
                   if os.path.isfile(os.path.join(root, entry, "referral.fhir.json")))
    if not paths:
        sys.exit(f"validate_bundles: no referral.fhir.json under {root}")
    failures = []
    for path in paths:
        result = check(path)
        if isinstance(result, list):
            failures += result
            continue
        problems, summary = result
        print(f"{os.path.basename(os.path.dirname(path))}: {summary}")
        failures += problems
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    print(f"validate_bundles: {len(paths)} bundles, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
