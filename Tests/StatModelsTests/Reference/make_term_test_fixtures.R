# make_term_test_fixtures.R -- reference values for the per-term test table of every regression output
# (issue 12 section 4): for each term that can be dropped (R's drop.scope: a term inside a higher-order
# interaction is not), the likelihood-ratio chi-squared of the model without it and that model's AIC, as
# R's drop1(fit, test = "Chisq"), and the term's Wald chi-squared b' V^-1 b from vcov(fit) (the robust
# variance when the fit has one, as R's vcov), on data/ketamine_trial.csv and survival::heart.
#
# CI NEVER RUNS THIS SCRIPT. Its output (term_tests.json and term_tests_heart.csv next to it) is committed.
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_term_test_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3. Numbers with digits = NA (15 significant digits).

suppressPackageStartupMessages({ library(survival); library(jsonlite); library(splines) })
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
d <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"))
d$dose_group <- factor(d$dose_group, levels = c("high", "low"))

num <- function(x) as.numeric(unname(x))
cases <- list()
add <- function(name, fit, dataset, model, formula, start = "") {
  dropped <- drop1(fit, test = "Chisq")
  # strata() is not a term: R's row for it (Df 0, no p) compares partial likelihoods of different strata.
  terms <- grep("^strata\\(", rownames(dropped)[-1], value = TRUE, invert = TRUE)
  labels <- attr(terms(fit), "term.labels")
  beta <- coef(fit)
  v <- vcov(fit)
  columns <- function(t) {
    if (inherits(fit, "coxph")) return(fit$assign[[t]])
    which(attr(model.matrix(fit), "assign") == match(t, labels))  # column 1 is the intercept (assign 0)
  }
  rows <- lapply(terms, function(t) {
    idx <- columns(t)
    b <- beta[idx]
    list(term = t, df = num(dropped[t, "Df"]), aic = num(dropped[t, "AIC"]), lr = num(dropped[t, "LRT"]),
         lr_p = num(dropped[t, "Pr(>Chi)"]), wald = num(t(b) %*% solve(v[idx, idx, drop = FALSE], b)))
  })
  cases[[length(cases) + 1]] <<- list(
    name = name, dataset = dataset, model = model, formula = formula, start = start,
    loglik = num(fit$loglik[length(fit$loglik)]), aic = num(dropped["<none>", "AIC"]),
    undroppable = setdiff(grep("^strata\\(", labels, value = TRUE, invert = TRUE), terms), terms = rows)
}

f <- coxph(Surv(relief_days, relief_ended) ~ dose_group + condition + baseline_pain * cotherapy + cluster(patient_id), data = d)
add("cox_interaction_cluster", f, "ketamine_trial", "cox", "dose_group + condition + baseline_pain*cotherapy + cluster(patient_id)")
f <- coxph(Surv(relief_days, relief_ended) ~ ns(dose_mg_kg, df = 3) + interval_days + strata(site), data = d, ties = "breslow")
add("cox_spline_strata_breslow", f, "ketamine_trial", "cox", "ns(dose_mg_kg, df = 3) + interval_days + strata(site)")
f <- coxph(Surv(relief_days, relief_ended) ~ dose_group, data = d)
add("cox_single", f, "ketamine_trial", "cox", "dose_group")
f <- survreg(Surv(relief_days, relief_ended) ~ dose_mg_kg + condition + baseline_pain + cotherapy, data = d, dist = "weibull")
add("weibull", f, "ketamine_trial", "weibull", "dose_mg_kg + condition + baseline_pain + cotherapy")
f <- survreg(Surv(relief_days, relief_ended) ~ dose_mg_kg * cotherapy + condition, data = d, dist = "lognormal")
add("lognormal_interaction", f, "ketamine_trial", "lognormal", "dose_mg_kg*cotherapy + condition")
f <- survreg(Surv(relief_days, relief_ended) ~ dose_mg_kg, data = d, dist = "loglogistic")
add("loglogistic_single", f, "ketamine_trial", "loglogistic", "dose_mg_kg")
# The alternative `relief fit emax` reports when ED50 is not identified (the bundled trial): a Weibull
# AFT with log(dose + 0.01 x the largest dose) beside the covariates. Its per-term table holds the
# covariate rows (the dose term stays in every model).
off <- 0.01 * max(d$dose_mg_kg)
f <- survreg(Surv(relief_days, relief_ended) ~ log(dose_mg_kg + off) + interval_days + baseline_pain + condition,
             data = d, dist = "weibull")
add("linlog_alternative", f, "ketamine_trial", "weibull", "interval_days + baseline_pain + condition")
cases[[length(cases)]]$dose_offset <- off

h <- survival::heart
h$transplant <- as.numeric(as.character(h$transplant))  # 0/1, so the same fit as the factor
write.csv(h[, c("start", "stop", "event", "age", "year", "surgery", "transplant")],
          file.path(out_dir, "term_tests_heart.csv"), row.names = FALSE)
h <- read.csv(file.path(out_dir, "term_tests_heart.csv"))
f <- coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, data = h)
add("cox_counting_heart", f, "heart", "cox", "age + year + surgery + transplant", start = "start")

writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out_dir, "term_tests.json"))
