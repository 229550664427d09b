import ArgumentParser
import DataIO

extension ValidationError {
    /// Runs `body`; a usage `DataError` from parsing an option becomes a `ValidationError` (shown with
    /// the command's usage, exit 64).
    static func from<T>(_ body: () throws(DataError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw ValidationError(error.message)
        }
    }
}
