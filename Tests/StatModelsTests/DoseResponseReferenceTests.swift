import DoseResponse
import Foundation
import NumericCore
import Testing

/// Two-stage dose-response fits against DoseFinding 1.0-3 `fitMod` (fixtures from make_dose_fixtures.R).
/// Tolerances: 1e-6 relative for linear models, 1e-4 relative for non-linear models at an interior
/// optimum; at-bound fits are checked for the flag and the bound value only.
@Suite("Dose-response vs DoseFinding")
struct DoseResponseReferenceTests {
    static let cases = ["dose_biom", "dose_ibscovars", "dose_biom_general"]

    static func fitCase(_ c: DoseFixtureCase) throws -> DoseResponseResult {
        let spec = DoseResponseFit(models: c.fits.compactMap { DoseModel(name: $0.model) }, targetGain: c.delta,
                                   curveDoses: c.fits.first?.grid)
        if c.type == "general", let s = c.S {
            return try spec.fit(doses: c.dose, estimates: c.resp, covariance: Matrix(rowMajor: s))
        }
        return try spec.fit(dose: c.dose, response: c.resp)
    }

    /// True when an R estimate of a non-linear parameter lies on its default bound.
    static func rOnBound(_ fit: DoseFixtureFit, maxDose: Double) -> Bool {
        guard let model = DoseModel(name: fit.model) else { return false }
        let linear = model.parameterCount - model.nonlinearCount
        for (k, range) in model.defaultBounds(maxDose: maxDose).enumerated() {
            let v = fit.coefs[linear + k], slack = 1e-6 * (range.upperBound - range.lowerBound)
            if v - range.lowerBound <= slack || range.upperBound - v <= slack { return true }
        }
        return false
    }

    @Test("parameters, SEs, RSS, logLik, AIC, ED, TD and curve match fitMod", arguments: cases)
    func matchesFitMod(_ name: String) throws {
        let c = try #require(try DoseFixtureCase.load(name))
        let result = try Self.fitCase(c)
        #expect(result.fits.count == c.fits.count)
        let maxDose = c.dose.max() ?? 1
        for (mine, ref) in zip(result.fits, c.fits) {
            let model = mine.model
            #expect(model.rawValue == ref.model)
            #expect(mine.parameters.map(\.name) == ref.names)
            let onBound = Self.rOnBound(ref, maxDose: maxDose)
            #expect(mine.atBound.isEmpty == !onBound, "\(name) \(model): atBound \(mine.atBound)")
            // Identified unless ED50 itself ended on its bound (none of these fixtures: h or delta at most).
            #expect(mine.isIdentified == !mine.atBound.contains("ed50"), "\(name) \(model)")
            let tol = model.isLinear ? 1e-6 : 1e-4
            for (k, p) in mine.parameters.enumerated() {
                #expect(doseRelativeError(p.estimate, ref.coefs[k]) < tol, "\(name) \(model) \(p.name) \(p.estimate) vs \(ref.coefs[k])")
                if let se = ref.se[k] {
                    #expect(doseRelativeError(p.standardError, se) < tol, "\(name) \(model) SE \(p.name)")
                }
            }
            if let rss = ref.rss {
                #expect(doseRelativeError(mine.residualSumOfSquares, rss) < tol)
                #expect(doseRelativeError(mine.degreesOfFreedom, ref.df) < 1e-12)
                #expect(doseRelativeError(mine.logLikelihood, ref.loglik) < tol)
                #expect(doseRelativeError(mine.aic, ref.aic) < tol)
            }
            if let grss = ref.grss {
                // gRSS of an interior non-linear optimum is flat: compare absolutely on the criterion scale.
                #expect(abs(mine.residualSumOfSquares - grss) < tol * max(1, grss), "\(name) \(model) gRSS")
                #expect(abs(mine.aic - (ref.gaic ?? .nan)) < tol * max(1, grss))
            }
            let ed = mine.effectiveDoses
            #expect(doseRelativeError(ed.first?.estimate, ref.ed50) < tol, "\(name) \(model) ED50")
            #expect(doseRelativeError(ed.last?.estimate, ref.ed90) < tol, "\(name) \(model) ED90")
            if let td = ref.td {
                #expect(doseRelativeError(mine.targetDose?.estimate, td) < tol, "\(name) \(model) TD")
            } else {
                #expect(mine.targetDose?.estimate == nil)
            }
            for (point, (f, se)) in zip(mine.curve, zip(ref.pred, ref.pred_se)) {
                #expect(abs(point.estimate - f) < tol * max(1, abs(f)), "\(name) \(model) curve at \(point.dose)")
                if let se, !onBound { #expect(doseRelativeError(point.standardError, se) < tol) }
            }
        }
        let weights = result.fits.map(\.aicWeight)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        let refAIC = c.fits.map { $0.aic ?? $0.gaic ?? .nan }
        let minAIC = refAIC.min() ?? 0
        let raw = refAIC.map { exp(-0.5 * ($0 - minAIC)) }
        for (w, r) in zip(weights, raw) { #expect(abs(w - r / raw.reduce(0, +)) < 1e-4) }
    }

    @Test("optima on a default bound are flagged with the parameter name and a warning")
    func boundsFlagged() throws {
        let c = try #require(try DoseFixtureCase.load("dose_ibscovars"))
        let result = try Self.fitCase(c)
        let sig = try #require(result.fits.first { $0.model == .sigEmax })
        #expect(sig.atBound == ["h"])
        #expect(abs(sig.estimates[3] - 0.5) < 1e-8)
        let expo = try #require(result.fits.first { $0.model == .exponential })
        #expect(expo.atBound == ["delta"])
        #expect(abs(expo.estimates[2] - 8) < 1e-5)
        #expect(result.warnings.contains { $0.hasPrefix("sigEmax") })
        let emax = try #require(result.fits.first { $0.model == .emax })
        #expect(emax.atBound.isEmpty)
    }

    @Test("delta-method SEs of ED50 and TD for emax equal the analytic gradient with R's vcov to 1e-5")
    func deltaMethodEmax() throws {
        let c = try #require(try DoseFixtureCase.load("dose_biom"))
        let result = try Self.fitCase(c)
        let mine = try #require(result.fits.first { $0.model == .emax })
        let ref = try #require(c.fits.first { $0.model == "emax" })
        let v = ref.vcov.map { $0.map { $0 ?? .nan } }
        let eMax = ref.coefs[1], ed50 = ref.coefs[2], mD = c.dose.max() ?? 1, p = 0.5, delta = c.delta
        // ED_p = p·ed50·mD/((1−p)mD + ed50): ∂/∂ed50 = p(1−p)mD²/((1−p)mD + ed50)².
        let dED = p * (1 - p) * mD * mD / pow((1 - p) * mD + ed50, 2)
        let seED = abs(dED) * v[2][2].squareRoot()
        #expect(doseRelativeError(mine.effectiveDoses[0].standardError, seED) < 1e-5)
        // TD = Δ·ed50/(eMax − Δ): gradient (0, −Δ·ed50/(eMax − Δ)², Δ/(eMax − Δ)).
        let g = [0, -delta * ed50 / pow(eMax - delta, 2), delta / (eMax - delta)]
        var varTD = 0.0
        for i in 0..<3 { for j in 0..<3 { varTD += g[i] * v[i][j] * g[j] } }
        #expect(doseRelativeError(mine.targetDose?.standardError, varTD.squareRoot()) < 1e-5)
        let q = StudentT(degreesOfFreedom: mine.degreesOfFreedom).quantile(0.975)
        let td = try #require(mine.targetDose?.estimate)
        #expect(doseRelativeError(mine.targetDose?.upper, td + q * varTD.squareRoot()) < 1e-5)
    }
}
