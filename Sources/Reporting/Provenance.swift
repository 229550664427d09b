/// Where a result came from: the input, the command that produced it and the options that change the
/// numbers. Every renderer writes it into its output so a table can be traced back and reproduced.
public struct Provenance: Sendable, Equatable {
    /// The input file as given on the command line.
    public var file: String
    /// The SHA-256 of the input bytes, lower-case hex.
    public var sha256: String
    /// The command line, shell-quoted where needed (e.g. `relief summary trial.csv --by dose_group`).
    public var command: String
    /// The version of Relief that produced the output.
    public var version: String
    /// The date and time of the run (ISO 8601), if recorded; `nil` keeps outputs byte-reproducible.
    public var date: String?
    /// The options that change the numbers, as name/value pairs in a stable order
    /// (e.g. `("conf-type", "log")`, `("times", "7,14,28")`).
    public var options: [Option]

    /// One option that changes the numbers.
    public struct Option: Sendable, Equatable {
        /// The option name without dashes, e.g. `conf-type`.
        public var name: String
        /// The option value as text.
        public var value: String

        /// Creates an option record.
        /// - Parameters:
        ///   - name: The option name.
        ///   - value: The value as text.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a provenance record.
    /// - Parameters:
    ///   - file: The input file.
    ///   - sha256: Its SHA-256, hex.
    ///   - command: The command line.
    ///   - version: The Relief version.
    ///   - date: The run date, or `nil`.
    ///   - options: The options that change numbers.
    public init(
        file: String, sha256: String, command: String, version: String, date: String? = nil,
        options: [Option] = []
    ) {
        self.file = file
        self.sha256 = sha256
        self.command = command
        self.version = version
        self.date = date
        self.options = options
    }
}
