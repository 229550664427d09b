#!/usr/bin/env python3
"""`make bench-episodes`: time `relief episodes` on a 5,000,000-infusion log (release build).

Usage: bench/episodes_bench.py [--rows N] [--runs K]

1. Makes bench/out/trial_<N>.csv with `relief simulate --rows N --seed 1` and from it the infusion log
   bench/out/infusions_<N>.csv by the rules of data/make_infusion_log.py (each once; reused after):
   one row per infusion, rows ordered by infusion moment across patients, times of day on half the
   patients, relief end and last contact dates to the second.
2. Runs `/usr/bin/time -v relief episodes LOG -o bench/out/episodes_<N>.csv` K times (default 3) and
   reports each run's wall time and peak resident memory, the median wall time and the largest peak.
   Checks that every run wrote N episodes.
Prints a table and writes bench/out/episodes_bench_<N>.json. Standard library only.
"""
import argparse
import csv
import importlib.util
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELIEF = os.path.join(ROOT, ".build", "release", "relief")
OUT = os.path.join(ROOT, "bench", "out")


def load_log_rules():
    spec = importlib.util.spec_from_file_location("make_infusion_log", os.path.join(ROOT, "data", "make_infusion_log.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_log(trial, target, rules):
    """The infusion log of `trial` (a `relief simulate` file, grouped by patient), streamed per patient."""
    records = []
    with open(trial, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        patient, episodes = None, []
        for fields in reader:
            row = dict(zip(header, fields))
            if row["patient_id"] != patient and episodes:
                records.extend(compact(rules.patient_records(patient, episodes), rules.COLUMNS))
                episodes = []
            patient = row["patient_id"]
            episodes.append(row)
        if episodes:
            records.extend(compact(rules.patient_records(patient, episodes), rules.COLUMNS))
    records.sort()
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(",".join(rules.COLUMNS) + "\n")
        for _, _, line in records:
            handle.write(line)
    return len(records)


def compact(records, columns):
    """(moment, patient, CSV line) with the line made at once (the fields hold no delimiter or quote)."""
    return [(start, patient, ",".join(record[c] for c in columns) + "\n") for start, patient, record in records]


def run_timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS MiB, stderr, exit code)."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    wall, peak = None, None
    for line in proc.stderr.splitlines():
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            clock = line.rsplit(" ", 1)[-1].split(":")
            wall = sum(float(part) * 60 ** k for k, part in enumerate(reversed(clock)))
        elif line.startswith("Maximum resident set size (kbytes):"):
            peak = int(line.rsplit(" ", 1)[-1]) / 1024.0
    return wall, peak, proc.stderr, proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(RELIEF):
        sys.exit(f"bench: {RELIEF} is missing; run `make build` first")
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench: /usr/bin/time is missing (Debian package `time`)")
    os.makedirs(OUT, exist_ok=True)
    trial = os.path.join(OUT, f"trial_{args.rows}.csv")
    log = os.path.join(OUT, f"infusions_{args.rows}.csv")
    if not os.path.exists(log):
        if not os.path.exists(trial):
            subprocess.run([RELIEF, "simulate", "--rows", str(args.rows), "--seed", "1", "-o", trial], check=True)
        print(f"writing {log} ...", file=sys.stderr)
        make_log(trial, log, load_log_rules())
    size_mb = os.path.getsize(log) / 1e6
    target = os.path.join(OUT, f"episodes_{args.rows}.csv")
    walls, peaks = [], []
    for _ in range(args.runs):
        wall, peak, err, code = run_timed([RELIEF, "episodes", log, "-o", target])
        if code != 0 or wall is None or peak is None:
            sys.exit(f"bench: relief episodes failed ({code}): {err.strip()[-600:]}")
        summary = [line for line in err.splitlines() if line.startswith("relief: ")]
        if not summary or not summary[-1].startswith(f"relief: {args.rows} episodes"):
            sys.exit(f"bench: unexpected summary: {summary}")
        walls.append(wall)
        peaks.append(peak)
    result = {
        "rows": args.rows,
        "log_mb": round(size_mb, 1),
        "runs": args.runs,
        "wall_s": walls,
        "wall_median_s": statistics.median(walls),
        "peak_rss_mib": peaks,
        "peak_rss_max_mib": max(peaks),
        "summary": summary[-1],
    }
    with open(os.path.join(OUT, f"episodes_bench_{args.rows}.json"), "w") as handle:
        json.dump(result, handle, indent=1)
    print(f"relief episodes on {args.rows:,} infusions ({size_mb:.0f} MB):")
    for k, (wall, peak) in enumerate(zip(walls, peaks), 1):
        print(f"  run {k}: {wall:6.2f} s wall, {peak:7.0f} MiB peak RSS")
    print(f"  median {result['wall_median_s']:.2f} s, largest peak {result['peak_rss_max_mib']:.0f} MiB (target: under 5 s)")


if __name__ == "__main__":
    main()
