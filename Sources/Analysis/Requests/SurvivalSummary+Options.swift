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

extension SurvivalSummary {
    /// The provenance entries of `--test` and `--pairwise`, present only when they differ from the default.
    public var testProvenanceOptions: [(String, String)] {
        var options: [(String, String)] = []
        if test != .weighted(.logRank) { options.append(("test", test.description)) }
        if let pairwise { options.append(("pairwise", pairwise.rawValue)) }
        return options
    }
}
