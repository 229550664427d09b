import Foundation

/// One DoseFinding fit in `Reference/dose_*.json` (written by `make_dose_fixtures.R`).
struct DoseFixtureFit: Decodable, Sendable {
    let model: String
    let names: [String]
    let coefs: [Double]
    let se: [Double?]
    let vcov: [[Double?]]
    let ed50, ed90, td: Double?
    let grid, pred: [Double]
    let pred_se: [Double?]
    let rss, df, loglik, aic, grss, gaic: Double?
}

/// A DoseFinding reference case: data (raw rows, or per-dose estimates with S) and fits.
struct DoseFixtureCase: Decodable, Sendable {
    let name: String
    let type: String
    let dose: [Double]
    let resp: [Double]
    let S: [[Double]]?
    let delta: Double
    let fits: [DoseFixtureFit]

    static func load(_ name: String) throws -> DoseFixtureCase? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Reference") else {
            return nil
        }
        return try JSONDecoder().decode(DoseFixtureCase.self, from: Data(contentsOf: url))
    }
}

/// The stage-1 reference on the bundled trial data.
struct DoseStageOneFixture: Decodable, Sendable {
    let dose, time, event, levels: [Double]
    let median, median_lower, median_upper, median_var, rmean, se_rmean, cox_coef: [Double]
    let cox_var: [[Double]]
    let delta: Double
    let fits: [DoseFixtureFit]

    static func load() throws -> DoseStageOneFixture? {
        guard let url = Bundle.module.url(forResource: "dose_ketamine_stage1", withExtension: "json",
                                          subdirectory: "Reference") else { return nil }
        return try JSONDecoder().decode(DoseStageOneFixture.self, from: Data(contentsOf: url))
    }
}

/// `|a − e| / |e|` (absolute when e = 0); NaN never passes.
func doseRelativeError(_ actual: Double?, _ expected: Double?) -> Double {
    guard let actual, let expected, actual.isFinite, expected.isFinite else { return .nan }
    if expected == 0 { return abs(actual) }
    return abs(actual - expected) / abs(expected)
}
