/// The values of one column for prediction profiles (`--at dose_mg_kg=0.5,1.0`).
public struct ProfileSetting: Sendable, Equatable {
    /// The data column.
    public let column: String
    /// Its values: numbers for a numeric column, level names for a factor.
    public let values: [String]

    /// Creates a setting.
    /// - Parameters:
    ///   - column: The data column.
    ///   - values: Its values, at least one.
    public init(column: String, values: [String]) {
        self.column = column
        self.values = values
    }

    /// Parses each `COLUMN=V1,V2,...` of repeated options (`--at a=1 --at b=x,y`), in order.
    /// - Parameter arguments: The option values.
    /// - Returns: One setting per argument.
    /// - Throws: ``DesignMatrixError/malformedArgument(option:argument:example:)`` for the first malformed one.
    public static func parse(_ arguments: [String]) throws(DesignMatrixError) -> [ProfileSetting] {
        try arguments.map { argument throws(DesignMatrixError) in try parse(argument) }
    }

    /// Parses `COLUMN=V1,V2,...` (spaces around values are ignored).
    /// - Parameter argument: The option value, e.g. `dose_mg_kg=0.5,1.0`.
    /// - Returns: The setting.
    /// - Throws: ``DesignMatrixError/malformedArgument(option:argument:example:)`` for another form or an empty value.
    public static func parse(_ argument: String) throws(DesignMatrixError) -> ProfileSetting {
        let example = "COLUMN=VALUE[,VALUE...], e.g. --at dose_mg_kg=0.5,1.0"
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw .malformedArgument(option: "--at", argument: argument, example: example)
        }
        let column = String(argument[..<equals]).trimmingSpaces
        let values = argument[argument.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingSpaces }
        guard !column.isEmpty, !values.isEmpty, values.allSatisfy({ !$0.isEmpty }) else {
            throw .malformedArgument(option: "--at", argument: argument, example: example)
        }
        return ProfileSetting(column: column, values: values)
    }
}

extension String {
    /// The string without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
