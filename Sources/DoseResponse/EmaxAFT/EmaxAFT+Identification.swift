import Foundation
import NumericCore
import Regression
import Survival

extension EmaxAFT {
    /// The ED50 grid: log-spaced over DoseFinding's range, both ends included.
    static let ed50GridSize = 31
    /// The Hill exponents over which the sigmoid profile is maximised: log-spaced over DoseFinding's
    /// `[0.5, 10]`, 1 included.
    static let hillGrid: [Double] = {
        let low: Double = log(0.5), high: Double = log(10.0)
        var grid: [Double] = [1]
        for step in 0...12 { grid.append(exp(low + (high - low) * Double(step) / 12)) }
        return grid
    }()

    /// The best point of the profile grid: ED50, `h` and the profiled `E0`, `Emax`.
    package struct GridPoint: Sendable {
        package var ed50: Double
        package var hill: Double
        package var e0: Double
        package var emax: Double
    }

    /// The approximate profile of ED50 on the dose-level fit (see ``EmaxED50Identification``).
    package struct GridProfile: Sendable {
        /// The ED50 values.
        package var grid: [Double]
        /// `ℓ_p − max ℓ_p`.
        package var drop: [Double]
        /// The profiled point at each ED50 (nil where the criterion is undefined).
        package var points: [GridPoint?]
        /// The index of the maximum.
        package var best: Int

        /// Creates a profile; see the properties.
        package init(grid: [Double], drop: [Double], points: [GridPoint?], best: Int) {
            self.grid = grid
            self.drop = drop
            self.points = points
            self.best = best
        }
    }

    /// The profile of ED50 over `bounds` for `curve`: at each grid ED50 (and Hill exponent of
    /// ``hillGrid`` for the sigmoid) the GLS criterion `min_{E0, Emax} (g − E0 − Emax·f)ᵀ S⁻¹ (g − E0 − Emax·f)`
    /// on `g = exp(γ̂)`, `S = diag(g) Cov(γ̂) diag(g)` (``DoseResponseFit`` type general, profiled linear
    /// parameters), so `ℓ_p ≈ ℓ_levels − criterion/2`.
    ///
    /// - Returns: The profile, or nil when the criterion is undefined everywhere (e.g. a singular `S`).
    /// - Complexity: O(grid · hill grid · groups²).
    package static func gridProfile(levels: EmaxDoseLevelFit, curve: Curve, bounds: ClosedRange<Double>) -> GridProfile? {
        let g = levels.locations.map { exp($0) }
        let k = g.count
        var s = Matrix(rows: k, columns: k)
        for j in 0..<k {
            for i in 0..<k { s[i, j] = g[i] * levels.covariance[i, j] * g[j] }
        }
        s = symmetrised(s)
        guard let data = try? DoseFitData.general(doses: levels.doses, estimates: g, covariance: s) else { return nil }
        let gls = DoseResponseFit(models: [])
        let low = log(bounds.lowerBound), high = log(bounds.upperBound)
        let n = ed50GridSize
        var grid: [Double] = []
        var value: [Double] = []
        var points: [GridPoint?] = []
        for step in 0..<n {
            let ed50 = step == n - 1 ? bounds.upperBound
                : step == 0 ? bounds.lowerBound : exp(low + (high - low) * Double(step) / Double(n - 1))
            var best: (criterion: Double, point: GridPoint)?
            for hill in curve == .emax ? [1.0] : hillGrid {
                let model: DoseModel = curve == .emax ? .emax : .sigEmax
                let nonlinear = curve == .emax ? [ed50] : [ed50, hill]
                guard var fitted = try? gls.profile(model, data: data, nonlinear: nonlinear, offset: 0),
                      fitted.criterion.isFinite, fitted.beta.count == 2 else { continue }
                if fitted.beta[0] <= 0 {
                    // E0 = exp(log E0) > 0 in the AFT: the constrained optimum is on E0 = 0.
                    guard let onZero = throughOrigin(data, model: model, nonlinear: nonlinear) else { continue }
                    fitted = onZero
                }
                if best.map({ fitted.criterion < $0.criterion }) ?? true {
                    best = (fitted.criterion, GridPoint(ed50: ed50, hill: hill, e0: fitted.beta[0], emax: fitted.beta[1]))
                }
            }
            grid.append(ed50)
            value.append(best.map { -$0.criterion / 2 } ?? -.infinity)
            points.append(best?.point)
        }
        guard let top = value.indices.max(by: { value[$0] < value[$1] }), value[top].isFinite else { return nil }
        let maximum = value[top]
        return GridProfile(grid: grid, drop: value.map { $0 - maximum }, points: points, best: top)
    }

    /// The GLS fit with `E0 = 0`: `min_Emax ‖W(g − Emax·f)‖²`.
    static func throughOrigin(_ data: DoseFitData, model: DoseModel,
                              nonlinear: [Double]) -> (beta: [Double], criterion: Double)? {
        let f = data.doses.map { model.linearColumns(dose: $0, nonlinear: nonlinear[...], offset: 0).first ?? .nan }
        guard let wf = try? data.whitening.gemv(f) else { return nil }
        let wg = data.whitenedResponses
        var ff = 0.0, fg = 0.0, gg = 0.0
        for (a, b) in zip(wf, wg) {
            ff += a * a
            fg += a * b
            gg += b * b
        }
        guard ff > 0, ff.isFinite, fg.isFinite else { return nil }
        return ([0, fg / ff], max(gg - fg * fg / ff, 0))
    }

    /// The verdict of ``EmaxED50Identification`` from the grid (or its absence).
    ///
    /// - Parameters:
    ///   - profile: The grid profile, nil when it could not be computed (then `.identified` with an empty
    ///     grid: the exact fit decides).
    ///   - levels: Distinct doses.
    ///   - bounds: DoseFinding's ED50 range.
    ///   - positive: The positive dose range.
    /// - Returns: The verdict.
    package func verdict(_ profile: GridProfile?, levels: Int, bounds: ClosedRange<Double>,
                 positive: ClosedRange<Double>) -> EmaxED50Identification {
        let required = curve == .sigmoidEmax ? 4 : 3
        let cutoff = ChiSquared(degreesOfFreedom: 1).quantile(confidenceLevel) / 2
        func make(_ status: EmaxED50Identification.Status) -> EmaxED50Identification {
            EmaxED50Identification(status: status, bounds: bounds, grid: profile?.grid ?? [],
                                   profileDrop: profile?.drop ?? [], cutoff: cutoff, level: confidenceLevel,
                                   doseLevels: levels, requiredDoseLevels: required, positiveDoseRange: positive,
                                   evidence: .profileGrid)
        }
        if levels < required { return make(.tooFewDoseLevels) }
        guard let profile, let first = profile.drop.first, let last = profile.drop.last else { return make(.identified) }
        if -first < cutoff && -last < cutoff { return make(.flat) }
        if -last < cutoff { return make(.dosesBelowED50) }
        if -first < cutoff { return make(.dosesAboveED50) }
        return make(.identified)
    }

    /// The grid point to start from: the best one whose curve is positive at every dose (E0 > 0 and
    /// E0 + Emax·f(d) > 0 at the smallest and largest dose, enough as f is monotone), nil when none is.
    static func startPoint(_ profile: GridProfile, doseRange: ClosedRange<Double>) -> GridPoint? {
        let order = profile.drop.indices.sorted { profile.drop[$0] > profile.drop[$1] }
        for index in order {
            guard var point = profile.points[index], point.e0 >= 0 else { continue }
            if point.e0 == 0 { point.e0 = 1e-3 * max(abs(point.emax), 1e-8) }
            let positive = [doseRange.lowerBound, doseRange.upperBound].allSatisfy { d in
                let f = d > 0 ? 1 / (1 + pow(point.ed50 / d, point.hill)) : 0
                return point.e0 + point.emax * f > 0
            }
            if positive { return point }
        }
        return nil
    }
}
