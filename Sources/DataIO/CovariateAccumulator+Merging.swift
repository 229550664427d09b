/// Adding a piece's covariate, read on its own, to the file's covariate.
///
/// The switch to numeric mode depends on what came before: a piece read on its own does not know
/// whether the rows above it had already switched, or will switch inside it. ``canAbsorb(_:)`` admits
/// only the cases where the merged column is provably what reading the records in order would give;
/// the reader parses any other piece again on one thread.
extension _CovariateAccumulator {
    /// Whether ``absorb(_:lineOffset:)`` gives exactly the state of reading the piece's records after
    /// this column's.
    ///
    /// Not when the piece held a value that was not a number after its own switch (its message names the
    /// piece's line of the switch); not when this column is numeric and the piece holds text (those rows
    /// would be invalid here); not when the piece switched but this column holds text (it would not have
    /// switched); not when this column could switch inside the piece before the piece's first text value
    /// (the rows after the switch would be invalid). Once a text value is in, the column never switches.
    func canAbsorb(_ piece: _CovariateAccumulator) -> Bool {
        if piece.hadNumericProblem { return false }
        switch (isNumericMode, piece.isNumericMode) {
        case (true, true): return true
        case (true, false): return piece.textTokens == 0
        case (false, true): return textTokens == 0
        case (false, false):
            // Before the piece's first text token at most that many tokens can be new here.
            return textTokens > 0 || piece.textTokens == 0
                || dictionary.count <= Self.numericSwitch - (piece.firstTextToken ?? piece.dictionary.count)
        }
    }

    /// Adds the piece's tokens (in the order the piece first saw them) and rows, switching to numeric
    /// mode at the token where reading in order would have (its first line moved by `lineOffset`).
    /// - Precondition: ``canAbsorb(_:)``.
    /// - Complexity: O(piece rows + piece tokens x key length).
    func absorb(_ piece: _CovariateAccumulator, lineOffset: Int) {
        if !isNumericMode {
            let map = dictionary.index(ofKeysOf: piece.dictionary) { token in
                tokenValue.append(piece.tokenValue[token])
                firstLine.append(piece.firstLine[token] + lineOffset)
                if piece.tokenValue[token].isNaN {
                    if textTokens == 0 { firstTextToken = dictionary.count - 1 }
                    textTokens += 1
                }
                guard textTokens == 0 && dictionary.count > Self.numericSwitch else { return true }
                switchToNumeric(since: piece.firstLine[token] + lineOffset)
                return false
            }
            if !isNumericMode && !piece.isNumericMode {
                rowTokens.reserveCapacity(rowTokens.count + piece.rowTokens.count)
                for token in piece.rowTokens { rowTokens.append(token == Self.missingToken ? token : UInt32(truncatingIfNeeded: map[Int(token)])) }
                return
            }
            // canAbsorb admits a piece that switched only when this column switches inside it.
            if !isNumericMode { switchToNumeric(since: piece.numericSince + lineOffset) }
        }
        if piece.isNumericMode {
            values.append(contentsOf: piece.values)
        } else {
            values.reserveCapacity(values.count + piece.rowTokens.count)
            for token in piece.rowTokens { values.append(token == Self.missingToken ? .nan : piece.tokenValue[Int(token)]) }
        }
    }
}
