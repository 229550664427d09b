import Regression

extension SurvivalModelRegistry {
    /// This registry with the dose–response models `emax` and `sigemax` added.
    ///
    /// - Returns: The extended registry.
    public func registeringDoseResponseModels() -> SurvivalModelRegistry {
        registering(EmaxAFT.registryEntry(.emax)).registering(EmaxAFT.registryEntry(.sigmoidEmax))
    }

    /// ``standard`` with the dose–response models: every model `relief fit` knows.
    public static let withDoseResponse = SurvivalModelRegistry.standard.registeringDoseResponseModels()
}
