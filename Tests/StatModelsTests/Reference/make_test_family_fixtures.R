# make_test_family_fixtures.R -- reference values for the weighted log-rank family of `relief summary`
# (issue 13 section 2): --test log-rank|peto-peto|gehan|tarone-ware|fh:RHO,GAMMA|maxcombo, --pairwise,
# and the median follow-up by reverse Kaplan-Meier.
#
# CI NEVER RUNS THIS SCRIPT. Its output (test_family.json next to it) is committed.
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite   (+ survminer and mvtnorm from CRAN)
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_test_family_fixtures.R
# Produced with R 4.2.2, survival 3.5-3, survminer 0.4.9, mvtnorm 1.1-3.
# Numbers with digits = NA (15 significant digits); NA as null.
#
# The weighted tests, computed here from explicit sums (function `weighted_test`): within each stratum, at
# each distinct event time t with n at risk (a row is at risk when start < t <= stop), d events, n_g at
# risk and d_g events in group g, and S(t-) the pooled Kaplan-Meier estimate of the stratum just before t:
#   w(t) = 1 (log-rank), S(t-) (Peto-Peto = survdiff rho = 1), n (Gehan), sqrt(n) (Tarone-Ware),
#          S(t-)^rho (1 - S(t-))^gamma (Fleming-Harrington)
#   O_g += w d_g,   E_g += w d n_g / n,
#   V_gh += w^2 d (n - d) / (n (n - 1)) n_g (delta_gh - n_h / n)      (only when n > 1)
# summed over strata; chisq = (O - E)' V^-1 (O - E) over the groups with E > 0 less the first of them,
# df = that count, p = pchisq(chisq, df, lower.tail = FALSE). survdiff(rho = 0) and survdiff(rho = 1)
# are written beside the explicit values, and the script stops if they disagree by more than 1e-10.
#
# MaxCombo (two groups): Z_j = (O - E)_1 / sqrt(V_11) for the FH weights (0,0), (0,1), (1,0), (1,1)
# (first group), covariance C_jk = sum w_j w_k d (n - d) / (n (n - 1)) n_1 (n - n_1) / n^2, R = cov2cor(C),
# p = 1 - pmvnorm(-max|Z|, max|Z|, corr = R) with algorithm = Miwa(steps = 4096): Miwa's deterministic
# recursive integration, which agrees with itself at 1024 steps to about 1e-11 here, where the default
# GenzBretz (randomised quasi-Monte Carlo) only reaches about 5e-7 with 5e6 points. Miwa refuses a
# correlation it finds singular (always here: for two groups the FH(0,1) numerator is FH(0,0)'s minus
# FH(1,0)'s, so the four statistics have rank 3); then GenzBretz(maxpts = 5e7, abseps = 1e-11) with
# set.seed(1) is used (error estimates below 8e-8 on these cases; about 12 s each) and `algorithm` says so.
#
# Pairwise: survminer::pairwise_survdiff(Surv ~ g, rho = 0 | 1, p.adjust.method = "holm" | "BH" |
# "bonferroni") for unstratified log-rank and Peto-Peto; the same pairs from `weighted_test` with p.adjust
# for the other weights and for strata (pairwise_survdiff treats strata() as a group).
#
# Follow-up: survfit(Surv([start,] time, 1 - status) ~ g, conf.type = ct): median and its CI per group.

suppressPackageStartupMessages({
  library(survival); library(jsonlite); library(survminer); library(mvtnorm)
})
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
num <- function(x) as.numeric(unname(x))

weight_of <- function(spec, s, n) {
  switch(spec$kind,
    "log-rank" = rep(1, length(s)),
    "peto-peto" = s,
    "gehan" = n,
    "tarone-ware" = sqrt(n),
    "fh" = s^spec$rho * (1 - s)^spec$gamma)
}

# Per-stratum event-time tables: the weights of every spec in `specs`, and O, E, and V for each pair.
weighted_sums <- function(time, status, group, strata, start, specs, k) {
  m <- length(specs)
  O <- matrix(0, m, k); E <- matrix(0, m, k)
  V <- array(0, c(m, m, k, k))
  for (s in unique(strata)) {
    rows <- strata == s
    tt <- time[rows]; st <- status[rows]; gg <- group[rows]; en <- start[rows]
    times <- sort(unique(tt[st == 1]))
    km <- 1
    for (t in times) {
      at_risk <- en < t & tt >= t
      n <- sum(at_risk); d <- sum(tt == t & st == 1)
      ng <- tabulate(gg[at_risk], k); dg <- tabulate(gg[tt == t & st == 1], k)
      w <- sapply(specs, function(sp) weight_of(sp, km, n))
      for (j in seq_len(m)) {
        O[j, ] <- O[j, ] + w[j] * dg
        E[j, ] <- E[j, ] + w[j] * d * ng / n
      }
      if (n > 1) {
        base <- d * (n - d) / (n * (n - 1)) * (diag(ng, k) - outer(ng, ng) / n)
        for (j in seq_len(m)) for (l in seq_len(m)) V[j, l, , ] <- V[j, l, , ] + w[j] * w[l] * base
      }
      km <- km * (n - d) / n
    }
  }
  list(O = O, E = E, V = V)
}

weighted_test <- function(time, status, group, strata, start, spec, k) {
  sums <- weighted_sums(time, status, group, strata, start, list(spec), k)
  o <- sums$O[1, ]; e <- sums$E[1, ]; v <- sums$V[1, 1, , ]
  keep <- which(e > 0)[-1]
  u <- (o - e)[keep]
  chisq <- if (length(keep) > 0) drop(t(u) %*% solve(v[keep, keep, drop = FALSE], u)) else 0
  df <- length(keep)
  list(chisq = chisq, df = df, p = if (df > 0) pchisq(chisq, df, lower.tail = FALSE) else 1,
       observed = I(o), expected = I(e))
}

spec_list <- list(
  list(name = "log-rank", kind = "log-rank"), list(name = "peto-peto", kind = "peto-peto"),
  list(name = "gehan", kind = "gehan"), list(name = "tarone-ware", kind = "tarone-ware"),
  list(name = "fh:0,1", kind = "fh", rho = 0, gamma = 1), list(name = "fh:1,1", kind = "fh", rho = 1, gamma = 1),
  list(name = "fh:0.5,2", kind = "fh", rho = 0.5, gamma = 2))

maxcombo <- function(time, status, group, strata, start) {
  specs <- lapply(list(c(0, 0), c(0, 1), c(1, 0), c(1, 1)), function(x) list(kind = "fh", rho = x[1], gamma = x[2]))
  sums <- weighted_sums(time, status, group, strata, start, specs, 2)
  cv <- sums$V[, , 1, 1]
  z <- (sums$O[, 1] - sums$E[, 1]) / sqrt(diag(cv))
  r <- cov2cor(cv)
  zmax <- max(abs(z))
  pr <- tryCatch(pmvnorm(lower = rep(-zmax, 4), upper = rep(zmax, 4), corr = r, algorithm = Miwa(steps = 4096)),
                 error = function(e) NA)
  algorithm <- "Miwa"
  if (is.na(pr)) {  # Miwa refuses a (numerically) singular correlation: GenzBretz, seeded
    set.seed(1)
    pr <- pmvnorm(lower = rep(-zmax, 4), upper = rep(zmax, 4), corr = r,
                  algorithm = GenzBretz(maxpts = 5e7, abseps = 1e-11, releps = 0))
    algorithm <- "GenzBretz"
  }
  list(statistic = zmax, p = 1 - num(pr), algorithm = algorithm, z = I(num(z)), correlation = r,
       min_eigenvalue = min(eigen(r)$values))
}

follow_up <- function(time, status, group, start, levels_, conf_type) {
  fit <- if (any(start > 0)) survfit(Surv(start, time, 1 - status) ~ factor(group), conf.type = conf_type)
         else survfit(Surv(time, 1 - status) ~ factor(group), conf.type = conf_type)
  tab <- summary(fit)$table
  lapply(seq_along(levels_), function(g) list(level = levels_[g], median = num(tab[g, "median"]),
    lower = num(tab[g, grep("LCL", colnames(tab))]), upper = num(tab[g, grep("UCL", colnames(tab))])))
}

pairwise <- function(time, status, group, strata, start, levels_, spec, method) {
  k <- length(levels_)
  pairs <- list(); raw <- c()
  for (i in 2:k) for (j in 1:(i - 1)) {
    rows <- group %in% c(i, j)
    g2 <- ifelse(group[rows] == j, 1L, 2L)
    r <- weighted_test(time[rows], status[rows], g2, strata[rows], start[rows], spec, 2)
    pairs[[length(pairs) + 1]] <- list(first = levels_[j], second = levels_[i])
    raw <- c(raw, r$p)
  }
  adjusted <- p.adjust(raw, method = method)
  for (x in seq_along(pairs)) { pairs[[x]]$p <- raw[x]; pairs[[x]]$adjusted <- adjusted[x] }
  pairs
}

survminer_pairwise <- function(d, column, rho, method) {
  d$g__ <- d[[column]]
  tab <- pairwise_survdiff(Surv(time__, status__) ~ g__, data = d, p.adjust.method = method, rho = rho)$p.value
  out <- list()
  for (i in rownames(tab)) for (j in colnames(tab)) if (!is.na(tab[i, j])) out[[length(out) + 1]] <- list(first = j, second = i, adjusted = tab[i, j])
  out
}

cases <- list()
add <- function(name, d, time, status, column, strata = NULL, start = NULL, pairwise_methods = c("holm", "BH", "bonferroni"),
                follow_conf = "log") {
  d <- d[complete.cases(d[, c(time, status, column, strata, start)]), ]
  d$time__ <- d[[time]]; d$status__ <- d[[status]]
  g <- factor(d[[column]]); levels_ <- levels(g); gi <- as.integer(g); k <- length(levels_)
  si <- if (is.null(strata)) rep(1L, nrow(d)) else as.integer(factor(d[[strata]]))
  en <- if (is.null(start)) rep(0, nrow(d)) else d[[start]]
  tests <- lapply(spec_list, function(sp) c(list(name = sp$name), weighted_test(d$time__, d$status__, gi, si, en, sp, k)))
  if (is.null(start)) {
    for (rho in c(0, 1)) {
      f <- if (is.null(strata)) Surv(time__, status__) ~ g else Surv(time__, status__) ~ g + strata(s__)
      d$s__ <- si
      sd <- survdiff(f, data = cbind(d, g = g), rho = rho)
      mine <- tests[[rho + 1]]
      stopifnot(abs(sd$chisq - mine$chisq) < 1e-10 * max(1, sd$chisq))
      stopifnot(max(abs(rowSums(matrix(sd$obs, nrow = k)) - mine$observed)) < 1e-10 * max(1, abs(mine$observed)))
      tests[[rho + 1]]$survdiff_chisq <- sd$chisq
    }
  }
  case <- list(name = name, time = I(d$time__), event = I(as.integer(d$status__)), group = I(gi - 1L),
               levels = I(levels_), tests = tests,
               follow_up = follow_up(d$time__, d$status__, gi, en, levels_, follow_conf), follow_conf = follow_conf)
  if (!is.null(strata)) case$strata <- I(si - 1L)   # absent when unstratified
  if (!is.null(start)) case$start <- I(en)          # absent without entry times
  if (k == 2) case$maxcombo <- maxcombo(d$time__, d$status__, gi, si, en)
  if (k >= 3) {
    pw <- list()
    for (sp in spec_list[c(1, 2, 3, 6)]) for (method in pairwise_methods) {
      entry <- list(test = sp$name, method = tolower(method), pairs = pairwise(d$time__, d$status__, gi, si, en, levels_, sp, method))
      if (is.null(strata) && is.null(start) && sp$kind %in% c("log-rank", "peto-peto")) {
        ref <- survminer_pairwise(d, column, if (sp$kind == "log-rank") 0 else 1, method)
        for (x in seq_along(entry$pairs)) {
          hit <- Filter(function(r) r$first == entry$pairs[[x]]$first && r$second == entry$pairs[[x]]$second, ref)[[1]]
          stopifnot(abs(hit$adjusted - entry$pairs[[x]]$adjusted) < 1e-10)
          entry$pairs[[x]]$survminer_adjusted <- hit$adjusted
        }
      }
      pw[[length(pw) + 1]] <- entry
    }
    case$pairwise <- pw
  }
  cases[[length(cases) + 1]] <<- case
}

trial <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"))
entry <- read.csv(file.path(out_dir, "entry_trial.csv"))
lung2 <- lung; lung2$status01 <- lung2$status - 1
add("trial_dose", trial, "relief_days", "relief_ended", "dose_group")
add("trial_condition", trial, "relief_days", "relief_ended", "condition")
add("trial_dose_strata_site", trial, "relief_days", "relief_ended", "dose_group", strata = "site")
add("trial_condition_strata_dose", trial, "relief_days", "relief_ended", "condition", strata = "dose_group")
add("entry_dose", entry, "relief_days", "relief_ended", "dose_group", start = "entry_days")
add("entry_condition", entry, "relief_days", "relief_ended", "condition", start = "entry_days", follow_conf = "log-log")
add("lung_sex", lung2, "time", "status01", "sex")
add("lung_sex_strata_ecog", lung2, "time", "status01", "sex", strata = "ph.ecog")
add("lung_ecog", lung2, "time", "status01", "ph.ecog", follow_conf = "plain")
add("veteran_trt", veteran, "time", "status", "trt")
add("veteran_celltype", veteran, "time", "status", "celltype")
add("veteran_trt_strata_prior", veteran, "time", "status", "trt", strata = "prior")

# The multivariate normal probability itself, on fixed correlations (pmvnorm with Miwa as above).
mvn <- lapply(list(
  list(corr = c(1, .5, .5, 1), lower = c(-1, -2), upper = c(1.5, 0.5)),
  list(corr = c(1, .9, .3, .9, 1, .5, .3, .5, 1), lower = c(-2, -2, -2), upper = c(2, 2, 2)),
  list(corr = c(1, .95, .8, .6, .95, 1, .9, .75, .8, .9, 1, .95, .6, .75, .95, 1), lower = rep(-2.3, 4), upper = rep(2.3, 4)),
  list(corr = c(1, .2, -.3, .1, .2, 1, .4, .3, -.3, .4, 1, .2, .1, .3, .2, 1), lower = c(-Inf, -1, -0.5, -3), upper = c(0.7, Inf, 2, 1)),
  list(corr = c(1, .98, .95, .9, .98, 1, .98, .95, .95, .98, 1, .98, .9, .95, .98, 1), lower = rep(-1.2, 4), upper = rep(1.2, 4))
), function(x) {
  m <- length(x$lower)
  pr <- pmvnorm(lower = x$lower, upper = x$upper, corr = matrix(x$corr, m), algorithm = Miwa(steps = 4096))
  list(correlation = I(x$corr), lower = I(x$lower), upper = I(x$upper), probability = num(pr))
})

writeLines(toJSON(list(cases = cases, mvn = mvn), auto_unbox = TRUE, digits = NA, pretty = FALSE, na = "null"),
           file.path(out_dir, "test_family.json"))
