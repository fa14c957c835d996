import BillLayout
import BillModel
import BillProfiles
import BillSupport

/// The first pass of an encoding: resolves every character against the profile's code tables,
/// decides how QR codes and pictures print, and collects the diagnostics, so that the writer can
/// look ahead when it picks code tables. Language-neutral: ESC/POS and Star's Line mode and
/// StarPRNT write the same steps, each with its own commands.
package struct ESCPOSPlanner {
    /// What the writer does, in order.
    package enum Step {
        /// A line of text as it prints: printable ASCII and characters that need a code table
        /// holding them (`ResolvedText.text`).
        case line(Substring, alignment: Alignment?, style: TextStyle)
        case feed(Int)
        case qr(QRBlock, moduleSize: Int)
        /// A picture drawn as the PNG draws it, printed left-justified (the bitmap carries its own
        /// margin, its blank right side trimmed).
        case picture(Bitmap)
        case cut
    }

    let profile: PrinterProfile
    let grid: LayoutGrid
    let options: ESCPOSOptions
    let pictures: (any PictureRenderer)?
    package let tables: CodeTableSet
    /// The largest QR module a native QR code takes (16 in ESC/POS, 8 in StarPRNT).
    let maxQRModule: Int
    /// Every non-ASCII character of the planned lines, in order.
    package private(set) var upcoming: [Unicode.Scalar] = []
    package private(set) var diagnostics: [Diagnostic] = []
    /// Characters no table holds, in order of first appearance, with how they printed.
    private var unprintable: [(character: Character, how: String, firstLine: Int, count: Int)] = []
    /// Where each (character, how) is in `unprintable`: looking up by scanning made a bill of
    /// thousands of distinct characters quadratic.
    private var unprintableIndex: [UnprintableKey: Int] = [:]
    private var lineNumber = 0
    /// Lines printed as raster because of characters no table holds, those characters (each
    /// once), and the ones no font has either.
    private var rasterLines: [Int] = []
    private var rasterCharacters: [Character] = []
    private var rasterCharacterSet: Set<Character> = []
    private var undrawable: [Character] = []
    /// Draws pictures, raster QR codes and raster lines; made on first use.
    private var session: (any PictureSession)?
    /// Whether the session could not be made (or there is no renderer), once that was found.
    private var sessionFailed = false

    package init(
        profile: PrinterProfile, grid: LayoutGrid, options: ESCPOSOptions = ESCPOSOptions(),
        pictures: (any PictureRenderer)? = nil, maxQRModule: Int = 16
    ) {
        self.profile = profile
        self.grid = grid
        self.options = options
        self.pictures = pictures
        self.tables = CodeTableSet(profile: profile)
        self.maxQRModule = maxQRModule
    }

    package mutating func plan(_ blocks: [LayoutBlock]) -> [Step] {
        if !tables.unknownEncodings.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: "",
                    "profile \(profile.name): code tables \(tables.unknownEncodings.joined(separator: ", ")) have an encoding billrender does not know; not used"
                ))
        }
        var steps: [Step] = []
        steps.reserveCapacity(blocks.count)
        for block in blocks {
            switch block {
            case .text(let line):
                lineNumber += 1
                let resolved = ResolvedText(line.text, tables: tables)
                if let step = rasterLine(line, unprintable: resolved.unprintable) {
                    steps.append(step)
                    continue
                }
                let text = commit(resolved)[...]
                steps.append(
                    .line(
                        line.alignment == .left ? Self.trimmingTrailingSpaces(text) : text,
                        alignment: line.alignment, style: line.style))
            case .rule(let kind):
                lineNumber += 1
                let rule = UInt8(ascii: kind == .double ? "=" : "-")
                let count = max(0, grid.columns)
                let text = String(unsafeUninitializedCapacity: count) { buffer in
                    UnsafeMutableBufferPointer(rebasing: buffer[..<count]).initialize(repeating: rule)
                    return count
                }
                steps.append(.line(text[...], alignment: ruleAlignment, style: .body))
            case .image(let image):
                steps += planPicture(image)
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

    /// The alignment a rule is printed with: none (whatever is current, saving an `ESC a`) when its
    /// columns fill the printable dots, so that every alignment puts it in the same place; else
    /// left, where the PNG draws it. A rule of 42 Font A columns is 504 dots on a 512-dot line (the
    /// 180-dpi Epson): sent while the alignment was still right or centre, the printer would move it
    /// 8 or 4 dots.
    private var ruleAlignment: Alignment? {
        grid.columns * grid.cellWidth >= grid.dotsWidth ? nil : .left
    }

    /// The picture session, or nil (with one diagnostic) when there is no picture renderer or it
    /// cannot start.
    private mutating func pictureSession(at path: String) -> (any PictureSession)? {
        if let session { return session }
        guard !sessionFailed else { return nil }
        sessionFailed = true
        guard let pictures else {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: path,
                    "no picture renderer was given; pictures and raster lines are left out or printed as text"))
            return nil
        }
        do {
            let made = try pictures.session(grid: grid, stripRows: ESCPOSRaster.wholeBillBandHeight(profile))
            session = made
            sessionFailed = false
            return made
        } catch {
            diagnostics.append(
                Diagnostic(
                    .warning, .unsupportedByPrinter, at: path,
                    "the raster back end cannot draw (\(error)); pictures and raster lines are left out or printed as text"
                ))
        }
        return nil
    }

    /// `block` drawn for the profile (placed as the PNG places it, its blank right side trimmed),
    /// with the drawing's diagnostics; nil when it cannot be drawn or the profile has no raster
    /// command. An empty list: nothing to print.
    private mutating func rasterCommands(_ block: LayoutBlock, at path: String)
        -> (commands: [Bitmap], diagnostics: [Diagnostic])?
    {
        guard !profile.capabilities.rasterCommands.isEmpty, let session = pictureSession(at: path) else { return nil }
        let drawn: RasterBitmap
        do {
            drawn = try session.bitmap(block)
        } catch {
            return ([], [Diagnostic(.warning, .unsupportedByPrinter, at: path, "\(error); left out")])
        }
        let bitmap = ESCPOSRaster.trimmedRight(drawn.bitmap)
        return (bitmap.width > 0 && bitmap.height > 0 ? [bitmap] : [], drawn.diagnostics)
    }

    /// A line with characters no code table holds (`unprintable`, as its resolution found them), as
    /// raster where the profile has a raster command; nil to print it as text.
    private mutating func rasterLine(_ line: TextLine, unprintable: [ResolvedText.Unprintable]) -> Step? {
        // Every table holds ASCII.
        guard !unprintable.isEmpty, line.text.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        guard let drawn = rasterCommands(.text(line), at: ""), drawn.diagnostics.isEmpty,
            !drawn.commands.isEmpty
        else { return nil }
        rasterLines.append(lineNumber)
        // The characters as one string, read again by `Character` (as filtering the line makes them).
        var missing = ""
        for entry in unprintable { missing.append(entry.character) }
        for character in missing where rasterCharacterSet.insert(character).inserted {
            rasterCharacters.append(character)
            if session?.canDraw(character) == false { undrawable.append(character) }
        }
        return .picture(drawn.commands[0])
    }

    /// The logo or an image line as raster; left out with a diagnostic when it cannot be.
    private mutating func planPicture(_ image: ImageBlock) -> [Step] {
        guard let drawn = rasterCommands(.image(image), at: image.sourcePath) else {
            if profile.capabilities.rasterCommands.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, .unsupportedByPrinter, at: image.sourcePath,
                        "the \(image.role.rawValue) is not printed: profile \(profile.name) has no raster image command"
                    ))
            }
            return []
        }
        diagnostics += drawn.diagnostics
        return drawn.commands.map { .picture($0) }
    }

    /// Native `GS ( k` when the profile has it (and raster QR is not asked for) and the payload
    /// fits a symbol on the paper; raster where the profile has a raster command; text otherwise.
    private mutating func planQR(_ block: QRBlock) -> [Step] {
        var qr = block
        if block.payload.unicodeScalars.contains(where: TextSanitizer.isControl) {
            qr.payload = String(
                String.UnicodeScalarView(block.payload.unicodeScalars.filter { !TextSanitizer.isControl($0) }))
        }
        let count = qr.payload.utf8.count
        let capabilities = profile.capabilities
        let native = capabilities.nativeQR && (options.qr == .native || capabilities.rasterCommands.isEmpty)
        guard native else { return rasterQR(qr) }
        guard count > 0, let version = QRCapacity.version(forBytes: count, level: qr.errorCorrection) else {
            diagnostics.append(
                Diagnostic(
                    .warning, .qrTooLong, at: qr.sourcePath,
                    "the QR payload has \(count) bytes; a QR code at level \(qr.errorCorrection.rawValue) holds at most \(QRCapacity.maxBytes(level: qr.errorCorrection)); printed as text"
                ))
            return payloadAsText(qr)
        }
        let modules = QRCapacity.modules(version: version)
        let fitting = profile.printableDots / modules
        let size = min(max(qr.moduleSize, 1), maxQRModule, fitting)
        guard size >= 2 else {
            diagnostics.append(
                Diagnostic(
                    .warning, .qrTooLong, at: qr.sourcePath,
                    "the QR code (version \(version), \(modules) modules) is too wide for \(profile.printableDots) dots; printed as text"
                ))
            return payloadAsText(qr)
        }
        if size < qr.moduleSize {
            diagnostics.append(
                Diagnostic(
                    .warning, .limitExceeded, at: qr.sourcePath,
                    "the QR code's module size is reduced from \(qr.moduleSize) to \(size) dots to fit \(profile.printableDots) dots"
                ))
        }
        return [.qr(qr, moduleSize: size)]
    }

    /// The QR code drawn by the raster back end (as the PNG shows it), where the profile has a
    /// raster command; else the payload as text.
    private mutating func rasterQR(_ qr: QRBlock) -> [Step] {
        guard let drawn = rasterCommands(.qrCode(qr), at: qr.sourcePath) else {
            let reason =
                profile.capabilities.rasterCommands.isEmpty
                ? "profile \(profile.name) has neither native QR codes nor raster images"
                : "the QR code cannot be drawn"
            diagnostics.append(
                Diagnostic(.warning, .unsupportedByPrinter, at: qr.sourcePath, "\(reason); the URL is printed as text"))
            return payloadAsText(qr)
        }
        guard drawn.diagnostics.isEmpty, !drawn.commands.isEmpty else {
            let why = drawn.diagnostics.map(\.message).joined(separator: "; ")
            diagnostics.append(
                Diagnostic(
                    .warning, .qrTooLong, at: qr.sourcePath,
                    "the QR code cannot be drawn (\(why)); the URL is printed as text"))
            return payloadAsText(qr)
        }
        return drawn.commands.map { .picture($0) }
    }

    /// The payload in lines of the grid's columns, with the QR block's alignment.
    private mutating func payloadAsText(_ qr: QRBlock) -> [Step] {
        let characters = Array(qr.payload)
        let width = max(1, grid.columns)
        return stride(from: 0, to: characters.count, by: width).map { start in
            lineNumber += 1
            let piece = String(characters[start..<min(start + width, characters.count)])
            return .line(resolve(piece)[...], alignment: qr.alignment, style: .body)
        }
    }

    /// `text` as it prints, recording characters no table holds.
    private mutating func resolve(_ text: String) -> String {
        commit(ResolvedText(text, tables: tables))
    }

    /// The text of `resolved`, with its non-ASCII characters added to `upcoming` and the
    /// characters no table holds noted.
    private mutating func commit(_ resolved: ResolvedText) -> String {
        upcoming += resolved.nonASCII
        for entry in resolved.unprintable { note(entry.character, how: entry.how) }
        return resolved.text
    }

    /// `text` without the spaces at its end (a left-aligned line's padding prints as nothing).
    private static func trimmingTrailingSpaces(_ text: Substring) -> Substring {
        let bytes = text.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let last = bytes.index(before: end)
            guard bytes[last] == UInt8(ascii: " ") else { break }
            end = last
        }
        return text[..<end]
    }

    private struct UnprintableKey: Hashable {
        var character: Character
        var how: String
    }

    private mutating func note(_ character: Character, how: String) {
        let key = UnprintableKey(character: character, how: how)
        if let i = unprintableIndex[key] {
            unprintable[i].count += 1
        } else {
            unprintableIndex[key] = unprintable.count
            unprintable.append((character, how, lineNumber, 1))
        }
    }

    /// The most characters named one warning each; the rest are counted in one more.
    static let maxCharacterWarnings = 32

    private mutating func reportUnprintable() {
        if !rasterLines.isEmpty {
            let shown = String(rasterCharacters.prefix(24)) + (rasterCharacters.count > 24 ? "…" : "")
            let lines =
                rasterLines.count == 1
                ? "line \(rasterLines[0]) is"
                : "lines \(rasterLines.prefix(64).map(String.init).joined(separator: ", "))"
                    + (rasterLines.count > 64 ? " and \(rasterLines.count - 64) more" : "") + " are"
            var message =
                "characters in no code table of profile \(profile.name) (\"\(shown)\"): \(lines) printed as raster"
            if !undrawable.isEmpty {
                let named = undrawable.prefix(Self.maxCharacterWarnings)
                let codes = named.flatMap(\.unicodeScalars).map { "U+" + hex($0.value) }.joined(separator: " ")
                let more = undrawable.count > named.count ? " and \(undrawable.count - named.count) more" : ""
                message += "; no font has \"\(String(named))\" (\(codes))\(more), which prints as an empty box"
            }
            diagnostics.append(Diagnostic(.warning, .unprintableCharacter, at: "", message))
        }
        for entry in unprintable.prefix(Self.maxCharacterWarnings) {
            let codes = entry.character.unicodeScalars.map { "U+" + hex($0.value) }.joined(separator: " ")
            let how = entry.how
            let times = entry.count == 1 ? "" : ", \(entry.count) times"
            diagnostics.append(
                Diagnostic(
                    .warning, .unprintableCharacter, at: "",
                    "\"\(entry.character)\" (\(codes)) is in no code table of profile \(profile.name); \(how) (line \(entry.firstLine)\(times))"
                ))
        }
        if unprintable.count > Self.maxCharacterWarnings {
            let rest = unprintable[Self.maxCharacterWarnings...]
            diagnostics.append(
                Diagnostic(
                    .warning, .unprintableCharacter, at: "",
                    "\(rest.count) more characters are in no code table of profile \(profile.name) (\(rest.reduce(0) { $0 + $1.count }) times); they print as the first ones named do"
                ))
        }
    }

    private func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
