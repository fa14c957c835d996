import BillSupport
import CQRencode
import Glibc

/// Encodes text into QR code modules with libqrencode.
///
/// The payload is encoded as UTF-8 in 8-bit byte mode; the version (symbol size) is the smallest
/// that holds it at the requested error-correction level.
public enum QREncoder {
    /// The largest payload accepted before libqrencode is asked (version 40-L holds 2,953 bytes).
    public static let maxPayloadBytes = QRCapacity.maxBytes(level: .low)

    /// Encodes `payload` at `errorCorrection`.
    ///
    /// Recent short payloads come from a small cache (`QRMatrixCache`): the same URL on every
    /// bill is encoded once.
    ///
    /// - Throws: `.empty` for an empty payload, `.tooLong` when it does not fit a version-40 symbol.
    public static func encode(_ payload: String, errorCorrection: QRErrorCorrection) throws(QREncodingError)
        -> QRMatrix
    {
        try QRMatrixCache.shared.matrix(for: .init(payload: payload, level: errorCorrection), encode: encodeUncached)
    }

    /// Drops the cached matrices (a host freeing memory; the next bills encode theirs again).
    package static func purgeCache() {
        QRMatrixCache.shared.removeAll()
    }

    /// Encodes `payload` with libqrencode, without the cache.
    static func encodeUncached(_ payload: String, errorCorrection: QRErrorCorrection) throws(QREncodingError)
        -> QRMatrix
    {
        let bytes = Array(payload.utf8)
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maxPayloadBytes else { throw .tooLong(bytes: bytes.count) }
        errno = 0
        let code = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, errorCorrection.qrecLevel)
        }
        guard let code else {
            let error = errno
            // libqrencode reports "does not fit" as ERANGE, and some versions as EINVAL.
            if error == ERANGE || error == EINVAL { throw .tooLong(bytes: bytes.count) }
            throw .encoderFailed(errno: error)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { throw .encoderFailed(errno: 0) }
        // Bit 0 of each byte is the module colour (1 = dark); the other bits are encoder bookkeeping.
        let modules = (0..<(width * width)).map { data[$0] & 1 != 0 }
        guard let matrix = QRMatrix(size: width, modules: modules) else { throw .encoderFailed(errno: 0) }
        return matrix
    }
}

extension QRErrorCorrection {
    /// libqrencode's level for this error-correction level.
    var qrecLevel: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}
