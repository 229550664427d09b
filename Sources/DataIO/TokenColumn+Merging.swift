/// Adding a piece's column, read on its own, to the file's column.
extension _TokenColumn {
    /// Forgets every token and row, keeping the storage (a piece's column reused for the next piece).
    func removeAll() {
        dictionary.removeAll()
        status.removeAll(keepingCapacity: true)
        value.removeAll(keepingCapacity: true)
        firstLine.removeAll(keepingCapacity: true)
        rowTokens.removeAll(keepingCapacity: true)
        forgetByteTokens()
    }

    /// Whether ``absorb(_:lineOffset:)`` can take `piece` (the dictionary cannot overflow).
    func canAbsorb(_ piece: _TokenColumn) -> Bool {
        dictionary.count <= _ByteDictionary.capacityLimit - piece.dictionary.count
    }

    /// Adds the tokens and rows of `piece`, the same column read from the records that follow this
    /// column's, as if this column had read them: the piece's new tokens in the order the piece first saw
    /// them (so every token keeps its first-seen index), their first lines moved by `lineOffset`, and the
    /// piece's rows with their tokens renumbered.
    /// - Precondition: ``canAbsorb(_:)``.
    /// - Returns: This column's token of each of the piece's tokens.
    /// - Complexity: O(piece rows + piece tokens x key length).
    @discardableResult
    func absorb(_ piece: _TokenColumn, lineOffset: Int) -> [Int] {
        let map = dictionary.index(ofKeysOf: piece.dictionary) { token in
            status.append(piece.status[token])
            value.append(piece.value[token])
            firstLine.append(piece.firstLine[token] + lineOffset)
            return true
        }
        rowTokens.reserveCapacity(rowTokens.count + piece.rowTokens.count)
        for token in piece.rowTokens { rowTokens.append(map[token]) }
        return map
    }
}
