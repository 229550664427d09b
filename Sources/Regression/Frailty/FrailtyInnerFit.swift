/// The result of one inner fit at a fixed θ.
struct _FrailtyInnerFit: Sendable {
    let beta: [Double]
    let frailty: [Double]
    let logLikelihood: Double
    let penalizedLogLikelihood: Double
    let information: any FrailtyNewtonInformation
    let penaltySecond: [Double]
    let iterations: Int
    let isConverged: Bool
}
