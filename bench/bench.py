#!/usr/bin/env python3
"""`make bench`: every row of issue 15's table, whole processes, side by side with R and lifelines.

Usage: bench/bench.py [--rows N] [--runs K] [--large] [--scaling] [--scaling-rows A,B,...]
                      [--only NAME,...] [--limit S] [--no-anchors] [--pin CPUS]

1. Makes bench/out/trial_<N>.csv with `relief simulate --rows N --seed 1` (once; reused after), and for
   the Emax row bench/out/emax_<N>.csv with `--emax 8,16,0.4 --dose-levels 0.01,0.02,0.03,0.05`, doses
   all far below ED50, so ED50 is not identified (README, "When ED50 is not identified").
2. Runs each row of the table K times (default 3; `summary` 5) as a whole process: median wall time
   and peak resident memory (os.wait4), and the stages `--timings` prints on stderr. Rows:
   summary --by dose_group; fit cox (8 design columns, --no-ph-test --term-tests wald: what R's coxph
   computes); fit cox with the defaults (cox.zph and likelihood-ratio term tests); fit cox --cluster
   patient_id; fit weibull; fit lognormal; fit emax; report.
3. Where R (with survival) is installed, runs ../shared/bench/anchor_r.R once on the same file; where
   lifelines is importable (bench/out/venv, made by hand: python3 -m venv bench/out/venv &&
   bench/out/venv/bin/pip install lifelines; or the running Python), anchor_lifelines.py. An anchor's
   time for a row is its read + prep + that row's stage(s), the whole of what it needs from the file to
   the answer; the ratio is that time over Relief's median whole-process wall time. Estimates are
   compared (KM medians, coefficients). Without R or lifelines only Relief's numbers are printed.
4. --large adds summary, fit cox and report at 5,000,000 rows (no anchors) and the 5e6/1e6 ratios.
   --scaling runs summary and fit cox at 1e5, 1e6, 5e6 and 1e7 rows (--scaling-rows) and prints the
   time and memory per row, to show linearity.
Commands run under `taskset -c 0,1` (--pin; '' for none) with OPENBLAS_NUM_THREADS=1 unless set.
Prints tables and writes bench/out/bench_<N>.json (and bench_scaling.json). Standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELIEF = os.environ.get("RELIEF_BIN") or os.path.join(ROOT, ".build", "release", "relief")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
OUT = os.path.join(ROOT, "bench", "out")

FORMULA = "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy"
REFS = ["--ref", "condition=other", "--ref", "cotherapy=none"]
LEAN = ["--no-ph-test", "--term-tests", "wald"]
EMAX_SIM = ["--emax", "8,16,0.4", "--dose-levels", "0.01,0.02,0.03,0.05"]

# name: (label, relief arguments after the file, file kind, anchor stages, target (s, MiB) from issue 15)
ROWS = {
    "summary": ("summary --by dose_group", lambda f: ["summary", f, "--by", "dose_group", "--format", "json"],
                "trial", ["km", "logrank"], (0.3, 150)),
    "cox": ("fit cox, 8 terms (--no-ph-test --term-tests wald)",
            lambda f: ["fit", "cox", f, "--formula", FORMULA] + REFS + LEAN + ["--format", "json"],
            "trial", ["cox"], (1.0, 250)),
    "cox_default": ("fit cox, 8 terms, defaults (cox.zph, LR term tests)",
                    lambda f: ["fit", "cox", f, "--formula", FORMULA] + REFS + ["--format", "json"],
                    "trial", [], None),
    "cox_cluster": ("fit cox --cluster patient_id",
                    lambda f: ["fit", "cox", f, "--formula", FORMULA, "--cluster", "patient_id"] + REFS + LEAN
                    + ["--format", "json"], "trial", ["cox_cluster"], (1.3, 250)),
    "weibull": ("fit weibull (--term-tests wald)",
                lambda f: ["fit", "weibull", f, "--formula", FORMULA] + REFS + ["--term-tests", "wald", "--format", "json"],
                "trial", ["weibull"], (0.7, 200)),
    "lognormal": ("fit lognormal (--term-tests wald)",
                  lambda f: ["fit", "lognormal", f, "--formula", FORMULA] + REFS + ["--term-tests", "wald", "--format", "json"],
                  "trial", ["lognormal"], (0.7, 200)),
    "emax": ("fit emax (ED50 not identified)",
             lambda f: ["fit", "emax", f, "--dose", "dose_mg_kg", "--formula", "interval_days + baseline_pain",
                        "--format", "json"], "emax", [], (2.0, None)),
    "report": ("report (HTML)", lambda f: ["report", f, "-o", os.path.join(os.path.dirname(f), "report_bench.html")],
               "trial", [], (2.0, 300)),
}
LARGE_ROWS = ["summary", "cox", "report"]
SCALING_ROWS = ["summary", "cox"]


def pin_prefix(pin):
    return ["taskset", "-c", pin] if pin and shutil.which("taskset") else []


def run_measured(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd as a whole process; returns (wall seconds, peak RSS MiB, stderr text, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, err, proc.returncode


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


def ensure_file(rows, kind, pin):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f"{kind}_{rows}.csv")
    if not os.path.exists(path):
        extra = EMAX_SIM if kind == "emax" else []
        wall, _, err, code = run_measured(pin + [RELIEF, "simulate", "--rows", str(rows), "--seed", "1", "-o", path] + extra)
        if code != 0:
            sys.exit(f"bench: simulate failed: {err.strip()}")
        print(f"simulated {rows} rows ({kind}) in {wall:.1f} s", file=sys.stderr)
    return path


def time_row(name, rows, runs, pin):
    """K whole-process runs of one row: medians of wall, peak RSS and each --timings stage."""
    label, argv, kind, _, _ = ROWS[name]
    path = ensure_file(rows, kind, pin)
    cmd = pin + [RELIEF] + argv(path) + ([] if name == "report" else ["--timings"])  # report has no --timings
    result_path = os.path.join(OUT, f"{name}_{rows}.json")
    walls, rsss, stages = [], [], {}
    print(f"timing {label} at {rows} rows, {runs} runs", file=sys.stderr)
    for _ in range(runs):
        with open(result_path, "wb") as f:
            wall, rss, err, code = run_measured(cmd, stdout=f)
        if code != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed ({code}): {err.strip()[-400:]}")
        walls.append(wall)
        rsss.append(rss)
        for k, v in parse_timings(err).items():
            stages.setdefault(k, []).append(v)
    output = None
    if name != "report":
        try:
            with open(result_path) as f:
                output = json.load(f)
        except (OSError, ValueError):
            output = None
    return {
        "label": label, "rows": rows, "file": path, "file_mb": os.path.getsize(path) / 1e6,
        "command": " ".join(["relief"] + argv(os.path.relpath(path, ROOT))),
        "wall_median_s": statistics.median(walls), "wall_runs_s": walls,
        "peak_rss_median_mib": statistics.median(rsss), "peak_rss_runs_mib": rsss,
        "stages_median_s": {k: statistics.median(v) for k, v in stages.items()},
    }, output


def lifelines_python():
    """A Python that can import lifelines: bench/out/venv first, then the running one; None if neither."""
    for py in (os.path.join(OUT, "venv", "bin", "python"), sys.executable):
        if os.path.exists(py):
            res = subprocess.run([py, "-c", "import lifelines"], capture_output=True)
            if res.returncode == 0:
                return py
    return None


def run_anchor_measured(label, cmd):
    """The anchor as one whole process (its forked stages included): JSON result, wall and peak RSS."""
    print(f"running {label} anchor: {' '.join(cmd)}", file=sys.stderr)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        print(f"{label} anchor failed (exit {proc.returncode})", file=sys.stderr)
        return None
    try:
        res = json.loads(out.decode("utf-8", "replace").strip().splitlines()[-1])
    except (ValueError, IndexError):
        print(f"{label} anchor printed no JSON", file=sys.stderr)
        return None
    res["_wall_s"] = wall
    res["_peak_rss_mib"] = usage.ru_maxrss / 1024.0
    return res


def anchor_time(res, stages):
    """read + prep + the row's stages, or a string (timeout, skipped, error) when one did not finish."""
    st = res.get("stages", {})
    total = 0.0
    for s in ["read", "prep"] + stages:
        v = st.get(s)
        if not isinstance(v, (int, float)):
            return v if isinstance(v, str) else "missing"
        total += v
    return total


def norm(term):
    return term.replace("=", "")


def agreement(name, output, res, stages):
    """Largest absolute difference between Relief's estimates and the anchor's, where both have them."""
    results = res.get("results") or {}
    if not output or not stages:
        return None
    if name == "summary":
        km = results.get("km") or {}
        diffs = []
        for g in output.get("groups", []):
            key = "/".join(g["by"].values())
            other = (km.get(key) or {}).get("median")
            mine = (g.get("median") or {}).get("estimate")
            if isinstance(other, (int, float)) and isinstance(mine, (int, float)):
                diffs.append(abs(other - mine))
        return max(diffs) if diffs else None
    coef = (results.get(stages[0]) or {}).get("coef") or {}
    theirs = {norm(k): v for k, v in coef.items()}
    diffs = [abs(c["estimate"] - theirs[norm(c["term"])]) for c in output.get("coefficients", [])
             if norm(c["term"]) in theirs and isinstance(c.get("estimate"), (int, float))
             and isinstance(theirs[norm(c["term"])], (int, float))]
    return max(diffs) if diffs else None


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {"nproc": os.cpu_count(), "affinity": sorted(os.sched_getaffinity(0)), "cpu_model": model,
            "platform": platform.platform(), "loadavg_at_start": load,
            "date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
            "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS")}


def fmt_s(v):
    if isinstance(v, (int, float)):
        return f"{v:.2f} s"
    return str(v) if v is not None else "-"


def print_table(report):
    rows = report["rows"]
    anchors = list(report["anchors"].keys())
    head = ["command", "Relief wall (median)", "peak RSS"] + [f"{a}" for a in anchors] + ["target"]
    print(f"\n{rows:,} rows, whole processes, median of K runs; anchor = read + prep + its stage(s), one run")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, r in report["results"].items():
        cells = [f"`{r['label']}`", f"{r['wall_median_s']:.2f} s", f"{r['peak_rss_median_mib']:.0f} MiB"]
        for a in anchors:
            e = r.get("anchors", {}).get(a)
            if not e:
                cells.append("-")
            elif isinstance(e["time_s"], (int, float)):
                cells.append(f"{e['time_s']:.2f} s = {e['ratio']:.1f}x")
            else:
                cells.append(str(e["time_s"]))
        t = r.get("target")
        cells.append("-" if not t else f"{t[0]} s" + (f", {t[1]} MiB" if t[1] else ""))
        print("| " + " | ".join(cells) + " |")
    for a, info in report["anchors"].items():
        print(f"{a}: {info.get('tool')}; whole anchor run {info['wall_s']:.1f} s, peak {info['peak_rss_mib']:.0f} MiB")
    for name, r in report["results"].items():
        for a, e in r.get("anchors", {}).items():
            if e.get("max_abs_diff") is not None:
                print(f"  {name}: largest |Relief - {a}| over the estimates = {e['max_abs_diff']:.2e}")
        st = r.get("stages_median_s")
        if st:
            print(f"  {name} stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in st.items()))


def bench_rows(args, pin):
    rows = args.rows
    names = [n for n in ROWS if not args.only or n in args.only]
    report = {"rows": rows, "machine": machine(), "results": {}, "anchors": {}}
    outputs = {}
    for name in names:
        runs = args.runs if args.runs else (5 if name == "summary" else 3)
        res, output = time_row(name, rows, runs, pin)
        res["target"] = ROWS[name][4]
        report["results"][name] = res
        outputs[name] = output
    if not args.no_anchors and any(ROWS[n][3] for n in names):
        csv = ensure_file(rows, "trial", pin)
        anchors = []
        if shutil.which("Rscript"):
            anchors.append(("R survival", pin + ["Rscript", os.path.join(SHARED, "anchor_r.R"), csv,
                                                 "--limit", str(args.limit), "--no-base-read"]))
        else:
            print("R not installed: no R column", file=sys.stderr)
        py = lifelines_python()
        if py:
            anchors.append(("lifelines", pin + [py, os.path.join(SHARED, "anchor_lifelines.py"), csv,
                                                "--limit", str(args.limit), "--no-statsmodels"]))
        else:
            print("lifelines not importable (bench/out/venv or this Python): no lifelines column", file=sys.stderr)
        for label, cmd in anchors:
            res = run_anchor_measured(label, cmd)
            if res is None:
                continue
            report["anchors"][label] = {"tool": res.get("tool"), "read_engine": res.get("read_engine"),
                                        "wall_s": res["_wall_s"], "peak_rss_mib": res["_peak_rss_mib"],
                                        "stages": res.get("stages"), "limit_s": args.limit}
            for name in names:
                stages = ROWS[name][3]
                if not stages:
                    continue
                t = anchor_time(res, stages)
                r = report["results"][name]
                entry = {"time_s": t, "stages": stages}
                if isinstance(t, (int, float)):
                    entry["ratio"] = t / r["wall_median_s"]
                entry["max_abs_diff"] = agreement(name, outputs.get(name), res, stages)
                r.setdefault("anchors", {})[label] = entry
    return report


def bench_large(args, pin, base):
    out = {}
    for name in LARGE_ROWS:
        res, _ = time_row(name, 5_000_000, args.runs or 3, pin)
        one = base["results"].get(name) if base else None
        if one:
            res["time_ratio_vs_1e6"] = res["wall_median_s"] / one["wall_median_s"]
            res["memory_ratio_vs_1e6"] = res["peak_rss_median_mib"] / one["peak_rss_median_mib"]
        out[name] = res
    print("\n5,000,000 rows (target: linear, 5x the 1e6 time, memory under 3x)")
    print("| command | wall (median) | peak RSS | time / 1e6 time | memory / 1e6 memory |")
    print("|---|---|---|---|---|")
    for name, r in out.items():
        tr, mr = r.get("time_ratio_vs_1e6"), r.get("memory_ratio_vs_1e6")
        print(f"| `{r['label']}` | {r['wall_median_s']:.2f} s | {r['peak_rss_median_mib']:.0f} MiB | "
              f"{'-' if tr is None else f'{tr:.2f}x'} | {'-' if mr is None else f'{mr:.2f}x'} |")
    return out


def bench_scaling(args, pin):
    sizes = [int(float(s)) for s in args.scaling_rows.split(",") if s]
    out = {"machine": machine(), "rows": sizes, "results": {}}
    for name in SCALING_ROWS:
        for n in sizes:
            res, _ = time_row(name, n, args.runs or 3, pin)
            res["us_per_row"] = res["wall_median_s"] / n * 1e6
            res["bytes_per_row"] = res["peak_rss_median_mib"] * 1048576 / n
            # Start-up and set-up do not grow with rows; the stages (read, fit, ...) show the slope alone.
            res["stages_us_per_row"] = sum(res["stages_median_s"].values()) / n * 1e6
            out["results"].setdefault(name, []).append(res)
            path = os.path.join(OUT, "bench_scaling.json")
            with open(path, "w") as f:
                json.dump(out, f, indent=2)
    print("\nscaling (whole process, median of K runs): time per row should stay flat")
    print("| command | rows | wall | µs per row | stages (--timings) µs per row | peak RSS | bytes per row |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, lst in out["results"].items():
        for r in lst:
            print(f"| `{r['label']}` | {r['rows']:,} | {r['wall_median_s']:.2f} s | {r['us_per_row']:.2f} | "
                  f"{r['stages_us_per_row']:.2f} | {r['peak_rss_median_mib']:.0f} MiB | {r['bytes_per_row']:.0f} |")
    print(f"written {os.path.join(OUT, 'bench_scaling.json')}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=0, help="runs per row (default 5 for summary, 3 otherwise)")
    ap.add_argument("--large", action="store_true", help="also summary, fit cox and report at 5,000,000 rows")
    ap.add_argument("--scaling", action="store_true", help="only the scaling table (summary and fit cox)")
    ap.add_argument("--scaling-rows", default="100000,1000000,5000000,10000000")
    ap.add_argument("--only", type=lambda s: [x for x in s.split(",") if x], default=None,
                    help="comma-separated rows: " + ",".join(ROWS))
    ap.add_argument("--limit", type=float, default=60.0, help="seconds before an anchor stage is killed")
    ap.add_argument("--no-anchors", action="store_true")
    ap.add_argument("--pin", default="0,1", help="CPUs for taskset -c ('' for no pinning)")
    args = ap.parse_args()
    if args.only:
        unknown = [n for n in args.only if n not in ROWS]
        if unknown:
            sys.exit(f"bench: unknown row(s) {', '.join(unknown)}; rows: {', '.join(ROWS)}")
    if not os.path.exists(RELIEF):
        sys.exit(f"bench: {RELIEF} is missing; run `make build` first")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.makedirs(OUT, exist_ok=True)
    pin = pin_prefix(args.pin)
    if args.scaling:
        bench_scaling(args, pin)
        return
    report = bench_rows(args, pin)
    report["pin"] = args.pin
    print_table(report)
    if args.large:
        report["large"] = bench_large(args, pin, report)
    path = os.path.join(OUT, f"bench_{args.rows}.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
    print(f"written {path}")


if __name__ == "__main__":
    main()
