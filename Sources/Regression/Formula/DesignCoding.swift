import NumericCore

/// How a formula's variables are coded into design-matrix columns, fixed by the fitting data: factor
/// levels in coding order (reference first), spline knots, and whether there is an intercept column.
/// The same coding turns prediction profiles into design rows.
///
/// Factors use treatment contrasts. In an interaction, a factor is coded by contrasts when the term
/// without it is a previous term (or empty), otherwise by one indicator per level — R's rule
/// (`TermCode` in `model.c`, "Statistical Models in S" p. 38). Coding always assumes an intercept, as
/// `coxph` does before it drops the intercept column.
public struct DesignCoding: Sendable, Equatable {
    /// The formula.
    public let formula: Formula
    /// Per factor column of the model terms: its levels in coding order (the reference level first).
    public let factorLevels: [String: [String]]
    /// Per spline variable label (e.g. `ns(dose_mg_kg, df = 3)`): its basis with the fitting knots.
    public let splines: [String: NaturalSpline]
    /// Whether the design has an intercept column `(Intercept)` first.
    public let hasIntercept: Bool

    /// Creates a coding.
    /// - Parameters:
    ///   - formula: The formula.
    ///   - factorLevels: Levels in coding order per factor column.
    ///   - splines: Spline bases per variable label.
    ///   - hasIntercept: Whether to add an intercept column.
    public init(formula: Formula, factorLevels: [String: [String]], splines: [String: NaturalSpline], hasIntercept: Bool) {
        self.formula = formula
        self.factorLevels = factorLevels
        self.splines = splines
        self.hasIntercept = hasIntercept
    }

    /// One column block of a variable inside a term.
    private struct Component {
        var names: [String]
        /// Column-major values, `rows x names.count`; empty for a factor (see `codes`).
        var values: [Double]
        /// For a factor: per row its code, and per component column the level code it indicates.
        var codes: [Int]?
        var levelOfColumn: [Int]
    }

    /// Whether the factor `variable` of `term` (index into the sorted terms) is coded by contrasts.
    package func usesContrasts(term index: Int, variable: Int) -> Bool {
        Self.usesContrasts(formula.terms, term: index, variable: variable)
    }

    /// Whether the factor `variable` of `terms[index]` is coded by contrasts (R's rule, see the type).
    package static func usesContrasts(_ terms: [FormulaTerm], term index: Int, variable: Int) -> Bool {
        let rest = terms[index].variables.filter { $0 != variable }
        if rest.isEmpty { return true }
        for previous in terms[..<index] where rest.allSatisfy({ previous.variables.contains($0) }) { return true }
        return false
    }

    /// Builds the design of `frame`.
    /// - Returns: The matrix, column names, per-term column ranges and per-column term index (-1 = intercept).
    /// - Throws: ``DesignMatrixError`` for text columns in arithmetic, non-finite values, or a design too large.
    /// - Complexity: O(rows x columns).
    package func design(_ frame: _DesignFrame) throws(DesignMatrixError) -> (x: Matrix, names: [String], terms: [DesignTerm], assign: [Int]) {
        let n = frame.rows
        var blocks: [[Component]] = []
        var evaluated: [Int: Component] = [:]
        var columnCount = hasIntercept ? 1 : 0
        for (t, term) in formula.terms.enumerated() {
            var components: [Component] = []
            var product = 1
            for v in term.variables {
                let base: Component
                if let cached = evaluated[v] {
                    base = cached
                } else {
                    base = try component(v, frame: frame)
                    evaluated[v] = base
                }
                var c = base
                if c.codes != nil, !usesContrasts(term: t, variable: v) {
                    // full indicator coding: every level
                    let variable = formula.factors[v]
                    let levels = factorLevels[variable.kind == .factor ? variable.label : variable.columns.first ?? ""] ?? []
                    c.names = levels.map { variable.label + $0 }
                    c.levelOfColumn = Array(levels.indices)
                }
                components.append(c)
                let (next, overflow) = product.multipliedReportingOverflow(by: c.names.count)
                guard !overflow else { throw .tooLarge(rows: n, columns: Int.max) }
                product = next
            }
            blocks.append(components)
            let (next, overflow) = columnCount.addingReportingOverflow(product)
            guard !overflow else { throw .tooLarge(rows: n, columns: Int.max) }
            columnCount = next
        }
        let (total, overflow) = n.multipliedReportingOverflow(by: columnCount)
        guard !overflow, total <= 1 << 34 else { throw .tooLarge(rows: n, columns: columnCount) }

        var x = Matrix(rows: n, columns: columnCount)
        var names: [String] = []
        var terms: [DesignTerm] = []
        var assign: [Int] = []
        if hasIntercept {
            for i in 0..<n { x.elements[i] = 1 }
            names.append("(Intercept)")
            assign.append(-1)
        }
        x.elements.withUnsafeMutableBufferPointer { buffer in
            for (t, components) in blocks.enumerated() {
                let start = names.count
                var index = [Int](repeating: 0, count: components.count)
                let count = components.reduce(1) { $0 * $1.names.count }
                for _ in 0..<count {
                    let column = names.count
                    let base = column * n
                    var name = ""
                    for (k, c) in components.enumerated() {
                        let j = index[k]
                        name += (k == 0 ? "" : ":") + c.names[j]
                        if k == 0 {
                            if let codes = c.codes {
                                let level = c.levelOfColumn[j]
                                for i in 0..<n { buffer[base + i] = codes[i] == level ? 1 : 0 }
                            } else {
                                for i in 0..<n { buffer[base + i] = c.values[i + j * n] }
                            }
                        } else if let codes = c.codes {
                            let level = c.levelOfColumn[j]
                            for i in 0..<n where codes[i] != level { buffer[base + i] = 0 }
                        } else {
                            for i in 0..<n { buffer[base + i] *= c.values[i + j * n] }
                        }
                    }
                    names.append(name)
                    assign.append(t)
                    // advance the index, first component fastest
                    for k in components.indices {
                        index[k] += 1
                        if index[k] < components[k].names.count { break }
                        index[k] = 0
                    }
                }
                terms.append(DesignTerm(label: formula.terms[t].label, columns: start..<names.count))
            }
        }
        return (x, names, terms, assign)
    }

    /// The columns of variable `v` alone (a factor with contrast coding).
    private func component(_ v: Int, frame: _DesignFrame) throws(DesignMatrixError) -> Component {
        let variable = formula.factors[v]
        switch variable.kind {
        case .column:
            let name = variable.columns.first ?? variable.label
            guard let column = frame.columns[name] else { throw .columnNotRead(column: name) }
            switch column {
            case .numeric(let values):
                return Component(names: [variable.label], values: values, codes: nil, levelOfColumn: [])
            case .factor(let codes, let levels):
                let kept = Array(levels.indices.dropFirst())
                return Component(names: kept.map { variable.label + levels[$0] }, values: [], codes: codes, levelOfColumn: kept)
            }
        case .factor:
            // The numeric values coded by the levels fixed when the design was built (R's as.character).
            let name = variable.columns.first ?? variable.label
            guard case .numeric(let values)? = frame.columns[name], let levels = factorLevels[variable.label] else {
                throw .columnNotRead(column: name)
            }
            var index: [String: Int] = [:]
            for (k, level) in levels.enumerated() { index[level] = k }
            var codes = [Int](repeating: 0, count: values.count)
            for (row, value) in values.enumerated() {
                guard let code = index[_RNumberFormat.deparse(value)] else {
                    throw .unknownProfileLevel(column: name, value: _RNumberFormat.deparse(value), levels: levels)
                }
                codes[row] = code
            }
            let kept = Array(levels.indices.dropFirst())
            return Component(names: kept.map { variable.label + levels[$0] }, values: [], codes: codes, levelOfColumn: kept)
        case .transform:
            guard let expression = variable.expression else { throw .columnNotRead(column: variable.label) }
            let values = try expression.evaluate(in: frame, variable: variable.label)
            try Self.checkFinite(values, variable: variable.label, frame: frame)
            return Component(names: [variable.label], values: values, codes: nil, levelOfColumn: [])
        case .naturalSpline(let df):
            guard let expression = variable.expression, let spline = splines[variable.label] else {
                throw .splineUndefined(variable: variable.label, reason: "no knots were fixed for it")
            }
            let values = try expression.evaluate(in: frame, variable: variable.label)
            try Self.checkFinite(values, variable: variable.label, frame: frame)
            let basis = spline.basis(values)
            // R's model.matrix names a one-column matrix variable by the variable alone.
            let names = df == 1 ? [variable.label] : (1...df).map { variable.label + String($0) }
            return Component(names: names, values: basis.elements, codes: nil, levelOfColumn: [])
        case .strata, .cluster, .frailty:
            throw .columnNotRead(column: variable.label)
        }
    }

    package static func checkFinite(_ values: [Double], variable: String, frame: _DesignFrame) throws(DesignMatrixError) {
        if let row = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(variable: variable, row: row, line: frame.line(of: row), value: values[row])
        }
    }
}
