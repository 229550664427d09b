import DoseResponse
import Foundation
import NumericCore
import Simulation
import Testing

/// The one-step censoring-aware Emax AFT (`EmaxAFT`) and the two-stage route (KM median per dose level,
/// then `DoseResponseFit` emax, type general) estimate the same median-relief-by-dose curve where both
/// apply, so on one simulated trial with an Emax truth they must agree.
///
/// Like with like: the one-step `E0`/`Emax` describe `exp(location)`; the median at the reference profile
/// is that curve times `exp(σ·F₀⁻¹(0.5)) = (log 2)^σ` (Weibull). The two-stage curve is fitted to KM medians,
/// so it is the median curve itself: `(log 2)^σ·(E0 + Emax·d/(ED50 + d))`, an Emax curve with the SAME ED50
/// and `E0`, `Emax` both multiplied by `(log 2)^σ`. So ED50 is compared directly, `E0`/`Emax` and the curve
/// after the median factor.
///
/// To make the two routes estimate the same thing the simulation has no covariate effects and no frailty
/// (the pooled KM median per dose level is then the median at the reference profile, and the model with
/// no covariates is correctly specified); censoring (next infusion, dropout, end of study) stays and is
/// independent of relief given dose.
@Suite("Dose-response agreement: one-step Emax AFT vs two-stage KM-median Emax")
struct DoseResponseAgreementTests {
    static let levels = [0.1, 0.25, 0.5, 0.75, 1, 1.5]

    /// 10,000 patients (about 40,000 episodes, 6,700 per dose level), E0 8, Emax 16, ED50 0.4, Weibull σ 0.7.
    /// (Debug: about 1 s for simulation and both fits.)
    static func simulatedTrial() throws -> SimulatedTrial {
        var spec = TrialSimulation()
        spec.size = .patients(10_000)
        spec.frailtySD = 0
        spec.coefficients.intervalDays = 0
        spec.coefficients.baselinePain = 0
        spec.condition.logTimeEffects = spec.condition.logTimeEffects.map { _ in 0 }
        spec.cotherapy.logTimeEffects = spec.cotherapy.logTimeEffects.map { _ in 0 }
        spec.route.logTimeEffects = spec.route.logTimeEffects.map { _ in 0 }
        spec.emaxDoseResponse = .init(levels: levels, e0: 8, emax: 16, ed50: 0.4)
        return try spec.simulate(seed: 4_042_026)
    }

    /// Largest relative difference between two curves over the dose levels.
    static func maxRelativeDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 / $1 - 1) }.max() ?? .infinity
    }

    @Test func oneStepAndTwoStageAgreeOnED50AndTheMedianCurve() throws {
        let trial = try Self.simulatedTrial()
        let n = trial.rowCount
        let truth = try #require(trial.truth.emaxDoseResponse)

        // (a) One step: Emax AFT, Weibull, no covariates.
        let oneStep = try EmaxAFT(curve: .emax, distribution: .weibull, profileInterval: false)
            .fit(dose: trial.doseMgKg, x: Matrix(rows: n, columns: 0), time: trial.reliefDays, event: trial.reliefEnded)
        #expect(oneStep.isConverged)
        #expect(oneStep.warnings.isEmpty, "\(oneStep.warnings)")
        let ed50One = try #require(oneStep.parameters.first { $0.name == "ed50" })
        let e0One = try #require(oneStep.parameters.first { $0.name == "e0" })
        let emaxOne = try #require(oneStep.parameters.first { $0.name == "eMax" })
        let medianFactor = pow(log(2.0), oneStep.scale)  // (log 2)^σ, the Weibull median factor
        let oneStepMedian = oneStep.curvePoints(doses: Self.levels).map(\.median)
        #expect(oneStepMedian.count == Self.levels.count)
        // curvePoints' median is exp(location)·(log 2)^σ for the Weibull: the scale conversion used below.
        for (d, m) in zip(Self.levels, oneStepMedian) {
            #expect(abs(m / (oneStep.curveValue(at: d) * medianFactor) - 1) < 1e-12)
        }

        // (b) Two stage: KM median per dose level with its variance, then GLS emax fit.
        let points = try DoseLevelSummarizer(summary: .median)
            .summarize(dose: trial.doseMgKg, time: trial.reliefDays, event: trial.reliefEnded)
        #expect(points.dropped.isEmpty, "\(points.dropped)")
        #expect(points.doses.count == Self.levels.count)
        let result = try DoseResponseFit(models: [.emax], curveDoses: Self.levels).fit(points: points)
        let twoStage = try #require(result.fits.first)
        #expect(twoStage.model == .emax)
        #expect(twoStage.converged)
        #expect(twoStage.atBound.isEmpty, "\(twoStage.atBound)")
        let ed50Two = try #require(twoStage.parameters.first { $0.name == "ed50" })
        let e0Two = try #require(twoStage.parameters.first { $0.name == "e0" })
        let emaxTwo = try #require(twoStage.parameters.first { $0.name == "eMax" })
        let se2 = try #require(ed50Two.standardError)
        let twoStageMedian = Self.levels.map { DoseModel.emax.value(dose: $0, parameters: twoStage.estimates) }

        // ED50, same scale on both routes. Tolerance: |difference| < 2·√(SE₁² + SE₂²). The two estimates come
        // from the same data and are positively correlated, so this bound on the difference is conservative.
        let ed50Bound = 2 * (ed50One.standardError * ed50One.standardError + se2 * se2).squareRoot()
        #expect(abs(ed50One.estimate - ed50Two.estimate) < ed50Bound,
                "ED50 one-step \(ed50One.estimate) ± \(ed50One.standardError), two-stage \(ed50Two.estimate) ± \(se2)")
        // And each point estimate lies inside the other route's 95% interval.
        if let lower = ed50Two.lower, let upper = ed50Two.upper {
            #expect(lower < ed50One.estimate && ed50One.estimate < upper, "two-stage CI [\(lower), \(upper)]")
        }
        #expect(ed50One.lower < ed50Two.estimate && ed50Two.estimate < ed50One.upper,
                "one-step CI [\(ed50One.lower), \(ed50One.upper)]")

        // E0 and Emax after the median factor: the two-stage e0/eMax are medians, the one-step ones exp(location).
        // Tolerance: |difference| < 2·√(SE₁² + SE₂²), SE₁ the one-step SE times (log 2)^σ (the uncertainty of σ
        // adds about 0.2% to the factor and is left out; the two-stage SE of e0, an extrapolation to dose 0,
        // dominates).
        for (one, two) in [(e0One, e0Two), (emaxOne, emaxTwo)] {
            let se1 = one.standardError * medianFactor
            let se2 = try #require(two.standardError)
            #expect(abs(one.estimate * medianFactor - two.estimate) < 2 * (se1 * se1 + se2 * se2).squareRoot(),
                    "\(one.name): one-step·(log 2)^σ \(one.estimate * medianFactor) ± \(se1), two-stage \(two.estimate) ± \(se2)")
        }

        // The median curve at each dose level: one-step median vs two-stage fitted value, relative 3%
        // (the KM medians have SEs of about 1.5–2.5% each at this size).
        let curveTolerance = 0.03
        let curveDifference = Self.maxRelativeDifference(oneStepMedian, twoStageMedian)
        #expect(curveDifference < curveTolerance, "one-step \(oneStepMedian), two-stage \(twoStageMedian)")
        // Both are also within 3% of the true median curve (log 2)^0.7·(E0 + Emax·d/(ED50 + d)).
        #expect(truth.doseLevelsMgKg == Self.levels)
        let trueMedian = truth.curveAtLevelsDays.map { $0 * truth.medianOverCurve }
        #expect(Self.maxRelativeDifference(oneStepMedian, trueMedian) < curveTolerance, "true \(trueMedian)")
        #expect(Self.maxRelativeDifference(twoStageMedian, trueMedian) < curveTolerance, "true \(trueMedian)")

        // The comparison can fail. (1) Forgetting the median factor (comparing exp(location) with the KM-median
        // curve) is off by 1 − (log 2)^σ ≈ 23%.
        let locationCurve = Self.levels.map { oneStep.curveValue(at: $0) }
        #expect(Self.maxRelativeDifference(locationCurve, twoStageMedian) > 0.15)
        // (2) A one-step curve with ED50 × 1.5, × 2 or ÷ 2 (E0, Emax kept) fails the curve tolerance.
        var wrongDifferences: [Double] = []
        for wrong in [1.5, 2.0, 0.5] {
            let wrongCurve = Self.levels.map { d in
                (e0One.estimate + emaxOne.estimate * d / (wrong * ed50One.estimate + d)) * medianFactor
            }
            wrongDifferences.append(Self.maxRelativeDifference(wrongCurve, twoStageMedian))
            #expect(Self.maxRelativeDifference(wrongCurve, twoStageMedian) > curveTolerance, "ED50 × \(wrong)")
        }
        // (3) A doubled ED50 fails the ED50 criterion and lies outside both 95% intervals.
        #expect(abs(2 * ed50One.estimate - ed50Two.estimate) >= ed50Bound)
        #expect(2 * ed50One.estimate > ed50One.upper)
        if let upper = ed50Two.upper { #expect(2 * ed50One.estimate > upper) }

        print("DoseResponseAgreement: n \(n), one-step ED50 \(ed50One.estimate) ± \(ed50One.standardError) "
            + "[\(ed50One.lower), \(ed50One.upper)], E0 \(e0One.estimate), Emax \(emaxOne.estimate), σ \(oneStep.scale); "
            + "two-stage ED50 \(ed50Two.estimate) ± \(se2) [\(ed50Two.lower ?? .nan), \(ed50Two.upper ?? .nan)], "
            + "e0 \(e0Two.estimate) ± \(e0Two.standardError ?? .nan), eMax \(emaxTwo.estimate) ± \(emaxTwo.standardError ?? .nan); "
            + "ED50 bound \(ed50Bound); medians one-step \(oneStepMedian), two-stage \(twoStageMedian), "
            + "KM \(points.estimates) ± \(points.standardErrors); max rel curve diff \(curveDifference), "
            + "wrong-ED50 (×1.5, ×2, ÷2) diffs \(wrongDifferences), true medians \(trueMedian)")
    }
}
