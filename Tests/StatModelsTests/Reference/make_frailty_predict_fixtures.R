# make_frailty_predict_fixtures.R -- reference curves for `relief predict cox ... + frailty(id)` with and
# without --patient (Tests/AnalysisTests/FrailtyPredictionReferenceTests.swift; README "Shared frailty (Cox)").
#
# CI NEVER RUNS THIS SCRIPT. Its output frailty_predict.json is committed next to it; it reads
# frailty_kidney.csv (written by make_frailty_fixtures.R), data/ketamine_trial.csv and recurrent_episodes.csv
# (the infusion log's episodes; the case episodes_gamma fits counting-process rows
# Surv(start_day, stop_day, relief_ended), and its curves are survfit's on those rows).
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_frailty_predict_fixtures.R
# Produced with R 4.2 and survival 3.5-3. Deterministic.
#
# R's survfit refuses newdata for a frailty model, so the curves are built here from R's own parts:
# the frailty fit's coefficients and every row's fitted frailty fit$frail as an offset, refitted with
# iter.max = 0 (the same coefficients), with fo$var <- fit$var; survfit(fo, newdata) then gives R's
# baseline (Efron) and R's standard error of the cumulative hazard H for a profile with offset w.
#   patient i:   w = frail_i; se(H)^2 = survfit's + H^2 fvar_i (the patient's own uncertainty);
#                S = exp(-H), log interval exp(-H -+ z se); SE of S = S se(H); the RMST's se is
#                print.survfit's se(rmean) with var += fvar_i (int_0^tau S H dt)^2.
#   population:  w = 0; gamma: S = (1 + theta H)^(-1/theta); gaussian: S = int exp(-H e^b) dN(0, theta)(b);
#                interval S(H +- z se(H)) (H clamped at 0), SE of S = -dS/dH se(H); RMST = the steps' area.
# theta is the fit's as print shows it (the last row of the outer history), taken as known.
# With strata (cases *_strata): the frailty fit and the offset fit both have + strata(col); survfit(fo, newdata)
# then uses the baseline of the profile's stratum (newdata names it).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
z <- qnorm(0.975)
step_at <- function(tm, y, t) { k <- findInterval(t, tm); ifelse(k == 0, 1, y[pmax(k, 1)]) }
first_below_half <- function(tm, s) { k <- which(s < 0.5 + sqrt(.Machine$double.eps)); if (length(k)) tm[k[1]] else NA }

one_case <- function(name, data, time, event, covariates, group, distribution, profile, patient, times, tau,
                     reference_levels = structure(list(), names = character(0)), start = NULL, strata = NULL) {
  d <- data
  for (col in names(reference_levels)) d[[col]] <- relevel(factor(d[[col]]), ref = reference_levels[[col]])
  rhs <- paste(c(covariates, if (!is.null(strata)) sprintf("strata(%s)", strata)), collapse = " + ")
  surv <- if (is.null(start)) sprintf("Surv(%s, %s)", time, event) else sprintf("Surv(%s, %s, %s)", start, time, event)
  form <- as.formula(sprintf("%s ~ %s + frailty(%s, distribution = '%s')", surv, rhs, group, distribution))
  fit <- coxph(form, data = d)
  ids <- sort(unique(d[[group]]))
  d$w <- fit$frail[match(d[[group]], ids)]
  fo <- coxph(as.formula(sprintf("%s ~ %s + offset(w)", surv, rhs)), data = d, init = coef(fit),
              control = coxph.control(iter.max = 0))
  stopifnot(max(abs(coef(fo) - coef(fit))) < 1e-12)
  fo$var <- fit$var
  h <- fit$history[[1]]
  theta <- if (!is.null(h$history)) h$history[nrow(h$history), 1] else h$theta  # as print shows
  nd <- as.data.frame(profile, stringsAsFactors = FALSE)
  for (col in names(reference_levels)) nd[[col]] <- factor(nd[[col]], levels = levels(d[[col]]))
  i <- match(patient, as.character(ids))
  # The patient's own curve.
  nd$w <- fit$frail[i]
  sf <- survfit(fo, newdata = nd)
  h <- sf$cumhaz
  se_h <- sqrt(sf$std.err^2 + h^2 * fit$fvar[i])
  s <- exp(-h)
  lower <- exp(-h - z * se_h); upper <- pmin(1, exp(-h + z * se_h))
  keep <- sf$time < tau
  knots <- c(sf$time[keep], tau)
  rmst <- min(sf$time[1], tau) + sum(diff(knots) * s[keep])
  se_rmean <- summary(sf, rmean = tau)$table[["se(rmean)"]]
  int_sh <- sum(diff(knots) * s[keep] * h[keep])
  own <- list(surv = I(step_at(sf$time, s, times)), surv_se = I(step_at(sf$time, s * se_h, times)),
              lower = I(step_at(sf$time, lower, times)), upper = I(step_at(sf$time, upper, times)),
              median = first_below_half(sf$time, s), median_lower = first_below_half(sf$time, lower),
              median_upper = first_below_half(sf$time, upper),
              rmst = rmst, rmst_se = sqrt(se_rmean^2 + fit$fvar[i] * int_sh^2),
              frail = fit$frail[i], fvar = fit$fvar[i], episodes = sum(d[[group]] == ids[i]),
              events = sum(d[[event]][d[[group]] == ids[i]]))
  # A new patient: the population curve.
  nd$w <- 0
  s0 <- survfit(fo, newdata = nd)
  h0 <- s0$cumhaz; se0 <- s0$std.err
  marginal <- if (distribution == "gamma") {
    function(h) cbind(s = (1 + theta * h)^(-1 / theta), slope = (1 + theta * h)^(-1 / theta - 1))
  } else {
    sd <- sqrt(theta)
    finite <- function(v) ifelse(is.finite(v), v, 0)
    function(h) t(sapply(h, function(hh) c(
      s = integrate(function(u) finite(exp(-hh * exp(sd * u)) * dnorm(u)), -Inf, Inf, rel.tol = 1e-12)$value,
      slope = integrate(function(u) finite(exp(sd * u - hh * exp(sd * u)) * dnorm(u)), -Inf, Inf, rel.tol = 1e-12)$value)))
  }
  m <- marginal(h0)
  ps <- m[, 1]
  plower <- marginal(h0 + z * se0)[, 1]
  pupper <- pmin(1, marginal(pmax(h0 - z * se0, 0))[, 1])
  keep0 <- s0$time < tau
  knots0 <- c(s0$time[keep0], tau)
  population <- list(surv = I(step_at(s0$time, ps, times)), surv_se = I(step_at(s0$time, m[, 2] * se0, times)),
                     lower = I(step_at(s0$time, plower, times)), upper = I(step_at(s0$time, pupper, times)),
                     median = first_below_half(s0$time, ps),
                     rmst = min(s0$time[1], tau) + sum(diff(knots0) * ps[keep0]))
  out <- list(name = name, data = deparse(substitute(data)), time = time, event = event,
       formula = sprintf("%s + frailty(%s)", rhs, group), distribution = distribution,
       reference_levels = reference_levels, profile = profile, patient = patient, times = I(times), tau = tau,
       theta = theta, own = own, population = population)
  out$start <- start  # only for counting-process rows
  out$strata <- strata  # only for stratified fits
  out
}

kidney <- read.csv(file.path(out_dir, "frailty_kidney.csv"))
trial <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"))
episodes <- read.csv(file.path(out_dir, "recurrent_episodes.csv"))
cases <- list(
  one_case("kidney_gamma", kidney, "time", "status", c("age", "sex"), "id", "gamma",
           list(age = 45, sex = 2), "5", c(20, 100, 300), 300),
  one_case("kidney_gaussian", kidney, "time", "status", c("age", "sex"), "id", "gaussian",
           list(age = 45, sex = 2), "21", c(20, 100, 300), 300),
  one_case("trial_gamma", trial, "relief_days", "relief_ended", c("dose_group", "baseline_pain"), "patient_id", "gamma",
           list(dose_group = "high", baseline_pain = 7), "P0000001", c(7, 14, 28), 28, list(dose_group = "low")),
  one_case("episodes_gamma", episodes, "stop_day", "relief_ended", c("dose_group", "baseline_pain"), "patient_id", "gamma",
           list(dose_group = "high", baseline_pain = 5), "P0000365", c(30, 90, 180), 180, list(dose_group = "low"),
           start = "start_day"),
  # (kidney with strata(sex) or strata(disease) ends at theta = 5e-9 with R's inner loop not converging: not used)
  one_case("trial_gaussian_strata", trial, "relief_days", "relief_ended", c("dose_group", "baseline_pain"), "patient_id",
           "gaussian", list(dose_group = "low", baseline_pain = 5, condition = "CRPS"), "P0000002", c(7, 14, 28), 28,
           list(dose_group = "low"), strata = "condition"),
  one_case("trial_gamma_strata", trial, "relief_days", "relief_ended", c("dose_group", "baseline_pain"), "patient_id", "gamma",
           list(dose_group = "high", baseline_pain = 7, condition = "neuropathic"), "P0000001", c(7, 14, 28), 28,
           list(dose_group = "low"), strata = "condition"))
writeLines(toJSON(list(r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
                       cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"),
           file.path(out_dir, "frailty_predict.json"))
