# make_baseline_fixtures.R -- reference values from base R for the baseline-characteristics table
# (Tests/StatModelsTests/BaselineCharacteristicsTests.swift).
#
# CI NEVER RUNS THIS SCRIPT. Its output (baseline_ketamine.json next to it) is committed, and the Swift
# tests read it through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   bash scripts/install-r.sh        # r-base-core, r-cran-survival, r-cran-jsonlite, ...
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_baseline_fixtures.R
# Produced with R 4.2.2.
#
# The data: data/ketamine_trial.csv, one row per treatment episode, grouped by dose_group. Rows with a
# missing value in any column used (time, event, dose_group, the five variables) are dropped together,
# as Relief's reader drops them (na.omit); the trial has none. Groups are the levels of dose_group in
# C-locale (byte) order, then "Overall" (all rows).
#
# baseline_ketamine.json holds:
#   source, group_column
#   groups       per group: label, episodes (rows), patients (distinct patient_id), events
#                (sum of relief_ended)
#   numeric      per variable (baseline_pain, interval_days, and dose_mg_kg, whose many distinct
#                values make the quartiles interpolate): name and, per group, n, mean (mean),
#                sd (sd, n - 1 denominator; null when n < 2), median (median), q1 and q3
#                (quantile(x, c(0.25, 0.75), type = 7)), min, max
#   categorical  per variable (condition, route, cotherapy): name, levels (sorted in the C locale, as
#                factor()), counts[group][level] (table()), percent[group][level]
#                (100 * count / non-missing rows of the group)
# Numbers are written with digits = NA (15 significant digits).

suppressPackageStartupMessages(library(jsonlite))
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))

numeric_vars <- c("baseline_pain", "interval_days", "dose_mg_kg")
categorical_vars <- c("condition", "route", "cotherapy")
used <- c("relief_days", "relief_ended", "dose_group", numeric_vars, categorical_vars)

trial <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"), stringsAsFactors = FALSE,
                  na.strings = c("NA", "", "."))
trial <- trial[complete.cases(trial[, used]), ]

group_levels <- sort(unique(trial$dose_group), method = "radix")
groups <- c(lapply(group_levels, function(g) trial$dose_group == g), list(rep(TRUE, nrow(trial))))
labels <- c(group_levels, "Overall")

num_or_null <- function(x) if (length(x) == 0 || is.na(x)) NULL else as.numeric(unname(x))

numeric_summary <- function(x) {
  x <- x[!is.na(x)]
  n <- length(x)
  if (n == 0) return(list(n = 0))
  q <- quantile(x, c(0.25, 0.75), type = 7, names = FALSE)
  list(n = n, mean = mean(x), sd = if (n < 2) NULL else sd(x), median = median(x),
       q1 = q[1], q3 = q[2], min = min(x), max = max(x))
}

out <- list(
  source = "data/ketamine_trial.csv",
  group_column = "dose_group",
  groups = lapply(seq_along(groups), function(k) {
    rows <- groups[[k]]
    list(label = labels[k], episodes = sum(rows), patients = length(unique(trial$patient_id[rows])),
         events = sum(trial$relief_ended[rows] == 1))
  }),
  numeric = lapply(numeric_vars, function(v) {
    list(name = v, summaries = lapply(groups, function(rows) numeric_summary(trial[[v]][rows])))
  }),
  categorical = lapply(categorical_vars, function(v) {
    levels <- sort(unique(trial[[v]]), method = "radix")
    counts <- lapply(groups, function(rows) {
      as.integer(table(factor(trial[[v]][rows], levels = levels)))
    })
    percent <- lapply(counts, function(cnt) if (sum(cnt) == 0) rep(NA, length(cnt)) else 100 * cnt / sum(cnt))
    list(name = v, levels = levels, counts = counts, percent = percent)
  })
)

write_json(out, file.path(out_dir, "baseline_ketamine.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE)
