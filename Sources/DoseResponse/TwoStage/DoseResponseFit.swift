import Foundation
import NumericCore

/// Stage 2 of the two-stage dose-response analysis: fits DoseFinding's dose models by (generalised)
/// least squares, as `DoseFinding::fitMod`.
///
/// - `.normal` (`fitMod(type = "normal")`): ordinary least squares on raw `(dose, response)` rows.
///   As DoseFinding, the rows are collapsed to per-dose means weighted by the counts `nⱼ` (same
///   estimates) and `RSS = Σ nⱼ(ȳⱼ − f(dⱼ))² + Σ within-dose SS`.
/// - `.general` (`fitMod(type = "general", S = S)`): generalised least squares on per-dose estimates
///   `y` with known covariance `S`, criterion `gRSS = (y − f)ᵀ S⁻¹ (y − f)`.
///
/// Models linear in their parameters are solved in closed form (QR). For emax and exponential the
/// linear parameters are profiled out and the one non-linear parameter is searched as DoseFinding:
/// a 30-point midpoint grid over the bounds, then Brent's method (R's `optimize`, `tol = √ε`) on
/// the grid cell ±1.1 cells. For sigEmax the start is the best of DoseFinding's 144-point lattice
/// grid over (ed50, h) (linear parameters profiled), then box-bounded Levenberg–Marquardt on all
/// four parameters with the bounds on ed50 and h; the linear parameters are finally re-profiled.
///
/// ```swift
/// let result = try DoseResponseFit(models: [.emax, .linear]).fit(dose: dose, response: resp)
/// result.fits[0].parameters.map(\.name)   // ["e0", "eMax", "ed50"]
/// ```
public struct DoseResponseFit: Sendable, Equatable {
    /// Least-squares type.
    public enum FitType: String, Sendable, Equatable, CaseIterable {
        /// OLS on raw rows (`fitMod(type = "normal")`).
        case normal
        /// GLS on per-dose estimates with covariance S (`fitMod(type = "general")`).
        case general
    }

    /// The models to fit, in report order.
    public var models: [DoseModel]
    /// Bounds for the non-linear parameters, overriding ``DoseModel/defaultBounds(maxDose:)``.
    public var bounds: [DoseModel: [ClosedRange<Double>]]
    /// `off` of `linlog`; `nil` = DoseFinding's default `0.01 · max dose`.
    public var linlogOffset: Double?
    /// Confidence level of every interval.
    public var confidenceLevel: Double
    /// The `p` of the effective doses reported (DoseFinding `ED(fit, p)`).
    public var effectiveDoseProbabilities: [Double]
    /// The wanted gain for the target dose (DoseFinding `TD(fit, Delta)`); `nil` = none.
    public var targetGain: Double?
    /// Doses at which the curve is evaluated; `nil` = 51 equally spaced doses from 0 to the max dose.
    public var curveDoses: [Double]?
    /// Points of DoseFinding's 1-D midpoint grid (`gridSize$dim1`).
    public var gridDim1 = 30
    /// Points of DoseFinding's 2-D lattice grid (`gridSize$dim2`, rounded up to a Fibonacci number).
    public var gridDim2 = 144

    /// Creates a fit specification.
    ///
    /// - Parameters:
    ///   - models: Models to fit; default all six.
    ///   - bounds: Non-linear bounds per model, overriding `defBnds`.
    ///   - linlogOffset: `off` of linlog; default 0.01 · max dose.
    ///   - confidenceLevel: Level of all intervals; default 0.95.
    ///   - effectiveDoseProbabilities: ED probabilities; default [0.5, 0.9].
    ///   - targetGain: Gain for the target dose, or nil.
    ///   - curveDoses: Curve grid, or nil for 51 points on [0, max dose].
    public init(models: [DoseModel] = DoseModel.allCases, bounds: [DoseModel: [ClosedRange<Double>]] = [:],
                linlogOffset: Double? = nil, confidenceLevel: Double = 0.95,
                effectiveDoseProbabilities: [Double] = [0.5, 0.9], targetGain: Double? = nil,
                curveDoses: [Double]? = nil) {
        self.models = models
        self.bounds = bounds
        self.linlogOffset = linlogOffset
        self.confidenceLevel = confidenceLevel
        self.effectiveDoseProbabilities = effectiveDoseProbabilities
        self.targetGain = targetGain
        self.curveDoses = curveDoses
    }

    /// Type normal: fits every model to raw rows by OLS.
    ///
    /// - Parameters:
    ///   - dose: Dose per row (finite, ≥ 0).
    ///   - response: Response per row (finite).
    /// - Returns: The fits, AIC weights, EDs, target doses and curves.
    /// - Throws: ``DoseResponseError`` for empty/mismatched/invalid input, a model with more
    ///   parameters than dose levels (``DoseResponseError/tooFewDoseLevels(model:levels:required:)``),
    ///   or a failed fit.
    /// - Complexity: O(N + models · grid · k) for N rows and k dose levels.
    public func fit(dose: [Double], response: [Double]) throws(DoseResponseError) -> DoseResponseResult {
        let data = try DoseFitData.normal(dose: dose, response: response)
        return try run(data)
    }

    /// Type general: fits every model to per-dose estimates with covariance `S` by GLS.
    ///
    /// - Parameters:
    ///   - doses: The dose of each estimate (finite, ≥ 0).
    ///   - estimates: The estimates.
    ///   - covariance: Their covariance `S`, symmetric positive definite.
    /// - Returns: The fits.
    /// - Throws: ``DoseResponseError`` as the normal form, and
    ///   ``DoseResponseError/covarianceNotPositiveDefinite(context:message:)``.
    /// - Complexity: O(k³ + models · grid · k²).
    public func fit(doses: [Double], estimates: [Double], covariance: Matrix) throws(DoseResponseError) -> DoseResponseResult {
        let data = try DoseFitData.general(doses: doses, estimates: estimates, covariance: covariance)
        return try run(data)
    }

    /// Type general on stage-1 points (``DoseLevelSummarizer``).
    ///
    /// - Parameter points: Dose levels, estimates and covariance.
    /// - Returns: The fits.
    /// - Throws: As ``fit(doses:estimates:covariance:)``.
    /// - Complexity: As ``fit(doses:estimates:covariance:)``.
    public func fit(points: DoseResponsePoints) throws(DoseResponseError) -> DoseResponseResult {
        try fit(doses: points.doses, estimates: points.estimates, covariance: points.covariance)
    }

    /// Validates the options, fits each model and attaches AIC weights.
    private func run(_ data: DoseFitData) throws(DoseResponseError) -> DoseResponseResult {
        let context = "DoseResponseFit"
        guard !models.isEmpty else { throw .emptyInput(context: context, what: "models") }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(context: context, message: "confidence level \(confidenceLevel) must lie in (0, 1)")
        }
        guard effectiveDoseProbabilities.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw .invalidArgument(context: context, message: "ED probabilities must lie in (0, 1)")
        }
        if let gain = targetGain, !(gain > 0 && gain.isFinite) {
            throw .invalidArgument(context: context, message: "target gain \(gain) must be positive (increasing direction)")
        }
        guard gridDim1 >= 1, gridDim2 >= 1 else {
            throw .invalidArgument(context: context, message: "grid sizes must be at least 1")
        }
        let offset = linlogOffset ?? 0.01 * data.maxDose
        if models.contains(.linlog) && !(offset > 0 && offset.isFinite) {
            throw .invalidArgument(context: context, message: "linlog offset \(offset) must be positive (is the max dose 0?)")
        }
        var fits: [DoseModelFit] = []
        var warnings: [String] = []
        for model in models {
            let modelBounds = bounds[model] ?? model.defaultBounds(maxDose: data.maxDose)
            let fitted = try fitOne(model, data: data, bounds: modelBounds, offset: offset)
            if let statement = fitted.identificationStatement {
                warnings.append("\(model.rawValue): \(statement)")
            } else if !fitted.atBound.isEmpty {
                warnings.append("\(model.rawValue): \(fitted.atBound.joined(separator: ", ")) on a bound of the search range; "
                    + "its SE is unreliable and the optimum may lie outside the range")
            }
            if !fitted.converged { warnings.append("\(model.rawValue): the optimiser did not converge") }
            fits.append(fitted)
        }
        let minAIC = fits.map(\.aic).min() ?? 0
        let raw = fits.map { exp(-0.5 * ($0.aic - minAIC)) }
        let total = raw.reduce(0, +)
        for i in fits.indices { fits[i].aicWeight = total > 0 ? raw[i] / total : .nan }
        return DoseResponseResult(doses: data.doses, responses: data.responses, counts: data.counts,
                                  covariance: data.covariance, type: data.type, observationCount: data.observationCount,
                                  confidenceLevel: confidenceLevel, fits: fits, warnings: warnings)
    }
}
