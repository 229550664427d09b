extension SplitTable {
    /// The split file as CSV bytes (``writeCSV(_:)`` in one array).
    /// - Returns: The file content.
    /// - Complexity: O(pieces · bytes of a row).
    public func csvBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        writeCSV { piece in bytes.append(contentsOf: piece) }
        return bytes
    }

    /// About how many bytes each piece handed to ``writeCSV(_:)``'s `emit` holds.
    static let pieceBytes = 4 << 20

    /// Writes the split file in pieces of about 4 MiB, each handed to `emit` in order, so that it never has
    /// to be held whole: a header of ``columnNames``, then one `\n`-terminated record per piece, rows in file
    /// order and each row's pieces in time order; comma-separated, UTF-8, no BOM.
    ///
    /// The carried fields are written as read (quoted by ``CSVWriter`` rules where needed, neutralised
    /// against spreadsheet formulas like every CSV Relief writes). The start and stop are numbers written
    /// to read back to the same value (``writeNumber(_:to:)``: `7`, `11.06`, `1e-07`); the event is `1` or
    /// `0`; the episode an integer.
    /// - Parameter emit: Takes each piece (valid only during the call).
    /// - Throws: What `emit` throws; the pieces already emitted stay emitted.
    /// - Complexity: O(pieces · bytes of a row).
    public func writeCSV<E: Error>(_ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let buffer = _ByteBuffer(capacity: Self.pieceBytes + (1 << 16))
        let header = CSVWriter.headerRecord(columnNames)
        header.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { buffer.append(base, bytes.count) }
        }
        let cutBytes = split.cuts.map { cut in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.numberBudget) { scratch -> [UInt8] in
                guard let base = scratch.baseAddress else { return [] }
                var p = base
                Self.writeNumber(cut, to: &p)
                return Array(UnsafeBufferPointer(start: base, count: p - base))
            }
        }
        let carried = self.carried.base
        for row in stop.indices {
            let (from, to) = (start?[row] ?? 0, stop[row])
            let inside = split.cutsInside(start: from, stop: to)
            // Each field is preceded by `,`: a record starts after the first one.
            let carriedStart = carriedStarts[row] + (carriedColumns.isEmpty ? 0 : 1)
            let carriedLength = max(0, carriedEnd(row) - carriedStart)
            buffer.reserve((inside.count + 1) * (carriedLength + Self.pieceBudget))
            var p = buffer.end
            for k in 0...inside.count {
                p.update(from: carried + carriedStart, count: carriedLength)
                p += carriedLength
                if !carriedColumns.isEmpty {
                    p.pointee = 0x2C
                    p += 1
                }
                if k == 0 {
                    Self.writeNumber(from, to: &p)
                } else {
                    Self.copy(cutBytes[inside.lowerBound + k - 1], to: &p)
                }
                p.pointee = 0x2C
                p += 1
                if k == inside.count {
                    Self.writeNumber(to, to: &p)
                    p[0] = 0x2C
                    p[1] = event[row] ? 0x31 : 0x30
                } else {
                    Self.copy(cutBytes[inside.lowerBound + k], to: &p)
                    p[0] = 0x2C
                    p[1] = 0x30
                }
                p[2] = 0x2C
                p += 3
                EpisodeTable.writeInteger(inside.lowerBound + 1 + k, to: &p)
                p.pointee = 0x0A
                p += 1
            }
            buffer.advance(to: p)
            if buffer.count >= Self.pieceBytes {
                try emit(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
                buffer.removeAll()
            }
        }
        try emit(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
    }

    /// The most bytes a number written by ``writeNumber(_:to:)`` takes.
    static let numberBudget = 32

    /// The most bytes of a record besides its carried fields: two numbers, the event, the episode (at most
    /// 20 digits), four commas and the line end.
    static let pieceBudget = 2 * numberBudget + 1 + 20 + 5

    /// Writes `value` at `p` in a form that reads back to it (at most ``numberBudget`` bytes), advancing
    /// `p`: a value below 1e9 that a decimal with at most 6 decimals reads back to as that decimal, trailing
    /// zeros dropped (`7`, `11.06`, `0.00001`); any other as Swift's shortest round-trip text (`1e-07`,
    /// `0.1234567`, `12345678901.5`).
    @inline(__always)
    static func writeNumber(_ value: Double, to p: inout UnsafeMutablePointer<UInt8>) {
        // Below 1e9 the 6-decimal grid is coarser than the doubles, so a decimal that reads back to `value` is its only one.
        let micro = (value * 1_000_000).rounded()
        if abs(value) < 1e9, micro / 1_000_000 == value {
            EpisodeTable.writeDays(value, to: &p)
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        for byte in text.utf8.prefix(numberBudget) {
            p.pointee = byte
            p += 1
        }
    }

    /// Copies `bytes` to `p`, advancing it.
    @inline(__always)
    private static func copy(_ bytes: [UInt8], to p: inout UnsafeMutablePointer<UInt8>) {
        for byte in bytes {
            p.pointee = byte
            p += 1
        }
    }
}
