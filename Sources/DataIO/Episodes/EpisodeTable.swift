/// The episodes built from an infusion log (``EpisodeBuilder/build(_:)``): one per infusion used, patients
/// in order of first appearance, each patient's episodes in date order; with every row left out.
///
/// ``csvBytes()`` writes them as CSV; ``episodes`` gives them as values.
public struct EpisodeTable: Sendable {
    /// The log the episodes were built from.
    public let log: InfusionLog
    /// Every row left out (while reading and while building), by line.
    public let exclusions: [Exclusion]
    /// The episodes, in order.
    let records: [Record]
    /// Per patient code: the moment of the patient's first infusion (day 0 of `start_day` and `stop_day`;
    /// NaN for a patient without one).
    let origins: [Double]

    /// One episode as the table keeps it: one record per episode, so that building and writing touch one
    /// place per episode.
    struct Record: Sendable {
        /// Its row in the log.
        var row: Int
        /// Days since the previous infusion (NaN for the first).
        var intervalDays: Double
        /// Days to the end of the episode.
        var reliefDays: Double
        /// Days from the patient's first infusion to the end of the episode (computed from the moments, not
        /// as start + relief, so that an episode censored at the next infusion stops where the next starts).
        var stopDay: Double
        /// 1, 2, ... within the patient.
        var infusionNumber: Int32
        /// The raw value of its ``Episode/Ending``.
        var ending: UInt8
    }

    /// Days from the first infusion of the patient of `row` (a row of the log) to its infusion: the same
    /// subtraction as the builder's.
    @inline(__always)
    func startDay(row: Int) -> Double {
        let code = Int(log.patientCodes[row])
        return code < origins.count ? log.rows[row].start - origins[code] : .nan
    }

    /// The number of episodes.
    public var count: Int { records.count }

    /// Episode `index`, or `nil` when `index` is not in `0..<count`.
    /// - Complexity: O(length of the patient's label).
    public func episode(at index: Int) -> Episode? {
        guard index >= 0, index < count else { return nil }
        let record = records[index]
        let row = log.rows[record.row]
        return Episode(
            patient: log.patient(Int(log.patientCodes[record.row])), infusionNumber: Int(record.infusionNumber),
            infusionDate: ClinicalDate(days: row.start), intervalDays: record.intervalDays.isNaN ? nil : record.intervalDays,
            reliefDays: record.reliefDays, startDay: startDay(row: record.row), stopDay: record.stopDay,
            ending: Episode.Ending(rawValue: record.ending) ?? .reliefEnded, line: Int(row.line))
    }

    /// Every episode as a value, in order.
    /// - Complexity: O(n).
    public var episodes: [Episode] { (0..<count).compactMap(episode(at:)) }

    /// The number of episodes ended by `ending`.
    /// - Complexity: O(n).
    public func count(endedBy ending: Episode.Ending) -> Int {
        records.reduce(0) { $0 + ($1.ending == ending.rawValue ? 1 : 0) }
    }

    /// The number of patients with at least one episode.
    /// - Complexity: O(n).
    public var patientCount: Int {
        var count = 0
        var last: Int32 = -1
        for record in records where log.patientCodes[record.row] != last {
            count += 1
            last = log.patientCodes[record.row]
        }
        return count
    }

    /// The lines of the episodes that last 0 days (a relief end or last contact at the infusion's moment).
    /// - Complexity: O(n).
    public var zeroDurationLines: [Int] {
        records.filter { $0.reliefDays == 0 }.map { Int(log.rows[$0.row].line) }.sorted()
    }
}
