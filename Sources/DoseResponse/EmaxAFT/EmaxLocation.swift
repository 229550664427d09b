import Foundation
import NumericCore
import Regression

/// The Emax location of the one-step dose–response AFT: `μ = log g(d) + xᵀb` with
/// `g(d) = E0 + Emax·dʰ/(ED50ʰ + dʰ)` (`h = 1` for `.emax`, estimated for `.sigmoidEmax`), as an
/// ``AFTLocationModel``: the AFT likelihood, optimiser, variances and predictions are the linear AFT's.
///
/// Parameters `θ = (log E0, Emax, log ED50, [log h], b₁…b_p)`. With `f = dʰ/(ED50ʰ + dʰ) = 1/(1 + e^{−u})`,
/// `u = h (log d − log ED50)` (`f = 0` at `d = 0`), the Jacobian row is `(∇g/g, x)` and the only second
/// derivatives are in the curve block: `∂² log g = g_{jk}/g − g_j g_k/g²`. `ED50` is kept in DoseFinding's
/// range `[0.001, 1.5] × max dose` (`defBnds`) and `h` in `[0.1, 20]` (``bounds``); `μ` is undefined where
/// `g ≤ 0`, so the optimiser keeps `E0 + Emax·f(d) > 0` at every dose.
package struct EmaxLocation: AFTLocationModel {
    /// Per block: the Jacobian `(∇g/g, x)`, the scratch for `√D J`, the curve's second derivatives of
    /// `log g` (packed lower triangle per row) and the covariate block.
    package struct Workspace {
        var jacobian: Matrix
        var scaled: Matrix
        var curvature: [Double]
        var covariates: Matrix
    }

    /// The curve `g`, its gradient and Hessian in the curve parameters at one dose (`hessian` row-major
    /// `4 × 4`; the `h` entries are 0 for `.emax`).
    package struct CurveDerivatives {
        package var g = 0.0
        package var gradient = [0.0, 0.0, 0.0, 0.0]
        package var hessian = [Double](repeating: 0, count: 16)
        package init() {}
    }

    /// The curve.
    package let curve: EmaxAFT.Curve
    /// Dose per row, `≥ 0`.
    package let dose: [Double]
    /// `log d` (0 where `d = 0`).
    package let logDose: [Double]
    /// The covariates without intercept, `n × p`.
    package let x: Matrix
    /// The covariate names.
    package let termNames: [String]
    /// The ED50 range of the fit: DoseFinding's `defBnds`, `[0.001, 1.5] × max dose`.
    package let ed50Bounds: ClosedRange<Double>
    /// The wider range the profile-likelihood interval of ED50 is searched in, `[1e-3, 100] × max dose`
    /// (an interval may reach beyond the range of the estimate).
    package let profileSearchBounds: ClosedRange<Double>
    /// The box of the Hill exponent.
    package static let hillBounds = (lower: 0.1, upper: 20.0)

    /// Creates the location.
    ///
    /// - Parameters:
    ///   - curve: `.emax` or `.sigmoidEmax`.
    ///   - dose: Doses, `≥ 0`, at least one positive.
    ///   - x: Covariates without intercept.
    ///   - termNames: Their names.
    package init(curve: EmaxAFT.Curve, dose: [Double], x: Matrix, termNames: [String]) {
        self.curve = curve
        self.dose = dose
        self.logDose = dose.map { $0 > 0 ? log($0) : 0 }
        self.x = x
        self.termNames = termNames
        let maxDose = dose.max() ?? 1
        self.ed50Bounds = DoseModel.emax.defaultBounds(maxDose: maxDose)[0]
        self.profileSearchBounds = (1e-3 * maxDose)...(100 * maxDose)
    }

    /// The same doses and covariates with another curve (the sigmoid fit starts from the Emax fit).
    package func with(curve: EmaxAFT.Curve) -> EmaxLocation {
        EmaxLocation(curve: curve, dose: dose, x: x, termNames: termNames)
    }

    /// Whether `log h` is a parameter.
    package var estimatesHill: Bool { curve == .sigmoidEmax }
    /// 3 or 4.
    package var curveCount: Int { estimatesHill ? 4 : 3 }
    /// `n`.
    package var rows: Int { dose.count }

    /// `log(e0)`, `eMax`, `log(ed50)`, [`log(h)`], then the covariates.
    package var parameterNames: [String] {
        ["log(e0)", "eMax", "log(ed50)"] + (estimatesHill ? ["log(h)"] : []) + termNames
    }

    /// `log ED50` in DoseFinding's range; `log h` in `[log 0.1, log 20]`.
    package var bounds: [DampedNewton.Bound] {
        var result = [DampedNewton.Bound(index: 2, lower: log(ed50Bounds.lowerBound), upper: log(ed50Bounds.upperBound))]
        if estimatesHill {
            result.append(DampedNewton.Bound(index: 3, lower: log(Self.hillBounds.lower), upper: log(Self.hillBounds.upper)))
        }
        return result
    }

    /// Block-sized scratch.
    package func makeWorkspace(blockRows: Int) -> Workspace {
        let jacobian = Matrix(rows: blockRows, columns: curveCount + x.columns)
        let pairs = curveCount * (curveCount + 1) / 2
        return Workspace(jacobian: jacobian, scaled: jacobian, curvature: [Double](repeating: 0, count: blockRows * pairs),
                         covariates: Matrix(rows: blockRows, columns: x.columns))
    }

    /// `μ = log g(d) + xᵀb` for the block; with `derivatives`, the Jacobian and the curve's second
    /// derivatives into the workspace.
    package func locate(_ theta: [Double], rows: Range<Int>, derivatives: Bool,
                        workspace: inout Workspace) throws(LinearAlgebraError) -> [Double]? {
        let n = x.rows
        let q = curveCount
        let p = x.columns
        let m = rows.count
        let first = rows.lowerBound
        let pairs = q * (q + 1) / 2
        var xb = [Double](repeating: 0, count: m)
        if p > 0 {
            if workspace.covariates.rows != m { workspace.covariates = Matrix(rows: m, columns: p) }
            x.elements.withUnsafeBufferPointer { xs in
                workspace.covariates.elements.withUnsafeMutableBufferPointer { cb in
                    for j in 0..<p {
                        for r in 0..<m { cb[j * m + r] = xs[j * n + first + r] }
                    }
                }
            }
            xb = try workspace.covariates.gemv(Array(theta[q..<(q + p)]))
        }
        if derivatives {
            if workspace.jacobian.rows != m { workspace.jacobian = Matrix(rows: m, columns: q + p) }
            if workspace.curvature.count != m * pairs { workspace.curvature = [Double](repeating: 0, count: m * pairs) }
        }
        var mu = [Double](repeating: 0, count: m)
        if !derivatives {
            let e0 = exp(theta[0]), emax = theta[1], logED50 = theta[2]
            let h = estimatesHill ? exp(theta[3]) : 1
            for r in 0..<m {
                let i = first + r
                let g = e0 + emax * Self.fraction(d: dose[i], logD: logDose[i], logED50: logED50, h: h)
                guard g > 0, g.isFinite else { return nil }
                mu[r] = log(g) + xb[r]
            }
            return mu
        }
        var c = CurveDerivatives()
        for r in 0..<m {
            let i = first + r
            Self.curve(d: dose[i], logD: logDose[i], theta: theta, estimatesHill: estimatesHill, into: &c)
            guard c.g > 0, c.g.isFinite else { return nil }
            mu[r] = log(c.g) + xb[r]
            guard derivatives else { continue }
            let inverseG = 1 / c.g
            var slot = r * pairs
            for j in 0..<q {
                let lj = c.gradient[j] * inverseG
                workspace.jacobian.elements[j * m + r] = lj
                for l in 0...j {
                    let ll = c.gradient[l] * inverseG
                    workspace.curvature[slot] = c.hessian[j * 4 + l] * inverseG - lj * ll
                    slot += 1
                }
            }
        }
        if derivatives, p > 0 {
            for j in 0..<p {
                for r in 0..<m { workspace.jacobian.elements[(q + j) * m + r] = workspace.covariates.elements[j * m + r] }
            }
        }
        return mu
    }

    /// `JᵀDJ`, `Jᵀg`, `Jᵀc` on the Jacobian block, then `− Σ gᵢ ∂² log g` in the curve block.
    package func accumulate(_ theta: [Double], rows: Range<Int>, derivatives: AFTRowDerivatives,
                            workspace: inout Workspace, into total: inout AFTLocationDerivatives) throws(LinearAlgebraError) {
        try total.addGram(workspace.jacobian, derivatives, scratch: &workspace.scaled)
        let q = curveCount
        let pairs = q * (q + 1) / 2
        var sums = [Double](repeating: 0, count: pairs)
        for r in 0..<derivatives.count {
            let g = derivatives.score[r]
            for slot in 0..<pairs { sums[slot] += g * workspace.curvature[r * pairs + slot] }
        }
        var slot = 0
        for j in 0..<q {
            for l in 0...j {
                total.information[j, l] -= sums[slot]
                if l != j { total.information[l, j] -= sums[slot] }
                slot += 1
            }
        }
    }

    /// `sums[clusters[i], ·] += rowScores[i] · (∇g/g, x)ᵢ`.
    package func addClusterScores(_ theta: [Double], rowScores: [Double], clusters: [Int], into sums: inout Matrix) {
        let n = rows
        let q = curveCount
        let p = x.columns
        var c = CurveDerivatives()
        for i in 0..<n {
            Self.curve(d: dose[i], logD: logDose[i], theta: theta, estimatesHill: estimatesHill, into: &c)
            let g = rowScores[i]
            let row = clusters[i]
            for j in 0..<q { sums[row, j] += g * c.gradient[j] / c.g }
            for j in 0..<p { sums[row, q + j] += g * x.elements[j * n + i] }
        }
    }

    /// `f = dʰ/(ED50ʰ + dʰ)` (0 at `d = 0`), computed as in ``curve(d:logD:theta:estimatesHill:into:)``.
    @inline(__always)
    static func fraction(d: Double, logD: Double, logED50: Double, h: Double) -> Double {
        guard d > 0 else { return 0 }
        let u = h * (logD - logED50)
        let e = exp(-abs(u))
        return u >= 0 ? 1 / (1 + e) : e / (1 + e)
    }

    /// `g` and its derivatives at dose `d` (`logD = log d` for `d > 0`). Every entry of `c.hessian` this
    /// does not set is 0 from ``CurveDerivatives/init()`` and stays 0 (the same entries are set at every
    /// call for one curve), so a `c` reused across rows of one location needs no reset.
    package static func curve(d: Double, logD: Double, theta: [Double], estimatesHill: Bool, into c: inout CurveDerivatives) {
        let e0 = exp(theta[0])
        let emax = theta[1]
        let logED50 = theta[2]
        let h = estimatesHill ? exp(theta[3]) : 1
        var f = 0.0, v = 0.0, u = 0.0
        if d > 0 {
            u = h * (logD - logED50)
            let e = exp(-abs(u))
            f = u >= 0 ? 1 / (1 + e) : e / (1 + e)
            v = e / ((1 + e) * (1 + e))
        }
        c.g = e0 + emax * f
        c.gradient[0] = e0
        c.gradient[1] = f
        c.gradient[2] = -emax * h * v
        c.gradient[3] = estimatesHill ? emax * v * u : 0
        let q = 4
        c.hessian[0] = e0
        c.hessian[1 * q + 2] = -h * v
        c.hessian[2 * q + 1] = -h * v
        c.hessian[2 * q + 2] = emax * h * h * v * (1 - 2 * f)
        if estimatesHill {
            c.hessian[1 * q + 3] = v * u
            c.hessian[3 * q + 1] = v * u
            let cross = -emax * h * v * (1 + (1 - 2 * f) * u)
            c.hessian[2 * q + 3] = cross
            c.hessian[3 * q + 2] = cross
            c.hessian[3 * q + 3] = emax * v * u * (u * (1 - 2 * f) + 1)
        }
    }
}
