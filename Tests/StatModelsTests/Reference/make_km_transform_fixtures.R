# make_km_transform_fixtures.R -- reference pointwise limits of the Kaplan–Meier and Nelson–Aalen curves
# with R's conf.type = "logit" and "arcsin" (`relief curves --conf-type logit|arcsin`), for
# Tests/StatModelsTests/KaplanMeierTransformReferenceTests.swift.
#
# CI NEVER RUNS THIS SCRIPT. Its output km_transforms.json is committed next to it.
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   Rscript Tests/StatModelsTests/Reference/make_km_transform_fixtures.R
# Produced with R 4.2 and survival 3.5-3. Deterministic.
#
# Each case: survfit(Surv(time, event) ~ 1, conf.type = type) for the Kaplan–Meier curve, or with ctype = 1,
# stype = 2 for exp(-H) of the Nelson–Aalen estimate, on the bundled trial's high
# dose group and on aml's maintained arm: time, surv, lower, upper (NA as null).
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
out_dir <- "Tests/StatModelsTests/Reference"
trial <- read.csv("data/ketamine_trial.csv", stringsAsFactors = FALSE)
high <- trial[trial$dose_group == "high", ]
aml1 <- aml[aml$x == "Maintained", ]
one_case <- function(name, time, event, type, ctype = 1, level = 0.95) {
  fit <- survfit(Surv(time, event) ~ 1, conf.type = type, conf.int = level, ctype = ctype, stype = if (ctype == 1) 2 else 1)
  list(name = name, conf_type = type, estimator = if (ctype == 1) "nelson-aalen" else "kaplan-meier", level = level,
       time = time, event = as.integer(event), fit_time = fit$time, surv = fit$surv, lower = fit$lower, upper = fit$upper)
}
cases <- list(
  one_case("trial_high_km_logit", high$relief_days, high$relief_ended, "logit", ctype = 2),
  one_case("trial_high_km_arcsin", high$relief_days, high$relief_ended, "arcsin", ctype = 2),
  one_case("aml_km_arcsin_90", aml1$time, aml1$status, "arcsin", ctype = 2, level = 0.90),
  one_case("aml_km_logit", aml1$time, aml1$status, "logit", ctype = 2),
  one_case("trial_high_na_arcsin", high$relief_days, high$relief_ended, "arcsin", ctype = 1))
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, na = "null"), file.path(out_dir, "km_transforms.json"))
cat("wrote km_transforms.json\n")
