#!/usr/bin/env python3
"""`make bench`: the SPEC §9 measurements, in one run, on the same generated files.

Builds the release tool and the harness, sets up its Python peers in Benchmarks/.venv,
generates the files (once per seed and size, under Benchmarks/.data), measures, prints one
table with the ratios of SPEC §9 and writes it to Benchmarks/RESULTS.md with the machine's
description. Every figure is the median of BENCH_RUNS runs (default 3) after a warm-up; peak
RSS comes from `/usr/bin/time`. Nothing here is a test: no threshold fails the run.

Environment: BENCH_MB (size of each reader file, and of the multi-patient lab export the
single report reads, default 100), BENCH_PATIENTS (batch sizes, default "10000,100000"),
BENCH_RUNS (default 3), BENCH_LARGE_RUNS (runs of batches over 10,000 patients, default 1, no
warm-up: one run of 100,000 takes minutes), BENCH_FLUSH_MAX (largest batch whose final flush is
measured, default 10000), BENCH_SEED (default 2026), BENCH_DATA (where generated files go,
default Benchmarks/.data), BENCH_SKIP_BUILD=1 (use the binaries as built).

The machine's load is sampled every 5 s during the run (1-minute load average) and written with
the results: other builds share these 2 cores.
"""

import datetime
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
DATA = os.environ.get("BENCH_DATA", os.path.join(BENCH, ".data"))
MB = int(os.environ.get("BENCH_MB", "100"))
PATIENTS = [int(n) for n in os.environ.get("BENCH_PATIENTS", "10000,100000").split(",") if n]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
LARGE_RUNS = int(os.environ.get("BENCH_LARGE_RUNS", "1"))
FLUSH_MAX = int(os.environ.get("BENCH_FLUSH_MAX", "10000"))
# Warm-up batch runs before the measured ones (batches of up to 10,000 patients); with 0 the
# drop's files are read once instead.
BATCH_WARM_UP = int(os.environ.get("BENCH_BATCH_WARM_UP", "1"))
EXPORT_PATIENT = "G0000042"
SEED = int(os.environ.get("BENCH_SEED", "2026"))
AS_OF = "2026-11-20"
TOOL = os.path.join(ROOT, ".build", "release", "twitch-triage")
GENERATE = os.path.join(BENCH, ".build", "release", "generate-drop")
INGEST = os.path.join(BENCH, ".build", "release", "ingest-bench")
OUTPUT_LIMIT = os.path.join(BENCH, ".build", "release", "bench-output-limit")
VENV_PYTHON = os.path.join(BENCH, ".venv", "bin", "python")


def log(message):
    print("bench: " + message, file=sys.stderr, flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def build(products=None):
    """The release tool and the harness; with `products`, only those of the harness (each
    without the main package: its build plan is then left as it is)."""
    if os.environ.get("BENCH_SKIP_BUILD") == "1":
        return
    log("building the release tool and the harness")
    run(["swift", "build", "-c", "release", "--product", "twitch-triage"], cwd=ROOT)
    if products is not None:
        for product in products:
            run(["swift", "build", "-c", "release", "--product", product], cwd=BENCH)
        return
    # SwiftPM keeps its build plan of a path dependency: a source file added to the main
    # package since the last build here is not seen unless the plan is made again.
    for stale in (".build/release.yaml", ".build/release/description.json"):
        if os.path.exists(os.path.join(BENCH, stale)):
            os.remove(os.path.join(BENCH, stale))
    run(["swift", "build", "-c", "release"], cwd=BENCH)


def digest(paths):
    """SHA-256 over the files under `paths` (names and bytes, in path order)."""
    sha = hashlib.sha256()
    for top in paths:
        found = [top] if os.path.isfile(top) else sorted(
            os.path.join(folder, name) for folder, _, names in os.walk(top) for name in names)
        for path in found:
            sha.update(os.path.relpath(path, BENCH).encode() + b"\0")
            with open(path, "rb") as f:
                sha.update(f.read())
            sha.update(b"\0")
    return sha.hexdigest()


def venv():
    """Benchmarks/.venv with requirements.txt installed; pip runs again only when the
    requirements changed (their digest is kept in the venv)."""
    if not os.path.exists(VENV_PYTHON):
        log("setting up Benchmarks/.venv (lxml, pandas)")
        run([sys.executable, "-m", "venv", os.path.join(BENCH, ".venv")])
    requirements = os.path.join(BENCH, "requirements.txt")
    stamp = os.path.join(BENCH, ".venv", ".requirements-sha256")
    wanted = digest([requirements])
    if os.path.exists(stamp) and open(stamp).read().strip() == wanted:
        return
    run([VENV_PYTHON, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", requirements])
    with open(stamp, "w") as f:
        f.write(wanted + "\n")


# What decides the generated files besides the seed and the size: the generator's sources.
GENERATOR_SOURCES = [os.path.join(BENCH, "Sources", "DropGenerator"), os.path.join(BENCH, "Sources", "generate-drop")]


def generate(build_generator=None):
    """Generated once per seed, size and generator: the stamp file `.complete` marks a complete
    generation and holds the digest of the generator's sources; files made by another
    generator (or an older stamp without a digest) are made again. `build_generator` is
    called once before the first generation (bench-quick builds generate-drop only then)."""
    stamp = "generator %s seed %d\n" % (digest(GENERATOR_SOURCES), SEED)
    built = [build_generator is None]

    def fresh(folder, what, arguments):
        complete = os.path.join(folder, ".complete")
        if os.path.exists(complete) and open(complete).read() == stamp:
            return
        if not built[0]:
            build_generator()
            built[0] = True
        log("generating %s" % what)
        shutil.rmtree(folder, ignore_errors=True)
        run([GENERATE] + arguments + ["--seed", str(SEED), "--out", folder])
        with open(complete, "w") as f:
            f.write(stamp)

    ingest = os.path.join(DATA, "ingest-%dmb-seed%d" % (MB, SEED))
    fresh(ingest, "the reader files (%d MB each)" % MB, ["ingest", "--megabytes", str(MB)])
    drops = {}
    for n in PATIENTS:
        drop = os.path.join(DATA, "drop-%d-seed%d" % (n, SEED))
        fresh(drop, "a drop of %d patients" % n, ["drop", "--patients", str(n)])
        drops[n] = drop
    return ingest, drops


def report_wall_ms(command):
    """A report's process start to exit: the median of 20 runs after 5 warm-ups, in ms."""
    walls = []
    for i in range(5 + 20):
        start = time.perf_counter()
        completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if completed.returncode not in (0, 65):
            raise SystemExit("bench: report exited %d" % completed.returncode)
        if i >= 5:
            walls.append(elapsed)
    return median_of(walls) * 1000


def timed(command, stdout=subprocess.DEVNULL, ok=(0,)):
    """Runs `command` under /usr/bin/time; returns (wall s, peak RSS KB, user s, sys s, stdout)."""
    with tempfile.NamedTemporaryFile("r") as report:
        completed = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S", "-o", report.name] + command,
                                   stdout=subprocess.PIPE if stdout is None else stdout,
                                   stderr=subprocess.DEVNULL)
        if completed.returncode not in ok:
            raise SystemExit("bench: %s exited %d" % (" ".join(command), completed.returncode))
        fields = report.read().split()[-4:]
        wall, rss, user, system = float(fields[0]), int(fields[1]), float(fields[2]), float(fields[3])
        return wall, rss, user, system, (completed.stdout.decode() if completed.stdout else "")


def size_mb(path):
    return os.path.getsize(path) / 1e6


def median_of(samples):
    return statistics.median(samples)


def measure_cat(path):
    walls = []
    for i in range(RUNS + 1):
        start = time.perf_counter()
        with open(os.devnull, "wb") as null:
            run(["cat", path], stdout=null)
        if i > 0:
            walls.append(time.perf_counter() - start)
    return {"mb_s": size_mb(path) / median_of(walls), "rss_kb": None}


def measure_ingest(mode, path):
    """ingest-bench does its own warm-up and RUNS runs and prints the median."""
    _, rss, _, _, out = timed([INGEST, mode, path, "--runs", str(RUNS)], stdout=None)
    fields = dict(item.split("=", 1) for item in out.split() if "=" in item)
    return {"mb_s": float(fields["mb_s"]), "rss_kb": rss, "items": int(fields["items"])}


def measure_peer(script, path):
    _, rss, _, _, out = timed([VENV_PYTHON, os.path.join(BENCH, "peers", script), path, str(RUNS)], stdout=None)
    fields = dict(item.split("=", 1) for item in out.split() if "=" in item)
    return {"mb_s": size_mb(path) / float(fields["median_s"]), "rss_kb": rss, "items": int(fields["items"])}


def readers(ingest):
    results = {}
    files = {
        "lab XML": ("labs.xml", "xml"),
        "journal XML": ("journal.xml", "xml"),
        "lab CSV": ("labs.csv", "csv"),
        "lab CSV, SI ';' decimal comma": ("labs-si.csv", "csv"),
        "journal CSV": ("journal.csv", "csv"),
    }
    for label, (name, kind) in files.items():
        path = os.path.join(ingest, name)
        log("readers: " + label)
        row = {"file": name, "mb": size_mb(path), "cat": measure_cat(path)}
        if kind == "xml":
            row["bare"] = measure_ingest("sax2", path)
            row["ours"] = measure_ingest("xml", path)
            row["ours+sha"] = measure_ingest("file", path)
            row["peer"] = measure_peer("lxml_iterparse.py", path)
        else:
            row["newlines"] = measure_ingest("newlines", path)
            row["bare"] = measure_ingest("csvscan", path)
            row["ours"] = measure_ingest("csv", path)
            row["ours+sha"] = measure_ingest("file", path)
            row["peer"] = measure_peer("pandas_read_csv.py", path)
        results[label] = row
    return results


def fresh_output():
    """A new, empty output folder under DATA/outputs. Outputs are not deleted during the run:
    on this machine's ext4 (mounted with `discard`) deleting 400,000 files takes far longer
    than writing them. They are removed in the background, at idle I/O priority, at the end."""
    fresh_output.count += 1
    path = os.path.join(DATA, "outputs", "%d-%d" % (os.getpid(), fresh_output.count))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


fresh_output.count = 0


def remove_outputs_in_background():
    outputs = os.path.join(DATA, "outputs")
    if not os.path.exists(outputs):
        return
    trash = os.path.join(DATA, "trash-%d" % os.getpid())
    os.rename(outputs, trash)
    subprocess.Popen(["ionice", "-c3", "nice", "rm", "-rf", trash], start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def batch_once(drop, out, sync=False):
    command = [TOOL, "batch", drop, "--out", out, "--as-of", AS_OF, "--quiet"]
    if not sync:
        command.append("--no-sync")
    return timed(command)


def syncfs_seconds(drop, out):
    """One batch with its final flush, under strace: the time spent in syncfs(2)."""
    run(["sync"])
    with tempfile.NamedTemporaryFile("r") as trace:
        start = time.perf_counter()
        subprocess.run(["strace", "-f", "--seccomp-bpf", "-e", "trace=syncfs", "-T", "-o", trace.name,
                        TOOL, "batch", drop, "--out", out, "--as-of", AS_OF, "--quiet"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        durations = [float(m) for m in re.findall(r"syncfs\(.*<([0-9.]+)>", trace.read())]
    return sum(durations), wall


def output_limit(reference):
    """The bare output limit: bench-output-limit writes the files of a finished batch's output
    (same count and sizes, temporary file and rename, 2 threads) into a fresh folder."""
    out = fresh_output()
    completed = subprocess.run([OUTPUT_LIMIT, reference, out, "--threads", str(os.cpu_count())],
                               capture_output=True, text=True, check=True)
    fields = dict(item.split("=", 1) for item in completed.stdout.split() if "=" in item)
    return {"seconds": float(fields["seconds"]), "files": int(fields["files"]), "files_s": int(fields["files_s"])}


def read_files(folder):
    """Reads every file under `folder` once (into the page cache): the warm-up a batch run gave,
    without writing its outputs."""
    for top, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(top, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def batches(drops):
    results = {}
    for n, drop in drops.items():
        runs_wanted, warm_up = (RUNS, BATCH_WARM_UP) if n <= 10000 else (LARGE_RUNS, 0)
        if warm_up == 0 and n <= 10000:
            read_files(drop)
        log("batch: %d patients, %d runs after %d warm-up" % (n, runs_wanted, warm_up))
        outputs = [fresh_output() for _ in range(runs_wanted + warm_up)]
        runs = [batch_once(drop, out) for out in outputs][warm_up:]
        # The bare limit for the flush: `sync` right after a --no-sync run wrote the same files.
        start = time.perf_counter()
        run(["sync"])
        bare_sync = time.perf_counter() - start
        log("bare output limit: %d patients" % n)
        limit = output_limit(outputs[-1])
        wall = median_of([r[0] for r in runs])
        results[n] = {
            "wall": wall, "rss_kb": max(r[1] for r in runs), "runs": runs_wanted,
            "cpu": median_of([r[2] + r[3] for r in runs]), "per_patient_ms": wall / n * 1000,
            "patients_s": n / wall, "bare_sync": bare_sync, "limit": limit,
        }
        if n <= FLUSH_MAX:
            flush, synced_wall = syncfs_seconds(drop, fresh_output())
            results[n].update({"flush": flush, "synced_wall": synced_wall})
    return results


def export_report(ingest, reader):
    """`report labs.csv --patient ID` over the multi-patient lab export, process start to
    exit, against pandas read_csv of the same file (its in-process median from the readers,
    which leaves out Python's own start: in pandas' favour)."""
    path = os.path.join(ingest, "labs.csv")
    log("single report over the %d MB lab export" % MB)
    command = [TOOL, "report", path, "--patient", EXPORT_PATIENT, "--as-of", AS_OF]
    samples = [timed(command, ok=(0, 65)) for _ in range(RUNS + 1)][1:]
    pandas_s = size_mb(path) / reader["lab CSV"]["peer"]["mb_s"]
    return {"seconds": median_of([r[0] for r in samples]), "rss_kb": max(r[1] for r in samples),
            "pandas_s": pandas_s, "mb": size_mb(path)}


def single_report(drops):
    """`report` from process start to exit, for one patient of the smallest drop (its journal,
    and the multi-patient lab and demographics files it is in), and for Samples' P001."""
    drop = drops[min(drops)]
    patient = "G0000001"
    journal = None
    for folder, _, names in os.walk(os.path.join(drop, "journals")):
        for name in names:
            if patient in name:
                journal = os.path.join(folder, name)
    labs = [os.path.join(drop, "labs", name) for name in sorted(os.listdir(os.path.join(drop, "labs")))
            if patient in open(os.path.join(drop, "labs", name), encoding="utf-8-sig").read()]
    demographics = [os.path.join(drop, "patients", name) for name in sorted(os.listdir(os.path.join(drop, "patients")))
                    if patient in open(os.path.join(drop, "patients", name), encoding="utf-8").read()]
    cases = {
        "generated patient (journal + its 5,000-patient lab and demographics files)":
            [TOOL, "report", journal] + labs + demographics + ["--patient", patient, "--as-of", AS_OF],
        "Samples P001 (journal + lab CSV + demographics)":
            [TOOL, "report", os.path.join(ROOT, "Samples/journals/twitchlog/twitchlog_P001_export_20261119.csv"),
             os.path.join(ROOT, "Samples/labs/northside_lab_results_20261119.csv"),
             os.path.join(ROOT, "Samples/patients/patients.csv"), "--patient", "P001", "--as-of", AS_OF],
    }
    results = {}
    for label, command in cases.items():
        ms = report_wall_ms(command)
        _, rss, _, _, _ = timed(command, ok=(0, 65))
        results[label] = {"ms": ms, "rss_kb": rss}
    return results


def machine():
    def first(command):
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        memory = int(f.readline().split()[1]) / 1024 / 1024
    versions = subprocess.run([VENV_PYTHON, "-c", "import lxml.etree, pandas, sys; print(sys.version.split()[0], "
                               "lxml.etree.__version__, pandas.__version__)"], capture_output=True, text=True).stdout.split()
    return {
        "cpu": "%s, %d cores" % (cpu, os.cpu_count()),
        "memory": "%.0f GiB" % memory,
        "kernel": platform.release(),
        "swift": first(["swift", "--version"]),
        "libxml2": first(["xml2-config", "--version"]),
        "python": "Python %s, lxml %s, pandas %s" % tuple(versions) if len(versions) == 3 else "unknown",
        "disk": first(["findmnt", "-n", "-o", "SOURCE,FSTYPE", "-T", DATA]),
        "commit": first(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
    }


def fmt_rss(kb):
    return "" if kb is None else "%.0f MB" % (kb / 1024)


def tables(info, load, reader, batch, report, export, exchange_table=""):
    lines = []
    add = lines.append
    add("# Benchmark results (`make bench`)")
    add("")
    add("Written by `Benchmarks/run_bench.py` on %s. Machine: %s, %s, Linux %s; %s; libxml2 %s; %s; data on %s; "
        "commit %s. Load average (1 min) at start %s, at end %s, sampled every 5 s during the run: mean %s, "
        "max %s. The 2 cores are shared with other work (other engineers' builds and tests), so wall times "
        "carry that noise; ratios are of figures taken in the same run; CPU time is the steadier figure."
        % (datetime.date.today().isoformat(), info["cpu"], info["memory"], info["kernel"], info["swift"],
           info["libxml2"], info["python"], info["disk"], info["commit"], load[0], load[1], load[2], load[3]))
    add("")
    add("Every figure is the median of %d runs after a warm-up (warm page cache), except batches over 10,000 "
        "patients (%d run, no warm-up); peak RSS from `/usr/bin/time`. "
        "Reader files: %d MB each, generated by `generate-drop ingest`; batches: `generate-drop drop` "
        "(90-day journal and 10 labs per patient), `--no-sync`, `--jobs 2` (the default). The bare output limit: "
        "`bench-output-limit` writes the files the batch wrote (same count and sizes, a folder per patient, "
        "temporary file and rename, no fsync) on 2 threads." % (RUNS, LARGE_RUNS, MB))
    add("")
    add("What bounds each target that does not hold, with profiles, and what changed to get here: "
        "[ANALYSIS.md](ANALYSIS.md).")
    add("")
    add("## SPEC §9 targets")
    add("")
    add("| target | measured | ratio | holds |")
    add("|---|---|---|---|")
    checks = []

    def target(name, measured, ratio, holds):
        checks.append(holds)
        add("| %s | %s | %s | %s |" % (name, measured, ratio, "yes" if holds else "**no**"))

    for label, row in reader.items():
        ours = row["ours"]["mb_s"]
        if "newlines" in row:
            r_bare, r_scan, r_peer = ours / row["newlines"]["mb_s"], ours / row["bare"]["mb_s"], ours / row["peer"]["mb_s"]
            target("CSV ingest ≥ 0.3× bare byte scan (%s)" % label,
                   "%.0f MB/s vs newline count %.0f MB/s" % (ours, row["newlines"]["mb_s"]), "%.2f×" % r_bare, r_bare >= 0.3)
            target("CSV ingest ≥ 0.3× bare RFC 4180 byte scan (%s)" % label,
                   "%.0f MB/s vs %.0f MB/s" % (ours, row["bare"]["mb_s"]), "%.2f×" % r_scan, r_scan >= 0.3)
            target("CSV ingest ≥ 3× pandas read_csv (%s)" % label,
                   "%.0f MB/s vs %.0f MB/s" % (ours, row["peer"]["mb_s"]), "%.1f×" % r_peer, r_peer >= 3)
        else:
            r_bare = ours / row["bare"]["mb_s"]
            target("XML ingest ≥ 0.6× bare SAX2 scan (%s)" % label,
                   "%.0f MB/s vs %.0f MB/s" % (ours, row["bare"]["mb_s"]), "%.2f×" % r_bare, r_bare >= 0.6)
    sizes = sorted(batch)
    big = sizes[-1]
    b = batch[big]
    target("batch, %s patients, --no-sync: under 30 s wall" % format(big, ","), "%.1f s (%.0f patients/s, CPU %.1f s)"
           % (b["wall"], b["patients_s"], b["cpu"]), "%.2f× of 30 s" % (b["wall"] / 30), b["wall"] < 30)
    target("batch, %s patients: peak RSS under 1 GB" % format(big, ","), fmt_rss(b["rss_kb"]),
           "%.2f× of 1 GB" % (b["rss_kb"] * 1024 / 1e9), b["rss_kb"] * 1024 < 1e9)
    if len(sizes) > 1:
        small = batch[sizes[0]]
        ratio = b["per_patient_ms"] / small["per_patient_ms"]
        target("time per patient at %s within 1.15× of %s" % (format(big, ","), format(sizes[0], ",")),
               "%.3f ms vs %.3f ms" % (b["per_patient_ms"], small["per_patient_ms"]), "%.2f×" % ratio, ratio <= 1.15)
    for n in sizes:
        row = batch[n]
        ratio = row["limit"]["seconds"] / row["wall"]
        target("batch, %s patients, ≥ 0.5× the bare output limit" % format(n, ","),
               "%.1f s vs %.1f s (%s files)" % (row["wall"], row["limit"]["seconds"], format(row["limit"]["files"], ",")),
               "%.2f×" % ratio, ratio >= 0.5)
    ratio = export["pandas_s"] / export["seconds"]
    target("single report (`--patient`) over a %.0f MB multi-patient lab CSV ≥ 3× pandas read_csv" % export["mb"],
           "%.2f s vs pandas %.2f s" % (export["seconds"], export["pandas_s"]), "%.2f×" % ratio, ratio >= 3)
    for label, row in report.items():
        target("single-patient report under 30 ms: " + label, "%.1f ms" % row["ms"], "%.2f× of 30 ms" % (row["ms"] / 30),
               row["ms"] < 30)
    add("")
    add("Final flush (reported, not a target: bounded by the disk): `syncfs` at the end of a batch, against a bare "
        "`sync` right after a `--no-sync` batch wrote the same files.")
    add("")
    add("| patients | syncfs in the batch | bare sync | ratio |")
    add("|---|---|---|---|")
    for n in sizes:
        row = batch[n]
        if "flush" not in row:
            add("| %s | not measured (BENCH_FLUSH_MAX) | %.2f s | |" % (format(n, ","), row["bare_sync"]))
            continue
        add("| %s | %.2f s | %.2f s | %.2f× |" % (format(n, ","), row["flush"], row["bare_sync"],
                                                  row["flush"] / row["bare_sync"] if row["bare_sync"] > 0 else 0))
    add("")
    add("## Readers")
    add("")
    add("| file | MB | cat | bare scan | ours, records | ours + SHA-256 | peer | ours / bare | ours / peer |")
    add("|---|---|---|---|---|---|---|---|---|")
    for label, row in reader.items():
        bare = row["bare"]
        bare_name = "libxml2 SAX2" if "newlines" not in row else "RFC 4180 scan"
        peer_name = "lxml iterparse" if "newlines" not in row else "pandas read_csv"
        extra = ""
        if "newlines" in row:
            extra = "; newline count %.0f MB/s" % row["newlines"]["mb_s"]
        add("| %s (`%s`) | %.0f | %.0f MB/s | %s %.0f MB/s, %s%s | %.0f MB/s, %s | %.0f MB/s | %s %.0f MB/s, %s | %.2f× | %.1f× |"
            % (label, row["file"], row["mb"], row["cat"]["mb_s"], bare_name, bare["mb_s"], fmt_rss(bare["rss_kb"]), extra,
               row["ours"]["mb_s"], fmt_rss(row["ours"]["rss_kb"]), row["ours+sha"]["mb_s"], peer_name,
               row["peer"]["mb_s"], fmt_rss(row["peer"]["rss_kb"]), row["ours"]["mb_s"] / bare["mb_s"],
               row["ours"]["mb_s"] / row["peer"]["mb_s"]))
    add("")
    add("## Exchange-format readers (issue 12; `Benchmarks/exchange_bench.py`)")
    add("")
    add(exchange_table.rstrip())
    add("")
    add("## Batch")
    add("")
    add("| patients | runs | wall | patients/s | per patient | CPU (user+sys) | peak RSS | with final flush | bare output limit | batch / limit |")
    add("|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        row = batch[n]
        add("| %s | %d | %.1f s | %.0f | %.3f ms | %.1f s | %s | %s | %.1f s (%s files/s) | %.2f× |"
            % (format(n, ","), row["runs"], row["wall"], row["patients_s"], row["per_patient_ms"], row["cpu"],
               fmt_rss(row["rss_kb"]), "%.1f s" % row["synced_wall"] if "synced_wall" in row else "not measured",
               row["limit"]["seconds"], format(row["limit"]["files_s"], ","), row["limit"]["seconds"] / row["wall"]))
    add("")
    add("## Single report over the multi-patient lab export")
    add("")
    add("| file | report --patient %s | peak RSS | pandas read_csv (in-process) | ratio |" % EXPORT_PATIENT)
    add("|---|---|---|---|---|")
    add("| `labs.csv`, %.0f MB | %.2f s | %s | %.2f s | %.2f× |" % (export["mb"], export["seconds"], fmt_rss(export["rss_kb"]),
                                                                 export["pandas_s"], export["pandas_s"] / export["seconds"]))
    add("")
    add("## Single-patient report (process start to exit, median of 20 after 5 warm-ups)")
    add("")
    add("| case | time | peak RSS |")
    add("|---|---|---|")
    for label, row in report.items():
        add("| %s | %.1f ms | %s |" % (label, row["ms"], fmt_rss(row["rss_kb"])))
    return "\n".join(lines) + "\n", all(checks)


class LoadSampler(threading.Thread):
    """Samples the 1-minute load average every 5 s while the measurements run."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(5):
            self.samples.append(os.getloadavg()[0])


def main():
    started = time.perf_counter()
    build()
    venv()
    ingest, drops = generate()
    load_start = os.getloadavg()[0]
    sampler = LoadSampler()
    sampler.start()
    reader = readers(ingest)
    export = export_report(ingest, reader)
    log("readers: exchange formats")
    sys.path.insert(0, BENCH)
    import exchange_bench
    exchange_table = exchange_bench.main(model_dir=ingest)
    batch = batches(drops)
    report = single_report(drops)
    remove_outputs_in_background()
    sampler.stopped.set()
    load_end = os.getloadavg()[0]
    samples = sampler.samples or [load_end]
    load = ("%.1f" % load_start, "%.1f" % load_end, "%.1f" % statistics.mean(samples), "%.1f" % max(samples))
    text, _ = tables(machine(), load, reader, batch, report, export, exchange_table)
    text += "\n`make bench` took %.1f minutes in all (build, generation and measurements).\n" % ((time.perf_counter() - started) / 60)
    sys.stdout.write(text)
    with open(os.path.join(BENCH, "RESULTS.md"), "w") as f:
        f.write(text)
    log("written to Benchmarks/RESULTS.md")


if __name__ == "__main__":
    main()
