# make_frailty_counting_fixtures.R -- reference values from R's `survival::coxph(Surv(start, stop, event) ~
# ... + frailty(id))` (shared frailty on counting-process rows; gamma and gaussian; R's coxpenal.fit with
# agfit5) for Tests/StatModelsTests/FrailtyCountingReferenceTests.swift (README "Shared frailty (Cox)").
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   frailty_bladder2.csv     survival::bladder2 (id, rx, number, size, start, stop, event, enum), written here
#   frailty_cgd.csv          survival::cgd (id, tstart, tstop, status, treat, age, inherit, hos.cat), written here
#   frailty_trial_split.csv  data/ketamine_trial.csv with each episode split at day 7 by survSplit
#                            (columns start, relief_days (the stop), relief_ended), written here
#   recurrent_episodes.csv   `relief episodes data/infusion_log.csv` (make_recurrent_fixtures.R; read here)
#   frailty_counting.json    the fits (written by this script)
#   frailty_case.R           the record of one fit (sourced; shared with make_frailty_fixtures.R)
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_frailty_counting_fixtures.R
# Produced with R 4.2 and survival 3.5-3 (jsonlite). Deterministic.
#
# THE MODELS (coxph's defaults: eps 1e-9, iter.max 20, outer.max 10; frailty(x) is frailty.gamma with
# method "em", frailty(x, distribution = "gaussian") frailty.gaussian with method "reml"; every case has
# more than 5 groups, so the term is sparse). A row is at risk at t when start < t <= stop.
#   bladder2_gamma, bladder2_gaussian   Surv(start, stop, event) ~ rx + number + size + frailty(id)
#   bladder2_strata_gamma               ~ rx + number + size + strata(enum) + frailty(id) (PWP total time)
#   cgd_gamma                           Surv(tstart, tstop, status) ~ treat + age + inherit + frailty(id)
#   cgd_strata_breslow_gaussian         ~ treat + age + strata(hos.cat) + frailty(id, "gaussian"), Breslow
#   episodes_gamma, episodes_gaussian   Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain +
#                                       frailty(patient_id) (Andersen-Gill on the calendar time scale)
#   trial_split_gamma                   Surv(start, relief_days, relief_ended) ~ dose_group + interval_days +
#                                       frailty(patient_id) on the trial split at day 7 (entries at 7 tied with
#                                       the first parts' stops)
#
# frailty_counting.json: {r_version, survival_version, cases: [case]}; a case has the fields of
# frailty_cox.json (make_frailty_fixtures.R: columns, coef, var, var2, theta, loglik, c_loglik (gamma),
# df, frail, fvar, groups, frailty_test, iter, lr_test, n, nevent) and `start`, the entry column, and
# `file`, the CSV (relative to this directory) the case was fitted on.

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.0")
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
root <- normalizePath(file.path(out_dir, "..", "..", ".."))
source(file.path(out_dir, "frailty_case.R"))  # frailty_case(), vec(), mat()

bladder2 <- survival::bladder2[, c("id", "rx", "number", "size", "start", "stop", "event", "enum")]
write.csv(bladder2, file.path(out_dir, "frailty_bladder2.csv"), row.names = FALSE)
cgd <- survival::cgd[, c("id", "tstart", "tstop", "status", "treat", "age", "inherit", "hos.cat")]
write.csv(cgd, file.path(out_dir, "frailty_cgd.csv"), row.names = FALSE)
trial <- read.csv(file.path(root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE)
split <- survSplit(Surv(relief_days, relief_ended) ~ ., data = trial, cut = 7, start = "start")
split <- split[, c("patient_id", "dose_group", "interval_days", "start", "relief_days", "relief_ended")]
write.csv(split, file.path(out_dir, "frailty_trial_split.csv"), row.names = FALSE)
episodes <- read.csv(file.path(out_dir, "recurrent_episodes.csv"), stringsAsFactors = FALSE)
stopifnot(all(split$start < split$relief_days), all(episodes$start_day < episodes$stop_day))

# Factors as Relief codes them: the reference level first, the others in sorted (C) order.
relevel_sorted <- function(x, ref) factor(x, levels = c(ref, setdiff(sort(unique(as.character(x))), ref)))
cgd$treat <- relevel_sorted(cgd$treat, "placebo")
cgd$inherit <- relevel_sorted(cgd$inherit, "X-linked")
split$dose_group <- relevel_sorted(split$dose_group, "low")
episodes$dose_group <- relevel_sorted(episodes$dose_group, "low")

make_case <- function(name, file, formula, data, start, time, event, relief_formula, distribution, ...) {
  out <- frailty_case(name, name, formula, data, time, event, relief_formula, distribution, ...)
  out$file <- file
  out$start <- start
  out
}

cases <- list(
  make_case("bladder2_gamma", "frailty_bladder2.csv",
            Surv(start, stop, event) ~ rx + number + size + frailty(id), bladder2, "start", "stop", "event",
            "rx + number + size + frailty(id)", "gamma"),
  make_case("bladder2_gaussian", "frailty_bladder2.csv",
            Surv(start, stop, event) ~ rx + number + size + frailty(id, distribution = "gaussian"), bladder2,
            "start", "stop", "event", "rx + number + size + frailty(id)", "gaussian"),
  make_case("bladder2_strata_gamma", "frailty_bladder2.csv",
            Surv(start, stop, event) ~ rx + number + size + strata(enum) + frailty(id), bladder2,
            "start", "stop", "event", "rx + number + size + strata(enum) + frailty(id)", "gamma"),
  make_case("cgd_gamma", "frailty_cgd.csv",
            Surv(tstart, tstop, status) ~ treat + age + inherit + frailty(id), cgd, "tstart", "tstop", "status",
            "treat + age + inherit + frailty(id)", "gamma",
            reference_levels = list(treat = "placebo", inherit = "X-linked")),
  make_case("cgd_strata_breslow_gaussian", "frailty_cgd.csv",
            Surv(tstart, tstop, status) ~ treat + age + strata(hos.cat) + frailty(id, distribution = "gaussian"),
            cgd, "tstart", "tstop", "status", "treat + age + strata(hos.cat) + frailty(id)", "gaussian",
            ties = "breslow", reference_levels = list(treat = "placebo")),
  make_case("episodes_gamma", "recurrent_episodes.csv",
            Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + frailty(patient_id), episodes,
            "start_day", "stop_day", "relief_ended", "dose_group + baseline_pain + frailty(patient_id)", "gamma",
            reference_levels = list(dose_group = "low")),
  make_case("episodes_gaussian", "recurrent_episodes.csv",
            Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain +
              frailty(patient_id, distribution = "gaussian"), episodes,
            "start_day", "stop_day", "relief_ended", "dose_group + baseline_pain + frailty(patient_id)", "gaussian",
            reference_levels = list(dose_group = "low")),
  make_case("trial_split_gamma", "frailty_trial_split.csv",
            Surv(start, relief_days, relief_ended) ~ dose_group + interval_days + frailty(patient_id), split,
            "start", "relief_days", "relief_ended", "dose_group + interval_days + frailty(patient_id)", "gamma",
            reference_levels = list(dose_group = "low"))
)

out <- list(r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), file.path(out_dir, "frailty_counting.json"))
