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
                ("paperWidthMM", int(paperWidthMM)), ("printableDots", int(printableDots)), ("dpi", int(dpi)),
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
        let o = try r.object(json, "")
        try r.onlyKeys(
            o, "",
            [
                "name", "description", "paperWidthMM", "printableDots", "dpi", "fonts",
                "codeTables", "capabilities", "communication", "extends",
            ])
        let fonts = try r.array(o, "fonts", "").enumerated().map { (i, v) throws(ProfileError) -> PrinterFont in
            let p = "fonts[\(i)]"
            let f = try r.object(v, p)
            try r.onlyKeys(f, p, ["name", "columns", "cellWidth", "cellHeight"])
            return PrinterFont(
                name: try r.string(f, "name", p), columns: try r.int(f, "columns", p, 1...255),
                cellWidth: try r.int(f, "cellWidth", p, 1...64),
                cellHeight: try r.int(f, "cellHeight", p, 1...128))
        }
        guard !fonts.isEmpty else { throw r.invalid("fonts", "needs at least Font A") }
        let tables = try r.array(o, "codeTables", "").enumerated().map {
            (i, v) throws(ProfileError) -> CodeTableEntry in
            let p = "codeTables[\(i)]"
            let t = try r.object(v, p)
            try r.onlyKeys(t, p, ["number", "encoding"])
            return CodeTableEntry(number: try r.int(t, "number", p, 0...255), encoding: try r.string(t, "encoding", p))
        }
        let cp = "capabilities"
        guard let capsValue = o["capabilities"] else { throw r.invalid(cp, "missing") }
        let caps = try r.object(capsValue, cp)
        try r.onlyKeys(
            caps, cp,
            [
                "textMode", "nativeQR", "rasterCommands", "maxRasterBandHeight", "cutter",
                "feedLinesBeforeCut", "drawer",
            ])
        let raster = try r.array(caps, "rasterCommands", cp).enumerated().map {
            (i, v) throws(ProfileError) -> RasterCommand in
            let p = "\(cp).rasterCommands[\(i)]"
            guard case .string(let s) = v, let command = RasterCommand.named(s) else {
                throw r.invalid(p, "expected one of \"GS v 0\", \"GS ( L\", \"ESC *\", found \(v.excerpt)")
            }
            return command
        }
        let communication = try Self.communication(o, r)
        self.init(
            name: try r.string(o, "name", ""), description: try r.string(o, "description", ""),
            paperWidthMM: try r.int(o, "paperWidthMM", "", 1...400),
            printableDots: try r.int(o, "printableDots", "", 8...4096),
            dpi: try r.int(o, "dpi", "", 50...1200), fonts: fonts, codeTables: tables,
            capabilities: PrinterCapabilities(
                textMode: try r.bool(caps, "textMode", cp), nativeQR: try r.bool(caps, "nativeQR", cp),
                rasterCommands: raster, maxRasterBandHeight: try r.int(caps, "maxRasterBandHeight", cp, 1...2400),
                cutter: try r.bool(caps, "cutter", cp),
                feedLinesBeforeCut: try r.int(caps, "feedLinesBeforeCut", cp, 0...255),
                drawer: try r.bool(caps, "drawer", cp)))
        self.communication = communication
    }

    /// The optional `communication` object; members left out keep their defaults.
    private static func communication(_ o: JSONObject, _ r: ProfileReader) throws(ProfileError) -> PrinterCommunication
    {
        var c = PrinterCommunication()
        let p = "communication"
        guard let value = o[p] else { return c }
        let m = try r.object(value, p)
        try r.onlyKeys(m, p, ["realTimeStatus", "processIDResponse", "serialBaud", "serialFlowControl"])
        if m["realTimeStatus"] != nil { c.realTimeStatus = try r.bool(m, "realTimeStatus", p) }
        if m["processIDResponse"] != nil { c.processIDResponse = try r.bool(m, "processIDResponse", p) }
        if m["serialBaud"] != nil { c.serialBaud = try r.int(m, "serialBaud", p, 300...4_000_000) }
        if m["serialFlowControl"] != nil {
            let flow = try r.string(m, "serialFlowControl", p)
            guard PrinterCommunication.flowControls.contains(flow) else {
                throw r.invalid("\(p).serialFlowControl", "expected none, rtscts or xonxoff, found \"\(flow)\"")
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

/// Reads the fields of a profile's JSON with errors that name the field's path.
private struct ProfileReader {
    let source: String

    func invalid(_ path: String, _ message: String) -> ProfileError {
        .invalidField(source: source, path: path, message: message)
    }

    private func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    func object(_ v: JSONValue, _ path: String) throws(ProfileError) -> JSONObject {
        guard case .object(let o) = v else { throw invalid(path, "expected an object, found \(v.excerpt)") }
        return o
    }

    func onlyKeys(_ o: JSONObject, _ path: String, _ known: [String]) throws(ProfileError) {
        if let unknown = o.keys.first(where: { !known.contains($0) }) {
            throw invalid(join(path, unknown), "unknown field; known: \(known.joined(separator: ", "))")
        }
    }

    private func member(_ o: JSONObject, _ key: String, _ parent: String) throws(ProfileError) -> JSONValue {
        guard let v = o[key] else { throw invalid(join(parent, key), "missing") }
        return v
    }

    func string(_ o: JSONObject, _ key: String, _ parent: String) throws(ProfileError) -> String {
        let v = try member(o, key, parent)
        guard case .string(let s) = v else { throw invalid(join(parent, key), "expected a string, found \(v.excerpt)") }
        return s
    }

    func bool(_ o: JSONObject, _ key: String, _ parent: String) throws(ProfileError) -> Bool {
        let v = try member(o, key, parent)
        guard case .bool(let b) = v else {
            throw invalid(join(parent, key), "expected true or false, found \(v.excerpt)")
        }
        return b
    }

    func int(_ o: JSONObject, _ key: String, _ parent: String, _ range: ClosedRange<Int>) throws(ProfileError) -> Int {
        let v = try member(o, key, parent)
        guard case .number(let n) = v, let i = n.int64, i >= Int64(range.lowerBound), i <= Int64(range.upperBound)
        else {
            throw invalid(
                join(parent, key),
                "expected an integer in \(range.lowerBound)...\(range.upperBound), found \(v.excerpt)")
        }
        return Int(i)
    }

    func array(_ o: JSONObject, _ key: String, _ parent: String) throws(ProfileError) -> [JSONValue] {
        let v = try member(o, key, parent)
        guard case .array(let a) = v else { throw invalid(join(parent, key), "expected an array, found \(v.excerpt)") }
        return a
    }
}
