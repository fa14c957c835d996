/// One item of a parsed ESC/POS stream: a command billrender knows, or bytes it does not.
public enum ESCPOSToken: Sendable, Equatable {
    /// A known command.
    case command(ESCPOSCommand)
    /// Bytes that are neither a known command nor printable text, at `offset` in the stream.
    case unknown(offset: Int, bytes: [UInt8])
}
