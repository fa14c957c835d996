/// How hard `print` tries, and what it asks the printer.
public struct PrintOptions: Sendable, Equatable {
    /// Seconds to wait for a connection, for a status answer, for the printer to take more bytes
    /// and, with `confirm`, for its confirmation.
    public var timeoutSeconds: Double
    /// Connection attempts (at least 1). Only a connection that has not sent a byte of the bill is
    /// tried again: once a byte is sent, a failure is final, or a bill would print twice.
    public var connectAttempts: Int
    /// Milliseconds between connection attempts.
    public var retryDelayMilliseconds: Int
    /// Ask for the printer's real-time status (`DLE EOT 1`–`4`) before the bill, where the
    /// destination talks back, and send nothing when it is not ready.
    public var checkStatus: Bool
    /// After the bill, ask for a process-ID response (`GS ( H` function 48) and wait for it; with
    /// CUPS, wait for the job's final state.
    public var confirm: Bool
    /// Whether the printer answers `GS ( H` function 48 (the profile says).
    public var processIDResponse: Bool
    /// How the printer is asked its status: ESC/POS `DLE EOT`, or Star's `ESC ACK SOH`.
    public var statusDialect: StatusDialect

    /// The two ways printers report their state.
    public enum StatusDialect: String, Sendable, Equatable {
        /// ESC/POS real-time status, `DLE EOT 1`–`4`.
        case escpos
        /// Star's automatic status, asked with `ESC ACK SOH` (Star Line Mode, StarPRNT).
        case star
    }

    public init(
        timeoutSeconds: Double = 5, connectAttempts: Int = 3, retryDelayMilliseconds: Int = 500,
        checkStatus: Bool = true, confirm: Bool = false, processIDResponse: Bool = true,
        statusDialect: StatusDialect = .escpos
    ) {
        self.statusDialect = statusDialect
        self.timeoutSeconds = timeoutSeconds
        self.connectAttempts = connectAttempts
        self.retryDelayMilliseconds = retryDelayMilliseconds
        self.checkStatus = checkStatus
        self.confirm = confirm
        self.processIDResponse = processIDResponse
    }

    /// The timeout, clamped to something a poll can wait for.
    var timeout: Double { timeoutSeconds.isFinite ? min(max(0.001, timeoutSeconds), 3600) : 5 }
}
