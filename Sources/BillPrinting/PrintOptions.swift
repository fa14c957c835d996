/// How hard `print` tries.
public struct PrintOptions: Sendable, Equatable {
    /// Seconds to wait for a connection, and for the printer to take more bytes.
    public var timeoutSeconds: Double
    /// Connection attempts for TCP (at least 1). Only connecting is retried: once a byte is sent,
    /// a failure is final, or a partial bill would print twice.
    public var connectAttempts: Int
    /// Milliseconds between connection attempts.
    public var retryDelayMilliseconds: Int

    public init(timeoutSeconds: Double = 5, connectAttempts: Int = 3, retryDelayMilliseconds: Int = 500) {
        self.timeoutSeconds = timeoutSeconds
        self.connectAttempts = connectAttempts
        self.retryDelayMilliseconds = retryDelayMilliseconds
    }
}
