# make_aft_random_intercept_predict_fixtures.R -- reference predictions of the parametric AFT with a normal
# random intercept (`relief predict weibull|loglogistic ... + frailty(id) [--patient ID]`) for
# Tests/StatModelsTests/RandomInterceptPredictionReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its output aft_random_intercept_predict.json is committed next to it. It reads
# the fits in aft_random_intercept.json and the episodes ri_weibull.csv, ri_loglogistic.csv (written by
# make_aft_random_intercept_fixtures.R) and evaluates that script's function definitions.
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-nlme r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_aft_random_intercept_predict_fixtures.R
# Produced with R 4.2. Deterministic.
#
# At R's estimates theta = (beta, log sigma, log tau) and the profile x = (1, 0.5, 1):
#   a patient's own curve: b_i = the mode of the patient's log integrand h_patient (optimize, tol 1e-12),
#     its SD 1 / sqrt(curvature) (central second difference), S(t) = S0((log t - x'beta - b_i) / sigma),
#     median exp(x'beta + b_i + sigma F0^-1(1/2));
#   a new patient's curve: S(t) = integral of S0((log t - x'beta - b) / sigma) over b ~ N(0, tau^2)
#     (integrate, rel.tol 1e-12), its median by uniroot, the restricted mean to tau = 8 by integrate.
suppressPackageStartupMessages({ library(jsonlite) })
here <- "Tests/StatModelsTests/Reference"
for (e in parse(file.path(here, "make_aft_random_intercept_fixtures.R"))) {
  is_assignment <- is.call(e) && identical(e[[1]], as.name("<-")) && is.name(e[[2]])
  if (is_assignment && (as.character(e[[2]]) %in% c("families", "GH") ||
                        (is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function"))))) eval(e, globalenv())
}
fits <- fromJSON(file.path(here, "aft_random_intercept.json"), simplifyVector = FALSE)$cases
survival0 <- list(weibull = function(z) exp(-exp(z)), loglogistic = function(z) plogis(z, lower.tail = FALSE))
median0 <- list(weibull = log(log(2)), loglogistic = 0)
x <- c(1, 0.5, 1); times <- c(1, 3, 8); tau_rmst <- 8

one_case <- function(name, stem, fam_name, patient) {
  fit <- Filter(function(f) f$name == name, fits)[[1]]
  d <- read.csv(file.path(here, paste0(stem, ".csv")))
  fam <- families[[fam_name]]; S0 <- survival0[[fam_name]]
  beta <- unlist(fit$coef); ls <- fit$log_sigma; lt <- fit$log_tau; sigma <- exp(ls); tau <- exp(lt)
  X <- model.matrix(~ x1 + x2, d)
  eta <- drop(X %*% beta)
  rows <- which(d$id == patient)
  f <- function(b) h_patient(b, log(d$time[rows]), d$event[rows], eta[rows], ls, lt, fam)
  mode <- optimize(f, c(-12 * tau - 12, 12 * tau + 12), maximum = TRUE, tol = 1e-12)$maximum
  e <- 1e-4
  curvature <- -(f(mode + e) - 2 * f(mode) + f(mode - e)) / e^2
  mu <- sum(x * beta)
  own <- S0((log(times) - mu - mode) / sigma)
  population_at <- function(t) integrate(function(b) S0((log(t) - mu - b) / sigma) * dnorm(b, 0, tau),
                                         -Inf, Inf, rel.tol = 1e-12)$value
  population <- sapply(times, population_at)
  median <- uniroot(function(t) population_at(t) - 0.5, c(1e-3, 1e3), tol = 1e-12)$root
  rmst <- integrate(Vectorize(population_at), 0, tau_rmst, rel.tol = 1e-10)$value
  list(name = name, data = stem, family = fam_name, patient = patient, profile = I(x), times = I(times),
       tau = tau_rmst, mode = mode, mode_sd = 1 / sqrt(curvature), own_survival = I(own),
       own_median = exp(mu + mode + sigma * median0[[fam_name]]), population_survival = I(population),
       population_median = median, population_rmst = rmst)
}
cases <- list(one_case("weibull_direct", "ri_weibull", "weibull", "P007"),
              one_case("loglogistic_direct", "ri_loglogistic", "loglogistic", "P031"))
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(here, "aft_random_intercept_predict.json"))
cat("wrote aft_random_intercept_predict.json\n")
