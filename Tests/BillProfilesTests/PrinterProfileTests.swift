import BillJSON
import BillProfiles
import Testing

/// Built-in profiles, profile files with `extends`, and their errors. Files are kept in memory:
/// BillProfiles reads bytes through the reader it is given.
struct PrinterProfileTests {
    /// Profile files by path.
    final class Files {
        var files: [String: String] = [:]
        func write(_ path: String, _ text: String) -> String {
            files[path] = text
            return path
        }
        func read(_ path: String) throws(ProfileError) -> [UInt8]? { files[path].map { Array($0.utf8) } }
        func resolve(_ nameOrPath: String) throws(ProfileError) -> PrinterProfile {
            try PrinterProfile.resolve(nameOrPath, files: read)
        }
    }

    @Test func fourBuiltInsWithTheRequiredGeometry() {
        #expect(
            PrinterProfile.builtIn.map(\.name).prefix(4) == [
                "generic-80mm", "generic-58mm", "epson-tm-t88", "raster-80mm",
            ])
        let g80 = PrinterProfile.generic80mm
        let g58 = PrinterProfile.generic58mm
        #expect((g80.printableDots, g80.fonts.map(\.columns), g80.capabilities.nativeQR) == (576, [48, 64], true))
        #expect(g80.capabilities.rasterCommands.first == .gsV0)
        #expect((g58.printableDots, g58.fonts.map(\.columns)) == (384, [32, 42]))
        let epson = PrinterProfile.epsonTMT88
        #expect(epson.codeTables.map(\.number).sorted() == [0, 2, 16, 17, 18, 19, 40])
        #expect(PrinterProfile.raster80mm.capabilities.textMode == false)
        #expect(PrinterProfile.raster80mm.capabilities.nativeQR == false)
    }

    /// The real models: each names its language and its source, at least 15 of them, and their
    /// geometry is the specification's (Font A's columns fill the printable dots).
    @Test func realModelsNameTheirLanguageAndSource() {
        let models = PrinterProfile.builtInModels
        #expect(models.count >= 16)
        #expect(Set(models.map(\.name)).count == models.count)
        for model in models {
            #expect(!model.source.isEmpty, "\(model.name)")
            #expect(model.fonts[0].columns == model.printableDots / model.fonts[0].cellWidth, "\(model.name)")
            #expect(model.printableDots == (model.paperWidthMM == 58 ? 384 : model.dpi == 180 ? 512 : 576))
        }
        #expect(PrinterProfile.starTSP100III.language == .stargraphic)
        #expect(PrinterProfile.starTSP654II.language == .starline)
        #expect(PrinterProfile.starTSP143IV.languages == [.starprnt, .stargraphic])
        #expect(PrinterProfile.epsonTMT20III.languages == [.escpos])
        // Star numbers its code pages its own way: PC858 is 4, Windows-1252 is 32.
        #expect(PrinterProfile.starMCPrint3.codeTables.first { $0.encoding == "cp858" }?.number == 4)
    }

    /// ESC/POS's vertical motion unit: half a dot (`GS P` default y = 360) on the 180-dpi Epson
    /// heads and the Bixolon SRP-350plusV, one dot on the 203-dpi models and Star's; each 180-dpi
    /// source says where it comes from.
    @Test func verticalMotionUnitsPerDot() {
        for profile in PrinterProfile.builtIn {
            let expected = profile.language == .escpos && profile.dpi == 180 ? 2 : 1
            #expect(profile.verticalUnitsPerDot == expected, "\(profile.name)")
            if expected == 2 { #expect(profile.source.contains("y = 360"), "\(profile.name)") }
        }
    }

    /// A file sets `verticalUnitsPerDot` or inherits it through `extends`; left out of a complete
    /// profile it is 1; out of range it is an error with its path.
    @Test func verticalUnitsPerDotIsReadFromAFile() throws {
        let dir = Files()
        let inherited = dir.write("/p/t88.json", #"{"extends": "epson-tm-t88vi", "name": "bar"}"#)
        #expect(try dir.resolve(inherited).verticalUnitsPerDot == 2)
        let own = dir.write("/p/own.json", #"{"extends": "generic-80mm", "verticalUnitsPerDot": 2}"#)
        #expect(try dir.resolve(own).verticalUnitsPerDot == 2)
        var complete = PrinterProfile.generic80mm.json
        if case .object(var o) = complete {
            o.members.removeAll { $0.key == "verticalUnitsPerDot" }
            complete = .object(o)
        }
        let text = JSONWriter.write(complete, pretty: false)
        #expect(try PrinterProfile.load(json: Array(text.utf8), source: "t").verticalUnitsPerDot == 1)
        let bad = dir.write("/p/bad.json", #"{"extends": "generic-80mm", "verticalUnitsPerDot": 0}"#)
        #expect {
            try dir.resolve(bad)
        } throws: { error in
            guard case ProfileError.invalidField(_, let path, _) = error else { return false }
            return path == "verticalUnitsPerDot"
        }
    }

    @Test func languageIsReadFromAFile() throws {
        let dir = Files()
        let path = dir.write("/p/star.json", #"{"extends": "generic-80mm", "language": "starprnt"}"#)
        #expect(try dir.resolve(path).language == .starprnt)
        let bad = dir.write("/p/bad.json", #"{"extends": "generic-80mm", "language": "zpl"}"#)
        #expect(throws: ProfileError.self) { try dir.resolve(bad) }
    }

    @Test(arguments: PrinterProfile.builtIn)
    func jsonRoundTrips(_ profile: PrinterProfile) throws {
        let text = JSONWriter.write(profile.json, pretty: true)
        let back = try PrinterProfile.load(json: Array(text.utf8), source: "test")
        #expect(back == profile)
    }

    @Test func resolveFindsBuiltInsByName() throws {
        #expect(try Files().resolve("generic-58mm") == .generic58mm)
        #expect(throws: ProfileError.unknownProfile("nope", known: PrinterProfile.builtIn.map(\.name))) {
            try Files().resolve("nope")
        }
    }

    @Test func fileExtendingGeneric80mmOverridesMemberByMember() throws {
        let dir = Files()
        let path = dir.write(
            "/profiles/shop.json",
            """
            {"extends": "generic-80mm", "name": "shop", "description": "the bar printer",
             "capabilities": {"nativeQR": false, "feedLinesBeforeCut": 3},
             "codeTables": [{"number": 16, "encoding": "cp1252"}]}
            """)
        let profile = try dir.resolve(path)
        var expected = PrinterProfile.generic80mm
        expected.name = "shop"
        expected.description = "the bar printer"
        expected.capabilities.nativeQR = false
        expected.capabilities.feedLinesBeforeCut = 3
        expected.codeTables = [CodeTableEntry(number: 16, encoding: "cp1252")]
        #expect(profile == expected)
    }

    @Test func fileCanExtendAnotherFileNextToIt() throws {
        let dir = Files()
        _ = dir.write(
            "/profiles/base.json", #"{"extends": "generic-58mm", "name": "base", "capabilities": {"cutter": false}}"#)
        let path = dir.write("/profiles/child.json", #"{"extends": "base.json", "name": "child"}"#)
        let profile = try dir.resolve(path)
        #expect(profile.name == "child")
        #expect(profile.printableDots == 384)
        #expect(profile.capabilities.cutter == false)
    }

    @Test func extendsLoopsAreRefused() throws {
        let dir = Files()
        let path = dir.write("/profiles/loop.json", #"{"extends": "loop.json"}"#)
        #expect(throws: ProfileError.extendsTooDeep(source: path)) { try dir.resolve(path) }
    }

    @Test(arguments: [
        (#"{"extends": "generic-80mm", "capabilities": {"nativeQR": "yes"}}"#, "capabilities.nativeQR"),
        (#"{"extends": "generic-80mm", "printableDots": 0}"#, "printableDots"),
        (
            #"{"extends": "generic-80mm", "fonts": [{"name": "A", "columns": 48, "cellWidth": 12}]}"#,
            "fonts[0].cellHeight"
        ),
        (#"{"extends": "generic-80mm", "capabilities": {"nativeQr": true}}"#, "capabilities.nativeQr"),
        (
            #"{"extends": "generic-80mm", "capabilities": {"rasterCommands": ["GS v 1"]}}"#,
            "capabilities.rasterCommands[0]"
        ),
        (#"{"extends": "generic-81mm"}"#, "extends"),
        (#"{"name": "incomplete"}"#, "fonts"),
    ])
    func badFieldsNameTheirPath(_ json: String, _ path: String) {
        do {
            _ = try PrinterProfile.load(json: Array(json.utf8), source: "p.json")
            Issue.record("accepted \(json)")
        } catch {
            guard case .invalidField(let source, let p, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(source == "p.json")
            #expect(p == path)
        }
    }

    @Test func notJSONIsAClearError() throws {
        let dir = Files()
        let path = dir.write("/profiles/bad.json", "{nope")
        do {
            _ = try dir.resolve(path)
            Issue.record("accepted")
        } catch {
            guard case .malformedJSON(let source, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(source == path)
            #expect(error.description.hasPrefix(path + ": not JSON"))
        }
    }
}
