import Analysis
import ArgumentParser

/// The MODEL argument of `relief fit` and `relief predict` and `--model` of `relief schedule` and
/// `relief report` (case-insensitive).
extension ModelName: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
