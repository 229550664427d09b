# make_aft_fixtures.R -- reference values from R's `survival::survreg` for the parametric AFT tests
# (Tests/StatModelsTests/AFT*.swift).
#
# CI NEVER RUNS THIS SCRIPT. Its outputs (the aft_*.json files next to it) are committed, and the Swift
# tests read them through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_aft_fixtures.R
# Produced with R 4.2 and survival 3.5-3.
#
# One JSON file per dataset, `aft_<dataset>.json`, holding a list of cases (one per distribution or
# variant). A case carries the INPUT the Swift engine sees and R's OUTPUT:
#   columns        names of the columns of R's model.matrix (intercept first)
#   x              the model matrix as a list of columns
#   time, status   follow-up time and event (1 = event, 0 = censored)
#   weights        case weights or null;  cluster  1-based cluster codes or null;  robust  TRUE/FALSE
#   coef           coefficients (beta);  log_scale, scale  (null log_scale for the exponential)
#   var            the model-based covariance of (beta, Log(scale)) (survreg's naive.var when robust)
#   robust_var     crossprod(rowsum(residuals(fit, "dfbeta"), cluster)) = fit$var when robust, else null
#   loglik         c(intercept-only, model) as fit$loglik;  icoef  the intercept-only (Intercept, Log(scale))
#   iter           fit$iter;  chisq, df  the likelihood-ratio test as print.survreg
#   aic, bic       -2 loglik + 2 df (or log(n) df), df = number of estimated parameters (stats::AIC, BIC)
#   profiles       a few rows of x (covariate profiles) and, for each profile:
#     quantile     predict(fit, newdata, type = "quantile", p = probs, se.fit = TRUE): fit and se.fit
#                  (se.fit uses fit$var: the ROBUST variance for robust fits, as R does)
#     survival     1 - psurvreg(times, lp, scale, distribution) at `times`
#     rmst         integrate(S, 0, tau) with rel.tol 1e-12 and its delta-method SE
#                  sqrt(g' V g), g = (integral of f0(z)/sigma dt * x, integral of f0(z) z dt), V = fit$var
#                  (the gradient integrals are evaluated by integrate() too; this is a check of the Swift
#                  quadrature, the formula is the same)
# Numbers are written with digits = NA (15 significant digits, a relative rounding of at most 5e-16).

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.0")
invisible(Sys.setlocale("LC_COLLATE", "C"))   # factor levels in byte order, as Relief

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))

probs <- c(0.1, 0.25, 0.5, 0.75, 0.9)
num <- function(x) as.numeric(unname(x))

write_json_fixture <- function(obj, name) {
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(obj, digits = NA, na = "null", auto_unbox = TRUE, null = "null", pretty = FALSE),
             path)
  cat("wrote", path, "\n")
}

base_density <- function(dist) {
  switch(survreg.distributions[[dist]]$dist %||% dist,
         extreme = function(z) exp(z - exp(z)),
         logistic = function(z) dlogis(z),
         gaussian = function(z) dnorm(z))
}
`%||%` <- function(a, b) if (is.null(a)) b else a

rmst_of <- function(fit, dist, xrow, tau) {
  lp <- sum(xrow * coef(fit))
  sigma <- fit$scale
  f0 <- base_density(dist)
  S <- function(t) 1 - psurvreg(t, mean = lp, scale = sigma, distribution = dist)
  zf <- function(t) (log(t) - lp) / sigma
  est <- integrate(S, 0, tau, rel.tol = 1e-12, subdivisions = 1000L)$value
  i1 <- integrate(function(t) f0(zf(t)) / sigma, 0, tau, rel.tol = 1e-12, subdivisions = 1000L)$value
  g <- i1 * xrow
  if (nrow(fit$var) > length(coef(fit))) {
    i2 <- integrate(function(t) { z <- zf(t); ifelse(t > 0, f0(z) * z, 0) }, 0, tau,
                    rel.tol = 1e-12, subdivisions = 1000L)$value
    g <- c(g, i2)
  }
  list(tau = tau, estimate = est, se = sqrt(drop(t(g) %*% fit$var %*% g)))
}

# dat: data frame with the model variables; rhs: right-hand side; rows: profile rows of dat
aft_case <- function(name, dat, time_col, status_expr, rhs, dist, cluster_col = NULL, weights = NULL,
                     robust = FALSE, rows = NULL, times = NULL, tau = NULL) {
  dat$.time <- dat[[time_col]]
  dat$.status <- status_expr(dat)
  dat$.w <- if (is.null(weights)) 1 else weights
  f <- as.formula(paste("Surv(.time, .status) ~", rhs))
  args <- list(formula = f, data = dat, dist = dist)
  if (!is.null(weights)) args$weights <- quote(.w)
  if (!is.null(cluster_col)) { dat$.cl <- dat[[cluster_col]]; args$data <- dat; args$cluster <- quote(.cl) }
  if (robust) args$robust <- TRUE
  fit <- do.call(survreg, args)
  X <- model.matrix(fit)
  n <- nrow(X)
  cl <- if (is.null(cluster_col)) NULL else as.integer(as.factor(dat[[cluster_col]]))
  has_scale <- nrow(fit$var) > length(coef(fit))
  naive <- if (is.null(fit$naive.var)) fit$var else fit$naive.var
  robust_var <- if (is.null(fit$naive.var)) NULL else fit$var
  k <- length(fit$coefficients) + (if (has_scale) 1 else 0)
  ll <- fit$loglik[2]
  if (is.null(rows)) rows <- unique(c(1L, n %/% 2L, n))
  if (is.null(times)) times <- num(quantile(dat$.time, c(0.25, 0.5, 0.75), type = 1))
  if (is.null(tau)) tau <- num(quantile(dat$.time, 0.9, type = 1))
  profiles <- lapply(rows, function(r) {
    q <- predict(fit, newdata = dat[r, , drop = FALSE], type = "quantile", p = probs, se.fit = TRUE)
    lp <- sum(X[r, ] * coef(fit))
    list(row = r - 1L, x = num(X[r, ]),
         quantile = list(fit = num(q$fit), se = num(q$se.fit)),
         survival = num(1 - psurvreg(times, mean = lp, scale = fit$scale, distribution = dist)),
         rmst = rmst_of(fit, dist, X[r, ], tau))
  })
  list(
    name = name, distribution = dist, columns = colnames(X),
    x = lapply(seq_len(ncol(X)), function(j) num(X[, j])),
    time = num(dat$.time), status = as.integer(dat$.status),
    weights = if (is.null(weights)) NULL else num(weights),
    cluster = cl, robust = robust || !is.null(cluster_col),
    coef = num(coef(fit)),
    log_scale = if (has_scale) log(fit$scale) else NULL, scale = fit$scale,
    var = unname(naive), robust_var = if (is.null(robust_var)) NULL else unname(robust_var),
    loglik = num(fit$loglik), icoef = num(fit$icoef), iter = fit$iter,
    chisq = 2 * (fit$loglik[2] - fit$loglik[1]), df = sum(fit$df) - fit$idf,
    aic = -2 * ll + 2 * k, bic = -2 * ll + log(n) * k,
    stats_aic = AIC(fit),
    probs = probs, times = times, profiles = profiles
  )
}

all4 <- c("exponential", "weibull", "lognormal", "loglogistic")

# lung: complete cases of the model variables; status 1 = censored, 2 = dead.
lung_cc <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
lung_status <- function(d) as.integer(d$status == 2)
write_json_fixture(list(dataset = "lung", cases = lapply(all4, function(d)
  aft_case(paste("lung", d), lung_cc, "time", lung_status, "age + sex + ph.ecog", d))), "aft_lung")

vet_status <- function(d) as.integer(d$status == 1)
write_json_fixture(list(dataset = "veteran", cases = lapply(c("weibull", "lognormal"), function(d)
  aft_case(paste("veteran", d), veteran, "time", vet_status, "trt + karno + celltype", d))), "aft_veteran")

ov_status <- function(d) as.integer(d$fustat == 1)
ov_cases <- lapply(all4, function(d)
  aft_case(paste("ovarian", d), ovarian, "futime", ov_status, "age + rx", d))
ov_w <- 1 + (seq_len(nrow(ovarian)) %% 3) * 0.5
ov_cases <- c(ov_cases, list(
  aft_case("ovarian weibull weighted robust", ovarian, "futime", ov_status, "age + rx", "weibull",
           weights = ov_w, robust = TRUE),
  aft_case("ovarian loglogistic weighted", ovarian, "futime", ov_status, "age + rx", "loglogistic",
           weights = ov_w)))
write_json_fixture(list(dataset = "ovarian", cases = ov_cases), "aft_ovarian")

rats_status <- function(d) as.integer(d$status == 1)
write_json_fixture(list(dataset = "rats", cases = list(
  aft_case("rats weibull cluster litter", rats, "time", rats_status, "rx + sex", "weibull",
           cluster_col = "litter"))), "aft_rats")

kid_status <- function(d) as.integer(d$status == 1)
write_json_fixture(list(dataset = "kidney", cases = list(
  aft_case("kidney weibull cluster id", kidney, "time", kid_status, "age + sex", "weibull",
           cluster_col = "id"))), "aft_kidney")

trial_path <- file.path(repo_root, "data", "ketamine_trial.csv")
trial <- read.csv(trial_path, stringsAsFactors = FALSE)
trial_status <- function(d) as.integer(d$relief_ended == 1)
trial_rhs <- "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy"
write_json_fixture(list(dataset = "ketamine_trial", source = "data/ketamine_trial.csv",
  cases = lapply(c("weibull", "lognormal"), function(d)
    aft_case(paste("ketamine_trial", d), trial, "relief_days", trial_status, trial_rhs, d,
             cluster_col = "patient_id"))), "aft_ketamine_trial")
