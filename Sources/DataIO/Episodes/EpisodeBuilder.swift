import Dispatch

/// Builds relief episodes from an infusion log: one episode per infusion.
///
/// An episode starts at its infusion and ends at the earliest of
/// - the recorded end of relief: an **event** (`relief_ended = 1`);
/// - the patient's next infusion: **censored**, because the next infusion resets relief;
/// - the patient's last contact (the row's `last_contact_date`): **censored**.
///
/// **Equal times.** A relief end on the same moment as the next infusion or the last contact is an
/// event: the end was recorded, so it was seen. A next infusion on the same moment as the last contact
/// censors at that moment (counted as censored by the next infusion).
///
/// A missing relief end means relief had not ended by the next infusion or the last contact; a missing
/// last contact means follow-up ends at the next infusion. The patient's last infusion with neither is an
/// error (its follow-up is unknown), or with ``InfusionLogRoles/skipInvalid`` an exclusion.
///
/// Each patient's infusions are ordered by their moment (the input need not be sorted);
/// `infusion_number` counts them 1, 2, ... and `interval_days` is the time since the previous one (none
/// for the first). Two infusions of one patient at the same moment are an error naming both lines, or
/// both rows are excluded. A row excluded for another reason still counts as an infusion (its moment
/// ends the previous episode and numbers the next); a patient with an infusion whose moment is unknown
/// (a missing or invalid infusion date) has every row excluded, because the episodes around it cannot be
/// delimited. Durations are days, fractional when times of day are given.
///
/// **Two time scales.** ``Episode/reliefDays`` is the gap time, from the episode's infusion;
/// ``Episode/startDay`` and ``Episode/stopDay`` are the calendar time, from the patient's first infusion
/// (also when that row is excluded) to the infusion and to the end of the episode. The stop is computed
/// from the moments, so an episode censored at the next infusion stops exactly where the next one starts:
/// each patient's `(startDay, stopDay]` intervals are disjoint (the `(start, stop]` rows of the
/// Andersen–Gill and PWP total-time models).
///
/// ```swift
/// let episodes = try EpisodeBuilder().episodes(of: [
///     Infusion(patient: "A", date: try ClinicalDate.parse("2026-01-05"), reliefEnd: try ClinicalDate.parse("2026-01-19")),
///     Infusion(patient: "A", date: try ClinicalDate.parse("2026-02-02"), lastContact: try ClinicalDate.parse("2026-03-01")),
/// ])
/// // [14 days, relief ended], [27 days, censored at the last contact]
/// ```
public struct EpisodeBuilder: Sendable {
    /// Creates a builder.
    public init() {}

    /// The episodes of `log`, patients in order of first appearance, each patient's in date order.
    /// - Parameter log: The infusions (``InfusionLogReader/read(path:)`` or ``InfusionLog/init(infusions:roles:)``).
    /// - Returns: The episodes, with the log's exclusions and the builder's, by line.
    /// - Throws: ``DataError`` (bad data) for the first problem by line, unless the log's roles skip invalid rows.
    /// - Complexity: O(n log n) time in the worst case (a counting sort by patient, then each patient's
    ///   infusions sorted by moment; O(n) for a log already in date order); memory O(n).
    public func build(_ log: InfusionLog) throws(DataError) -> EpisodeTable {
        let fields = log.rows
        let n = fields.count
        let patientCount = log.patientCount
        var bucketStart = [Int](repeating: 0, count: patientCount + 1)
        let codes = log.patientCodes
        for code in codes { bucketStart[Int(code) + 1] += 1 }
        for k in 0..<patientCount { bucketStart[k + 1] += bucketStart[k] }
        var order = [Int](repeating: 0, count: n)
        var fill = bucketStart
        for (index, code) in codes.enumerated() {
            order[fill[Int(code)]] = index
            fill[Int(code)] += 1
        }

        // The patients in two halves (by rows), built on two threads straight into one array of records:
        // each half from the position of its first row (a patient has at most one episode per row), the
        // second then moved down to follow the first when the first left rows out (usually no move).
        let roles = log.roles
        var middle = 0
        while middle < patientCount, bucketStart[middle] < n / 2 { middle += 1 }
        let halves = n < Self.block ? [0..<patientCount] : [0..<middle, middle..<patientCount]
        let parts = halves.map { _ in _Part() }
        let records = [EpisodeTable.Record](unsafeUninitializedCapacity: max(n, 1)) { buffer, initialized in
            initialized = 0
            guard let destination = buffer.baseAddress else { return }
            order.withUnsafeMutableBufferPointer { orderBuffer in
                guard let base = orderBuffer.baseAddress else { return }
                let shared = _Shared(log: log, bucketStart: bucketStart, order: base, parts: parts, records: destination)
                DispatchQueue.concurrentPerform(iterations: halves.count) { lane in
                    Self.buildPatients(halves[lane], shared, into: shared.parts[lane])
                }
            }
            for (lane, part) in parts.enumerated() {
                let from = bucketStart[halves[lane].lowerBound]
                if from > initialized { (destination + initialized).moveInitialize(from: destination + from, count: part.count) }
                initialized += part.count
            }
        }
        var origins = parts[0].origins
        var (problems, consequential) = (parts[0].problems, parts[0].consequential)
        for part in parts.dropFirst() {
            origins += part.origins
            problems += part.problems
            consequential += part.consequential
        }

        if !problems.isEmpty, !roles.skipInvalid,
            let first = problems.min(by: { fields[$0.row].line < fields[$1.row].line })
        {
            throw DataError(
                .badData, file: log.source?.file, line: Int(fields[first.row].line), column: first.column,
                columnNumber: log.columnNumber(first.column), message: first.message, hint: InfusionLogReader.skipHint(first.hint))
        }
        let excluded = problems.map { Exclusion(line: Int(fields[$0.row].line), column: $0.column, reason: $0.message, isMissing: false) }
        let exclusions = (log.exclusions + consequential + excluded).enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return EpisodeTable(log: log, exclusions: exclusions, records: records, origins: origins)
    }

    /// The episodes of in-memory infusions (``InfusionLog/init(infusions:roles:)``), in output order.
    /// - Parameters:
    ///   - infusions: The infusions, in any order.
    ///   - roles: The column names used in messages, and `skipInvalid`.
    /// - Returns: The episodes.
    /// - Throws: ``DataError`` as ``build(_:)``; the lines it names are positions in `infusions` (1-based).
    /// - Complexity: O(n log n).
    public func episodes(of infusions: [Infusion], roles: InfusionLogRoles = InfusionLogRoles()) throws(DataError) -> [Episode] {
        try build(InfusionLog(infusions: infusions, roles: roles)).episodes
    }

    /// What is wrong with one row on its own: a relief end or a last contact before its infusion (or,
    /// from Swift values, a date that is not a finite number of days).
    static func rowProblem(start: Double, reliefEnd: Double, lastContact: Double, roles: InfusionLogRoles)
        -> (column: String, message: String, hint: String)?
    {
        if !start.isFinite || reliefEnd.isInfinite || lastContact.isInfinite {
            let column = !start.isFinite ? roles.infusionDate : reliefEnd.isInfinite ? roles.reliefEndDate : roles.lastContactDate
            return (column, "a date is not a finite number of days", "give real dates")
        }
        if reliefEnd < start {
            return (
                roles.reliefEndDate,
                "relief ended (\(ClinicalDate(days: reliefEnd))) before the infusion (\(ClinicalDate(days: start)))",
                "correct the dates of this row")
        }
        if lastContact < start {
            return (
                roles.lastContactDate,
                "the last contact (\(ClinicalDate(days: lastContact))) is before the infusion (\(ClinicalDate(days: start)))",
                "correct the dates of this row")
        }
        return nil
    }

    /// The rows ``build(_:)`` gathers at a time.
    static let block = 1024

    /// What one half of the patients gives besides its records: how many it wrote, each patient's first
    /// moment (one per code of the half, in order), the problems and the consequential exclusions.
    final class _Part: @unchecked Sendable {
        @exclusivity(unchecked) var count = 0
        @exclusivity(unchecked) var origins: [Double] = []
        @exclusivity(unchecked) var problems: [(row: Int, column: String, message: String, hint: String)] = []
        @exclusivity(unchecked) var consequential: [Exclusion] = []
    }

    /// What the two threads of ``build(_:)`` share. `@unchecked Sendable`: the log and the buckets are
    /// read only; thread `k` permutes only its own patients' positions of `order`, writes records only from
    /// the position of its first row on (at most one per row), and fills `parts[k]`.
    struct _Shared: @unchecked Sendable {
        let log: InfusionLog
        let bucketStart: [Int]
        let order: UnsafeMutablePointer<Int>
        let parts: [_Part]
        let records: UnsafeMutablePointer<EpisodeTable.Record>
    }

    /// Builds the episodes of the patients `range` (codes) into `part`.
    ///
    /// Patients go in blocks of about ``block`` rows: the block's rows are first gathered from the log
    /// (in file order, so scattered) in a tight loop, where the cache misses overlap; the rules then read
    /// them from the copy. `local[k - from]` is the row at position `k` of `order`.
    static func buildPatients(_ range: Range<Int>, _ shared: _Shared, into part: _Part) {
        let (log, bucketStart, order) = (shared.log, shared.bucketStart, shared.order)
        let fields = log.rows
        let roles = log.roles
        let records = shared.records + bucketStart[range.lowerBound]
        var written = 0
        part.origins.reserveCapacity(range.count)
        var local: [InfusionLog.Row] = []
        local.reserveCapacity(Self.block + 64)
        var next = range.lowerBound
        while next < range.upperBound {
            let from = bucketStart[next]
            var blockEnd = next + 1
            while blockEnd < range.upperBound, bucketStart[blockEnd] - from < Self.block { blockEnd += 1 }
            local.removeAll(keepingCapacity: true)
            for k in from..<bucketStart[blockEnd] { local.append(fields[order[k]]) }
            for code in next..<blockEnd {
                let (a, b) = (bucketStart[code], bucketStart[code + 1])
                guard a < b else {
                    part.origins.append(.nan)
                    continue
                }
                Self.sortByMoment(order, &local, a, b, from: from)
                // Day 0 of the calendar time scale (start_day, stop_day): the patient's first infusion, the
                // earliest finite moment (also when that row is excluded: it still numbers the infusions).
                var origin = Double.infinity
                for k in a..<b where local[k - from].start.isFinite && local[k - from].start < origin { origin = local[k - from].start }
                part.origins.append(origin)
                if !log.unknownMoments.isEmpty, let hole = log.unknownMoments[Int32(code)] {
                    for k in a..<b where !local[k - from].isExcluded {
                        part.consequential.append(
                            Exclusion(
                                line: Int(local[k - from].line), column: roles.infusionDate,
                                reason: "an infusion of patient '\(_Quoting.display(log.patient(code)))' (line \(hole)) has no usable "
                                    + "date, so this patient's episodes cannot be delimited",
                                isMissing: false))
                    }
                    continue
                }
                var number = 0
                var previous = Double.nan
                var k = a
                while k < b {
                    let moment = local[k - from].start
                    var m = k + 1
                    while m < b, local[m - from].start == moment { m += 1 }
                    number += 1
                    let following = m < b ? local[m - from].start : Double.nan
                    if m - k > 1 {
                        let lines = (k..<m).map { String(local[$0 - from].line) }.joined(separator: ", ")
                        for j in k..<m where !local[j - from].isExcluded {
                            part.problems.append(
                                (order[j], roles.infusionDate,
                                 "patient '\(_Quoting.display(log.patient(code)))' has \(m - k) infusions at the same moment, "
                                    + "\(ClinicalDate(days: moment)) (lines \(lines))",
                                 "remove the duplicate row or correct its date"))
                        }
                    } else if !local[k - from].isExcluded {
                        let row = order[k]
                        let end = local[k - from].reliefEnd, contact = local[k - from].lastContact
                        if let problem = Self.rowProblem(start: moment, reliefEnd: end, lastContact: contact, roles: roles) {
                            part.problems.append((row, problem.column, problem.message, problem.hint))
                        } else {
                            var endTime = end.isNaN ? Double.infinity : end
                            var ending = Episode.Ending.reliefEnded
                            if following < endTime {  // equal times: the recorded end wins (an event)
                                endTime = following
                                ending = .nextInfusion
                            }
                            if contact < endTime {
                                endTime = contact
                                ending = .lastContact
                            }
                            if endTime == .infinity {
                                part.problems.append(
                                    (row, roles.lastContactDate,
                                     "the last infusion of patient '\(_Quoting.display(log.patient(code)))' (\(ClinicalDate(days: moment))) "
                                        + "has no relief end and no last contact, so its follow-up is unknown",
                                     "give the last contact date (or the date relief ended)"))
                            } else {
                                (records + written).initialize(
                                    to: EpisodeTable.Record(
                                        row: row, intervalDays: previous.isNaN ? .nan : moment - previous, reliefDays: endTime - moment,
                                        stopDay: endTime - origin, infusionNumber: Int32(clamping: number), ending: ending.rawValue))
                                written += 1
                            }
                        }
                    }
                    previous = moment
                    k = m
                }
            }
            next = blockEnd
        }
        part.count = written
    }

    /// Sorts positions `a..<b` by moment, equal moments in file order, permuting `order` and the gathered
    /// rows `local` (position `k` at `local[k - from]`) together: insertion sort for the usual few
    /// infusions per patient, otherwise a sort on moment and position.
    static func sortByMoment(_ order: UnsafeMutablePointer<Int>, _ local: inout [InfusionLog.Row], _ a: Int, _ b: Int, from: Int) {
        if b - a <= 32 {
            var i = a + 1
            while i < b {
                let (row, fields) = (order[i], local[i - from])
                var j = i - 1
                while j >= a, local[j - from].start > fields.start {
                    order[j + 1] = order[j]
                    local[j + 1 - from] = local[j - from]
                    j -= 1
                }
                order[j + 1] = row
                local[j + 1 - from] = fields
                i += 1
            }
            return
        }
        let sorted = (a..<b).map { (order[$0], local[$0 - from]) }.enumerated()
            .sorted { ($0.element.1.start, $0.offset) < ($1.element.1.start, $1.offset) }
        for (k, item) in sorted.enumerated() {
            order[a + k] = item.element.0
            local[a + k - from] = item.element.1
        }
    }
}
