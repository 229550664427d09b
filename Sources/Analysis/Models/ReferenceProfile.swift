import DataIO
import Foundation
import Regression
import Survival

/// The reference profile of a fitted design for statements about "a typical episode": every numeric
/// column of the model terms at its median (R's `median`), every text column at its reference level
/// (the fitted design's, `--ref`), coded as the design (splines, logs and interactions included).
struct ReferenceProfile: Sendable {
    /// The design row.
    let row: [Double]
    /// `column = value` per column, for the sentence that uses the profile.
    let text: String

    /// The profile of `design` on `dataset`, nil when a column cannot be set (no numbers, no level) or the
    /// row cannot be coded.
    init?(design: DesignMatrix, dataset: SurvivalDataset) {
        var settings: [ProfileSetting] = []
        let references = design.referenceLevels
        for column in design.formula.termColumns {
            guard let values = dataset.covariate(named: column)?.values else { return nil }
            switch values {
            case .numeric(let numbers):
                guard let median = NumericSummary(summarizing: numbers).median else { return nil }
                settings.append(ProfileSetting(column: column, values: [String(describing: median)]))
            case .categorical:
                guard let level = references[column] else { return nil }
                settings.append(ProfileSetting(column: column, values: [level]))
            }
        }
        guard let profiles = try? design.profiles(settings), let row = profiles.x.row(0) else { return nil }
        self.row = row
        self.text = settings.map { "\($0.column) = \($0.values.joined())" }.joined(separator: ", ")
    }
}
