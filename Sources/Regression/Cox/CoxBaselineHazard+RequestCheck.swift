import Survival

extension CoxBaselineHazard {
    /// Refuses a dose (a Cox model has no dose role) and quantile probabilities outside (0, 1).
    package static func check(_ profiles: RegressionProfiles, _ request: PredictionRequest, context: String) throws(StatModelError) {
        if profiles.dose != nil {
            throw .invalidArgument(context: context, message: "a Cox model has no dose role; give the dose in the design row.")
        }
        for p in request.probabilities where !(p > 0 && p < 1) {
            throw .invalidArgument(context: context, message: "probability \(p) is outside (0, 1).")
        }
    }
}
