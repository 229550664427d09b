import Analysis
import ArgumentParser

/// The model of `relief fit` and `relief predict`: MODEL, its formula, the Cox options and the Emax
/// models' `--dose` (each command has its own `--dist`: only `relief fit aft` compares them all).
struct RegressionModelOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("cox, exponential, weibull, lognormal, loglogistic, aft, emax or sigemax.", valueName: "model"))
    var model: ModelName

    @OptionGroup(title: "Model") var formula: FormulaOptions
    @OptionGroup(title: "Cox") var cox: CoxOptions

    @Option(help: ArgumentHelp("Dose column of emax and sigemax (default dose_mg_kg).", valueName: "column"))
    var dose: String?

    /// `--dose`, else the default column.
    var doseColumn: String { dose ?? "dose_mg_kg" }

    /// Checks the options that depend on the model: `--ties` is Cox's, `--dist` the `aft` and Emax
    /// models', `--dose` the Emax models'.
    func check(dist: DistributionOption?) throws {
        let options = ModelSpecification(formula: "", ties: cox.ties, distribution: dist?.distribution, comparesDistributions: dist == .all)
        try ValidationError.from { try options.check(for: model, doseColumn: dose) }
    }

    /// The provenance entries of the model (``ModelSpecification/provenanceOptions(model:references:)``) and its dose column.
    func provenanceOptions(_ specification: ModelSpecification) -> [(String, String)] {
        specification.provenanceOptions(model: model, references: formula.ref) + (model.needsDose ? [("dose", doseColumn)] : [])
    }
}
