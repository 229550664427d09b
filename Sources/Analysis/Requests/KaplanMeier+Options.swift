import Survival

extension KaplanMeier {
    /// Checks the settings before anything is read: the confidence level lies strictly between 0 and 1.
    /// - Throws: ``AnalysisError`` (usage) naming `--conf-level`.
    public func check() throws {
        guard confidenceLevel.isFinite, confidenceLevel > 0, confidenceLevel < 1 else {
            throw AnalysisError(.usage, "--conf-level must lie strictly between 0 and 1 (e.g. 0.95), got \(confidenceLevel)")
        }
    }

    /// The provenance entries of the settings (``RunRecord``): `conf-type`, then `conf-level`.
    public var provenanceOptions: [(String, String)] {
        [("conf-type", confidenceTransform.rawValue), ("conf-level", String(describing: confidenceLevel))]
    }
}
