# make_frailty_interval_fixtures.R -- reference values for the frailty Cox model's between-patient
# variation in `relief fit cox ... + frailty(id)` (Tests/StatModelsTests/FrailtyVarianceIntervalTests.swift;
# README "Shared frailty (Cox)").
#
# CI NEVER RUNS THIS SCRIPT. Its output frailty_interval.json is committed next to it; it reads
# frailty_kidney.csv (written by make_frailty_fixtures.R), frailty_kidney_weighted.csv (make_frailty_weighted_fixtures.R;
# kidneyw_gamma: weights w_cens, 38 groups; kidney4w_gamma: frailty(disease), 4 groups, R's penalised factor, weights
# w_frac; both fits, the fixed-theta fits and the offset fit weighted), data/ketamine_trial.csv and recurrent_episodes.csv
# (episodes_gamma: counting-process rows Surv(start_day, stop_day, relief_ended); its medians are of curves
# on the stop_day time scale, from day 0, as survfit draws them).
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_frailty_interval_fixtures.R
# Produced with R 4.2 and survival 3.5-3. Deterministic.
#
# 1. theta's profile-likelihood interval (gamma frailty). R prints the I-likelihood (history$c.loglik) of
#    its estimate but no interval; here each limit is the theta where the I-likelihood of
#    coxph(... + frailty(id, theta = value)) (R's c.loglik at a fixed theta) equals the estimate's less
#    qchisq(0.95, 1) / 2, found by uniroot (tol 1e-10). The lower limit is 0 when the I-likelihood at
#    theta = 1e-8 is still above the cut.
# 2. The middle 50% of patients' typical relief at a profile: the frailty quartiles (gamma: qgamma with
#    shape 1/theta, scale theta; gaussian: exp(+-qnorm(0.75) sqrt(theta))) and the median of the curve of
#    a patient at each, built from R's parts as make_frailty_predict_fixtures.R does (survfit of the
#    fit's coefficients with every row's fitted frailty as an offset, newdata offset log z).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
first_below_half <- function(tm, s) { k <- which(s < 0.5 + sqrt(.Machine$double.eps)); if (length(k)) tm[k[1]] else NA }

one_case <- function(name, data, time, event, covariates, group, distribution, profile,
                     reference_levels = structure(list(), names = character(0)), start = NULL, weights = NULL) {
  d <- data
  d$.wt <- if (is.null(weights)) 1 else d[[weights]]
  surv <- if (is.null(start)) sprintf("Surv(%s, %s)", time, event) else sprintf("Surv(%s, %s, %s)", start, time, event)
  for (col in names(reference_levels)) d[[col]] <- relevel(factor(d[[col]]), ref = reference_levels[[col]])
  rhs <- paste(covariates, collapse = " + ")
  fixed_fit <- function(theta) {
    f <- as.formula(sprintf("%s ~ %s + frailty(%s, distribution = '%s', theta = %.17g)", surv, rhs, group,
                            distribution, theta))
    suppressWarnings(coxph(f, data = d, weights = .wt, robust = FALSE))
  }
  fit <- coxph(as.formula(sprintf("%s ~ %s + frailty(%s, distribution = '%s')", surv, rhs, group, distribution)),
               data = d, weights = .wt, robust = FALSE)
  # A frailty with fewer than 6 groups is R's penalised factor: its frailties are coefficients.
  frail <- if (is.null(fit$frail)) coef(fit)[fit$assign2[[which(fit$pterms > 0)]]] else fit$frail
  fixed <- if (is.null(fit$frail)) setdiff(seq_along(coef(fit)), fit$assign2[[which(fit$pterms > 0)]]) else seq_along(coef(fit))
  h <- fit$history[[1]]
  theta <- if (!is.null(h$history)) h$history[nrow(h$history), 1] else h$theta
  out <- list(name = name, distribution = distribution, theta = theta)
  if (distribution == "gamma") {
    best <- h$c.loglik
    cut <- best - qchisq(0.95, 1) / 2
    f <- function(t) fixed_fit(t)$history[[1]]$c.loglik - cut
    lower <- if (f(1e-8) > 0) 0 else uniroot(f, c(1e-8, theta), tol = 1e-10)$root
    hi <- theta * 2
    while (f(hi) > 0) hi <- hi * 2
    upper <- uniroot(f, c(theta, hi), tol = 1e-10)$root
    out$i_likelihood <- best
    out$theta_lower <- lower
    out$theta_upper <- upper
    out$i_likelihood_at_upper <- f(upper) + cut
  }
  ids <- sort(unique(d[[group]]))
  d$w <- frail[match(d[[group]], ids)]
  fo <- coxph(as.formula(sprintf("%s ~ %s + offset(w)", surv, rhs)), data = d, init = coef(fit)[fixed],
              control = coxph.control(iter.max = 0), weights = .wt, robust = FALSE)
  quartiles <- if (distribution == "gamma") qgamma(c(0.25, 0.75), shape = 1 / theta, scale = theta) else
    exp(c(-1, 1) * qnorm(0.75) * sqrt(theta))
  nd <- as.data.frame(profile, stringsAsFactors = FALSE)
  for (col in names(reference_levels)) nd[[col]] <- factor(nd[[col]], levels = levels(d[[col]]))
  median_at <- function(z) { nd$w <- log(z); sf <- survfit(fo, newdata = nd); first_below_half(sf$time, exp(-sf$cumhaz)) }
  out$frailty_quartiles <- I(quartiles)
  out$typical_relief <- I(c(median_at(quartiles[2]), median_at(quartiles[1])))
  out$profile <- profile
  out$start <- start  # only for counting-process rows
  out
}

kidney <- read.csv(file.path(out_dir, "frailty_kidney.csv"))
trial <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE)
episodes <- read.csv(file.path(out_dir, "recurrent_episodes.csv"), stringsAsFactors = FALSE)
kidney_weighted <- read.csv(file.path(out_dir, "frailty_kidney_weighted.csv"), stringsAsFactors = FALSE)
cases <- list(
  one_case("kidney_gamma", kidney, "time", "status", c("age", "sex"), "id", "gamma", list(age = median(kidney$age), sex = 2)),
  one_case("trial_gamma", trial, "relief_days", "relief_ended", c("dose_group", "interval_days"), "patient_id", "gamma",
           list(dose_group = "low", interval_days = median(trial$interval_days)), reference_levels = list(dose_group = "low")),
  one_case("trial_gaussian", trial, "relief_days", "relief_ended", c("dose_group", "interval_days"), "patient_id", "gaussian",
           list(dose_group = "low", interval_days = median(trial$interval_days)), reference_levels = list(dose_group = "low")),
  one_case("episodes_gamma", episodes, "stop_day", "relief_ended", c("dose_group", "baseline_pain"), "patient_id", "gamma",
           list(dose_group = "low", baseline_pain = median(episodes$baseline_pain)), reference_levels = list(dose_group = "low"),
           start = "start_day"),
  # Case weights (the events' weights 1, where R's sparse fit is exact) and a penalised factor (4 groups), weighted.
  one_case("kidneyw_gamma", kidney_weighted, "time", "status", c("age", "sex"), "id", "gamma",
           list(age = median(kidney$age), sex = 2), weights = "w_cens"),
  one_case("kidney4w_gamma", kidney_weighted, "time", "status", c("age", "sex"), "disease", "gamma",
           list(age = median(kidney$age), sex = 2), weights = "w_frac")
)
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = I(17), pretty = TRUE),
           file.path(out_dir, "frailty_interval.json"))
cat("wrote", file.path(out_dir, "frailty_interval.json"), "\n")
