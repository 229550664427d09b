extension CSVWriter {
    /// A text field a spreadsheet will not run as a formula (OWASP "CSV injection"): text starting with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, unless the whole text is a
    /// number (`-0.5`, `+3`), which stays as it is. The one rule of every CSV Relief writes (Reporting's
    /// `CSVTableWriter` and the episodes file).
    /// - Parameter text: The field's text.
    /// - Returns: The text to write.
    /// - Complexity: O(n) in the length of `text`.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        if let number = Double(text), number.isFinite { return text }
        return "'" + text
    }

    /// The header record of a data file Relief writes: the names comma-separated, each neutralised
    /// (``neutralised(_:)``) and quoted where needed, then `\n`.
    /// - Parameter names: The column names.
    /// - Returns: The record's UTF-8 bytes.
    static func headerRecord(_ names: [String]) -> [UInt8] {
        Array((CSVWriter().encodeRecord(names.map(neutralised)) + "\n").utf8)
    }

    /// Whether a field starting with `byte` may be taken for a formula (``neutralised(_:)`` then decides).
    @inline(__always)
    static func startsLikeFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return true
        default: return false
        }
    }

    /// Appends the field `p[0..<n]` as ``encodeField(_:)`` writes ``neutralised(_:)`` of its text, without
    /// making a `String` unless the field starts like a formula.
    /// - Parameters:
    ///   - p: The field's bytes (UTF-8).
    ///   - n: Their count.
    ///   - delimiter: The writer's delimiter as a byte (``delimiter`` is ASCII).
    ///   - out: The buffer to append to.
    /// - Complexity: O(n).
    @inline(__always)
    func appendEncoded(_ p: UnsafePointer<UInt8>, _ n: Int, delimiter: UInt8, to out: _ByteBuffer) {
        if n > 0, Self.startsLikeFormula(p[0]) {
            let text = encodeField(Self.neutralised(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)))
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { out.append(base, buffer.count) }
            }
            return
        }
        var quoted = n > 0 && (p[0] == 0x20 || p[n - 1] == 0x20)
        var k = 0
        while !quoted, k < n {
            let b = p[k]
            quoted = b == 0x22 || b == 0x0D || b == 0x0A || b == delimiter
            k += 1
        }
        guard quoted else {
            out.append(p, n)
            return
        }
        out.reserve(2 * n + 2)
        out.append(0x22)
        for k in 0..<n {
            if p[k] == 0x22 { out.append(0x22) }
            out.append(p[k])
        }
        out.append(0x22)
    }
}
