import DataIO
import Simulation

extension TrialSimulation {
    /// The simulation of `relief simulate`'s options, checked before anything is drawn: the size (`patients`,
    /// or exactly `rows` episodes; 400 patients when neither is given) and, with both `doseLevels` and
    /// `emax` as comma-separated numbers (`--dose-levels 0.1,0.5,1 --emax 8,16,0.4`), the Emax
    /// dose-response truth E0, EMAX, ED50 (``TrialSimulation/EmaxDoseResponse``).
    /// - Parameters:
    ///   - patients: The number of patients, or `nil`.
    ///   - rows: The exact number of episodes, or `nil`.
    ///   - doseLevels: The dose levels, comma-separated, or `nil`.
    ///   - emax: `E0,EMAX,ED50`, or `nil`.
    /// - Throws: ``AnalysisError`` (usage) for both sizes, one Emax option without the other or an Emax
    ///   curve without three numbers; `DataError` (usage) for a value that is not a number;
    ///   `SimulationError` for settings that cannot be simulated.
    public init(patients: Int?, rows: Int?, doseLevels: String?, emax: String?) throws {
        if patients != nil && rows != nil { throw AnalysisError(.usage, "give either --patients or --rows, not both") }
        if (doseLevels == nil) != (emax == nil) {
            throw AnalysisError(
                .usage, "--dose-levels and --emax go together: give both (e.g. --dose-levels 0.1,0.5,1 --emax 8,16,0.4) or neither")
        }
        self.init()
        size = rows.map { .rows($0) } ?? .patients(patients ?? 400)
        if let doseLevels, let emax {
            let levels = try NumberList.parse(doseLevels, option: "--dose-levels", domain: .any, example: "0.1,0.5,1")
            let curve = try NumberList.parse(emax, option: "--emax", domain: .any, example: "8,16,0.4")
            guard curve.count == 3 else {
                throw AnalysisError(.usage, "--emax needs exactly three numbers E0,EMAX,ED50 (e.g. 8,16,0.4), got \(curve.count)")
            }
            emaxDoseResponse = EmaxDoseResponse(levels: levels, e0: curve[0], emax: curve[1], ed50: curve[2])
        }
        try validate()
    }
}
