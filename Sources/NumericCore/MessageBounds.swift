/// What an error message may show. Formula and design errors have at most four lines of at most
/// ``maximumLineLength`` characters, the first leaving room for the command line's `relief: error: `
/// prefix, with long lists cut to "... and N more" by ``list(_:budget:)`` (so that what is cut is the
/// list, not the advice after it). The command line shows every ``ReliefError`` through
/// ``bounded(_:lineLength:)``: at most ``maximumLines`` lines of at most ``backstopLineLength``
/// characters, so that no input (a level, a column name, a file path) can make a message unbounded.
///
/// ```swift
/// MessageBounds.list(["a", "b", "c"], budget: 12)        // "'a', ... and 2 more"
/// MessageBounds.bounded(error.messageLines)               // what stderr shows
/// ```
public enum MessageBounds {
    /// The longest line of an error message on stderr, in characters (300).
    public static let maximumLineLength = 300
    /// The longest first line, before the command line's 15-character `relief: error: ` prefix (285).
    public static let maximumFirstLineLength = maximumLineLength - 15
    /// The most lines of one error message (6).
    public static let maximumLines = 6
    /// The longest name shown whole inside a message (a column, level or term), in characters (60).
    public static let maximumNameLength = 60
    /// The longest line of any error message on stderr (1,000 characters): other errors than formula
    /// and design errors keep their advice whole when a long file path makes them pass 300 characters.
    public static let backstopLineLength = 1_000

    /// `text` cut to at most `limit` characters, ending in `...` when cut.
    /// - Parameters:
    ///   - text: Any text.
    ///   - limit: The most characters (at least 4 to leave room for `...`).
    /// - Returns: `text` itself when short enough.
    /// - Complexity: O(min(length, limit)).
    public static func clamp(_ text: String, to limit: Int = maximumLineLength) -> String {
        if text.utf8.count <= limit { return text }
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end != text.endIndex else {
            return text
        }
        let kept = max(0, limit - 3)
        return String(text.prefix(kept)) + "..."
    }

    /// The items joined by `, `, each in single quotes and cut to ``maximumNameLength``, the whole at
    /// most `budget` characters: items that do not fit are replaced by `... and N more` (the first item
    /// is always shown).
    /// - Parameters:
    ///   - items: Names, levels or columns.
    ///   - budget: The most characters of the result.
    ///   - quoted: Whether to put each item in single quotes.
    /// - Returns: E.g. `'a', 'b', ... and 398 more`.
    /// - Complexity: O(shown characters).
    public static func list(_ items: [String], budget: Int = 160, quoted: Bool = true) -> String {
        var text = ""
        var length = 0
        for (k, item) in items.enumerated() {
            let name = clamp(item, to: maximumNameLength)
            let piece = (k == 0 ? "" : ", ") + (quoted ? "'" + name + "'" : name)
            let isLast = k == items.count - 1
            let more = ", ... and \(items.count - k) more"
            let room = isLast ? budget : budget - more.count
            if k > 0, length + piece.count > room { return text + more }
            text += piece
            length += piece.count
        }
        return text
    }

    /// The lines as stderr may show them: line breaks inside a line shown as `\n`, each line cut to
    /// `lineLength` characters (the first to 15 fewer, for the `relief: error: ` prefix), at most
    /// ``maximumLines`` lines (the last then says how many more there were).
    /// - Parameters:
    ///   - lines: An error's ``ReliefError/messageLines``.
    ///   - lineLength: The longest line, the prefix included (default ``backstopLineLength``).
    /// - Returns: At most ``maximumLines`` lines.
    /// - Complexity: O(shown characters).
    public static func bounded(_ lines: [String], lineLength: Int = backstopLineLength) -> [String] {
        var result: [String] = []
        for (k, line) in lines.enumerated() {
            if k == maximumLines - 1, lines.count > maximumLines {
                result.append("... and \(lines.count - k) more lines")
                break
            }
            let limit = k == 0 ? lineLength - (maximumLineLength - maximumFirstLineLength) : lineLength
            var flat = ""
            for character in clamp(line, to: limit) {
                switch character {
                case "\n": flat += "\\n"
                case "\r": flat += "\\r"
                case "\r\n": flat += "\\r\\n"
                default: flat.append(character)
                }
            }
            result.append(clamp(flat, to: limit))
        }
        return result
    }
}
