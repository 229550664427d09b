# make_recurrent_fixtures.R -- reference values from R's `survival::coxph` for the standard models of
# repeated infusions per patient, fitted on the episodes Relief builds from the bundled infusion log
# (Tests/StatModelsTests/RecurrentEventsReferenceTests.swift; README "Repeated infusions per patient").
#
# CI NEVER RUNS THIS SCRIPT. Its inputs and output are committed next to it:
#   recurrent_episodes.csv   `relief episodes data/infusion_log.csv` (one row per infusion, with
#                            start_day and stop_day); a Swift test checks it equals what the library's
#                            EpisodeBuilder makes of data/infusion_log.csv, so the two cannot drift
#   recurrent_wlw.csv        `relief episodes data/infusion_log.csv --wlw-events 4` (the marginal
#                            Wei-Lin-Weissfeld layout: one row per patient and event number 1..4); the same
#                            Swift test checks it against MarginalEventTable, and THIS script checks it
#                            against the layout built here in R from recurrent_episodes.csv
#   recurrent_cox.json       the fits (written by this script)
#
# To regenerate (Debian/Ubuntu), from the repository root:
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   swift build --product relief
#   .build/debug/relief episodes data/infusion_log.csv -o Tests/StatModelsTests/Reference/recurrent_episodes.csv
#   .build/debug/relief episodes data/infusion_log.csv --wlw-events 4 -o Tests/StatModelsTests/Reference/recurrent_wlw.csv
#   Rscript Tests/StatModelsTests/Reference/make_recurrent_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3 (jsonlite 1.8.4). Deterministic: a second run writes a
# byte-identical file.
#
# CHECKS MADE HERE on Relief's files (stopifnot):
#   - start_day is the time from the patient's first infusion, recomputed from infusion_date (to 1e-6
#     day: the file's 6 decimals); stop_day - start_day = relief_days to 2e-6 (each is rounded to 6
#     decimals on its own); each patient's (start_day, stop_day] intervals are disjoint and in order;
#   - the WLW file equals the layout built here: per patient and k = 1..4, the stop_day of the patient's
#     k-th episode with relief_ended 1, else the largest stop_day of the patient (censored), with the
#     first episode's covariates;
#   - no time is moved by survival's timefix (aeqSurv).
#
# THE MODELS (ties = "efron", robust variance by cluster(patient_id); dose_group's reference level is
# "low", as `--ref dose_group=low`):
#   ag              Andersen-Gill: Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain
#                   + cluster(patient_id)
#   pwp_gap         Prentice-Williams-Peterson, gap time: Surv(relief_days, relief_ended) ~ ... +
#                   strata(infusion_number) + cluster(patient_id)
#   pwp_gap_capped  the same with the strata capped: strata(pmin(infusion_number, 4)) (infusions 4 and
#                   later pooled); the Swift test makes the capped codes itself
#   pwp_total       PWP, total time: Surv(start_day, stop_day, relief_ended) ~ ... +
#                   strata(infusion_number) + cluster(patient_id)
#   wlw             Wei-Lin-Weissfeld, marginal: Surv(stop_day, relief_ended) ~ ... +
#                   strata(event_number) + cluster(patient_id) on recurrent_wlw.csv
#
# recurrent_cox.json: {source, r_version, survival_version, cases: [case]}; a case:
#   name, data ("episodes" or "wlw"), start (column or null), time, event, formula (Relief's --formula),
#   strata_cap (null or the cap), reference_levels, r_call (the coxph call)
#   columns            coefficient names (R's)
#   coef, naive_se, robust_se
#   naive_var, var     fit$naive.var and fit$var (robust), as lists of rows
#   loglik             c(null, final)
#   tests              likelihood_ratio, wald (fit$wald.test: with the robust variance), score, and
#                      robust_score (fit$rscore): {statistic, df, p} each
#   n, nevent, iter, clusters (number of patients)
#   concordance        fit$concordance[["concordance"]] and its std
#   zph                cox.zph(fit, transform = "km", terms = FALSE)$table (what `relief fit cox` shows):
#                      rows (the coefficients, then GLOBAL), chisq, df, p

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.0")
invisible(Sys.setlocale("LC_COLLATE", "C"))

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"

num <- function(x) as.numeric(unname(x))
vec <- function(x) I(as.numeric(unname(x)))
mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) vec(m[i, ])))
test_list <- function(stat, df) list(statistic = num(stat), df = num(df),
                                     p = num(pchisq(stat, df, lower.tail = FALSE)))

episodes <- read.csv(file.path(out_dir, "recurrent_episodes.csv"), stringsAsFactors = FALSE)
wlw <- read.csv(file.path(out_dir, "recurrent_wlw.csv"), stringsAsFactors = FALSE)
stopifnot(nrow(episodes) == 1597, length(unique(episodes$patient_id)) == 400)

# ---- checks of start_day and stop_day --------------------------------------------------------------------
moment <- function(text) {
  text <- sub("T", " ", text)
  text <- ifelse(nchar(text) == 10, paste(text, "00:00"), text)
  as.numeric(as.POSIXct(text, tz = "UTC", format = "%Y-%m-%d %H:%M")) / 86400
}
m <- moment(episodes$infusion_date)
stopifnot(!anyNA(m))
first <- ave(m, episodes$patient_id, FUN = min)
stopifnot(all(abs(episodes$start_day - (m - first)) <= 1e-6),
          all(abs(episodes$stop_day - episodes$start_day - episodes$relief_days) <= 2e-6),
          all(episodes$start_day[episodes$infusion_number == 1] == 0))
for (p in split(episodes, episodes$patient_id)) {
  p <- p[order(p$infusion_number), ]
  stopifnot(all(diff(p$start_day) > 0), all(p$stop_day >= p$start_day),
            all(head(p$stop_day, -1) <= tail(p$start_day, -1)))
}

# ---- the WLW layout, built here and compared with Relief's file --------------------------------------------
K <- 4
wlw_r <- do.call(rbind, lapply(unique(episodes$patient_id), function(id) {
  p <- episodes[episodes$patient_id == id, ]
  p <- p[order(p$infusion_number), ]
  ends <- p$stop_day[p$relief_ended == 1]
  k <- seq_len(K)
  data.frame(patient_id = id, event_number = k,
             stop_day = ifelse(k <= length(ends), ends[k], max(p$stop_day)),
             relief_ended = as.integer(k <= length(ends)),
             dose_group = p$dose_group[1], baseline_pain = p$baseline_pain[1], stringsAsFactors = FALSE)
}))
stopifnot(nrow(wlw) == nrow(wlw_r), identical(wlw$patient_id, wlw_r$patient_id),
          identical(as.integer(wlw$event_number), wlw_r$event_number),
          identical(as.integer(wlw$relief_ended), wlw_r$relief_ended),
          all(abs(wlw$stop_day - wlw_r$stop_day) <= 1e-9),
          identical(wlw$dose_group, wlw_r$dose_group), all(wlw$baseline_pain == wlw_r$baseline_pain))

no_timefix <- function(y) stopifnot(max(abs(as.matrix(aeqSurv(y)) - as.matrix(y))) == 0)
no_timefix(Surv(episodes$start_day, episodes$stop_day, episodes$relief_ended))
no_timefix(Surv(episodes$relief_days, episodes$relief_ended))
no_timefix(Surv(wlw$stop_day, wlw$relief_ended))

episodes$dose_group <- factor(episodes$dose_group, levels = c("low", "high"))
wlw$dose_group <- factor(wlw$dose_group, levels = c("low", "high"))
episodes$infusion_capped <- pmin(episodes$infusion_number, 4)

# ---- the fits ------------------------------------------------------------------------------------------
make_case <- function(name, data_name, formula, data, start, time, event, relief_formula, strata_cap = NULL) {
  fit <- coxph(formula, data = data, ties = "efron", x = TRUE, y = TRUE, model = TRUE)
  stopifnot(!is.null(fit$naive.var), fit$iter < 20)
  cat(sprintf("%-15s n %4d, events %4d, coef %s, robust se %s, iter %d\n", name, fit$n, fit$nevent,
              paste(format(coef(fit), digits = 6), collapse = " "),
              paste(format(sqrt(diag(fit$var)), digits = 6), collapse = " "), fit$iter))
  nvar <- length(coef(fit))
  zph <- cox.zph(fit, transform = "km", terms = FALSE)$table
  list(
    name = name, data = data_name, start = start, time = time, event = event, formula = relief_formula,
    strata_cap = strata_cap, reference_levels = list(dose_group = "low"),
    r_call = paste(deparse(formula, width.cutoff = 500), collapse = " "),
    columns = names(coef(fit)), coef = vec(coef(fit)),
    naive_se = vec(sqrt(diag(fit$naive.var))), robust_se = vec(sqrt(diag(fit$var))),
    naive_var = mat(fit$naive.var), var = mat(fit$var), loglik = vec(fit$loglik),
    tests = list(
      likelihood_ratio = test_list(-2 * (fit$loglik[1] - fit$loglik[2]), nvar),
      wald = test_list(fit$wald.test, nvar),
      score = test_list(fit$score, nvar),
      robust_score = test_list(fit$rscore, nvar)),
    n = as.integer(fit$n), nevent = as.integer(fit$nevent), iter = as.integer(fit$iter),
    clusters = length(unique(data$patient_id)),
    concordance = list(concordance = num(fit$concordance[["concordance"]]),
                       std = num(fit$concordance[["std"]])),
    zph = list(rows = rownames(zph), chisq = vec(zph[, "chisq"]), df = vec(zph[, "df"]), p = vec(zph[, "p"])))
}

cases <- list(
  make_case("ag", "episodes",
            Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + cluster(patient_id),
            episodes, "start_day", "stop_day", "relief_ended", "dose_group + baseline_pain + cluster(patient_id)"),
  make_case("pwp_gap", "episodes",
            Surv(relief_days, relief_ended) ~ dose_group + baseline_pain + strata(infusion_number) +
              cluster(patient_id),
            episodes, NULL, "relief_days", "relief_ended",
            "dose_group + baseline_pain + strata(infusion_number) + cluster(patient_id)"),
  make_case("pwp_gap_capped", "episodes",
            Surv(relief_days, relief_ended) ~ dose_group + baseline_pain + strata(infusion_capped) +
              cluster(patient_id),
            episodes, NULL, "relief_days", "relief_ended",
            "dose_group + baseline_pain + strata(infusion_number) + cluster(patient_id)", strata_cap = 4L),
  make_case("pwp_total", "episodes",
            Surv(start_day, stop_day, relief_ended) ~ dose_group + baseline_pain + strata(infusion_number) +
              cluster(patient_id),
            episodes, "start_day", "stop_day", "relief_ended",
            "dose_group + baseline_pain + strata(infusion_number) + cluster(patient_id)"),
  make_case("wlw", "wlw",
            Surv(stop_day, relief_ended) ~ dose_group + baseline_pain + strata(event_number) + cluster(patient_id),
            wlw, NULL, "stop_day", "relief_ended",
            "dose_group + baseline_pain + strata(event_number) + cluster(patient_id)"))

out <- list(source = "relief episodes data/infusion_log.csv (recurrent_episodes.csv, recurrent_wlw.csv)",
            r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
            cases = cases)
path <- file.path(out_dir, "recurrent_cox.json")
writeLines(toJSON(out, digits = NA, na = "null", auto_unbox = TRUE, null = "null", pretty = FALSE), path)
cat("wrote", path, "\n")
