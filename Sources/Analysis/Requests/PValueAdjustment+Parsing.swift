import NumericCore

extension PValueAdjustment {
    /// Reads `--pairwise`: `holm`, `bh`, `bonferroni` or `none`, in any case.
    /// - Throws: ``AnalysisError`` (usage) naming the accepted values.
    public init(parsing text: String) throws {
        guard let value = PValueAdjustment(rawValue: text.lowercased()) else {
            throw AnalysisError(.usage, "--pairwise must be holm, bh, bonferroni or none, got '\(text)'")
        }
        self = value
    }
}
