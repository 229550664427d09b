extension MarkdownWriter {
    /// Text made safe for one Markdown line or table cell: unprintables shown as ``ReportText`` does,
    /// `|` escaped, `<` before a letter, `/`, `!` or `?` written `&lt;` and `&` before a letter or `#`
    /// written `&amp;` (what could start raw HTML or an entity in CommonMark; `<=7` stays as it is).
    /// - Parameters:
    ///   - raw: Any text, e.g. a group label from the CSV.
    ///   - escapingEmphasis: Also backslash-escape `` ` ``, `*`, `_`, `[`, `]` and `#` (for prose; a
    ///     backslash is already doubled by ``ReportText/escaped(_:)``).
    /// - Returns: The escaped text.
    /// - Complexity: O(n) in the length of `raw`.
    package static func inline(_ raw: String, escapingEmphasis: Bool) -> String {
        let scalars = Array(ReportText.escaped(raw).unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "|":
                out.append(contentsOf: "\\|".unicodeScalars)
            case "<" where next.map { isASCIILetter($0) || $0 == "/" || $0 == "!" || $0 == "?" } ?? false:
                out.append(contentsOf: "&lt;".unicodeScalars)
            case "&" where next.map { isASCIILetter($0) || $0 == "#" } ?? false:
                out.append(contentsOf: "&amp;".unicodeScalars)
            case _ where escapingEmphasis && "`*_[]#".unicodeScalars.contains(scalar):
                out.append("\\")
                out.append(scalar)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is an ASCII letter.
    package static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    /// A file stem of letters, digits, dashes, dots and underscores only (others become `_`); `report`
    /// when nothing is left.
    /// - Parameter raw: Any text, e.g. a file name given on the command line.
    /// - Returns: The stem.
    /// - Complexity: O(n) in the length of `raw`.
    package static func safeFileStem(_ raw: String) -> String {
        let allowed = raw.unicodeScalars.map { scalar -> Character in
            let ok = isASCIILetter(scalar) || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_" || scalar == "."
            return ok ? Character(scalar) : "_"
        }
        let stem = String(allowed)
        return stem.isEmpty ? "report" : stem
    }
}
