import Analysis
import ArgumentParser
import DataIO

/// `relief episodes FILE`: relief episodes (one per infusion) from an infusion log, as CSV.
struct EpisodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "episodes",
        abstract: "Build relief episodes from an infusion log (as CSV).",
        discussion: """
            One episode per infusion: it ends at the earliest of the recorded end of relief (relief_ended \
            1, also at the moment of the next infusion or last contact), the patient's next infusion (0: \
            it resets relief) and the last contact (0). A missing relief end: not ended; a missing last \
            contact: followed up to the next infusion. Columns: the patient, infusion_number, \
            infusion_date, interval_days (since the previous infusion), relief_days (fractional with times \
            of day), relief_ended, start_day and stop_day (days from the patient's first infusion to the \
            infusion and to the episode's end), the other columns. Rows need not be sorted. --wlw-events \
            writes the marginal (Wei-Lin-Weissfeld) layout instead: one row per patient and event number.

            \(ReliefFailure.exitCodeHelp)
            """)

    @Argument(help: ArgumentHelp("The CSV file of infusions, one row per infusion.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Column identifying the patient.", valueName: "column"))
    var patient = "patient_id"
    @Option(help: ArgumentHelp("Column of the infusion's date (and time of day).", valueName: "column"))
    var infusionDate = "infusion_date"
    @Option(help: ArgumentHelp("Column of the date relief ended (missing: not ended).", valueName: "column"))
    var reliefEndDate = "relief_end_date"
    @Option(help: ArgumentHelp("Column of the last contact (missing: followed up to the next infusion).", valueName: "column"))
    var lastContactDate = "last_contact_date"

    @Option(help: ArgumentHelp("Date format: iso (2026-03-14T09:30), %d/%m/%Y, %m/%d/%Y or %d.%m.%Y; add ' %H:%M' to require a time.", valueName: "format"))
    var dateFormat = "iso"

    @Option(help: ArgumentHelp("The marginal layout, k rows per patient: row j stops at the j-th relief end (relief_ended 1) or the end of follow-up (0).", valueName: "k"))
    var wlwEvents: Int?
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the CSV to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions

    func run() throws {
        let roles = InfusionLogRoles(
            patient: patient, infusionDate: infusionDate, reliefEndDate: reliefEndDate, lastContactDate: lastContactDate,
            dateFormat: try DateFormatSpec(parsing: dateFormat), skipInvalid: csv.skipInvalid)
        try CommandRun.write(try EpisodesRequest(path: file, dialect: csv.dialect, roles: roles, marginalEvents: wlwEvents).run(), to: output)
    }
}
