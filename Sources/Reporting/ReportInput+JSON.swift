extension ReportInput {
    /// The `input` member of every JSON output: file, sha256, rows read/used/excluded, delimiter, the
    /// unit of the times (`time_unit`), the outcome's word (`outcome_label`) and each exclusion with its
    /// line, column and reason.
    public var json: JSONValue {
        .object([
            ("file", .string(file)),
            ("sha256", .string(sha256)),
            ("rows_read", .integer(rowsRead)),
            ("rows_used", .integer(rowsUsed)),
            ("rows_excluded", .integer(rowsExcluded)),
            ("delimiter", .string(delimiter)),
            ("time_unit", .string(wording.timeUnit.rawValue)),
            ("outcome_label", .string(wording.outcome)),
            (
                "exclusions",
                .objects(exclusions) { exclusion in
                    [
                        ("line", .integer(exclusion.line)), ("column", .optional(exclusion.column)),
                        ("reason", .string(exclusion.reason)), ("missing", .bool(exclusion.isMissing)),
                    ]
                }
            ),
        ])
    }
}
