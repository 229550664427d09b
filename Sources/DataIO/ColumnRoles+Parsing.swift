extension ColumnRoles {
    /// Parses a band option `COLUMN=c1,c2,...` (e.g. `interval_days=7,28`).
    /// - Parameter argument: The option value.
    /// - Returns: The column and its strictly increasing cut points.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/usage`` for any other form.
    public static func band(parsing argument: String) throws(DataError) -> (column: String, cuts: [Double]) {
        let example = "e.g. --band interval_days=7,28"
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw DataError(.usage, message: "--band '\(argument)' is not of the form COLUMN=CUT,CUT", hint: example)
        }
        let column = String(argument[..<equals])
        var cuts: [Double] = []
        for piece in argument[argument.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false) {
            let text = piece.trimmingCharacters(in: " ")
            guard let value = Double(text), value.isFinite else {
                throw DataError(.usage, column: column, message: "--band cut point '\(text)' is not a number", hint: example)
            }
            cuts.append(value)
        }
        guard !cuts.isEmpty, zip(cuts, cuts.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw DataError(.usage, column: column, message: "--band cut points must be strictly increasing", hint: example)
        }
        return (column, cuts)
    }
}

extension Substring {
    /// The substring without leading and trailing `character`s, as a `String`.
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var s = self
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
