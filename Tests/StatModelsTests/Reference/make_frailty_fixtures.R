# make_frailty_fixtures.R -- reference values from R's `survival::coxph(... + frailty(id))` (shared
# frailty, gamma and gaussian) for Tests/StatModelsTests/FrailtyCoxReferenceTests.swift (README "Shared
# frailty (Cox)").
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   frailty_kidney.csv   survival::kidney (id, time, status, age, sex, disease), written by this script
#   frailty_rats.csv     survival::rats (litter, rx, time, status), written by this script
#   frailty_cox.json     the fits (written by this script)
#   frailty_case.R       the record of one fit (sourced; shared with make_frailty_counting_fixtures.R)
# and the bundled trial is read from data/ketamine_trial.csv.
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_frailty_fixtures.R
# Produced with R 4.2 and survival 3.5-3 (jsonlite). Deterministic.
#
# THE MODELS (coxph's defaults: control = coxph.control(), so eps 1e-9, iter.max 20, outer.max 10;
# frailty(x) is frailty.gamma with method "em", sparse since every case has more than 5 groups;
# frailty(x, distribution = "gaussian") is frailty.gaussian with method "reml"):
#   kidney_gamma, kidney_gaussian   Surv(time, status) ~ age + sex + frailty(id[, "gaussian"])
#   kidney_gamma_breslow            the same, gamma, ties = "breslow"
#   kidney_disease_gamma            ~ age + sex + disease + frailty(id), disease's reference "Other" (the other levels in
#                                   sorted order, as Relief codes them)
#   kidney_strata_gaussian          ~ age + strata(sex) + frailty(id, "gaussian")
#   rats_gamma, rats_gaussian       Surv(time, status) ~ rx + frailty(litter[, "gaussian"])
#   trial_gamma, trial_gaussian     Surv(relief_days, relief_ended) ~ dose_group + interval_days +
#                                   frailty(patient_id[, "gaussian"]), dose_group's reference "low"
#
# frailty_cox.json: {r_version, survival_version, cases: [case]}; a case:
#   name, data (kidney, rats, trial), time, event, formula (Relief's --formula), distribution, ties,
#   reference_levels, r_call
#   columns       names(coef(fit));  coef
#   var, var2     fit$var and fit$var2, as lists of rows
#   theta         the variance of the random effect (the last row of the outer history, as print shows)
#   loglik        fit$loglik: c(null, the partial likelihood at the fit, frailties included, no penalty)
#   c_loglik      gamma only: the I-likelihood fit$history[[1]]$c.loglik (null for gaussian)
#   df            fit$df, one per term in formula order (the frailty term's included)
#   frail, fvar   fit$frail (per group, groups in sorted order of their id) and fit$fvar
#   groups        the group ids in that order (as text)
#   frailty_test  print.coxph.penal's frailty row: chisq = sum(frail^2 / fvar), df, p
#   iter          fit$iter: c(outer, total Newton-Raphson)
#   lr_test       print's "Likelihood ratio test": 2 (loglik[2] - loglik[1]) on round(sum(df), 2) df
#   n, nevent

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

kidney <- survival::kidney[, c("id", "time", "status", "age", "sex", "disease")]
kidney$disease <- as.character(kidney$disease)
write.csv(kidney, file.path(out_dir, "frailty_kidney.csv"), row.names = FALSE)
rats <- survival::rats[, c("litter", "rx", "time", "status")]
write.csv(rats, file.path(out_dir, "frailty_rats.csv"), row.names = FALSE)
kidney$disease <- factor(kidney$disease, levels = c("Other", "AN", "GN", "PKD"))
trial <- read.csv(file.path(root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE)
trial$dose_group <- factor(trial$dose_group, levels = c("low", "high"))

make_case <- frailty_case

cases <- list(
  make_case("kidney_gamma", "kidney", Surv(time, status) ~ age + sex + frailty(id), kidney, "time", "status",
            "age + sex + frailty(id)", "gamma"),
  make_case("kidney_gaussian", "kidney", Surv(time, status) ~ age + sex + frailty(id, distribution = "gaussian"),
            kidney, "time", "status", "age + sex + frailty(id)", "gaussian"),
  make_case("kidney_gamma_breslow", "kidney", Surv(time, status) ~ age + sex + frailty(id), kidney, "time",
            "status", "age + sex + frailty(id)", "gamma", ties = "breslow"),
  make_case("kidney_disease_gamma", "kidney", Surv(time, status) ~ age + sex + disease + frailty(id), kidney,
            "time", "status", "age + sex + disease + frailty(id)", "gamma",
            reference_levels = list(disease = "Other")),
  make_case("kidney_strata_gaussian", "kidney", Surv(time, status) ~ age + strata(sex) + frailty(id, distribution = "gaussian"),
            kidney, "time", "status", "age + strata(sex) + frailty(id)", "gaussian"),
  make_case("rats_gamma", "rats", Surv(time, status) ~ rx + frailty(litter), rats, "time", "status",
            "rx + frailty(litter)", "gamma"),
  make_case("rats_gaussian", "rats", Surv(time, status) ~ rx + frailty(litter, distribution = "gaussian"), rats,
            "time", "status", "rx + frailty(litter)", "gaussian"),
  make_case("trial_gamma", "trial", Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(patient_id),
            trial, "relief_days", "relief_ended", "dose_group + interval_days + frailty(patient_id)", "gamma",
            reference_levels = list(dose_group = "low")),
  make_case("trial_gaussian", "trial",
            Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(patient_id, distribution = "gaussian"),
            trial, "relief_days", "relief_ended", "dose_group + interval_days + frailty(patient_id)", "gaussian",
            reference_levels = list(dose_group = "low"))
)

out <- list(r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), file.path(out_dir, "frailty_cox.json"))
