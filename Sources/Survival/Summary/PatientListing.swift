import DataIO

/// A per-patient listing of episodes: identifier, group, episodes, episodes whose relief ended, and the
/// longest relief recorded. It carries patient identifiers, so reports show it only on request
/// (`relief report --include-ids`).
public struct PatientListing: Sendable, Equatable {
    /// One patient's line.
    public struct Patient: Sendable, Equatable {
        /// The identifier as in the CSV.
        public let id: String
        /// The group of the patient's first episode (e.g. dose group), if a grouping was given.
        public let group: String?
        /// The number of episodes.
        public let episodes: Int
        /// Episodes whose relief ended (events).
        public let events: Int
        /// The longest recorded relief (days), censored or not.
        public let longestRelief: Double
    }

    /// The identifier column.
    public let idColumn: String
    /// The grouping column, if any.
    public let groupColumn: String?
    /// The patients in identifier order (byte order, as the column's levels).
    public let patients: [Patient]

    /// Builds the listing from the used rows of a dataset.
    /// - Parameters:
    ///   - ids: The identifier column, read as a categorical covariate.
    ///   - time: The durations of the used rows.
    ///   - event: The event flags of the used rows.
    ///   - grouping: The grouping whose level is shown per patient, or `nil`.
    /// - Returns: The listing, or `nil` when the column is numeric or lengths disagree.
    /// - Complexity: O(n + p) for n rows and p patients.
    public static func make(ids: CovariateColumn, time: [Double], event: [Bool], grouping: Grouping?) -> PatientListing? {
        let levels: [String]
        let codes: [Int]
        switch ids.values {
        case .categorical(let columnLevels, let columnCodes):
            levels = columnLevels
            codes = columnCodes.map(Int.init)
        case .numeric(let values):
            // Numeric identifiers: list them as written (integers without decimals).
            var seen: [Double: Int] = [:]
            var order: [Double] = []
            var rowCodes: [Int] = []
            rowCodes.reserveCapacity(values.count)
            for value in values {
                if let code = seen[value] {
                    rowCodes.append(code)
                } else {
                    seen[value] = order.count
                    rowCodes.append(order.count)
                    order.append(value)
                }
            }
            levels = order.map { $0.rounded() == $0 && abs($0) < 1e15 ? String(Int64($0)) : String($0) }
            codes = rowCodes
        }
        guard codes.count == time.count, event.count == time.count else { return nil }
        if let grouping, grouping.codes.count != time.count { return nil }
        var episodes = [Int](repeating: 0, count: levels.count)
        var events = [Int](repeating: 0, count: levels.count)
        var longest = [Double](repeating: 0, count: levels.count)
        var firstGroup = [Int?](repeating: nil, count: levels.count)
        for row in codes.indices {
            let code = codes[row]
            guard levels.indices.contains(code) else { return nil }
            episodes[code] += 1
            if event[row] { events[code] += 1 }
            longest[code] = max(longest[code], time[row])
            if firstGroup[code] == nil, let grouping { firstGroup[code] = grouping.codes[row] }
        }
        var patients: [Patient] = []
        for code in levels.indices where episodes[code] > 0 {
            let group = firstGroup[code].flatMap { index in
                grouping.flatMap { $0.levels.indices.contains(index) ? $0.levels[index] : nil }
            }
            patients.append(
                Patient(id: levels[code], group: group, episodes: episodes[code], events: events[code], longestRelief: longest[code]))
        }
        return PatientListing(idColumn: ids.name, groupColumn: grouping?.column, patients: patients)
    }
}
