extension CSVWriter {
    /// The bytes that start a spreadsheet formula: `=`, `+`, `-`, `@`, tab, carriage return.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

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

    /// Appends the field `p[0..<n]` neutralised (``neutralised(_:)``) and quoted when needed
    /// (``needsQuoting(_:)``), as ``encodeField(_:)`` would write ``neutralised(_:)`` of its text, without
    /// making a `String` unless the field starts like a formula.
    /// - Parameters:
    ///   - p: The field's bytes (UTF-8).
    ///   - n: Their count.
    ///   - out: The bytes to append to.
    /// - Complexity: O(n).
    package func appendEncoded(_ p: UnsafePointer<UInt8>, _ n: Int, to out: inout [UInt8]) {
        if n > 0, Self.formulaStarts.contains(p[0]) {
            let text = Self.neutralised(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
            out.append(contentsOf: Array(encodeField(text).utf8))
            return
        }
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        var quoted = n > 0 && (p[0] == 0x20 || p[n - 1] == 0x20)
        var k = 0
        while !quoted, k < n {
            let b = p[k]
            quoted = b == 0x22 || b == 0x0D || b == 0x0A || b == delimiterByte
            k += 1
        }
        guard quoted else {
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            return
        }
        out.append(0x22)
        for k in 0..<n {
            if p[k] == 0x22 { out.append(0x22) }
            out.append(p[k])
        }
        out.append(0x22)
    }
}
