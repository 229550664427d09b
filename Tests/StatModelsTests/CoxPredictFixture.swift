import Foundation

/// A `cox_predict_<name>.json` case written by Reference/make_cox_predict_fixtures.R: the data, the
/// profiles and R's `survfit(coxph_fit, newdata = profile)` curve, summary and print values per profile.
struct CoxPredictFixture: Decodable, Sendable {
    struct Profile: Decodable, Sendable {
        let x: FixtureNumbers
        let stratum: Int?
    }
    struct AtTimes: Decodable, Sendable {
        let time, surv, lower, upper: FixtureNumbers
        let stdErr: FixtureNumbers
        enum CodingKeys: String, CodingKey {
            case time, surv, lower, upper
            case stdErr = "std.err"
        }
    }
    struct Curve: Decodable, Sendable {
        let time, surv, cumhaz, lower, upper: FixtureNumbers
        let n: Int
        let nRisk, nEvent, stdErr: FixtureNumbers
        let atTimes: AtTimes
        let median, medianLower, medianUpper: Double?
        let rmean, seRmean, lp: Double
        enum CodingKeys: String, CodingKey {
            case time, surv, cumhaz, lower, upper, n, median, rmean, lp
            case nRisk = "n.risk", nEvent = "n.event", stdErr = "std.err", atTimes = "at_times"
            case medianLower = "median_lower", medianUpper = "median_upper", seRmean = "se_rmean"
        }
    }

    let name: String
    let ties: String
    let columns: FixtureStrings
    let x: [FixtureNumbers]
    let time, status: FixtureNumbers
    let strata: FixtureNumbers?
    let coef: FixtureNumbers
    let times: FixtureNumbers
    let tau: Double
    let profiles: [Profile]
    let curves: [Curve]
    /// Entry times of `(start, stop]` rows (cp_cox_predict_*.json only).
    let start: FixtureNumbers?

    /// Every fixture written by the script.
    static let names = ["lung", "ovarian_breslow", "trial", "trial_strata"]

    /// Loads `Reference/cox_predict_<name>.json` from the test bundle.
    static func load(_ name: String, prefix: String = "cox_predict_") throws -> CoxPredictFixture? {
        guard let url = Bundle.module.url(forResource: prefix + name, withExtension: "json",
                                          subdirectory: "Reference")
        else { return nil }
        return try JSONDecoder().decode(CoxPredictFixture.self, from: Data(contentsOf: url))
    }
}
