# make_fixtures.R -- reference values from R's `survival` package for the StatModels tests.
#
# CI NEVER RUNS THIS SCRIPT. Its outputs (the *.csv and *.json files next to it) are committed, and the
# Swift tests in Tests/StatModelsTests read them through Bundle.module.
#
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_fixtures.R
# Produced with R 4.2 and survival 3.5-3.
#
# CSV exports (R's own codings are kept; nothing is recoded in the CSV files):
#   lung.csv     time = time (days), event = status (1 = censored, 2 = dead; R's legacy 1/2 coding),
#                groups: sex (1 = male, 2 = female), ph.ecog (0..3, one NA row that survfit drops)
#   veteran.csv  time = time, event = status (1 = dead, 0 = censored), groups: trt (1, 2), celltype
#   ovarian.csv  time = futime, event = fustat (1/0), group: rx (1, 2)
#   aml.csv      time = time, event = status (1/0), group: x (Maintained, Nonmaintained)
#   ketamine_trial.csv is not exported here: it is read from data/ketamine_trial.csv
#                time = relief_days, event = relief_ended (1/0), groups: dose_group (high, low),
#                interval band from interval_days (<=7, 8-28, >28; trend scores 1..3)
#
# JSON fixtures (one per dataset, `<dataset>.json`): each holds a list of cases. A case carries its input
# arrays after R's NA removal (time, event as 0/1, group as 0-based index into `levels`, strata as
# 0-based index into `strata_levels` or null) and the expected outputs:
#   km[conf_type][g]       survfit(..., conf.type = conf_type) (log, log-log, plain, logit, arcsin) for group g: every time incl. censor-only
#                          times, n.risk, n.event, n.censor, surv, std_err_log (survfit's $std.err, the
#                          SE of -log S), lower, upper
#   summary_censored[g]    summary(fit, censored = TRUE): std_err is the SE of S(t)
#   summary_times[ct][g]   summary(fit[g], times = probe_times, extend = TRUE)
#   quantile[ct][g]        quantile(fit[g], c(.25, .5, .75)) with lower/upper
#   table[ct][tau][g]      summary(fit[g], rmean = tau)$table: median, LCL, UCL (as print.survfit) and
#                          rmean, se(rmean)
#   survdiff               survdiff(Surv ~ group [+ strata(s)]): obs, exp (summed over strata),
#                          var, chisq, df, p
#   trend                  U = sum w (O - E), V = w' var w, chisq = U^2 / V, p on 1 df
# Numbers are written with digits = NA (jsonlite's maximum: 15 significant digits, a relative rounding of
# at most 5e-16, far inside the test tolerances; every input value here is exact in 15 digits).
# NA, NaN and Inf are written as null.

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.0")

args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
conf_types <- c("log", "log-log", "plain", "logit", "arcsin")
probs <- c(0.25, 0.5, 0.75)

num <- function(x) as.numeric(unname(x))

write_json_fixture <- function(obj, name) {
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(obj, digits = NA, na = "null", auto_unbox = TRUE, null = "null", pretty = FALSE),
             path)
  cat("wrote", path, "\n")
}

# Curve `g` of a survfit with strata (or the whole fit when there is one group).
curve_of <- function(fit, g) if (is.null(fit$strata)) fit else fit[g]

km_curve <- function(f) list(
  time = num(f$time), n_risk = num(f$n.risk), n_event = num(f$n.event), n_censor = num(f$n.censor),
  surv = num(f$surv), std_err_log = num(f$std.err), lower = num(f$lower), upper = num(f$upper))

summary_rows <- function(s) list(
  time = num(s$time), n_risk = num(s$n.risk), n_event = num(s$n.event), surv = num(s$surv),
  std_err = num(s$std.err), lower = num(s$lower), upper = num(s$upper))

# One case: a grouping of one dataset, optionally with strata for the stratified log-rank.
make_case <- function(name, time, status, group, strata = NULL, probe_times, trend_scores = NULL) {
  keep <- !is.na(time) & !is.na(status) & !is.na(group)
  if (!is.null(strata)) keep <- keep & !is.na(strata)
  time <- time[keep]; status <- status[keep]; group <- group[keep]
  if (!is.null(strata)) strata <- strata[keep]
  gf <- if (is.factor(group)) droplevels(group) else factor(group)
  levels_g <- levels(gf)
  ng <- length(levels_g)
  y <- Surv(time, status)
  event01 <- as.integer(y[, 2])

  case <- list(name = name, time = num(time), event = event01, group = as.integer(gf) - 1L,
               levels = levels_g, probe_times = probe_times, probs = probs)
  if (!is.null(strata)) {
    sf <- if (is.factor(strata)) droplevels(strata) else factor(strata)
    case$strata <- as.integer(sf) - 1L
    case$strata_levels <- levels(sf)
  } else {
    case$strata <- NULL
  }

  last_times <- sapply(seq_len(ng), function(g) max(time[as.integer(gf) == g]))
  taus <- c(min(last_times), max(last_times))
  case$taus <- taus

  km <- list(); st <- list(); qq <- list(); tb <- list()
  for (ct in conf_types) {
    fit <- survfit(y ~ gf, conf.type = ct)
    km[[ct]] <- lapply(seq_len(ng), function(g) km_curve(curve_of(fit, g)))
    st[[ct]] <- lapply(seq_len(ng), function(g)
      summary_rows(summary(curve_of(fit, g), times = probe_times, extend = TRUE)))
    qq[[ct]] <- lapply(seq_len(ng), function(g) {
      q <- quantile(curve_of(fit, g), probs)
      list(quantile = num(q$quantile), lower = num(q$lower), upper = num(q$upper))
    })
    tb[[ct]] <- lapply(taus, function(tau) lapply(seq_len(ng), function(g) {
      t <- summary(curve_of(fit, g), rmean = tau)$table
      list(median = num(t["median"]), lcl = num(t[grep("LCL", names(t))]),
           ucl = num(t[grep("UCL", names(t))]), rmean = num(t["rmean"]),
           se_rmean = num(t["se(rmean)"]))
    }))
    if (ct == "log") {
      case$summary_censored <- lapply(seq_len(ng), function(g)
        summary_rows(summary(curve_of(fit, g), censored = TRUE)))
    }
  }
  case$km <- km; case$summary_times <- st; case$quantile <- qq; case$table <- tb

  sd <- if (is.null(strata)) survdiff(y ~ gf) else survdiff(y ~ gf + strata(sf))
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  ex <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  case$survdiff <- list(observed = num(obs), expected = num(ex), var = unname(sd$var),
                        chisq = num(sd$chisq), df = sum(ex > 0) - 1,
                        p = num(pchisq(sd$chisq, sum(ex > 0) - 1, lower.tail = FALSE)))
  w <- if (is.null(trend_scores)) seq_len(ng) else trend_scores
  U <- sum(w * (obs - ex))
  V <- num(t(w) %*% sd$var %*% w)
  case$trend <- list(scores = w, U = U, V = V, chisq = U^2 / V,
                     p = pchisq(U^2 / V, 1, lower.tail = FALSE))
  case
}

# ---- R's datasets: CSV exports with R's codings ----------------------------------------------------
lung_df <- survival::lung
write.csv(lung_df[, c("time", "status", "sex", "ph.ecog")], file.path(out_dir, "lung.csv"), row.names = FALSE)
write.csv(veteran[, c("time", "status", "trt", "celltype")], file.path(out_dir, "veteran.csv"), row.names = FALSE)
write.csv(ovarian[, c("futime", "fustat", "rx")], file.path(out_dir, "ovarian.csv"), row.names = FALSE)
write.csv(aml[, c("time", "status", "x")], file.path(out_dir, "aml.csv"), row.names = FALSE)

write_json_fixture(list(dataset = "lung", cases = list(
  make_case("lung ~ sex", lung_df$time, lung_df$status, lung_df$sex,
            probe_times = c(-1, 0, 5, 100, 365, 500, 1000, 1022, 2000)),
  make_case("lung ~ ph.ecog", lung_df$time, lung_df$status, lung_df$ph.ecog,
            probe_times = c(0, 100, 118, 365, 1000)),
  make_case("lung ~ ph.ecog + strata(sex)", lung_df$time, lung_df$status, lung_df$ph.ecog,
            strata = lung_df$sex, probe_times = c(100, 365))
)), "lung")

write_json_fixture(list(dataset = "veteran", cases = list(
  make_case("veteran ~ trt", veteran$time, veteran$status, veteran$trt,
            probe_times = c(1, 30, 90, 180, 365, 999, 1500)),
  make_case("veteran ~ celltype", veteran$time, veteran$status, veteran$celltype,
            probe_times = c(30, 90, 180, 365)),
  make_case("veteran ~ trt + strata(celltype)", veteran$time, veteran$status, veteran$trt,
            strata = veteran$celltype, probe_times = c(30, 90))
)), "veteran")

write_json_fixture(list(dataset = "ovarian", cases = list(
  make_case("ovarian ~ rx", ovarian$futime, ovarian$fustat, ovarian$rx,
            probe_times = c(100, 365, 730, 1200, 1300))
)), "ovarian")

write_json_fixture(list(dataset = "aml", cases = list(
  make_case("aml ~ x", aml$time, aml$status, aml$x, probe_times = c(5, 10, 30, 45, 48, 100, 200))
)), "aml")

# ---- the bundled trial data (written by `relief simulate`) ------------------------------------------
trial_path <- file.path(repo_root, "data", "ketamine_trial.csv")
if (file.exists(trial_path)) {
  trial <- read.csv(trial_path, stringsAsFactors = FALSE)
  band <- cut(trial$interval_days, breaks = c(-Inf, 7, 28, Inf), labels = c("<=7", "8-28", ">28"))
  write_json_fixture(list(dataset = "ketamine_trial", source = "data/ketamine_trial.csv", cases = list(
    make_case("trial ~ dose_group", trial$relief_days, trial$relief_ended, trial$dose_group,
              probe_times = c(7, 14, 28, 56)),
    make_case("trial ~ interval band", trial$relief_days, trial$relief_ended, band,
              probe_times = c(7, 14, 28), trend_scores = 1:3),
    make_case("trial ~ dose_group + strata(interval band)", trial$relief_days, trial$relief_ended,
              trial$dose_group, strata = band, probe_times = c(14))
  )), "ketamine_trial")
} else {
  cat("NOTE:", trial_path, "does not exist yet; ketamine_trial.json not written. Re-run once it exists.\n")
}

# ---- timefix: near-tied times (aeqSurv, survival >= 3.0 default timefix = TRUE) -----------------------
# tolerance = sqrt(.Machine$double.eps) ~ 1.49e-8; the unique times below have mean |t| ~ 5, so the
# relative rule ties differences up to ~7.4e-8 while the absolute rule alone ties only up to 1.49e-8.
tf_time <- c(1, 1 + 1e-9, 1 + 1e-8, 2, 2 + 5e-8, 3, 3 + 6e-8, 3 + 1.2e-7, 3 + 1.8e-7,
             4, 4 + 2e-7, 5, 5, 6 + 1e-7, 6, 7, 8 * (1 + 1e-12), 8, 9, 10, 10 + 7e-8, 10 + 3e-7)
tf_status <- c(1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0)
tf_group <- rep(c("a", "b"), length.out = length(tf_time))
tf_case <- make_case("timefix near ties", tf_time, tf_status, tf_group, probe_times = c(1, 3, 6, 10))
tf_case$aeq_time <- num(aeqSurv(Surv(tf_time, tf_status))[, 1])
tf_case$aeq_unique <- num(sort(unique(tf_case$aeq_time)))
fit_no_fix <- survfit(Surv(tf_time, tf_status) ~ 1, timefix = FALSE)
tf_case$km_no_timefix <- km_curve(fit_no_fix)
fit_fix <- survfit(Surv(tf_time, tf_status) ~ 1)
tf_case$km_one_group <- km_curve(fit_fix)
write_json_fixture(list(dataset = "timefix", cases = list(tf_case)), "timefix")

# ---- small random data sets: edge cases (ties, flat segments at exactly 0.5, S reaching 0, all censored,
# single rows) for KM, quantiles (p = 0.1 ... 1), print.survfit median, rmean and summary at times;
# and random 2-4 group log-rank tests with and without strata. Cases where R's survdiff stops
# ("system is exactly singular") are left out; the Swift side uses a generalised inverse there.
set.seed(11)
random_km <- vector("list", 120)
for (k in seq_along(random_km)) {
  n <- sample(1:14, 1)
  time <- sample(c(1:6, 2.5), n, replace = TRUE)
  status <- rbinom(n, 1, runif(1, 0.2, 1))
  tau <- sample(c(max(time), min(time) + 0.5, 7), 1)
  out <- list(time = time, event = status, tau = tau, probe = c(0.5, 1, 2.5, 3, 6, 8),
              probs = c(0.1, 0.25, 0.5, 0.75, 1))
  for (ct in conf_types) {
    f <- survfit(Surv(time, status) ~ 1, conf.type = ct)
    q <- quantile(f, out$probs)
    tb <- summary(f, rmean = tau)$table
    s <- summary(f, times = out$probe, extend = TRUE)
    out[[ct]] <- list(
      surv = num(f$surv), std_err_log = num(f$std.err), lower = num(f$lower), upper = num(f$upper),
      quantile = num(q$quantile), quantile_lower = num(q$lower), quantile_upper = num(q$upper),
      median = num(tb["median"]), lcl = num(tb[grep("LCL", names(tb))]), ucl = num(tb[grep("UCL", names(tb))]),
      rmean = num(tb["rmean"]), se_rmean = num(tb["se(rmean)"]),
      at_surv = num(s$surv), at_std_err = num(s$std.err), at_lower = num(s$lower), at_upper = num(s$upper),
      at_n_risk = num(s$n.risk))
  }
  random_km[[k]] <- out
}
set.seed(5)
random_lr <- list()
while (length(random_lr) < 150) {
  n <- sample(3:25, 1)
  time <- sample(c(1:8, 2.5, 4 + 1e-9), n, replace = TRUE)
  status <- rbinom(n, 1, runif(1, 0.1, 1))
  group <- sample(0:(sample(2:4, 1) - 1), n, replace = TRUE)
  strat <- if (runif(1) < 0.5) sample(c(3, 7), n, replace = TRUE) else rep(1, n)
  if (length(unique(group)) < 2 || sum(status) == 0) next
  sd <- tryCatch(survdiff(Surv(time, status) ~ factor(group) + strata(strat)), error = function(e) NULL)
  if (is.null(sd)) next
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  ex <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(ex > 0) - 1
  present <- sort(unique(group))
  random_lr[[length(random_lr) + 1]] <- list(
    time = time, event = status, group = match(group, present) - 1L, group_count = length(present),
    strata = strat, observed = num(obs), expected = num(ex), chisq = num(sd$chisq), df = df,
    p = pchisq(sd$chisq, df, lower.tail = FALSE))
}
writeLines(toJSON(list(km = random_km, logrank = random_lr), digits = NA, na = "null", auto_unbox = FALSE),
           file.path(out_dir, "random_small.json"))
cat("wrote", file.path(out_dir, "random_small.json"), "\n")
