import Foundation

/// A JSON number array as written by jsonlite with `auto_unbox = TRUE`: a length-1 vector arrives as a
/// scalar, NA / NaN / Inf arrive as null.
struct FixtureNumbers: Decodable, Sendable {
    let values: [Double?]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let array = try? container.decode([Double?].self) {
            values = array
        } else if container.decodeNil() {
            values = [nil]
        } else {
            values = [try container.decode(Double.self)]
        }
    }

    var count: Int { values.count }
    /// Values that must all be present (inputs).
    var finite: [Double] { values.map { $0 ?? .nan } }
    var integers: [Int] { values.map { Int(($0 ?? -1).rounded()) } }
}

/// Strings, possibly unboxed to a scalar.
struct FixtureStrings: Decodable, Sendable {
    let values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let array = try? container.decode([String].self) {
            values = array
        } else {
            values = [try container.decode(String.self)]
        }
    }
}

/// One survfit curve (`km[conf_type][g]`).
struct FixtureCurve: Decodable, Sendable {
    let time, n_risk, n_event, n_censor, surv, std_err_log, lower, upper: FixtureNumbers
}

/// Rows of `summary.survfit`.
struct FixtureSummaryRows: Decodable, Sendable {
    let time, n_risk, n_event, surv, std_err, lower, upper: FixtureNumbers
}

/// `quantile.survfit` output for one curve.
struct FixtureQuantiles: Decodable, Sendable {
    let quantile, lower, upper: FixtureNumbers
}

/// One row of `summary(fit, rmean = tau)$table`.
struct FixtureTableRow: Decodable, Sendable {
    let median, lcl, ucl, rmean, se_rmean: Double?
}

/// `survdiff` output.
struct FixtureSurvdiff: Decodable, Sendable {
    let observed, expected: FixtureNumbers
    let `var`: [[Double]]
    let chisq: Double
    let df: Int
    let p: Double
}

/// Trend test computed in R from survdiff's obs, exp and var.
struct FixtureTrend: Decodable, Sendable {
    let scores: FixtureNumbers
    let U, V, chisq, p: Double
}

/// One case: a grouping of one dataset.
struct FixtureCase: Decodable, Sendable {
    let name: String
    let time, event, group: FixtureNumbers
    let levels: FixtureStrings
    let strata: FixtureNumbers?
    let probe_times, probs, taus: FixtureNumbers
    let km: [String: [FixtureCurve]]
    let summary_censored: [FixtureSummaryRows]
    let summary_times: [String: [FixtureSummaryRows]]
    let quantile: [String: [FixtureQuantiles]]
    let table: [String: [[FixtureTableRow]]]
    let survdiff: FixtureSurvdiff
    let trend: FixtureTrend
    let aeq_time: FixtureNumbers?
    let km_no_timefix: FixtureCurve?
    let km_one_group: FixtureCurve?
}

/// A fixture file `<dataset>.json` written by Reference/make_fixtures.R.
struct FixtureFile: Decodable, Sendable {
    let dataset: String
    let cases: [FixtureCase]

    /// Loads `Reference/<name>.json` from the test bundle; nil when the file is absent.
    static func load(_ name: String) throws -> FixtureFile? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Reference")
        else { return nil }
        return try JSONDecoder().decode(FixtureFile.self, from: Data(contentsOf: url))
    }
}
