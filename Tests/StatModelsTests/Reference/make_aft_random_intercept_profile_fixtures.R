# make_aft_random_intercept_profile_fixtures.R -- reference values for the profile-likelihood interval of
# the between-patient SD tau of the AFT with a normal random intercept (RandomInterceptAFT,
# `relief fit weibull|lognormal|loglogistic ... + frailty(id)`), for
# Tests/StatModelsTests/RandomInterceptProfileReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its output aft_random_intercept_profile.json is committed next to it; it reads
# ri_lognormal.csv, ri_weibull.csv, ri_loglogistic.csv (written by make_aft_random_intercept_fixtures.R) and
# writes ri_weibull_small_tau.csv (simulated here: 40 patients, tau = 0.05, so that tau = 0 is inside the
# interval). It evaluates the function definitions of make_aft_random_intercept_fixtures.R (its fits are
# not re-run).
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-nlme r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_aft_random_intercept_profile_fixtures.R
# Produced with R 4.2 (survival, nlme, jsonlite). Deterministic (set.seed). Takes a few minutes.
#
# THE INTERVAL: the profile log-likelihood of tau is pl(tau) = max over (beta, log sigma) of the marginal
# log-likelihood with tau held fixed; the 95% interval is {tau >= 0 : pl(tau) >= pl(tau_hat) - qchisq(0.95, 1) / 2}.
# pl(0) is the model without the random intercept (survreg's log-likelihood, the limit of the marginal
# likelihood as tau -> 0). The lower limit is 0 when pl(0) is above the cut, else uniroot on (0, tau_hat);
# the upper limit is uniroot on (tau_hat, h) with h doubled until pl(h) is below the cut; uniroot tol 1e-10.
# (nlme's intervals() is the Wald interval on log tau; lme cannot hold tau fixed, so the profile is
# maximised here.)
#
# pl(tau) at tau > 0:
#   lognormal_exact: the uncensored log-normal data, whose marginal likelihood is Gaussian in closed form
#     (patient i: log t ~ N(X_i beta, sigma^2 I + tau^2 J)): beta by generalised least squares given
#     (sigma, tau), log sigma by optimize (tol 1e-12); no quadrature. Its maximum over tau is checked
#     against nlme::lme(method = "ML") (lme_check, the absolute difference of the log-likelihoods).
#   weibull_gh, loglogistic_gh, weibull_small_tau_gh: censored data, the marginal likelihood of
#     make_aft_random_intercept_fixtures.R (adaptive Gauss-Hermite with 40 nodes per patient) maximised over
#     (beta, log sigma) by optim(BFGS, reltol 1e-14) from the nearest tau done so far, then two Newton steps
#     on optimHess. tau_hat and pl(tau_hat) are the full maximisation (direct_fit of that script).
#
# aft_random_intercept_profile.json: {r_version, cut_drop = qchisq(0.95, 1) / 2, cases: [case]}; a case:
# name, data (csv stem), family, formula (Relief's --formula), tau (tau_hat), loglik (pl(tau_hat), the AFT
# log-likelihood of t), loglik_tau0 (pl(0)), lower, upper (the interval), lower_at_zero (whether pl(0) is
# above the cut), loglik_at_lower, loglik_at_upper (pl at the limits; at a lower limit of 0, pl(0)),
# evaluations (profile fits made).
suppressPackageStartupMessages({ library(survival); library(nlme); library(jsonlite) })
here <- "Tests/StatModelsTests/Reference"
for (e in parse(file.path(here, "make_aft_random_intercept_fixtures.R"))) {
  is_assignment <- is.call(e) && identical(e[[1]], as.name("<-")) && is.name(e[[2]])
  if (is_assignment && (as.character(e[[2]]) %in% c("families", "GH") ||
                        (is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function"))))) eval(e, globalenv())
}
cut_drop <- qchisq(0.95, 1) / 2

read_case <- function(stem) {
  d <- read.csv(file.path(here, paste0(stem, ".csv")), stringsAsFactors = FALSE)
  attr(d, "stem") <- stem
  d
}

# The closed-form Gaussian marginal log-likelihood of log t at (sigma, tau), beta by GLS; the time scale.
gaussian_profile_sigma <- function(ls, tau, d, X) {
  s2 <- exp(2 * ls); t2 <- tau^2; y <- log(d$time)
  groups <- split(seq_len(nrow(d)), d$id)
  A <- matrix(0, ncol(X), ncol(X)); b <- numeric(ncol(X))
  vinv <- function(n) (diag(n) - t2 / (s2 + n * t2) * matrix(1, n, n)) / s2
  for (rows in groups) {
    Xi <- X[rows, , drop = FALSE]; W <- vinv(length(rows))
    A <- A + t(Xi) %*% W %*% Xi; b <- b + t(Xi) %*% W %*% y[rows]
  }
  beta <- solve(A, b)
  ll <- 0
  for (rows in groups) {
    n <- length(rows); r <- y[rows] - X[rows, , drop = FALSE] %*% beta
    logdet <- (n - 1) * log(s2) + log(s2 + n * t2)
    ll <- ll - 0.5 * (n * log(2 * pi) + logdet + drop(t(r) %*% vinv(n) %*% r))
  }
  list(value = ll - sum(y), beta = drop(beta), information = A)   # A = X'V^-1 X (the REML script's log det)
}
gaussian_profile <- function(tau, d, X) {
  o <- optimize(function(ls) gaussian_profile_sigma(ls, tau, d, X)$value, c(-5, 3), maximum = TRUE, tol = 1e-12)
  o$objective
}

# The Gauss-Hermite marginal maximised over (beta, log sigma) at tau > 0, warm-started from the nearest tau.
make_gh_profile <- function(d, X, fam, start) {
  known <- list(list(tau = NA, par = start))
  count <- 0
  function(tau) {
    taus <- sapply(known, function(k) k$tau)
    nearest <- if (all(is.na(taus))) 1 else which.min(abs(ifelse(is.na(taus), Inf, taus) - tau))
    nll <- function(th) -marginal(c(th, log(tau)), d, X, fam)
    o <- optim(known[[nearest]]$par, nll, method = "BFGS", control = list(reltol = 1e-14, maxit = 500))
    theta <- o$par
    for (it in 1:2) {   # Newton steps on optimHess and a central-difference gradient, kept when they gain
      g <- sapply(seq_along(theta), function(j) {
        h <- replace(numeric(length(theta)), j, 1e-5 * max(1, abs(theta[j]))); (nll(theta + h) - nll(theta - h)) / (2 * h[j])
      })
      step <- solve(optimHess(theta, nll), g)
      if (nll(theta - step) <= nll(theta)) theta <- theta - step
    }
    known[[length(known) + 1]] <<- list(tau = tau, par = theta)
    count <<- count + 1
    -nll(theta)
  }
}

interval <- function(profile, tau_hat, best, ll0) {
  cut <- best - cut_drop
  f <- function(tau) if (tau == 0) ll0 - cut else profile(tau) - cut
  lower_at_zero <- ll0 >= cut
  lower <- if (lower_at_zero) 0 else uniroot(f, c(0, tau_hat), f.lower = ll0 - cut, f.upper = best - cut, tol = 1e-10)$root
  hi <- max(2 * tau_hat, 0.05)
  while ((fh <- f(hi)) > 0) hi <- 2 * hi
  upper <- uniroot(f, c(tau_hat, hi), f.lower = best - cut, f.upper = fh, tol = 1e-10)$root
  list(lower = lower, upper = upper, lower_at_zero = lower_at_zero,
       loglik_at_lower = if (lower_at_zero) ll0 else f(lower) + cut, loglik_at_upper = f(upper) + cut)
}

survreg_loglik <- function(d, fam_name) {
  as.numeric(logLik(survreg(Surv(time, event) ~ x1 + x2, data = d, dist = fam_name,
                            control = survreg.control(rel.tolerance = 1e-12, iter.max = 100))))
}

gh_case <- function(name, d, fam_name) {
  started <- proc.time()[["elapsed"]]
  formula <- ~ x1 + x2
  full <- direct_fit(name, d, formula, "x1 + x2 + frailty(id)", fam_name)
  X <- model.matrix(formula, d)
  ll0 <- survreg_loglik(d, fam_name)
  p <- ncol(X)
  start <- c(full$coef, full$log_sigma)
  profile <- make_gh_profile(d, X, families[[fam_name]], start)
  best <- max(full$loglik, ll0)
  tau_hat <- if (full$loglik >= ll0) full$tau else 0
  r <- interval(profile, tau_hat, best, ll0)
  cat(sprintf("%-22s tau %.6f [%.8f, %.8f] ll %.6f ll0 %.6f (%d fits, %.0f s)\n", name, tau_hat, r$lower, r$upper,
              best, ll0, environment(profile)$count, proc.time()[["elapsed"]] - started))
  c(list(name = name, data = attr(d, "stem"), family = fam_name, formula = "x1 + x2 + frailty(id)", tau = tau_hat,
         loglik = best, loglik_tau0 = ll0), r, list(evaluations = environment(profile)$count,
         method = "adaptive Gauss-Hermite 40 nodes, optim BFGS + Newton at fixed tau"))
}

cases <- list()
# (1) Uncensored log-normal: closed form.
ln <- read_case("ri_lognormal")
X <- model.matrix(~ x1 + x2, ln)
o <- optimize(function(tau) gaussian_profile(tau, ln, X), c(0.01, 2), maximum = TRUE, tol = 1e-12)
ln$y <- log(ln$time)
lme_fit <- lme(y ~ x1 + x2, random = ~ 1 | id, data = ln, method = "ML",
               control = lmeControl(tolerance = 1e-12, msTol = 1e-14, niterEM = 100, msMaxIter = 500))
lme_ll <- as.numeric(logLik(lme_fit)) - sum(ln$y)
ll0 <- survreg_loglik(ln, "lognormal")
r <- interval(function(tau) gaussian_profile(tau, ln, X), o$maximum, o$objective, ll0)
cases[[length(cases) + 1]] <- c(list(name = "lognormal_exact", data = "ri_lognormal", family = "lognormal",
                                     formula = "x1 + x2 + frailty(id)", tau = o$maximum, loglik = o$objective,
                                     loglik_tau0 = ll0), r,
                                list(lme_check = abs(lme_ll - o$objective), method = "closed-form Gaussian marginal, GLS + optimize"))
cat(sprintf("lognormal_exact        tau %.6f [%.8f, %.8f] lme check %.2e\n", o$maximum, r$lower, r$upper, abs(lme_ll - o$objective)))

# (2) Censored Weibull and log-logistic: Gauss-Hermite.
cases[[length(cases) + 1]] <- gh_case("weibull_gh", read_case("ri_weibull"), "weibull")
cases[[length(cases) + 1]] <- gh_case("loglogistic_gh", read_case("ri_loglogistic"), "loglogistic")

# (3) A small between-patient SD: tau = 0 inside the interval.
set.seed(1414)
patients <- 40
k <- sample(3:5, patients, replace = TRUE)
id <- rep(sprintf("S%03d", seq_len(patients)), k)
n <- length(id)
x1 <- round(rnorm(n), 3); x2 <- rbinom(n, 1, 0.5)
t <- pmax(round(exp(2 + 0.3 * x1 - 0.4 * x2 + rep(rnorm(patients, 0, 0.05), k) + 0.6 * log(rexp(n))), 4), 1e-3)
cens <- round(runif(n, 2, 25), 4)
small <- data.frame(id = id, x1 = x1, x2 = x2, time = pmin(t, cens), event = as.integer(t <= cens))
write.csv(small, file.path(here, "ri_weibull_small_tau.csv"), row.names = FALSE, quote = FALSE)
attr(small, "stem") <- "ri_weibull_small_tau"
cases[[length(cases) + 1]] <- gh_case("weibull_small_tau_gh", small, "weibull")

writeLines(toJSON(list(r_version = R.version.string, cut_drop = cut_drop, cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           file.path(here, "aft_random_intercept_profile.json"))
