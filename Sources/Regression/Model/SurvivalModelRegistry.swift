import Survival

/// The survival regression models by name, with what each needs and can do: the one place the command
/// line, the report and the schedule look models up.
///
/// A registry is a value built from entries. Regression provides ``standard`` (Cox and the AFT
/// families); a higher module adds its own models (DoseResponse adds `emax` and `sigemax`), and the
/// Analysis layer composes them. Adding a model is one conforming type plus one `registering` line.
///
/// ```swift
/// let registry = SurvivalModelRegistry.standard            // + DoseResponse's models where available
/// let entry = try registry.entry(named: "weibull")
/// let design = try DesignMatrixBuilder(intercept: entry.requirements.intercept).build(formula, data: dataset)
/// let fit = try entry.make(SurvivalModelSettings()).fit(RegressionData(design: design, time: t, event: e))
/// ```
public struct SurvivalModelRegistry: Sendable {
    /// The entries in registration order.
    public private(set) var entries: [SurvivalModelEntry]

    /// A registry of `entries` (a later entry with the same name replaces an earlier one).
    ///
    /// - Parameter entries: The entries.
    public init(_ entries: [SurvivalModelEntry] = []) {
        self.entries = []
        for entry in entries { register(entry) }
    }

    /// Adds `entry`; an entry with the same name is replaced in place (so a higher module can override
    /// a standard model).
    ///
    /// - Parameter entry: The entry.
    /// - Complexity: O(entries).
    public mutating func register(_ entry: SurvivalModelEntry) {
        if let index = entries.firstIndex(where: { $0.name == entry.name }) {
            entries[index] = entry
        } else {
            entries.append(entry)
        }
    }

    /// This registry with `entry` added (see ``register(_:)``).
    ///
    /// - Parameter entry: The entry.
    /// - Returns: The extended registry.
    public func registering(_ entry: SurvivalModelEntry) -> SurvivalModelRegistry {
        var copy = self
        copy.register(entry)
        return copy
    }

    /// The names in registration order.
    public var names: [String] { entries.map(\.name) }

    /// The entry named `name` (case-insensitive).
    ///
    /// - Parameter name: A model name.
    /// - Returns: Its entry.
    /// - Throws: `.invalidArgument` for an unknown name, listing the registered names.
    /// - Complexity: O(entries).
    public func entry(named name: String) throws(StatModelError) -> SurvivalModelEntry {
        let key = name.lowercased()
        guard let entry = entries.first(where: { $0.name == key }) else {
            throw .invalidArgument(context: "SurvivalModelRegistry",
                                   message: "unknown model '\(name)'; the models are \(names.joined(separator: ", ")).")
        }
        return entry
    }

    /// The model named `name`, configured by `settings`.
    ///
    /// - Parameters:
    ///   - name: A model name.
    ///   - settings: The user's choices.
    /// - Returns: The configured model.
    /// - Throws: `.invalidArgument` for an unknown name or settings the model cannot use.
    public func model(named name: String,
                      settings: SurvivalModelSettings = SurvivalModelSettings()) throws(StatModelError) -> any SurvivalRegressionModel {
        try entry(named: name).make(settings)
    }
}
