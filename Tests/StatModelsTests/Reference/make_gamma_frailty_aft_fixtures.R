# make_gamma_frailty_aft_fixtures.R -- reference values for the Weibull AFT with a gamma frailty per patient
# (GammaFrailtyAFT, `relief fit weibull ... + frailty(id) --frailty-distribution gamma`) for
# Tests/StatModelsTests/GammaFrailtyAFTReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   gf_kidney.csv         R's survival::kidney (id, time, status, age, sex), written by this script
#   gf_kidney_split.csv   the same episodes cut at 20 and 100 days by survSplit: (tstart, time] rows
#   gamma_frailty_aft.json  the fits (written by this script); the trial is read from data/ketamine_trial.csv
#
# To regenerate, from the repository root (R 4.2, survival, jsonlite):
#   Rscript Tests/StatModelsTests/Reference/make_gamma_frailty_aft_fixtures.R   (needs numDeriv for the Hessian)
#
# THE MODEL: patient i's hazard for episode j is Z_i h_ij(t), with h_ij the Weibull hazard of survreg's
# parametrisation (log T = x'beta + sigma W, W extreme value): H_ij(t) = exp((log t - x'beta) / sigma),
# h_ij(t) = H_ij(t) / (sigma t); Z_i ~ Gamma(shape 1/theta, rate 1/theta) (mean 1, variance theta).
# Given Z_i the episodes are independent; integrating Z_i out, patient i with d_i events contributes
#   prod_j h_ij^delta_ij * Gamma(1/theta + d_i) / Gamma(1/theta) * theta^d_i * (1 + theta sum_j H_ij)^-(1/theta + d_i)
# With entry times (start, stop] each H_ij is H_ij(stop) - H_ij(start): every row is conditioned on
# survival to its entry given Z_i (the patient's frailty acts on the whole history; rows cut from one
# episode by survSplit give the likelihood of the uncut episode, the kidney_split case).
# Parameters (beta, log sigma, log theta). Maximised by optim(BFGS) from survreg's start and log theta =
# log 0.5 (for (start, stop] rows survreg ignores the entry: a start only), then nlminb, then Newton polishing on optimHess (numerical Hessian of the analytic-free
# likelihood); SEs from the inverse numerical Hessian at the optimum (numDeriv::hessian, Richardson).
#
# gamma_frailty_aft.json: {r_version, cases: [case]}; a case: name, data, formula (Relief's --formula),
# columns, coef, log_sigma, log_theta, sigma, theta, loglik (time scale), se (of beta, log sigma, log theta),
# n, nevent, patients, posterior (a few patients: id, episodes, events, cumhaz (sum H), mean frailty
# (1/theta + d)/(1/theta + sum H)), profile (design row), times, population (S(t) = (1 + theta H(t))^(-1/theta)
# at the profile), patient_curve (for posterior[1]: (1 + H(t) / (1/theta + sum H))^-(1/theta + d)), terms and
# lr: per term 2 (loglik - loglik of the model refitted without it, with its gamma frailty).

suppressPackageStartupMessages({ library(survival); library(jsonlite) })  # and numDeriv
here <- "Tests/StatModelsTests/Reference"

loglik <- function(theta, X, y, y0, ev, id) {
  p <- ncol(X); beta <- theta[1:p]; ls <- theta[p + 1]; th <- exp(theta[p + 2])
  eta <- drop(X %*% beta); s <- exp(ls)
  z <- (y - eta) / s
  H <- exp(z) - ifelse(is.finite(y0), exp((y0 - eta) / s), 0)
  lh <- z - ls - y
  S <- rowsum(H, id, reorder = FALSE)[, 1]
  d <- rowsum(ev, id, reorder = FALSE)[, 1]
  a <- 1 / th
  sum(lh[ev == 1]) + sum(lgamma(a + d) - lgamma(a) + d * log(th) - (a + d) * log1p(th * S))
}

# The maximised log-likelihood of the model with the terms `rhs` (for the per-term likelihood-ratio tests).
max_loglik <- function(d, rhs) {
  X <- model.matrix(as.formula(paste("~", rhs)), d)
  y <- log(d$time); y0 <- if (is.null(d$start)) rep(-Inf, nrow(d)) else ifelse(d$start > 0, log(d$start), -Inf)
  sr <- survreg(as.formula(paste("Surv(time, event) ~", rhs)), data = d, dist = "weibull")
  nll <- function(th) { v <- -loglik(th, X, y, y0, d$event, as.character(d$id)); if (is.finite(v)) v else 1e100 }
  o <- optim(c(coef(sr), log(sr$scale), log(0.5)), nll, method = "BFGS", control = list(reltol = 1e-15, maxit = 2000))
  -nlminb(o$par, nll, control = list(rel.tol = 1e-15, x.tol = 1e-12, iter.max = 1000, eval.max = 2000))$objective
}

fit_case <- function(name, d, rhs, relief_formula, profile, times, show) {
  X <- model.matrix(as.formula(paste("~", rhs)), d)
  y <- log(d$time); y0 <- if (is.null(d$start)) rep(-Inf, nrow(d)) else ifelse(d$start > 0, log(d$start), -Inf)
  ev <- d$event; id <- as.character(d$id)
  surv <- Surv(d$time, d$event)   # the start only (survreg has no (start, stop] rows)
  sr <- survreg(as.formula(paste("surv ~", rhs)), data = d, dist = "weibull")
  nll <- function(th) { v <- -loglik(th, X, y, y0, ev, id); if (is.finite(v)) v else 1e100 }
  theta <- c(coef(sr), log(sr$scale), log(0.5))
  o <- optim(theta, nll, method = "BFGS", control = list(reltol = 1e-15, maxit = 2000))
  n2 <- nlminb(o$par, nll, control = list(rel.tol = 1e-15, x.tol = 1e-12, iter.max = 1000, eval.max = 2000))
  theta <- n2$par
  for (it in 1:5) {
    H <- optimHess(theta, nll)
    g <- sapply(seq_along(theta), function(j) {
      e <- 1e-5 * max(1, abs(theta[j])); a <- b <- theta; a[j] <- a[j] + e; b[j] <- b[j] - e
      (nll(a) - nll(b)) / (2 * e)
    })
    step <- solve(H, g)
    if (nll(theta - step) <= nll(theta)) theta <- theta - step
  }
  # The SEs: optimHess (steps 1e-3 on every parameter) is up to ~1e-3 off for the coefficients of wide
  # columns (age, interval_days). Instead numDeriv's Richardson extrapolation of central differences in the
  # standardised parameters u = (theta - theta_hat) / se0 (se0 optimHess's SEs, kept as se_optimhess), so
  # every step is a fixed fraction of a standard error.
  se_optimhess <- sqrt(diag(solve(optimHess(theta, nll))))
  g_std <- function(u) nll(theta + se_optimhess * u)
  Hu <- numDeriv::hessian(g_std, rep(0, length(theta)), method.args = list(eps = 1e-2, d = 1e-2, zero.tol = 1e-8, r = 6))
  H <- Hu / outer(se_optimhess, se_optimhess)
  p <- ncol(X); beta <- theta[1:p]; s <- exp(theta[p + 1]); th <- exp(theta[p + 2])
  eta <- drop(X %*% beta)
  Hij <- exp((y - eta) / s) - ifelse(is.finite(y0), exp((y0 - eta) / s), 0)
  S <- rowsum(Hij, id, reorder = FALSE)[, 1]; dd <- rowsum(ev, id, reorder = FALSE)[, 1]
  k <- table(id)[names(S)]
  post <- lapply(show, function(i) list(id = i, episodes = as.integer(k[[i]]), events = as.integer(dd[[i]]),
                                        cumhaz = unname(S[[i]]), mean = unname((1 / th + dd[[i]]) / (1 / th + S[[i]]))))
  Ht <- exp((log(times) - sum(profile * beta)) / s)
  first <- show[1]
  terms <- trimws(strsplit(rhs, "+", fixed = TRUE)[[1]])
  list(name = name, formula = relief_formula, columns = colnames(X), coef = unname(beta),
       log_sigma = theta[p + 1], log_theta = theta[p + 2], sigma = s, theta = th,
       loglik = -nll(theta), se = unname(sqrt(diag(solve(H)))), se_optimhess = unname(se_optimhess), n = nrow(d), nevent = sum(ev),
       patients = length(S), posterior = post, profile = profile, times = times,
       population = (1 + th * Ht)^(-1 / th),
       patient_curve = (1 + Ht / (1 / th + S[[first]]))^(-(1 / th + dd[[first]])),
       survreg_loglik = sr$loglik[2], optim_convergence = o$convergence, nlminb_objective = n2$objective,
       terms = terms, lr = sapply(terms, function(t) 2 * (-nll(theta) - max_loglik(d, paste(setdiff(terms, t), collapse = " + ")))))
}

cases <- list()
kd <- data.frame(id = kidney$id, time = kidney$time, event = kidney$status, age = kidney$age, sex = kidney$sex)
write.csv(kd, file.path(here, "gf_kidney.csv"), row.names = FALSE, quote = FALSE)
cases[[1]] <- fit_case("kidney", kd, "age + sex", "age + sex + frailty(id)", c(1, 45, 2), c(10, 50, 200),
                       c("1", "10", "21"))
ks <- survSplit(Surv(time, event) ~ ., data = kd, cut = c(20, 100), start = "start")
ks <- ks[, c("id", "start", "time", "event", "age", "sex")]
write.csv(ks, file.path(here, "gf_kidney_split.csv"), row.names = FALSE, quote = FALSE)
cases[[2]] <- fit_case("kidney_split", ks, "age + sex", "age + sex + frailty(id)", c(1, 45, 2), c(10, 50, 200),
                       c("1", "10", "21"))
tr <- read.csv("data/ketamine_trial.csv")
td <- data.frame(id = tr$patient_id, time = tr$relief_days, event = tr$relief_ended, dose_mg_kg = tr$dose_mg_kg,
                 interval_days = tr$interval_days, baseline_pain = tr$baseline_pain)
td <- td[td$time > 0, ]
cases[[3]] <- fit_case("ketamine_trial", td, "dose_mg_kg + interval_days + baseline_pain",
                       "dose_mg_kg + interval_days + baseline_pain + frailty(patient_id)", c(1, 1.0, 21, 6.5), c(7, 14, 28),
                       unique(td$id)[c(1, 2, 50)])
for (c in cases) cat(sprintf("%-16s loglik %.8f theta %.6f sigma %.6f (survreg %.6f)\n", c$name, c$loglik, c$theta, c$sigma,
                             c$survreg_loglik))
writeLines(toJSON(list(r_version = R.version.string, survival_version = as.character(packageVersion("survival")), cases = cases),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
           file.path(here, "gamma_frailty_aft.json"))
