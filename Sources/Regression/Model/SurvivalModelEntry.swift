import Survival

/// One model of a ``SurvivalModelRegistry``: its name, what it needs, what it can do, and how to make
/// it from the user's settings. A model type offers its entry next to itself (`CoxPH.registryEntry`).
public struct SurvivalModelEntry: Sendable {
    /// The name users type (`cox`, `weibull`, `emax`, …), lower case.
    public let name: String
    /// A one-line description for help texts.
    public let summary: String
    /// What the data and design must provide.
    public let requirements: SurvivalModelRequirements
    /// What the fit can do.
    public let capabilities: SurvivalModelCapabilities
    /// Builds the configured model.
    public let make: @Sendable (SurvivalModelSettings) throws(StatModelError) -> any SurvivalRegressionModel

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - name: The name (stored lower case).
    ///   - summary: A one-line description.
    ///   - requirements: What the model needs.
    ///   - capabilities: What its fit can do.
    ///   - make: Builds the model from settings; throws for settings it cannot use.
    public init(name: String, summary: String, requirements: SurvivalModelRequirements,
                capabilities: SurvivalModelCapabilities,
                make: @escaping @Sendable (SurvivalModelSettings) throws(StatModelError) -> any SurvivalRegressionModel) {
        self.name = name.lowercased()
        self.summary = summary
        self.requirements = requirements
        self.capabilities = capabilities
        self.make = make
    }
}
