import ArgumentParser

/// `--summary`: the stage-1 summary per dose level.
enum StageOneSummaryOption: String, NamedOption {
    case median
    case rmst
    case cox
}
