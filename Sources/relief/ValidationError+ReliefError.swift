import ArgumentParser
import NumericCore

extension ValidationError {
    /// Runs `body`; an error from parsing an option becomes a `ValidationError` (shown with the
    /// command's usage, exit 64).
    static func from<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any ReliefError {
            throw ValidationError(error.description)
        }
    }
}
