/// Median relief at two doses, computed with the Relief library directly (no command line).
///
/// Fits a Weibull accelerated failure time model of relief (`relief_days`, ended when `relief_ended`
/// is 1) on `dose_mg_kg + interval_days`, then prints the predicted median relief time with its 95%
/// confidence interval at each dose, the interval between treatments held at 21 days: the medians of
///
///     relief predict weibull FILE --formula "dose_mg_kg + interval_days" --at dose_mg_kg=0.5,1.0 --at interval_days=21
///
/// Usage (defaults: data/ketamine_trial.csv, doses 0.5 and 1.0):
///
///     swift run MedianAtTwoDoses [FILE [DOSE...]]
///
/// A problem (no such file, a column missing, a dose that is not a number) is reported in one line on
/// standard error, with exit status 1.
import Analysis
import Foundation
import NumericCore
import Regression

let arguments = CommandLine.arguments.dropFirst()
let path = arguments.first ?? "data/ketamine_trial.csv"
let doses = arguments.count > 1 ? Array(arguments.dropFirst()) : ["0.5", "1.0"]
let interval = "21"

do {
    let request = try PredictRequest(
        source: DataSource(path: path), model: .weibull,
        specification: ModelSpecification(formula: "dose_mg_kg + interval_days"),
        settings: [
            ProfileSetting(column: "dose_mg_kg", values: doses),
            ProfileSetting(column: "interval_days", values: [interval]),
        ])
    let result = try request.run().result
    let level = Int((result.regression.confidenceLevel * 100).rounded())
    print("Weibull AFT of relief on dose_mg_kg + interval_days, \(result.regression.n) rows of \(path)")
    let days = { (value: Double) in String(format: "%.2f", value) }
    for (dose, profile) in zip(doses, result.profiles) {
        guard let median = profile.prediction.median, let estimate = median.estimate, let lower = median.lower,
              let upper = median.upper else { continue }
        print("dose \(dose) mg/kg every \(interval) days: median relief \(days(estimate)) days "
              + "(\(level)% CI \(days(lower)) to \(days(upper)))")
    }
    print("Meaning: half of the relief episodes at that dose are predicted to have ended by the median day; "
          + "the interval shows how precisely these data pin it down.")
} catch let error as any ReliefError {
    FileHandle.standardError.write(Data("MedianAtTwoDoses: \(error.messageLines.first ?? error.description)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("MedianAtTwoDoses: \(error)\n".utf8))
    exit(1)
}
