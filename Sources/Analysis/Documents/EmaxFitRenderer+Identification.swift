import DoseResponse
import Regression
import Reporting

extension EmaxFitRenderer {
    /// Every how many grid points the profile table shows one (31 points: 11 rows, both ends included).
    static let profileStride = 3

    /// The header line on ED50: identified within DoseFinding's range, or not (with the direction).
    static func identificationLine(_ fit: EmaxAFTFit) -> String {
        let identification = fit.identification
        let range = "DoseFinding's range [\(show(identification.bounds.lowerBound)), \(show(identification.bounds.upperBound))]"
        switch identification.status {
        case .identified: return "identified within \(range) (profile likelihood)"
        case .dosesBelowED50: return "NOT identified: the doses may all lie far below ED50 (\(range))"
        case .dosesAboveED50: return "NOT identified: the doses may all lie far above ED50 (\(range))"
        case .flat: return "NOT identified: the profile likelihood is flat over \(range)"
        case .tooFewDoseLevels:
            return "NOT identified: \(identification.doseLevels) dose level(s), \(identification.requiredDoseLevels) needed"
        }
    }

    /// `log T = b0 + b1*h(dose) + x'b + sigma*W` for the alternative.
    static func alternativeFormula(_ alternative: EmaxAFTAlternative, doseColumn: String) -> String {
        "log T = b0 + b1*\(alternative.doseTerm.label(doseColumn)) + x'b + sigma*W"
    }

    /// The rows of the profile table: every ``profileStride``-th grid point and the last one.
    static func profileRows(_ identification: EmaxED50Identification) -> [Int] {
        let count = identification.grid.count
        guard count > 0 else { return [] }
        var rows = Array(stride(from: 0, to: count, by: profileStride))
        if rows.last != count - 1 { rows.append(count - 1) }
        return rows
    }

    /// The sections shown instead of the Emax parameters when ED50 is not identified: the verdict with
    /// the profile it rests on, then the best identified alternative (candidates, coefficients, scale).
    static func notIdentifiedSections(_ result: EmaxFitReport, words: OutcomeWording) -> [ReportDocument.Section] {
        let fit = result.fit
        let identification = fit.identification
        let number = ReportColumn.Style.general(significant: 5)
        var verdict = ReportDocument.Section(
            heading: "ED50 is not identified",
            blocks: [
                .paragraph(
                    identification.statement + " The \(fit.curve.rawValue) parameters (E0, Emax, ED50"
                        + (fit.curve == .sigmoidEmax ? ", h" : "") + ") are therefore not reported"
                        + (fit.alternative == nil ? "." : "; the best identified alternative is reported below."))
            ])
        let rows = profileRows(identification)
        if !rows.isEmpty {
            verdict.append(
                ReportTable(
                    title: "Profile log-likelihood of ED50 over DoseFinding's range, relative to its maximum",
                    columns: [ReportColumn("ed50", style: number), ReportColumn("drop", style: .fixed(decimals: 3))],
                    rows: rows.map { [.number(identification.grid[$0]), .number(identification.profileDrop[$0])] },
                    notes: [
                        "drop = profile log-likelihood minus its maximum, from the quadratic approximation at the dose-level fit "
                            + "(one location per dose level); ED50 values with drop above -\(String(format: "%.3f", identification.cutoff)) lie in "
                            + "the \(Provenance.percent(identification.level)) profile-likelihood interval."
                    ]))
        }
        if let interval = fit.ed50ProfileInterval, identification.evidence == .profileInterval {
            verdict.append(
                EmaxFitRenderer.ed50IntervalTable(fit, interval, title: "ED50 profile-likelihood interval of the exact fit",
                                                  notesOpen: false))
        }
        var sections = [verdict]
        if let alternative = fit.alternative { sections.append(alternativeSection(alternative, result: result, words: words)) }
        return sections
    }

    /// The alternative: the dose terms compared, the coefficients as time ratios, the scale.
    static func alternativeSection(
        _ alternative: EmaxAFTAlternative, result: EmaxFitReport, words: OutcomeWording
    ) -> ReportDocument.Section {
        let aft = alternative.fit
        let number = ReportColumn.Style.general(significant: 5)
        let level = Provenance.percent(aft.confidenceLevel)
        let robust = aft.robustVariance != nil
        var section = ReportDocument.Section(
            heading: "Best identified alternative: \(alternative.doseTerm.name) AFT, "
                + alternativeFormula(alternative, doseColumn: result.doseColumn))
        section.append(
            ReportTable(
                title: "Dose terms compared by AIC",
                columns: [
                    ReportColumn("model", style: .label), ReportColumn("dose_term", style: .label),
                    ReportColumn("loglik", style: .fixed(decimals: 3)), ReportColumn("AIC", style: .fixed(decimals: 3)),
                    ReportColumn("converged", style: .label), ReportColumn("chosen", style: .label),
                ],
                rows: alternative.candidates.map { candidate in
                    [
                        .text(candidate.doseTerm.name), .text(candidate.doseTerm.label(result.doseColumn)),
                        .number(candidate.logLikelihood), .number(candidate.aic), .text(candidate.isConverged ? "yes" : "NO"),
                        .text(candidate.doseTerm == alternative.doseTerm ? "*" : ""),
                    ]
                },
                notes: [
                    "log T linear in the dose (linear) or in log(dose + 0.01 x the largest dose) (linlog, DoseFinding's offset), "
                        + "with the same covariates and error family; log-likelihood on the time scale, as R's survreg."
                ]))
        let names = [alternativeTermName(0, alternative, result: result), alternativeTermName(1, alternative, result: result)]
            + aft.termNames.dropFirst(2)
        section.append(
            ReportTable(
                title: "Coefficients (\(level) CI of the time ratio)",
                columns: [
                    ReportColumn("term", style: .label), ReportColumn("coef", style: number),
                    ReportColumn("time_ratio", style: number), ReportColumn(robust ? "robust_se" : "std_error", style: number),
                    ReportColumn("p_value", style: .pValue), ReportColumn("lower", style: number),
                    ReportColumn("upper", style: number),
                ],
                rows: aft.coefficientTable.map { row in
                    [
                        .text(names.indices.contains(row.column) ? names[row.column] : "x\(row.column + 1)"),
                        .number(row.estimate), .number(row.timeRatio), .number(row.robustStandardError ?? row.standardError),
                        .number(row.pValue), .number(row.lower), .number(row.upper),
                    ]
                }
                    + (aft.scaleEstimate.map { scale in
                        [[.text("scale"), .number(scale.scale), .empty, .empty, .empty, .number(scale.scaleLower),
                          .number(scale.scaleUpper)]]
                    } ?? []),
                notes: [
                    "A positive coefficient means LONGER \(words.outcome): time_ratio = exp(coef) multiplies every quantile of the \(words.outcome) "
                        + "duration" + (alternative.doseTerm == .linear ? " per dose unit" : " per e-fold of dose + offset") + ".",
                    "(Intercept) is log T at the reference profile and " + (alternative.doseTerm == .linear
                        ? "dose 0." : "log(dose + offset) = 0, i.e. dose = 1 - offset."),
                ] + (result.referenceLevels.isEmpty ? [] : [
                    "Reference levels: " + result.referenceLevels.map { "\($0.column)=\($0.level)" }.joined(separator: ", "),
                ])))
        return section
    }

    /// The displayed name of the alternative's design column `column` (intercept or dose term).
    static func alternativeTermName(_ column: Int, _ alternative: EmaxAFTAlternative, result: EmaxFitReport) -> String {
        column == 0 ? "(Intercept)" : alternative.doseTerm.label(result.doseColumn)
    }
}

extension EmaxFitRenderer {
    /// The `ed50_identification` member of the JSON output.
    static func identificationJSON(_ fit: EmaxAFTFit) -> JSONValue {
        let identification = fit.identification
        let interval = identification.evidence == .profileInterval ? fit.ed50ProfileInterval : nil
        return .object([
            ("status", .string(identification.status.rawValue)),
            ("evidence", .string(identification.evidence.rawValue)),
            ("statement", .string(identification.statement)),
            ("bounds", .array([.optional(identification.bounds.lowerBound), .optional(identification.bounds.upperBound)])),
            ("level", .optional(identification.level)),
            ("cutoff", .optional(identification.cutoff)),
            ("exact_interval", interval.map { .object([("lower", .optional($0.lower)), ("upper", .optional($0.upper))]) } ?? .null),
            (
                "grid",
                .objects(Array(zip(identification.grid, identification.profileDrop))) { ed50, drop in
                    [("ed50", .optional(ed50)), ("drop", .optional(drop))]
                }
            ),
        ])
    }

    /// The `alternative` member of the JSON output.
    static func alternativeJSON(_ alternative: EmaxAFTAlternative, doseColumn: String) -> JSONValue {
        let aft = alternative.fit
        var offset: Double?
        if case .logarithmic(let value) = alternative.doseTerm { offset = value }
        let names = ["(Intercept)", alternative.doseTerm.label(doseColumn)] + aft.termNames.dropFirst(2)
        return .object([
            ("model", .string(alternative.doseTerm.name)),
            ("dose_term", .string(alternative.doseTerm.label(doseColumn))),
            ("offset", .optional(offset)),
            ("log_likelihood", .optional(aft.logLikelihood)),
            ("aic", .optional(aft.aic)),
            ("converged", .bool(aft.isConverged)),
            (
                "candidates",
                .objects(alternative.candidates) { candidate in
                    [
                        ("model", .string(candidate.doseTerm.name)), ("dose_term", .string(candidate.doseTerm.label(doseColumn))),
                        ("log_likelihood", .optional(candidate.logLikelihood)), ("aic", .optional(candidate.aic)),
                        ("converged", .bool(candidate.isConverged)),
                    ]
                }
            ),
            (
                "parameters",
                .objects(aft.coefficientTable) { row in
                    [
                        ("name", .string(names.indices.contains(row.column) ? names[row.column] : "x\(row.column + 1)")),
                        ("estimate", .optional(row.estimate)),
                        ("std_error", .optional(row.robustStandardError ?? row.standardError)),
                        ("time_ratio", .optional(row.timeRatio)), ("lower", .optional(row.lower)), ("upper", .optional(row.upper)),
                    ]
                }
            ),
            (
                "scale",
                aft.scaleEstimate.map { scale in
                    .object([
                        ("estimate", .optional(scale.scale)), ("lower", .optional(scale.scaleLower)),
                        ("upper", .optional(scale.scaleUpper)),
                    ])
                } ?? .null
            ),
        ])
    }
}
