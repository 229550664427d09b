import DataIO
import Foundation

/// `Reference/baseline_ketamine.json`, written by `Reference/make_baseline_fixtures.R` from base R.
struct BaselineReferenceFixture: Decodable, Sendable {
    struct Group: Decodable, Sendable {
        let label: String
        let episodes: Int
        let patients: Int
        let events: Int
    }

    struct Summary: Decodable, Sendable {
        let n: Int
        let mean, sd, median, q1, q3, min, max: Double?
    }

    struct NumericVariable: Decodable, Sendable {
        let name: String
        let summaries: [Summary]
    }

    struct CategoricalVariable: Decodable, Sendable {
        let name: String
        let levels: [String]
        let counts: [[Int]]
        let percent: [[Double?]]
    }

    let source: String
    let group_column: String
    let groups: [Group]
    let numeric: [NumericVariable]
    let categorical: [CategoricalVariable]

    /// Loads the fixture from the test bundle.
    static func load() throws -> BaselineReferenceFixture {
        guard let url = Bundle.module.url(forResource: "baseline_ketamine", withExtension: "json", subdirectory: "Reference")
        else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Reference/baseline_ketamine.json"])
        }
        return try JSONDecoder().decode(BaselineReferenceFixture.self, from: Data(contentsOf: url))
    }

    /// data/ketamine_trial.csv of this checkout.
    static var trialPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/ketamine_trial.csv").path
    }

    /// The variable names in fixture order: numeric first, then categorical.
    var variableNames: [String] { numeric.map(\.name) + categorical.map(\.name) }

    /// Reads the trial grouped by the fixture's group column with `covariates` read.
    static func readTrial(covariates: [String]) throws -> SurvivalDataset {
        let roles = ColumnRoles(by: ["dose_group"], covariates: covariates)
        return try SurvivalDatasetReader(dialect: CSVDialect(), roles: roles).read(path: trialPath)
    }
}
