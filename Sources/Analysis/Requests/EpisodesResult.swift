import DataIO

/// The episodes of an ``EpisodesRequest``: the table, the warnings about the input, the CSV file
/// (``DataFileResult/csvBytes()``, ``DataFileResult/write(to:)``) and a one-line summary.
public struct EpisodesResult: DataFileResult {
    /// The request that was run.
    public let request: EpisodesRequest
    /// The episodes and every row left out.
    public let table: EpisodeTable
    /// Their marginal (Wei–Lin–Weissfeld) layout, when the request asked for it (``EpisodesRequest/marginalEvents``):
    /// then the file is this layout.
    public let marginal: MarginalEventTable?

    /// At most this many excluded rows are listed one by one in ``warnings``.
    public static let maxListedExclusions = DataSource.maxListedExclusions

    /// The warnings, in order: a delimiter read from the header; how many rows were left out and why,
    /// then each of them (at most ``maxListedExclusions``); the episodes of 0 days.
    /// - Complexity: O(rows).
    public var warnings: [String] {
        let log = table.log
        var warnings = DataSource.delimiterWarning(log.source) + DataSource.exclusionWarnings(
            table.exclusions, rowsRead: log.rowsRead, missing: "with a missing patient or infusion date",
            consequence: "they have no episode", options: "--delimiter, --missing, --date-format", listed: Self.maxListedExclusions)
        let zero = table.zeroDurationLines
        if !zero.isEmpty {
            warnings.append(
                "\(zero.count) \(zero.count == 1 ? "episode lasts" : "episodes last") 0 days (\(DataSource.lineList(zero))): "
                    + "relief ended, or the last contact was, at the moment of the infusion")
        }
        return warnings
    }

    /// The input file (the infusion log).
    public var inputPath: String { request.path }

    /// Writes the file in pieces: the episodes (``DataIO/EpisodeTable/writeCSV(_:)``) or their marginal
    /// layout (``DataIO/MarginalEventTable/writeCSV(_:)``).
    public func writeCSV<E: Error>(_ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        if let marginal { try marginal.writeCSV(emit) } else { try table.writeCSV(emit) }
    }

    /// One line for stderr: `relief: 1597 episodes of 400 patients from 1597 rows (1160 relief ended;
    /// censored: 270 at the next infusion, 167 at the last contact) -> episodes.csv`.
    ///
    /// For the marginal layout: `relief: 1600 rows of 400 patients, event numbers 1-4 (1060 relief ended,
    /// 540 censored at the end of follow-up) from 1597 episodes -> wlw.csv`.
    /// - Parameter destination: Where the file went (a path, or `stdout`).
    public func summaryLine(destination: String) -> String {
        if let marginal {
            let (rows, patients, k) = (marginal.count, marginal.patientCount, marginal.eventNumbers)
            return "relief: \(rows) row\(rows == 1 ? "" : "s") of \(patients) patient\(patients == 1 ? "" : "s"), event numbers "
                + (k == 1 ? "1" : "1-\(k)") + " (\(marginal.eventCount) relief ended, \(rows - marginal.eventCount) censored at the end of "
                + "follow-up) from \(table.count) episode\(table.count == 1 ? "" : "s") -> \(destination)"
        }
        let events = table.count(endedBy: .reliefEnded)
        let atNext = table.count(endedBy: .nextInfusion)
        let atContact = table.count(endedBy: .lastContact)
        let (episodes, patients, rows) = (table.count, table.patientCount, table.log.rowsRead)
        return "relief: \(episodes) episode\(episodes == 1 ? "" : "s") of \(patients) patient\(patients == 1 ? "" : "s") "
            + "from \(rows) row\(rows == 1 ? "" : "s") "
            + "(\(events) relief ended; censored: \(atNext) at the next infusion, \(atContact) at the last contact) -> \(destination)"
    }
}
