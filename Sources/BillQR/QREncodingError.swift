/// Why a payload could not be turned into a QR code.
public enum QREncodingError: Error, Sendable, Equatable {
    /// The payload is empty.
    case empty
    /// The payload (`bytes` of UTF-8) does not fit the largest QR version at the requested
    /// error-correction level.
    case tooLong(bytes: Int)
    /// libqrencode failed for another reason (out of memory); `errno` is the C error number.
    case encoderFailed(errno: Int32)
}
