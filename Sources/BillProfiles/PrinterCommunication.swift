/// How billrender talks to the printer, beyond the bytes of the bill: the `communication` object
/// of a profile (every member optional in a file).
public struct PrinterCommunication: Sendable, Equatable {
    /// The printer answers real-time status (`DLE EOT 1`–`4`), so it is asked before each bill.
    public var realTimeStatus: Bool
    /// The printer answers `GS ( H` function 48 (process ID) once the data before it has printed,
    /// which is how `print --confirm` knows the bill came out.
    public var processIDResponse: Bool
    /// Serial line speed, when `--to serial:PATH` does not say.
    public var serialBaud: Int
    /// Serial flow control (`none`, `rtscts`, `xonxoff`), when `--to serial:PATH` does not say.
    public var serialFlowControl: String

    public init(
        realTimeStatus: Bool = true, processIDResponse: Bool = true, serialBaud: Int = 9600,
        serialFlowControl: String = "rtscts"
    ) {
        self.realTimeStatus = realTimeStatus
        self.processIDResponse = processIDResponse
        self.serialBaud = serialBaud
        self.serialFlowControl = serialFlowControl
    }

    /// The flow-control names a profile may use.
    public static let flowControls = ["none", "rtscts", "xonxoff"]
}
