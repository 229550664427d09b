import Foundation

extension SimulatedTrial {
    /// The one-line summary `relief simulate` writes to stderr, e.g. `relief: simulated 1600 rows for 400
    /// patients, 28.1% censored, seed 1 -> trial.csv (truth: trial.truth.json)`.
    /// - Parameters:
    ///   - seed: The seed.
    ///   - destination: Where the rows went.
    /// - Returns: The line.
    public func summaryLine(seed: UInt64, destination: String) -> String {
        let realised = truth.realised
        let percent = String(format: "%.1f", 100 * realised.censoredFraction)
        let rowsText = realised.nRows == 1 ? "1 row" : "\(realised.nRows) rows"
        let patientsText = realised.nPatients == 1 ? "1 patient" : "\(realised.nPatients) patients"
        return "relief: simulated \(rowsText) for \(patientsText), \(percent)% censored, seed \(seed) -> \(destination)"
    }
}
