import BillLayout
import BillModel
import BillQR

/// The first pass of an encoding: resolves every character against the profile's code tables,
/// decides how QR codes and pictures print, and collects the diagnostics, so that the writer can
/// look ahead when it picks code tables.
struct ESCPOSPlanner {
    /// What the writer does, in order.
    enum Step {
        case line([TextUnit], alignment: Alignment?, style: TextStyle)
        case feed(Int)
        case qr(QRBlock, moduleSize: Int)
        /// Raster commands, printed left-justified (the bitmap carries its own margin).
        case raster([ESCPOSCommand])
        case cut
    }

    let profile: PrinterProfile
    let grid: LayoutGrid
    let tables: CodeTableSet
    /// Every non-ASCII character of the planned lines, in order.
    private(set) var upcoming: [Unicode.Scalar] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Characters no table holds, in order of first appearance.
    private var unprintable: [(character: Character, resolution: CodeTableSet.Resolution, firstLine: Int, count: Int)] = []
    private var lineNumber = 0

    init(profile: PrinterProfile, grid: LayoutGrid) {
        self.profile = profile
        self.grid = grid
        self.tables = CodeTableSet(profile: profile)
    }

    mutating func plan(_ blocks: [LayoutBlock]) -> [Step] {
        if !tables.unknownEncodings.isEmpty {
            diagnostics.append(Diagnostic(.warning, .unsupportedByPrinter, at: "",
                "profile \(profile.name): code tables \(tables.unknownEncodings.joined(separator: ", ")) have an encoding billrender does not know; not used"))
        }
        if !profile.capabilities.textMode {
            diagnostics.append(Diagnostic(.warning, .unsupportedByPrinter, at: "",
                "profile \(profile.name) prints raster only; whole-bill raster mode is not wired yet, so the bill is sent as text"))
        }
        var steps: [Step] = []
        for block in blocks {
            switch block {
            case .text(let line):
                lineNumber += 1
                var units = resolve(line.text)
                if line.alignment == .left {
                    while units.last == .ascii(0x20) { units.removeLast() }
                }
                steps.append(.line(units, alignment: line.alignment, style: line.style))
            case .rule(let kind):
                lineNumber += 1
                let units = [TextUnit](repeating: .ascii(UInt8(ascii: kind == .double ? "=" : "-")),
                                       count: max(0, grid.columns))
                steps.append(.line(units, alignment: nil, style: .body))
            case .image(let image):
                diagnostics.append(Diagnostic(.warning, .unsupportedByPrinter, at: image.sourcePath,
                    "the \(image.role.rawValue) is not printed: ESC/POS raster images are not wired yet"))
            case .qrCode(let qr):
                steps += planQR(qr)
            case .feed(let lines):
                lineNumber += max(0, lines)
                steps.append(.feed(lines))
            case .cut:
                steps.append(.cut)
            }
        }
        reportUnprintable()
        return steps
    }

    /// Native `GS ( k` when the profile has it and the payload fits a symbol on the paper; the
    /// payload as text otherwise.
    private mutating func planQR(_ block: QRBlock) -> [Step] {
        var qr = block
        qr.payload = String(String.UnicodeScalarView(block.payload.unicodeScalars.filter { !CodeTableSet.isControl($0) }))
        let count = qr.payload.utf8.count
        guard profile.capabilities.nativeQR else { return rasterQR(qr) }
        guard count > 0, let version = QRCapacity.version(forBytes: count, level: qr.errorCorrection) else {
            diagnostics.append(Diagnostic(.warning, .qrTooLong, at: qr.sourcePath,
                "the QR payload has \(count) bytes; a QR code at level \(qr.errorCorrection.rawValue) holds at most \(QRCapacity.maxBytes(level: qr.errorCorrection)); printed as text"))
            return payloadAsText(qr)
        }
        let modules = QRCapacity.modules(version: version)
        let fitting = profile.printableDots / modules
        let size = min(max(qr.moduleSize, 1), 16, fitting)
        guard size >= 2 else {
            diagnostics.append(Diagnostic(.warning, .qrTooLong, at: qr.sourcePath,
                "the QR code (version \(version), \(modules) modules) is too wide for \(profile.printableDots) dots; printed as text"))
            return payloadAsText(qr)
        }
        if size < qr.moduleSize {
            diagnostics.append(Diagnostic(.warning, .limitExceeded, at: qr.sourcePath,
                "the QR code's module size is reduced from \(qr.moduleSize) to \(size) dots to fit \(profile.printableDots) dots"))
        }
        return [.qr(qr, moduleSize: size)]
    }

    /// The QR code as a raster image, where the profile has a raster command; else as text.
    private mutating func rasterQR(_ qr: QRBlock) -> [Step] {
        guard !profile.capabilities.rasterCommands.isEmpty else {
            diagnostics.append(Diagnostic(.warning, .unsupportedByPrinter, at: qr.sourcePath,
                "profile \(profile.name) has neither native QR codes nor raster images; the URL is printed as text"))
            return payloadAsText(qr)
        }
        let matrix: QRMatrix
        do {
            matrix = try QREncoder.encode(qr.payload, errorCorrection: qr.errorCorrection)
        } catch {
            diagnostics.append(Diagnostic(.warning, .qrTooLong, at: qr.sourcePath,
                "the QR payload (\(qr.payload.utf8.count) bytes) does not fit a QR code at level \(qr.errorCorrection.rawValue) (\(error)); printed as text"))
            return payloadAsText(qr)
        }
        guard let (bitmap, size) = QRRaster.bitmap(matrix, moduleSize: qr.moduleSize, alignment: qr.alignment,
                                                   dotsWidth: profile.printableDots),
              size >= 2, let commands = ESCPOSRaster.commands(for: bitmap, profile: profile) else {
            diagnostics.append(Diagnostic(.warning, .qrTooLong, at: qr.sourcePath,
                "the QR code (\(matrix.size) modules) is too wide for \(profile.printableDots) dots; printed as text"))
            return payloadAsText(qr)
        }
        if size < qr.moduleSize {
            diagnostics.append(Diagnostic(.warning, .limitExceeded, at: qr.sourcePath,
                "the QR code's module size is reduced from \(qr.moduleSize) to \(size) dots to fit \(profile.printableDots) dots"))
        }
        return [.raster(commands)]
    }

    /// The payload in lines of the grid's columns, with the QR block's alignment.
    private mutating func payloadAsText(_ qr: QRBlock) -> [Step] {
        let characters = Array(qr.payload)
        let width = max(1, grid.columns)
        return stride(from: 0, to: characters.count, by: width).map { start in
            lineNumber += 1
            let piece = String(characters[start..<min(start + width, characters.count)])
            return .line(resolve(piece), alignment: qr.alignment, style: .body)
        }
    }

    /// The units that print `text`, recording characters no table holds.
    private mutating func resolve(_ text: String) -> [TextUnit] {
        var units: [TextUnit] = []
        for character in text {
            let resolution = tables.resolve(character)
            let scalars: [Unicode.Scalar]
            switch resolution {
            case .exact(let s):
                scalars = s
            case .transliterated(let s):
                scalars = s
                note(character, resolution)
            case .replaced:
                // One `?` per cell the character takes, so that the columns after it stay put.
                scalars = Array(repeating: "?", count: max(1, DisplayWidth.of(character)))
                note(character, resolution)
            case .dropped:
                scalars = []
            }
            for scalar in scalars {
                if scalar.value >= 0x20 && scalar.value < 0x7F {
                    units.append(.ascii(UInt8(scalar.value)))
                } else {
                    units.append(.scalar(scalar))
                    upcoming.append(scalar)
                }
            }
        }
        return units
    }

    private mutating func note(_ character: Character, _ resolution: CodeTableSet.Resolution) {
        if let i = unprintable.firstIndex(where: { $0.character == character }) {
            unprintable[i].count += 1
        } else {
            unprintable.append((character, resolution, lineNumber, 1))
        }
    }

    private mutating func reportUnprintable() {
        for entry in unprintable {
            let codes = entry.character.unicodeScalars.map { "U+" + hex($0.value) }.joined(separator: " ")
            let how: String
            switch entry.resolution {
            case .transliterated(let s): how = "printed as \"\(String(String.UnicodeScalarView(s)))\""
            default: how = "printed as \"?\""
            }
            let times = entry.count == 1 ? "" : ", \(entry.count) times"
            diagnostics.append(Diagnostic(.warning, .unprintableCharacter, at: "",
                "\"\(entry.character)\" (\(codes)) is in no code table of profile \(profile.name); \(how) (line \(entry.firstLine)\(times))"))
        }
    }

    private func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
