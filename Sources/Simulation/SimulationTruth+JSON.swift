import Foundation

extension SimulationTruth {
    /// The truth as pretty-printed JSON with sorted keys and a final newline.
    /// - Returns: UTF-8 JSON bytes.
    /// - Throws: ``SimulationError`` if a value cannot be encoded (a non-finite number).
    /// - Complexity: O(size of the truth).
    public func jsonData() throws(SimulationError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(self)
            data.append(0x0A)
            return data
        } catch {
            throw SimulationError(parameter: "truth", message: "cannot encode the truth as JSON: \(error)")
        }
    }

    /// Decodes a truth sidecar written by ``jsonData()``.
    /// - Parameter data: The JSON bytes.
    /// - Throws: ``SimulationError`` when the JSON does not have the truth's shape.
    /// - Complexity: O(size of the JSON).
    public init(jsonData data: Data) throws(SimulationError) {
        do {
            self = try JSONDecoder().decode(SimulationTruth.self, from: data)
        } catch {
            throw SimulationError(parameter: "truth", message: "not a truth file: \(error)")
        }
    }
}
