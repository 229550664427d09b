import Reporting

extension ForestPlot {
    /// The forest plot of a regression (the clinical report's and `relief fit --format svg`'): one row
    /// per term from ``ForestRows`` (hazard ratios for Cox, time ratios for AFT models) with its
    /// confidence interval on a log axis and the numbers to 3 significant digits, with its caption.
    /// Nothing is recomputed: the ratios and limits are the fit's coefficient table's.
    /// - Parameters:
    ///   - result: The fitted regression.
    ///   - title: The plot's title (none in the report, where the section heads it).
    /// - Returns: The figure (named "forest").
    public static func figure(_ result: RegressionResult, title: String = "") -> ReportFigure {
        let ratio = result.isCox ? "Hazard ratio" : "Time ratio"
        let level = Provenance.percent(result.confidenceLevel)
        let plot = ForestPlot(
            title: title,
            rows: ForestRows(result).rows.map {
                ForestPlot.Row(label: $0.label, estimate: $0.estimate, lower: $0.lower, upper: $0.upper)
            },
            xLabel: "\(ratio) (\(level) CI), log scale")
        var caption = "\(ratio)s with \(level) confidence intervals, adjusted for every term of \(result.formula)"
        if let cluster = result.clusterColumn { caption += "; robust standard errors clustered by \(cluster)" }
        return ReportFigure(svg: plot.svg(), caption: caption + ".", name: "forest")
    }
}
