/// The command line as one shell-quoted string, recorded in every output (provenance).
public enum CommandLineText {
    /// `relief summary data/x.csv --by dose_group`: the program's base name, then the arguments,
    /// each single-quoted when it holds anything but `[A-Za-z0-9_./=,:+-]`.
    public static func current(_ arguments: [String] = CommandLine.arguments) -> String {
        guard let program = arguments.first else { return "relief" }
        let name = program.split(separator: "/").last.map(String.init) ?? program
        return ([name] + arguments.dropFirst().map(quote)).joined(separator: " ")
    }

    /// One argument, single-quoted for a POSIX shell when needed.
    public static func quote(_ argument: String) -> String {
        let safe = !argument.isEmpty && argument.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", ".", "/", "=", ",", ":", "+", "-", "@", "%": return true
            default: return false
            }
        }
        if safe { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
