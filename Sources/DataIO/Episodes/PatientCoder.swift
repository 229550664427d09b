import Dispatch

/// Codes the patients of an infusion log on a background queue while the reader parses the next rows.
///
/// On a log in date order the patient look-up is the reader's largest cost: each row's patient lies
/// anywhere in a table of millions, so nearly every look-up waits for memory. It needs nothing from the
/// parse but the patient's bytes, so it runs beside it: the reader hands over each row's patient
/// (``add(_:_:line:)``, then ``markUnknownMoment()`` when the row's infusion date turns out missing or
/// invalid), in blocks of ``blockSize``; the queue looks them up in first-appearance order, as the reader
/// would have.
///
/// Protocol: the reader calls ``add(_:_:line:)`` and ``markUnknownMoment()`` only, then ``finish()``; only
/// after `finish()` does it read ``dictionary``, ``codes``, ``unknownMoments`` and ``overflowLine``. A block
/// is never touched by the reader once handed over, and the queue never touches the block being filled.
final class _PatientCoder: @unchecked Sendable {
    /// Patients handed over at a time.
    static let blockSize = 16_384

    /// The patients of consecutive rows: bytes, where each ends, its line and whether its moment is unknown.
    final class Block: @unchecked Sendable {
        let keys = _ByteBuffer(capacity: 256 << 10)
        @exclusivity(unchecked) var ends: [Int] = []
        @exclusivity(unchecked) var lines: [Int] = []
        @exclusivity(unchecked) var unknownMoment: [Bool] = []

        init() {
            ends.reserveCapacity(_PatientCoder.blockSize)
            lines.reserveCapacity(_PatientCoder.blockSize)
            unknownMoment.reserveCapacity(_PatientCoder.blockSize)
        }
    }

    private let queue = DispatchQueue(label: "DataIO.patients")
    private let group = DispatchGroup()
    @exclusivity(unchecked) private var block = Block()

    /// The patients' labels, in first-appearance order (read after ``finish()``).
    let dictionary = _ByteDictionary()
    /// Per row with a known moment, in file order: its patient's code (read after ``finish()``).
    @exclusivity(unchecked) private(set) var codes: [Int32] = []
    /// Patients with a row whose moment is unknown: code -> the first such line (read after ``finish()``).
    @exclusivity(unchecked) private(set) var unknownMoments: [Int32: Int] = [:]
    /// The line of the first patient beyond the dictionary's capacity, if any (read after ``finish()``).
    @exclusivity(unchecked) private(set) var overflowLine: Int?

    /// - Parameter expectedRows: Room to reserve for ``codes``.
    init(expectedRows: Int) {
        codes.reserveCapacity(expectedRows)
    }

    /// Hands over the patient `p[0..<n]` of the row on `line` (copied), as a row with a known moment.
    func add(_ p: UnsafePointer<UInt8>, _ n: Int, line: Int) {
        if block.ends.count == Self.blockSize { submit() }
        block.keys.append(p, n)
        block.ends.append(block.keys.count)
        block.lines.append(line)
        block.unknownMoment.append(false)
    }

    /// Marks the patient added last as one whose row has no usable infusion moment.
    func markUnknownMoment() {
        if !block.unknownMoment.isEmpty { block.unknownMoment[block.unknownMoment.count - 1] = true }
    }

    /// Codes the rest and waits for the queue.
    func finish() {
        submit()
        group.wait()
    }

    private func submit() {
        guard !block.ends.isEmpty else { return }
        let full = block
        block = Block()
        queue.async(group: group) { [self] in code(full) }
    }

    /// Looks up (or adds) the patients of `block`, in order.
    private func code(_ block: Block) {
        guard overflowLine == nil else { return }
        let base = UnsafePointer(block.keys.base)
        var from = 0
        for k in 0..<block.ends.count {
            let index = dictionary.index(of: base + from, block.ends[k] - from).index
            from = block.ends[k]
            guard index >= 0, index < Int(Int32.max) else {
                overflowLine = block.lines[k]
                return
            }
            let code = Int32(truncatingIfNeeded: index)
            if !block.unknownMoment[k] {
                codes.append(code)
            } else if unknownMoments[code] == nil {
                unknownMoments[code] = block.lines[k]
            }
        }
    }
}
