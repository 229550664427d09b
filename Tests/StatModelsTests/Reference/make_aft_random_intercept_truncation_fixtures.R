# make_aft_random_intercept_truncation_fixtures.R -- reference values for the parametric AFT with a normal
# random intercept on left-truncated episodes (`relief fit weibull|loglogistic ... + frailty(id)` with
# `--start`), for Tests/StatModelsTests/RandomInterceptTruncationReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   ri_weibull_truncated.csv, ri_loglogistic_truncated.csv   simulated episodes with entry times (written here)
#   aft_random_intercept_truncated.json                       the fits (written here)
# It evaluates the function definitions of make_aft_random_intercept_fixtures.R (its fits are not re-run).
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-nlme r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_aft_random_intercept_truncation_fixtures.R
# Produced with R 4.2. Deterministic (set.seed).
#
# THE MODEL: log T_ij = x_ij' beta + b_i + sigma W_ij, b_i ~ N(0, tau^2), each episode observed only when
# T_ij > s_ij (its entry time): patient i's likelihood is the integral over b of
#   prod_j f(t_ij | b)^d_ij S(t_ij | b)^(1 - d_ij) / S(s_ij | b)   times the N(0, tau^2) density,
# "each episode conditioned on its entry given the patient" (README). It is maximised here directly as in
# make_aft_random_intercept_fixtures.R: adaptive Gauss-Hermite with 40 nodes per patient, optim(BFGS),
# Newton polishing on a numerical Hessian, SEs from its inverse; the optimum's log-likelihood is checked
# against integrate() per patient (integrate_check).
suppressPackageStartupMessages({ library(nlme); library(jsonlite) })
here <- "Tests/StatModelsTests/Reference"
for (e in parse(file.path(here, "make_aft_random_intercept_fixtures.R"))) {
  is_assignment <- is.call(e) && identical(e[[1]], as.name("<-")) && is.name(e[[2]])
  if (is_assignment && (as.character(e[[2]]) %in% c("families", "GH") ||
                        (is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function"))))) eval(e, globalenv())
}

# h_patient and marginal (from make_aft_random_intercept_fixtures.R) take the entry times from d$start.

simulate_truncated <- function(stem, fam_name, seed) {
  set.seed(seed)
  patients <- 60
  k <- sample(3:6, patients, replace = TRUE)
  id <- rep(sprintf("P%03d", seq_len(patients)), k)
  b <- rep(rnorm(patients, 0, 0.5), k)
  n <- length(id)
  x1 <- round(rnorm(n), 3); x2 <- rbinom(n, 1, 0.5)
  t <- pmax(round(exp(2 + 0.3 * x1 - 0.4 * x2 + b + 0.6 * families[[fam_name]]$r(n)), 4), 1e-3)
  cens <- round(runif(n, 2, 25), 4)
  event <- as.integer(t <= cens); t <- pmin(t, cens)
  # Half the episodes enter late, at a uniform fraction of their time (so start < time).
  start <- ifelse(runif(n) < 0.5, round(runif(n, 0.1, 0.6) * t, 4), 0)
  d <- data.frame(id = id, x1 = x1, x2 = x2, start = start, time = t, event = event)
  d <- d[d$start < d$time, ]
  write.csv(d, file.path(here, paste0(stem, ".csv")), row.names = FALSE, quote = FALSE)
  attr(d, "stem") <- stem
  d
}

formula <- ~ x1 + x2
relief <- "x1 + x2 + frailty(id)"
cases <- list()
wb <- simulate_truncated("ri_weibull_truncated", "weibull", seed = 143)
cases[[1]] <- direct_fit("weibull_truncated", wb, formula, relief, "weibull")
ll <- simulate_truncated("ri_loglogistic_truncated", "loglogistic", seed = 144)
cases[[2]] <- direct_fit("loglogistic_truncated", ll, formula, relief, "loglogistic")
for (c in cases) cat(sprintf("%-22s loglik %.8f tau %.6f sigma %.6f check %s\n", c$name, c$loglik, c$tau, c$sigma,
                             format(c$integrate_check)))
writeLines(toJSON(list(r_version = R.version.string, cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE,
                  null = "null"),
           file.path(here, "aft_random_intercept_truncated.json"))
