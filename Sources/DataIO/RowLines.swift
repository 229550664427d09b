/// The 1-based physical line of each used row, for messages that point into the file.
///
/// Held as a first line and a count when the rows sit on consecutive lines (every row used, no quoted
/// line breaks: the usual export), else as one line number per row; reads are the same either way.
/// The compact form saves 8 bytes a row for as long as the dataset lives. Equal lines give equal
/// storage, so equality compares the lines.
///
/// ```swift
/// let lines = RowLines([2, 3, 4])   // stored as (first: 2, count: 3)
/// lines[1]                          // 3
/// ```
public struct RowLines: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        case consecutive(first: Int, count: Int)
        case listed([Int])
    }

    private let storage: Storage

    /// The lines of `lines`, stored compactly when they are consecutive.
    /// - Parameter lines: One line per row (may be empty).
    /// - Complexity: O(rows).
    public init(_ lines: [Int]) {
        if let first = lines.first, lines.indices.allSatisfy({ lines[$0] == first &+ $0 }) {
            storage = .consecutive(first: first, count: lines.count)
        } else {
            storage = .listed(lines)
        }
    }

    /// The lines listed (as ``init(_:)``).
    public init(arrayLiteral lines: Int...) { self.init(lines) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .consecutive(_, let count): return count
        case .listed(let lines): return lines.count
        }
    }

    /// The line of row `position` (0-based, among the used rows).
    public subscript(position: Int) -> Int {
        switch storage {
        case .consecutive(let first, _): return first + position
        case .listed(let lines): return lines[position]
        }
    }

    /// Whether the lines are stored as a first line and a count.
    public var isCompact: Bool {
        if case .consecutive = storage { return true }
        return false
    }
}
