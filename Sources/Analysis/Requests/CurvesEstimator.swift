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
    /// - Returns: A ``CurvesRequest`` or a ``CumulativeHazardRequest``.
    public func request(source: DataSource, kaplanMeier: KaplanMeier) -> any AnalysisRequest {
        switch self {
        case .kaplanMeier: return CurvesRequest(source: source, kaplanMeier: kaplanMeier)
        case .nelsonAalen: return CumulativeHazardRequest(source: source, kaplanMeier: kaplanMeier)
        }
    }
}
