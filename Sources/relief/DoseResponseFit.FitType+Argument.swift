import ArgumentParser
import DoseResponse

/// `--type` of `relief dose-response` (case-insensitive).
extension DoseResponseFit.FitType: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
