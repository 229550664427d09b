# make_weights_fixtures.R -- reference values for Tests/AnalysisTests/WeightedFitReferenceTests.swift
# (issue 14: `relief fit cox|weibull|lognormal|loglogistic|exponential|aft FILE --weights COLUMN`): R's
# coxph(..., weights = w) and survreg(..., weights = w) with the per-term tests of drop1 (weighted refits).
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   weights_trial.csv  data/ketamine_trial.csv with w_frac (0.5, 0.75, ..., 1.75 by row: not integers) and
#                      w_int (1, 2, 3 by row)
#   weights_lung.csv   survival::lung, complete on age, sex, ph.ecog, status coded 0/1, w = 0.6 + (row mod 5) / 4
#   weights_heart.csv  survival::heart (start, stop] rows, w = 0.7 + (row mod 3) / 5
#   weights_fixtures.json  the fits (cases) and predictions from weighted fits (predictions: survfit(fit, newdata)
#                      time, surv, cumhaz, std.err, n.risk, n.event; survreg's median and its SE)
# To regenerate, from the repository root: Rscript Tests/StatModelsTests/Reference/make_weights_fixtures.R
# Produced with R 4.2 and survival 3.5-3 (jsonlite). Deterministic.
#
# R's rules these cases pin down:
# - coxph: robust = TRUE by default when a cluster is given or a weight is not an integer
#   (`has.rwt <- any(weights != floor(weights))`); without a cluster each row is its own cluster. fit$var is
#   then the sandwich and fit$naive.var the model-based variance; with integer weights only fit$var.
# - survreg: robust = FALSE by default whatever the weights (only a cluster turns it on).
# - n and nevent count rows (coxph's nevent = sum(status), survreg's n = rows), not weights.
# - the concordance of coxph is weighted (concordancefit(y, lp, strata, weights)), and so is cox.zph.
# Fields: name, data, time, start (or null), event, model (cox or the family; aft_all for the four families),
# formula (Relief's), cluster (--cluster, or null), ties, weights, robust (R's choice), n, nevent, coef,
# var (fit$var), naive_var (fit$naive.var or null), loglik (null, model), score, rscore, wald, lr (statistics),
# concordance, concordance_std, zph (cox.zph(fit, "km", terms = FALSE) chi-squared: columns, then GLOBAL; weighted
# as R's), scale (survreg), aic, terms (drop1: term, df, lr, wald from vcov(fit)).

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.0")
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
root <- normalizePath(file.path(out_dir, "..", "..", ".."))

trial <- read.csv(file.path(root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE)
i <- seq_len(nrow(trial))
trial$w_frac <- 0.5 + (i %% 6) / 4
trial$w_int <- 1 + (i %% 3)
write.csv(trial, file.path(out_dir, "weights_trial.csv"), row.names = FALSE, quote = FALSE)

lung <- survival::lung[, c("time", "status", "age", "sex", "ph.ecog")]
lung <- lung[complete.cases(lung), ]
lung$status <- lung$status - 1
lung$w <- 0.6 + (seq_len(nrow(lung)) %% 5) / 4
write.csv(lung, file.path(out_dir, "weights_lung.csv"), row.names = FALSE, quote = FALSE)

heart <- survival::heart
heart$transplant <- as.numeric(as.character(heart$transplant))
heart$w <- 0.7 + (seq_len(nrow(heart)) %% 3) / 5
write.csv(heart, file.path(out_dir, "weights_heart.csv"), row.names = FALSE, quote = FALSE)

num <- function(x) as.numeric(unname(x))
mat <- function(m) if (is.null(m)) NULL else unname(lapply(seq_len(nrow(m)), function(r) num(m[r, ])))
cases <- list()

term_tests <- function(fit) {
  dropped <- drop1(fit, test = "Chisq")
  terms <- grep("^strata\\(|^cluster\\(", rownames(dropped)[-1], value = TRUE, invert = TRUE)
  labels <- attr(terms(fit), "term.labels")
  beta <- coef(fit)
  v <- vcov(fit)
  lapply(terms, function(t) {
    idx <- if (inherits(fit, "coxph")) fit$assign[[t]] else which(attr(model.matrix(fit), "assign") == match(t, labels))
    b <- beta[idx]
    list(term = t, df = num(dropped[t, "Df"]), lr = num(dropped[t, "LRT"]),
         wald = num(t(b) %*% solve(v[idx, idx, drop = FALSE], b)))
  })
}

add_cox <- function(name, data, file, formula, weights, ties = "efron", cluster = NULL, start = NULL,
                    time = "time", event = "status") {
  lhs <- if (is.null(start)) sprintf("Surv(%s, %s)", time, event) else sprintf("Surv(%s, %s, %s)", start, time, event)
  rhs <- if (is.null(cluster)) formula else paste0(formula, " + cluster(", cluster, ")")
  f <- as.formula(paste(lhs, "~", rhs))
  data$.w <- data[[weights]]
  fit <- eval(bquote(coxph(.(f), data = data, weights = .w, ties = .(ties))))
  robust <- !is.null(fit$naive.var)
  cases[[length(cases) + 1]] <<- list(
    name = name, data = file, time = time, start = start, event = event, model = "cox", formula = formula,
    cluster = cluster, ties = ties, weights = weights, robust = robust, n = fit$n, nevent = fit$nevent,
    coef = num(coef(fit)), var = mat(fit$var), naive_var = mat(fit$naive.var), loglik = num(fit$loglik),
    score = num(fit$score), rscore = if (is.null(fit$rscore)) NULL else num(fit$rscore), wald = num(fit$wald.test),
    lr = num(2 * diff(fit$loglik)), concordance = num(fit$concordance["concordance"]),
    concordance_std = num(fit$concordance["std"]),
    zph = num(cox.zph(fit, transform = "km", terms = FALSE)$table[, "chisq"]), terms = term_tests(fit))
}

add_survreg <- function(name, data, file, formula, weights, dist, cluster = NULL, time = "relief_days",
                        event = "relief_ended", model = dist) {
  rhs <- if (is.null(cluster)) formula else paste0(formula, " + cluster(", cluster, ")")
  f <- as.formula(paste(sprintf("Surv(%s, %s)", time, event), "~", rhs))
  data$.w <- data[[weights]]
  fit <- eval(bquote(survreg(.(f), data = data, weights = .w, dist = .(dist))))
  robust <- !is.null(fit$naive.var)
  cases[[length(cases) + 1]] <<- list(
    name = name, data = file, time = time, start = NULL, event = event, model = model, formula = formula,
    cluster = cluster, ties = NULL, weights = weights, robust = robust, n = nrow(data), nevent = sum(data[[event]]),
    coef = num(coef(fit)), var = mat(fit$var), naive_var = mat(fit$naive.var), loglik = num(fit$loglik),
    scale = num(fit$scale), lr = num(2 * diff(fit$loglik)), aic = num(AIC(fit)),
    terms = term_tests(fit))
}

# Cox on the bundled trial: fractional weights (R's robust variance, each row its own cluster), integer
# weights (model-based variance) with Breslow ties and strata, and weights with a patient cluster.
tf <- "weights_trial.csv"
add_cox("trial_efron_frac", trial, tf, "dose_mg_kg + interval_days + cotherapy", "w_frac",
        time = "relief_days", event = "relief_ended")
add_cox("trial_breslow_int_strata", trial, tf, "dose_mg_kg + interval_days + strata(condition)", "w_int",
        ties = "breslow", time = "relief_days", event = "relief_ended")
add_cox("trial_efron_int", trial, tf, "dose_mg_kg + baseline_pain + route", "w_int",
        time = "relief_days", event = "relief_ended")
add_cox("trial_cluster_frac", trial, tf, "dose_group + interval_days + condition", "w_frac", cluster = "patient_id",
        time = "relief_days", event = "relief_ended")
# survival::lung, fractional weights, Efron and Breslow.
add_cox("lung_efron", lung, "weights_lung.csv", "age + sex + ph.ecog", "w")
add_cox("lung_breslow", lung, "weights_lung.csv", "age + sex + ph.ecog", "w", ties = "breslow")
# survival::heart (start, stop] rows: rows as clusters, and patients as clusters.
add_cox("heart_efron", heart, "weights_heart.csv", "age + year + surgery + transplant", "w",
        start = "start", time = "stop", event = "event")
add_cox("heart_breslow_cluster", heart, "weights_heart.csv", "age + year + surgery + transplant", "w",
        ties = "breslow", cluster = "id", start = "start", time = "stop", event = "event")

# survreg, every family, on the trial; one with a cluster; lung.
for (dist in c("weibull", "lognormal", "loglogistic", "exponential")) {
  add_survreg(paste0("trial_", dist), trial, tf, "dose_mg_kg + interval_days + cotherapy", "w_frac", dist)
}
add_survreg("trial_weibull_cluster", trial, tf, "dose_mg_kg + interval_days + cotherapy", "w_frac", "weibull",
            cluster = "patient_id")
add_survreg("lung_weibull", lung, "weights_lung.csv", "age + sex + ph.ecog", "w", "weibull", time = "time",
            event = "status")

# relief predict on a weighted fit: survfit(fit, newdata) of the weighted coxph (the baseline weighted as the fit,
# the curve's variance from fit$var: the robust one with fractional weights) and predict(survreg, type = "quantile").
predictions <- list()
add_curve <- function(name, formula, weights, profile) {
  f <- as.formula(paste("Surv(relief_days, relief_ended) ~", formula))
  trial$.w <- trial[[weights]]
  fit <- eval(bquote(coxph(.(f), data = trial, weights = .w)))
  sf <- survfit(fit, newdata = as.data.frame(profile, stringsAsFactors = FALSE))
  predictions[[length(predictions) + 1]] <<- list(
    name = name, model = "cox", formula = formula, weights = weights, profile = profile, time = num(sf$time),
    surv = num(sf$surv), cumhaz = num(sf$cumhaz), std_err = num(sf$std.err), n_risk = num(sf$n.risk),
    n_event = num(sf$n.event))
}
add_curve("cox_frac", "dose_mg_kg + interval_days + cotherapy", "w_frac",
          list(dose_mg_kg = 0.5, interval_days = 21, cotherapy = "none"))
add_curve("cox_int", "dose_mg_kg + baseline_pain + route", "w_int", list(dose_mg_kg = 0.7, baseline_pain = 6, route = "IV"))
fit <- survreg(Surv(relief_days, relief_ended) ~ dose_mg_kg + interval_days + cotherapy, data = trial, weights = w_frac)
nd <- data.frame(dose_mg_kg = 0.5, interval_days = 21, cotherapy = "none")
q <- predict(fit, newdata = nd, type = "quantile", p = 0.5, se.fit = TRUE)
predictions[[length(predictions) + 1]] <- list(
  name = "weibull_frac", model = "weibull", formula = "dose_mg_kg + interval_days + cotherapy", weights = "w_frac",
  profile = list(dose_mg_kg = 0.5, interval_days = 21, cotherapy = "none"), median = num(q$fit), median_se = num(q$se.fit))

writeLines(toJSON(list(cases = cases, predictions = predictions), auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           file.path(out_dir, "weights_fixtures.json"))
