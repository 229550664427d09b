#!/usr/bin/env python3
"""`make bench`: time `relief summary` on a 1,000,000-row file side by side with R and lifelines.

Usage: bench/bench.py [--rows N] [--runs K] [--limit S] [--no-anchors]

1. Makes bench/out/trial_<N>.csv with `relief simulate --rows N --seed 1` (once; reused after).
2. Runs `relief summary FILE --by dose_group --format json` K times (default 5): wall seconds and
   peak resident memory of each run (os.wait4), median of each; the read stage's throughput in MB/s
   comes from `--timings` (stderr).
3. Where R (with survival) or lifelines are installed, runs ../shared/bench/anchor_r.R and
   anchor_lifelines.py on the same file and prints the ratio of their read + km + logrank time to
   Relief's whole-command time, and checks that the medians agree.
Prints a table and writes bench/out/bench_<N>.json. Standard library only.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELIEF = os.path.join(ROOT, ".build", "release", "relief")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
OUT = os.path.join(ROOT, "bench", "out")


def run_measured(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, peak RSS MiB, stderr text, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, err, code


def parse_timings(stderr):
    """Reads `relief: timing: NAME SECONDS s [MB/s]` lines."""
    out = {}
    for line in stderr.splitlines():
        if line.startswith("relief: timing: "):
            parts = line[len("relief: timing: "):].split()
            if len(parts) >= 2:
                try:
                    out[parts[0]] = float(parts[1])
                except ValueError:
                    pass
    return out


def anchor(cmd, label):
    print(f"running {label} anchor: {' '.join(cmd)}", file=sys.stderr)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        print(f"{label} anchor failed: {res.stderr.strip()[-400:]}", file=sys.stderr)
        return None
    try:
        out = json.loads(res.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        print(f"{label} anchor printed no JSON", file=sys.stderr)
        return None
    out["_wall"] = time.perf_counter() - t0
    return out


def stage_sum(result, names):
    stages = result.get("stages", {})
    vals = [stages.get(n) for n in names]
    if any(not isinstance(v, (int, float)) for v in vals):
        return None
    return float(sum(vals))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=float, default=60.0)
    ap.add_argument("--no-anchors", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(RELIEF):
        sys.exit(f"bench: {RELIEF} is missing; run `make build` first")
    os.makedirs(OUT, exist_ok=True)
    csv = os.path.join(OUT, f"trial_{args.rows}.csv")
    if not os.path.exists(csv):
        wall, rss, err, code = run_measured([RELIEF, "simulate", "--rows", str(args.rows), "--seed", "1", "-o", csv])
        if code != 0:
            sys.exit(f"bench: simulate failed: {err.strip()}")
        print(f"simulated {args.rows} rows in {wall:.2f} s", file=sys.stderr)
    size_mb = os.path.getsize(csv) / 1e6

    cmd = [RELIEF, "summary", csv, "--by", "dose_group", "--format", "json", "--timings"]
    walls, rsss, reads = [], [], []
    json_out = os.path.join(OUT, f"summary_{args.rows}.json")
    for _ in range(args.runs):
        with open(json_out, "wb") as f:
            wall, rss, err, code = run_measured(cmd, stdout=f)
        if code != 0:
            sys.exit(f"bench: relief summary failed ({code}): {err.strip()}")
        walls.append(wall)
        rsss.append(rss)
        t = parse_timings(err)
        if "read" in t:
            reads.append(t["read"])
    # The read stage alone on the two role columns (no --by, no patient ids): closest to raw parsing.
    lean = []
    for _ in range(args.runs):
        _, _, err, code = run_measured([RELIEF, "summary", csv, "--id", "", "--format", "json", "--timings"])
        t = parse_timings(err)
        if code == 0 and "read" in t:
            lean.append(t["read"])
    relief = {
        "lean_read_median_s": statistics.median(lean) if lean else None,
        "lean_read_mb_per_s": (size_mb / statistics.median(lean)) if lean else None,
        "wall_median_s": statistics.median(walls),
        "wall_runs_s": walls,
        "peak_rss_median_mib": statistics.median(rsss),
        "read_median_s": statistics.median(reads) if reads else None,
        "read_mb_per_s": (size_mb / statistics.median(reads)) if reads else None,
    }
    with open(json_out) as f:
        summary = json.load(f)
    medians = {"/".join(g["by"].values()): g["median"]["estimate"] for g in summary["groups"]}

    # The regression models, as the anchors fit them (reference levels condition = other, cotherapy = none).
    formula = "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy"
    refs = ["--ref", "condition=other", "--ref", "cotherapy=none"]
    models = {
        "cox": ["fit", "cox", csv, "--formula", formula, "--no-ph-test"] + refs,
        "cox_cluster": ["fit", "cox", csv, "--formula", formula, "--cluster", "patient_id", "--no-ph-test"] + refs,
        "weibull": ["fit", "weibull", csv, "--formula", formula] + refs,
        "lognormal": ["fit", "lognormal", csv, "--formula", formula] + refs,
    }
    fits = {}
    for name, margs in models.items():
        fwalls, frss, fstage = [], [], []
        for _ in range(max(1, min(args.runs, 3))):
            wall, rss, err, code = run_measured([RELIEF] + margs + ["--format", "json", "--timings"])
            if code != 0:
                sys.exit(f"bench: relief {' '.join(margs)} failed ({code}): {err.strip()[-400:]}")
            fwalls.append(wall)
            frss.append(rss)
            t = parse_timings(err)
            if "fit" in t:
                fstage.append(t["fit"])
        fits[name] = {"wall_median_s": statistics.median(fwalls), "fit_stage_median_s": statistics.median(fstage) if fstage else None,
                      "peak_rss_median_mib": statistics.median(frss)}
    relief["fits"] = fits

    report = {"rows": args.rows, "file_mb": size_mb, "relief": relief, "relief_medians": medians, "anchors": {}}
    if not args.no_anchors:
        anchors = []
        if shutil.which("Rscript"):
            anchors.append(("R survival", ["Rscript", os.path.join(SHARED, "anchor_r.R"), csv, "--limit", str(args.limit), "--no-base-read"]))
        try:
            import importlib.util
            if importlib.util.find_spec("lifelines"):
                anchors.append(("lifelines", [sys.executable, os.path.join(SHARED, "anchor_lifelines.py"), csv, "--limit", str(args.limit), "--no-statsmodels"]))
        except ImportError:
            pass
        for label, acmd in anchors:
            res = anchor(acmd, label)
            if res is None:
                continue
            total = stage_sum(res, ["read", "prep", "km", "logrank"])
            entry = {"read_km_logrank_s": total, "stages": res.get("stages"), "peak": res.get("peak_rss_mb") or res.get("max_rss_mb")}
            if total is not None:
                entry["ratio_vs_relief"] = total / relief["wall_median_s"]
            km = (res.get("results") or {}).get("km") or {}
            entry["medians"] = {g: v.get("median") for g, v in km.items() if isinstance(v, dict) and "median" in v}
            report["anchors"][label] = entry

    path = os.path.join(OUT, f"bench_{args.rows}.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
    print(f"\nrelief summary --by dose_group on {args.rows} rows ({size_mb:.1f} MB), {args.runs} runs")
    print(f"  wall median {relief['wall_median_s']:.3f} s (runs: {', '.join(f'{w:.3f}' for w in walls)})")
    print(f"  peak RSS median {relief['peak_rss_median_mib']:.0f} MiB")
    if relief["read_mb_per_s"]:
        print(f"  read stage (parse, SHA-256, time/event/dose_group typed, patient ids coded) median "
              f"{relief['read_median_s']:.3f} s = {relief['read_mb_per_s']:.0f} MB/s")
    if relief["lean_read_mb_per_s"]:
        print(f"  read stage with time and event only (--id '', no --by) median "
              f"{relief['lean_read_median_s']:.3f} s = {relief['lean_read_mb_per_s']:.0f} MB/s")
    print(f"  medians: {medians}")
    for name, f in relief["fits"].items():
        print(f"  relief fit {name}: wall {f['wall_median_s']:.2f} s (fit stage {f['fit_stage_median_s'] or float('nan'):.2f} s, "
              f"read excluded), peak {f['peak_rss_median_mib']:.0f} MiB")
    for label, entry in report["anchors"].items():
        st = entry.get("stages") or {}
        for name, f in relief["fits"].items():
            v = st.get(name)
            if isinstance(v, (int, float)) and f.get("fit_stage_median_s"):
                print(f"  {label} {name}: {v:.2f} s = {v / f['fit_stage_median_s']:.1f}x Relief's fit stage")
            elif v is not None:
                print(f"  {label} {name}: {v}")
        tot = entry.get("read_km_logrank_s")
        ratio = entry.get("ratio_vs_relief")
        print(f"{label}: read+prep+km+logrank {tot if tot is None else f'{tot:.2f}'} s"
              + (f", {ratio:.1f}x Relief" if ratio else "") + f"; medians {entry.get('medians')}")
    print(f"written {path}")


if __name__ == "__main__":
    main()
