# Reference fixture for the one-step Emax AFT on (start, stop] rows: left truncation (delayed entry).
# Requires: apt install r-base-core r-cran-survival r-cran-jsonlite
# Run from this folder: Rscript make_emax_truncation_fixtures.R   (CI never runs it; the JSON is committed.)
# Writes emax_truncated.json.
#
# R has no one-step Emax AFT, so its likelihood is written out here and maximised with optim, as
# make_counting_fixtures.R does for the left-truncated linear AFT. The model (Relief's EmaxAFT, h = 1):
#   log T = log(E0 + Emax d / (ED50 + d)) + x'b + sigma W,  W standard extreme-value (Weibull) or normal
#   (lognormal); theta = (log E0, Emax, log ED50, b, log sigma); z = (log t - mu) / sigma.
# Each row is observed conditional on survival to its entry:
#   l_i = delta_i (log f0(z_i) - log sigma) + (1 - delta_i) log S0(z_i) - log S0(z0_i),
#   z0_i = (log start_i - mu_i) / sigma, the last term 0 when start_i = 0.
# This is the log-likelihood on the log-time scale, as `relief fit emax` reports it (EmaxAFTFit's
# logLikelihood); the time scale adds -sum(delta_i log t_i) (timeScaleLogLikelihood).
#
# The data are simulated here (seeded) and written into the fixture: doses 0.1, 0.25, 0.5, 1, 2 (ED50 0.5
# is inside the range, so ED50 is identified), one covariate x ~ N(0, 1); entry times E ~ U(0, 6) for
# 70% of the rows (0 otherwise); a row is kept only if its latent time exceeds its entry (left
# truncation); censoring at E + Exp(mean 40).
# {distribution, names, dose, x, start, time, status, n, nevent, theta, loglik, var, max_abs_gradient,
#  untruncated: {theta, loglik}}   var = inverse observed information of theta (numerical Hessian of
# the analytic gradient, symmetrised).

suppressPackageStartupMessages({ library(jsonlite) })

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
num <- function(x) as.numeric(unname(x))

set.seed(20261207)
n_draw <- 900
dose <- sample(c(0.1, 0.25, 0.5, 1, 2), n_draw, replace = TRUE)
x <- rnorm(n_draw)
truth <- c(log_e0 = log(4), emax = 14, log_ed50 = log(0.5), b = 0.25, log_sigma = log(0.7))
mu_of <- function(th, d, x) log(exp(th[1]) + th[2] * d / (exp(th[3]) + d)) + th[4] * x
latent <- exp(mu_of(truth, dose, x) + exp(truth[5]) * log(rexp(n_draw)))   # Weibull: W = log(Exp(1))
entry <- ifelse(runif(n_draw) < 0.7, runif(n_draw, 0, 6), 0)
keep <- latent > entry
dose <- dose[keep]; x <- x[keep]; latent <- latent[keep]; entry <- entry[keep]
cens <- entry + rexp(length(entry), 1 / 40)
time <- round(pmin(latent, cens), 4)
status <- as.integer(latent <= cens)
entry <- round(entry, 4)
ok <- time > entry
dose <- dose[ok]; x <- x[ok]; time <- time[ok]; status <- status[ok]; entry <- entry[ok]
stopifnot(all(time > entry), sum(entry > 0) > 100)

families <- list(
  weibull = list(logf = function(z) z - exp(z), logS = function(z) -exp(z),
                 dlogf = function(z) 1 - exp(z), dlogS = function(z) -exp(z)),
  lognormal = list(logf = function(z) dnorm(z, log = TRUE), logS = function(z) pnorm(z, lower.tail = FALSE, log.p = TRUE),
                   dlogf = function(z) -z, dlogS = function(z) -exp(dnorm(z, log = TRUE) - pnorm(z, lower.tail = FALSE, log.p = TRUE))))

loglik <- function(th, fam, truncated = TRUE) {
  e0 <- exp(th[1]); m <- e0 + th[2] * dose / (exp(th[3]) + dose)
  if (any(m <= 0)) return(-Inf)
  mu <- log(m) + th[4] * x; s <- exp(th[5])
  z <- (log(time) - mu) / s
  l <- ifelse(status == 1, fam$logf(z) - log(s), fam$logS(z))
  if (truncated) {
    z0 <- (log(pmax(entry, 1e-300)) - mu) / s
    l <- l - ifelse(entry > 0, fam$logS(z0), 0)
  }
  sum(l)
}

gradient <- function(th, fam, truncated = TRUE) {
  e0 <- exp(th[1]); ed50 <- exp(th[3]); m <- e0 + th[2] * dose / (ed50 + dose)
  mu <- log(m) + th[4] * x; s <- exp(th[5])
  z <- (log(time) - mu) / s
  a <- ifelse(status == 1, fam$dlogf(z), fam$dlogS(z))          # d l / d z
  dmu <- -a / s                                                    # d l / d mu
  dls <- -a * z - status                                           # d l / d log sigma
  if (truncated) {
    z0 <- (log(pmax(entry, 1e-300)) - mu) / s
    a0 <- ifelse(entry > 0, fam$dlogS(z0), 0)
    dmu <- dmu + a0 / s
    dls <- dls + ifelse(entry > 0, a0 * z0, 0)
  }
  dmu_dth <- cbind(e0 / m, (dose / (ed50 + dose)) / m, -th[2] * dose * ed50 / (ed50 + dose)^2 / m, x)
  c(colSums(dmu * dmu_dth), sum(dls))
}

fit_one <- function(fam, start, truncated = TRUE) {
  f <- function(th) -loglik(th, fam, truncated)
  g <- function(th) -gradient(th, fam, truncated)
  o <- optim(start, f, g, method = "BFGS", control = list(reltol = 1e-15, maxit = 5000))
  th <- o$par
  for (k in 1:20) {                                                # Newton polish
    h <- optimHess(th, f, g)
    step <- solve(h, g(th))
    th <- th - step
    if (max(abs(g(th))) < 1e-10) break
  }
  h <- optimHess(th, f, g)
  list(theta = th, loglik = loglik(th, fam, truncated), var = solve((h + t(h)) / 2),
       max_abs_gradient = max(abs(g(th))))
}

cases <- list()
for (name in names(families)) {
  fam <- families[[name]]
  numeric_gradient <- sapply(1:5, function(j) {
    e <- replace(numeric(5), j, 1e-6)
    (loglik(truth + e, fam) - loglik(truth - e, fam)) / 2e-6
  })
  stopifnot(max(abs(gradient(truth, fam) - numeric_gradient)) < 1e-4 * max(1, abs(numeric_gradient)))
  full <- fit_one(fam, num(truth))
  plain <- fit_one(fam, num(truth), truncated = FALSE)
  stopifnot(full$max_abs_gradient < 1e-6, plain$max_abs_gradient < 1e-6)
  cases[[length(cases) + 1]] <- list(
    distribution = name, names = c("log(e0)", "eMax", "log(ed50)", "x", "Log(scale)"),
    theta = num(full$theta), loglik = num(full$loglik), time_scale_loglik = num(full$loglik - sum(status * log(time))),
    var = unname(lapply(seq_len(5), function(i) num(full$var[i, ]))),
    max_abs_gradient = num(full$max_abs_gradient),
    untruncated = list(theta = num(plain$theta), loglik = num(plain$loglik)))
}

out <- list(dose = num(dose), x = num(x), start = num(entry), time = num(time), status = as.integer(status),
            n = length(time), nevent = sum(status), truth = num(truth), cases = cases)
path <- file.path(out_dir, "emax_truncated.json")
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), path)
cat("wrote", path, "\n")
