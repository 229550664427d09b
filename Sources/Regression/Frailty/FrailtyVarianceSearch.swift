/// One outer step of a shared-frailty fit: what the inner (penalised Newton) fit at θ gives the search.
package struct FrailtyOuterStep: Sendable {
    /// The θ the inner fit used.
    package let theta: Double
    /// The penalised log-likelihood (partial likelihood plus the log penalty, R's `coxfit$loglik`).
    package let penalizedLogLikelihood: Double
    /// The recentred frailties.
    package let frailty: [Double]
    /// The trace of the frailty block of the inverse penalised information.
    package let traceH: Double
}

/// The outer loop of R's `coxpenal.fit` for one frailty term: given the fit at each θ so far, the next θ
/// and whether the search is done (R's `frailty.controlgam` and `frailty.controlgauss`).
package protocol FrailtyVarianceSearch: Sendable {
    /// The first θ (R's iteration 0).
    var initialTheta: Double { get }
    /// Records the fit at the last θ; returns the next θ and whether that fit was the last.
    mutating func next(after step: FrailtyOuterStep) throws(FrailtySearchError) -> (theta: Double, done: Bool)
    /// The marginal (I-) likelihood of the last fit, when the search has one.
    var marginalLogLikelihood: Double? { get }
}

/// A step of R's θ search that R itself stops on ("Ties for max(y), I surrender").
package struct FrailtySearchError: Error, Sendable {
    package let message: String
}
