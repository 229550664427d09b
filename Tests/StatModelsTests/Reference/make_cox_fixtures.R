# make_cox_fixtures.R -- reference values from R's `survival::coxph`, `concordance` and `cox.zph` for the
# Cox proportional-hazards tests (Tests/StatModelsTests/Cox*.swift).
#
# CI NEVER RUNS THIS SCRIPT. Its outputs (the cox_*.json files next to it) are committed, and the Swift
# tests read them through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_cox_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3.
#
# Each case is one file `cox_<name>.json` holding the INPUT of the engine and R's OUTPUT:
#   columns        design-matrix column names (R's model.matrix, intercept dropped)
#   x              the design matrix as a list of columns (x[[j]] = column j, one value per row)
#   time, status   follow-up time and event (0/1) after R's NA removal
#   strata         0-based stratum code per row (levels in `strata_levels`) or null
#   weights        case weights or null
#   cluster        0-based cluster code per row or null
#   robust         whether R computed a robust variance (cluster given, or non-integer weights, or
#                  robust = TRUE: then each row is its own cluster)
#   ties           "efron" or "breslow"
#   coef, var      coefficients and fit$var (the robust variance when robust, else the naive one)
#   naive_var      fit$naive.var when robust, else equal to var
#   loglik         c(null, final); score = fit$score; wald = fit$wald.test (with fit$var);
#   lr             -2 (loglik[1] - loglik[2]); rscore = fit$rscore (robust score test) or null
#   iter, n, nevent, means (R's centring: 0 for columns whose values are all in {-1, 0, 1})
#   concordance    fit$concordance: concordant, discordant, tied.x, tied.y, tied.xy, concordance, std
#                  (with cluster = the fit's cluster, as coxph computes it)
#   concordance_call  concordance(fit): concordance and sqrt(var) (no cluster unless in the formula)
#   zph            cox.zph(fit, transform = "km", terms = FALSE)$table: rows = columns + GLOBAL
#   warnings       the warnings coxph raised
# Numbers are written with digits = NA (15 significant digits, relative rounding <= 5e-16).
# Factor coding: treatment contrasts, reference = first level in byte (C-locale) order, recorded in
# `factor_levels`. The trial data: data/ketamine_trial.csv (condition reference "CRPS", cotherapy
# reference "counseling").

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
mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) num(m[i, ])))
test_list <- function(stat, df) list(statistic = num(stat), df = num(df),
                                     p = num(pchisq(stat, df, lower.tail = FALSE)))

# Fits `formula` on `data` and writes cox_<name>.json.
make_case <- function(name, formula, data, ties = "efron", weights = NULL, robust = NULL,
                      factor_levels = NULL, iter_max = 20) {
  warns <- character(0)
  data$.w <- if (is.null(weights)) rep(1, nrow(data)) else weights
  fit <- withCallingHandlers(
    if (is.null(robust)) {
      if (is.null(weights)) coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE,
                                  control = coxph.control(iter.max = iter_max))
      else coxph(formula, data = data, ties = ties, weights = .w, x = TRUE, y = TRUE, model = TRUE,
                 control = coxph.control(iter.max = iter_max))
    } else {
      if (is.null(weights)) coxph(formula, data = data, ties = ties, robust = robust, x = TRUE, y = TRUE, model = TRUE,
                                  control = coxph.control(iter.max = iter_max))
      else coxph(formula, data = data, ties = ties, weights = .w, robust = robust, x = TRUE, y = TRUE, model = TRUE,
                 control = coxph.control(iter.max = iter_max))
    },
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })

  mf <- fit$model
  X <- fit$x
  Y <- fit$y
  cluster <- NULL
  if ("(cluster)" %in% names(mf)) {
    cluster <- as.integer(factor(mf[["(cluster)"]])) - 1L
  }
  strata <- NULL; strata_levels <- NULL
  if (length(grep("strata\\(", deparse(formula)))) {
    sv <- mf[[grep("^strata\\(", names(mf))]]
    strata <- as.integer(sv) - 1L
    strata_levels <- levels(sv)
  }
  w <- if (is.null(weights)) NULL else num(model.weights(mf))

  is_robust <- !is.null(fit$naive.var)
  zph <- tryCatch({
    z <- cox.zph(fit, transform = "km", terms = FALSE)$table
    list(rows = rownames(z), chisq = num(z[, "chisq"]), df = num(z[, "df"]), p = num(z[, "p"]))
  }, error = function(e) NULL)
  cc <- concordance(fit)
  nvar <- length(fit$coefficients)

  case <- list(
    name = name, formula = paste(deparse(formula), collapse = " "), ties = ties,
    columns = colnames(X), factor_levels = factor_levels,
    x = lapply(seq_len(ncol(X)), function(j) num(X[, j])),
    time = num(Y[, 1]), status = as.integer(Y[, 2]),
    strata = strata, strata_levels = strata_levels, weights = w, cluster = cluster,
    robust = is_robust, iter_max = iter_max,
    coef = num(fit$coefficients), var = mat(fit$var),
    naive_var = mat(if (is_robust) fit$naive.var else fit$var),
    loglik = num(fit$loglik), score = num(fit$score), wald = num(fit$wald.test),
    lr = num(-2 * (fit$loglik[1] - fit$loglik[2])),
    rscore = if (is.null(fit$rscore)) NULL else num(fit$rscore),
    tests = list(
      likelihood_ratio = test_list(-2 * (fit$loglik[1] - fit$loglik[2]), nvar),
      wald = test_list(fit$wald.test, nvar),
      score = test_list(fit$score, nvar),
      robust_score = if (is.null(fit$rscore)) NULL else test_list(fit$rscore, nvar)),
    iter = as.integer(fit$iter), n = as.integer(fit$n), nevent = as.integer(fit$nevent),
    means = num(fit$means),
    concordance = as.list(setNames(num(fit$concordance),
      c("concordant", "discordant", "tied_x", "tied_y", "tied_xy", "concordance", "std"))),
    concordance_call = list(concordance = num(cc$concordance), std = num(sqrt(cc$var))),
    zph = zph, warnings = warns)
  path <- file.path(out_dir, paste0("cox_", name, ".json"))
  writeLines(toJSON(case, digits = NA, na = "null", auto_unbox = TRUE, null = "null", pretty = FALSE),
             path)
  cat("wrote", path, " iter =", fit$iter, " warnings:", warns, "\n")
}

# ---- R's datasets -------------------------------------------------------------------------------------
lung_cc <- na.omit(survival::lung[, c("time", "status", "age", "sex", "ph.ecog")])
lung_cc$status <- lung_cc$status - 1   # 1/2 -> 0/1
rownames(lung_cc) <- NULL
make_case("lung", Surv(time, status) ~ age + sex + ph.ecog, lung_cc)
make_case("lung_breslow", Surv(time, status) ~ age + sex + ph.ecog, lung_cc, ties = "breslow")
make_case("lung_robust", Surv(time, status) ~ age + sex + ph.ecog, lung_cc, robust = TRUE)
# Non-integer case weights: R switches to the robust (each row its own cluster) variance.
lung_w <- 0.5 + ((seq_len(nrow(lung_cc)) * 7) %% 11) / 10
make_case("lung_weights", Surv(time, status) ~ age + sex + ph.ecog, lung_cc, weights = lung_w)

vet <- survival::veteran
make_case("veteran", Surv(time, status) ~ trt + karno + celltype, vet,
          factor_levels = list(celltype = levels(vet$celltype)))
make_case("veteran_strata", Surv(time, status) ~ trt + strata(celltype), vet,
          factor_levels = list(celltype = levels(vet$celltype)))

ov <- survival::ovarian
make_case("ovarian_efron", Surv(futime, fustat) ~ age + rx, ov)
make_case("ovarian_breslow", Surv(futime, fustat) ~ age + rx, ov, ties = "breslow")
# Integer case weights (frequency weights): the naive variance, no robust variance.
make_case("ovarian_weights", Surv(futime, fustat) ~ age + rx, ov, weights = rep(c(1, 2, 3), length.out = 26))

make_case("rats", Surv(time, status) ~ rx + cluster(litter), survival::rats)
make_case("kidney", Surv(time, status) ~ age + sex + cluster(id), survival::kidney)

# ---- the bundled trial data ---------------------------------------------------------------------------
trial <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE)
trial$condition <- factor(trial$condition, levels = sort(unique(trial$condition), method = "radix"))
trial$cotherapy <- factor(trial$cotherapy, levels = sort(unique(trial$cotherapy), method = "radix"))
make_case("ketamine",
          Surv(relief_days, relief_ended) ~ dose_mg_kg + interval_days + baseline_pain + condition +
            cotherapy + cluster(patient_id),
          trial, factor_levels = list(condition = levels(trial$condition),
                                      cotherapy = levels(trial$cotherapy)))
trial$site <- factor(trial$site)
make_case("ketamine_strata_breslow",
          Surv(relief_days, relief_ended) ~ dose_mg_kg + interval_days + strata(site) +
            cluster(patient_id),
          trial, ties = "breslow")

# ---- a simulated case: ties, three strata, non-integer weights, clusters, Breslow and Efron -------------
set.seed(20240611)
nsim <- 240
sim <- data.frame(
  time = round(rexp(nsim, 0.1) + 0.5),              # many tied times
  status = rbinom(nsim, 1, 0.7),
  z1 = rnorm(nsim), z2 = rbinom(nsim, 1, 0.4), z3 = round(runif(nsim, 20, 80)),
  grp = sample(c("a", "b", "c"), nsim, replace = TRUE),
  id = rep(seq_len(nsim / 3), each = 3))
sim_w <- round(runif(nsim, 0.5, 2.5), 2)
make_case("sim_efron", Surv(time, status) ~ z1 + z2 + z3 + strata(grp) + cluster(id), sim, weights = sim_w)
make_case("sim_breslow", Surv(time, status) ~ z1 + z2 + z3 + strata(grp) + cluster(id), sim,
          ties = "breslow", weights = sim_w)

# ---- monotone likelihood: no events at all where flag == 1 ------------------------------------------------
mono <- ov
mono$flag <- as.numeric(mono$fustat == 0 & mono$futime > 700)   # every flagged patient is censored
make_case("monotone", Surv(futime, fustat) ~ age + flag, mono)

# ---- non-convergence: maxIterations 1 ------------------------------------------------------------------------
make_case("lung_iter1", Surv(time, status) ~ age + sex + ph.ecog, lung_cc, iter_max = 1)
