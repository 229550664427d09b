#!/usr/bin/env python3
"""`make bench-coverage`: parameter recovery of the random-intercept Weibull AFT (issue 14, "Checks").

Usage: bench/frailty_coverage.py [--replicates R] [--patients N] [--seed S] [--jobs J] [--nodes K] [--estimation ml|reml]

For each replicate r = 0 .. R-1 (default 200) it runs, as whole processes of the release build,
  relief simulate --patients N --seed S+r -o bench/out/coverage/trial_<r>.csv      (N = 400 by default)
  relief fit weibull trial_<r>.csv --formula "dose_mg_kg + interval_days + baseline_pain + condition
      + cotherapy + frailty(patient_id)" --ref condition=other --ref cotherapy=none --format json --term-tests none
and reads the truth from the simulation's sidecar (trial_<r>.truth.json: frailty.sd_log_time and
coefficients_log_time_ratio.dose_mg_kg). It counts how often the 95% intervals of the between-patient
SD tau (its profile-likelihood interval, and beside it the Wald interval on log tau from the JSON's
tau.wald) and of the dose coefficient cover the truth, with the Clopper-Pearson 95% interval of each
coverage, and the mean estimates with their Monte Carlo SEs (tau is a maximum-likelihood variance
component: its mean is below the truth by about (tau^2 + sigma_w^2/m) q / (2 tau G), see the README).
J replicates run at once (default: the cores). Prints a table with the wall time, the cores and the
load, and writes bench/out/frailty_coverage.json. With --estimation reml every fit is given
`--estimation reml` (restricted likelihood for sigma and tau; tau's profile interval on it) and the output
is bench/out/frailty_coverage_reml.json. Standard library only; not run by CI.
"""
import argparse
import concurrent.futures
import json
import math
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELIEF = os.path.join(ROOT, ".build", "release", "relief")
OUT = os.path.join(ROOT, "bench", "out")
FORMULA = "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy + frailty(patient_id)"


def binomial_cdf(k, n, p):
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k + 1))


def clopper_pearson(k, n, level=0.95):
    """The exact two-sided interval of a binomial proportion, by bisection on the binomial tails."""
    alpha = (1 - level) / 2

    def solve(f):  # f increasing in p; the p in (0, 1) with f(p) = 0
        low, high = 0.0, 1.0
        for _ in range(100):
            middle = (low + high) / 2
            if f(middle) < 0:
                low = middle
            else:
                high = middle
        return (low + high) / 2

    lower = 0.0 if k == 0 else solve(lambda p: (1 - binomial_cdf(k - 1, n, p)) - alpha)
    upper = 1.0 if k == n else solve(lambda p: alpha - binomial_cdf(k, n, p))
    return lower, upper


def log_or_none(value):
    return None if value is None or value <= 0 else math.log(value)


def covers(lower, truth, upper):
    """Whether the interval holds the truth; an interval that is not defined (JSON null) does not."""
    return lower is not None and upper is not None and lower <= truth <= upper


def replicate(index, args, directory):
    csv = os.path.join(directory, f"trial_{index}.csv")
    subprocess.run([RELIEF, "simulate", "--patients", str(args.patients), "--seed", str(args.seed + index), "-o", csv],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    truth_path = os.path.join(directory, f"trial_{index}.truth.json")
    with open(truth_path, encoding="utf-8") as handle:
        truth = json.load(handle)
    os.remove(truth_path)
    command = [RELIEF, "fit", "weibull", csv, "--formula", FORMULA, "--ref", "condition=other", "--ref", "cotherapy=none",
               "--format", "json", "--term-tests", "none", "--quadrature-nodes", str(args.nodes)]
    if args.estimation == "reml":
        command += ["--estimation", "reml"]
    started = time.perf_counter()
    fitted = subprocess.run(command, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    fit = json.loads(fitted.stdout)
    dose = next(row for row in fit["coefficients"] if row["term"] == "dose_mg_kg")
    tau = fit["random_intercept"]["tau"]
    os.remove(csv)
    return {
        "seed": args.seed + index, "episodes": fit["n"], "events": fit["events"], "converged": fit["converged"],
        "warnings": fit["warnings"], "fit_seconds": seconds,
        "true_dose": truth["coefficients_log_time_ratio"]["dose_mg_kg"], "true_tau": truth["frailty"]["sd_log_time"],
        "dose": dose["estimate"], "dose_se": dose["std_error"],
        "dose_lower": log_or_none(dose["lower"]), "dose_upper": log_or_none(dose["upper"]),
        "tau": tau["estimate"], "tau_lower": tau["lower"], "tau_upper": tau["upper"],
        "tau_method": tau.get("method"), "tau_lower_at_zero": tau.get("lower_at_zero"),
        "tau_wald_lower": tau.get("wald", {}).get("lower"), "tau_wald_upper": tau.get("wald", {}).get("upper"),
    }


def summary(name, estimates, truth, covered, n):
    mean = statistics.fmean(estimates)
    error = statistics.stdev(estimates) / math.sqrt(len(estimates))
    lower, upper = clopper_pearson(covered, n)
    return {"parameter": name, "truth": truth, "covered": covered, "replicates": n, "coverage": covered / n,
            "coverage_lower": lower, "coverage_upper": upper, "mean_estimate": mean, "monte_carlo_se": error,
            "bias": mean - truth, "bias_in_mc_se": (mean - truth) / error, "sd_estimate": statistics.stdev(estimates)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--patients", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1_400_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--nodes", type=int, default=9)
    parser.add_argument("--estimation", choices=["ml", "reml"], default="ml")
    args = parser.parse_args()
    if not os.access(RELIEF, os.X_OK):
        sys.exit(f"{RELIEF} not found: run `swift build -c release --product relief` (or `make bench-coverage`)")
    directory = os.path.join(OUT, "coverage")
    os.makedirs(directory, exist_ok=True)
    load_before = os.getloadavg()
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        rows = list(pool.map(lambda i: replicate(i, args, directory), range(args.replicates)))
    wall = time.perf_counter() - started
    load_after = os.getloadavg()

    n = len(rows)
    dose = summary("dose_mg_kg (log time ratio)", [r["dose"] for r in rows], rows[0]["true_dose"],
                   sum(covers(r["dose_lower"], r["true_dose"], r["dose_upper"]) for r in rows), n)
    tau = summary("tau, profile likelihood", [r["tau"] for r in rows], rows[0]["true_tau"],
                  sum(covers(r["tau_lower"], r["true_tau"], r["tau_upper"]) for r in rows), n)
    tau_wald = summary("tau, Wald on log tau", [r["tau"] for r in rows], rows[0]["true_tau"],
                       sum(covers(r["tau_wald_lower"], r["true_tau"], r["tau_wald_upper"]) for r in rows), n)
    lower_at_zero = sum(bool(r["tau_lower_at_zero"]) for r in rows)
    tau_squared = statistics.fmean(r["tau"] ** 2 for r in rows)
    tau_squared_error = statistics.stdev(r["tau"] ** 2 for r in rows) / math.sqrt(n)
    # Where the missed intervals of tau lie: below the truth (interval too low) or above it.
    tau_missed_low = sum(r["tau_upper"] is not None and r["tau_upper"] < r["true_tau"] for r in rows)
    tau_missed_high = sum(r["tau_lower"] is not None and r["tau_lower"] > r["true_tau"] for r in rows)
    undefined = sum(r["tau_lower"] is None or r["tau_upper"] is None for r in rows)
    fit_times = [r["fit_seconds"] for r in rows]
    result = {
        "replicates": n, "patients": args.patients, "estimation": args.estimation, "first_seed": args.seed, "quadrature_nodes": args.nodes,
        "formula": FORMULA, "jobs": args.jobs, "cores": os.cpu_count(), "load_before": load_before,
        "load_after": load_after, "wall_seconds": wall, "fit_seconds_median": statistics.median(fit_times),
        "episodes_median": statistics.median(r["episodes"] for r in rows),
        "not_converged": sum(not r["converged"] for r in rows), "with_warnings": sum(bool(r["warnings"]) for r in rows),
        "coverage": [dose, tau, tau_wald], "tau_lower_at_zero": lower_at_zero, "tau_squared_mean": tau_squared, "tau_squared_monte_carlo_se": tau_squared_error,
        "tau_missed_below": tau_missed_low, "tau_missed_above": tau_missed_high,
        "tau_interval_undefined": undefined, "runs": rows,
    }
    output = os.path.join(OUT, "frailty_coverage.json" if args.estimation == "ml" else "frailty_coverage_reml.json")
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)

    print(f"Random-intercept Weibull AFT, {n} replicates of `relief simulate --patients {args.patients}` "
          f"(seeds {args.seed}..{args.seed + n - 1}; median {result['episodes_median']:.0f} episodes), "
          f"{args.nodes} quadrature nodes, {args.estimation.upper()}")
    print(f"{'parameter':<30} {'truth':>8} {'covered':>9} {'coverage':>9} {'95% CI':>15} {'mean est.':>10} {'MC SE':>8} {'bias/SE':>8}")
    for row in (dose, tau, tau_wald):
        print(f"{row['parameter']:<30} {row['truth']:>8.4f} {row['covered']:>5}/{n:<3} {row['coverage']:>9.3f} "
              f"{row['coverage_lower']:>7.3f}-{row['coverage_upper']:.3f} {row['mean_estimate']:>10.4f} "
              f"{row['monte_carlo_se']:>8.4f} {row['bias_in_mc_se']:>8.2f}")
    print(f"tau intervals missing the truth: {tau_missed_low} below it, {tau_missed_high} above it, {undefined} not "
          f"defined (counted as missing); {lower_at_zero} profile intervals start at 0; "
          f"mean tau^2 {tau_squared:.5f} (MC SE {tau_squared_error:.5f}), truth {tau['truth'] ** 2:.5f}")
    print(f"fits not converged: {result['not_converged']}, with warnings: {result['with_warnings']}")
    print(f"wall {wall:.1f} s for simulate + fit of all replicates ({args.jobs} at once), median fit process "
          f"{result['fit_seconds_median']:.3f} s; {os.cpu_count()} cores, load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after")
    print(f"wrote {os.path.relpath(output, ROOT)}")


if __name__ == "__main__":
    main()
