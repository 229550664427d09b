import Reporting

extension ClinicalReportLayout {
    /// "At a glance": warnings first, then counts and the headline comparison.
    package static func glance(_ report: ClinicalReport) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if !report.warnings.isEmpty {
            blocks.append(.warning(title: "\(report.warnings.count) warning(s) — read before the results", messages: report.warnings))
        }
        let input = report.input
        let words = input.wording
        let events = report.comparisons.first?.summary.groups.reduce(0) { $0 + $1.events }
        var facts: [(key: String, value: String)] = [("Episodes analysed", "\(input.rowsUsed) of \(input.rowsRead) rows read")]
        if let patients = report.patients { facts.append(("Patients", "\(patients)")) }
        if let events, input.rowsUsed > 0 {
            facts.append(("\(words.endedTitle) (events)", "\(events) (\(percent(Double(events) / Double(input.rowsUsed))))"))
            facts.append(("Censored (\(words.outcome) still ongoing)", "\(input.rowsUsed - events)"))
        }
        blocks.append(.keyValues(facts))
        for comparison in report.comparisons {
            let summary = comparison.summary
            let ci = Provenance.percent(summary.confidenceLevel) + " CI"
            let medians = summary.groups.map { group in
                let label = group.by.map(\.level).joined(separator: ", ")
                return "\(label) \(words.time(days(group.median.estimate))) (\(ci) \(days(group.median.lower)) to \(days(group.median.upper)))"
            }
            var text = "Median \(words.outcome) by \(comparison.column): " + medians.joined(separator: "; ") + "."
            if let test = summary.tests.first(where: { $0.kind == .logRank || $0.kind == .stratifiedLogRank }) {
                text += " Log-rank chi-square \(fixed(test.statistic, 2)) on \(days(test.degreesOfFreedom)) df, p \(pValue(test.pValue))."
            }
            blocks.append(.paragraph(text))
        }
        if let result = report.regression.value, let first = ForestRows(result).rows.first(where: { $0.estimate != nil }),
            let estimate = first.estimate
        {
            let ratio = result.isCox ? "hazard ratio" : "time ratio"
            blocks.append(
                .paragraph(
                    "Adjusted \(ratio) for \(first.label): \(Self.ratio(estimate)) (\(Provenance.percent(result.confidenceLevel)) CI "
                        + "\(Self.ratio(first.lower)) to \(Self.ratio(first.upper))); model \(result.fittedModel), \(result.formula)."))
        }
        return blocks
    }

    /// Provenance: file, hash, rows, command, version, date, options, exclusions, what is not shown.
    package static func provenance(_ report: ClinicalReport) -> [ReportBlock] {
        let input = report.input
        let provenance = report.provenance
        var facts: [(key: String, value: String)] = [
            ("Input file", input.file), ("SHA-256", input.sha256),
            ("Rows", "\(input.rowsRead) read, \(input.rowsUsed) used, \(input.rowsExcluded) excluded"),
            ("Delimiter", input.delimiter), ("Command", provenance.command), ("Relief version", provenance.version),
        ]
        if let date = provenance.date { facts.append(("Date", date)) }
        var blocks: [ReportBlock] = [.keyValues(facts)]
        blocks.append(
            .table(
                ReportTable(
                    title: "Options that change the numbers",
                    columns: [ReportColumn("Option", style: .label), ReportColumn("Value", style: .prose)],
                    rows: provenance.options.map { [.text("--" + $0.name), .text($0.value)] })))
        if var table = input.exclusionSection(maxListed: 50)?.tables.first {
            table.title = "Excluded rows (\(input.exclusions.count))"
            blocks.append(.table(table))
        } else {
            blocks.append(.paragraph("No rows were excluded."))
        }
        var privacy = report.includesIdentifiers
            ? "Patient identifiers are shown (--include-ids): handle this report as identifiable data."
            : "De-identified: patient identifiers and free-text columns do not appear in this report (--include-ids shows identifiers)."
        if !report.unusedColumns.isEmpty {
            privacy += " Columns not used, and not shown: " + report.unusedColumns.joined(separator: ", ") + "."
        }
        blocks.append(.paragraph(privacy))
        return blocks
    }

    /// A percentage with one decimal.
    package static func percent(_ fraction: Double) -> String {
        ReportText.display(100 * fraction, style: .fixed(decimals: 1), missing: "NA") + "%"
    }

    /// Days with up to 4 significant digits, `NR` when unknown.
    package static func days(_ value: Double?) -> String {
        ReportText.display(value, style: .general(significant: 4), missing: "NR")
    }

    /// A number with fixed decimals.
    /// A ratio to 3 significant digits (never a ratio other than 1 shown as 1), or "NA".
    package static func ratio(_ value: Double?) -> String {
        value.flatMap(SVGNumber.ratio) ?? "NA"
    }

    package static func fixed(_ value: Double?, _ decimals: Int) -> String {
        ReportText.display(value, style: .fixed(decimals: decimals), missing: "NA")
    }

    /// A p-value as "= 0.0123" or "< 0.0001".
    package static func pValue(_ value: Double) -> String {
        let text = ReportText.display(value, style: .pValue, missing: "NA")
        return text.hasPrefix("<") ? text : "= " + text
    }
}
