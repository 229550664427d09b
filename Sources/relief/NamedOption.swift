import Analysis
import ArgumentParser

/// An option value out of a fixed list of names, in any case (as R's `dist = "Weibull"`).
protocol NamedOption: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {}

extension NamedOption {
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    /// The registered model of this name (`--model`), Weibull for any other name.
    var model: ModelName { ModelName(rawValue: rawValue) ?? .weibull }
}
