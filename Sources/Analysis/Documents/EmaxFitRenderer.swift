import DoseResponse
import Reporting

/// Renders an ``EmaxFitReport`` (what `relief fit emax|sigemax` computes) as a terminal table, Markdown,
/// CSV or JSON: E0, Emax, ED50 (and h) with SEs and intervals, the profile-likelihood interval of ED50,
/// the covariate coefficients (log time ratios), the scale, log-likelihood and AIC, and the fitted curve.
/// When ED50 is not identified (``EmaxED50Identification``) the Emax parameters are not shown: the
/// verdict with its profile, then the best identified alternative (``EmaxAFTAlternative``) and its curve.
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
        lines.append(("ED50", identificationLine(fit)))
        if let alternative = fit.alternative {
            let aft = alternative.fit
            lines.append(("reported", "best identified alternative, \(alternative.doseTerm.name) AFT: "
                + alternativeFormula(alternative, doseColumn: result.doseColumn)))
            lines.append(("log-likelihood", show(aft.logLikelihood) + " (\(alternative.doseTerm.name) AFT, time scale as R's survreg)"))
            lines.append(("AIC", show(aft.aic)))
            lines.append(("converged", aft.isConverged ? "yes (\(aft.iterations) iterations)" : "NO"))
            return lines
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
        let words = input.wording
        var document = ReportDocument(
            title: "One-step Emax dose-response of \(words.outcome) duration (\(fit.curve.rawValue), \(fit.distribution.name))",
            header: provenance.modelHeaderLines(input: input, model: Self.modelLines(result)))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        if fit.identification.isIdentified {
            document.sections.append(Self.parameterSection(result, words: words))
        } else {
            document.sections += Self.notIdentifiedSections(result, words: words)
        }
        if let tests = result.termTests {
            let reported = fit.identification.isIdentified ? nil : fit.alternative
            let note = reported.map { "Terms of the reported \($0.doseTerm.name) AFT (ED50 is not identified); its dose term is in every model." }
                ?? "The Emax dose curve is in every model."
            document.sections.append(tests.section(robust: (reported?.fit.robustVariance ?? fit.robustVariance) != nil, leadingNote: note))
        }
        if !result.curve.isEmpty {
            let model = fit.alternative.map { "the \($0.doseTerm.name) AFT" } ?? "the \(fit.curve.rawValue) curve"
            let ci = Provenance.percent(fit.alternative?.fit.confidenceLevel ?? fit.confidenceLevel) + " CI"
            document.sections.append(
                ReportDocument.Section(
                    heading: "Curve at the reference profile",
                    tables: [
                        ReportTable(
                            title: "g(d) = exp(location) in \(words.units) (\(ci), delta method on log g), and the median \(words.outcome)"
                                + (fit.identification.isIdentified ? "" : ", from \(model)"),
                            columns: [
                                ReportColumn("dose", style: .general(significant: 6)), ReportColumn("g", style: .fixed(decimals: 2)),
                                ReportColumn("lower", style: .fixed(decimals: 2)), ReportColumn("upper", style: .fixed(decimals: 2)),
                                ReportColumn("median", style: .fixed(decimals: 2)),
                            ],
                            rows: result.curve.map { point in
                                [.number(point.dose), .number(point.estimate), .number(point.lower), .number(point.upper), .number(point.median)]
                            },
                            notes: [
                                "Positive doses observed: \(Self.show(fit.identification.positiveDoseRange.lowerBound)) to "
                                    + "\(Self.show(fit.identification.positiveDoseRange.upperBound)); the curve beyond them is extrapolated."
                            ])
                    ]))
        }
        close(&document, input: input, warnings: warnings)
        return document
    }

    /// The Emax parameters and the ED50 profile-likelihood interval (ED50 identified).
    static func parameterSection(_ result: EmaxFitReport, words: OutcomeWording) -> ReportDocument.Section {
        let fit = result.fit
        let number = ReportColumn.Style.general(significant: 5)
        let ci = Provenance.percent(fit.confidenceLevel) + " CI"
        var notes = [
            "e0 and eMax are \(words.units) at the reference profile (covariates 0, factors at their reference levels); ed50 in "
                + "dose units; covariate coefficients are log time ratios (positive = longer \(words.outcome)).",
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
            section.append(Self.ed50IntervalTable(fit, profile, title: "ED50 profile-likelihood interval", notesOpen: true))
        }
        return section
    }

    /// The ED50 with its profile-likelihood interval (`open` for a side the search did not close).
    static func ed50IntervalTable(_ fit: EmaxAFTFit, _ interval: EmaxAFTProfileInterval, title: String, notesOpen: Bool) -> ReportTable {
        let number = ReportColumn.Style.general(significant: 5)
        return ReportTable(
            title: "\(title) (\(Provenance.percent(interval.level)))",
            columns: [
                ReportColumn("ed50", style: number), ReportColumn("lower", style: number, missingLabel: "open"),
                ReportColumn("upper", style: number, missingLabel: "open"),
            ],
            rows: [[.number(fit.ed50), .number(interval.lower), .number(interval.upper)]],
            notes: notesOpen && interval.isOpen
                ? ["open: the likelihood does not fall far enough within the search range on that side."] : [])
    }

    /// The fit as one tidy table. Columns: `section, name, dose, estimate, std_error, lower, upper, model,
    /// distribution, confidence_level, relief_version`. Sections: `input`, `fit` (`log_likelihood`, `aic`,
    /// `n`, `events`; with ED50 held at its bound when not identified), `identification` (`name` = the status;
    /// `lower`, `upper` = DoseFinding's ED50 range; `estimate` = the cut-off), `ed50_grid` (`dose` = the grid
    /// ED50, `estimate` = the profile drop), `parameter` and `ed50_profile` (identified only), `alternative`
    /// (not identified: `name` = `linear:log_likelihood`, `linlog:aic`, ...; the chosen one as `chosen`),
    /// `alternative_parameter` (`estimate` = coefficient, `std_error` used) and `alternative_time_ratio`
    /// (`estimate`, `lower`, `upper`), `curve` (`name` = `g` or `median`, of the reported model) and `exclusion`.
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
        let identification = fit.identification
        add("identification", identification.status.rawValue, estimate: .number(identification.cutoff),
            lower: identification.bounds.lowerBound, upper: identification.bounds.upperBound)
        for (ed50, drop) in zip(identification.grid, identification.profileDrop) {
            add("ed50_grid", "drop", dose: ed50, estimate: .number(drop))
        }
        if identification.isIdentified {
            for p in fit.parameters {
                add("parameter", p.name, estimate: .number(p.estimate), se: p.standardError, lower: p.lower, upper: p.upper)
            }
            if let profile = fit.ed50ProfileInterval {
                add("ed50_profile", "ed50", estimate: .number(fit.ed50), lower: profile.lower, upper: profile.upper)
            }
        }
        if let alternative = fit.alternative {
            add("alternative", "chosen", estimate: .text(alternative.doseTerm.name))
            for candidate in alternative.candidates {
                add("alternative", candidate.doseTerm.name + ":log_likelihood", estimate: .number(candidate.logLikelihood))
                add("alternative", candidate.doseTerm.name + ":aic", estimate: .number(candidate.aic))
            }
            let aft = alternative.fit
            for row in aft.coefficientTable {
                let name = row.column < 2 ? Self.alternativeTermName(row.column, alternative, result: result)
                    : aft.termNames.indices.contains(row.column) ? aft.termNames[row.column] : "x\(row.column + 1)"
                add("alternative_parameter", name, estimate: .number(row.estimate), se: row.robustStandardError ?? row.standardError)
                add("alternative_time_ratio", name, estimate: .number(row.timeRatio), lower: row.lower, upper: row.upper)
            }
            if let scale = aft.scaleEstimate {
                add("alternative_parameter", "scale", estimate: .number(scale.scale), lower: scale.scaleLower, upper: scale.scaleUpper)
            }
        }
        for test in result.termTests?.tests ?? [] {
            add("term_test", test.term + ":df", estimate: .integer(test.degreesOfFreedom))
            add("term_test", test.term + ":wald_chi_sq", estimate: .number(test.wald.statistic))
            add("term_test", test.term + ":wald_p", estimate: .number(test.wald.pValue))
            if let lr = test.likelihoodRatio {
                add("term_test", test.term + ":lr_chi_sq", estimate: .number(lr.statistic))
                add("term_test", test.term + ":lr_p", estimate: .number(lr.pValue))
            }
            if let aic = test.aicWithout { add("term_test", test.term + ":aic_without", estimate: .number(aic)) }
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
    ///  "log_likelihood", "aic", "converged", "iterations", "identified",
    ///  "ed50_identification": {"status", "evidence", "statement", "bounds": [lower, upper], "level", "cutoff",
    ///                          "exact_interval": {"lower", "upper"} | null, "grid": [{"ed50", "drop"}]},
    ///  "parameters": [{"name", "estimate", "std_error", "lower", "upper"}],
    ///  "ed50_profile": {"estimate", "lower", "upper", "level"} | null,
    ///  "alternative": {"model", "dose_term", "offset" | null, "log_likelihood", "aic", "converged",
    ///                  "candidates": [{"model", "dose_term", "log_likelihood", "aic", "converged"}],
    ///                  "parameters": [{"name", "estimate", "std_error", "time_ratio", "lower", "upper"}],
    ///                  "scale": {"estimate", "lower", "upper"} | null} | null,
    ///  "term_tests": {"tests": [...], "contained_terms": [...]} | null (as relief fit's; of the alternative
    ///                when ED50 is not identified),
    ///  "curve": [{"dose", "estimate", "lower", "upper", "median"}], "warnings": [..]}
    /// ```
    /// When ED50 is not identified, `log_likelihood` … `iterations` are those of the fit with ED50 held at
    /// the end of the range (log t scale, as always), `parameters` is empty, `ed50_profile` null, and
    /// `alternative` and `curve` give the best identified alternative (its log-likelihood on the time scale,
    /// R's survreg; `lower`/`upper` of its parameters bound the time ratio). Non-finite numbers (and open
    /// profile limits) are `null`.
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
            ("identified", .bool(fit.identification.isIdentified)),
            ("ed50_identification", Self.identificationJSON(fit)),
            (
                "parameters",
                .objects(fit.identification.isIdentified ? fit.parameters : []) { p in
                    [("name", .string(p.name))]
                        + JSONValue.estimateMembers(p.estimate, standardError: p.standardError, lower: p.lower, upper: p.upper)
                }
            ),
            (
                "ed50_profile",
                fit.ed50ProfileInterval.flatMap { profile -> JSONValue? in
                    guard fit.identification.isIdentified else { return nil }
                    return .object([
                        ("estimate", .optional(fit.ed50)), ("lower", .optional(profile.lower)),
                        ("upper", .optional(profile.upper)), ("level", .optional(profile.level)),
                    ])
                } ?? .null
            ),
            ("alternative", fit.alternative.map { Self.alternativeJSON($0, doseColumn: result.doseColumn) } ?? .null),
            ("term_tests", result.termTests?.json ?? .null),
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
