/// A variable left out of a ``BaselineTable``, and why. It carries the column name only, never values.
public struct WithheldColumn: Sendable, Equatable {
    /// Why a column was withheld.
    public enum Kind: Sendable, Equatable {
        /// The column is the patient id column.
        case patientIdentifier
        /// A categorical column with too many distinct values to be a category (free text or an id).
        case freeText(distinctValues: Int)
        /// The column is not among the dataset's covariates (not named in `ColumnRoles.covariates`).
        case notRead
    }

    /// The column name (as in the header).
    public let name: String
    /// Why it was withheld.
    public let kind: Kind

    /// A one-line reason for a reader: `patient identifier`, `free text or an identifier (N distinct
    /// values)` or `not read`.
    public var reason: String {
        switch kind {
        case .patientIdentifier: return "patient identifier"
        case .freeText(let distinct): return "free text or an identifier (\(distinct) distinct values)"
        case .notRead: return "not read"
        }
    }

    /// Creates a withheld-column record.
    /// - Parameters:
    ///   - name: The column name.
    ///   - kind: Why it was withheld.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
