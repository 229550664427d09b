import Analysis
import ArgumentParser

/// `--model` of `relief report`: a parametric family or Cox.
enum ReportModelOption: String, ExpressibleByArgument, CaseIterable {
    case weibull, lognormal, loglogistic, exponential, cox

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    /// The model.
    var model: ModelName { ModelName(rawValue: rawValue) ?? .weibull }
}
