import Foundation
import Reporting
import Survival

/// Where the landmark times of a job come from (the times of "still in relief at t" tables): the times
/// given (`--times`, or 7, 14 and 28 for days), or, for times in another unit with none given, the
/// quartiles of the data's follow-up times.
///
/// The quartiles are R's `quantile(time, c(0.25, 0.5, 0.75))` (type 7) over the rows used (the stop time
/// of `(start, stop]` rows), each rounded to 3 significant digits, repeats and zeros dropped.
public enum LandmarkTimes: Sendable, Equatable {
    /// The times in the job's specification.
    case given
    /// The quartiles of the follow-up times.
    case followUpQuartiles

    /// The landmarks of a unit when no `--times` is given: the unit's standard ones, else the quartiles.
    /// - Parameters:
    ///   - times: The times given, or `nil` when none were.
    ///   - unit: The unit of the time columns.
    /// - Returns: The times to put in the specification, and the rule.
    public static func choose(_ times: [Double]?, unit: TimeUnit) -> (times: [Double], rule: LandmarkTimes) {
        if let times { return (times, .given) }
        if let standard = unit.standardLandmarks { return (standard, .given) }
        return ([], .followUpQuartiles)
    }

    /// The `times` entry of the provenance: the times as written, the unit's standard ones, or the rule.
    /// - Parameters:
    ///   - times: `--times` as written, or `nil` when not given.
    ///   - unit: The unit of the time columns.
    /// - Returns: The text, e.g. `7,14,28`.
    public static func provenanceText(_ times: String?, unit: TimeUnit) -> String {
        times ?? unit.standardLandmarks.map { $0.map { String(format: "%g", $0) }.joined(separator: ",") }
            ?? "quartiles of the follow-up times"
    }

    /// The times for a data set: `given` unchanged, or the quartiles of `time`.
    /// - Parameters:
    ///   - given: The times in the specification.
    ///   - time: The follow-up times of the rows used.
    /// - Returns: The landmark times, increasing.
    /// - Complexity: O(n) expected.
    public func times(given: [Double], followUp time: [Double]) -> [Double] {
        guard self == .followUpQuartiles else { return given }
        let summary = NumericSummary(summarizing: time)
        let quartiles = [summary.lowerQuartile, summary.median, summary.upperQuartile].compactMap { $0 }
        var landmarks: [Double] = []
        for value in quartiles where value > 0 {
            let rounded = Double(String(format: "%.3g", value)) ?? value
            if landmarks.last != rounded { landmarks.append(rounded) }
        }
        return landmarks
    }
}
