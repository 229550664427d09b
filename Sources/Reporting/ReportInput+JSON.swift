extension ReportInput {
    /// The `input` member of every JSON output: file, sha256, rows read/used/excluded, delimiter and
    /// each exclusion with its line, column and reason.
    public var json: JSONValue {
        .object([
            ("file", .string(file)),
            ("sha256", .string(sha256)),
            ("rows_read", .integer(rowsRead)),
            ("rows_used", .integer(rowsUsed)),
            ("rows_excluded", .integer(rowsExcluded)),
            ("delimiter", .string(delimiter)),
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
