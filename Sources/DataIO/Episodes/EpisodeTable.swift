/// The episodes built from an infusion log (``EpisodeBuilder/build(_:)``): one per infusion used, patients
/// in order of first appearance, each patient's episodes in date order; with every row left out.
///
/// ``csvBytes()`` writes them as CSV; ``episodes`` gives them as values.
public struct EpisodeTable: Sendable {
    /// The log the episodes were built from.
    public let log: InfusionLog
    /// Every row left out (while reading and while building), by line.
    public let exclusions: [Exclusion]
    /// Per episode: its row in the log.
    let rows: [Int]
    /// Per episode: 1, 2, ... within the patient.
    let infusionNumber: [Int32]
    /// Per episode: days since the previous infusion (NaN for the first).
    let intervalDays: [Double]
    /// Per episode: days to the end of the episode.
    let reliefDays: [Double]
    /// Per episode: days from the patient's first infusion to this infusion.
    let startDays: [Double]
    /// Per episode: days from the patient's first infusion to the end of the episode.
    let stopDays: [Double]
    /// Per episode: the raw value of its ``Episode/Ending``.
    let endings: [UInt8]

    init(
        log: InfusionLog, exclusions: [Exclusion], rows: [Int], infusionNumber: [Int32], intervalDays: [Double], reliefDays: [Double],
        startDays: [Double], stopDays: [Double], endings: [UInt8]
    ) {
        self.log = log
        self.exclusions = exclusions
        self.rows = rows
        self.infusionNumber = infusionNumber
        self.intervalDays = intervalDays
        self.reliefDays = reliefDays
        self.startDays = startDays
        self.stopDays = stopDays
        self.endings = endings
    }

    /// The number of episodes.
    public var count: Int { rows.count }

    /// Episode `index`, or `nil` when `index` is not in `0..<count`.
    /// - Complexity: O(length of the patient's label).
    public func episode(at index: Int) -> Episode? {
        guard index >= 0, index < count else { return nil }
        let row = log.rows[rows[index]]
        return Episode(
            patient: log.patient(Int(log.patientCodes[rows[index]])), infusionNumber: Int(infusionNumber[index]),
            infusionDate: ClinicalDate(days: row.start), intervalDays: intervalDays[index].isNaN ? nil : intervalDays[index],
            reliefDays: reliefDays[index], startDay: startDays[index], stopDay: stopDays[index], ending: Episode.Ending(rawValue: endings[index]) ?? .reliefEnded, line: Int(row.line))
    }

    /// Every episode as a value, in order.
    /// - Complexity: O(n).
    public var episodes: [Episode] { (0..<count).compactMap(episode(at:)) }

    /// The number of episodes ended by `ending`.
    /// - Complexity: O(n).
    public func count(endedBy ending: Episode.Ending) -> Int {
        endings.reduce(0) { $0 + ($1 == ending.rawValue ? 1 : 0) }
    }

    /// The number of patients with at least one episode.
    /// - Complexity: O(n).
    public var patientCount: Int {
        var count = 0
        var last: Int32 = -1
        for row in rows where log.patientCodes[row] != last {
            count += 1
            last = log.patientCodes[row]
        }
        return count
    }

    /// The lines of the episodes that last 0 days (a relief end or last contact at the infusion's moment).
    /// - Complexity: O(n).
    public var zeroDurationLines: [Int] {
        reliefDays.indices.filter { reliefDays[$0] == 0 }.map { Int(log.rows[rows[$0]].line) }.sorted()
    }
}
