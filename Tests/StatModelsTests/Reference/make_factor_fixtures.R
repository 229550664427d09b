# make_factor_fixtures.R -- reference values for `factor(col)` of a numeric column in formulas (issue 12
# section 4): R's coefficient names (`factor(infusion_number)2`), the reference level (first in numeric
# order, or relevel), and the fits, on the bundled trial data/ketamine_trial.csv.
#
# CI NEVER RUNS THIS SCRIPT. Its output (formula_factor_trial.json next to it) is committed.
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_factor_fixtures.R
# `ref` is "" when the reference level is the default.
# Produced with R 4.2.2 and survival 3.5-3. Numbers with digits = NA (15 significant digits).

suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
d <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"))

num <- function(x) as.numeric(unname(x))
cases <- list()
add <- function(name, fit, formula, model, ref = "") {
  cases[[length(cases) + 1]] <<- list(
    name = name, model = model, formula = formula, ref = ref,
    names = names(coef(fit)), coef = num(coef(fit)), se = num(sqrt(diag(vcov(fit)))),
    loglik = num(fit$loglik[length(fit$loglik)]))
}
f1 <- coxph(Surv(relief_days, relief_ended) ~ factor(infusion_number) + dose_mg_kg, data = d)
add("cox", f1, "factor(infusion_number) + dose_mg_kg", "cox")
d2 <- d
d2$infusion_number <- relevel(factor(d2$infusion_number), ref = "3")
f2 <- coxph(Surv(relief_days, relief_ended) ~ infusion_number + dose_mg_kg, data = d2)
names(f2$coefficients) <- sub("^infusion_number", "factor(infusion_number)", names(f2$coefficients))
add("cox_ref3", f2, "factor(infusion_number) + dose_mg_kg", "cox", ref = "infusion_number=3")
f3 <- survreg(Surv(relief_days, relief_ended) ~ factor(infusion_number) + dose_mg_kg, data = d, dist = "weibull")
add("weibull", f3, "factor(infusion_number) + dose_mg_kg", "weibull")
writeLines(toJSON(list(dataset = "ketamine_trial", cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out_dir, "formula_factor_trial.json"))
