# make_aft_random_intercept_reml_fixtures.R -- reference values for the restricted (REML) fit of the AFT with
# a normal random intercept (RandomInterceptAFT with estimation = .reml, `relief fit weibull|lognormal|
# loglogistic ... + frailty(id) --estimation reml`), for Tests/StatModelsTests/RandomInterceptREMLReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its output aft_random_intercept_reml.json is committed next to it; it reads
# ri_lognormal.csv, ri_trial_events.csv and ri_weibull.csv (written by make_aft_random_intercept_fixtures.R)
# and evaluates that script's function definitions (marginal(), the adaptive Gauss-Hermite rule, the families)
# and those of make_aft_random_intercept_profile_fixtures.R (the closed-form Gaussian marginal, interval()).
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-nlme r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_aft_random_intercept_reml_fixtures.R
# Produced with R 4.2 (nlme, jsonlite). Deterministic. Takes about five minutes (the Weibull case).
#
# THE OBJECTIVE (glmmTMB's REML = TRUE: the fixed effects integrated out like random effects, by Laplace):
#   l_R(sigma, tau) = l(beta_hat, sigma, tau) - 1/2 log det(-d2 l / dbeta dbeta'(beta_hat)) + p/2 log(2 pi),
# with l the marginal log-likelihood and beta_hat its maximum at fixed (sigma, tau).
# For uncensored log-normal data l is Gaussian in beta and l_R is exactly nlme's REML log-likelihood:
#   logLik(lme(..., method = "REML")) = -(N - p)/2 log(2 pi) - 1/2 log|V| - 1/2 log|X'V^-1 X| - 1/2 r'V^-1 r
# (checked below, reml_check: no 1/2 log|X'X| term in nlme's convention). Relief reports the time scale,
# nlme's value less sum(log t) (as for ML).
#
# Cases (aft_random_intercept_reml.json: {r_version, nlme_version, cut_drop, cases: [case]}):
#   lognormal_lme, trial_events_lme: nlme::lme(log t ~ x1 + x2, random = ~ 1 | id, method = "REML"): coef, se
#     (sqrt(diag(vcov)), sigma^2 (X'V^-1 X)^-1 at the REML estimates), sigma, tau, loglik (time scale),
#     apvar (nlme's apVar: the covariance of (log tau, log sigma) from the REML likelihood's Hessian),
#     reml_check (|closed-form l_R above - nlme's logLik|), and tau's profile-likelihood interval on the
#     closed-form restricted likelihood (lower, upper, lower_at_zero, loglik_tau0: l_R profiled over sigma
#     at tau = 0; uniroot tol 1e-10, optimize tol 1e-12).
#   weibull_reml: censored Weibull episodes (ri_weibull.csv). l by adaptive Gauss-Hermite with 40 nodes
#     (marginal() of make_aft_random_intercept_fixtures.R); beta_hat by Newton steps on central differences
#     of l (gradient step 1e-4, Hessian step 2e-3); the log det of that Hessian; (log sigma, log tau) by
#     Newton steps on central differences of l_R (step 1e-3) from the ML fit until a step is below 1e-8.
#     coef, sigma, tau, loglik (time scale), ml_tau (the ML fit's tau, for comparison).
suppressPackageStartupMessages({ library(survival); library(nlme); library(jsonlite) })
here <- "Tests/StatModelsTests/Reference"
for (script in c("make_aft_random_intercept_fixtures.R", "make_aft_random_intercept_profile_fixtures.R")) {
  for (e in parse(file.path(here, script))) {   # the function definitions only (and the rule, the families)
    is_assignment <- is.call(e) && identical(e[[1]], as.name("<-")) && is.name(e[[2]])
    if (is_assignment && (as.character(e[[2]]) %in% c("families", "GH") ||
                          (is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function"))))) eval(e, globalenv())
  }
}
cut_drop <- qchisq(0.95, 1) / 2
read_case <- function(stem) read.csv(file.path(here, paste0(stem, ".csv")), stringsAsFactors = FALSE)

# The closed-form restricted log-likelihood of log t at (log sigma, tau) (log t scale): the Gaussian marginal
# with GLS beta of make_aft_random_intercept_profile_fixtures.R, less 1/2 log|X'V^-1 X|, plus p/2 log(2 pi).
gaussian_reml <- function(ls, tau, d, X) {
  g <- gaussian_profile_sigma(ls, tau, d, X)
  g$value + sum(log(d$time)) - 0.5 * as.numeric(determinant(g$information)$modulus) + ncol(X) / 2 * log(2 * pi)
}
gaussian_reml_profile <- function(tau, d, X) {
  optimize(function(ls) gaussian_reml(ls, tau, d, X), c(-5, 3), maximum = TRUE, tol = 1e-12)$objective
}

lme_reml <- function(name, stem) {
  d <- read_case(stem); d$y <- log(d$time)
  X <- model.matrix(~ x1 + x2, d)
  f <- lme(y ~ x1 + x2, random = ~ 1 | id, data = d, method = "REML",
           control = lmeControl(tolerance = 1e-12, msTol = 1e-14, niterEM = 100, msMaxIter = 500))
  tau <- as.numeric(VarCorr(f)["(Intercept)", "StdDev"])
  closed <- gaussian_reml(log(f$sigma), tau, d, X)
  o <- optimize(function(t) gaussian_reml_profile(t, d, X), c(0.01, 2), maximum = TRUE, tol = 1e-12)
  ll0 <- gaussian_reml_profile(0, d, X)
  r <- interval(function(t) gaussian_reml_profile(t, d, X), o$maximum, o$objective, ll0)
  shift <- sum(d$y)
  cat(sprintf("%-18s tau %.8f (profile max %.8f) sigma %.8f reml %.8f check %.2e interval [%.6f, %.6f]\n", name, tau,
              o$maximum, f$sigma, as.numeric(logLik(f)), abs(closed - as.numeric(logLik(f))), r$lower, r$upper))
  av <- f$apVar
  list(name = name, data = stem, family = "lognormal", formula = "x1 + x2 + frailty(id)",
       columns = c("(Intercept)", "x1", "x2"), coef = unname(fixef(f)), se = unname(sqrt(diag(vcov(f)))),
       sigma = f$sigma, tau = tau, loglik = as.numeric(logLik(f)) - shift,
       bic = BIC(f) + 2 * shift,  # nlme's BIC (nobs = N - p for REML) on the time scale
       apvar_log_tau = av[1, 1], apvar_log_sigma = av[2, 2], apvar_cov = av[1, 2],
       reml_check = abs(closed - as.numeric(logLik(f))), loglik_tau0 = ll0 - shift,
       lower = r$lower, upper = r$upper, lower_at_zero = r$lower_at_zero,
       n = nrow(d), patients = length(unique(d$id)), method = "nlme::lme REML; interval on the closed-form REML")
}

# The Laplace-REML objective of a censored family by adaptive Gauss-Hermite (40 nodes), with beta_hat.
make_reml <- function(d, X, fam) {
  p <- ncol(X)
  beta <- NULL
  function(phi, start) {
    b <- start
    l <- function(bb) marginal(c(bb, phi), d, X, fam)
    grad <- function(bb, h = 1e-4) sapply(seq_len(p), function(j) {
      e <- replace(numeric(p), j, h); (l(bb + e) - l(bb - e)) / (2 * h) })
    hess <- function(bb, h = 2e-3) {
      H <- matrix(0, p, p); l0 <- l(bb)
      for (i in 1:p) for (j in i:p) {
        ei <- replace(numeric(p), i, h); ej <- replace(numeric(p), j, h)
        H[i, j] <- H[j, i] <- if (i == j) (l(bb + ei) - 2 * l0 + l(bb - ei)) / h^2 else
          (l(bb + ei + ej) - l(bb + ei - ej) - l(bb - ei + ej) + l(bb - ei - ej)) / (4 * h^2)
      }
      H
    }
    for (it in 1:8) {
      step <- solve(hess(b), grad(b))
      b <- b - step
      if (max(abs(step)) < 1e-10) break
    }
    H <- hess(b)
    list(value = l(b) - 0.5 * as.numeric(determinant(-H)$modulus) + p / 2 * log(2 * pi), beta = b)
  }
}

weibull_reml <- function(name, stem) {
  started <- proc.time()[["elapsed"]]
  d <- read_case(stem)
  X <- model.matrix(~ x1 + x2, d)
  fam <- families$weibull
  ml <- direct_fit(name, d, ~ x1 + x2, "x1 + x2 + frailty(id)", "weibull")
  reml <- make_reml(d, X, fam)
  beta <- ml$coef
  g <- function(phi) { r <- reml(phi, beta); beta <<- r$beta; r$value }
  phi <- c(ml$log_sigma, ml$log_tau)
  h <- 1e-3
  for (it in 1:6) {
    f0 <- g(phi)
    fpp <- function(a, b) g(phi + h * c(a, b))
    f10 <- fpp(1, 0); fm10 <- fpp(-1, 0); f01 <- fpp(0, 1); f0m1 <- fpp(0, -1)
    cross <- (fpp(1, 1) - fpp(1, -1) - fpp(-1, 1) + fpp(-1, -1)) / (4 * h^2)
    gr <- c(f10 - fm10, f01 - f0m1) / (2 * h)
    H <- matrix(c((f10 - 2 * f0 + fm10) / h^2, cross, cross, (f01 - 2 * f0 + f0m1) / h^2), 2)
    step <- solve(H, gr)
    phi <- phi - step
    cat(sprintf("  newton %d: phi %.10f %.10f step %.2e\n", it, phi[1], phi[2], max(abs(step))))
    if (max(abs(step)) < 1e-8) break
  }
  r <- reml(phi, beta)
  shift <- sum(log(d$time[d$event == 1]))   # marginal() is on the time scale already
  cat(sprintf("%-18s tau %.8f sigma %.8f reml %.8f (ML tau %.6f) %.0f s\n", name, exp(phi[2]), exp(phi[1]), r$value,
              ml$tau, proc.time()[["elapsed"]] - started))
  list(name = name, data = stem, family = "weibull", formula = "x1 + x2 + frailty(id)", columns = c("(Intercept)", "x1", "x2"),
       coef = unname(r$beta), sigma = exp(phi[1]), tau = exp(phi[2]), loglik = r$value, ml_tau = ml$tau,
       n = nrow(d), patients = length(unique(d$id)),
       method = "Laplace over beta of the adaptive Gauss-Hermite (40 nodes) marginal; Newton on differences")
}

cases <- list(lme_reml("lognormal_lme", "ri_lognormal"), lme_reml("trial_events_lme", "ri_trial_events"),
              weibull_reml("weibull_reml", "ri_weibull"))
writeLines(toJSON(list(r_version = R.version.string, nlme_version = as.character(packageVersion("nlme")),
                       cut_drop = cut_drop, cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           file.path(here, "aft_random_intercept_reml.json"))
