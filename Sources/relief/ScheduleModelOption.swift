import Analysis
import ArgumentParser

/// `--model` of `relief schedule`: a parametric family or a one-step Emax model.
enum ScheduleModelOption: String, ExpressibleByArgument, CaseIterable {
    case exponential, weibull, lognormal, loglogistic, emax, sigemax

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    /// The model.
    var model: ModelName { ModelName(rawValue: rawValue) ?? .weibull }
}
