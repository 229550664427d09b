# make_compare_strata_fixtures.R -- reference values for `relief compare --strata COL`.
# Within every stratum s and group g: the Kaplan-Meier restricted mean to tau with R's se(rmean)
# (summary(survfit, rmean = tau)$table) and survival with its Greenwood SE at the times
# (summary(survfit, times, extend = TRUE)). The stratified contrasts are combined here with the weights
# w_s = n_s / n (the stratum's share of all rows, every group counted):
#   RMST difference  sum_s w_s (RMST_g,s - RMST_r,s),  variance sum_s w_s^2 (se_g,s^2 + se_r,s^2)
#   S(t) difference  sum_s w_s (S_g,s(t) - S_r,s(t)),  variance sum_s w_s^2 (se_g,s^2 + se_r,s^2)
#   RMST ratio       R_g / R_r with R = sum_s w_s RMST_s, log-scale SE sqrt(V_g / R_g^2 + V_r / R_r^2)
# tau defaults to the smallest last time over the group x stratum cells. The hazard ratio is
# coxph(Surv ~ group + strata(COL)) (Efron). (compare reports no test; the stratified log-rank test is
# relief summary --strata's, checked in make_test_family_fixtures.R.)
#
# CI NEVER RUNS THIS SCRIPT. Its output (compare_strata.json next to it) is committed.
# To regenerate: cd <repository root> && Rscript Tests/StatModelsTests/Reference/make_compare_strata_fixtures.R
# Produced with R 4.2.2 and survival 3.5-3. Numbers with digits = NA (15 significant digits).

suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
script_arg <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script_arg) == 1) dirname(normalizePath(script_arg)) else "Tests/StatModelsTests/Reference"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))
trial <- read.csv(file.path(repo_root, "data", "ketamine_trial.csv"))
split <- read.csv(file.path(out_dir, "compare_trial_split.csv"))

num <- function(x) as.numeric(unname(x))
z <- qnorm(0.975)
wald <- function(est, se) list(estimate = est, std_error = se, lower = est - z * se, upper = est + z * se,
                               p_value = 2 * pnorm(-abs(est / se)))

stratified <- function(name, file, d, column, strata, reference, times, tau = NULL, start = NULL) {
  surv <- if (is.null(start)) Surv(d$relief_days, d$relief_ended) else Surv(d[[start]], d$relief_days, d$relief_ended)
  g <- relevel(factor(d[[column]]), ref = reference)
  s <- factor(d[[strata]])
  n <- nrow(d)
  last <- tapply(d$relief_days, list(g, s), max)
  used_tau <- if (is.null(tau)) min(last) else tau
  cells <- lapply(levels(s), function(sl) {
    groups <- lapply(levels(g), function(gl) {
      rows <- g == gl & s == sl
      fit <- survfit(surv[rows] ~ 1)
      tab <- summary(fit, rmean = used_tau)$table
      at <- summary(fit, times = times, extend = TRUE)
      list(level = gl, n = sum(rows), events = sum(d$relief_ended[rows]), rmst = num(tab["rmean"]),
           rmst_se = num(tab["se(rmean)"]), surv = I(num(at$surv)), surv_se = I(num(at$std.err)))
    })
    names(groups) <- levels(g)
    list(level = sl, n = sum(s == sl), weight = sum(s == sl) / n, groups = groups)
  })
  w <- sapply(cells, `[[`, "weight")
  part <- function(gl, f) sapply(cells, function(cell) f(cell$groups[[gl]]))
  cox <- coxph(surv ~ g + strata(s))
  contrasts <- lapply(setdiff(levels(g), reference), function(gl) {
    rm_g <- sum(w * part(gl, function(x) x$rmst)); v_g <- sum(w^2 * part(gl, function(x) x$rmst_se^2))
    rm_r <- sum(w * part(reference, function(x) x$rmst)); v_r <- sum(w^2 * part(reference, function(x) x$rmst_se^2))
    ratio <- wald(log(rm_g / rm_r), sqrt(v_g / rm_g^2 + v_r / rm_r^2))
    surv_diff <- sapply(seq_along(times), function(k)
      sum(w * (part(gl, function(x) x$surv[k]) - part(reference, function(x) x$surv[k]))))
    surv_se <- sapply(seq_along(times), function(k)
      sqrt(sum(w^2 * (part(gl, function(x) x$surv_se[k]^2) + part(reference, function(x) x$surv_se[k]^2)))))
    k <- paste0("g", gl)
    list(level = gl, rmst_diff = wald(rm_g - rm_r, sqrt(v_g + v_r)),
         rmst_ratio = list(estimate = exp(ratio$estimate), std_error = ratio$std_error, lower = exp(ratio$lower),
                           upper = exp(ratio$upper), p_value = ratio$p_value),
         surv_diff = I(surv_diff), surv_diff_se = I(surv_se),
         hr = num(exp(coef(cox)[k])), hr_se = num(sqrt(diag(vcov(cox)))[k]), hr_lower = num(exp(confint(cox)[k, 1])),
         hr_upper = num(exp(confint(cox)[k, 2])), hr_p = num(summary(cox)$coefficients[k, "Pr(>|z|)"]))
  })
  pooled <- lapply(levels(g), function(gl) {
    fit <- survfit(surv[g == gl] ~ 1)
    tab <- summary(fit, rmean = used_tau)$table
    list(level = gl, rmst = num(tab["rmean"]), rmst_se = num(tab["se(rmean)"]))
  })
  list(name = name, file = file, column = column, strata = strata, start = if (is.null(start)) "" else start,
       reference = reference, times = I(times), tau = used_tau, tau_given = !is.null(tau),
       strata_levels = lapply(cells, function(cell) list(level = cell$level, n = cell$n, weight = cell$weight,
                                                            groups = unname(cell$groups))),
       groups = pooled, contrasts = contrasts)
}

cases <- list(
  stratified("dose_by_condition", "data/ketamine_trial.csv", trial, "dose_group", "condition", "low", c(7, 14, 28)),
  stratified("condition_by_dose_tau28", "data/ketamine_trial.csv", trial, "condition", "dose_group", "CRPS", c(14), tau = 28),
  stratified("dose_by_condition_split", "Tests/StatModelsTests/Reference/compare_trial_split.csv", split, "dose_group",
             "condition", "low", c(7, 14, 28), start = "start"))
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path(out_dir, "compare_strata.json"))

# ---- compare_strata_adjusted_cox.json -- standardised curves from coxph(... + strata(COL)) ----------------
# For each dose group g: every row with dose_group set to g, survfit(fit, newdata) (one curve per row, each on
# its own stratum's baseline), averaged at the times and each row's steps integrated to tau. Delta-method SEs
# without Relief's formulas: the gradient in beta by central differences of the averaged summaries, refitting
# the baselines at beta +- h (coxph(init =, iter.max = 0)); each stratum's baseline variance from survfit with
# the coefficient variance set to 0 for one fixed row of the stratum (V_s(t) = its std.err^2, on that row's
# scale), with each row's risk relative to that row rho_i = cumhaz_i / cumhaz_ref; then
# Var S(t) = g' V_beta g + sum_s a_s(t)^2 V_s(t) with a_s(t) = sum_{i in s} S_i(t) rho_i / n, and for the
# restricted mean sum_s sum_j dV_sj B_sj^2 with B_sj = integral of a_s from t_j to tau (strata independent).
adjusted_cox_strata <- function(d, adjust, times, tau, reference = "low", h = 1e-5,
                                response = "Surv(relief_days, relief_ended)") {
  d$dose_group <- relevel(factor(d$dose_group), ref = reference)
  form <- as.formula(paste(response, "~ dose_group +", adjust))
  fit <- coxph(form, data = d)
  strata_column <- sub("^.*strata\\(([^)]*)\\).*$", "\\1", adjust)
  levels_ <- levels(d$dose_group)
  n <- nrow(d)
  newdata <- function(level) { nd <- d; nd$dose_group <- factor(level, levels = levels_); nd }
  step_at <- function(tm, y, t) { k <- findInterval(t, tm); ifelse(k == 0, 1, y[pmax(k, 1)]) }
  # One data frame per row of nd: its curve (time, surv, cumhaz), in row order.
  per_row <- function(f, nd) {
    sf <- survfit(f, newdata = nd)
    stopifnot(length(sf$strata) == nrow(nd))
    split(data.frame(time = sf$time, surv = sf$surv, cumhaz = sf$cumhaz), rep(seq_along(sf$strata), sf$strata))
  }
  row_summary <- function(curve) {
    keep <- curve$time < tau
    c(step_at(curve$time, curve$surv, times), sum(diff(c(0, curve$time[keep], tau)) * c(1, curve$surv[keep])))
  }
  summary_of <- function(f, level) rowMeans(sapply(per_row(f, newdata(level)), row_summary))
  refit <- function(beta) coxph(form, data = d, init = beta, control = coxph.control(iter.max = 0))
  beta <- coef(fit)
  gradient <- function(level) {
    sapply(seq_along(beta), function(j) {
      e <- replace(numeric(length(beta)), j, h)
      (summary_of(refit(beta + e), level) - summary_of(refit(beta - e), level)) / (2 * h)
    })
  }
  f0 <- fit; f0$var[] <- 0
  strata_levels <- sort(unique(d[[strata_column]]))
  reference_rows <- lapply(strata_levels, function(s) {
    row <- d[which(d[[strata_column]] == s)[1], ]
    s0 <- survfit(f0, newdata = row)
    list(time = s0$time, v = s0$std.err^2, cumhaz = s0$cumhaz)
  })
  curve <- function(level) {
    nd <- newdata(level)
    rows <- per_row(fit, nd)
    parts <- lapply(seq_along(strata_levels), function(k) {
      ref <- reference_rows[[k]]
      members <- which(nd[[strata_column]] == strata_levels[k])
      a <- Reduce(`+`, lapply(rows[members], function(curve) {
        stopifnot(all(curve$time == ref$time))
        curve$surv * curve$cumhaz[length(curve$cumhaz)] / ref$cumhaz[length(ref$cumhaz)]
      })) / n
      keep <- ref$time < tau
      widths <- diff(c(ref$time[keep], tau))
      list(a = step_at(ref$time, a, times) * (findInterval(times, ref$time) > 0),
           v = ifelse(findInterval(times, ref$time) > 0, ref$v[pmax(findInterval(times, ref$time), 1)], 0),
           b = rev(cumsum(rev(widths * a[keep]))), dv = diff(c(0, ref$v[keep])))
    })
    list(summary = rowMeans(sapply(rows, row_summary)), grad = gradient(level), parts = parts)
  }
  v <- vcov(fit)
  curves <- lapply(levels_, curve)
  names(curves) <- levels_
  nt <- length(times)
  se_of <- function(g, parts) {
    s_var <- sapply(seq_len(nt), function(k)
      drop(t(g[k, ]) %*% v %*% g[k, ]) + sum(sapply(parts, function(p) p$a[k]^2 * p$v[k])))
    r_var <- drop(t(g[nt + 1, ]) %*% v %*% g[nt + 1, ]) + sum(sapply(parts, function(p) sum(p$dv * p$b^2)))
    list(surv = sqrt(s_var), rmst = sqrt(r_var))
  }
  minus <- function(x, y) mapply(function(p, q) list(a = p$a - q$a, v = p$v, b = p$b - q$b, dv = p$dv), x, y, SIMPLIFY = FALSE)
  groups <- lapply(levels_, function(l) {
    c <- curves[[l]]
    se <- se_of(c$grad, c$parts)
    list(level = l, surv = I(c$summary[1:nt]), surv_se = I(se$surv), rmst = c$summary[nt + 1], rmst_se = se$rmst)
  })
  base <- curves[[reference]]
  contrasts <- lapply(setdiff(levels_, reference), function(l) {
    c <- curves[[l]]
    se <- se_of(c$grad - base$grad, minus(c$parts, base$parts))
    list(level = l, surv_diff = I(c$summary[1:nt] - base$summary[1:nt]), surv_diff_se = I(se$surv),
         rmst_diff = c$summary[nt + 1] - base$summary[nt + 1], rmst_diff_se = se$rmst)
  })
  list(adjust = adjust, times = I(times), tau = tau, reference = reference, groups = groups, contrasts = contrasts)
}
writeLines(toJSON(list(cases = list(adjusted_cox_strata(trial, "baseline_pain + strata(condition)", c(7, 14, 28), 28))),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(out_dir, "compare_strata_adjusted_cox.json"))
