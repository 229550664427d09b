import Reporting

/// Renders an ``EmaxFitReport`` (what `relief fit emax|sigemax` computes) as a terminal table, Markdown,
/// CSV or JSON: E0, Emax, ED50 (and h) with SEs and intervals, the profile-likelihood interval of ED50,
/// the covariate coefficients (log time ratios), the scale, log-likelihood and AIC, and the fitted curve.
/// It never computes a statistic.
public struct EmaxFitRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// The fit's warnings.
    public func warnings(of result: EmaxFitReport) -> [String] { result.fit.warnings }

    /// The model lines of the header.
    static func modelLines(_ result: EmaxFitReport) -> [(key: String, value: String)] {
        let fit = result.fit
        let curve = fit.curve == .emax ? "E0 + Emax*d/(ED50 + d)" : "E0 + Emax*d^h/(ED50^h + d^h)"
        var lines: [(key: String, value: String)] = [
            ("model", "\(fit.curve.rawValue) AFT, \(fit.distribution.name) errors: log T = log(\(curve)) + x'b + sigma*W"),
            ("dose", "\(result.doseColumn) (\(fit.distinctDoseLevels) distinct values)"),
            ("formula", result.formula.isEmpty ? "(no covariates)" : result.formula),
            ("n", "\(fit.n) rows, \(fit.events) events"),
        ]
        if let column = result.clusterColumn {
            lines.append(("variance", "robust (sandwich), clustered by \(column)" + (fit.clusterCount.map { " (\($0) clusters)" } ?? "")))
        }
        lines.append(("log-likelihood", show(fit.logLikelihood)))
        lines.append(("AIC", show(fit.aic)))
        lines.append(("converged", fit.isConverged ? "yes (\(fit.iterations) iterations)" : "NO"))
        return lines
    }

    /// The report document.
    /// - Parameters:
    ///   - result: The fit.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The document.
    /// - Complexity: O(parameters + curve points + exclusions).
    public func document(_ result: EmaxFitReport, input: ReportInput, provenance: Provenance, warnings: [String]) -> ReportDocument {
        let fit = result.fit
        var document = ReportDocument(
            title: "One-step Emax dose-response of relief duration (\(fit.curve.rawValue), \(fit.distribution.name))",
            header: provenance.modelHeaderLines(input: input, model: Self.modelLines(result)))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        let number = ReportColumn.Style.general(significant: 5)
        let ci = Provenance.percent(fit.confidenceLevel) + " CI"
        var notes = [
            "e0 and eMax are days at the reference profile (covariates 0, factors at their reference levels); ed50 in "
                + "dose units; covariate coefficients are log time ratios (positive = longer relief).",
            "e0, ed50, h and scale: interval exp(log estimate ± z se); eMax and coefficients: estimate ± z se.",
        ]
        if !result.referenceLevels.isEmpty {
            notes.append("Reference levels: " + result.referenceLevels.map { "\($0.column)=\($0.level)" }.joined(separator: ", "))
        }
        var section = ReportDocument.Section(heading: "Parameters")
        section.append(
            ReportTable(
                title: "Estimates (\(ci), Wald)",
                columns: [
                    ReportColumn("parameter", style: .label), ReportColumn("estimate", style: number),
                    ReportColumn("std_error", style: number), ReportColumn("lower", style: number),
                    ReportColumn("upper", style: number),
                ],
                rows: fit.parameters.map { p in
                    [.text(p.name), .number(p.estimate), .number(p.standardError), .number(p.lower), .number(p.upper)]
                },
                notes: notes))
        if let profile = fit.ed50ProfileInterval {
            section.append(
                ReportTable(
                    title: "ED50 profile-likelihood interval (\(Provenance.percent(profile.level)))",
                    columns: [
                        ReportColumn("ed50", style: number), ReportColumn("lower", style: number, missingLabel: "open"),
                        ReportColumn("upper", style: number, missingLabel: "open"),
                    ],
                    rows: [[.number(fit.ed50), .number(profile.lower), .number(profile.upper)]],
                    notes: profile.isOpen ? ["open: the likelihood does not fall far enough within the search range on that side."] : []))
        }
        document.sections.append(section)
        if !result.curve.isEmpty {
            document.sections.append(
                ReportDocument.Section(
                    heading: "Curve at the reference profile",
                    tables: [
                        ReportTable(
                            title: "g(d) = exp(location) in days (\(ci), delta method on log g), and the median relief",
                            columns: [
                                ReportColumn("dose", style: .general(significant: 6)), ReportColumn("g", style: .fixed(decimals: 2)),
                                ReportColumn("lower", style: .fixed(decimals: 2)), ReportColumn("upper", style: .fixed(decimals: 2)),
                                ReportColumn("median", style: .fixed(decimals: 2)),
                            ],
                            rows: result.curve.map { point in
                                [.number(point.dose), .number(point.estimate), .number(point.lower), .number(point.upper), .number(point.median)]
                            })
                    ]))
        }
        close(&document, input: input, warnings: warnings)
        return document
    }

    /// The fit as one tidy table. Columns: `section, name, dose, estimate, std_error, lower, upper, model,
    /// distribution, confidence_level, relief_version`. Sections: `input`, `fit` (`log_likelihood`, `aic`,
    /// `n`, `events`), `parameter`, `ed50_profile`, `curve` (`name` = `g` or `median`) and `exclusion`.
    /// - Parameters:
    ///   - result: The fit.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    /// - Returns: The table.
    /// - Complexity: O(parameters + curve points + exclusions).
    public func csvTable(_ result: EmaxFitReport, input: ReportInput, provenance: Provenance) -> ReportTable {
        let fit = result.fit
        let number = ReportColumn.Style.general(significant: 17)
        let columns = [
            ReportColumn("section", style: .label), ReportColumn("name", style: .label), ReportColumn("dose", style: number),
            ReportColumn("estimate", style: number), ReportColumn("std_error", style: number),
            ReportColumn("lower", style: number), ReportColumn("upper", style: number), ReportColumn("model", style: .label),
            ReportColumn("distribution", style: .label), ReportColumn("confidence_level", style: number),
            ReportColumn("relief_version", style: .label),
        ]
        let trailer: [ReportCell] = [
            .text(fit.curve.rawValue), .text(fit.distribution.name), .number(fit.confidenceLevel), .text(provenance.version),
        ]
        var rows: [[ReportCell]] = []
        func add(_ section: String, _ name: String, dose: Double? = nil, estimate: ReportCell = .empty, se: Double? = nil,
                 lower: Double? = nil, upper: Double? = nil) {
            var row: [ReportCell] = [.text(section), .text(name), dose.map { .number($0) } ?? .empty, estimate]
            for value in [se, lower, upper] { row.append(value.map { .number($0) } ?? .empty) }
            rows.append(row + trailer)
        }
        add("input", "rows_read", estimate: .integer(input.rowsRead))
        add("input", "rows_used", estimate: .integer(input.rowsUsed))
        add("input", "rows_excluded", estimate: .integer(input.rowsExcluded))
        add("fit", "n", estimate: .integer(fit.n))
        add("fit", "events", estimate: .integer(fit.events))
        add("fit", "log_likelihood", estimate: .number(fit.logLikelihood))
        add("fit", "aic", estimate: .number(fit.aic))
        for p in fit.parameters {
            add("parameter", p.name, estimate: .number(p.estimate), se: p.standardError, lower: p.lower, upper: p.upper)
        }
        if let profile = fit.ed50ProfileInterval {
            add("ed50_profile", "ed50", estimate: .number(fit.ed50), lower: profile.lower, upper: profile.upper)
        }
        for point in result.curve {
            add("curve", "g", dose: point.dose, estimate: .number(point.estimate), lower: point.lower, upper: point.upper)
            add("curve", "median", dose: point.dose, estimate: .number(point.median))
        }
        for exclusion in input.exclusions { add("exclusion", "line \(exclusion.line): \(exclusion.reason)") }
        return ReportTable(title: "", columns: columns, rows: rows)
    }

    /// The members of the fit's JSON output, which has the keys in this order:
    ///
    /// ```
    /// {"version", "command", "date"?, "input", "options", "model", "distribution", "dose_column", "formula",
    ///  "n", "events", "dose_levels", "cluster": {"column", "count"} | null, "confidence_level",
    ///  "log_likelihood", "aic", "converged", "iterations",
    ///  "parameters": [{"name", "estimate", "std_error", "lower", "upper"}],
    ///  "ed50_profile": {"estimate", "lower", "upper", "level"} | null,
    ///  "curve": [{"dose", "estimate", "lower", "upper", "median"}], "warnings": [..]}
    /// ```
    /// Non-finite numbers (and open profile limits) are `null`.
    /// - Parameter result: The fit.
    /// - Returns: The members, in order.
    /// - Complexity: O(parameters + curve points).
    public func jsonMembers(_ result: EmaxFitReport) -> [(key: String, value: JSONValue)] {
        let fit = result.fit
        return [
            ("model", .string(fit.curve.rawValue)),
            ("distribution", .string(fit.distribution.name)),
            ("dose_column", .string(result.doseColumn)),
            ("formula", .string(result.formula)),
            ("n", .integer(fit.n)),
            ("events", .integer(fit.events)),
            ("dose_levels", .integer(fit.distinctDoseLevels)),
            ("cluster", .cluster(column: result.clusterColumn, count: fit.clusterCount)),
            ("confidence_level", .optional(fit.confidenceLevel)),
            ("log_likelihood", .optional(fit.logLikelihood)),
            ("aic", .optional(fit.aic)),
            ("converged", .bool(fit.isConverged)),
            ("iterations", .integer(fit.iterations)),
            (
                "parameters",
                .objects(fit.parameters) { p in
                    [("name", .string(p.name))]
                        + JSONValue.estimateMembers(p.estimate, standardError: p.standardError, lower: p.lower, upper: p.upper)
                }
            ),
            (
                "ed50_profile",
                fit.ed50ProfileInterval.map { profile in
                    .object([
                        ("estimate", .optional(fit.ed50)), ("lower", .optional(profile.lower)),
                        ("upper", .optional(profile.upper)), ("level", .optional(profile.level)),
                    ])
                } ?? .null
            ),
            (
                "curve",
                .objects(result.curve) { point in
                    [
                        ("dose", .optional(point.dose)), ("estimate", .optional(point.estimate)),
                        ("lower", .optional(point.lower)), ("upper", .optional(point.upper)),
                        ("median", .optional(point.median)),
                    ]
                }
            ),
        ]
    }

    static func show(_ value: Double) -> String {
        ReportText.display(value, style: .general(significant: 8), missing: "NA")
    }
}
