# make_aft_random_intercept_fixtures.R -- reference values for the parametric AFT with a normal random
# intercept per patient (RandomInterceptAFT, `relief fit weibull|lognormal|loglogistic ... + frailty(id)`)
# for Tests/StatModelsTests/RandomInterceptAFTReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   ri_lognormal.csv, ri_weibull.csv, ri_loglogistic.csv   simulated episodes (written by this script)
#   ri_trial_events.csv   the bundled trial's episodes that ended with an event (written by this script)
#   aft_random_intercept.json   the fits (written by this script)
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-nlme r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_aft_random_intercept_fixtures.R
# Produced with R 4.2 and nlme 3.1 (jsonlite). Deterministic (set.seed).
#
# THE MODEL: log T_ij = x_ij' beta + b_i + sigma W_ij, b_i ~ N(0, tau^2); W extreme value (weibull),
# normal (lognormal) or logistic (loglogistic). Parameters theta = (beta, log sigma, log tau).
#
# (a) Uncensored log-normal data: the model is the linear mixed model of log t, fitted by
#     nlme::lme(log(t) ~ x, random = ~ 1 | id, method = "ML"). lme's logLik is that of log t; the AFT
#     log-likelihood of t is lme's minus sum(log t) (the Jacobian of t -> log t). Cases lognormal_lme
#     (simulated) and trial_events_lme (the trial's events only).
# (b) Censored data: the marginal likelihood maximised directly here, every patient's integral by an
#     adaptive Gauss-Hermite rule with 40 nodes (mode by optimize(), curvature by a central second
#     difference; Golub-Welsch nodes from eigen()), optim(BFGS) then Newton polishing on a numerical
#     Hessian (optimHess); the log-likelihood at the optimum is checked against integrate() per patient
#     (integrate_check, the absolute difference). Cases weibull_direct, loglogistic_direct, and
#     lognormal_direct (the uncensored data of (a) again, a check of this code against lme).
#
# aft_random_intercept.json: {r_version, cases: [case]}; a case: name, data (csv file stem), family,
# formula (Relief's --formula), coef (beta, names in columns), log_sigma, log_tau, sigma, tau,
# loglik (the AFT log-likelihood of t), se (SEs of theta from the inverse numerical Hessian, direct
# cases only; null for lme), n, nevent, patients, method.

suppressPackageStartupMessages({ library(nlme); library(jsonlite) })
here <- "Tests/StatModelsTests/Reference"

gauss_hermite <- function(n) {
  if (n == 1) return(list(x = 0, w = sqrt(pi)))
  J <- matrix(0, n, n)
  for (k in 1:(n - 1)) J[k, k + 1] <- J[k + 1, k] <- sqrt(k / 2)
  e <- eigen(J, symmetric = TRUE)
  o <- order(e$values)
  list(x = e$values[o], w = sqrt(pi) * e$vectors[1, o]^2)
}
GH <- gauss_hermite(40)

families <- list(
  weibull = list(ld = function(z) z - exp(z), ls = function(z) -exp(z),
                 r = function(n) log(rexp(n))),
  lognormal = list(ld = function(z) dnorm(z, log = TRUE), ls = function(z) pnorm(z, lower.tail = FALSE, log.p = TRUE),
                   r = function(n) rnorm(n)),
  loglogistic = list(ld = function(z) dlogis(z, log = TRUE), ls = function(z) plogis(z, lower.tail = FALSE, log.p = TRUE),
                     r = function(n) rlogis(n)))

# Patient i's log integrand h(b) on the log t scale (events: log f0(z) - log sigma; censored: log S0(z));
# with entry times ys (log scale, -Inf for none) each episode is divided by S(s | b)
# (make_aft_random_intercept_truncation_fixtures.R).
h_patient <- function(b, y, ev, eta, ls, lt, fam, ys = rep(-Inf, length(y))) {
  s <- exp(ls); tau <- exp(lt)
  z <- (y - eta - b) / s
  entry <- ifelse(is.finite(ys), fam$ls((ys - eta - b) / s), 0)
  sum(ifelse(ev == 1, fam$ld(z) - ls, fam$ls(z)) - entry) + dnorm(b, 0, tau, log = TRUE)
}

marginal <- function(theta, d, X, fam, exact = FALSE) {
  p <- ncol(X); beta <- theta[1:p]; ls <- theta[p + 1]; lt <- theta[p + 2]
  eta <- drop(X %*% beta); y <- log(d$time)
  ys <- if (is.null(d$start)) rep(-Inf, nrow(d)) else ifelse(d$start > 0, log(d$start), -Inf)
  total <- 0
  for (rows in split(seq_len(nrow(d)), d$id)) {
    f <- function(b) h_patient(b, y[rows], d$event[rows], eta[rows], ls, lt, fam, ys[rows])
    tau <- exp(lt)
    m <- optimize(f, c(-12 * tau - 12, 12 * tau + 12), maximum = TRUE, tol = 1e-12)$maximum
    e <- 1e-4
    curv <- -(f(m + e) - 2 * f(m) + f(m - e)) / e^2
    r <- sqrt(2 / curv)
    hm <- f(m)
    if (exact) {
      # Far in the tails a truncated episode's f is Inf - Inf; the integrand is 0 there.
      val <- integrate(Vectorize(function(b) { v <- exp(f(b) - hm); if (is.finite(v)) v else 0 }), -Inf, Inf,
                       rel.tol = 1e-12)$value
      total <- total + hm + log(val)
    } else {
      v <- sapply(m + r * GH$x, f)
      total <- total + log(r) + hm + log(sum(GH$w * exp(GH$x^2 + v - hm)))
    }
  }
  total - sum(log(d$time[d$event == 1]))  # the time scale
}

direct_fit <- function(name, d, formula, relief_formula, fam_name) {
  fam <- families[[fam_name]]
  X <- model.matrix(formula, d)
  start_fit <- survival::survreg(update(formula, survival::Surv(time, event) ~ .), data = d, dist = fam_name)
  theta <- c(coef(start_fit), log(start_fit$scale) - 0.15, log(start_fit$scale) - 0.7)
  nll <- function(th) -marginal(th, d, X, fam)
  o <- optim(theta, nll, method = "BFGS", control = list(reltol = 1e-14, maxit = 500))
  theta <- o$par
  for (it in 1:4) {   # Newton polishing on a numerical Hessian and gradient
    H <- optimHess(theta, nll)
    g <- sapply(seq_along(theta), function(j) {
      e <- 1e-5 * max(1, abs(theta[j])); a <- b <- theta; a[j] <- a[j] + e; b[j] <- b[j] - e
      (nll(a) - nll(b)) / (2 * e)
    })
    theta <- theta - solve(H, g)
  }
  H <- optimHess(theta, nll)
  ll <- -nll(theta)
  p <- ncol(X)
  list(name = name, data = name_of(d), family = fam_name, formula = relief_formula, columns = colnames(X),
       coef = unname(theta[1:p]), log_sigma = theta[p + 1], log_tau = theta[p + 2], sigma = exp(theta[p + 1]),
       tau = exp(theta[p + 2]), loglik = ll, se = unname(sqrt(diag(solve(H)))),
       integrate_check = abs(marginal(theta, d, X, fam, exact = TRUE) - ll),
       n = nrow(d), nevent = sum(d$event), patients = length(unique(d$id)), method = "direct, adaptive GH 40 nodes")
}

lme_fit <- function(name, d, relief_formula) {
  d$y <- log(d$time)
  f <- lme(y ~ x1 + x2, random = ~ 1 | id, data = d, method = "ML", control = lmeControl(tolerance = 1e-12,
           msTol = 1e-14, niterEM = 100, msMaxIter = 500))
  tau <- as.numeric(VarCorr(f)["(Intercept)", "StdDev"])
  list(name = name, data = name_of(d), family = "lognormal", formula = relief_formula,
       columns = c("(Intercept)", "x1", "x2"), coef = unname(fixef(f)), log_sigma = log(f$sigma), log_tau = log(tau),
       sigma = f$sigma, tau = tau, loglik = as.numeric(logLik(f)) - sum(d$y), se = NULL, integrate_check = NULL,
       n = nrow(d), nevent = sum(d$event), patients = length(unique(d$id)), method = "nlme::lme ML")
}

name_of <- function(d) attr(d, "stem")

simulate <- function(stem, fam_name, censor, seed) {
  set.seed(seed)
  patients <- 60
  k <- sample(3:6, patients, replace = TRUE)
  id <- rep(sprintf("P%03d", seq_len(patients)), k)
  b <- rep(rnorm(patients, 0, 0.5), k)
  n <- length(id)
  x1 <- round(rnorm(n), 3); x2 <- rbinom(n, 1, 0.5)
  y <- 2 + 0.3 * x1 - 0.4 * x2 + b + 0.6 * families[[fam_name]]$r(n)
  t <- round(exp(y), 4)
  t <- pmax(t, 1e-3)
  event <- rep(1L, n)
  if (censor) {
    cens <- round(runif(n, 2, 25), 4)
    event <- as.integer(t <= cens); t <- pmin(t, cens)
  }
  d <- data.frame(id = id, x1 = x1, x2 = x2, time = t, event = event)
  write.csv(d, file.path(here, paste0(stem, ".csv")), row.names = FALSE, quote = FALSE)
  attr(d, "stem") <- stem
  d
}

formula <- ~ x1 + x2
relief <- "x1 + x2 + frailty(id)"
cases <- list()
ln <- simulate("ri_lognormal", "lognormal", censor = FALSE, seed = 14)
cases[[length(cases) + 1]] <- lme_fit("lognormal_lme", ln, relief)
cases[[length(cases) + 1]] <- direct_fit("lognormal_direct", ln, formula, relief, "lognormal")
wb <- simulate("ri_weibull", "weibull", censor = TRUE, seed = 141)
cases[[length(cases) + 1]] <- direct_fit("weibull_direct", wb, formula, relief, "weibull")
ll <- simulate("ri_loglogistic", "loglogistic", censor = TRUE, seed = 142)
cases[[length(cases) + 1]] <- direct_fit("loglogistic_direct", ll, formula, relief, "loglogistic")

trial <- read.csv("data/ketamine_trial.csv")
ev <- trial[trial$relief_ended == 1, ]
tr <- data.frame(id = ev$patient_id, x1 = ev$dose_mg_kg, x2 = ev$interval_days, time = ev$relief_days, event = 1L)
write.csv(tr, file.path(here, "ri_trial_events.csv"), row.names = FALSE, quote = FALSE)
attr(tr, "stem") <- "ri_trial_events"
cases[[length(cases) + 1]] <- lme_fit("trial_events_lme", tr, relief)

for (c in cases) cat(sprintf("%-20s loglik %.8f tau %.6f sigma %.6f check %s\n", c$name, c$loglik, c$tau, c$sigma,
                             format(c$integrate_check)))
writeLines(toJSON(list(r_version = R.version.string, nlme_version = as.character(packageVersion("nlme")), cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           file.path(here, "aft_random_intercept.json"))
