import Reporting

extension DoseResponseRenderer {
    /// The fits as one tidy table.
    ///
    /// Columns: `section, model, name, dose, estimate, std_error, lower, upper, type, confidence_level,
    /// relief_version`. Sections: `input` (`rows_read`, `rows_used`, `rows_excluded` in `name`), `point`
    /// (stage 1: `name` = `n=N events=E`), `fit` (`name` = `rss`, `log_likelihood`, `aic`, `aic_weight`,
    /// `identified` = 1 or 0), `parameter` (`name` = DoseFinding's parameter name), `ed` (`name` = `ED50` etc.),
    /// `target_dose` (`name` = `TD+gain`), `curve` and `exclusion` (`name` = `line N: reason`). A model whose ED50
    /// is not identified has no `parameter`, `ed`, `target_dose` or `curve` rows.
    /// - Parameters:
    ///   - result: The fits.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    /// - Returns: The table.
    /// - Complexity: O(models x curve points + exclusions).
    public func csvTable(_ result: DoseResponseReport, input: ReportInput, provenance: Provenance) -> ReportTable {
        let fits = result.result
        let number = ReportColumn.Style.general(significant: 17)
        let columns = [
            ReportColumn("section", style: .label), ReportColumn("model", style: .label), ReportColumn("name", style: .label),
            ReportColumn("dose", style: number), ReportColumn("estimate", style: number),
            ReportColumn("std_error", style: number), ReportColumn("lower", style: number), ReportColumn("upper", style: number),
            ReportColumn("type", style: .label), ReportColumn("confidence_level", style: number),
            ReportColumn("relief_version", style: .label),
        ]
        let trailer: [ReportCell] = [.text(fits.type.rawValue), .number(fits.confidenceLevel), .text(provenance.version)]
        var rows: [[ReportCell]] = []
        func add(_ section: String, model: String = "", name: String, dose: Double? = nil, estimate: ReportCell = .empty,
                 se: Double? = nil, lower: Double? = nil, upper: Double? = nil) {
            var row: [ReportCell] = [.text(section), .text(model), .text(name), dose.map { .number($0) } ?? .empty, estimate]
            for value in [se, lower, upper] { row.append(value.map { .number($0) } ?? .empty) }
            rows.append(row + trailer)
        }
        add("input", name: "rows_read", estimate: .integer(input.rowsRead))
        add("input", name: "rows_used", estimate: .integer(input.rowsUsed))
        add("input", name: "rows_excluded", estimate: .integer(input.rowsExcluded))
        if let points = result.points {
            let ses = points.standardErrors
            for k in points.doses.indices {
                let n = points.counts.indices.contains(k) ? points.counts[k] : 0
                let e = points.events.indices.contains(k) ? points.events[k] : 0
                add("point", name: "n=\(n) events=\(e)", dose: points.doses[k], estimate: .number(points.estimates[k]),
                    se: ses.indices.contains(k) ? ses[k] : nil)
            }
        }
        for fit in fits.fits {
            let model = fit.model.rawValue
            add("fit", model: model, name: "rss", estimate: .number(fit.residualSumOfSquares))
            add("fit", model: model, name: "log_likelihood", estimate: .number(fit.logLikelihood))
            add("fit", model: model, name: "aic", estimate: .number(fit.aic))
            add("fit", model: model, name: "aic_weight", estimate: .number(fit.aicWeight))
            add("fit", model: model, name: "identified", estimate: .integer(fit.isIdentified ? 1 : 0))
            guard fit.isIdentified else { continue }
            for p in fit.parameters {
                add("parameter", model: model, name: p.name + (p.atBound ? " (bound)" : ""), estimate: .number(p.estimate),
                    se: p.standardError, lower: p.lower, upper: p.upper)
            }
            for ed in fit.effectiveDoses {
                add("ed", model: model, name: "ED" + Self.show(ed.probability * 100), estimate: .number(ed.estimate),
                    se: ed.standardError, lower: ed.lower, upper: ed.upper)
            }
            if let td = fit.targetDose {
                add("target_dose", model: model, name: "TD+" + Self.show(td.gain), estimate: .number(td.estimate),
                    se: td.standardError, lower: td.lower, upper: td.upper)
            }
            for point in fit.curve {
                add("curve", model: model, name: "", dose: point.dose, estimate: .number(point.estimate),
                    se: point.standardError, lower: point.lower, upper: point.upper)
            }
        }
        for exclusion in input.exclusions {
            add("exclusion", name: "line \(exclusion.line): \(exclusion.reason)")
        }
        return ReportTable(title: "", columns: columns, rows: rows)
    }
}
