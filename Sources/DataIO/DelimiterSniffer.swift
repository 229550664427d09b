/// Chooses a delimiter from the first lines of a file.
///
/// For each candidate (`,` `;` tab) it counts the fields of the header and of up to 20 following
/// records (quote-aware; blank lines ignored; a record cut by the end of the sample ignored). A
/// candidate is consistent when every counted record has as many fields as the header. The consistent
/// candidate with the most header fields (more than one) wins; ties go to `,` then `;` then tab. When no
/// candidate is consistent, the one splitting the header into the most fields wins; with one field
/// everywhere, `,`.
enum _DelimiterSniffer {
    static let candidates: [CSVDialect.Delimiter] = [.comma, .semicolon, .tab]

    /// Field counts of the first records of `sample` split by `delimiter`.
    /// - Parameters:
    ///   - sample: The bytes from the start of the header.
    ///   - delimiter: The candidate delimiter byte.
    ///   - maxRecords: The number of records to count, header included.
    ///   - isComplete: Whether the sample is the whole file (a last record without line end counts).
    /// - Returns: Field counts, the header's first.
    /// - Complexity: O(sample length) at most.
    static func fieldCounts(
        _ sample: UnsafeBufferPointer<UInt8>, delimiter: UInt8, maxRecords: Int = 21, isComplete: Bool
    ) -> [Int] {
        var counts: [Int] = []
        var fields = 1
        var recordBytes = 0
        var inQuotes = false
        var i = 0
        let n = sample.count
        while i < n && counts.count < maxRecords {
            let b = sample[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < n && sample[i + 1] == UInt8(ascii: "\"") { i += 1 } else { inQuotes = false }
                }
            } else if b == UInt8(ascii: "\"") {
                inQuotes = true
                recordBytes += 1
            } else if b == delimiter {
                fields += 1
                recordBytes += 1
            } else if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if b == UInt8(ascii: "\r") && i + 1 < n && sample[i + 1] == UInt8(ascii: "\n") { i += 1 }
                if recordBytes > 0 || fields > 1 || counts.isEmpty { counts.append(fields) }
                fields = 1
                recordBytes = 0
            } else {
                recordBytes += 1
            }
            i += 1
        }
        if isComplete && !inQuotes && (recordBytes > 0 || fields > 1) && counts.count < maxRecords {
            counts.append(fields)
        }
        return counts
    }

    /// The delimiter that best explains `sample`; see the type's documentation.
    /// - Parameters:
    ///   - sample: The bytes from the start of the header.
    ///   - isComplete: Whether the sample is the whole file.
    /// - Returns: A concrete delimiter (never `.auto`).
    static func sniff(_ sample: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> CSVDialect.Delimiter {
        var bestConsistent: (CSVDialect.Delimiter, Int)?
        var bestAny: (CSVDialect.Delimiter, Int) = (.comma, 1)
        for candidate in candidates {
            guard let byte = candidate.byte else { continue }
            let counts = fieldCounts(sample, delimiter: byte, isComplete: isComplete)
            guard let header = counts.first, header > 1 else { continue }
            if header > bestAny.1 { bestAny = (candidate, header) }
            let consistent = counts.dropFirst().allSatisfy { $0 == header }
            if consistent && header > (bestConsistent?.1 ?? 1) { bestConsistent = (candidate, header) }
        }
        return bestConsistent?.0 ?? bestAny.0
    }
}
