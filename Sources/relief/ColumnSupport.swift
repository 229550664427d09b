import ArgumentParser

/// Which column options a command lists in its `--help` (``ColumnOptions``): `--start` only where the
/// command analyses (start, stop] rows, `--id` only where it uses the patient column. Both by default.
protocol ColumnSupport {
    /// `--start`: listed, or hidden (still read: the request then refuses it with the reason, exit 64).
    static var start: ArgumentVisibility { get }
    /// `--id`: listed, or private (not listed, and refused when given).
    static var id: ArgumentVisibility { get }
}

extension ColumnSupport {
    static var start: ArgumentVisibility { .default }
    static var id: ArgumentVisibility { .default }
}

/// Every column option (summary, curves, fit, predict, schedule, report).
enum AllColumns: ColumnSupport {}

/// No `--id`: `relief split`, which carries every column over as it is.
enum NoPatient: ColumnSupport { static var id: ArgumentVisibility { .private } }
