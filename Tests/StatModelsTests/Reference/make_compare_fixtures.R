# make_compare_fixtures.R -- reference values for `relief compare` (issue 13 section 1): per group the
# Kaplan-Meier restricted mean to tau with R's se(rmean) (print(survfit, rmean = tau)), survival and
# Greenwood SE at given times (summary(survfit, times)), the median, and the Cox hazard ratio of each
# group against the reference (coxph(Surv ~ group), Efron); the differences and ratios are computed here
# from R's numbers (difference SE = sqrt(se1^2 + se0^2); RMST ratio on the log scale, as survRM2).
# tau defaults to the smallest of the groups' largest times (survRM2's default).
#
# CI NEVER RUNS THIS SCRIPT. Its output (compare_trial.json next to it) is committed.
# To regenerate (Debian/Ubuntu):
#   apt-get install -y r-base-core r-cran-survival r-cran-jsonlite
#   cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_compare_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3. Numbers with digits = NA (15 significant digits).

suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
d <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"))

num <- function(x) as.numeric(unname(x))
z <- qnorm(0.975)
cases <- list()
add <- function(name, column, reference, times, tau = NULL) {
  g <- relevel(factor(d[[column]]), ref = reference)
  levels_ <- levels(g)
  default_tau <- min(tapply(d$relief_days, g, max))
  used_tau <- if (is.null(tau)) default_tau else tau
  per <- lapply(levels_, function(l) {
    s <- d[g == l, ]
    fit <- survfit(Surv(relief_days, relief_ended) ~ 1, data = s)
    tab <- summary(fit, rmean = used_tau)$table
    at <- summary(fit, times = times, extend = TRUE)
    list(level = l, n = nrow(s), events = sum(s$relief_ended), rmst = num(tab["rmean"]),
         rmst_se = num(tab["se(rmean)"]), median = num(tab["median"]), surv = I(num(at$surv)), surv_se = I(num(at$std.err)))
  })
  names(per) <- levels_
  cox <- coxph(Surv(relief_days, relief_ended) ~ g, data = d)
  base <- per[[reference]]
  contrasts <- lapply(setdiff(levels_, reference), function(l) {
    a <- per[[l]]
    se_diff <- sqrt(a$rmst_se^2 + base$rmst_se^2)
    se_log <- sqrt((a$rmst_se / a$rmst)^2 + (base$rmst_se / base$rmst)^2)
    surv_se <- sqrt(a$surv_se^2 + base$surv_se^2)
    k <- paste0("g", l)
    list(level = l,
         rmst_diff = a$rmst - base$rmst, rmst_diff_se = se_diff, rmst_diff_p = 2 * pnorm(-abs((a$rmst - base$rmst) / se_diff)),
         rmst_ratio = a$rmst / base$rmst, rmst_ratio_lower = exp(log(a$rmst / base$rmst) - z * se_log),
         rmst_ratio_upper = exp(log(a$rmst / base$rmst) + z * se_log),
         surv_diff = I(a$surv - base$surv), surv_diff_se = I(surv_se),
         median_diff = a$median - base$median,
         hr = num(exp(coef(cox)[k])), hr_lower = num(exp(confint(cox)[k, 1])), hr_upper = num(exp(confint(cox)[k, 2])),
         hr_p = num(summary(cox)$coefficients[k, "Pr(>|z|)"]))
  })
  cases[[length(cases) + 1]] <<- list(name = name, column = column, reference = reference, times = I(times),
    tau = used_tau, tau_given = !is.null(tau), groups = unname(per), contrasts = contrasts)
}
add("dose_group", "dose_group", "low", c(7, 14, 28))
add("condition_tau28", "condition", "CRPS", c(14), tau = 28)
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out_dir, "compare_trial.json"))

# ---- compare_adjusted.json -- covariate-adjusted (standardised, g-computation) Weibull curves ---------------
# For each dose group g: every patient's row with dose_group set to g, S_i(t) from survreg, averaged; the
# RMST integrates the averaged curve to tau; delta-method SEs from the averaged gradients in (beta, log sigma)
# with vcov(fit) (S = exp(-exp(z)), f0(z) = exp(z - exp(z)), z = (log t - lp)/sigma;
# dS/dbeta = f0 x / sigma, dS/dlog sigma = f0 z); differences use the difference of the gradients.
# A case with an interaction of the group (dose_group:baseline_pain) sets the group in the interaction's
# columns too: model.matrix of the changed rows (and survfit(newdata) for Cox) does it.
adjusted <- function(adjust, times, tau, reference = "low", name = "trial") {
  d$dose_group <- relevel(factor(d$dose_group), ref = reference)
  fit <- survreg(as.formula(paste("Surv(relief_days, relief_ended) ~ dose_group +", adjust)), data = d, dist = "weibull")
  v <- vcov(fit)
  sigma <- fit$scale
  curve <- function(level) {
    nd <- d
    nd$dose_group <- factor(level, levels = levels(d$dose_group))
    x <- model.matrix(delete.response(terms(fit)), nd)
    lp <- drop(x %*% coef(fit))
    at <- function(t) {
      z <- (log(t) - lp) / sigma
      f0 <- exp(z - exp(z))
      c(mean(exp(-exp(z))), colMeans(f0 * x / sigma), mean(f0 * z))
    }
    s <- sapply(times, at)
    rm <- sapply(seq_len(1 + ncol(x) + 1), function(k)
      integrate(function(u) sapply(u, function(w) at(w)[k]), 0, tau, rel.tol = 1e-11, subdivisions = 1000L)$value)
    list(s = s, rm = rm)
  }
  levels_ <- levels(d$dose_group)
  curves <- lapply(levels_, curve)
  names(curves) <- levels_
  se <- function(g) sqrt(drop(t(g) %*% v %*% g))
  groups <- lapply(levels_, function(l) {
    c <- curves[[l]]
    list(level = l, surv = I(c$s[1, ]), surv_se = I(apply(c$s[-1, , drop = FALSE], 2, se)), rmst = c$rm[1], rmst_se = se(c$rm[-1]))
  })
  base <- curves[[reference]]
  contrasts <- lapply(setdiff(levels_, reference), function(l) {
    c <- curves[[l]]
    list(level = l, surv_diff = I(c$s[1, ] - base$s[1, ]),
         surv_diff_se = I(apply(c$s[-1, , drop = FALSE] - base$s[-1, , drop = FALSE], 2, se)),
         rmst_diff = c$rm[1] - base$rm[1], rmst_diff_se = se(c$rm[-1] - base$rm[-1]))
  })
  list(name = name, adjust = adjust, times = I(times), tau = tau, reference = reference, groups = groups, contrasts = contrasts)
}
writeLines(toJSON(list(cases = list(adjusted("baseline_pain + condition", c(7, 14, 28), 28),
                                    adjusted("baseline_pain + condition + dose_group:baseline_pain", c(7, 14, 28), 28,
                                             name = "trial_interaction"))), auto_unbox = TRUE,
                  digits = NA, pretty = TRUE), file.path(out_dir, "compare_adjusted.json"))

# ---- compare_adjusted_cox.json -- standardised curves from a Cox model (Efron) ---------------------------
# For each dose group g: every row with dose_group set to g, survfit(fit, newdata) (R's per-row curves),
# averaged at the times and integrated as a step function to tau. Delta-method SEs, computed here without
# Relief's formulas: the gradient in beta by central differences of the averaged curve, refitting the
# baseline at beta +- h (coxph(init =, iter.max = 0) + survfit); the baseline's own variance V(t) from
# survfit with the coefficient variance set to 0 (its std.err^2 / r^2 for one row); then
# Var S(t) = g' V_beta g + a(t)^2 V(t) with a(t) = mean_i S_i(t) r_i, and for the restricted mean
# sum_j dV_j B_j^2 with B_j = integral of a from t_j to tau.
adjusted_cox <- function(adjust, times, tau, reference = "low", h = 1e-5, data = d,
                         response = "Surv(relief_days, relief_ended)", name = "trial") {
  d <- data
  d$dose_group <- relevel(factor(d$dose_group), ref = reference)
  form <- as.formula(paste(response, "~ dose_group +", adjust))
  fit <- coxph(form, data = d)
  levels_ <- levels(d$dose_group)
  newdata <- function(level) { nd <- d; nd$dose_group <- factor(level, levels = levels_); nd }
  step_at <- function(tm, y, t) { k <- findInterval(t, tm); ifelse(k == 0, 1, y[pmax(k, 1)]) }
  # The averaged curve of a fit at its own times: list(time, sbar).
  averaged <- function(f, level) {
    sf <- survfit(f, newdata = newdata(level))
    list(time = sf$time, s = rowMeans(sf$surv))
  }
  rmst_of <- function(tm, y) {
    keep <- tm < tau
    knots <- c(0, tm[keep], tau)
    vals <- c(1, y[keep])
    sum(diff(knots) * vals)
  }
  summary_of <- function(f, level) {
    a <- averaged(f, level)
    c(step_at(a$time, a$s, times), rmst_of(a$time, a$s))
  }
  refit <- function(beta) coxph(form, data = d, init = beta, control = coxph.control(iter.max = 0))
  beta <- coef(fit)
  gradient <- function(level) {
    sapply(seq_along(beta), function(j) {
      e <- replace(numeric(length(beta)), j, h)
      (summary_of(refit(beta + e), level) - summary_of(refit(beta - e), level)) / (2 * h)
    })
  }
  # V(t): the baseline's variance with var(beta) = 0, from one row's std.err.
  f0 <- fit; f0$var[] <- 0
  row1 <- d[1, ]
  s0 <- survfit(f0, newdata = row1)
  r1 <- exp(predict(fit, newdata = row1, type = "lp"))
  vt <- (s0$std.err / r1)^2
  base_time <- s0$time
  curve <- function(level) {
    nd <- newdata(level)
    sf <- survfit(fit, newdata = nd)
    r <- exp(predict(fit, newdata = nd, type = "lp"))
    stopifnot(max(abs(sweep(sf$cumhaz, 2, r, "/") - sf$cumhaz[, 1] / r[1])) < 1e-10)
    a_t <- drop(sf$surv %*% r) / nrow(nd)
    s <- rowMeans(sf$surv)
    keep <- sf$time < tau
    knots <- c(sf$time[keep], tau)
    widths <- diff(knots)
    a_k <- a_t[keep]
    b <- rev(cumsum(rev(widths * a_k)))
    dv <- diff(c(0, vt[keep]))
    list(summary = c(step_at(sf$time, s, times), rmst_of(sf$time, s)), grad = gradient(level),
         a = step_at(sf$time, a_t, times) * (findInterval(times, sf$time) > 0),
         v = ifelse(findInterval(times, base_time) > 0, vt[pmax(findInterval(times, base_time), 1)], 0),
         b = b, dv = dv)
  }
  v <- vcov(fit)
  curves <- lapply(levels_, curve)
  names(curves) <- levels_
  nt <- length(times)
  se_of <- function(g, a, vv, b, dv) {
    s_var <- sapply(seq_len(nt), function(k) drop(t(g[k, ]) %*% v %*% g[k, ]) + a[k]^2 * vv[k])
    r_var <- drop(t(g[nt + 1, ]) %*% v %*% g[nt + 1, ]) + sum(dv * b^2)
    list(surv = sqrt(s_var), rmst = sqrt(r_var))
  }
  groups <- lapply(levels_, function(l) {
    c <- curves[[l]]
    se <- se_of(c$grad, c$a, c$v, c$b, c$dv)
    list(level = l, surv = I(c$summary[1:nt]), surv_se = I(se$surv), rmst = c$summary[nt + 1], rmst_se = se$rmst)
  })
  base <- curves[[reference]]
  contrasts <- lapply(setdiff(levels_, reference), function(l) {
    c <- curves[[l]]
    se <- se_of(c$grad - base$grad, c$a - base$a, c$v, c$b - base$b, c$dv)
    list(level = l, surv_diff = I(c$summary[1:nt] - base$summary[1:nt]), surv_diff_se = I(se$surv),
         rmst_diff = c$summary[nt + 1] - base$summary[nt + 1], rmst_diff_se = se$rmst)
  })
  # One row: the averaged curve's SE is survfit's own (std.err is of the cumulative hazard).
  one <- survfit(fit, newdata = d[5, ])
  list(name = name, adjust = adjust, times = I(times), tau = tau, reference = reference, groups = groups, contrasts = contrasts,
       one_row = list(row = 5, times = I(times), surv = I(step_at(one$time, one$surv, times)),
                      surv_se = I(step_at(one$time, one$surv * one$std.err, times))))
}
# The same on (start, stop] rows: each episode split at day 7 (survSplit), written to compare_trial_split.csv;
# the fit and the baselines use the counting-process risk sets, and the curves average over the split rows.
split <- survSplit(Surv(relief_days, relief_ended) ~ dose_group + baseline_pain + condition, data = d, cut = 7,
                   start = "start", end = "relief_days", event = "relief_ended")
split <- split[, c("dose_group", "baseline_pain", "condition", "start", "relief_days", "relief_ended")]
write.csv(split, file.path(out_dir, "compare_trial_split.csv"), row.names = FALSE, quote = FALSE)
writeLines(toJSON(list(cases = list(
  adjusted_cox("baseline_pain + condition", c(7, 14, 28), 28),
  adjusted_cox("baseline_pain + condition", c(7, 14, 28), 28, data = split,
               response = "Surv(start, relief_days, relief_ended)", name = "trial_split"),
  adjusted_cox("baseline_pain + condition + dose_group:baseline_pain", c(7, 14, 28), 28, name = "trial_interaction"))),
  auto_unbox = TRUE,
                  digits = NA, pretty = TRUE), file.path(out_dir, "compare_adjusted_cox.json"))
