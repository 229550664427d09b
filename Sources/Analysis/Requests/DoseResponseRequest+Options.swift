import DoseResponse

extension DoseResponseRequest {
    /// Dose models from a comma-separated list of DoseFinding's names (case-insensitive, each once).
    /// - Throws: ``AnalysisError`` (usage) for an unknown name or an empty list.
    public static func models(parsing list: String) throws -> [DoseModel] {
        var models: [DoseModel] = []
        for part in list.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let model = DoseModel(name: name) else {
                throw AnalysisError(
                    .usage, "--models: '\(name)' is not a dose model; use emax, sigemax, linear, linlog, quadratic or exponential")
            }
            if !models.contains(model) { models.append(model) }
        }
        guard !models.isEmpty else { throw AnalysisError(.usage, "--models needs at least one model, e.g. --models emax,linear") }
        return models
    }

    /// The stage-1 summary named `median`, `rmst` (which needs `tau`) or `cox`.
    /// - Throws: ``AnalysisError`` (usage) for a `tau` without `rmst`, or `rmst` without a positive `tau`.
    public static func summary(named name: String, tau: Double?) throws -> DoseLevelSummarizer.Summary {
        switch name {
        case "rmst":
            guard let tau else { throw AnalysisError(.usage, "--summary rmst needs --tau, e.g. --tau 28") }
            guard tau.isFinite, tau > 0 else { throw AnalysisError(.usage, "--tau must be a positive number of days, got \(tau)") }
            return .restrictedMean(tau: tau)
        case "median", "cox":
            if tau != nil { throw AnalysisError(.usage, "--tau applies to --summary rmst") }
            return name == "cox" ? .coxLogHazardRatio : .median
        default:
            throw AnalysisError(.usage, "--summary '\(name)': use median, rmst or cox")
        }
    }

    /// The request of option texts: the models as a comma-separated list (``models(parsing:)``) and the
    /// stage-1 summary by name (``summary(named:tau:)``).
    /// - Throws: ``AnalysisError`` (usage) for a malformed list or summary; what
    ///   ``init(source:doseColumn:models:summary:type:responseColumn:doseStep:targetGain:confidenceLevel:)`` throws.
    public init(
        source: DataSource, doseColumn: String, models: String, summary: String, tau: Double?, type: DoseResponseFit.FitType?,
        responseColumn: String?, doseStep: Double?, targetGain: Double?, confidenceLevel: Double
    ) throws {
        try self.init(
            source: source, doseColumn: doseColumn, models: try Self.models(parsing: models),
            summary: try Self.summary(named: summary, tau: tau), type: type, responseColumn: responseColumn, doseStep: doseStep,
            targetGain: targetGain, confidenceLevel: confidenceLevel)
    }

    /// The options that change numbers, for the provenance (``RunRecord``): dose, models, type, then the
    /// response or the stage-1 summary, the dose step, the target gain and the confidence level.
    /// - Parameter models: The model list as the caller wrote it (e.g. `--models emax,linear`).
    /// - Returns: Name/value pairs in that order.
    public func provenanceOptions(models: String) -> [(String, String)] {
        var options: [(String, String)] = [("dose", doseColumn), ("models", models), ("type", type.rawValue)]
        if let responseColumn {
            options.append(("response", responseColumn))
        } else {
            options.append(("summary", Self.provenanceText(summary)))
        }
        if let doseStep { options.append(("dose-step", String(describing: doseStep))) }
        if let targetGain { options.append(("target-gain", String(describing: targetGain))) }
        options.append(("conf-level", String(describing: confidenceLevel)))
        return options
    }

    /// The stage-1 summary as recorded in the provenance: `median`, `rmst(tau=28.0)` or `cox`.
    public static func provenanceText(_ summary: DoseLevelSummarizer.Summary) -> String {
        switch summary {
        case .median: return "median"
        case .restrictedMean(let tau): return "rmst(tau=\(tau))"
        case .coxLogHazardRatio: return "cox"
        }
    }
}
