import DataIO
import Foundation
import Regression
import Reporting
import Survival

/// The reference profile of a fitted design for statements about "a typical episode": every numeric
/// column of the model terms at its median (R's `median`), every text column at its reference level
/// (the fitted design's, `--ref`), coded as the design (splines, logs and interactions included).
struct ReferenceProfile: Sendable {
    /// The design row.
    let row: [Double]
    /// `column = value` per column, for the sentence that uses the profile (medians to 6 significant
    /// digits; the row is coded from the exact median).
    let text: String

    /// The profile of `design` on `dataset`, nil when a column cannot be set (no numbers, no level) or the
    /// row cannot be coded.
    init?(design: DesignMatrix, dataset: SurvivalDataset) {
        var settings: [ProfileSetting] = []
        var shown: [String] = []
        let references = design.referenceLevels
        for column in design.formula.termColumns {
            guard let values = dataset.covariate(named: column)?.values else { return nil }
            switch values {
            case .numeric(let numbers):
                guard let median = NumericSummary(summarizing: numbers).median else { return nil }
                settings.append(ProfileSetting(column: column, values: [String(describing: median)]))
                shown.append("\(column) = " + ReportText.display(median, style: .general(significant: 6), missing: "NA"))
            case .categorical:
                guard let level = references[column] else { return nil }
                settings.append(ProfileSetting(column: column, values: [level]))
                shown.append("\(column) = \(level)")
            }
        }
        guard let profiles = try? design.profiles(settings), let row = profiles.x.row(0) else { return nil }
        self.row = row
        self.text = shown.joined(separator: ", ")
    }
}
