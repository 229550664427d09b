import ArgumentParser
import Survival

/// `--conf-type`: the CI transform, as R's `conf.type` (`log` is R's default).
enum ConfidenceTypeOption: String, ExpressibleByArgument, CaseIterable {
    case log
    case logLog = "log-log"
    case plain

    /// StatModels' transform.
    var transform: KaplanMeier.ConfidenceTransform {
        switch self {
        case .log: return .log
        case .logLog: return .logLog
        case .plain: return .plain
        }
    }
}
