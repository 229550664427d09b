# make_frailty_weighted_fixtures.R -- reference values for Tests/StatModelsTests/FrailtyWeightedReferenceTests.swift
# (README "Shared frailty and case weights", "Shared frailty with fewer than 6 groups"): R's
# `coxph(Surv(time, status) ~ x + frailty(g), weights = w)` and frailties with fewer than 6 groups (R's
# non-sparse penalised factor, `sparse = nclass > 5`).
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   frailty_kidney_weighted.csv  survival::kidney with three weight columns (written by this script):
#                                w_int (1, 2, 3 by row), w_frac (0.9, 1.0, 1.1 by row), w_cens (1 for events,
#                                1.5, 2, 3 by row for censored rows)
#   frailty_trial_weighted.csv   data/ketamine_trial.csv with w (2 when cotherapy is none, else 1) and w_cens
#                                (w for censored rows, 1 for events)
#   frailty_weighted.json        the fits
# To regenerate, from the repository root: Rscript Tests/StatModelsTests/Reference/make_frailty_weighted_fixtures.R
# Produced with R 4.2 and survival 3.5-3 (jsonlite). Deterministic.
#
# WHY FOUR KINDS OF CASE. R's coxfit5 (sparse frailty) adds each Efron step of a death time to the frailty
# diagonal without the deaths' mean weight (`fdiag[i] += temp2 * (1 - temp2)`, where the score and every other
# term of the information are multiplied by `wtave`; the dense path, an ordinary Cox information, has it).
# With weights on events that diagonal is wrong: kidney with weights 1-3 gives NA coefficients (cholesky3
# finds the fixed block singular), the bundled trial with weights 2/1 too; where R converges, its var, var2,
# fvar, df and the gaussian theta (REML uses trH) are those of the unweighted diagonal. Relief puts the weight in:
#   exact    weights on censored rows only (every event weight 1, so R's wtave is 1 and its diagonal is
#            right): every number of R's weighted fit, iterations included;
#   replica  integer weights on events, Breslow ties: R's fit on the rows repeated w times is the weighted
#            fit with the weight in the diagonal (the same likelihood, score and information): every number
#            but n and nevent (rows). Gaussian only: R's gamma I-likelihood counts the events per group
#            unweighted in a weighted fit (frailty.controlgam's `tapply(status, group, sum)` on the status
#            column; Relief does the same) but weighted when the rows are repeated;
#   estimate weights on events where R's sparse fit still converges (kidney, 0.9-1.1), gamma: the coefficients,
#            theta, frailties, log-likelihoods and I-likelihood (the root of the score and the I-likelihood do not
#            depend on the diagonal), not var, var2, fvar, df. No gaussian case: R's REML search uses the trace of
#            the frailty block of H^-1, so R's theta itself moves (kidney, 0.9-1.1: 0.5847 in R, 0.5801 here).
#   dense    fewer than 6 groups (weighted or not): R's penalised factor, no such issue: every number.
# episodes_condition4_gaussian reads recurrent_episodes.csv (written by make_recurrent_fixtures.R): Surv(start_day,
# stop_day, relief_ended), a penalised factor on counting-process rows.
# Fields as make_frailty_fixtures.R's, plus: weights (the weight column or null), kind (above), sparse, start (the
# entry column or null).
# For a dense term: coef, var, var2 are the fixed effects' part; frail and fvar are the frailty columns'
# coefficients and diag(fit$var); frailty_test chisq is coxph.wtest(var[f, f], frail)$test as print shows.

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
source(file.path(out_dir, "frailty_case.R"))  # vec(), mat()

kidney <- survival::kidney[, c("id", "time", "status", "age", "sex", "disease")]
kidney$disease <- as.character(kidney$disease)
i <- seq_len(nrow(kidney))
kidney$w_int <- 1 + (i %% 3)
kidney$w_frac <- 0.9 + (i %% 3) / 10
kidney$w_cens <- ifelse(kidney$status == 1, 1, c(1.5, 2, 3)[1 + (i %% 3)])
write.csv(kidney, file.path(out_dir, "frailty_kidney_weighted.csv"), row.names = FALSE)
trial <- read.csv(file.path(root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE)
trial$w <- ifelse(trial$cotherapy == "none", 2, 1)
trial$w_cens <- ifelse(trial$relief_ended == 1, 1, trial$w)
write.csv(trial, file.path(out_dir, "frailty_trial_weighted.csv"), row.names = FALSE)
trial$dose_group <- factor(trial$dose_group, levels = c("low", "high"))
episodes <- read.csv(file.path(out_dir, "recurrent_episodes.csv"), stringsAsFactors = FALSE)  # make_recurrent_fixtures.R
i <- seq_len(nrow(episodes))
episodes$w_int <- 1 + (i %% 2)
episodes$w_cens <- ifelse(episodes$relief_ended == 1, 1, c(1.5, 2, 3)[1 + (i %% 3)])
write.csv(episodes[, c("patient_id", "start_day", "stop_day", "relief_ended", "dose_group", "baseline_pain", "condition",
                       "w_int", "w_cens")], file.path(out_dir, "frailty_episodes_weighted.csv"), row.names = FALSE)
episodes$dose_group <- factor(episodes$dose_group, levels = c("low", "high"))

weighted_case <- function(name, data_name, formula, data, time, event, relief_formula, distribution, kind,
                          weights = NULL, ties = "efron", reference_levels = setNames(list(), character(0))) {
  fitdata <- data
  if (is.null(weights)) {
    fit <- coxph(formula, data = fitdata, ties = ties)
  } else if (kind == "replica") {
    fitdata <- data[rep(seq_len(nrow(data)), data[[weights]]), ]
    fit <- coxph(formula, data = fitdata, ties = ties)
  } else {
    fitdata$.wt <- data[[weights]]
    fit <- coxph(formula, data = fitdata, ties = ties, weights = .wt, robust = FALSE)
  }
  stopifnot(inherits(fit, "coxph.penal"), fit$iter[1] < 10, all(!is.na(coef(fit))))
  h <- fit$history[[1]]
  theta <- if (!is.null(h$history)) h$history[nrow(h$history), 1] else h$theta
  fterm <- which(fit$pterms > 0)
  sparse <- fit$pterms[fterm] == 2
  if (sparse) {
    fixed <- seq_along(coef(fit)); frail <- fit$frail; fvar <- fit$fvar
    chisq <- sum(frail^2 / fvar)
  } else {
    f <- fit$assign2[[fterm]]; fixed <- setdiff(seq_along(coef(fit)), f)
    frail <- coef(fit)[f]; fvar <- diag(fit$var)[f]
    chisq <- survival:::coxph.wtest(fit$var[f, f], frail)$test
  }
  fdf <- fit$df[fterm]
  lr <- -2 * (fit$loglik[1] - fit$loglik[2])
  lrdf <- round(sum(fit$df), 2)
  group_col <- all.vars(formula)[length(all.vars(formula))]
  cat(sprintf("%-34s %-8s theta %.6g, coef %s, df %s, iter %s\n", name, kind, theta,
              paste(format(coef(fit)[fixed], digits = 6), collapse = " "),
              paste(format(fit$df, digits = 5), collapse = " "), paste(fit$iter, collapse = "/")))
  list(
    name = name, data = data_name, time = time, event = event, formula = relief_formula,
    distribution = distribution, ties = ties, reference_levels = reference_levels, weights = weights,
    kind = kind, sparse = sparse, start = if (startsWith(data_name, "episodes")) "start_day" else NULL,
    r_call = paste(deparse(formula, width.cutoff = 500), collapse = " "),
    columns = I(names(coef(fit))[fixed]), coef = vec(coef(fit)[fixed]),
    var = mat(fit$var[fixed, fixed, drop = FALSE]), var2 = mat(fit$var2[fixed, fixed, drop = FALSE]), theta = theta,
    loglik = vec(fit$loglik), c_loglik = if (distribution == "gamma") h$c.loglik else NULL,
    df = vec(fit$df), frail = vec(frail), fvar = vec(fvar),
    groups = I(as.character(sort(unique(data[[group_col]])))),
    frailty_test = list(chisq = chisq, df = fdf, p = pchisq(chisq, max(fdf, 0.5), lower.tail = FALSE)),
    iter = vec(fit$iter), lr_test = list(chisq = lr, df = lrdf, p = pchisq(lr, lrdf, lower.tail = FALSE)),
    n = fit$n, nevent = fit$nevent)
}

kf <- "age + sex + frailty(id)"
tf <- "dose_group + interval_days + frailty(patient_id)"
gauss <- function(g) paste0("frailty(", g, ", distribution = \"gaussian\")")
cases <- list(
  # exact: weights on censored rows only
  weighted_case("kidney_gamma_wcens", "kidney_weighted", Surv(time, status) ~ age + sex + frailty(id), kidney,
                "time", "status", kf, "gamma", "exact", weights = "w_cens"),
  weighted_case("kidney_gaussian_wcens", "kidney_weighted", Surv(time, status) ~ age + sex + frailty(id, distribution = "gaussian"),
                kidney, "time", "status", kf, "gaussian", "exact", weights = "w_cens"),
  weighted_case("trial_gamma_wcens", "trial_weighted", Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(patient_id),
                trial, "relief_days", "relief_ended", tf, "gamma", "exact", weights = "w_cens",
                reference_levels = list(dose_group = "low")),
  # replica: integer weights on events, Breslow, gaussian
  weighted_case("kidney_gaussian_wint_breslow", "kidney_weighted",
                Surv(time, status) ~ age + sex + frailty(id, distribution = "gaussian"), kidney, "time", "status", kf,
                "gaussian", "replica", weights = "w_int", ties = "breslow"),
  weighted_case("trial_gaussian_w_breslow", "trial_weighted",
                Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(patient_id, distribution = "gaussian"),
                trial, "relief_days", "relief_ended", tf, "gaussian", "replica", weights = "w", ties = "breslow",
                reference_levels = list(dose_group = "low")),
  # estimate: weights on events, R's sparse fit converging
  weighted_case("kidney_gamma_wfrac", "kidney_weighted", Surv(time, status) ~ age + sex + frailty(id), kidney,
                "time", "status", kf, "gamma", "estimate", weights = "w_frac"),
  # dense: fewer than 6 groups
  weighted_case("kidney_disease4_gamma", "kidney_weighted", Surv(time, status) ~ age + sex + frailty(disease), kidney,
                "time", "status", "age + sex + frailty(disease)", "gamma", "dense"),
  weighted_case("kidney_disease4_gaussian", "kidney_weighted",
                Surv(time, status) ~ age + sex + frailty(disease, distribution = "gaussian"), kidney, "time", "status",
                "age + sex + frailty(disease)", "gaussian", "dense"),
  weighted_case("kidney_disease4_gamma_wfrac", "kidney_weighted", Surv(time, status) ~ age + sex + frailty(disease),
                kidney, "time", "status", "age + sex + frailty(disease)", "gamma", "dense", weights = "w_frac"),
  weighted_case("kidney_disease4_gaussian_wint_breslow", "kidney_weighted",
                Surv(time, status) ~ age + sex + frailty(disease, distribution = "gaussian"), kidney, "time", "status",
                "age + sex + frailty(disease)", "gaussian", "dense", weights = "w_int", ties = "breslow"),
  weighted_case("trial_condition4_gaussian", "trial_weighted",
                Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(condition, distribution = "gaussian"),
                trial, "relief_days", "relief_ended", "dose_group + interval_days + frailty(condition)", "gaussian",
                "dense", reference_levels = list(dose_group = "low")),
  weighted_case("trial_condition4_gaussian_w", "trial_weighted",
                Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(condition, distribution = "gaussian"),
                trial, "relief_days", "relief_ended", "dose_group + interval_days + frailty(condition)", "gaussian",
                "dense", weights = "w", reference_levels = list(dose_group = "low")),
  weighted_case("trial_cotherapy3_gamma_w", "trial_weighted",
                Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(cotherapy), trial, "relief_days",
                "relief_ended", "dose_group + interval_days + frailty(cotherapy)", "gamma", "dense", weights = "w",
                reference_levels = list(dose_group = "low")),
  weighted_case("trial_route2_gamma_w", "trial_weighted",
                Surv(relief_days, relief_ended) ~ dose_group + interval_days + frailty(route), trial, "relief_days",
                "relief_ended", "dose_group + interval_days + frailty(route)", "gamma", "dense", weights = "w",
                reference_levels = list(dose_group = "low")),
  # dense with strata, and on (start, stop] rows (R's agfit5 with nfrail = 0; no weights there)
  weighted_case("trial_condition4_gaussian_strata_w", "trial_weighted",
                Surv(relief_days, relief_ended) ~ dose_group + strata(route) + frailty(condition, distribution = "gaussian"),
                trial, "relief_days", "relief_ended", "dose_group + strata(route) + frailty(condition)", "gaussian",
                "dense", weights = "w", reference_levels = list(dose_group = "low")),
  weighted_case("episodes_condition4_gaussian", "episodes",
                Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + frailty(condition, distribution = "gaussian"),
                episodes, "stop_day", "relief_ended", "dose_group + baseline_pain + frailty(condition)", "gaussian",
                "dense", reference_levels = list(dose_group = "low")),
  # weights on (start, stop] rows (issue 14): censored rows only (exact, Efron), integer weights with Breslow ties
  # against the repeated rows (replica, sparse; R's own weighted sparse fit lacks the diagonal's weights) and with
  # a penalised factor (dense, Breslow: R's agfit5 is right without Efron's correction)
  weighted_case("episodes_gamma_wcens", "episodes_weighted",
                Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + frailty(patient_id), episodes,
                "stop_day", "relief_ended", "dose_group + baseline_pain + frailty(patient_id)", "gamma", "exact",
                weights = "w_cens", reference_levels = list(dose_group = "low")),
  weighted_case("episodes_gaussian_wcens", "episodes_weighted",
                Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + frailty(patient_id, distribution = "gaussian"),
                episodes, "stop_day", "relief_ended", "dose_group + baseline_pain + frailty(patient_id)", "gaussian", "exact",
                weights = "w_cens", reference_levels = list(dose_group = "low")),
  weighted_case("episodes_gaussian_wint_breslow", "episodes_weighted",
                Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + frailty(patient_id, distribution = "gaussian"),
                episodes, "stop_day", "relief_ended", "dose_group + baseline_pain + frailty(patient_id)", "gaussian", "replica",
                weights = "w_int", ties = "breslow", reference_levels = list(dose_group = "low")),
  weighted_case("episodes_condition4_gaussian_wint_breslow", "episodes_weighted",
                Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + frailty(condition, distribution = "gaussian"),
                episodes, "stop_day", "relief_ended", "dose_group + baseline_pain + frailty(condition)", "gaussian", "dense",
                weights = "w_int", ties = "breslow", reference_levels = list(dose_group = "low"))
)

out <- list(r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), file.path(out_dir, "frailty_weighted.json"))
