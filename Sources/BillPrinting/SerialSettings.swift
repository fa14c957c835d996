/// A serial line's settings: speed and flow control; framing is always 8N1, as receipt printers use.
public struct SerialSettings: Sendable, Equatable, CustomStringConvertible {
    /// How the two ends pause each other.
    public enum FlowControl: String, Sendable, Equatable, CaseIterable {
        /// None: the printer's buffer must keep up (fine for short bills at low speeds).
        case none
        /// RTS/CTS hardware handshake.
        case rtscts
        /// XON/XOFF software handshake (`11h`/`13h`).
        case xonxoff
    }

    /// Bits per second.
    public var baud: Int
    public var flowControl: FlowControl

    /// The speeds termios has a constant for.
    public static let speeds = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115_200, 230_400, 460_800, 921_600]

    public init(baud: Int = 9600, flowControl: FlowControl = .rtscts) {
        self.baud = baud
        self.flowControl = flowControl
    }

    public var description: String { "baud=\(baud)&flow=\(flowControl.rawValue)" }
}
