# frailty_case.R -- the record of one shared-frailty Cox fit, sourced by make_frailty_fixtures.R and
# make_frailty_counting_fixtures.R (the fields are listed in make_frailty_fixtures.R's header).
#   formula    the R formula (Surv(...) ~ ... + frailty(group)); data, its data frame
#   data_name  the case's data label; time, event: the column names; relief_formula: Relief's --formula
# Needs library(survival).
vec <- function(x) I(as.numeric(unname(x)))
mat <- function(m) unname(lapply(seq_len(nrow(m)), function(i) vec(m[i, ])))

frailty_case <- function(name, data_name, formula, data, time, event, relief_formula, distribution,
                         ties = "efron", reference_levels = setNames(list(), character(0))) {
  fit <- coxph(formula, data = data, ties = ties)
  stopifnot(inherits(fit, "coxph.penal"), fit$iter[1] < 10)
  h <- fit$history[[1]]
  theta <- if (!is.null(h$history)) h$history[nrow(h$history), 1] else h$theta
  fterm <- which(fit$pterms == 2)
  chisq <- sum(fit$frail^2 / fit$fvar)
  fdf <- fit$df[fterm]
  lr <- -2 * (fit$loglik[1] - fit$loglik[2])
  lrdf <- round(sum(fit$df), 2)
  group_col <- all.vars(formula)[length(all.vars(formula))]
  cat(sprintf("%-28s theta %.6g, coef %s, df %s, iter %s\n", name, theta,
              paste(format(coef(fit), digits = 6), collapse = " "),
              paste(format(fit$df, digits = 5), collapse = " "), paste(fit$iter, collapse = "/")))
  list(
    name = name, data = data_name, time = time, event = event, formula = relief_formula,
    distribution = distribution, ties = ties, reference_levels = reference_levels,
    r_call = paste(deparse(formula, width.cutoff = 500), collapse = " "),
    columns = I(names(coef(fit))), coef = vec(coef(fit)),
    var = mat(fit$var), var2 = mat(fit$var2), theta = theta,
    loglik = vec(fit$loglik), c_loglik = if (distribution == "gamma") h$c.loglik else NULL,
    df = vec(fit$df), frail = vec(fit$frail), fvar = vec(fit$fvar),
    groups = I(as.character(sort(unique(data[[group_col]])))),
    frailty_test = list(chisq = chisq, df = fdf, p = pchisq(chisq, max(fdf, 0.5), lower.tail = FALSE)),
    iter = vec(fit$iter), lr_test = list(chisq = lr, df = lrdf, p = pchisq(lr, lrdf, lower.tail = FALSE)),
    n = fit$n, nevent = fit$nevent)
}
