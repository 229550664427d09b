import Foundation
import NumericCore

extension DoseResponseFit {
    /// Covariance, likelihood, AIC, on-bound flags, EDs, target dose and curve of one fitted model.
    package func summarise(_ model: DoseModel, data: DoseFitData, estimates: [Double], criterion: Double,
                   bounds: [ClosedRange<Double>], offset: Double,
                   search: (evaluations: Int, converged: Bool)) throws(DoseResponseError) -> DoseModelFit {
        let p = model.parameterCount
        let isNormal = data.type == .normal
        let rss = criterion + data.withinSS
        let df = isNormal ? Double(data.observationCount - p) : Double.infinity
        let covariance = Self.covariance(model, data: data, estimates: estimates, rss: rss, df: df, offset: offset)
        let q = isNormal ? StudentT(degreesOfFreedom: df).quantile(0.5 + confidenceLevel / 2)
                         : Normal.quantile(0.5 + confidenceLevel / 2)

        let linearCount = p - model.nonlinearCount
        var onBound = [Bool](repeating: false, count: p)
        for (k, range) in bounds.enumerated() {
            let value = estimates[linearCount + k]
            let slack = 1e-6 * (range.upperBound - range.lowerBound)
            onBound[linearCount + k] = value - range.lowerBound <= slack || range.upperBound - value <= slack
        }
        let parameters = (0..<p).map { k -> DoseParameterEstimate in
            let se = covariance.flatMap { c in c[k, k] >= 0 ? c[k, k].squareRoot() : nil }
            return DoseParameterEstimate(name: model.parameterNames[k], estimate: estimates[k], standardError: se,
                                         lower: se.map { estimates[k] - q * $0 }, upper: se.map { estimates[k] + q * $0 },
                                         atBound: onBound[k])
        }

        let n = Double(data.observationCount)
        let logLikelihood: Double
        let aic: Double
        if isNormal {
            logLikelihood = -n / 2 * (log(2 * Double.pi) + 1 + log(rss / n))
            aic = -2 * logLikelihood + 2 * Double(p + 1)
        } else {
            logLikelihood = -0.5 * (n * log(2 * Double.pi) + data.logDetS + rss)
            aic = rss + 2 * Double(p)
        }

        let maxDose = data.maxDose
        let eds = effectiveDoseProbabilities.map { prob -> EffectiveDoseEstimate in
            let (estimate, se) = Self.deltaMethod(estimates, covariance) {
                model.effectiveDose(probability: prob, parameters: $0, maxDose: maxDose, offset: offset)
            }
            return EffectiveDoseEstimate(probability: prob, estimate: estimate, standardError: se,
                                         lower: Self.bound(estimate, se, -q), upper: Self.bound(estimate, se, q))
        }
        let target = targetGain.map { gain -> TargetDoseEstimate in
            let (estimate, se) = Self.deltaMethod(estimates, covariance) {
                model.targetDose(gain: gain, parameters: $0, offset: offset)
            }
            return TargetDoseEstimate(gain: gain, estimate: estimate, standardError: se,
                                      lower: Self.bound(estimate, se, -q), upper: Self.bound(estimate, se, q))
        }
        let grid = curveDoses ?? (0...50).map { Double($0) / 50 * maxDose }
        let curve = grid.map { d -> DoseCurvePoint in
            let f = model.value(dose: d, parameters: estimates, offset: offset)
            let se = covariance.flatMap { Self.quadraticForm($0, model.gradient(dose: d, parameters: estimates, offset: offset)) }
                .map { $0.squareRoot() }
            return DoseCurvePoint(dose: d, estimate: f, standardError: se,
                                  lower: se.map { f - q * $0 }, upper: se.map { f + q * $0 })
        }
        let statement = Self.identificationStatement(model, estimates: estimates, bounds: bounds, onBound: onBound,
                                                     doses: data.doses)
        return DoseModelFit(model: model, parameters: parameters, covariance: covariance, residualSumOfSquares: rss,
                            degreesOfFreedom: df, logLikelihood: logLikelihood, aic: aic, aicWeight: .nan,
                            atBound: (0..<p).filter { onBound[$0] }.map { model.parameterNames[$0] },
                            isIdentified: statement == nil, identificationStatement: statement,
                            bounds: bounds, linlogOffset: model == .linlog ? offset : nil,
                            effectiveDoses: eds, targetDose: target, curve: curve,
                            evaluations: search.evaluations, converged: search.converged)
    }

    /// The sentence saying that ED50 (emax, sigEmax) is not identified because it ended on a bound of its
    /// range, or nil (identified, or a model without ED50).
    static func identificationStatement(_ model: DoseModel, estimates: [Double], bounds: [ClosedRange<Double>],
                                        onBound: [Bool], doses: [Double]) -> String? {
        guard model == .emax || model == .sigEmax, let range = bounds.first else { return nil }
        let index = model.parameterNames.firstIndex(of: "ed50") ?? 2
        guard onBound.indices.contains(index), onBound[index], estimates.indices.contains(index) else { return nil }
        let lower = abs(estimates[index] - range.lowerBound) <= abs(estimates[index] - range.upperBound)
        let positive = doses.filter { $0 > 0 }
        let span = "the doses (\(format(positive.min() ?? 0)) to \(format(positive.max() ?? 0)))"
        return "ED50 is not identified: it ran to the \(lower ? "lower" : "upper") end \(format(lower ? range.lowerBound : range.upperBound)) "
            + "of its search range [\(format(range.lowerBound)), \(format(range.upperBound))], so \(span) may all lie far "
            + (lower ? "above ED50, on the plateau of the curve" : "below ED50, where the curve is still about linear")
            + "; its parameters, effective and target doses are not reported"
    }

    /// `%.4g`.
    static func format(_ value: Double) -> String { String(format: "%.4g", value) }

    /// DoseFinding's `vcov.DRMod`: normal `(Σⱼ nⱼ gⱼgⱼᵀ)⁻¹ · RSS/df`; general `((WG)ᵀ(WG))⁻¹ = (GᵀS⁻¹G)⁻¹`.
    package static func covariance(_ model: DoseModel, data: DoseFitData, estimates: [Double], rss: Double, df: Double,
                           offset: Double) -> Matrix? {
        let rows = data.doses.map { model.gradient(dose: $0, parameters: estimates, offset: offset) }
        guard let wg = try? data.whiten(rows), let information = try? wg.syrk(transpose: true),
              let inverse = try? Cholesky(information).inverse() else { return nil }
        guard data.type == .normal else { return inverse }
        var scaled = inverse
        let sigma2 = rss / df
        for i in scaled.elements.indices { scaled.elements[i] *= sigma2 }
        return scaled
    }

    /// A function of the parameters with its delta-method SE, gradient by central differences
    /// (step `10⁻⁶·(|βₖ| + 10⁻⁶)`).
    package static func deltaMethod(_ beta: [Double], _ covariance: Matrix?,
                            _ f: ([Double]) -> Double?) -> (Double?, Double?) {
        guard let value = f(beta) else { return (nil, nil) }
        guard let covariance else { return (value, nil) }
        var gradient = [Double](repeating: 0, count: beta.count)
        for k in beta.indices {
            let h = 1e-6 * (abs(beta[k]) + 1e-6)
            var up = beta, down = beta
            up[k] += h
            down[k] -= h
            guard let fu = f(up), let fd = f(down) else { return (value, nil) }
            gradient[k] = (fu - fd) / (2 * h)
        }
        // A quantity that does not move with the parameters (the ED_p of the linear and linlog models is
        // fixed by the dose range) is not estimated: no standard error, rather than a misleading 0.
        guard gradient.contains(where: { $0 != 0 }) else { return (value, nil) }
        return (value, quadraticForm(covariance, gradient).map { $0.squareRoot() })
    }

    /// `gᵀ V g` when finite and non-negative.
    package static func quadraticForm(_ v: Matrix, _ g: [Double]) -> Double? {
        guard v.rows == g.count, v.columns == g.count else { return nil }
        var s = 0.0
        for i in g.indices { for j in g.indices { s += g[i] * v[i, j] * g[j] } }
        return s.isFinite && s >= 0 ? s : nil
    }

    /// `estimate + q·se` when both exist.
    private static func bound(_ estimate: Double?, _ se: Double?, _ q: Double) -> Double? {
        guard let estimate, let se else { return nil }
        return estimate + q * se
    }
}
