# make_bands_fixtures.R -- reference values for `relief curves --bands hall-wellner|equal-precision`:
# simultaneous confidence bands for Kaplan-Meier curves (Klein & Moeschberger, Survival Analysis, 2nd
# ed., section 4.4) and their critical values.
#
# CI NEVER RUNS THIS SCRIPT. Its output (bands.json next to it) is committed, and the Swift tests read it
# through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite r-cran-km.ci r-cran-statmod
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_bands_fixtures.R
# Produced with R 4.2.2, survival 3.5-3, km.ci 0.5-6, statmod (jsonlite 1.8.4). Deterministic. Takes a
# few minutes (the Hall-Wellner probabilities are double integrals by integrate()).
#
# Critical values, computed here by R code written for this script:
# - Hall-Wellner k(aL, aU): P(sup_{aL<=x<=aU} |W0(x)| <= k) = level for a Brownian bridge W0. Given
#   W0(aL) = y and W0(aU) = z, the path between is a Brownian bridge; its chance to stay in (-k, k) is the
#   image series; that is integrated against the normal densities of z | y and y with integrate()
#   (rel.tol 1e-12 inside, 1e-11 outside), and uniroot (tol 1e-13) solves for k.
# - Equal precision c(aL, aU): P(sup |W0(x)| / sqrt(x(1-x)) <= c) = level: the stationary
#   Ornstein-Uhlenbeck process over T = log(aU(1-aL)/(aL(1-aU)))/2 stays in (-c, c); the generator
#   d2 + 1/2 - u^2/4 (after p = exp(u^2/4) g) in the odd sine modes of (-c, c), its eigen(), and the
#   initial coefficients by 800-point Gauss-Legendre (statmod::gauss.quad). (The Swift code uses the same
#   method with closed-form matrix elements; this R code is an independent implementation of it.)
# - miller_siegmund: the Miller-Siegmund approximation 1 - 4 phi(c)/c - phi(c)(c - 1/c) 2T, which is what
#   K&M's table C.4 (and km.ci's critical.value.nair.* tables) hold.
# - table: km.ci's copies of K&M's tables C.3 (critical.value.hall.*) and C.4 (critical.value.nair.*)
#   at grid points (4 decimals).
#
# ---- bands.json -------------------------------------------------------------------------------------
# {critical_values: [{method, level, a_lower, a_upper, exact, miller_siegmund (EP; else null),
#                     table (null off the grid)}],
#  cases: [case]}; a case is one Kaplan-Meier curve survfit(Surv(time, event) ~ 1) of one group:
#   name, method ("hall-wellner" | "equal-precision"), conf_type ("plain" | "log" | "log-log" | "arcsin"), level
#   time, event            the group's rows
#   from, to               the band's time range (null = the default: first event time to the last event
#                          time with n.risk > n.event, km.ci's default)
#   fit_time               survfit's times (every distinct time)
#   row_start, row_end     1-based rows of fit_time that carry the band (last time <= from .. last <= to)
#   a_lower, a_upper       n sigma^2 / (1 + n sigma^2) at those rows, sigma^2 = cumsum(d / (n (n - d)))
#   critical_value         the exact critical value (as above)
#   lower, upper           the band at rows row_start..row_end, by K&M's formulas with half-width
#                          h = k (1 + n sigma^2) / sqrt(n) (HW) or c sigma (EP) on the log S scale:
#                          plain S -+ h S clipped to [0, 1]; log S exp(-+h) (upper capped at 1);
#                          log-log S^exp(-+h / log S); arcsin sin^2(asin(sqrt S) -+ h/2 sqrt(S/(1-S))), the
#                          angle kept in [0, pi/2] (K&M 4.4's arcsine-square-root band)
#   kmci                   null, or km.ci(fit, method = "hall-wellner" | "loghall" | "epband" | "logep")
#                          (plain and log-log only): {critical_value (its table interpolation, recovered
#                          from its first lower limit in (0, S)), lower, upper (clipped to [0, 1] as ours)}
# Data: data/ketamine_trial.csv by dose_group; R's aml (survival::aml) by x; R's lung by sex
# (status 2 = event) with a stated range.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
  library(km.ci)
})
stopifnot(packageVersion("survival") == "3.5.3")
out_dir <- "Tests/StatModelsTests/Reference"

strip <- function(y, z, tau, k) {
  w <- 2 * k
  s <- 0
  for (j in -8:8) s <- s + exp(-2 * j * w * (j * w + z - y) / tau) - exp(-2 * (j * w + k - y) * (j * w + k - z) / tau)
  ifelse(abs(y) < k & abs(z) < k, pmin(1, pmax(0, s)), 0)
}
hw_prob <- function(k, aL, aU) {
  tau <- aU - aL
  shrink <- (1 - aU) / (1 - aL)
  v <- tau * shrink
  inner <- function(y) sapply(y, function(yy) integrate(function(z) dnorm(z, yy * shrink, sqrt(v)) * strip(yy, z, tau, k),
                                                        -k, k, rel.tol = 1e-12, subdivisions = 1000L)$value)
  if (aL == 0) return(inner(0))
  integrate(function(y) dnorm(y, 0, sqrt(aL * (1 - aL))) * inner(y), -k, k, rel.tol = 1e-11, subdivisions = 1000L)$value
}
hw_crit <- function(aL, aU, level) uniroot(function(k) hw_prob(k, aL, aU) - level, c(0.2, 4), tol = 1e-13)$root

gl <- statmod::gauss.quad(800, "legendre")
ep_prob <- function(cc, aL, aU) {
  T <- 0.5 * log(aU * (1 - aL) / (aL * (1 - aU)))
  n <- seq(1, 401, by = 2)
  u <- cc * gl$nodes
  wt <- cc * gl$weights
  E <- sapply(n, function(m) sin(m * pi * (u + cc) / (2 * cc)) / sqrt(cc))
  H <- t(E) %*% (E * (wt * (0.5 - u^2 / 4))) - diag((n * pi / (2 * cc))^2)
  h <- t(E) %*% (wt * exp(-u^2 / 4))
  e <- eigen(H, symmetric = TRUE)
  q <- t(e$vectors) %*% h
  sum(exp(T * e$values) * q^2) / sqrt(2 * pi)
}
ep_crit <- function(aL, aU, level) uniroot(function(cc) ep_prob(cc, aL, aU) - level, c(1, 6), tol = 1e-13)$root
ms_crit <- function(aL, aU, level) {
  T <- 0.5 * log(aU * (1 - aL) / (aL * (1 - aU)))
  uniroot(function(cc) 1 - 4 * dnorm(cc) / cc - dnorm(cc) * (cc - 1 / cc) * 2 * T - level, c(1.5, 6), tol = 1e-13)$root
}
table_value <- function(method, level, aL, aU) {
  name <- sprintf("critical.value.%s.%d", if (method == "hall-wellner") "hall" else "nair", round(100 * level))
  if (!exists(name, envir = asNamespace("km.ci"))) return(NULL)
  tab <- get(name, envir = asNamespace("km.ci"))
  col <- sprintf("al%02d", round(100 * aL))
  row <- round((aU - 0.10) / 0.02) + 1
  if (!(col %in% colnames(tab)) || row < 1 || row > nrow(tab)) return(NULL)
  tab[row, col]
}

grid <- list(
  list("hall-wellner", 0.95, 0, 0.10), list("hall-wellner", 0.95, 0, 0.50), list("hall-wellner", 0.95, 0.10, 0.50),
  list("hall-wellner", 0.95, 0.20, 0.90), list("hall-wellner", 0.95, 0, 0.98), list("hall-wellner", 0.90, 0.04, 0.60),
  list("hall-wellner", 0.99, 0.30, 0.70),
  list("equal-precision", 0.95, 0.02, 0.10), list("equal-precision", 0.95, 0.10, 0.50),
  list("equal-precision", 0.95, 0.20, 0.90), list("equal-precision", 0.95, 0.02, 0.98),
  list("equal-precision", 0.95, 0.40, 0.60), list("equal-precision", 0.90, 0.04, 0.60),
  list("equal-precision", 0.99, 0.30, 0.70))
critical_values <- lapply(grid, function(g) {
  method <- g[[1]]; level <- g[[2]]; aL <- g[[3]]; aU <- g[[4]]
  hw <- method == "hall-wellner"
  list(method = method, level = level, a_lower = aL, a_upper = aU,
       exact = if (hw) hw_crit(aL, aU, level) else ep_crit(aL, aU, level),
       miller_siegmund = if (hw) NULL else ms_crit(aL, aU, level),
       table = table_value(method, level, aL, aU))
})

limits <- function(s, h, conf_type) {
  if (conf_type == "plain") return(list(lower = pmax(s - h * s, 0), upper = pmin(s + h * s, 1)))
  if (conf_type == "log") return(list(lower = s * exp(-h), upper = pmin(s * exp(h), 1)))
  if (conf_type == "arcsin") {  # K&M 4.4's arcsine-square-root band
    half <- 0.5 * h * sqrt(s / (1 - s))
    return(list(lower = sin(pmax(0, asin(sqrt(s)) - half))^2, upper = sin(pmin(pi / 2, asin(sqrt(s)) + half))^2))
  }
  theta <- exp(h / log(s))
  list(lower = s^(1 / theta), upper = s^theta)
}

one_case <- function(name, time, event, method, conf_type, from = NULL, to = NULL, level = 0.95) {
  fit <- survfit(Surv(time, event) ~ 1, conf.type = "none")
  n <- fit$n
  sigma2 <- cumsum(fit$n.event / (fit$n.risk * (fit$n.risk - fit$n.event)))
  tl <- if (is.null(from)) min(fit$time[fit$n.event > 0]) else from
  tu <- if (is.null(to)) max(fit$time[fit$n.event > 0 & fit$n.risk > fit$n.event]) else to
  r0 <- max(which(fit$time <= tl))
  r1 <- max(which(fit$time <= tu))
  a <- n * sigma2 / (1 + n * sigma2)
  aL <- a[r0]; aU <- a[r1]
  crit <- if (method == "hall-wellner") hw_crit(aL, aU, level) else ep_crit(aL, aU, level)
  rows <- r0:r1
  h <- if (method == "hall-wellner") crit * (1 + n * sigma2[rows]) / sqrt(n) else crit * sqrt(sigma2[rows])
  band <- limits(fit$surv[rows], h, conf_type)
  kmci <- NULL
  if (conf_type %in% c("plain", "log-log") && level == 0.95) {
    kmethod <- c("hall-wellner" = "hall-wellner", "equal-precision" = "epband")[[method]]
    if (conf_type == "log-log") kmethod <- c("hall-wellner" = "loghall", "equal-precision" = "logep")[[method]]
    fit_ci <- survfit(Surv(time, event) ~ 1)
    k <- km.ci(fit_ci, conf.level = level, tl = if (is.null(from)) NA else tl, tu = if (is.null(to)) NA else tu, method = kmethod)
    stopifnot(isTRUE(all.equal(k$time, fit$time[rows])))
    i <- which(k$lower > 1e-300 & k$lower < fit$surv[rows])[1]  # a row whose limit shows the critical value
    s1 <- fit$surv[rows][i]; sg <- sigma2[rows][i]
    kcrit <- if (conf_type == "plain") (s1 - k$lower[i]) / s1 else log(log(k$lower[i]) / log(s1)) * log(s1) * -1
    kcrit <- if (method == "hall-wellner") kcrit * sqrt(n) / (1 + n * sg) else kcrit / sqrt(sg)
    kmci <- list(critical_value = kcrit, lower = pmin(1, pmax(0, k$lower)), upper = pmin(1, pmax(0, k$upper)))
  }
  list(name = name, method = method, conf_type = conf_type, level = level, time = time, event = as.integer(event),
       from = from, to = to, fit_time = fit$time, row_start = r0, row_end = r1, a_lower = aL, a_upper = aU,
       critical_value = crit, lower = band$lower, upper = band$upper, kmci = kmci)
}

trial <- read.csv("data/ketamine_trial.csv", stringsAsFactors = FALSE)
high <- trial[trial$dose_group == "high", ]
low <- trial[trial$dose_group == "low", ]
aml1 <- survival::aml[survival::aml$x == "Maintained", ]
aml2 <- survival::aml[survival::aml$x == "Nonmaintained", ]
lung1 <- survival::lung[survival::lung$sex == 1, ]
cases <- list(
  one_case("trial_high_hw_plain", high$relief_days, high$relief_ended, "hall-wellner", "plain"),
  one_case("trial_high_hw_loglog", high$relief_days, high$relief_ended, "hall-wellner", "log-log"),
  one_case("trial_low_hw_log", low$relief_days, low$relief_ended, "hall-wellner", "log"),
  one_case("trial_low_ep_loglog", low$relief_days, low$relief_ended, "equal-precision", "log-log"),
  one_case("trial_high_ep_plain", high$relief_days, high$relief_ended, "equal-precision", "plain"),
  one_case("aml_maintained_hw_plain", aml1$time, aml1$status, "hall-wellner", "plain"),
  one_case("aml_nonmaintained_ep_loglog", aml2$time, aml2$status, "equal-precision", "log-log"),
  one_case("lung_male_hw_loglog_range", lung1$time, lung1$status == 2, "hall-wellner", "log-log", from = 100, to = 600),
  one_case("lung_male_ep_plain_range", lung1$time, lung1$status == 2, "equal-precision", "plain", from = 100, to = 600),
  one_case("lung_male_ep_log_90", lung1$time, lung1$status == 2, "equal-precision", "log", from = 60, to = 700, level = 0.90),
  one_case("trial_high_hw_arcsin", high$relief_days, high$relief_ended, "hall-wellner", "arcsin"),
  one_case("lung_male_ep_arcsin_range", lung1$time, lung1$status == 2, "equal-precision", "arcsin", from = 100, to = 600))

writeLines(toJSON(list(critical_values = critical_values, cases = cases), auto_unbox = TRUE, digits = NA, null = "null", na = "null"),
           file.path(out_dir, "bands.json"))
