extension SurvivalModelRegistry {
    /// The models of the Regression module: `cox`, the four AFT families `exponential`, `weibull`,
    /// `lognormal`, `loglogistic`, and `aft` (a family from the settings, or `all` ranked by AIC).
    /// DoseResponse adds `emax` and `sigemax` (`registeringDoseResponseModels()`).
    public static let standard = SurvivalModelRegistry([
        CoxPH.registryEntry,
        ParametricAFT.registryEntry(.exponential),
        ParametricAFT.registryEntry(.weibull),
        ParametricAFT.registryEntry(.lognormal),
        ParametricAFT.registryEntry(.loglogistic),
        AFTComparison.registryEntry,
    ])
}
