import Foundation
import NumericCore
import Regression
import Testing

/// Parametric AFT with left truncation (`(start, stop]` rows: the likelihood conditional on survival to
/// the entry) against the R likelihood of make_counting_fixtures.R, maximised by optim + Newton
/// (Reference/cp_aft_*.json; survreg cannot fit it; the script checks its likelihood equals survreg's
/// with all starts 0). Tolerance 1e-6 relative (variance entries relative to sqrt(V_ii V_jj)).
@Suite("Left-truncated AFT vs an R likelihood")
struct LeftTruncatedAFTTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let distribution: String
        let columns: [String]
        let x: [[Double]]
        let start: [Double]
        let time: [Double]
        let status: [Int]
        let coef: [Double]
        let scale: Double
        let loglik: Double
        let `var`: [[Double]]
    }

    @Test("coefficients, scale, log-likelihood and variance", arguments: ["heart", "cgd", "synthetic"])
    func reference(dataset: String) throws {
        let url = try #require(Bundle.module.url(forResource: "cp_aft_" + dataset, withExtension: "json", subdirectory: "Reference"))
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        for c in file.cases {
            let n = c.time.count
            let x = try Matrix(rows: n, columns: c.x.count, columnMajor: c.x.flatMap { $0 })
            var data = RegressionData(x: x, termNames: c.columns, time: c.time, event: c.status.map { $0 == 1 })
            data.start = c.start
            let distribution = try #require(AFTDistribution.named(c.distribution))
            let fit = try ParametricAFT(distribution: distribution, maxIterations: 100).fit(data)
            #expect(fit.isConverged, "\(c.name)")
            for (j, expected) in c.coef.enumerated() {
                SurvivalTolerance.expectRelative(fit.coefficients[j], expected, tolerance: 1e-6, "\(c.name) coef[\(j)]")
            }
            SurvivalTolerance.expectRelative(fit.scale, c.scale, tolerance: 1e-6, "\(c.name) scale")
            SurvivalTolerance.expectRelative(fit.logLikelihood, c.loglik, tolerance: 1e-8, "\(c.name) loglik")
            let p = c.var.count
            #expect(fit.variance.rows == p && fit.variance.columns == p, "\(c.name) var shape")
            guard fit.variance.rows == p, fit.variance.columns == p else { continue }
            for i in 0..<p {
                for j in 0..<p {
                    let scale = max(abs(c.var[i][j]), (c.var[i][i] * c.var[j][j]).squareRoot())
                    #expect(abs(fit.variance[i, j] - c.var[i][j]) <= 1e-6 * scale, "\(c.name) var[\(i),\(j)]")
                }
            }
        }
    }
}
