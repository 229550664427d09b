# make_curves_fixtures.R -- reference values from R's `survival` package for `relief curves --estimator
# nelson-aalen`: the Nelson-Aalen cumulative hazard, its standard error, and the survival exp(-H) it
# implies, per group, with and without delayed entry.
#
# CI NEVER RUNS THIS SCRIPT. Its output (curves_nelson_aalen.json next to it) is committed, and the Swift
# tests read it through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_curves_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3 (jsonlite 1.8.4). Deterministic: a second run writes
# byte-identical files.
#
# ---- curves_nelson_aalen.json ---------------------------------------------------------------------------
# {cases: [case]}; a case is survfit(Surv(time, event) ~ group, ctype = 1) (or Surv(start, stop, event)
# for delayed entry), conf.type as named, conf.int = 0.95, then the same call with stype = 2:
#   name, conf_type
#   start                   entry times, or null (entry at 0)
#   time, event             the input rows (event 0/1)
#   group, levels           0-based group code per row and the level labels (R's factor order)
#   curves[g]               one per level:
#     label
#     time, n_risk, n_event, n_censor   survfit's rows (every distinct time of the group)
#     cumhaz, std_chaz      $cumhaz and $std.chaz of the ctype = 1 fit: H(t) = cumsum(d / n) and
#                           sqrt(cumsum(d / n^2)) (checked)
#     surv                  $surv of the stype = 2 fit: exp(-H) (checked)
#     std_err               $std.err of the stype = 2 fit (the SE of log S = -H, i.e. std_chaz; checked)
#     lower, upper          its limits ($lower, $upper; null where R has NA)
# Data: data/ketamine_trial.csv by dose_group (log and log-log limits), Reference/entry_trial.csv by
# dose_group with start = entry_days (delayed entry), and R's lung by sex (status 2 = event).
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") == "3.5.3")
out_dir <- "Tests/StatModelsTests/Reference"

num <- function(x) {
  x <- as.numeric(x)
  x[!is.finite(x)] <- NA
  x
}

one_case <- function(name, time, event, group, start = NULL, conf_type = "log") {
  group <- factor(group)
  y <- if (is.null(start)) Surv(time, event) else Surv(start, time, event)
  fit <- survfit(y ~ group, ctype = 1, conf.type = conf_type)
  fit2 <- survfit(y ~ group, ctype = 1, stype = 2, conf.type = conf_type)
  strata <- rep(seq_along(fit$strata), fit$strata)
  curves <- lapply(seq_along(levels(group)), function(g) {
    k <- which(strata == g)
    n <- fit$n.risk[k]
    d <- fit$n.event[k]
    stopifnot(isTRUE(all.equal(fit$cumhaz[k], cumsum(d / n), tolerance = 1e-13)))
    stopifnot(isTRUE(all.equal(fit$std.chaz[k], sqrt(cumsum(d / n^2)), tolerance = 1e-13)))
    stopifnot(isTRUE(all.equal(fit2$surv[k], exp(-fit$cumhaz[k]), tolerance = 1e-13)))
    stopifnot(isTRUE(all.equal(fit2$std.err[k], fit$std.chaz[k], tolerance = 1e-13)))
    stopifnot(identical(fit2$time[k], fit$time[k]))
    list(
      label = levels(group)[g], time = fit$time[k], n_risk = fit$n.risk[k], n_event = fit$n.event[k],
      n_censor = fit$n.censor[k], cumhaz = fit$cumhaz[k], std_chaz = fit$std.chaz[k], surv = fit2$surv[k],
      std_err = fit2$std.err[k], lower = num(fit2$lower[k]), upper = num(fit2$upper[k]))
  })
  list(name = name, conf_type = conf_type, start = if (is.null(start)) NULL else start, time = time,
       event = as.integer(event), group = as.integer(group) - 1L, levels = levels(group), curves = curves)
}

trial <- read.csv("data/ketamine_trial.csv", stringsAsFactors = FALSE)
entry <- read.csv(file.path(out_dir, "entry_trial.csv"), stringsAsFactors = FALSE)
lung_data <- survival::lung

cases <- list(
  one_case("trial_dose_group", trial$relief_days, trial$relief_ended, trial$dose_group),
  one_case("trial_dose_group_loglog", trial$relief_days, trial$relief_ended, trial$dose_group,
           conf_type = "log-log"),
  one_case("entry_dose_group", entry$relief_days, entry$relief_ended, entry$dose_group, start = entry$entry_days),
  one_case("lung_sex", lung_data$time, as.integer(lung_data$status == 2), lung_data$sex))

json <- toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, na = "null", null = "null")
writeLines(json, file.path(out_dir, "curves_nelson_aalen.json"))
