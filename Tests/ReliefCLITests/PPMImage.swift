import Foundation

/// A binary PPM image (`P6`, as written by `pdftoppm`), parsed for the browser tests.
struct PPMImage {
    /// A PPM file that could not be read.
    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// Width and height in pixels.
    let width: Int
    let height: Int
    /// The largest sample value (255 for 8-bit images).
    let maxValue: Int
    /// Samples, red/green/blue per pixel, row by row.
    let samples: [Int]

    /// Parses a `P6` file: magic, width, height and maximum value separated by whitespace (comments
    /// from `#` to the end of a line), one whitespace byte, then 1 or 2 bytes per sample.
    init(data: Data) throws {
        let bytes = [UInt8](data)
        var index = 0
        func token() throws -> String {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                } else if Self.isSpace(bytes[index]) {
                    index += 1
                } else {
                    break
                }
            }
            let start = index
            while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "#") { index += 1 }
            guard index > start else { throw FormatError(description: "PPM header ends early") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        guard try token() == "P6" else { throw FormatError(description: "not a binary PPM (P6) image") }
        guard let width = Int(try token()), let height = Int(try token()), let maxValue = Int(try token()),
            width > 0, height > 0, width <= 100_000, height <= 100_000, (1...65_535).contains(maxValue)
        else { throw FormatError(description: "bad PPM size or maximum value") }
        index += 1   // the single whitespace byte after the maximum value
        let bytesPerSample = maxValue < 256 ? 1 : 2
        let count = width * height * 3
        guard bytes.count - index >= count * bytesPerSample else {
            throw FormatError(description: "PPM data is shorter than \(width)x\(height) pixels")
        }
        var samples = [Int](repeating: 0, count: count)
        for sample in 0..<count {
            let offset = index + sample * bytesPerSample
            samples[sample] = bytesPerSample == 1 ? Int(bytes[offset]) : Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        }
        self.width = width
        self.height = height
        self.maxValue = maxValue
        self.samples = samples
    }

    /// The fraction of pixels with any channel below 98% of ``maxValue`` (i.e. not white), 0...1.
    var nonWhiteFraction: Double {
        let threshold = Double(maxValue) * 0.98
        var ink = 0
        var pixel = 0
        while pixel * 3 + 2 < samples.count {
            let base = pixel * 3
            if Double(samples[base]) < threshold || Double(samples[base + 1]) < threshold || Double(samples[base + 2]) < threshold {
                ink += 1
            }
            pixel += 1
        }
        return pixel == 0 ? 0 : Double(ink) / Double(pixel)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }
}
