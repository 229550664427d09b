import Analysis
import ArgumentParser

/// The MODEL argument of `relief fit` and `relief predict` and `--model` of `relief schedule` and
/// `relief report` (case-insensitive).
extension ModelName: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }

    /// The registered names, for `--help` and completion.
    public static var allValueStrings: [String] { registry.names }
}
