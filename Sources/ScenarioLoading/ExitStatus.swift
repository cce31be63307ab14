/// The exit codes of `phm`, from BSD's sysexits.h, so scripts can tell a mistyped flag from a
/// bad scenario from a full disk (README, "Exit codes").
public enum ExitStatus {
    /// EX_USAGE: the command line is wrong (ArgumentParser prints the usage with it).
    public static let usage: Int32 = 64
    /// EX_DATAERR: the scenario (or a results folder) is wrong or its settings cannot be met.
    public static let dataError: Int32 = 65
    /// EX_NOINPUT: an input file is missing, unreadable or empty.
    public static let noInput: Int32 = 66
    /// EX_UNAVAILABLE: a service phm needs is not there (e.g. no Slurm for `phm submit`).
    public static let unavailable: Int32 = 69
    /// EX_SOFTWARE: an internal error, a fault in phm rather than in its input.
    public static let software: Int32 = 70
    /// EX_CANTCREAT: an output file or folder cannot be created.
    public static let cannotCreate: Int32 = 73
    /// EX_IOERR: reading or writing failed part-way.
    public static let ioError: Int32 = 74
    /// 128 + SIGINT: the shells' code for a command stopped by Ctrl-C.
    public static let interrupted: Int32 = 130
}
