# make_cox_predict_fixtures.R -- reference values from R's `survival::survfit(coxph_fit, newdata = ...)`
# for the Cox prediction tests (Tests/StatModelsTests/CoxPredict*.swift, Tests/ReliefCLITests).
#
# CI NEVER RUNS THIS SCRIPT. Its outputs (the cox_predict_*.json files next to it) are committed, and the
# Swift tests read them through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_cox_predict_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3.
#
# Each case `cox_predict_<name>.json` holds the INPUT of the engine and R's OUTPUT:
#   columns, x (list of columns), time, status, strata (0-based codes, levels `strata_levels`, or null),
#   ties, coef, var (fit$var)
#   profiles       list of {x: design row, stratum: 0-based code or null, values: {column: value}}
#   times, tau     the times of summary(curve, times = ...) and the horizon of print(curve, rmean = tau)
#   curves         per profile, survfit(fit, newdata = profile) with its defaults (se.fit = TRUE,
#                  conf.type = "log", stype = 2, ctype from the fit's ties): time, n.risk, n.event, surv,
#                  cumhaz, std.err (of the cumulative hazard), lower, upper; `at_times` =
#                  summary(curve, times) surv, std.err (of S), lower, upper; `median`, `median_lower`,
#                  `median_upper` from print(curve)'s table (null when not reached); `rmean`, `se_rmean`
#                  from print(curve, rmean = tau); `lp` = predict(fit, newdata, type = "lp").
# Numbers are written with digits = NA (15 significant digits).

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.0")
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))

num <- function(x) as.numeric(unname(x))
na_null <- function(x) if (is.na(x)) NULL else num(x)

# One curve per row of `newdata`, each from its own survfit call (so strata rows get their stratum).
make_case <- function(name, formula, data, newdata, times, tau, ties = "efron") {
  fit <- coxph(formula, data = data, ties = ties, x = TRUE)
  x <- model.matrix(fit)
  strata_col <- NULL
  strata_levels <- NULL
  if (!is.null(fit$strata)) {
    st <- strata(data[[all.vars(formula)[length(all.vars(formula))]]], shortlabel = TRUE)
    strata_levels <- levels(st)
    strata_col <- as.integer(st) - 1L
  }
  curves <- list()
  profiles <- list()
  for (i in seq_len(nrow(newdata))) {
    nd <- newdata[i, , drop = FALSE]
    sf <- survfit(fit, newdata = nd)
    tab <- summary(sf, rmean = tau)$table
    sm <- summary(sf, times = times)
    tt <- delete.response(terms(fit))
    special <- untangle.specials(tt, "strata")$terms
    if (length(special) > 0) tt <- tt[-special]
    x2 <- model.matrix(tt, nd)
    x2 <- x2[, colnames(x), drop = FALSE]
    stratum <- NULL
    if (!is.null(strata_levels)) stratum <- match(as.character(nd$site), strata_levels) - 1L
    profiles[[i]] <- list(x = num(x2[1, ]), stratum = stratum,
                          values = lapply(as.list(nd[, setdiff(names(nd), character(0)), drop = FALSE]),
                                          function(v) if (is.factor(v)) as.character(v) else v))
    curves[[i]] <- list(
      time = num(sf$time), n = num(sf$n), n.risk = num(sf$n.risk), n.event = num(sf$n.event),
      surv = num(sf$surv), cumhaz = num(sf$cumhaz), std.err = num(sf$std.err),
      lower = num(sf$lower), upper = num(sf$upper),
      at_times = list(time = num(sm$time), surv = num(sm$surv), std.err = num(sm$std.err),
                      lower = num(sm$lower), upper = num(sm$upper)),
      median = na_null(tab[["median"]]), median_lower = na_null(tab[["0.95LCL"]]),
      median_upper = na_null(tab[["0.95UCL"]]),
      rmean = num(tab[["rmean"]]), se_rmean = num(tab[["se(rmean)"]]),
      lp = num(predict(fit, newdata = nd, type = "lp")))
  }
  out <- list(
    name = name, formula = deparse(formula), ties = ties, columns = colnames(x),
    x = unname(lapply(seq_len(ncol(x)), function(j) num(x[, j]))),
    time = num(fit$y[, 1]), status = num(fit$y[, 2]),
    strata = strata_col, strata_levels = strata_levels,
    coef = num(coef(fit)), var = unname(lapply(seq_len(nrow(fit$var)), function(i) num(fit$var[i, ]))),
    times = num(times), tau = num(tau), profiles = profiles, curves = curves)
  write_json(out, file.path(out_dir, paste0("cox_predict_", name, ".json")), digits = NA, auto_unbox = TRUE,
             null = "null", pretty = FALSE)
  cat("wrote cox_predict_", name, ".json\n", sep = "")
}

lung_cc <- na.omit(survival::lung[, c("time", "status", "age", "sex")])
lung_cc$status <- lung_cc$status - 1
rownames(lung_cc) <- NULL
make_case("lung", Surv(time, status) ~ age + sex, lung_cc,
          data.frame(age = c(60, 70), sex = c(1, 2)), times = c(90, 180, 365), tau = 500)

ov <- survival::ovarian
make_case("ovarian_breslow", Surv(futime, fustat) ~ age + rx, ov,
          data.frame(age = c(50, 65), rx = c(1, 2)), times = c(200, 500, 1000), tau = 1000, ties = "breslow")

trial <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE)
grid <- expand.grid(interval_days = c(14, 28), dose_mg_kg = c(0.5, 1.0))[, c("dose_mg_kg", "interval_days")]
make_case("trial", Surv(relief_days, relief_ended) ~ dose_mg_kg + interval_days, trial,
          grid, times = c(7, 14, 28), tau = 28)

sites <- sort(unique(trial$site))
strata_grid <- data.frame(dose_mg_kg = c(0.5, 1.0), interval_days = c(14, 28), site = sites[c(1, length(sites))],
                          stringsAsFactors = FALSE)
make_case("trial_strata", Surv(relief_days, relief_ended) ~ dose_mg_kg + interval_days + strata(site), trial,
          strata_grid, times = c(7, 14, 28), tau = 28)
