import BillJSON

/// Printer profiles as JSON: the form of a user's profile file and of `billrender profiles --json`.
///
/// A file may name a profile to start from with `"extends": "generic-80mm"` (a built-in name or a
/// path relative to the file); its other members override the base's: objects member by member,
/// arrays and values whole (a file's `codeTables` replaces the base's list).
extension PrinterProfile {
    /// The profile as a JSON object, every field present.
    public var json: JSONValue {
        func int(_ v: Int) -> JSONValue { .number(JSONNumber(Int64(v))) }
        let c = capabilities
        return .object(
            JSONObject([
                ("name", .string(name)), ("description", .string(description)),
                ("language", .string(language.rawValue)), ("source", .string(source)),
                ("paperWidthMM", int(paperWidthMM)), ("printableDots", int(printableDots)), ("dpi", int(dpi)),
                ("verticalUnitsPerDot", int(verticalUnitsPerDot)),
                (
                    "fonts",
                    .array(
                        fonts.map {
                            .object(
                                JSONObject([
                                    ("name", .string($0.name)), ("columns", int($0.columns)),
                                    ("cellWidth", int($0.cellWidth)), ("cellHeight", int($0.cellHeight)),
                                ]))
                        })
                ),
                (
                    "codeTables",
                    .array(
                        codeTables.map {
                            .object(JSONObject([("number", int($0.number)), ("encoding", .string($0.encoding))]))
                        })
                ),
                (
                    "capabilities",
                    .object(
                        JSONObject([
                            ("textMode", .bool(c.textMode)), ("nativeQR", .bool(c.nativeQR)),
                            ("rasterCommands", .array(c.rasterCommands.map { .string($0.rawValue) })),
                            ("maxRasterBandHeight", int(c.maxRasterBandHeight)), ("cutter", .bool(c.cutter)),
                            ("feedLinesBeforeCut", int(c.feedLinesBeforeCut)), ("drawer", .bool(c.drawer)),
                        ]))
                ),
                (
                    "communication",
                    .object(
                        JSONObject([
                            ("realTimeStatus", .bool(communication.realTimeStatus)),
                            ("processIDResponse", .bool(communication.processIDResponse)),
                            ("serialBaud", int(communication.serialBaud)),
                            ("serialFlowControl", .string(communication.serialFlowControl)),
                        ]))
                ),
            ]))
    }

    /// The profile in `json` (complete, no `extends`); `source` names it in errors.
    public init(json: JSONValue, source: String) throws(ProfileError) {
        let r = ProfileReader(source: source)
        let o = try r.object(JSONElement(json))
        try r.onlyKeys(
            o,
            [
                "name", "description", "paperWidthMM", "printableDots", "dpi", "verticalUnitsPerDot", "fonts",
                "codeTables", "capabilities", "communication", "extends", "language", "source",
            ])
        var language = PrinterLanguage.escpos
        if o.member("language") != nil {
            let s = try r.string(o, "language")
            guard let named = PrinterLanguage(rawValue: s) else {
                throw r.invalid(
                    o.path(of: "language"),
                    "expected one of \"escpos\", \"starline\", \"starprnt\", \"stargraphic\", found \"\(s)\"")
            }
            language = named
        }
        let source = o.member("source") == nil ? "" : try r.string(o, "source")
        let unitsPerDot = o.member("verticalUnitsPerDot") == nil ? 1 : try r.int(o, "verticalUnitsPerDot", 1...8)
        let fonts = try r.array(o, "fonts").map { (v) throws(ProfileError) -> PrinterFont in
            let f = try r.object(v)
            try r.onlyKeys(f, ["name", "columns", "cellWidth", "cellHeight"])
            return PrinterFont(
                name: try r.string(f, "name"), columns: try r.int(f, "columns", 1...255),
                cellWidth: try r.int(f, "cellWidth", 1...64), cellHeight: try r.int(f, "cellHeight", 1...128))
        }
        guard !fonts.isEmpty else { throw r.invalid("fonts", "needs at least Font A") }
        let tables = try r.array(o, "codeTables").map { (v) throws(ProfileError) -> CodeTableEntry in
            let t = try r.object(v)
            try r.onlyKeys(t, ["number", "encoding"])
            return CodeTableEntry(number: try r.int(t, "number", 0...255), encoding: try r.string(t, "encoding"))
        }
        let caps = try r.object(try r.member(o, "capabilities"))
        try r.onlyKeys(
            caps,
            [
                "textMode", "nativeQR", "rasterCommands", "maxRasterBandHeight", "cutter",
                "feedLinesBeforeCut", "drawer",
            ])
        let raster = try r.array(caps, "rasterCommands").map { (v) throws(ProfileError) -> RasterCommand in
            guard let s = try? v.string(), let command = RasterCommand.named(s) else {
                let names = RasterCommand.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw r.invalid(v.path, "expected one of \(names), found \(v.excerpt)")
            }
            return command
        }
        let communication = try Self.communication(o, r)
        self.init(
            name: try r.string(o, "name"), description: try r.string(o, "description"),
            paperWidthMM: try r.int(o, "paperWidthMM", 1...400), printableDots: try r.int(o, "printableDots", 8...4096),
            dpi: try r.int(o, "dpi", 50...1200), verticalUnitsPerDot: unitsPerDot, fonts: fonts, codeTables: tables,
            capabilities: PrinterCapabilities(
                textMode: try r.bool(caps, "textMode"), nativeQR: try r.bool(caps, "nativeQR"),
                rasterCommands: raster, maxRasterBandHeight: try r.int(caps, "maxRasterBandHeight", 1...2400),
                cutter: try r.bool(caps, "cutter"), feedLinesBeforeCut: try r.int(caps, "feedLinesBeforeCut", 0...255),
                drawer: try r.bool(caps, "drawer")),
            language: language, source: source)
        self.communication = communication
    }

    /// The optional `communication` object; members left out keep their defaults.
    private static func communication(_ o: JSONObjectReader, _ r: ProfileReader) throws(ProfileError)
        -> PrinterCommunication
    {
        var c = PrinterCommunication()
        guard let value = o.member("communication") else { return c }
        let m = try r.object(value)
        try r.onlyKeys(m, ["realTimeStatus", "processIDResponse", "serialBaud", "serialFlowControl"])
        if m.member("realTimeStatus") != nil { c.realTimeStatus = try r.bool(m, "realTimeStatus") }
        if m.member("processIDResponse") != nil { c.processIDResponse = try r.bool(m, "processIDResponse") }
        if m.member("serialBaud") != nil { c.serialBaud = try r.int(m, "serialBaud", 300...4_000_000) }
        if m.member("serialFlowControl") != nil {
            let flow = try r.string(m, "serialFlowControl")
            guard PrinterCommunication.flowControls.contains(flow) else {
                throw r.invalid(m.path(of: "serialFlowControl"), "expected none, rtscts or xonxoff, found \"\(flow)\"")
            }
            c.serialFlowControl = flow
        }
        return c
    }

    /// `override` laid over `base`: objects merge member by member, anything else replaces.
    public static func merged(_ base: JSONValue, _ override: JSONValue) -> JSONValue {
        guard case .object(let b) = base, case .object(let o) = override else { return override }
        var members = b.members
        for (key, value) in o.members {
            if let i = members.lastIndex(where: { $0.key == key }) {
                members[i].value = merged(members[i].value, value)
            } else {
                members.append((key, value))
            }
        }
        return .object(JSONObject(members))
    }
}

extension RasterCommand {
    /// The command for `"GS v 0"` or `"gsV0"` (and the other two likewise).
    static func named(_ s: String) -> RasterCommand? {
        allCases.first { $0.rawValue == s || "\($0)" == s }
    }
}

/// Reads the fields of a profile's JSON through BillJSON's reader, with errors that name the
/// field's path. Profiles are strict: a member written as `null` is of the wrong type.
private struct ProfileReader {
    let source: String

    func invalid(_ path: String, _ message: String) -> ProfileError {
        .invalidField(source: source, path: path, message: message)
    }

    func invalid(_ error: JSONReadError) -> ProfileError { invalid(error.path, error.message) }

    func object(_ v: JSONElement) throws(ProfileError) -> JSONObjectReader {
        do {
            return try v.object()
        } catch {
            throw invalid(error)
        }
    }

    func onlyKeys(_ o: JSONObjectReader, _ known: [String]) throws(ProfileError) {
        if let unknown = o.keys.first(where: { !known.contains($0) }) {
            throw invalid(o.path(of: unknown), "unknown field; known: \(known.joined(separator: ", "))")
        }
    }

    func member(_ o: JSONObjectReader, _ key: String) throws(ProfileError) -> JSONElement {
        guard let v = o.member(key) else { throw invalid(o.path(of: key), "missing") }
        return v
    }

    func string(_ o: JSONObjectReader, _ key: String) throws(ProfileError) -> String {
        let v = try member(o, key)
        do {
            return try v.string()
        } catch {
            throw invalid(error)
        }
    }

    func bool(_ o: JSONObjectReader, _ key: String) throws(ProfileError) -> Bool {
        let v = try member(o, key)
        do {
            return try v.bool()
        } catch {
            throw invalid(error)
        }
    }

    func int(_ o: JSONObjectReader, _ key: String, _ range: ClosedRange<Int>) throws(ProfileError) -> Int {
        let v = try member(o, key)
        guard let i = try? v.integer(), i >= Int64(range.lowerBound), i <= Int64(range.upperBound) else {
            throw invalid(
                v.path, "expected an integer in \(range.lowerBound)...\(range.upperBound), found \(v.excerpt)")
        }
        return Int(i)
    }

    func array(_ o: JSONObjectReader, _ key: String) throws(ProfileError) -> JSONArrayReader {
        let v = try member(o, key)
        do {
            return try v.array()
        } catch {
            throw invalid(error)
        }
    }
}
