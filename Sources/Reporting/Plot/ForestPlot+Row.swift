extension ForestPlot {
    /// One row of a forest plot: a term with its ratio and confidence limits, a header, or a reference
    /// level.
    public struct Row: Sendable, Equatable {
        /// The label in the left column (from the data; escaped when drawn).
        public var label: String
        /// The ratio; nil when not estimable (or for headers and reference rows).
        public var estimate: Double?
        /// Lower confidence limit; nil when there is none.
        public var lower: Double?
        /// Upper confidence limit; nil when there is none.
        public var upper: Double?
        /// A heading row (bold label, no estimate); the rows after it are indented.
        public var isHeader: Bool
        /// A reference level (no estimate; the right column shows `note` or "reference").
        public var isReference: Bool
        /// Text for the right column instead of the numbers (e.g. "reference", "not estimable").
        public var note: String?

        /// Creates a row.
        /// - Parameters:
        ///   - label: The label.
        ///   - estimate: The ratio, or nil.
        ///   - lower: The lower limit, or nil.
        ///   - upper: The upper limit, or nil.
        ///   - isHeader: A heading row (default false).
        ///   - isReference: A reference level (default false).
        ///   - note: Right-column text replacing the numbers, or nil.
        public init(label: String, estimate: Double?, lower: Double?, upper: Double?, isHeader: Bool = false,
                    isReference: Bool = false, note: String? = nil) {
            self.label = label
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
            self.isHeader = isHeader
            self.isReference = isReference
            self.note = note
        }

        /// A heading row, e.g. the name of a factor.
        /// - Parameter label: The heading.
        /// - Returns: The row.
        public static func header(_ label: String) -> Row {
            Row(label: label, estimate: nil, lower: nil, upper: nil, isHeader: true)
        }

        /// A reference-level row showing `note` in the right column.
        /// - Parameters:
        ///   - label: The level.
        ///   - note: The text (default "reference").
        /// - Returns: The row.
        public static func reference(_ label: String, note: String = "reference") -> Row {
            Row(label: label, estimate: nil, lower: nil, upper: nil, isReference: true, note: note)
        }

        /// The right-column text with ratios to 3 significant digits (``SVGNumber/ratio(_:)``):
        /// "1.52 (1.38, 1.67)", "1.004 (0.998, 1.010)", the note, "reference", "not estimable", or "" for
        /// a header. Missing limits show as "NA".
        public var estimateText: String {
            if isHeader { return note ?? "" }
            if let note { return note }
            if isReference { return "reference" }
            guard let estimate, let text = SVGNumber.ratio(estimate) else { return "not estimable" }
            let low = lower.flatMap { SVGNumber.ratio($0) } ?? "NA"
            let high = upper.flatMap { SVGNumber.ratio($0) } ?? "NA"
            return text + " (" + low + ", " + high + ")"
        }
    }
}
