extension ReportInput {
    /// The section listing excluded rows (line, column, reason) for the text and Markdown formats, or
    /// `nil` when no row was excluded.
    /// - Parameter maxListed: At most this many rows are listed; a note says how many more there are.
    /// - Returns: The section, or `nil`.
    /// - Complexity: O(min(exclusions, maxListed)).
    public func exclusionSection(maxListed: Int) -> ReportDocument.Section? {
        guard !exclusions.isEmpty else { return nil }
        let listed = exclusions.prefix(max(0, maxListed))
        var notes: [String] = []
        if listed.count < exclusions.count {
            notes.append("... and \(exclusions.count - listed.count) more; --format json or csv lists all.")
        }
        let columns = [
            ReportColumn("line", style: .count), ReportColumn("column", style: .label), ReportColumn("reason", style: .prose),
        ]
        let rows: [[ReportCell]] = listed.map { [.integer($0.line), $0.column.map(ReportCell.text) ?? .empty, .text($0.reason)] }
        let table = ReportTable(title: "", columns: columns, rows: rows, notes: notes)
        return ReportDocument.Section(heading: "Exclusions (\(exclusions.count) rows)", tables: [table])
    }
}
