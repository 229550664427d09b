import ArgumentParser

/// `--model` of `relief report`: a parametric family or Cox.
enum ReportModelOption: String, NamedOption {
    case weibull, lognormal, loglogistic, exponential, cox
}
