import Foundation
import Survival

extension SurvivalSummaryTestMethod: CustomStringConvertible {
    /// Reads `--test`: `log-rank`, `peto-peto`, `gehan`, `tarone-ware`, `fh:RHO,GAMMA` (each >= 0) or
    /// `maxcombo`, in any case.
    /// - Parameter text: The option's value.
    /// - Throws: ``AnalysisError`` (usage) naming the accepted values.
    public init(parsing text: String) throws {
        let value = text.lowercased().trimmingCharacters(in: .whitespaces)
        switch value {
        case "log-rank", "logrank": self = .weighted(.logRank)
        case "peto-peto": self = .weighted(.petoPeto)
        case "gehan": self = .weighted(.gehan)
        case "tarone-ware": self = .weighted(.taroneWare)
        case "maxcombo": self = .maxCombo
        default:
            let parts = value.hasPrefix("fh:") ? value.dropFirst(3).split(separator: ",", omittingEmptySubsequences: false) : []
            guard parts.count == 2, let rho = Double(parts[0]), let gamma = Double(parts[1]), rho.isFinite, gamma.isFinite,
                rho >= 0, gamma >= 0
            else {
                throw AnalysisError(
                    .usage,
                    "--test must be log-rank, peto-peto, gehan, tarone-ware, fh:RHO,GAMMA (two numbers >= 0, e.g. fh:1,1) "
                        + "or maxcombo, got '\(text)'")
            }
            self = .weighted(.flemingHarrington(rho: rho, gamma: gamma))
        }
    }

    /// The option text of the method (`log-rank`, `fh:1,0.5`, `maxcombo`).
    public var description: String {
        switch self {
        case .weighted(.logRank): "log-rank"
        case .weighted(.petoPeto): "peto-peto"
        case .weighted(.gehan): "gehan"
        case .weighted(.taroneWare): "tarone-ware"
        case let .weighted(.flemingHarrington(rho, gamma)): "fh:\(Self.text(rho)),\(Self.text(gamma))"
        case .maxCombo: "maxcombo"
        }
    }

    private static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(describing: value)
    }
}
