extension MarginalEventTable {
    /// The file's column names: the patient column, ``computedColumns``, then the log's carried columns.
    public var columnNames: [String] { [episodes.log.roles.patient] + Self.computedColumns + episodes.log.carriedColumns }

    /// The layout as CSV bytes (``writeCSV(_:)`` in one array).
    /// - Returns: The file content.
    /// - Complexity: O(rows + bytes of the patients and the carried columns).
    public func csvBytes() -> [UInt8] { EpisodeTable.collected { writeCSV($0) } }

    /// Writes the layout in pieces (the header, then about 1 MB at a time), each handed to `emit` in order:
    /// a header of ``columnNames`` and one `\n`-terminated record per row, comma-separated, UTF-8, no BOM, as
    /// ``EpisodeTable/writeCSV(_:)`` writes the episodes (`stop_day` in days with at most 6 decimals; the
    /// patient and the carried fields, of the patient's first episode, as read).
    /// - Parameter emit: Takes each piece (valid only during the call).
    /// - Throws: What `emit` throws; the pieces already emitted stay emitted.
    /// - Complexity: O(rows + bytes of the patients and the carried columns).
    public func writeCSV<E: Error>(_ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        try EpisodeTable.emitHeader(columnNames, emit)
        let log = episodes.log
        let (labels, labelStarts) = episodes.encodedLabels()
        let buffer = _ByteBuffer(capacity: 2 << 20)
        for patient in 0..<patientCount {
            let row = episodes.records[firstEpisode[patient]].row
            let code = Int(log.patientCodes[row])
            let (labelFrom, labelLength) = (labelStarts[code], labelStarts[code + 1] - labelStarts[code])
            let (carriedFrom, carriedEnd) = (log.rows[row].carriedStart, log.carriedEnd(row))
            for event in 0..<eventNumbers {
                let (day, ended) = stop(patient: patient, event: event)
                // the label, three computed fields (at most 10 + 24 + 1 bytes and 3 commas), the carried fields, `\n`
                buffer.reserve(labelLength + carriedEnd - carriedFrom + 48)
                var p = buffer.end
                EpisodeTable.copy(UnsafePointer(labels.base) + labelFrom, labelLength, to: &p)
                p.pointee = 0x2C
                p += 1
                EpisodeTable.writeInteger(event + 1, to: &p)
                p.pointee = 0x2C
                p += 1
                EpisodeTable.writeDays(day, to: &p)
                p.pointee = 0x2C
                p[1] = ended ? 0x31 : 0x30
                p += 2
                EpisodeTable.copy(log.carried.base + carriedFrom, carriedEnd - carriedFrom, to: &p)
                p.pointee = 0x0A
                buffer.advance(to: p + 1)
            }
            if buffer.count >= 1 << 20 {
                try emit(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
                buffer.removeAll()
            }
        }
        if buffer.count > 0 { try emit(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count)) }
    }
}
