extension DoseResponsePlot {
    /// An observed (stage-1) estimate at one dose level, drawn as a marker with an error bar.
    public struct Point: Sendable, Equatable {
        /// The dose.
        public var dose: Double
        /// The estimate at this dose.
        public var estimate: Double
        /// Lower confidence limit; nil for none.
        public var lower: Double?
        /// Upper confidence limit; nil for none.
        public var upper: Double?
        /// A short note drawn beside the point (e.g. "n = 40"); escaped.
        public var label: String?

        /// Creates a point.
        /// - Parameters:
        ///   - dose: The dose.
        ///   - estimate: The estimate.
        ///   - lower: Lower limit, or nil.
        ///   - upper: Upper limit, or nil.
        ///   - label: Note beside the point, or nil.
        public init(dose: Double, estimate: Double, lower: Double?, upper: Double?, label: String? = nil) {
            self.dose = dose
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
            self.label = label
        }
    }
}
