/// Turning dictionary-encoded columns into ordered groupings: bands, numeric levels, string levels.
extension SurvivalDatasetReader {
    /// The default cut points for a numeric `interval_days` grouping column without `--band`.
    public static let defaultIntervalBand: (column: String, cuts: [Double]) = ("interval_days", [7, 28])

    /// Builds the grouping of `column` over the used rows.
    func makeGrouping(_ column: _TokenColumn, cuts explicitCuts: [Double]?, file: String) throws(DataError) -> Grouping {
        let tokenCount = column.dictionary.count
        var isUsed = [Bool](repeating: false, count: tokenCount)
        for token in column.rowTokens { isUsed[token] = true }
        let usedTokens = (0..<tokenCount).filter { isUsed[$0] }
        let allNumeric = usedTokens.allSatisfy { !column.value[$0].isNaN }

        var cuts = explicitCuts
        if cuts == nil, column.name == Self.defaultIntervalBand.column, allNumeric, !usedTokens.isEmpty {
            cuts = Self.defaultIntervalBand.cuts
        }
        var tokenLevel = [Int](repeating: -1, count: tokenCount)
        var levels: [String]
        var scores: [Double]?
        if let cuts {
            let integral = cuts.allSatisfy { $0 == $0.rounded() }
                && usedTokens.allSatisfy { column.value[$0] == column.value[$0].rounded() }
            let labels = _BandFormatter.labels(cuts: cuts, integral: integral)
            var bandOfToken = [Int](repeating: -1, count: tokenCount)
            var present = [Bool](repeating: false, count: labels.count)
            for token in usedTokens {
                let band = _BandFormatter.band(of: column.value[token], cuts: cuts)
                bandOfToken[token] = band
                present[band] = true
            }
            var levelOfBand = [Int](repeating: -1, count: labels.count)
            levels = []
            var bandScores: [Double] = []
            for band in 0..<labels.count where present[band] {
                levelOfBand[band] = levels.count
                levels.append(labels[band])
                bandScores.append(Double(band + 1))
            }
            for token in usedTokens { tokenLevel[token] = levelOfBand[bandOfToken[token]] }
            scores = bandScores
        } else if allNumeric {
            let values = Array(Set(usedTokens.map { column.value[$0] })).sorted()
            try checkGroupCount(values.count, column: column, numeric: true, file: file)
            var levelOfValue: [Double: Int] = [:]
            for (k, v) in values.enumerated() { levelOfValue[v] = k }
            for token in usedTokens { tokenLevel[token] = levelOfValue[column.value[token]] ?? -1 }
            levels = values.map(_BandFormatter.format)
            scores = values
        } else {
            try checkGroupCount(usedTokens.count, column: column, numeric: false, file: file)
            let keys = usedTokens.map { column.dictionary.key($0) }
            let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
            levels = []
            for k in order {
                tokenLevel[usedTokens[k]] = levels.count
                levels.append(String(decoding: keys[k], as: UTF8.self))
            }
            scores = nil
        }
        if cuts != nil { try checkGroupCount(levels.count, column: column, numeric: true, file: file) }

        if let order = roles.levelOrder[column.name] {
            let present = Set(levels)
            let wanted = Set(order)
            let unknown = order.filter { !present.contains($0) }
            let absent = levels.filter { !wanted.contains($0) }
            if !unknown.isEmpty || !absent.isEmpty {
                var parts: [String] = []
                if !unknown.isEmpty { parts.append("it names \(_Quoting.list(unknown)), not found") }
                if !absent.isEmpty { parts.append("it leaves out \(_Quoting.list(absent))") }
                throw DataError(
                    .usage, file: file, column: column.name, columnNumber: column.index + 1,
                    message: "the level order does not match the values: \(parts.joined(separator: "; "))",
                    hint: "list exactly these values in the order you want: \(_Quoting.list(levels, limit: 50))")
            }
            var newIndex: [String: Int] = [:]
            for (k, label) in order.enumerated() { newIndex[label] = k }
            let remap = levels.map { newIndex[$0] ?? -1 }
            for token in usedTokens where tokenLevel[token] >= 0 { tokenLevel[token] = remap[tokenLevel[token]] }
            levels = order
            scores = order.indices.map { Double($0 + 1) }
        }

        let codes = column.rowTokens.map { tokenLevel[$0] }
        return Grouping(column: column.name, levels: levels, codes: codes, scores: scores, isBanded: cuts != nil)
    }

    private func checkGroupCount(_ count: Int, column: _TokenColumn, numeric: Bool, file: String) throws(DataError) {
        guard count > limits.maxGroups else { return }
        let hint = numeric
            ? "group a numeric column into bands, e.g. --band \(column.name)=7,28"
            : "choose a column with fewer distinct values (is this an id column?)"
        throw DataError(
            .badData, file: file, column: column.name, columnNumber: column.index + 1,
            message: "\(count) distinct values, more than the limit of \(limits.maxGroups) groups",
            hint: hint)
    }
}
