import Survival

/// `relief curves --estimator`: which step function the curves show.
public enum CurvesEstimator: String, Sendable, CaseIterable {
    /// The Kaplan–Meier survival curve (the default): ``CurvesRequest``.
    case kaplanMeier = "kaplan-meier"
    /// The Nelson–Aalen cumulative hazard with exp(-H): ``CumulativeHazardRequest``.
    case nelsonAalen = "nelson-aalen"

    /// The provenance entry: none for the default, `estimator` otherwise (so the Kaplan–Meier header is
    /// unchanged).
    public var provenanceOptions: [(String, String)] {
        self == .kaplanMeier ? [] : [("estimator", rawValue)]
    }

    /// The request of this estimator.
    /// - Parameters:
    ///   - source: The data; its `by` columns define the groups.
    ///   - kaplanMeier: The CI transform and level (also those of exp(-H)).
    ///   - band: The simultaneous band of the Kaplan–Meier curves (`--bands`), or nil.
    /// - Returns: A ``CurvesRequest`` or a ``CumulativeHazardRequest``.
    /// - Throws: ``AnalysisError`` (usage) for a band with the Nelson–Aalen estimator.
    public func request(source: DataSource, kaplanMeier: KaplanMeier, band: SimultaneousBand? = nil) throws -> any AnalysisRequest {
        switch self {
        case .kaplanMeier: return CurvesRequest(source: source, kaplanMeier: kaplanMeier, band: band)
        case .nelsonAalen:
            guard band == nil else {
                throw AnalysisError(.usage, "--bands draws simultaneous bands for Kaplan–Meier curves only; drop --estimator nelson-aalen or --bands")
            }
            return CumulativeHazardRequest(source: source, kaplanMeier: kaplanMeier)
        }
    }
}
