# make_counting_fixtures.R -- reference values from R's `survival` package (and small R implementations
# checked against it) for counting-process survival data (start, stop]: delayed entry (left truncation)
# and time-varying covariates. For the Kaplan-Meier, log-rank, Cox and parametric AFT tests with (start,
# stop] rows.
#
# CI NEVER RUNS THIS SCRIPT. Its outputs (the cp_*.json files next to it) are committed, and the Swift
# tests read them through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_counting_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3 (jsonlite 1.8.4). The script is deterministic: a second run
# writes byte-identical files.
#
# THE BOUNDARY CONVENTION: a row (start, stop] is AT RISK at time t when start < t <= stop. A row that
# enters at t (start = t) is NOT at risk at t, even when other rows have events or censorings at t; it
# joins the risk set just after t. R's survfit, coxph and the log-rank below all use this rule, and the
# script checks it (n.risk recounted by hand). Times are not altered by R's timefix (aeqSurv): checked.
#
# Data: survival::heart (the jasa1 form: start, stop, event, age, year, surgery, transplant (factor "0",
# "1"), id; 172 rows, 103 subjects), survival::cgd (tstart, tstop, status; 203 rows), survival::bladder2
# (start, stop, event; 178 rows), and `synthetic`: 27 rows built by hand below (tied stop times, entries
# at other rows' stop times, an entry strictly between the first two reported times, a censoring tied
# with an event, an empty risk set on (16, 18] refilled by late entries, tied events and censorings at
# the last time; group a's curve reaches S = 0 at t = 13 (a risk set of one row, which has its event) and
# stays 0 through its later entries).
#
# Every file holds the INPUT (so a Swift test can recompute from the JSON alone) and R's OUTPUT. Vectors
# are JSON arrays (also when of length 1); NA, NaN and Inf are written as null. Numbers are written with
# digits = NA (15 significant digits, a relative rounding of at most 5e-16). Factor levels are R's own
# (the order of levels() in survival's data sets), recorded in `levels` / `factor_levels`; the reference
# level is the first.
#
# ---- cp_km_<dataset>.json -- Kaplan-Meier with delayed entry --------------------------------------------
# {dataset, source, cases: [case]}; a case is survfit(Surv(start, stop, event) ~ 1) or ~ group, with
# conf.type = "log" (the default), conf.int = 0.95, no id (so every row end with event 0 is a censoring,
# every row start an entry, and std.err is Greenwood's, not the robust one):
#   name, formula
#   start, stop, event      the input rows (event 0/1)
#   group, levels           0-based group code per row and the level labels, or null for ~ 1
#   tau                     the rmean horizon
#   curves[g]               one per level (one curve labelled "all" for ~ 1):
#     label, records        the level and its number of rows
#     time                  every distinct stop time of the curve's rows (event or censoring times;
#                           entry times are not reported as times of their own)
#     n_risk                rows with start < time <= stop
#     n_event, n_censor     rows with stop = time and event 1 / 0
#     n_enter               R's n.enter VERBATIM. survfit reports it only with a cluster/id, so it comes
#                           from a second fit with id = row number, robust = TRUE (its time, n.risk,
#                           n.event, n.censor and surv are checked equal to the main fit). In survival
#                           3.5-3 (src/survfitkm.c) its rule is, with t[1] < ... < t[m] the times:
#                           n_enter[1] = #{start < t[1]}, and for k >= 2
#                           n_enter[k] = #{start = t[k-1]} + #{t[k] < start < t[k+1]} (t[m+1] = Inf):
#                           an entry exactly at a reported time counts at the NEXT time, an entry strictly
#                           between two reported times counts at the EARLIER one, and entries strictly
#                           between t[1] and t[2] are dropped (overwritten). The script recomputes this
#                           rule and checks it. Later survival versions changed n.enter.
#     n_enter_interval      a clean count: #{t[k-1] <= start < t[k]} (t[0] = -Inf): the rows that join
#                           the risk set between the previous reported time and t[k]. It satisfies
#                           n_risk[k] = n_risk[k-1] - n_event[k-1] - n_censor[k-1] + n_enter_interval[k]
#                           (checked).
#     surv                  the KM product prod(1 - n_event / n_risk) (checked)
#     std_err_log           R's $std.err: the standard error of the CUMULATIVE HAZARD -log S (Greenwood:
#                           sqrt(cumsum(d / (n (n - d))))), NOT of S (checked)
#                           null where R has Inf (from the time S reaches 0 on)
#     lower, upper          log-type 95% limits: exp(log S -/+ 1.96 std_err_log), upper capped at 1;
#                           null where R has NA (S = 0)
#     cumhaz, std_chaz      Nelson-Aalen cumulative hazard and its standard error (R's $cumhaz, $std.chaz)
#     median, median_lower, median_upper   print(fit)'s table (median, 0.95LCL, 0.95UCL), null when not
#                           reached
#     quantile50            quantile(fit, 0.5): quantile, lower, upper (null when not reached)
#     rmean, se_rmean       print(fit, rmean = tau)'s table: the restricted mean over [0, tau] (R starts
#                           the area at min(0, times) = 0 with S = 1 before the first time, whatever the
#                           earliest entry) and its standard error
#     n_max, n_start, events   the table's n.max (largest n_risk), n.start (n_risk at the first time)
#                           and events
#
# ---- cp_logrank_<dataset>.json -- the log-rank test with delayed entry ----------------------------------
# R's survdiff does not accept (start, stop] data, so the test is computed here from risk sets: at each
# distinct event time t (within a stratum), n_k = rows of group k with start < t <= stop, d_k = rows of
# group k with stop = t and event 1, n = sum n_k, d = sum d_k:
#   E_k += d n_k / n;  V_kl += d (n - d) / (n - 1) * (n_k / n) (delta_kl - n_l / n)   (no term when n = 1)
# O, E and V are summed over strata. chisq = (O - E)' V^-1 (O - E) over the groups with E > 0 less the
# first of them (as survdiff), df = #{E > 0} - 1, p = upper tail of chi-square(df).
# {dataset, source, cases: [case]}; a case:
#   name, formula, start, stop, event, group (0-based), levels, strata (0-based or null), strata_levels
#   observed, expected      per group (summed over strata);  o_minus_e
#   var                     the (groups x groups) covariance matrix, as a list of rows
#   chisq, df, p
#   detail                  per stratum, per event time: {stratum, time, n_risk[[g]], n_event[[g]]}
#                           (n_risk[[g]] and n_event[[g]] are vectors over the event times, one per group)
#   coxph_score             coxph(Surv(start, stop, event) ~ factor(group) [+ strata], ties = T)$score
#                           for T = breslow, efron, exact: {statistic, df, p} each; and
#                           breslow_equals_logrank (|difference| < 1e-8 relative)
# Checks: with every start = 0 the implementation equals survdiff (chisq, obs, exp, var) to 1e-10, on
# lung ~ sex, lung ~ ph.ecog, veteran ~ celltype + strata(trt), ovarian ~ rx and the synthetic stop times.
# FINDING (checked): the exact-ties (ties = "exact", discrete partial likelihood) score test equals the
# log-rank test with or without ties; the Breslow (and Efron) score test equals it only when no event
# time has more than one event (every d = 1: then (n - d)/(n - 1) = 1). With tied events the Breslow
# information lacks the factor (n - d)/(n - 1) <= 1, so its statistic is never larger than the log-rank
# one (heart 0.17428 vs 0.17509, cgd 19.476 vs 19.549, synthetic 1.0312 vs 1.1489); Efron's can be on
# either side (heart 0.17832, cgd 19.417, synthetic 1.1534). The tie-free check is a copy of the
# synthetic set with its event times moved apart; it is not written to a file.
#
# ---- cp_cox_<name>.json -- Cox on (start, stop] rows -----------------------------------------------------
# The fields of make_cox_fixtures.R's cox_*.json (same meaning; see that script's header), PLUS
#   start          the row's entry time; `time` is the row's stop time, `status` its event
# i.e. name, formula, ties, columns, factor_levels, x, start, time, status, strata, strata_levels,
# weights, cluster, robust, iter_max, coef, var, naive_var, loglik, score, wald, lr, rscore, tests, iter,
# n (rows), nevent, means, concordance, concordance_call, zph, warnings.
#
# ---- cp_cox_predict_heart.json -- survfit(coxph fit, newdata) on (start, stop] rows --------------------
# The fields of make_cox_predict_fixtures.R's cox_predict_*.json (same meaning; see that script's
# header), PLUS `start`. The curve's n.risk counts rows with start < t <= stop (checked). The profiles hold
# each covariate constant over time.
#
# ---- cp_aft_<dataset>.json -- parametric AFT with left truncation ---------------------------------------
# survreg's parameterisation: log T = x'beta + sigma W, W standard extreme-value (weibull; exponential
# with sigma = 1), normal (lognormal) or logistic (loglogistic); z = (log t - x'beta) / sigma. Each row is
# an independent observation conditional on survival to its entry (covariates constant within the row):
#   log L_i = delta_i (log f0(z_i) - log sigma - log t_i) + (1 - delta_i) log S0(z_i) - log S0(z0_i),
#   z0_i = (log start_i - x_i'beta) / sigma, the last term 0 when start_i = 0.
# (log t_i is the Jacobian to the time scale, as survreg's loglik.) survreg cannot fit this, so it is
# maximised here with optim(method = "BFGS", analytic gradient, reltol = 1e-14) from survreg's fit that
# ignores the entry times, then polished by Newton steps with optimHess (finite differences of the
# analytic gradient) until max |gradient| < 1e-10 (at most 10 steps).
# {dataset, source, cases: [case]}; a case:
#   name, formula, distribution, columns (intercept first), x (list of columns), start, time (= stop),
#   status (0/1), n, nevent
#   coef           beta;  log_scale (null for the exponential), scale (1 for the exponential)
#   loglik         the maximised truncated log-likelihood
#   var            the inverse of the observed information of (beta, log sigma) (analytic Hessian;
#                  checked against optimHess to 1e-5 relative; symmetrised), as a list of rows
#   iterations     optim's counts (function, gradient), optim's convergence code, newton_steps
#   max_abs_gradient   max |d logL / d par| at the reported optimum (checked < 1e-6)
#   untruncated    survreg(Surv(stop, event) ~ ...) ignoring the entry times: coef, log_scale, loglik
#                  (what one gets when the truncation is wrongly dropped)
# Checks: with every start = 0 the same code reproduces survreg's loglik and coefficients (and
# log(scale)) to 1e-8, for the four distributions, on every data set used here and on lung; stop > start
# on every row.

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.0")
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"

num <- function(x) as.numeric(unname(x))
vec <- function(x) I(as.numeric(unname(x)))           # always a JSON array, also when of length 1
ivec <- function(x) I(as.integer(unname(x)))
mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) num(m[i, ])))
matv <- function(m) unname(lapply(seq_len(nrow(m)), function(i) vec(m[i, ])))
na_null <- function(x) if (length(x) == 0 || is.na(x)) NULL else num(x)
test_list <- function(stat, df) list(statistic = num(stat), df = num(df),
                                     p = num(pchisq(stat, df, lower.tail = FALSE)))
rel_diff <- function(a, b) max(abs(num(a) - num(b)) / pmax(1, abs(num(b))))

write_json_fixture <- function(obj, name) {
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(obj, digits = NA, na = "null", auto_unbox = TRUE, null = "null", pretty = FALSE),
             path)
  cat("wrote", path, "\n")
}

# No time in these data is moved by survival's timefix (aeqSurv): the fixtures hold the times R used.
check_no_timefix <- function(start, stop, event) {
  y <- Surv(start, stop, event)
  stopifnot(all(stop > start), max(abs(as.matrix(aeqSurv(y)) - as.matrix(y))) == 0)
}

# ---- data ---------------------------------------------------------------------------------------------
heart_df <- survival::heart
cgd_df <- survival::cgd
bladder_df <- survival::bladder2

# The synthetic set (built by hand; see the header). x is a covariate for the AFT case.
synthetic <- data.frame(
  start = c(0, 0, 0, 0, 2, 3, 3, 1, 0, 5, 5, 6, 0, 4, 10, 10, 11, 12, 13, 13, 14, 0,
            1.5, 8, 18, 18, 19),
  stop  = c(2, 3, 3, 3, 5, 5, 5, 6, 6, 7, 8, 8, 4, 8, 12, 13, 13, 15, 15, 16, 16, 1,
            7, 13, 21, 22, 22),
  event = c(1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0,
            0, 1, 1, 1, 0),
  group = c("a", "a", "a", "b", "b", "a", "b", "a", "b", "a", "b", "b", "a", "b", "a", "b", "a", "b",
            "a", "b", "b", "b", "a", "b", "a", "b", "b"),
  x     = c(0.5, -1.2, 0.3, 1.1, -0.4, 0.8, -0.9, 0, 1.5, -0.7, 0.2, -1, 0.6, 0.9, -0.3, 0.4, 1.2,
            -0.5, 0.1, -1.3, 0.7, 0.2, -0.6, 1.4, -0.8, 0.3, -0.2),
  stringsAsFactors = FALSE)
synthetic$group <- factor(synthetic$group)
# the synthetic set's boundary features, asserted
stopifnot(any(synthetic$start %in% synthetic$stop[synthetic$event == 1]),   # entry at an event time
          any(synthetic$start > 1 & synthetic$start < 2),                     # entry between t[1], t[2]
          !any(synthetic$start < 17 & synthetic$stop > 16),                   # empty risk set on (16, 18]
          any(duplicated(synthetic$stop[synthetic$event == 1])))              # tied events

check_no_timefix(heart_df$start, heart_df$stop, heart_df$event)
check_no_timefix(cgd_df$tstart, cgd_df$tstop, cgd_df$status)
check_no_timefix(bladder_df$start, bladder_df$stop, bladder_df$event)
check_no_timefix(synthetic$start, synthetic$stop, synthetic$event)

# =========================================================================================================
# 1. Kaplan-Meier with delayed entry
# =========================================================================================================

# R 3.5-3's n.enter rule (see the header), recomputed.
r_n_enter <- function(start, times) {
  m <- length(times)
  out <- numeric(m)
  nxt <- c(times[-1], Inf)
  for (k in seq_len(m)) {
    if (k >= 2) out[k] <- sum(start == times[k - 1]) + sum(start > times[k] & start < nxt[k])
  }
  out[1] <- sum(start < times[1])
  out
}

km_curve_of <- function(fit, fit_id, g, label, start, stop, event, tau) {
  f <- if (is.null(fit$strata)) fit else fit[g]
  fi <- if (is.null(fit_id$strata)) fit_id else fit_id[g]
  stopifnot(identical(f$time, fi$time), identical(f$n.risk, fi$n.risk), identical(f$n.event, fi$n.event),
            identical(f$n.censor, fi$n.censor), max(abs(f$surv - fi$surv)) < 1e-14)
  tt <- f$time
  # the boundary convention, the KM product and Greenwood's formula, recomputed by hand
  n_risk <- sapply(tt, function(t) sum(start < t & stop >= t))
  n_event <- sapply(tt, function(t) sum(stop == t & event == 1))
  n_censor <- sapply(tt, function(t) sum(stop == t & event == 0))
  stopifnot(all(n_risk == f$n.risk), all(n_event == f$n.event), all(n_censor == f$n.censor),
            length(tt) == length(unique(stop)), all(sort(unique(stop)) == tt))
  surv <- cumprod(1 - n_event / n_risk)
  green <- sqrt(cumsum(ifelse(n_risk > n_event, n_event / (n_risk * (n_risk - n_event)), Inf)))
  fin <- is.finite(green)
  stopifnot(max(abs(surv - f$surv)) < 1e-13, identical(fin, is.finite(f$std.err)),
            all(!fin == (surv == 0)), max(abs(green[fin] - f$std.err[fin])) < 1e-12)
  # n.enter: R's rule and the clean interval count
  stopifnot(all(r_n_enter(start, tt) == fi$n.enter))
  enter_int <- sapply(seq_along(tt), function(k)
    sum(start < tt[k] & (if (k == 1) TRUE else start >= tt[k - 1])))
  if (length(tt) > 1) {
    k <- 2:length(tt)
    stopifnot(all(n_risk[k] == n_risk[k - 1] - n_event[k - 1] - n_censor[k - 1] + enter_int[k]))
  }
  stopifnot(n_risk[1] == enter_int[1])
  tab <- summary(f, rmean = tau)$table
  q <- quantile(f, 0.5)
  list(
    label = label, records = length(start),
    time = vec(tt), n_risk = vec(f$n.risk), n_event = vec(f$n.event), n_censor = vec(f$n.censor),
    n_enter = vec(fi$n.enter), n_enter_interval = vec(enter_int),
    surv = vec(f$surv), std_err_log = vec(f$std.err), lower = vec(f$lower), upper = vec(f$upper),
    cumhaz = vec(f$cumhaz), std_chaz = vec(f$std.chaz),
    median = na_null(tab[["median"]]), median_lower = na_null(tab[["0.95LCL"]]),
    median_upper = na_null(tab[["0.95UCL"]]),
    quantile50 = list(quantile = na_null(q$quantile), lower = na_null(q$lower), upper = na_null(q$upper)),
    rmean = num(tab[["rmean"]]), se_rmean = num(tab[["se(rmean)"]]),
    n_max = num(tab[["n.max"]]), n_start = num(tab[["n.start"]]), events = num(tab[["events"]]))
}

km_case <- function(name, formula_text, start, stop, event, group = NULL, tau) {
  n <- length(start)
  rowid <- seq_len(n)
  if (is.null(group)) {
    fit <- survfit(Surv(start, stop, event) ~ 1)
    fit_id <- survfit(Surv(start, stop, event) ~ 1, id = rowid, robust = TRUE)
    curves <- list(km_curve_of(fit, fit_id, 1, "all", start, stop, event, tau))
    levels_g <- NULL; codes <- NULL
  } else {
    gf <- droplevels(as.factor(group))
    levels_g <- levels(gf)
    fit <- survfit(Surv(start, stop, event) ~ gf)
    fit_id <- survfit(Surv(start, stop, event) ~ gf, id = rowid, robust = TRUE)
    stopifnot(length(fit$strata) == length(levels_g))
    curves <- lapply(seq_along(levels_g), function(g) {
      k <- as.integer(gf) == g
      km_curve_of(fit, fit_id, g, levels_g[g], start[k], stop[k], event[k], tau)
    })
    codes <- ivec(as.integer(gf) - 1L)
  }
  list(name = name, formula = formula_text, start = vec(start), stop = vec(stop), event = ivec(event),
       group = codes, levels = levels_g, tau = num(tau), curves = curves)
}

write_json_fixture(list(dataset = "heart", source = "survival::heart (jasa1 form)", cases = list(
  km_case("heart ~ 1", "Surv(start, stop, event) ~ 1", heart_df$start, heart_df$stop, heart_df$event,
          tau = 1000),
  km_case("heart ~ transplant", "Surv(start, stop, event) ~ transplant", heart_df$start, heart_df$stop,
          heart_df$event, heart_df$transplant, tau = 1000))), "cp_km_heart")

write_json_fixture(list(dataset = "synthetic", source = "built by hand in make_counting_fixtures.R",
  cases = list(
    km_case("synthetic ~ 1", "Surv(start, stop, event) ~ 1", synthetic$start, synthetic$stop,
            synthetic$event, tau = 20),
    km_case("synthetic ~ group", "Surv(start, stop, event) ~ group", synthetic$start, synthetic$stop,
            synthetic$event, synthetic$group, tau = 20))), "cp_km_synthetic")

write_json_fixture(list(dataset = "cgd", source = "survival::cgd", cases = list(
  km_case("cgd ~ 1", "Surv(tstart, tstop, status) ~ 1", cgd_df$tstart, cgd_df$tstop, cgd_df$status,
          tau = 365),
  km_case("cgd ~ treat", "Surv(tstart, tstop, status) ~ treat", cgd_df$tstart, cgd_df$tstop,
          cgd_df$status, cgd_df$treat, tau = 365))), "cp_km_cgd")

# =========================================================================================================
# 2. The log-rank test with delayed entry
# =========================================================================================================

logrank_cp <- function(start, stop, event, group, strata = NULL) {
  gf <- droplevels(as.factor(group))
  ng <- nlevels(gf)
  gi <- as.integer(gf)
  sf <- if (is.null(strata)) factor(rep(1L, length(start))) else droplevels(as.factor(strata))
  si <- as.integer(sf)
  O <- numeric(ng); E <- numeric(ng); V <- matrix(0, ng, ng)
  detail <- list()
  for (s in seq_len(nlevels(sf))) {
    ins <- si == s
    times <- sort(unique(stop[ins & event == 1]))
    nr <- matrix(0, length(times), ng); ne <- matrix(0, length(times), ng)
    for (j in seq_along(times)) {
      t <- times[j]
      atrisk <- ins & start < t & stop >= t
      nk <- tabulate(gi[atrisk], ng)
      dk <- tabulate(gi[atrisk & stop == t & event == 1], ng)
      n <- sum(nk); d <- sum(dk)
      O <- O + dk
      E <- E + d * nk / n
      if (n > 1) V <- V + d * (n - d) / (n - 1) * (diag(nk / n, ng) - outer(nk, nk) / n^2)
      nr[j, ] <- nk; ne[j, ] <- dk
    }
    detail[[s]] <- list(stratum = s - 1L, time = vec(times),
                        n_risk = lapply(seq_len(ng), function(g) vec(nr[, g])),
                        n_event = lapply(seq_len(ng), function(g) vec(ne[, g])))
  }
  keep <- E > 0
  df <- sum(keep) - 1
  chisq <- if (df < 1) 0 else {
    u <- (O - E)[keep][-1]
    vv <- V[keep, keep, drop = FALSE][-1, -1, drop = FALSE]
    sum(solve(vv, u) * u)
  }
  list(levels = levels(gf), codes = gi - 1L, strata_levels = if (is.null(strata)) NULL else levels(sf),
       strata_codes = if (is.null(strata)) NULL else si - 1L,
       observed = O, expected = E, var = V, chisq = chisq, df = df,
       p = pchisq(chisq, df, lower.tail = FALSE), detail = detail)
}

# Check: with every start = 0 it is survdiff.
check_against_survdiff <- function(time, status, group, strata = NULL) {
  keep <- !is.na(time) & !is.na(status) & !is.na(group)
  if (!is.null(strata)) keep <- keep & !is.na(strata)
  time <- time[keep]; status <- status[keep]; group <- droplevels(as.factor(group[keep]))
  if (!is.null(strata)) strata <- strata[keep]
  mine <- logrank_cp(rep(0, length(time)), time, status, group, strata)
  sd <- if (is.null(strata)) survdiff(Surv(time, status) ~ group)
        else survdiff(Surv(time, status) ~ group + strata(strata))
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  ex <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  stopifnot(abs(mine$chisq - sd$chisq) < 1e-10, max(abs(mine$observed - obs)) < 1e-10,
            max(abs(mine$expected - ex)) < 1e-10, max(abs(mine$var - sd$var)) < 1e-10)
  invisible(TRUE)
}
lung_df <- survival::lung
check_against_survdiff(lung_df$time, lung_df$status - 1, lung_df$sex)
check_against_survdiff(lung_df$time, lung_df$status - 1, lung_df$ph.ecog)
check_against_survdiff(veteran$time, veteran$status, veteran$celltype, veteran$trt)
check_against_survdiff(ovarian$futime, ovarian$fustat, ovarian$rx)
check_against_survdiff(synthetic$stop, synthetic$event, synthetic$group)
check_against_survdiff(heart_df$stop, heart_df$event, heart_df$transplant)

coxph_scores <- function(start, stop, event, gf, strata) {
  d <- data.frame(start = start, stop = stop, event = event, g = gf)
  if (!is.null(strata)) d$s <- strata
  f <- if (is.null(strata)) Surv(start, stop, event) ~ g else Surv(start, stop, event) ~ g + strata(s)
  out <- list()
  for (ties in c("breslow", "efron", "exact")) {
    fit <- coxph(f, data = d, ties = ties)
    out[[ties]] <- test_list(fit$score, length(coef(fit)))
  }
  out
}

logrank_case <- function(name, formula_text, start, stop, event, group, strata = NULL) {
  lr <- logrank_cp(start, stop, event, group, strata)
  gf <- droplevels(as.factor(group))
  sc <- coxph_scores(start, stop, event, gf, strata)
  stopifnot(sc$breslow$df == lr$df)
  # the discrete (exact) partial likelihood score test is the log-rank test, ties or not
  stopifnot(abs(sc$exact$statistic - lr$chisq) < 1e-8 * max(1, lr$chisq))
  sc$breslow_equals_logrank <- abs(sc$breslow$statistic - lr$chisq) < 1e-8 * max(1, lr$chisq)
  sc$efron_equals_logrank <- abs(sc$efron$statistic - lr$chisq) < 1e-8 * max(1, lr$chisq)
  tied <- any(unlist(lapply(lr$detail, function(dd)
    Reduce(`+`, lapply(dd$n_event, unclass)) > 1)))
  # Breslow = log-rank exactly when no event time has tied events
  stopifnot(sc$breslow_equals_logrank == !tied, tied || sc$efron_equals_logrank)
  cat(sprintf("%s: log-rank %.10g, Breslow score %.10g, Efron %.10g, exact %.10g, tied events: %s\n",
              name, lr$chisq, sc$breslow$statistic, sc$efron$statistic, sc$exact$statistic, tied))
  list(name = name, formula = formula_text, start = vec(start), stop = vec(stop), event = ivec(event),
       group = ivec(lr$codes), levels = lr$levels,
       strata = if (is.null(strata)) NULL else ivec(lr$strata_codes), strata_levels = lr$strata_levels,
       tied_events = tied,
       observed = vec(lr$observed), expected = vec(lr$expected),
       o_minus_e = vec(lr$observed - lr$expected), var = matv(lr$var),
       chisq = num(lr$chisq), df = num(lr$df), p = num(lr$p), detail = lr$detail, coxph_score = sc)
}

# No ties: Breslow score = log-rank (checked inside logrank_case on a tie-free version of the synthetic
# set: every event time moved apart by a distinct small amount). Not written to a file.
syn_untied <- synthetic
syn_untied$stop <- syn_untied$stop + ifelse(syn_untied$event == 1, seq_len(nrow(syn_untied)) / 100, 0)
invisible(logrank_case("synthetic, events untied (check only)", "", syn_untied$start, syn_untied$stop,
                       syn_untied$event, syn_untied$group))

write_json_fixture(list(dataset = "heart", source = "survival::heart (jasa1 form)", cases = list(
  logrank_case("heart ~ transplant", "Surv(start, stop, event) ~ transplant", heart_df$start,
               heart_df$stop, heart_df$event, heart_df$transplant))), "cp_logrank_heart")

write_json_fixture(list(dataset = "synthetic", source = "built by hand in make_counting_fixtures.R",
  cases = list(
    logrank_case("synthetic ~ group", "Surv(start, stop, event) ~ group", synthetic$start, synthetic$stop,
                 synthetic$event, synthetic$group))), "cp_logrank_synthetic")

write_json_fixture(list(dataset = "cgd", source = "survival::cgd", cases = list(
  logrank_case("cgd ~ treat", "Surv(tstart, tstop, status) ~ treat", cgd_df$tstart, cgd_df$tstop,
               cgd_df$status, cgd_df$treat),
  logrank_case("cgd ~ treat + strata(hos.cat)", "Surv(tstart, tstop, status) ~ treat + strata(hos.cat)",
               cgd_df$tstart, cgd_df$tstop, cgd_df$status, cgd_df$treat, cgd_df$hos.cat))),
  "cp_logrank_cgd")

# =========================================================================================================
# 3. Cox on (start, stop] rows (the logic of make_cox_fixtures.R's make_case, plus `start`)
# =========================================================================================================

make_cox_case <- function(name, formula, data, ties = "efron", weights = NULL, robust = NULL,
                          factor_levels = NULL, iter_max = 20) {
  warns <- character(0)
  data$.w <- if (is.null(weights)) rep(1, nrow(data)) else weights
  fit <- withCallingHandlers(
    if (is.null(robust)) {
      if (is.null(weights)) coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE,
                                  control = coxph.control(iter.max = iter_max))
      else coxph(formula, data = data, ties = ties, weights = .w, x = TRUE, y = TRUE, model = TRUE,
                 control = coxph.control(iter.max = iter_max))
    } else {
      if (is.null(weights)) coxph(formula, data = data, ties = ties, robust = robust, x = TRUE, y = TRUE,
                                  model = TRUE, control = coxph.control(iter.max = iter_max))
      else coxph(formula, data = data, ties = ties, weights = .w, robust = robust, x = TRUE, y = TRUE,
                 model = TRUE, control = coxph.control(iter.max = iter_max))
    },
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })

  mf <- fit$model
  X <- fit$x
  Y <- fit$y
  stopifnot(ncol(Y) == 3, attr(Y, "type") == "counting")
  cluster <- NULL
  if ("(cluster)" %in% names(mf)) {
    cluster <- as.integer(factor(mf[["(cluster)"]])) - 1L
  }
  if (length(grep("cluster\\(", deparse(formula)))) stopifnot(!is.null(cluster))
  strata <- NULL; strata_levels <- NULL
  if (length(grep("strata\\(", deparse(formula)))) {
    sv <- mf[[grep("^strata\\(", names(mf))]]
    strata <- as.integer(sv) - 1L
    strata_levels <- levels(sv)
  }
  w <- if (is.null(weights)) NULL else num(model.weights(mf))

  is_robust <- !is.null(fit$naive.var)
  zph <- tryCatch({
    z <- cox.zph(fit, transform = "km", terms = FALSE)$table
    list(rows = rownames(z), chisq = num(z[, "chisq"]), df = num(z[, "df"]), p = num(z[, "p"]))
  }, error = function(e) NULL)
  cc <- concordance(fit)
  nvar <- length(fit$coefficients)

  case <- list(
    name = name, formula = paste(deparse(formula), collapse = " "), ties = ties,
    columns = colnames(X), factor_levels = factor_levels,
    x = lapply(seq_len(ncol(X)), function(j) num(X[, j])),
    start = num(Y[, 1]), time = num(Y[, 2]), status = as.integer(Y[, 3]),
    strata = strata, strata_levels = strata_levels, weights = w, cluster = cluster,
    robust = is_robust, iter_max = iter_max,
    coef = num(fit$coefficients), var = mat(fit$var),
    naive_var = mat(if (is_robust) fit$naive.var else fit$var),
    loglik = num(fit$loglik), score = num(fit$score), wald = num(fit$wald.test),
    lr = num(-2 * (fit$loglik[1] - fit$loglik[2])),
    rscore = if (is.null(fit$rscore)) NULL else num(fit$rscore),
    tests = list(
      likelihood_ratio = test_list(-2 * (fit$loglik[1] - fit$loglik[2]), nvar),
      wald = test_list(fit$wald.test, nvar),
      score = test_list(fit$score, nvar),
      robust_score = if (is.null(fit$rscore)) NULL else test_list(fit$rscore, nvar)),
    iter = as.integer(fit$iter), n = as.integer(fit$n), nevent = as.integer(fit$nevent),
    means = num(fit$means),
    concordance = as.list(setNames(num(fit$concordance),
      c("concordant", "discordant", "tied_x", "tied_y", "tied_xy", "concordance", "std"))),
    concordance_call = list(concordance = num(cc$concordance), std = num(sqrt(cc$var))),
    zph = zph, warnings = warns)
  path <- file.path(out_dir, paste0("cp_cox_", name, ".json"))
  writeLines(toJSON(case, digits = NA, na = "null", auto_unbox = TRUE, null = "null", pretty = FALSE),
             path)
  cat("wrote", path, " iter =", fit$iter, " robust =", is_robust, " warnings:", warns, "\n")
  invisible(fit)
}

heart_levels <- list(transplant = levels(heart_df$transplant))
heart_fit <- make_cox_case("heart_efron", Surv(start, stop, event) ~ age + year + surgery + transplant,
                           heart_df, factor_levels = heart_levels)
make_cox_case("heart_breslow", Surv(start, stop, event) ~ age + year + surgery + transplant, heart_df,
              ties = "breslow", factor_levels = heart_levels)
make_cox_case("heart_cluster", Surv(start, stop, event) ~ age + year + surgery + transplant + cluster(id),
              heart_df, factor_levels = heart_levels)
# Non-integer case weights (fixed seed) with cluster(id): the robust variance by subject.
set.seed(20240613)
heart_w <- round(runif(nrow(heart_df), 0.5, 2.5), 3)
stopifnot(all(heart_w > 0), any(heart_w != floor(heart_w)))
make_cox_case("heart_weights",
              Surv(start, stop, event) ~ age + year + surgery + transplant + cluster(id), heart_df,
              weights = heart_w, factor_levels = heart_levels)

cgd_levels <- list(treat = levels(cgd_df$treat), sex = levels(cgd_df$sex), inherit = levels(cgd_df$inherit))
make_cox_case("cgd", Surv(tstart, tstop, status) ~ treat + sex + age + inherit + steroids + cluster(id),
              cgd_df, factor_levels = cgd_levels)
make_cox_case("cgd_strata",
              Surv(tstart, tstop, status) ~ treat + sex + age + inherit + steroids + strata(hos.cat) +
                cluster(id), cgd_df, factor_levels = cgd_levels)

# bladder2: Andersen-Gill, and the PWP total-time model (strata by event number). The PWP gap-time form
# Surv(stop - start, event) is not counting-process data and is left out.
make_cox_case("bladder2_ag", Surv(start, stop, event) ~ rx + number + size + cluster(id), bladder_df)
make_cox_case("bladder2_pwp_total",
              Surv(start, stop, event) ~ rx + number + size + strata(enum) + cluster(id), bladder_df)

# ---- the heart Efron fit's curves for covariate profiles (make_cox_predict_fixtures.R's layout) ---------
local({
  fit <- heart_fit
  x <- model.matrix(fit)
  newdata <- data.frame(age = c(0, -10), year = c(2, 4), surgery = c(0, 1),
                        transplant = factor(c("0", "1"), levels = levels(heart_df$transplant)))
  times <- c(30, 100, 365); tau <- 1000
  curves <- list(); profiles <- list()
  for (i in seq_len(nrow(newdata))) {
    nd <- newdata[i, , drop = FALSE]
    sf <- survfit(fit, newdata = nd)
    stopifnot(all(sapply(sf$time, function(t) sum(heart_df$start < t & heart_df$stop >= t)) == sf$n.risk))
    tab <- summary(sf, rmean = tau)$table
    sm <- summary(sf, times = times)
    tt <- delete.response(terms(fit))
    x2 <- model.matrix(tt, nd)[, colnames(x), drop = FALSE]
    profiles[[i]] <- list(x = num(x2[1, ]), stratum = NULL,
                          values = lapply(as.list(nd), function(v) if (is.factor(v)) as.character(v) else v))
    curves[[i]] <- list(
      time = num(sf$time), n = num(sf$n), n.risk = num(sf$n.risk), n.event = num(sf$n.event),
      surv = num(sf$surv), cumhaz = num(sf$cumhaz), std.err = num(sf$std.err),
      lower = num(sf$lower), upper = num(sf$upper),
      at_times = list(time = num(sm$time), surv = num(sm$surv), std.err = num(sm$std.err),
                      lower = num(sm$lower), upper = num(sm$upper)),
      median = na_null(tab[["median"]]), median_lower = na_null(tab[["0.95LCL"]]),
      median_upper = na_null(tab[["0.95UCL"]]),
      rmean = num(tab[["rmean"]]), se_rmean = num(tab[["se(rmean)"]]),
      lp = num(predict(fit, newdata = nd, type = "lp")))
  }
  out <- list(
    name = "heart", formula = deparse(formula(fit)), ties = "efron", columns = colnames(x),
    x = unname(lapply(seq_len(ncol(x)), function(j) num(x[, j]))),
    start = num(fit$y[, 1]), time = num(fit$y[, 2]), status = num(fit$y[, 3]),
    strata = NULL, strata_levels = NULL,
    coef = num(coef(fit)), var = unname(lapply(seq_len(nrow(fit$var)), function(i) num(fit$var[i, ]))),
    times = num(times), tau = num(tau), profiles = profiles, curves = curves)
  write_json_fixture(out, "cp_cox_predict_heart")
})

# =========================================================================================================
# 4. Parametric AFT with left truncation
# =========================================================================================================

# log f0, log S0 of the standard error distribution of log T and their first two derivatives in z.
dist_fun <- function(dist) switch(dist,
  weibull = , exponential = list(
    lf = function(z) z - exp(z), d1f = function(z) 1 - exp(z), d2f = function(z) -exp(z),
    lS = function(z) -exp(z), d1S = function(z) -exp(z), d2S = function(z) -exp(z)),
  lognormal = list(
    lf = function(z) dnorm(z, log = TRUE), d1f = function(z) -z, d2f = function(z) rep(-1, length(z)),
    lS = function(z) pnorm(z, lower.tail = FALSE, log.p = TRUE),
    d1S = function(z) -exp(dnorm(z, log = TRUE) - pnorm(z, lower.tail = FALSE, log.p = TRUE)),
    d2S = function(z) {
      h <- exp(dnorm(z, log = TRUE) - pnorm(z, lower.tail = FALSE, log.p = TRUE))
      h * (z - h)
    }),
  loglogistic = list(
    lf = function(z) dlogis(z, log = TRUE), d1f = function(z) 1 - 2 * plogis(z),
    d2f = function(z) -2 * plogis(z) * plogis(z, lower.tail = FALSE),
    lS = function(z) plogis(z, lower.tail = FALSE, log.p = TRUE), d1S = function(z) -plogis(z),
    d2S = function(z) -plogis(z) * plogis(z, lower.tail = FALSE)),
  stop("unknown distribution ", dist))

# The truncated log-likelihood, its gradient and its Hessian in (beta, log sigma).
aft_trunc <- function(X, start, stop, event, dist) {
  d <- dist_fun(dist)
  p <- ncol(X)
  has_scale <- dist != "exponential"
  tr <- start > 0
  logt <- log(stop)
  logs0 <- log(start[tr])
  Xtr <- X[tr, , drop = FALSE]
  unpack <- function(par) {
    theta <- if (has_scale) par[p + 1] else 0
    list(beta = par[1:p], theta = theta, sigma = exp(theta))
  }
  loglik <- function(par) {
    u <- unpack(par)
    eta <- drop(X %*% u$beta)
    z <- (logt - eta) / u$sigma
    z0 <- (logs0 - eta[tr]) / u$sigma
    sum(event * (d$lf(z) - u$theta - logt) + (1 - event) * d$lS(z)) - sum(d$lS(z0))
  }
  # terms: a = d(term)/dz, b = d2(term)/dz2 for the row terms (z) and the truncation terms (z0, sign -)
  parts <- function(par) {
    u <- unpack(par)
    eta <- drop(X %*% u$beta)
    z <- (logt - eta) / u$sigma
    z0 <- (logs0 - eta[tr]) / u$sigma
    list(u = u, z = z, z0 = z0,
         a = event * d$d1f(z) + (1 - event) * d$d1S(z), b = event * d$d2f(z) + (1 - event) * d$d2S(z),
         a0 = -d$d1S(z0), b0 = -d$d2S(z0))
  }
  gradient <- function(par) {
    q <- parts(par)
    s <- q$u$sigma
    g_beta <- -(colSums(X * q$a) + colSums(Xtr * q$a0)) / s
    if (!has_scale) return(num(g_beta))
    g_theta <- -sum(event) - sum(q$a * q$z) - sum(q$a0 * q$z0)
    num(c(g_beta, g_theta))
  }
  hessian <- function(par) {
    q <- parts(par)
    s <- q$u$sigma
    Hbb <- (crossprod(X, X * q$b) + crossprod(Xtr, Xtr * q$b0)) / s^2
    if (!has_scale) return(unname(Hbb))
    Hbt <- (colSums(X * (q$b * q$z + q$a)) + colSums(Xtr * (q$b0 * q$z0 + q$a0))) / s
    Htt <- sum(q$b * q$z^2 + q$a * q$z) + sum(q$b0 * q$z0^2 + q$a0 * q$z0)
    unname(rbind(cbind(Hbb, Hbt), c(Hbt, Htt)))
  }
  list(loglik = loglik, gradient = gradient, hessian = hessian, has_scale = has_scale)
}

survreg_dist <- function(dist) dist

# Maximises the truncated likelihood from `init`; BFGS then Newton polish with optimHess.
aft_fit <- function(X, start, stop, event, dist, init) {
  m <- aft_trunc(X, start, stop, event, dist)
  fn <- function(par) -m$loglik(par)
  gr <- function(par) -m$gradient(par)
  opt <- optim(init, fn, gr, method = "BFGS", control = list(reltol = 1e-14, maxit = 10000))
  par <- opt$par
  steps <- 0L
  while (max(abs(gr(par))) >= 1e-10 && steps < 10L) {
    H <- optimHess(par, fn, gr)
    par <- par - solve(H, gr(par))
    steps <- steps + 1L
  }
  H_num <- optimHess(par, fn, gr, control = list(ndeps = rep(1e-5, length(par))))
  H <- -m$hessian(par)
  stopifnot(max(abs(H - H_num) / pmax(1, abs(H))) < 1e-5)
  names(par) <- NULL
  V <- solve(H)
  list(par = par, loglik = m$loglik(par), var = (V + t(V)) / 2, max_abs_gradient = max(abs(gr(par))),
       counts = num(opt$counts), convergence = opt$convergence, newton_steps = steps,
       has_scale = m$has_scale)
}

# Check: with every start = 0 the code reproduces survreg (loglik, coefficients, log scale) to 1e-8.
check_against_survreg <- function(formula_rhs, data, time, event, dist) {
  d <- data
  d$.time <- time; d$.event <- event
  f <- as.formula(paste("Surv(.time, .event) ~", formula_rhs))
  sr <- survreg(f, data = d, dist = survreg_dist(dist),
                control = survreg.control(rel.tolerance = 1e-13, iter.max = 200))
  X <- model.matrix(sr)
  par_sr <- c(coef(sr), if (dist != "exponential") log(sr$scale))
  m <- aft_trunc(X, rep(0, length(time)), time, event, dist)
  stopifnot(abs(m$loglik(par_sr) - sr$loglik[2]) < 1e-10 * max(1, abs(sr$loglik[2])))
  init <- par_sr * 0.9 + 0.05
  fit <- aft_fit(X, rep(0, length(time)), time, event, dist, init)
  stopifnot(abs(fit$loglik - sr$loglik[2]) < 1e-8 * max(1, abs(sr$loglik[2])),
            rel_diff(fit$par, par_sr) < 1e-8,
            max(abs(fit$var - unname(sr$var)) / pmax(1e-3, abs(unname(sr$var)))) < 1e-5)
  invisible(TRUE)
}

all4 <- c("weibull", "lognormal", "loglogistic", "exponential")
lung_cc <- na.omit(lung_df[, c("time", "status", "age", "sex", "ph.ecog")])
for (dist in all4) {
  check_against_survreg("age + surgery + transplant", heart_df, heart_df$stop, heart_df$event, dist)
  check_against_survreg("treat + age", cgd_df, cgd_df$tstop, cgd_df$status, dist)
  check_against_survreg("group + x", synthetic, synthetic$stop, synthetic$event, dist)
  check_against_survreg("age + sex + ph.ecog", lung_cc, lung_cc$time, lung_cc$status - 1, dist)
}

aft_case <- function(name, rhs, data, start, stop, event, dist) {
  stopifnot(all(stop > start), all(start >= 0))
  d <- data
  d$.time <- stop; d$.event <- event
  f <- as.formula(paste("Surv(.time, .event) ~", rhs))
  sr <- survreg(f, data = d, dist = dist, control = survreg.control(rel.tolerance = 1e-13, iter.max = 200))
  X <- model.matrix(sr)
  init <- c(coef(sr), if (dist != "exponential") log(sr$scale))
  fit <- aft_fit(X, start, stop, event, dist, num(init))
  stopifnot(fit$max_abs_gradient < 1e-6, fit$convergence == 0)
  p <- ncol(X)
  cat(sprintf("%s: loglik %.12g (untruncated %.12g), max|grad| %.2e, optim counts %s, newton %d\n", name,
              fit$loglik, sr$loglik[2], fit$max_abs_gradient, paste(fit$counts, collapse = "/"),
              fit$newton_steps))
  list(
    name = name, formula = paste("Surv(start, stop, event) ~", rhs), distribution = dist,
    columns = colnames(X), x = lapply(seq_len(ncol(X)), function(j) vec(X[, j])),
    start = vec(start), time = vec(stop), status = ivec(event), n = length(stop), nevent = sum(event),
    coef = vec(fit$par[1:p]),
    log_scale = if (fit$has_scale) num(fit$par[p + 1]) else NULL,
    scale = if (fit$has_scale) num(exp(fit$par[p + 1])) else 1,
    loglik = num(fit$loglik), var = matv(fit$var),
    iterations = list(optim_function = fit$counts[1], optim_gradient = fit$counts[2],
                      optim_convergence = fit$convergence, newton_steps = fit$newton_steps),
    max_abs_gradient = num(fit$max_abs_gradient),
    untruncated = list(coef = vec(coef(sr)),
                       log_scale = if (fit$has_scale) num(log(sr$scale)) else NULL,
                       loglik = num(sr$loglik[2])))
}

write_json_fixture(list(dataset = "heart", source = "survival::heart (jasa1 form)",
  cases = lapply(all4, function(dist)
    aft_case(paste("heart", dist), "age + surgery + transplant", heart_df, heart_df$start, heart_df$stop,
             heart_df$event, dist))), "cp_aft_heart")

write_json_fixture(list(dataset = "cgd", source = "survival::cgd", cases = list(
  aft_case("cgd weibull", "treat + age", cgd_df, cgd_df$tstart, cgd_df$tstop, cgd_df$status, "weibull"))),
  "cp_aft_cgd")

write_json_fixture(list(dataset = "synthetic", source = "built by hand in make_counting_fixtures.R",
  cases = lapply(all4, function(dist)
    aft_case(paste("synthetic", dist), "group + x", synthetic, synthetic$start, synthetic$stop,
             synthetic$event, dist))), "cp_aft_synthetic")
