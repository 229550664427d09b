# make_formula_fixtures.R -- reference design matrices from R's model.matrix for the Formula tests.
#
# CI NEVER RUNS THIS SCRIPT. Its outputs (formula_*.json and formula_lung.csv next to it) are committed,
# and Tests/StatModelsTests/FormulaReferenceTests.swift reads them through Bundle.module.
#
# To regenerate (Debian/Ubuntu; R >= 4.0 with the recommended packages: splines, survival, jsonlite):
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_formula_fixtures.R
# Produced with R 4.2.
#
# Text columns become factors with levels in the C locale's byte order (as the Swift reader sorts them).
# Each case holds:
#   formula        the right-hand side as given to the Swift parser
#   ref            reference levels (column -> level) applied with relevel(), or {}
#   term_labels    attr(terms(mf), "term.labels") without specials
#   colnames       colnames(model.matrix(...)) (with "(Intercept)")
#   assign         attr(model.matrix, "assign") (0 = intercept, k = k-th term)
#   n              rows after na.omit
#   head           the first (up to) 50 rows of the matrix, row by row
#   col_sums       column sums over all rows
#   col_sq_sums    column sums of squares over all rows
#   profiles       (some cases) design rows of new data built from the fitted terms exactly as
#                  predict() does: model.frame(delete.response(terms), newdata, xlev = .getXlevels())
#                  so ns() keeps its fitting knots. `at` lists the values per column; rows are the
#                  cross with the FIRST column varying slowest.
#   strata_levels  levels of the strata() variable (R's labels, e.g. site=S01) and strata_head the
#                  0-based stratum of the first rows; n_clusters the number of distinct cluster ids
# Numbers are written with digits = NA (15 significant digits).

suppressPackageStartupMessages({
  library(splines)
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))

here <- "Tests/StatModelsTests/Reference"
trial <- read.csv("data/ketamine_trial.csv", stringsAsFactors = FALSE)

# A lung export with NAs and a text column, to check na.omit and factors read from text.
lung_df <- survival::lung
lung_df$ecog_label <- c("zero", "one", "two", "three")[lung_df$ph.ecog + 1]
lung_out <- lung_df[, c("time", "status", "age", "sex", "ph.ecog", "ecog_label", "wt.loss", "meal.cal")]
write.csv(lung_out, file.path(here, "formula_lung.csv"), row.names = FALSE, na = "NA")
lung_in <- read.csv(file.path(here, "formula_lung.csv"), stringsAsFactors = FALSE)

as_factors <- function(df, ref) {
  for (col in names(df)) {
    if (is.character(df[[col]])) {
      df[[col]] <- factor(df[[col]], levels = sort(unique(df[[col]][!is.na(df[[col]])]), method = "radix"))
    }
  }
  for (col in names(ref)) df[[col]] <- relevel(df[[col]], ref = ref[[col]])
  df
}

design_case <- function(name, data, time, status, rhs, ref = list(), at = NULL) {
  df <- as_factors(data, ref)
  f <- as.formula(paste0("Surv(", time, ", ", status, ") ~ ", rhs))
  mf <- model.frame(terms(f, specials = c("strata", "cluster")), data = df, na.action = na.omit)
  tt_all <- terms(mf)
  # As coxph: strata() and cluster() terms are dropped before model.matrix.
  specials <- c(untangle.specials(tt_all, "strata")$terms, untangle.specials(tt_all, "cluster")$terms)
  tt <- if (length(specials)) tt_all[-specials] else tt_all
  mm <- model.matrix(tt, mf)
  out <- list(
    name = name, formula = rhs, ref = if (length(ref)) ref else setNames(list(), character(0)),
    term_labels = attr(tt, "term.labels"), colnames = colnames(mm),
    assign = attr(mm, "assign"), n = nrow(mm),
    head = unname(lapply(seq_len(min(50, nrow(mm))), function(i) unname(mm[i, ]))),
    col_sums = unname(colSums(mm)), col_sq_sums = unname(colSums(mm^2))
  )
  st <- untangle.specials(tt_all, "strata")
  if (length(st$vars)) {
    s <- mf[[st$vars[1]]]
    out$strata_levels <- levels(droplevels(s))
    out$strata_head <- as.integer(droplevels(s))[seq_len(min(50, nrow(mm)))] - 1L
  }
  cl <- untangle.specials(tt_all, "cluster")
  if (length(cl$vars)) out$n_clusters <- length(unique(mf[[cl$vars[1]]]))
  if (!is.null(at)) {
    # cross with the first column slowest: expand.grid varies its first argument fastest.
    grid <- expand.grid(rev(at), KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)
    grid <- grid[, rev(names(grid)), drop = FALSE]
    for (col in names(grid)) if (is.factor(df[[col]])) grid[[col]] <- factor(grid[[col]], levels = levels(df[[col]]))
    tt0 <- delete.response(tt)
    mf0 <- model.frame(tt0, grid, xlev = .getXlevels(tt, mf))
    pm <- model.matrix(tt0, mf0)
    out$at <- lapply(at, as.character)
    out$at_columns <- names(at)
    out$profiles <- unname(lapply(seq_len(nrow(pm)), function(i) unname(pm[i, ])))
  }
  out
}

trial_cases <- list(
  design_case("main_effects", trial, "relief_days", "relief_ended",
              "dose_group + interval_days + baseline_pain + condition + cotherapy"),
  design_case("numeric_by_factor", trial, "relief_days", "relief_ended", "dose_mg_kg * cotherapy",
              at = list(dose_mg_kg = c(0.5, 1.0), cotherapy = c("none", "physical_therapy"))),
  design_case("transforms", trial, "relief_days", "relief_ended", "log(interval_days) + I(dose_mg_kg^2)"),
  design_case("spline", trial, "relief_days", "relief_ended", "ns(dose_mg_kg, df = 3) + condition",
              at = list(dose_mg_kg = c(0.2, 0.391, 0.75, 1.27, 1.5), condition = c("CRPS", "other"))),
  design_case("factor_interaction_one_main", trial, "relief_days", "relief_ended", "condition:cotherapy + condition"),
  design_case("relevel", trial, "relief_days", "relief_ended", "condition + dose_mg_kg + cotherapy",
              ref = list(condition = "neuropathic", cotherapy = "physical_therapy"),
              at = list(condition = c("CRPS", "neuropathic"), dose_mg_kg = c(0.8), cotherapy = c("none"))),
  design_case("relevel_full_coding", trial, "relief_days", "relief_ended", "condition:cotherapy + cotherapy",
              ref = list(condition = "other")),
  design_case("numeric_factor_no_main", trial, "relief_days", "relief_ended", "dose_mg_kg:condition"),
  design_case("three_way", trial, "relief_days", "relief_ended", "dose_group * cotherapy * route"),
  design_case("power_of_sum", trial, "relief_days", "relief_ended", "(condition + cotherapy + dose_mg_kg)^2"),
  design_case("arithmetic", trial, "relief_days", "relief_ended",
              "I(dose_mg_kg * baseline_pain) + I(interval_days^3) + log10(baseline_pain) + sqrt(interval_days) + exp(I(dose_mg_kg/2)) + I(-dose_mg_kg + 1)"),
  design_case("spline_positional", trial, "relief_days", "relief_ended", "ns(interval_days, 4) + ns(log(baseline_pain), df = 1)",
              at = list(interval_days = c(3, 7, 14, 28, 90, 120), baseline_pain = c(5))),
  design_case("nested_numeric_interaction", trial, "relief_days", "relief_ended", "dose_group + dose_group:interval_days + strata(site)"),
  design_case("strata_crossed_cluster", trial, "relief_days", "relief_ended",
              "dose_mg_kg + strata(route, dose_group) + cluster(patient_id)"),
  design_case("factor_numeric_interaction_main", trial, "relief_days", "relief_ended", "cotherapy:dose_mg_kg + dose_mg_kg")
)
write_json(list(dataset = "ketamine_trial", cases = trial_cases), file.path(here, "formula_trial.json"),
           auto_unbox = TRUE, digits = NA, pretty = FALSE)

lung_cases <- list(
  design_case("lung_na_omit", lung_in, "time", "status", "age + sex + ecog_label + log(meal.cal) + ns(wt.loss, df = 2)"),
  design_case("lung_numeric_ecog", lung_in, "time", "status", "age * ph.ecog")
)
write_json(list(dataset = "lung", cases = lung_cases), file.path(here, "formula_lung.json"),
           auto_unbox = TRUE, digits = NA, pretty = FALSE)
cat("wrote formula_trial.json, formula_lung.json, formula_lung.csv\n")
