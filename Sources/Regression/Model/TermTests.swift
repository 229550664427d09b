import NumericCore
import Survival

/// The per-term test table of a fitted survival regression: for each term that can be dropped, the
/// Wald test of its coefficients together and the likelihood-ratio test against the model refitted
/// without it, with that model's AIC — R's `drop1(fit, test = "Chisq")` plus the Wald column.
///
/// Marginality is respected as R's `drop.scope`: a term contained in a higher-order interaction
/// (`baseline_pain` in `baseline_pain:cotherapy`) is not tested alone and is listed in
/// ``containedTerms``. `strata()` and `cluster()` are not terms (R's `drop1` prints a row for
/// `strata()` with 0 df and no p-value, comparing partial likelihoods of different risk sets).
///
/// ```swift
/// let tests = TermTests(fit: fit, design: design, data: data, model: CoxPH())
/// tests.tests.map { ($0.term, $0.likelihoodRatio?.pValue) }
/// ```
public struct TermTests: Sendable {
    /// One row per droppable term, in formula order.
    public let tests: [TermTest]
    /// Terms inside a higher-order interaction, not tested alone.
    public let containedTerms: [String]
    /// Reduced fits that failed or did not converge, as sentences.
    public let warnings: [String]

    /// Creates a table from its parts.
    /// - Parameters:
    ///   - tests: The rows.
    ///   - containedTerms: Terms not tested alone.
    ///   - warnings: Problems of the reduced fits.
    public init(tests: [TermTest], containedTerms: [String], warnings: [String] = []) {
        self.tests = tests
        self.containedTerms = containedTerms
        self.warnings = warnings
    }

    /// Tests every droppable term of a fit.
    ///
    /// The model without a term is fitted on `data` without the term's columns (and without clusters:
    /// only its log-likelihood is used); when nothing but the intercept would be left, the fit's own
    /// reference log-likelihood (`β = 0` for Cox, intercept-only for AFT) is used instead. Reduced fits
    /// run concurrently.
    ///
    /// - Parameters:
    ///   - fit: The fitted full model.
    ///   - design: The design it was fitted on (its terms and formula).
    ///   - data: The data it was fitted on.
    ///   - model: The configured model to refit without each term, or nil for Wald tests only.
    /// - Complexity: One reduced fit per droppable term, plus O(p³) per Wald test.
    public init(fit: any SurvivalRegressionFit, design: DesignMatrix, data: RegressionData,
                model: (any SurvivalRegressionModel)?) {
        self.init(fit: fit, design: design, data: data, model: model, referenceLogLikelihood: fit.referenceLogLikelihood)
    }

    /// Tests every droppable term of a fit whose model without any design column is not the fit's own
    /// reference model (an AFT with a fixed dose term besides the design: dropping every design column
    /// still leaves the dose).
    ///
    /// - Parameters:
    ///   - fit: The fitted full model.
    ///   - design: The design it was fitted on (its terms and formula).
    ///   - data: The data it was fitted on.
    ///   - model: The configured model to refit without each term, or nil for Wald tests only.
    ///   - referenceLogLikelihood: The log-likelihood of the model without any design column (nil: fit it).
    /// - Complexity: As ``init(fit:design:data:model:)``.
    public init(fit: any SurvivalRegressionFit, design: DesignMatrix, data: RegressionData,
                model: (any SurvivalRegressionModel)?, referenceLogLikelihood: Double?) {
        let formula = design.formula
        let variables = Dictionary(formula.terms.map { ($0.label, Set($0.variables)) }, uniquingKeysWith: { a, _ in a })
        func isContained(_ label: String) -> Bool {
            guard let own = variables[label] else { return false }
            return formula.terms.contains { other in
                other.label != label && own.isStrictSubset(of: Set(other.variables))
            }
        }
        let candidates = design.terms.filter { $0.count > 0 }
        let droppable = candidates.filter { !isContained($0.label) }
        let variance = fit.robustVariance ?? fit.variance
        let parameterIndex = Dictionary(fit.parameterNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let reduced = Self.reducedFits(droppable, fit: fit, design: design, data: data, model: model,
                                       reference: referenceLogLikelihood)
        var tests: [TermTest] = []
        var warnings: [String] = []
        for (term, outcome) in zip(droppable, reduced) {
            let df = term.count
            let indices = term.columns.compactMap { design.termNames.indices.contains($0) ? parameterIndex[design.termNames[$0]] : nil }
            let wald = indices.count == df ? Self.wald(fit.parameterEstimates, variance, indices) : .nan
            var likelihoodRatio: RegressionTest?
            var aic: Double?
            switch outcome {
            case .success(let value)?:
                let statistic = 2 * (fit.logLikelihood - value.logLikelihood)
                likelihoodRatio = Self.test(.likelihoodRatio, statistic, df)
                aic = -2 * value.logLikelihood + 2 * Double(fit.parameterCount - df)
                if !value.isConverged {
                    warnings.append("the model without \(term.label) did not converge; its likelihood-ratio test is approximate")
                }
            case .failure(let error)?:
                warnings.append("the model without \(term.label) could not be fitted (\(error)); no likelihood-ratio test for it")
            case nil:
                break
            }
            tests.append(TermTest(term: term.label, degreesOfFreedom: df, wald: Self.test(.wald, wald, df),
                                  likelihoodRatio: likelihoodRatio, aicWithout: aic))
        }
        self.init(tests: tests, containedTerms: candidates.map(\.label).filter(isContained), warnings: warnings)
    }

    /// Per term, the log-likelihood of the model without it (nil without a model): the reference
    /// log-likelihood when nothing but the intercept is left, else one reduced fit, all in one call to the
    /// model so that it can share work between them.
    private static func reducedFits(
        _ terms: [DesignTerm], fit: any SurvivalRegressionFit, design: DesignMatrix, data: RegressionData,
        model: (any SurvivalRegressionModel)?, reference: Double?
    ) -> [Result<ReducedFit, StatModelError>?] {
        guard let model else { return terms.map { _ in nil } }
        var results = [Result<ReducedFit, StatModelError>?](repeating: nil, count: terms.count)
        var subsets: [[Int]] = []
        var fitted: [Int] = []
        for (t, term) in terms.enumerated() {
            let kept = (0..<data.x.columns).filter { !term.columns.contains($0) }
            if kept.isEmpty || (design.hasIntercept && kept == [0]), let reference {
                results[t] = .success((reference, true))
            } else {
                subsets.append(kept)
                fitted.append(t)
            }
        }
        for (t, result) in zip(fitted, model.maximizedLogLikelihoods(data, keeping: subsets, from: fit.parameterEstimates)) { results[t] = result }
        return results
    }

    /// `b_I' V_II⁻¹ b_I`, NaN when the block is not positive definite.
    private static func wald(_ estimates: [Double], _ variance: Matrix, _ indices: [Int]) -> Double {
        let k = indices.count
        guard indices.allSatisfy({ $0 < estimates.count && $0 < variance.rows && $0 < variance.columns }) else { return .nan }
        var block = Matrix(rows: k, columns: k)
        for (a, i) in indices.enumerated() {
            for (b, j) in indices.enumerated() { block[a, b] = variance[i, j] }
        }
        let b = indices.map { estimates[$0] }
        guard block.isFinite, let solved = try? Cholesky(block).solve(b) else { return .nan }
        return zip(b, solved).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private static func test(_ kind: RegressionTest.Kind, _ statistic: Double, _ df: Int) -> RegressionTest {
        let p = statistic.isFinite ? ChiSquared(degreesOfFreedom: Double(df)).survival(max(statistic, 0)) : .nan
        return RegressionTest(kind: kind, statistic: statistic, degreesOfFreedom: df, pValue: p)
    }
}
