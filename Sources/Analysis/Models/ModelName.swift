import DoseResponse
import Regression
import Survival

/// A model of the registry (`cox`, `exponential`, `weibull`, `lognormal`, `loglogistic`, `aft`,
/// `emax`, `sigemax`, and whatever is registered later), by its name.
///
/// What a model needs and can do comes from its ``SurvivalModelEntry`` (``entry``), never from its
/// name: a new model is one type and one registration line in the registry, and every request and
/// command offers it.
public struct ModelName: Hashable, Sendable, CustomStringConvertible {
    /// The models Relief offers: Regression's standard models and DoseResponse's Emax models.
    public static let registry = SurvivalModelRegistry.withDoseResponse

    /// The registry name.
    public let rawValue: String
    /// The registry entry.
    public let entry: SurvivalModelEntry

    /// The model named `name` (case-insensitive), or `nil` when no model has that name.
    public init?(rawValue name: String) {
        guard let entry = try? Self.registry.entry(named: name) else { return nil }
        self.rawValue = entry.name
        self.entry = entry
    }

    /// The model named `name`.
    /// - Throws: `StatModelError` listing the registered names.
    public init(named name: String) throws(StatModelError) {
        let entry = try Self.registry.entry(named: name)
        self.rawValue = entry.name
        self.entry = entry
    }

    /// Every registered model, in registration order.
    public static var all: [ModelName] { registry.names.compactMap { ModelName(rawValue: $0) } }

    /// The name.
    public var description: String { rawValue }

    /// Whether the model needs a dose column besides the formula (the one-step Emax models).
    public var needsDose: Bool { entry.requirements.needsDose }

    /// The per-term tests `relief fit` reports unless told: Wald and likelihood ratio (R's `drop1`), but
    /// Wald only for the models that need a dose (each of their refits is a full non-linear fit).
    public var defaultTermTests: TermTestMode { needsDose ? .wald : .likelihoodRatio }

    /// Models are equal when their names are.
    public static func == (lhs: ModelName, rhs: ModelName) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension ModelName {
    /// A model of the registry by name, for the constants below; a name missing from the registry
    /// gives an entry that refuses to fit, naming the registered models (a test checks every constant).
    static func registered(_ name: String) -> ModelName {
        if let model = ModelName(rawValue: name) { return model }
        let missing = SurvivalModelEntry(
            name: name, summary: "not registered",
            requirements: SurvivalModelRequirements(intercept: false, allowsStrata: false, needsDose: false),
            capabilities: SurvivalModelCapabilities(predictions: PredictionCapabilities(rawValue: 0), drivesCoverageSchedule: false)
        ) { _ throws(StatModelError) -> any SurvivalRegressionModel in
            throw .invalidArgument(
                context: "ModelName", message: "no model '\(name)'; the models are \(registry.names.joined(separator: ", "))")
        }
        return ModelName(entry: missing)
    }

    private init(entry: SurvivalModelEntry) {
        self.rawValue = entry.name
        self.entry = entry
    }

    /// Cox proportional hazards.
    public static let cox = registered("cox")
    /// Exponential AFT.
    public static let exponential = registered("exponential")
    /// Weibull AFT.
    public static let weibull = registered("weibull")
    /// Log-normal AFT.
    public static let lognormal = registered("lognormal")
    /// Log-logistic AFT.
    public static let loglogistic = registered("loglogistic")
    /// An AFT whose family the specification chooses (or all four, ranked by AIC).
    public static let aft = registered("aft")
    /// The one-step Emax AFT (h = 1).
    public static let emax = registered("emax")
    /// The one-step sigmoid-Emax AFT (h estimated).
    public static let sigemax = registered("sigemax")
}
