# make_aft_random_intercept_lr_fixtures.R -- per-term likelihood-ratio tests of the parametric AFT with a
# normal random intercept (`relief fit weibull|lognormal ... + frailty(id)`, the per-term table) for
# Tests/StatModelsTests/RandomInterceptAFTReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its output aft_random_intercept_lr.json is committed next to it. It reads the
# simulated episodes ri_lognormal.csv and ri_weibull.csv that make_aft_random_intercept_fixtures.R wrote,
# and that script's functions (its function definitions are evaluated here; its fits are not re-run).
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-nlme r-cran-survival r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_aft_random_intercept_lr_fixtures.R
# Produced with R 4.2 and nlme 3.1. Deterministic.
#
# Each term of x1 + x2 is dropped in turn and the model refitted with its random intercept; the
# statistic is 2 (loglik(full) - loglik(without the term)) on 1 df (anova of two ML fits):
#   lognormal_lme   nlme::lme(log(t) ~ ..., random = ~ 1 | id, method = "ML") (uncensored data);
#   weibull_direct  the marginal likelihood maximised directly (adaptive Gauss-Hermite, 40 nodes), as in
#                   make_aft_random_intercept_fixtures.R (censored data).
suppressPackageStartupMessages({ library(nlme); library(jsonlite) })
here <- "Tests/StatModelsTests/Reference"
for (e in parse(file.path(here, "make_aft_random_intercept_fixtures.R"))) {
  is_assignment <- is.call(e) && identical(e[[1]], as.name("<-")) && is.name(e[[2]])
  if (is_assignment && (as.character(e[[2]]) %in% c("families", "GH") ||
                        (is.call(e[[3]]) && identical(e[[3]][[1]], as.name("function"))))) eval(e, globalenv())
}

lme_loglik <- function(d, rhs) {
  d$y <- log(d$time)
  f <- lme(as.formula(paste("y ~", rhs)), random = ~ 1 | id, data = d, method = "ML",
           control = lmeControl(tolerance = 1e-12, msTol = 1e-14, niterEM = 100, msMaxIter = 500))
  as.numeric(logLik(f)) - sum(d$y)
}
direct_loglik <- function(d, rhs, fam) direct_fit("reduced", d, as.formula(paste("~", rhs)), "", fam)$loglik

cases <- list()
ln <- read.csv(file.path(here, "ri_lognormal.csv"))
full <- lme_loglik(ln, "x1 + x2")
cases[[1]] <- list(name = "lognormal_lme", data = "ri_lognormal", family = "lognormal", loglik = full,
                   terms = I(c("x1", "x2")),
                   lr = I(c(2 * (full - lme_loglik(ln, "x2")), 2 * (full - lme_loglik(ln, "x1")))))
wb <- read.csv(file.path(here, "ri_weibull.csv"))
full <- direct_loglik(wb, "x1 + x2", "weibull")
cases[[2]] <- list(name = "weibull_direct", data = "ri_weibull", family = "weibull", loglik = full,
                   terms = I(c("x1", "x2")),
                   lr = I(c(2 * (full - direct_loglik(wb, "x2", "weibull")), 2 * (full - direct_loglik(wb, "x1", "weibull")))))
for (c in cases) cat(sprintf("%-16s loglik %.8f LR %s\n", c$name, c$loglik, paste(format(c$lr, digits = 10), collapse = " ")))
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(here, "aft_random_intercept_lr.json"))
