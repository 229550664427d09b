extension DoseResponsePlot {
    /// A point of the fitted curve with its pointwise band.
    public struct CurvePoint: Sendable, Equatable {
        /// The dose.
        public var dose: Double
        /// The fitted value.
        public var estimate: Double
        /// Lower band limit; nil for none.
        public var lower: Double?
        /// Upper band limit; nil for none.
        public var upper: Double?

        /// Creates a curve point.
        /// - Parameters:
        ///   - dose: The dose.
        ///   - estimate: The fitted value.
        ///   - lower: Lower band limit, or nil.
        ///   - upper: Upper band limit, or nil.
        public init(dose: Double, estimate: Double, lower: Double?, upper: Double?) {
            self.dose = dose
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
        }
    }
}
