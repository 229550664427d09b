import Foundation

/// A `cox_<name>.json` case written by Reference/make_cox_fixtures.R (jsonlite, `auto_unbox = TRUE`:
/// length-1 vectors arrive as scalars, which `FixtureNumbers` / `FixtureStrings` accept).
struct CoxFixture: Decodable, Sendable {
    struct Test: Decodable, Sendable {
        let statistic: Double
        let df: Int
        let p: Double
    }
    struct Tests: Decodable, Sendable {
        let likelihood_ratio, wald, score: Test
        let robust_score: Test?
    }
    struct Concordance: Decodable, Sendable {
        let concordant, discordant, tied_x, tied_y, tied_xy, concordance, std: Double
    }
    struct ConcordanceCall: Decodable, Sendable {
        let concordance, std: Double
    }
    struct ZPH: Decodable, Sendable {
        let rows: FixtureStrings
        let chisq, df, p: FixtureNumbers
    }

    let name: String
    let formula: String
    let ties: String
    let columns: FixtureStrings
    let x: [FixtureNumbers]
    let time: FixtureNumbers
    let status: FixtureNumbers
    let strata: FixtureNumbers?
    let weights: FixtureNumbers?
    let cluster: FixtureNumbers?
    let robust: Bool
    let iter_max: Int
    let coef: FixtureNumbers
    let `var`: [FixtureNumbers]
    let naive_var: [FixtureNumbers]
    let loglik: FixtureNumbers
    let score: Double
    let wald: Double
    let lr: Double
    let rscore: Double?
    let tests: Tests
    let iter: Int
    let n: Int
    let nevent: Int
    let means: FixtureNumbers
    let concordance: Concordance
    let concordance_call: ConcordanceCall
    let zph: ZPH?
    let warnings: FixtureStrings
    /// Entry times of `(start, stop]` rows (cp_cox_*.json only; `time` is then the stop time).
    let start: FixtureNumbers?

    /// Every fixture written by the script.
    static let names = [
        "lung", "lung_breslow", "lung_robust", "lung_weights", "veteran", "veteran_strata", "ovarian_efron",
        "ovarian_breslow", "ovarian_weights", "rats", "kidney", "ketamine", "ketamine_strata_breslow",
        "sim_efron", "sim_breslow", "monotone", "lung_iter1",
    ]

    /// Loads `Reference/<prefix><name>.json` from the test bundle (`cp_cox_` for the counting-process
    /// fixtures of make_counting_fixtures.R, which add `start`).
    static func load(_ name: String, prefix: String = "cox_") throws -> CoxFixture? {
        guard let url = Bundle.module.url(forResource: prefix + name, withExtension: "json",
                                          subdirectory: "Reference")
        else { return nil }
        return try JSONDecoder().decode(CoxFixture.self, from: Data(contentsOf: url))
    }
}
