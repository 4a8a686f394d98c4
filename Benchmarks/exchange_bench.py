#!/usr/bin/env python3
"""Exchange-format readers against their bare parse of the same file (issue 12, SPEC §9):

  FHIR JSON Bundle and NDJSON   FHIRJSONReader    vs a structural JSON byte scan (`jsonscan`)
  HL7 v2 ORU batch               HL7v2Reader       vs a segment/field byte scan (`hl7scan`)
  FHIR XML Bundle, C-CDA         XMLFileReader     vs bare libxml2 SAX2 (`sax2`)

Generates the files (deterministic, `--megabytes` each, default 30) under Benchmarks/.data/exchange
and prints a Markdown table, then the compact record model's table (issue 12: the record types'
in-line sizes and each reader's resident bytes per record, also over the lab and journal files
of `generate-drop ingest` when they are there); `run_bench.py` includes it in RESULTS.md. Needs the release
`ingest-bench` (run_bench.py builds it; alone: `swift build -c release --product ingest-bench`
in Benchmarks/).
"""
import json
import os
import random
import subprocess
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
INGEST = os.path.join(BENCH, ".build", "release", "ingest-bench")
OUT = os.path.join(BENCH, ".data", "exchange")
ANALYTES = [("2601-3", "mmol/L", 0.70, 1.00, 0.55, 1.05), ("2823-3", "mmol/L", 3.5, 5.1, 3.0, 5.4),
            ("2000-8", "mmol/L", 2.15, 2.55, 2.0, 2.7), ("14685-2", "pmol/L", 145, 569, 100, 700),
            ("62292-8", "ng/mL", 30, 100, 10, 80), ("3016-3", "mIU/L", 0.27, 4.2, 0.1, 6),
            ("2951-2", "mmol/L", 136, 145, 130, 150), ("4548-4", "%", 4.0, 5.6, 4.5, 7.5),
            ("2345-7", "mg/dL", 70, 99, 65, 140), ("1994-3", "mmol/L", 1.1, 1.3, 1.0, 1.4)]


def results(rng, n):
    for k in range(10):
        code, unit, lo, hi, a, b = ANALYTES[k]
        yield code, unit, lo, hi, round(rng.uniform(a, b), 2), "2026-%02d-%02dT%02d:%02d:00Z" % (1 + n % 11, 1 + n % 28, 7 + n % 10, n % 60)


def fhir_observation(pid, code, unit, lo, hi, value, when, n):
    return {"resourceType": "Observation", "id": "o%d" % n, "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
            "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
            "subject": {"reference": "Patient/%s" % pid}, "effectiveDateTime": when,
            "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
            "interpretation": [{"coding": [{"code": "N"}]}],
            "referenceRange": [{"low": {"value": lo, "unit": unit}, "high": {"value": hi, "unit": unit}}]}


def write_json(path, megabytes, ndjson):
    rng = random.Random(2026)
    target = megabytes * 1_000_000
    size = 0
    n = 0
    with open(path, "w") as f:
        if not ndjson:
            f.write('{"resourceType":"Bundle","type":"collection","entry":[\n')
        first = True
        while size < target:
            pid = "B%07d" % n
            patient = {"resourceType": "Patient", "id": pid, "identifier": [{"type": {"coding": [{"code": "MR"}]}, "value": pid}],
                       "name": [{"family": "Name%d" % n, "given": ["Given"]}], "gender": "female" if n % 2 else "male",
                       "birthDate": "19%02d-0%d-1%d" % (40 + n % 60, 1 + n % 9, n % 9)}
            resources = [patient] + [fhir_observation(pid, *r, n * 10 + i) for i, r in enumerate(results(rng, n))]
            for resource in resources:
                text = json.dumps(resource, separators=(",", ":")) if ndjson else json.dumps({"resource": resource}, indent=1)
                if not ndjson and not first:
                    f.write(",\n")
                f.write(text + ("\n" if ndjson else ""))
                size += len(text) + 2
                first = False
            n += 1
        if not ndjson:
            f.write("\n]}\n")


def write_hl7(path, megabytes):
    rng = random.Random(2026)
    target = megabytes * 1_000_000
    size = 0
    n = 0
    with open(path, "w", newline="") as f:
        f.write("FHS|^~\\&|LAB|HOSP|EHR|CLINIC|20261119\rBHS|^~\\&|LAB|HOSP|EHR|CLINIC|20261119\r")
        while size < target:
            pid = "B%07d" % n
            segments = ["MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20261119120000||ORU^R01^ORU_R01|M%d|P|2.5.1" % n,
                        "PID|1||999%06d^^^SSA^SS~%s^^^HOSP^MR||Name%d^Given||19700101|F|||1 Main St^^Town" % (n % 10**6, pid, n),
                        "OBR|1|O%d|L%d|24323-8^CMP^LN|||20261002081000" % (n, n)]
            for i, (code, unit, lo, hi, value, when) in enumerate(results(rng, n)):
                segments.append("OBX|%d|NM|%s^Test^LN||%s|%s^^UCUM|%s-%s|N|||F|||%s" % (i + 1, code, value, unit, lo, hi,
                                                                                     when.replace("-", "").replace(":", "").replace("T", "")[:12]))
            text = "\r".join(segments) + "\r"
            f.write(text)
            size += len(text)
            n += 1
        f.write("BTS|%d\rFTS|1\r" % n)


def write_fhir_xml(path, megabytes):
    rng = random.Random(2026)
    target = megabytes * 1_000_000
    size = 0
    n = 0
    with open(path, "w") as f:
        f.write('<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>\n')
        while size < target:
            pid = "B%07d" % n
            parts = ['<entry><resource><Patient><id value="%s"/><identifier><type><coding><code value="MR"/></coding></type>'
                     '<value value="%s"/></identifier><name><family value="Name%d"/></name><gender value="male"/>'
                     '<birthDate value="1970-01-01"/></Patient></resource></entry>' % (pid, pid, n)]
            for code, unit, lo, hi, value, when in results(rng, n):
                parts.append('<entry><resource><Observation><text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml">'
                             '<p>%s %s %s</p></div></text><status value="final"/><code><coding><system value="http://loinc.org"/>'
                             '<code value="%s"/></coding></code><subject><reference value="Patient/%s"/></subject>'
                             '<effectiveDateTime value="%s"/><valueQuantity><value value="%s"/><unit value="%s"/>'
                             '<system value="http://unitsofmeasure.org"/><code value="%s"/></valueQuantity>'
                             '<interpretation><coding><code value="N"/></coding></interpretation><referenceRange><low><value value="%s"/>'
                             '</low><high><value value="%s"/></high></referenceRange></Observation></resource></entry>'
                             % (code, value, unit, code, pid, when, value, unit, unit, lo, hi))
            text = "\n".join(parts) + "\n"
            f.write(text)
            size += len(text)
            n += 1
        f.write("</Bundle>\n")


def write_ccda(path, megabytes):
    rng = random.Random(2026)
    target = megabytes * 1_000_000
    size = 0
    n = 0
    with open(path, "w") as f:
        f.write('<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<recordTarget><patientRole><id root="1.2.3" extension="B0000001"/><patient><name><given>G</given></name>'
                '<administrativeGenderCode code="F"/><birthTime value="19700101"/></patient></patientRole></recordTarget>\n'
                '<component><structuredBody><component><section><code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/>'
                '<text><table><tr><td>results</td></tr></table></text>\n')
        while size < target:
            parts = ['<entry><organizer classCode="BATTERY" moodCode="EVN"><statusCode code="completed"/>'
                     '<effectiveTime value="20261002081000"/>']
            for code, unit, lo, hi, value, when in results(rng, n):
                parts.append('<component><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.2"/>'
                             '<code code="%s" codeSystem="2.16.840.1.113883.6.1"/><statusCode code="completed"/>'
                             '<effectiveTime value="20261002081000"/><value xsi:type="PQ" value="%s" unit="%s"/>'
                             '<interpretationCode code="N"/><referenceRange><observationRange><value xsi:type="IVL_PQ">'
                             '<low value="%s" unit="%s"/><high value="%s" unit="%s"/></value></observationRange></referenceRange>'
                             '</observation></component>' % (code, value, unit, lo, unit, hi, unit))
            parts.append('</organizer></entry>\n')
            text = "".join(parts)
            f.write(text)
            size += len(text)
            n += 1
        f.write('</section></component></structuredBody></component></ClinicalDocument>\n')


def measure(mode, path, runs, ingest=INGEST):
    line = subprocess.run([ingest, mode, path, "--runs", str(runs)], capture_output=True, text=True, check=True).stdout
    fields = dict(part.split("=", 1) for part in line.split()[2:])
    return float(fields["mb_s"]), int(fields["items"]), int(fields.get("anon_rss_bytes_per_item", "0"))


def layout(ingest=INGEST):
    """The in-line sizes of the record types, from `ingest-bench layout`."""
    line = subprocess.run([ingest, "layout"], capture_output=True, text=True, check=True).stdout
    return dict(part.split("=", 1) for part in line.split()[1:])


def record_model(runs, model, ingest=INGEST):
    """The compact record model's figures (issue 12): in-line sizes and, per reader, the
    anonymous resident memory its result holds per record (the records, their strings and
    arrays, the array's spare capacity), with the reader's speed. Needs the lab and journal
    files of `generate-drop ingest` in Benchmarks/.data/model (run_bench.py makes them)."""
    sizes = layout(ingest)
    rows = ["| type | bytes in line |", "|---|---|"] + ["| `%s` | %s |" % (name, size) for name, size in sizes.items()]
    rows += ["", "| file | reader | MB/s | records | resident bytes per record |", "|---|---|---|---|---|"]
    files = [("lab CSV", os.path.join(model, "labs.csv"), "csv"), ("journal CSV", os.path.join(model, "journal.csv"), "csv"),
             ("lab XML", os.path.join(model, "labs.xml"), "xml"), ("journal XML", os.path.join(model, "journal.xml"), "xml"),
             ("FHIR JSON Bundle", os.path.join(OUT, "fhir-bundle.json"), "fhirjson"), ("FHIR NDJSON", os.path.join(OUT, "fhir.ndjson"), "fhirjson"),
             ("HL7 v2 batch", os.path.join(OUT, "oru-batch.hl7"), "hl7"), ("FHIR XML Bundle", os.path.join(OUT, "fhir-bundle.xml"), "xml"),
             ("C-CDA", os.path.join(OUT, "ccda.xml"), "xml")]
    for label, path, mode in files:
        if not os.path.exists(path):
            continue
        speed, items, held = measure(mode, path, runs, ingest)
        rows.append("| %s (%.0f MB) | `%s` | %.0f | %s | %s |" % (label, os.path.getsize(path) / 1e6, mode, speed, format(items, ","), held))
    return "\n".join(rows) + "\n"


def main(model_dir=None):
    megabytes = int(sys.argv[sys.argv.index("--megabytes") + 1]) if "--megabytes" in sys.argv else 30
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    os.makedirs(OUT, exist_ok=True)
    files = [("FHIR JSON Bundle", "fhir-bundle.json", lambda p: write_json(p, megabytes, False), "jsonscan", "JSON structural scan", "fhirjson", 0.3),
             ("FHIR NDJSON", "fhir.ndjson", lambda p: write_json(p, megabytes, True), "jsonscan", "JSON structural scan", "fhirjson", 0.3),
             ("HL7 v2 ORU batch", "oru-batch.hl7", lambda p: write_hl7(p, megabytes), "hl7scan", "segment/field scan", "hl7", 0.3),
             ("FHIR XML Bundle", "fhir-bundle.xml", lambda p: write_fhir_xml(p, megabytes), "sax2", "libxml2 SAX2", "xml", 0.6),
             ("C-CDA document", "ccda.xml", lambda p: write_ccda(p, megabytes), "sax2", "libxml2 SAX2", "xml", 0.6)]
    rows = ["| file | MB | bare parse | bare MB/s | ours MB/s | records | ours / bare | target |", "|---|---|---|---|---|---|---|---|"]
    for label, name, write, bare_mode, bare_name, ours_mode, target in files:
        path = os.path.join(OUT, name)
        if not os.path.exists(path) or os.path.getsize(path) < megabytes * 1_000_000:
            write(path)
        bare, _, _ = measure(bare_mode, path, runs)
        ours, items, _ = measure(ours_mode, path, runs)
        ratio = ours / bare
        rows.append("| %s (`%s`) | %.0f | %s | %.0f | %.0f | %s | %.2f× | ≥ %.1f× %s |" % (
            label, name, os.path.getsize(path) / 1e6, bare_name, bare, ours, format(items, ","), ratio, target,
            "met" if ratio >= target else "**not met**"))
    text = "\n".join(rows) + "\n"
    model_dir = model_dir or os.path.join(BENCH, ".data", "model")
    if os.path.isdir(model_dir):
        text += "\nThe compact record model (issue 12): sizes, and resident bytes per record as each reader leaves them:\n\n"
        text += record_model(runs, model_dir)
    sys.stdout.write(text)
    return text


if __name__ == "__main__":
    main()
