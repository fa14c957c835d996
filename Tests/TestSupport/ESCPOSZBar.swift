import BillLayout
import Foundation

/// Reads barcodes in a bitmap with the real `zbarimg` (Debian zbar-tools).
public enum ESCPOSZBar {
    /// The decoded payloads of every symbol in `bitmap` (written as a PBM with a white border).
    public static func decode(_ bitmap: Bitmap) throws -> [String] {
        let dir = try ESCPOSTempDirectory()
        let border = 16
        let width = bitmap.width + 2 * border
        let height = bitmap.height + 2 * border
        var framed = Bitmap(width: width, height: height)
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where bitmap[x, y] { framed[x + border, y + border] = true }
        }
        let path = try dir.write("image.pbm", Array("P4\n\(width) \(height)\n".utf8) + framed.bits)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--raw", "-q", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
