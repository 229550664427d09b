import Analysis
import ArgumentParser
import Reporting

/// A `--format` among those `Request` renders (``AnalysisRequest/outputFormats``): `--help` lists only
/// those, and the parser refuses any other (exit 64) naming them.
struct FormatChoice<Request: AnalysisRequest>: ExpressibleByArgument {
    var format = OutputFormat.table
    init() {}
    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Request.outputFormats.contains(format) else { return nil }
        self.format = format
    }
    static var allValueStrings: [String] { Request.outputFormats.map(\.rawValue) }
    var defaultValueDescription: String { format.rawValue }
}
