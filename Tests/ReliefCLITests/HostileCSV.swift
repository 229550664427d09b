import Foundation

/// A small CSV whose `dose_group` labels are hostile markup, for the report's escaping tests.
enum HostileCSV {
    /// Writes `hostile.csv` (40 episodes of 20 patients, two groups labelled `first` and `second`) into
    /// `directory` and returns its URL.
    static func write(in directory: URL, first: String, second: String) throws -> URL {
        let csv = directory.appendingPathComponent("hostile.csv")
        var text = "patient_id,dose_group,relief_days,relief_ended\n"
        for index in 0..<40 {
            let label = index % 2 == 0 ? first : second
            let quoted = "\"" + label.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            text += "P\(index / 2),\(quoted),\(Double(index % 17) + 1.5),\(index % 3 == 0 ? 0 : 1)\n"
        }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        return csv
    }
}
