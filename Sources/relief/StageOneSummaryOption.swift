import ArgumentParser

/// `--summary`: the stage-1 summary per dose level.
enum StageOneSummaryOption: String, ExpressibleByArgument, CaseIterable {
    case median
    case rmst
    case cox

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
