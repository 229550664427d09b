import Foundation

/// A dose-response model of R `DoseFinding`, with its parameter names and parameterisation exactly as
/// there (`e0` is the response at dose 0 except for `linlog`):
///
/// | model | f(d) | parameters |
/// |---|---|---|
/// | `emax` | e0 + eMax·d/(ed50 + d) | e0, eMax, ed50 |
/// | `sigEmax` | e0 + eMax·dʰ/(ed50ʰ + dʰ) | e0, eMax, ed50, h |
/// | `linear` | e0 + delta·d | e0, delta |
/// | `linlog` | e0 + delta·log(d + off) | e0, delta (off fixed, default 0.01·max dose) |
/// | `quadratic` | e0 + b1·d + b2·d² | e0, b1, b2 |
/// | `exponential` | e0 + e1·(exp(d/delta) − 1) | e0, e1, delta |
///
/// The non-linear parameters (ed50; ed50 and h; delta of `exponential`) are searched within
/// ``defaultBounds(maxDose:)``, DoseFinding's `defBnds`.
public enum DoseModel: String, Sendable, CaseIterable, Hashable, Codable {
    case emax, sigEmax, linear, linlog, quadratic, exponential

    /// Parses a model name case-insensitively (`"sigemax"`, `"SigEmax"`, `"emax"`, ...).
    ///
    /// - Parameter name: The model name.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let model = DoseModel.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = model
    }

    /// DoseFinding's parameter names, in coefficient order.
    public var parameterNames: [String] {
        switch self {
        case .emax: return ["e0", "eMax", "ed50"]
        case .sigEmax: return ["e0", "eMax", "ed50", "h"]
        case .linear, .linlog: return ["e0", "delta"]
        case .quadratic: return ["e0", "b1", "b2"]
        case .exponential: return ["e0", "e1", "delta"]
        }
    }

    /// Number of parameters.
    public var parameterCount: Int { parameterNames.count }

    /// Number of trailing non-linear parameters (0 for models linear in their parameters).
    public var nonlinearCount: Int {
        switch self {
        case .emax, .exponential: return 1
        case .sigEmax: return 2
        case .linear, .linlog, .quadratic: return 0
        }
    }

    /// True when the model is linear in all its parameters (fitted in closed form).
    public var isLinear: Bool { nonlinearCount == 0 }

    /// DoseFinding's `defBnds(mD)` for the non-linear parameters: emax ed50 in [0.001, 1.5]·mD;
    /// sigEmax ed50 in [0.001, 1.5]·mD and h in [0.5, 10]; exponential delta in [0.1, 2]·mD.
    ///
    /// - Parameter maxDose: The largest dose `mD`.
    /// - Returns: One range per non-linear parameter (empty for linear models).
    public func defaultBounds(maxDose: Double) -> [ClosedRange<Double>] {
        let mD = maxDose.isFinite && maxDose > 0 ? maxDose : 1
        switch self {
        case .emax: return [(0.001 * mD)...(1.5 * mD)]
        case .sigEmax: return [(0.001 * mD)...(1.5 * mD), 0.5...10]
        case .exponential: return [(0.1 * mD)...(2 * mD)]
        case .linear, .linlog, .quadratic: return []
        }
    }

    /// The standardised shape `f⁰(d; θ)` of a non-linear model (e0 = 0, eMax or e1 = 1), or for a
    /// linear model the design row without the intercept.
    ///
    /// - Parameters:
    ///   - dose: The dose `d ≥ 0`.
    ///   - nonlinear: The non-linear parameters `θ` (ignored for linear models; NaN columns when too few).
    ///   - offset: `off` of `linlog`.
    /// - Returns: The columns multiplying the linear parameters after e0.
    /// - Complexity: O(1).
    public func linearColumns(dose d: Double, nonlinear θ: ArraySlice<Double>, offset: Double) -> [Double] {
        guard θ.count >= nonlinearCount else {
            return [Double](repeating: .nan, count: parameterCount - nonlinearCount - 1)
        }
        switch self {
        case .linear: return [d]
        case .linlog: return [log(d + offset)]
        case .quadratic: return [d, d * d]
        case .emax: return [d / (θ[θ.startIndex] + d)]
        case .sigEmax: return [Self.sigmoid(d, θ[θ.startIndex], θ[θ.startIndex + 1])]
        case .exponential: return [exp(d / θ[θ.startIndex]) - 1]
        }
    }

    /// The mean response `f(d; β)`.
    ///
    /// - Parameters:
    ///   - dose: The dose.
    ///   - parameters: All parameters in ``parameterNames`` order.
    ///   - offset: `off` of `linlog` (ignored otherwise).
    /// - Returns: `f(d)`.
    /// - Complexity: O(1).
    public func value(dose: Double, parameters p: [Double], offset: Double = 0) -> Double {
        guard p.count == parameterCount else { return .nan }
        let linearCount = parameterCount - nonlinearCount
        let columns = linearColumns(dose: dose, nonlinear: p[linearCount...], offset: offset)
        var f = p[0]
        for (k, c) in columns.enumerated() { f += p[k + 1] * c }
        return f
    }

    /// The gradient `∂f(d; β)/∂β` (DoseFinding's `emaxGrad`, `sigEmaxGrad`, ...; for sigEmax the
    /// h-derivative uses log(d/ed50)·… = 0 at d = 0, as DoseFinding).
    ///
    /// - Parameters:
    ///   - dose: The dose.
    ///   - parameters: All parameters.
    ///   - offset: `off` of `linlog`.
    /// - Returns: One derivative per parameter.
    /// - Complexity: O(1).
    public func gradient(dose d: Double, parameters p: [Double], offset: Double = 0) -> [Double] {
        guard p.count == parameterCount else { return [Double](repeating: .nan, count: parameterCount) }
        switch self {
        case .linear: return [1, d]
        case .linlog: return [1, log(d + offset)]
        case .quadratic: return [1, d, d * d]
        case .emax:
            return [1, d / (p[2] + d), -p[1] * d / ((d + p[2]) * (d + p[2]))]
        case .sigEmax:
            let g1 = Self.sigmoid(d, p[2], p[3])
            let a = 1 - g1
            let g2 = -(p[3] * p[1] / p[2]) * g1 * a
            let g3 = d > 0 ? p[1] * log(d / p[2]) * g1 * a : 0
            return [1, g1, g2, g3]
        case .exponential:
            let e = exp(d / p[2])
            return [1, e - 1, -e * d * p[1] / (p[2] * p[2])]
        }
    }

    /// `dʰ/(ed50ʰ + dʰ)` computed as DoseFinding `1/(1 + (ed50/d)^h)` (0 at d = 0).
    private static func sigmoid(_ d: Double, _ ed50: Double, _ h: Double) -> Double {
        if d <= 0 { return 0 }
        return 1 / (1 + pow(ed50 / d, h))
    }
}
