import Survival

extension SurvivalSummary {
    /// Checks the settings before anything is read: the Kaplan–Meier settings (``Survival/KaplanMeier/check()``)
    /// and a restricted-mean horizon, when given, that is a positive number.
    /// - Throws: ``AnalysisError`` (usage) naming the option.
    public func check() throws {
        try km.check()
        if let tau, !(tau.isFinite && tau > 0) { throw AnalysisError(.usage, "--tau must be a positive number, got \(tau)") }
    }
}
