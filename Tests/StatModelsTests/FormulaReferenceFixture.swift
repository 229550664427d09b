import DataIO
import Foundation

/// One case of formula_*.json written by Reference/make_formula_fixtures.R.
struct FormulaFixtureCase: Decodable, Sendable {
    let name: String
    let formula: String
    let ref: [String: String]
    let term_labels: FixtureStrings?
    let colnames: FixtureStrings
    let assign: FixtureNumbers
    let n: Int
    let head: [FixtureNumbers]
    let col_sums: FixtureNumbers
    let col_sq_sums: FixtureNumbers
    let at: [String: FixtureStrings]?
    let at_columns: FixtureStrings?
    let profiles: [FixtureNumbers]?
    let strata_levels: FixtureStrings?
    let strata_head: FixtureNumbers?
    let n_clusters: Int?
}

/// A formula fixture file.
struct FormulaFixtureFile: Decodable, Sendable {
    let dataset: String
    let cases: [FormulaFixtureCase]

    /// Loads `Reference/<name>.json` from the test bundle.
    static func load(_ name: String) throws -> FormulaFixtureFile {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Reference") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Reference/\(name).json"])
        }
        return try JSONDecoder().decode(FormulaFixtureFile.self, from: Data(contentsOf: url))
    }
}

/// Paths and reading of the data behind the formula fixtures.
enum FormulaFixtureData {
    /// data/ketamine_trial.csv of this checkout.
    static var trialPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/ketamine_trial.csv").path
    }

    /// Reference/formula_lung.csv in the test bundle.
    static func lungPath() throws -> String {
        guard let url = Bundle.module.url(forResource: "formula_lung", withExtension: "csv", subdirectory: "Reference") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Reference/formula_lung.csv"])
        }
        return url.path
    }

    /// Reads the dataset of `fixture` with the covariates `columns`.
    static func read(_ dataset: String, covariates columns: [String]) throws -> SurvivalDataset {
        if dataset == "lung" {
            let roles = ColumnRoles(
                time: "time", event: "status", id: nil, eventCodes: EventCodes(ended: ["2"], censored: ["1"]),
                covariates: columns)
            return try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: try lungPath())
        }
        let roles = ColumnRoles(covariates: columns)
        return try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: trialPath)
    }
}
