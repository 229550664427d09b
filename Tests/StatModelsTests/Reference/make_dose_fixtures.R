# Reference fixtures for the two-stage dose-response fits (Sources/StatModels/DoseResponse).
# Requires: apt install r-base-core r-cran-survival r-cran-dosefinding r-cran-jsonlite
# Run from this folder: Rscript make_dose_fixtures.R   (CI never runs it; the JSON is committed.)
# Writes dose_biom.json, dose_ibscovars.json, dose_biom_general.json, dose_ketamine_stage1.json.
suppressPackageStartupMessages({ library(DoseFinding); library(jsonlite); library(survival) })

models <- c("emax", "sigEmax", "linear", "linlog", "quadratic", "exponential")
grid_of <- function(doses) seq(0, max(doses), length.out = 11)

one_fit <- function(fit, type, doses, delta) {
  cf <- coef(fit)
  v <- vcov(fit)
  maxd <- max(doses)
  g <- grid_of(doses)
  pr <- predict(fit, predType = "ls-means", doseSeq = g, se.fit = TRUE)
  td <- tryCatch(TD(fit, Delta = delta), error = function(e) NA)
  out <- list(model = attr(fit, "model"),
              names = names(cf), coefs = unname(cf),
              se = unname(sqrt(diag(v))), vcov = unname(v),
              ed50 = ED(fit, p = 0.5), ed90 = ED(fit, p = 0.9),
              td = td, grid = g, pred = pr$fit, pred_se = pr$se.fit)
  if (type == "normal") {
    out$rss <- fit$RSS; out$df <- fit$df
    out$loglik <- as.numeric(logLik(fit)); out$aic <- AIC(fit)
  } else {
    out$grss <- fit$gRSS; out$gaic <- gAIC(fit)
  }
  out
}

quiet <- function(expr) suppressMessages(expr)

normal_case <- function(name, data, delta) {
  fits <- lapply(models, function(m) quiet(fitMod(dose, resp, data = data, model = m)))
  bnds <- defBnds(max(data$dose))
  list(name = name, type = "normal", dose = data$dose, resp = data$resp, delta = delta,
       emax_bounds = bnds$emax, sigemax_bounds = as.vector(t(bnds$sigEmax)),
       exponential_bounds = bnds$exponential,
       fits = lapply(fits, one_fit, type = "normal", doses = data$dose, delta = delta))
}

general_case <- function(name, data, delta) {
  an <- lm(resp ~ factor(dose) - 1, data = data)
  doses <- sort(unique(data$dose))
  means <- unname(coef(an)); S <- unname(vcov(an))
  fits <- lapply(models, function(m) quiet(fitMod(doses, means, S = S, model = m, type = "general")))
  list(name = name, type = "general", dose = doses, resp = means, S = S, delta = delta,
       fits = lapply(fits, one_fit, type = "general", doses = doses, delta = delta))
}

data(biom); data(IBScovars)
write_case <- function(x, file) writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, na = "null"), file)
write_case(normal_case("biom", biom, 0.3), "dose_biom.json")
write_case(normal_case("IBScovars", IBScovars, 0.25), "dose_ibscovars.json")
write_case(general_case("biom_general", biom, 0.3), "dose_biom_general.json")

# Stage 1 on the bundled trial data: dose rounded to 0.25 mg/kg, then per level the KM median with its
# log-transform CI (variance (m * (log U - log L) / (2 z))^2), the RMST to 28 days with its SE, and Cox
# log hazard ratios against the lowest level; stage 2 = fitMod(type = "general") on the medians.
trial <- read.csv("../../../data/ketamine_trial.csv")
trial$dose <- round(trial$dose_mg_kg * 4) / 4
km <- survfit(Surv(relief_days, relief_ended) ~ dose, data = trial)
tab <- summary(km, rmean = 28)$table
z <- qnorm(0.975)
med <- unname(tab[, "median"]); lcl <- unname(tab[, "0.95LCL"]); ucl <- unname(tab[, "0.95UCL"])
var_med <- (med * (log(ucl) - log(lcl)) / (2 * z))^2
levels <- sort(unique(trial$dose))
cox <- coxph(Surv(relief_days, relief_ended) ~ factor(dose), data = trial)
fits <- lapply(c("emax", "linear", "linlog"), function(m)
  quiet(fitMod(levels, med, S = diag(var_med), model = m, type = "general")))
write_case(list(name = "ketamine_stage1", dose = trial$dose, time = trial$relief_days,
                event = trial$relief_ended, levels = levels,
                median = med, median_lower = lcl, median_upper = ucl, median_var = var_med,
                rmean = unname(tab[, "rmean"]), se_rmean = unname(tab[, "se(rmean)"]),
                cox_coef = unname(coef(cox)), cox_var = unname(vcov(cox)), delta = 2,
                fits = lapply(fits, one_fit, type = "general", doses = levels, delta = 2)),
           "dose_ketamine_stage1.json")
