/// The marginal (Wei–Lin–Weissfeld) layout of an ``EpisodeTable``: one row per patient and event number
/// k = 1, ..., K, for a Cox model of the time to each patient's k-th end of relief, stratified by k.
///
/// Row (patient, k) stops at the patient's k-th relief end (`relief_ended` 1), or, when the patient has
/// fewer than k, at the end of the patient's follow-up (`relief_ended` 0). Times are days from the
/// patient's first infusion (``Episode/stopDay``): the k-th event's episode's `stop_day`; the end of
/// follow-up is the end of the patient's last episode. Every patient is at risk in every stratum k from
/// day 0, whatever happened before: R's
///
/// ```r
/// coxph(Surv(stop_day, relief_ended) ~ ... + strata(event_number) + cluster(patient_id), data = wlw)
/// ```
///
/// on the layout of `survival`'s `bladder` data. Relief ends after the K-th are not used. The carried
/// columns are those of the patient's first episode (the baseline values of covariates that change from
/// infusion to infusion).
///
/// ```swift
/// let table = try EpisodeBuilder().build(log)
/// let wlw = try MarginalEventTable(table, events: 4)   // 4 rows per patient
/// wlw.row(at: 0)   // patient, event number 1, the day of its first relief end (or censored)
/// ```
public struct MarginalEventTable: Sendable {
    /// One row: a patient and an event number.
    public struct Row: Sendable, Hashable {
        /// The patient.
        public let patient: String
        /// k: 1, 2, ..., ``MarginalEventTable/eventNumbers``.
        public let eventNumber: Int
        /// Days from the patient's first infusion to its k-th relief end, or to the end of its follow-up.
        public let stopDay: Double
        /// Whether the patient's k-th relief end was seen (`relief_ended = 1`); `false` = censored.
        public let reliefEnded: Bool
    }

    /// The most event numbers a layout may have (1,000).
    public static let maximumEventNumbers = 1000

    /// The columns the layout computes, after the patient column and before the carried ones.
    public static let computedColumns = ["event_number", "stop_day", "relief_ended"]

    /// The episodes the layout is made of.
    public let episodes: EpisodeTable
    /// K: the event numbers 1...K of every patient.
    public let eventNumbers: Int
    /// Per patient, in the episodes' order: the index of its first episode (its label and carried columns).
    let firstEpisode: [Int]
    /// Per patient: where its event days start in ``eventDays`` (at most K each; one more entry at the end).
    let eventStart: [Int]
    /// The days of the patients' first K relief ends, patient after patient.
    let eventDays: [Double]
    /// Per patient: the end of its follow-up (the end of its last episode).
    let followUpDays: [Double]

    /// The layout of `episodes` for the event numbers 1...`events`.
    /// - Parameters:
    ///   - episodes: The episodes (``EpisodeBuilder/build(_:)``).
    ///   - events: K, from 1 to ``maximumEventNumbers``.
    /// - Throws: ``DataError`` (usage) for K outside 1...``maximumEventNumbers``, or a carried column named as
    ///   one of ``computedColumns``.
    /// - Complexity: O(episodes).
    public init(_ episodes: EpisodeTable, events: Int) throws(DataError) {
        try Self.checkEventNumbers(events)
        if let clash = episodes.log.carriedColumns.first(where: Self.computedColumns.contains) {
            throw DataError(
                .usage, file: episodes.log.source?.file, column: clash, columnNumber: episodes.log.columnNumber(clash),
                message: "the marginal layout computes a column of this name, so this one cannot be carried over",
                hint: "rename or remove the column in the log")
        }
        self.episodes = episodes
        self.eventNumbers = events
        let (records, codes) = (episodes.records, episodes.log.patientCodes)
        var (first, starts, days, followUp): ([Int], [Int], [Double], [Double]) = ([], [0], [], [])
        var index = 0
        while index < records.count {
            let code = codes[records[index].row]
            var end = index + 1
            while end < records.count, codes[records[end].row] == code { end += 1 }
            first.append(index)
            var found = 0
            var last = -Double.infinity
            for record in records[index..<end] {
                last = max(last, record.stopDay)
                if found < events, record.ending == Episode.Ending.reliefEnded.rawValue {
                    days.append(record.stopDay)
                    found += 1
                }
            }
            starts.append(days.count)
            followUp.append(last)
            index = end
        }
        (firstEpisode, eventStart, eventDays, followUpDays) = (first, starts, days, followUp)
    }

    /// Checks K before anything is read.
    /// - Parameter events: K.
    /// - Throws: ``DataError`` (usage) for K outside 1...``maximumEventNumbers``.
    public static func checkEventNumbers(_ events: Int) throws(DataError) {
        guard events < 1 || events > maximumEventNumbers else { return }
        throw DataError(
            .usage, message: "the marginal layout needs 1 to \(maximumEventNumbers) event numbers, not \(events)",
            hint: "give the largest event number k to model, e.g. 4")
    }

    /// The number of patients (each has ``eventNumbers`` rows).
    public var patientCount: Int { firstEpisode.count }

    /// The number of rows: patients × K.
    public var count: Int { patientCount * eventNumbers }

    /// The number of rows with `relief_ended` 1 (each patient's relief ends up to the K-th).
    public var eventCount: Int { eventDays.count }

    /// Row `index` (patient `index / K`, event number `index % K + 1`), or `nil` when `index` is not in `0..<count`.
    /// - Complexity: O(length of the patient's label).
    public func row(at index: Int) -> Row? {
        guard index >= 0, index < count else { return nil }
        let (patient, k) = (index / eventNumbers, index % eventNumbers)
        let (day, ended) = stop(patient: patient, event: k)
        let episode = episodes.records[firstEpisode[patient]].row
        return Row(patient: episodes.log.patient(Int(episodes.log.patientCodes[episode])), eventNumber: k + 1, stopDay: day, reliefEnded: ended)
    }

    /// Every row, patient by patient, event numbers in order.
    /// - Complexity: O(count).
    public var rows: [Row] { (0..<count).compactMap(row(at:)) }

    /// The stop day of patient `patient`'s row for event number `event + 1` and whether relief ended there.
    @inline(__always)
    func stop(patient: Int, event: Int) -> (day: Double, ended: Bool) {
        let position = eventStart[patient] + event
        return position < eventStart[patient + 1] ? (eventDays[position], true) : (followUpDays[patient], false)
    }
}
