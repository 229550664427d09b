import ArgumentParser

/// `--model` of `relief schedule`: a parametric family or a one-step Emax model.
enum ScheduleModelOption: String, NamedOption {
    case exponential, weibull, lognormal, loglogistic, emax, sigemax
}
