import DataIO
import Survival

extension SimultaneousBand {
    /// The band of `relief curves --bands METHOD [--band-range LO,HI]`, checked before anything is read.
    /// - Parameters:
    ///   - method: The `--bands` value, or nil.
    ///   - range: The `--band-range` text (`LO,HI`, two numbers with `0 ≤ LO < HI`), or nil for the default.
    /// - Returns: The band; nil without `--bands`.
    /// - Throws: ``AnalysisError`` or ``DataIO/DataError`` (usage) for a range without `--bands` or a
    ///   range that is not two increasing non-negative numbers.
    public static func parse(_ method: Method?, range: String?) throws -> SimultaneousBand? {
        guard let method else {
            if range != nil { throw AnalysisError(.usage, "--band-range needs --bands hall-wellner or --bands equal-precision") }
            return nil
        }
        guard let range else { return SimultaneousBand(method: method) }
        let ends = try NumberList.parse(range, option: "--band-range", domain: .nonNegative, example: "1,20")
        guard ends.count == 2, ends[0] < ends[1] else {
            throw AnalysisError(.usage, "--band-range takes two times LO,HI with LO < HI (example: --band-range 1,20), got '\(range)'")
        }
        return SimultaneousBand(method: method, timeRange: ends[0]...ends[1])
    }

    /// The provenance entries: `bands` and `band-range` (when given).
    public var provenanceOptions: [(String, String)] {
        [("bands", method.rawValue)] + (timeRange.map { [("band-range", "\($0.lowerBound),\($0.upperBound)")] } ?? [])
    }
}
