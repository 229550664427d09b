import DataIO

/// Builds a ``DesignMatrix`` from a parsed ``Formula`` and the covariates of a `SurvivalDataset`.
///
/// Text columns become factors with treatment coding; the reference level is the first level in byte
/// order unless ``referenceLevels`` names another (R's `relevel`). Spline knots come from the data.
/// AFT models take `intercept: true`, Cox models `false` (the coding is the same; only the
/// `(Intercept)` column is left out, as `coxph` does).
///
/// Before anything is built the builder checks two limits: a text column of the model terms with more
/// than ``maximumLevels`` levels, or more than ``identifierLevels`` levels that number more than half
/// the rows, is an identifier rather than a factor (``DesignMatrixError/tooManyLevels(column:levels:rows:limit:)``,
/// with the hint to use `cluster(column)`); and a design of more than ``maximumColumns`` columns,
/// counted from the levels, is refused naming its widest term
/// (``DesignMatrixError/tooManyColumns(columns:limit:term:termColumns:)``).
///
/// ```swift
/// let formula = try Formula("dose_mg_kg * cotherapy + condition")
/// let roles = ColumnRoles(covariates: formula.variables)
/// let data = try SurvivalDatasetReader(dialect: CSVDialect(), roles: roles).read(path: "trial.csv")
/// let design = try DesignMatrixBuilder(intercept: false, referenceLevels: ["condition": "CRPS"])
///     .build(formula, data: data)
/// ```
public struct DesignMatrixBuilder: Sendable {
    /// Whether to add the `(Intercept)` column (AFT: true; Cox: false).
    public var intercept: Bool
    /// Reference level per factor column (`--ref condition=CRPS`).
    public var referenceLevels: [String: String]
    /// A cluster column given outside the formula (`--cluster patient_id`); a `cluster()` term in the
    /// formula takes precedence.
    public var clusterColumn: String?
    /// The most design columns (the intercept included); a wider design is refused before it is built.
    public var maximumColumns: Int
    /// The most levels of a factor of the model terms.
    public var maximumLevels: Int

    /// The default of ``maximumColumns`` (1,000; `--max-columns`).
    public static let defaultMaximumColumns = 1_000
    /// The default of ``maximumLevels`` (200).
    public static let defaultMaximumLevels = 200
    /// A factor with more levels than this and than half the rows is refused as an identifier (20).
    public static let identifierLevels = 20

    /// Creates a builder.
    /// - Parameters:
    ///   - intercept: Whether to add the intercept column.
    ///   - referenceLevels: Reference level per factor column.
    ///   - clusterColumn: A cluster column given outside the formula.
    ///   - maximumColumns: The most design columns.
    ///   - maximumLevels: The most levels of a factor.
    public init(
        intercept: Bool, referenceLevels: [String: String] = [:], clusterColumn: String? = nil,
        maximumColumns: Int = defaultMaximumColumns, maximumLevels: Int = defaultMaximumLevels
    ) {
        self.intercept = intercept
        self.referenceLevels = referenceLevels
        self.clusterColumn = clusterColumn
        self.maximumColumns = maximumColumns
        self.maximumLevels = maximumLevels
    }

    /// Parses a reference option `COLUMN=LEVEL` (e.g. `condition=CRPS`).
    /// - Parameter argument: The option value.
    /// - Returns: The column and the level.
    /// - Throws: ``DesignMatrixError/malformedArgument(option:argument:example:)``.
    public static func reference(parsing argument: String) throws(DesignMatrixError) -> (column: String, level: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex,
            argument.index(after: equals) != argument.endIndex
        else {
            throw .malformedArgument(option: "--ref", argument: argument, example: "COLUMN=LEVEL, e.g. --ref condition=CRPS")
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The reference levels of several `--ref COLUMN=LEVEL` values; a later value for a column wins.
    /// - Parameter arguments: The option values.
    /// - Returns: The level per column.
    /// - Throws: ``DesignMatrixError/malformedArgument(option:argument:example:)``.
    public static func references(parsing arguments: [String]) throws(DesignMatrixError) -> [String: String] {
        var levels: [String: String] = [:]
        for argument in arguments {
            let (column, level) = try reference(parsing: argument)
            levels[column] = level
        }
        return levels
    }

    /// Builds the design of `formula` on the used rows of `data`.
    /// - Parameters:
    ///   - formula: The parsed formula.
    ///   - data: A dataset read with `ColumnRoles.covariates` holding `formula.variables` (and the
    ///     cluster column).
    /// - Returns: The design matrix with names, term ranges, strata, clusters and coding.
    /// - Throws: ``DesignMatrixError``: a column not read, a bad `--ref`, a factor with too many levels,
    ///   more than ``maximumColumns`` columns, a text column in arithmetic, a non-finite transformed
    ///   value (with its file line), an undefined spline, no rows.
    /// - Complexity: O(rows x columns) plus O(rows log rows) per spline; the limits are checked in
    ///   O(variables + counted terms²) before that.
    public func build(_ formula: Formula, data: SurvivalDataset) throws(DesignMatrixError) -> DesignMatrix {
        let n = data.rowsUsed
        guard n > 0 else { throw .noRows }
        let clusterName = formula.clusterColumn ?? clusterColumn

        // Frame of the term columns, factors re-levelled.
        var needed = formula.termColumns
        for column in formula.strataColumns + (clusterName.map { [$0] } ?? []) + (formula.frailtyColumn.map { [$0] } ?? [])
        where !needed.contains(column) {
            needed.append(column)
        }
        var covariates: [String: CovariateColumn] = [:]
        for name in needed {
            guard let column = data.covariate(named: name), column.count == n else { throw .columnNotRead(column: name) }
            covariates[name] = column
        }
        let factorColumns = formula.termColumns.filter { covariates[$0]?.isNumeric == false }
        for (column, level) in referenceLevels.sorted(by: { $0.key < $1.key }) {
            guard formula.termColumns.contains(column), let covariate = covariates[column] else {
                throw .referenceColumnNotInFormula(column: column, factors: factorColumns)
            }
            if covariate.levels == nil, formula.factors.contains(where: { $0.kind == .factor && $0.columns == [column] }) {
                continue  // factor(column): checked against its levels below
            }
            guard let levels = covariate.levels else { throw .referenceForNumericColumn(column: column) }
            guard levels.contains(level) else { throw .unknownReferenceLevel(column: column, level: level, levels: levels) }
        }
        try checkLimits(formula, covariates: covariates, rows: n)
        var frameColumns: [String: _DesignFrame.Column] = [:]
        var factorLevels: [String: [String]] = [:]
        for name in formula.termColumns {
            guard let covariate = covariates[name] else { continue }
            switch covariate.values {
            case .numeric(let values):
                frameColumns[name] = .numeric(values)
            case .categorical(let levels, let codes):
                let (ordered, recoded) = Self.relevel(levels: levels, codes: codes, reference: referenceLevels[name])
                frameColumns[name] = .factor(codes: recoded, levels: ordered)
                factorLevels[name] = ordered
            }
        }
        // factor(x): the distinct numeric values, in numeric order, labelled as R's as.character.
        for variable in formula.factors where variable.kind == .factor {
            guard let name = variable.columns.first, let covariate = covariates[name] else { continue }
            guard case .numeric(let values) = covariate.values else { throw .factorOfTextColumn(variable: variable.label, column: name) }
            let levels = Array(Set(values)).sorted().map(_RNumberFormat.deparse)
            var ordered = levels
            if let reference = referenceLevels[name] {
                guard let position = levels.firstIndex(of: reference) else {
                    throw .unknownReferenceLevel(column: name, level: reference, levels: levels)
                }
                ordered.remove(at: position)
                ordered.insert(reference, at: 0)
            }
            factorLevels[variable.label] = ordered
        }
        let frame = _DesignFrame(rows: n, columns: frameColumns, lines: data.rowLines)

        // Spline knots from the data.
        var splines: [String: NaturalSpline] = [:]
        for variable in formula.factors {
            guard case .naturalSpline(let df) = variable.kind, let expression = variable.expression else { continue }
            let values = try expression.evaluate(in: frame, variable: variable.label)
            try DesignCoding.checkFinite(values, variable: variable.label, frame: frame)
            guard let spline = NaturalSpline(x: values, degreesOfFreedom: df) else {
                throw .splineUndefined(variable: variable.label, reason: "its values are all equal")
            }
            splines[variable.label] = spline
        }

        let coding = DesignCoding(formula: formula, factorLevels: factorLevels, splines: splines, hasIntercept: intercept)
        let built = try coding.design(frame)

        var strata: [Int]?
        var strataLevels: [String] = []
        if !formula.strataColumns.isEmpty {
            let columns = formula.strataColumns.compactMap { covariates[$0] }
            (strata, strataLevels) = Self.strata(columns, rows: n)
        }
        var cluster: [Int]?
        var clusterCount = 0
        if let clusterName, let column = covariates[clusterName] {
            (cluster, clusterCount) = Self.clusters(column)
        }
        return DesignMatrix(
            x: built.x, termNames: built.names, terms: built.terms, assign: built.assign, hasIntercept: intercept,
            strata: strata, strataLevels: strataLevels, cluster: cluster, clusterCount: clusterCount,
            clusterColumn: clusterName, coding: coding,
            frailty: formula.frailtyColumn.flatMap { name in covariates[name].map { Self.frailtyGroups($0, name: name) } })
    }

    /// Refuses identifier-like factors and designs wider than ``maximumColumns``, from the levels alone.
    private func checkLimits(_ formula: Formula, covariates: [String: CovariateColumn], rows n: Int) throws(DesignMatrixError) {
        var levelCounts: [String: Int] = [:]
        for index in Set(formula.terms.flatMap(\.variables)).sorted() {
            let variable = formula.factors[index]
            guard variable.kind == .column, let name = variable.columns.first, let levels = covariates[name]?.levels else { continue }
            if levels.count > maximumLevels || (levels.count > Self.identifierLevels && levels.count * 2 > n) {
                throw .tooManyLevels(column: name, levels: levels.count, rows: n, limit: maximumLevels)
            }
            levelCounts[name] = levels.count
        }
        _ = try DesignCoding.columnCount(formula, factorLevels: levelCounts, hasIntercept: intercept, limit: maximumColumns)
    }

    /// Levels with `reference` moved first (R's `relevel`), and the codes remapped.
    package static func relevel(levels: [String], codes: [Int32], reference: String?) -> ([String], [Int]) {
        guard let reference, let k = levels.firstIndex(of: reference), k != 0 else { return (levels, codes.map(Int.init)) }
        var ordered = levels
        ordered.remove(at: k)
        ordered.insert(reference, at: 0)
        // old index -> new index
        var remap = Array(levels.indices)
        for old in levels.indices {
            if old == k { remap[old] = 0 } else if old < k { remap[old] = old + 1 }
        }
        return (ordered, codes.map { $0 >= 0 && $0 < remap.count ? remap[Int($0)] : Int($0) })
    }

    /// Levels of one column as R's `factor` orders them: numbers numerically, text in byte order.
    private static func levelsAndCodes(_ column: CovariateColumn) -> (labels: [String], codes: [Int]) {
        switch column.values {
        case .categorical(let levels, let codes):
            return (levels, codes.map(Int.init))
        case .numeric(let values):
            let distinct = Array(Set(values)).sorted()
            var index: [Double: Int] = [:]
            for (k, v) in distinct.enumerated() { index[v] = k }
            return (distinct.map(_RNumberFormat.deparse), values.map { index[$0] ?? 0 })
        }
    }

    /// The crossed strata of `columns` (first column slowest), only combinations present, labelled as
    /// R's `strata()`: levels alone (`S01`, `IV, high`) when every column is a factor (text), else with
    /// the column names (`interval_days=7`, `a=x, b=2`).
    package static func strata(_ columns: [CovariateColumn], rows n: Int) -> ([Int], [String]) {
        let coded = columns.map(levelsAndCodes)
        let short = columns.allSatisfy { !$0.isNumeric }
        // Mixed-radix key per row (first column most significant).
        var radix = 1
        for c in coded.reversed() {
            let (next, overflow) = radix.multipliedReportingOverflow(by: max(c.labels.count, 1))
            if overflow { return strataByArrays(columns, coded: coded, rows: n) }
            radix = next
        }
        var keys = [Int](repeating: 0, count: n)
        for c in coded {
            let base = max(c.labels.count, 1)
            for i in 0..<n { keys[i] = keys[i] * base + c.codes[i] }
        }
        let distinct = Array(Set(keys)).sorted()
        var index: [Int: Int] = [:]
        for (k, key) in distinct.enumerated() { index[key] = k }
        let labels = distinct.map { key -> String in
            var rest = key
            var parts: [String] = []
            for (column, c) in zip(columns, coded).reversed() {
                let base = max(c.labels.count, 1)
                let code = rest % base
                rest /= base
                parts.append(short ? c.labels[code] : "\(column.name)=\(c.labels[code])")
            }
            return parts.reversed().joined(separator: ", ")
        }
        return (keys.map { index[$0] ?? 0 }, labels)
    }

    private static func strataByArrays(_ columns: [CovariateColumn], coded: [(labels: [String], codes: [Int])], rows n: Int) -> ([Int], [String]) {
        var keys = [[Int]](repeating: [], count: n)
        for i in 0..<n { keys[i] = coded.map { $0.codes[i] } }
        let distinct = Array(Set(keys)).sorted { $0.lexicographicallyPrecedes($1) }
        var index: [[Int]: Int] = [:]
        for (k, key) in distinct.enumerated() { index[key] = k }
        let labels = distinct.map { key in
            zip(columns, zip(coded, key)).map { column, pair in
                columns.allSatisfy({ !$0.isNumeric }) ? pair.0.labels[pair.1] : "\(column.name)=\(pair.0.labels[pair.1])"
            }
                .joined(separator: ", ")
        }
        return (keys.map { index[$0] ?? 0 }, labels)
    }

    /// Frailty groups numbered in sorted order of their values (R's `match(x, sort(unique(x)))`): numbers
    /// numerically, text by bytes (R in the C locale).
    package static func frailtyGroups(_ column: CovariateColumn, name: String) -> FrailtyGroups {
        switch column.values {
        case .categorical(let levels, let codes32):
            let codes = codes32.map(Int.init)
            let used = Array(Set(codes.filter { levels.indices.contains($0) })).sorted {
                Array(levels[$0].utf8).lexicographicallyPrecedes(Array(levels[$1].utf8))
            }
            var remap = [Int](repeating: 0, count: levels.count)
            for (k, code) in used.enumerated() { remap[code] = k }
            return FrailtyGroups(column: name, codes: codes.map { levels.indices.contains($0) ? remap[$0] : 0 },
                                 labels: used.map { levels[$0] })
        case .numeric(let values):
            let distinct = Array(Set(values)).sorted()
            var index: [Double: Int] = [:]
            for (k, v) in distinct.enumerated() { index[v] = k }
            return FrailtyGroups(column: name, codes: values.map { index[$0] ?? 0 },
                                 labels: distinct.map(_RNumberFormat.deparse))
        }
    }

    /// Cluster codes in order of first appearance, and their count.
    package static func clusters(_ column: CovariateColumn) -> ([Int], Int) {
        switch column.values {
        case .categorical(let levels, let codes):
            var remap = [Int](repeating: -1, count: levels.count)
            var next = 0
            var out = [Int](repeating: 0, count: codes.count)
            for (i, code32) in codes.enumerated() {
                let code = Int(code32)
                guard code >= 0 && code < remap.count else { continue }
                if remap[code] < 0 {
                    remap[code] = next
                    next += 1
                }
                out[i] = remap[code]
            }
            return (out, next)
        case .numeric(let values):
            var index: [Double: Int] = [:]
            var out = [Int](repeating: 0, count: values.count)
            for (i, v) in values.enumerated() {
                if let k = index[v] {
                    out[i] = k
                } else {
                    let k = index.count
                    index[v] = k
                    out[i] = k
                }
            }
            return (out, index.count)
        }
    }
}
