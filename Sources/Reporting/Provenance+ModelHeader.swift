extension Provenance {
    /// The key/value header lines of a model report (`relief fit`, `relief predict`): input, rows, the
    /// unit of the times (`time-unit`), the given model lines, the options that change numbers (those not already among the
    /// model lines), version, date and command.
    /// - Parameters:
    ///   - input: The input record.
    ///   - model: Lines describing the model (e.g. `("model", "Cox proportional hazards, Efron ties")`),
    ///     placed after the row counts.
    /// - Returns: The lines in display order.
    /// - Complexity: O(options).
    public func modelHeaderLines(input: ReportInput, model: [(key: String, value: String)]) -> [(key: String, value: String)] {
        var lines: [(key: String, value: String)] = [
            ("input", input.file),
            ("sha256", input.sha256),
            ("rows", "\(input.rowsRead) read, \(input.rowsUsed) used, \(input.rowsExcluded) excluded"),
            ("time-unit", input.wording.units),
        ]
        lines += model
        let shown = Set(model.map(\.key) + ["time-unit"])
        for option in options where !shown.contains(option.name) { lines.append((option.name, option.value)) }
        lines.append(("version", "Relief \(version)"))
        if let date { lines.append(("date", date)) }
        lines.append(("command", command))
        return lines
    }
}
