import Regression

/// What `relief report` will analyse, decided from the options and the file's header before the file is
/// read: the comparisons, the regression and coverage formulas, the baseline columns and so the
/// columns to read.
struct ReportPlan: Sendable {
    /// Default comparison columns, used when present and no --by is given.
    static let defaultGroupColumn = "dose_group"
    /// Adjusters added to the default formulas when present.
    static let adjusters = ["baseline_pain", "condition", "cotherapy"]
    /// Default baseline columns, used when present.
    static let baselineCandidates = [
        "condition", "route", "baseline_pain", "interval_days", "cotherapy", "dose_mg_kg", "infusion_number", "site",
    ]

    /// The comparison columns, each its own Kaplan–Meier comparison; the first groups the baseline table.
    var comparisons: [String]
    /// The regression formula, or `nil` when no term is available.
    var formula: String?
    /// Whether the formula was built by default (not given with --formula).
    var formulaIsDefault: Bool
    /// The formula of the coverage model (dose + interval + adjusters), or `nil` when a column is missing.
    var coverageFormula: String?
    /// The robust-variance cluster column (the patient column when present).
    var cluster: String?
    /// The baseline columns.
    var baselineColumns: [String]
    /// Whether the numeric dose column is present.
    var hasDose: Bool
    /// Header columns the report does not use (shown by name only, never their contents).
    var unusedColumns: [String]

    /// Plans the report.
    /// - Parameters:
    ///   - request: The report request.
    ///   - header: The file's header.
    /// - Throws: ``AnalysisError`` (usage) for a named column that is not in the file.
    init(request: ReportRequest, header: [String]) throws {
        func require(_ column: String, _ option: String) throws {
            guard header.contains(column) else {
                throw AnalysisError(
                    .usage, "no column '\(column)' (\(option)); the columns are " + header.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
        let roles = request.source.roles
        for column in roles.by { try require(column, "--by") }
        if let strata = roles.strata { try require(strata, "--strata") }
        if roles.by.isEmpty {
            comparisons = [Self.defaultGroupColumn, request.intervalColumn].filter(header.contains)
            guard !comparisons.isEmpty else {
                throw AnalysisError(
                    .usage,
                    "no '\(Self.defaultGroupColumn)' or '\(request.intervalColumn)' column to compare; name the group columns with --by "
                        + "(the columns are " + header.map { "'\($0)'" }.joined(separator: ", ") + ")")
            }
        } else {
            comparisons = roles.by
        }
        hasDose = header.contains(request.doseColumn)
        let hasInterval = header.contains(request.intervalColumn)
        let adjusters = Self.adjusters.filter(header.contains)
        if let given = request.formula {
            formula = given
            formulaIsDefault = false
        } else {
            var terms: [String] = []
            if let group = comparisons.first, group != request.intervalColumn { terms.append(group) }
            if hasInterval { terms.append(request.intervalColumn) }
            for column in adjusters where !terms.contains(column) { terms.append(column) }
            formula = terms.isEmpty ? nil : terms.map(Self.quoted).joined(separator: " + ")
            formulaIsDefault = true
        }
        if hasDose, hasInterval {
            coverageFormula = ([request.doseColumn, request.intervalColumn] + adjusters.filter { $0 != request.doseColumn && $0 != request.intervalColumn })
                .map(Self.quoted).joined(separator: " + ")
        } else {
            coverageFormula = nil
        }
        let id = roles.id ?? ""
        cluster = !id.isEmpty && header.contains(id) ? id : nil
        let excluded = Set([roles.time, roles.event, id] + (roles.start.map { [$0] } ?? []) + (comparisons.first.map { [$0] } ?? []))
        if let named = request.baselineColumns {
            for column in named { try require(column, "--baseline") }
            baselineColumns = named.filter { !excluded.contains($0) || $0 == id }
        } else {
            baselineColumns = Self.baselineCandidates.filter { header.contains($0) && !excluded.contains($0) }
        }
        var used = Set([roles.time, roles.event] + (roles.start.map { [$0] } ?? []) + comparisons + baselineColumns)
        if let cluster { used.insert(cluster) }
        if hasDose { used.insert(request.doseColumn) }
        if hasInterval { used.insert(request.intervalColumn) }
        for column in adjusters { used.insert(column) }
        if let strata = roles.strata { used.insert(strata) }
        for text in [formula, coverageFormula].compactMap({ $0 }) {
            used.formUnion((try? Formula(text))?.variables ?? [])
        }
        unusedColumns = header.filter { !used.contains($0) }
    }

    /// The covariate columns to read: formula and coverage variables, baseline columns, dose, the
    /// patient column when identifiers are shown.
    /// - Parameters:
    ///   - formulaVariables: The variables of the regression formula.
    ///   - coverageVariables: The variables of the coverage formula.
    ///   - dose: The dose column.
    ///   - includeIDs: Whether the patient column is read for the listing.
    ///   - id: The patient column.
    /// - Returns: Distinct column names in a stable order.
    func covariates(formulaVariables: [String], coverageVariables: [String], dose: String, includeIDs: Bool, id: String) -> [String] {
        var columns: [String] = []
        func add(_ column: String) { if !columns.contains(column) { columns.append(column) } }
        formulaVariables.forEach(add)
        coverageVariables.forEach(add)
        baselineColumns.forEach(add)
        if hasDose { add(dose) }
        if let cluster { add(cluster) }
        if includeIDs, !id.isEmpty, cluster != nil { add(id) }
        return columns
    }

    /// A column name as a formula term: as it is when it is a plain name (letters, digits, `_`, `.`, not
    /// starting with a digit), else in backquotes, as R's `formula` needs for `dose group` or `pain-score`.
    static func quoted(_ column: String) -> String {
        let plain = column.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
        let startsWell = column.unicodeScalars.first.map { !("0"..."9").contains($0) } ?? false
        return plain && startsWell ? column : "`" + column + "`"
    }
}
