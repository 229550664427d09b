import Analysis
import ArgumentParser
import Foundation
import Simulation

/// `relief simulate`: a synthetic ketamine-infusion trial with a known truth.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a realistic ketamine-infusion trial with a known truth.",
        discussion: """
            Writes one CSV row per treatment episode (about 4 per patient) with the columns patient_id, \
            site, condition, route, dose_group, dose_mg_kg, interval_days, infusion_number, \
            baseline_pain, cotherapy, relief_days, relief_ended. Relief times come from a Weibull AFT \
            model with a per-patient random effect (median about 14 days, high dose longer, CRPS and \
            high baseline pain shorter, co-therapy longer), censored at the next infusion, by dropout \
            and at day 180 (about 28% censored). See data/README.md.

            With --dose-levels and --emax E0,EMAX,ED50 each patient gets one of the dose levels \
            (equally likely, exactly that dose at every infusion) and the intercept and linear dose \
            term are replaced by log(E0 + EMAX*d/(ED50 + d)) on log time, so at the reference \
            profile (interval_days 0, baseline_pain 0, reference levels) exp(location) follows the \
            Emax curve in days; the truth file gains "emax_dose_response".

            With -o FILE the CSV is written atomically to FILE and the true parameters to a sidecar \
            JSON next to it (FILE with a trailing .csv replaced by .truth.json, otherwise FILE plus \
            .truth.json). Without -o the CSV goes to stdout and NO truth file is written. A one-line \
            summary goes to stderr. The same --seed always gives the same file.
            """
    )

    @Option(help: ArgumentHelp("Number of patients (default 400 when --rows is not given).", valueName: "n"))
    var patients: Int?

    @Option(help: ArgumentHelp("Exact number of episode rows instead of a patient count (for benchmarks).", valueName: "n"))
    var rows: Int?

    @Option(help: ArgumentHelp("Random seed (recorded in the truth file).", valueName: "n"))
    var seed: UInt64 = 1

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write the CSV to this file (atomically) plus its .truth.json sidecar; default stdout, no truth.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Comma-separated dose levels (mg/kg) drawn per patient; needs --emax.", valueName: "d1,d2,..."))
    var doseLevels: String?

    @Option(help: ArgumentHelp(
        "Emax truth E0,EMAX,ED50: log T = log(E0 + EMAX*d/(ED50 + d)) + covariates (no intercept, no linear dose term); needs --dose-levels.",
        valueName: "e0,emax,ed50"))
    var emax: String?

    mutating func validate() throws {
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
        _ = try specification()
    }

    /// The simulation these options describe, checked (sizes, the Emax truth).
    func specification() throws -> TrialSimulation {
        try ValidationError.from { try TrialSimulation(patients: patients, rows: rows, doseLevels: doseLevels, emax: emax) }
    }

    func run() throws {
        let spec = try specification()
        let trial = try ValidationError.from { try spec.simulate(seed: seed) }
        let destination: String
        if let output {
            destination = "\(output) (truth: \(try trial.write(to: output)))"
        } else {
            FileHandle.standardOutput.write(Data(trial.csvBytes()))
            destination = "stdout (no truth file; use -o to get one)"
        }
        StandardError.write(trial.summaryLine(seed: seed, destination: destination))
    }
}
