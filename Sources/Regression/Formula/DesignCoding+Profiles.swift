import DataIO
/// Prediction profiles: the cross of given column values, coded as the fitted design.
extension DesignCoding {
    /// The design rows for the cross of `settings` (the first setting varies slowest).
    ///
    /// Every column the model terms use (``Formula/termColumns``) must be given, in `settings` or in
    /// `defaults`; numeric columns take numbers, factors take level names. Spline terms use the
    /// fitting knots (continuing linearly beyond the boundary knots); factors use the fitted
    /// reference levels.
    /// - Parameters:
    ///   - settings: Values per column (`--at dose_mg_kg=0.5,1.0 --at interval_days=14,28`).
    ///   - defaults: A single value for columns not in `settings`.
    /// - Returns: One design row per profile.
    /// - Throws: ``DesignMatrixError`` for an unknown or repeated column, a missing column, a value that is
    ///   not a number or not a level, or a non-finite transformed value.
    /// - Complexity: O(profiles x columns).
    public func profiles(_ settings: [ProfileSetting], defaults: [String: String] = [:]) throws(DesignMatrixError) -> DesignProfiles {
        let needed = formula.termColumns
        var given: [ProfileSetting] = []
        for setting in settings {
            guard needed.contains(setting.column) else {
                throw .unknownProfileColumn(column: setting.column, needed: needed)
            }
            guard !given.contains(where: { $0.column == setting.column }) else {
                throw .repeatedProfileColumn(column: setting.column)
            }
            given.append(setting)
        }
        let missing = needed.filter { column in !given.contains { $0.column == column } && defaults[column] == nil }
        guard missing.isEmpty else { throw .missingProfileValue(columns: missing) }
        for column in needed where !given.contains(where: { $0.column == column }) {
            if let value = defaults[column] { given.append(ProfileSetting(column: column, values: [value])) }
        }
        // The cross, first setting slowest (at most a million profiles).
        var total = 1
        for setting in given {
            let (next, overflow) = total.multipliedReportingOverflow(by: setting.values.count)
            guard !overflow, next <= 1_000_000 else { throw .tooManyProfiles(count: overflow ? Int.max : next) }
            total = next
        }
        var rows: [[String]] = [[]]
        for setting in given {
            var next: [[String]] = []
            for row in rows {
                for value in setting.values { next.append(row + [value]) }
            }
            rows = next
        }
        var frameColumns: [String: _DesignFrame.Column] = [:]
        for (k, setting) in given.enumerated() {
            let texts = rows.map { $0[k] }
            if let levels = factorLevels[setting.column] {
                var codes: [Int] = []
                for text in texts {
                    guard let code = levels.firstIndex(of: text) else {
                        throw .unknownProfileLevel(column: setting.column, value: text, levels: levels.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
                    }
                    codes.append(code)
                }
                frameColumns[setting.column] = .factor(codes: codes, levels: levels)
            } else {
                var numbers: [Double] = []
                for text in texts {
                    guard let value = Double(text), value.isFinite else {
                        throw .profileValueNotANumber(column: setting.column, value: text)
                    }
                    numbers.append(value)
                }
                frameColumns[setting.column] = .numeric(numbers)
            }
        }
        let frame = _DesignFrame(rows: rows.count, columns: frameColumns, lines: RowLines([]))
        let built = try design(frame)
        return DesignProfiles(x: built.x, termNames: built.names, columns: given.map(\.column), values: rows)
    }
}

extension DesignMatrix {
    /// The design rows for the cross of `settings`, coded as this design (see
    /// ``DesignCoding/profiles(_:defaults:)``).
    /// - Parameters:
    ///   - settings: Values per column.
    ///   - defaults: A single value for columns not in `settings`.
    /// - Returns: One design row per profile.
    /// - Throws: ``DesignMatrixError``.
    /// - Complexity: O(profiles x columns).
    public func profiles(_ settings: [ProfileSetting], defaults: [String: String] = [:]) throws(DesignMatrixError) -> DesignProfiles {
        try coding.profiles(settings, defaults: defaults)
    }
}
