import Foundation
import Survival

/// One profile prediction from R (`make_aft_fixtures.R`).
struct AFTFixtureProfile: Decodable, Sendable {
    struct Quantile: Decodable, Sendable { let fit, se: FixtureNumbers }
    struct RestrictedMean: Decodable, Sendable { let tau, estimate, se: Double }
    let row: Int
    let x: FixtureNumbers
    let quantile: Quantile
    let survival: FixtureNumbers
    let rmst: RestrictedMean
}

/// One `survreg` case: the inputs the engine sees and R's results.
struct AFTFixtureCase: Decodable, Sendable {
    let name: String
    let distribution: String
    let columns: FixtureStrings
    let x: [FixtureNumbers]
    let time, status: FixtureNumbers
    let weights: FixtureNumbers?
    let cluster: FixtureNumbers?
    let robust: Bool
    let coef: FixtureNumbers
    let log_scale: Double?
    let scale: Double
    let `var`: [[Double]]
    let robust_var: [[Double]]?
    let loglik, icoef: FixtureNumbers
    let iter: Int
    let chisq: Double
    let df: Int
    let aic, bic: Double
    let probs, times: FixtureNumbers
    let profiles: [AFTFixtureProfile]
}

/// A fixture file `aft_<dataset>.json`.
struct AFTFixtureFile: Decodable, Sendable {
    let dataset: String
    let cases: [AFTFixtureCase]

    /// Loads `Reference/aft_<name>.json` from the test bundle; nil when absent.
    static func load(_ name: String) throws -> AFTFixtureFile? {
        guard let url = Bundle.module.url(forResource: "aft_" + name, withExtension: "json",
                                          subdirectory: "Reference")
        else { return nil }
        return try JSONDecoder().decode(AFTFixtureFile.self, from: Data(contentsOf: url))
    }
}
