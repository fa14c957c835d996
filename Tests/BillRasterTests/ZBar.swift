import Foundation

/// Decodes barcodes in a PNG with the real `zbarimg`.
enum ZBar {
    /// The decoded payloads, one per line of `zbarimg --raw -q`.
    static func decode(png: [UInt8], name: String) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "billraster-\(name)-\(UUID().uuidString).png")
        try Data(png).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--raw", "-q", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
