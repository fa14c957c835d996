import ArgumentParser
import BillJSON
import BillLayout
import BillModel
import BillProfiles

/// `billrender profiles`: the built-in printer profiles, or one profile as JSON.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the built-in printer profiles, or print one (or a profile file, resolved) as JSON.")

    @Option(name: .long, help: "Print this profile (a built-in name or a file) as JSON, with extends resolved.")
    var json: String?

    func run() throws {
        if let json {
            let profile: PrinterProfile
            do {
                profile = try ProfileFiles.resolve(json)
            } catch {
                CLIIO.warn(error.description)
                throw ExitCode(CLIFailure.Code.usage.rawValue)
            }
            print(JSONWriter.write(profile.json, pretty: true))
            return
        }
        func padded(_ s: String, _ width: Int) -> String {
            s + String(repeating: " ", count: max(0, width - s.count) + 2)
        }
        let width = PrinterProfile.builtIn.map(\.name.count).max() ?? 0
        let languageWidth = PrinterLanguage.allCases.map(\.rawValue.count).max() ?? 0
        // FEED UNIT: the ESC/POS vertical motion unit `ESC 3` and `ESC J` count in (1/360 in: half a
        // dot on a 180-dpi head); Star's feeds count in their own fixed units.
        func feedUnit(_ profile: PrinterProfile) -> String {
            profile.language == .escpos ? "1/\(profile.dpi * profile.verticalUnitsPerDot) in" : "-"
        }
        print(
            padded("NAME", width) + padded("LANGUAGE", languageWidth) + padded("PAPER", 5) + padded("FEED UNIT", 10)
                + "DESCRIPTION")
        for profile in PrinterProfile.builtIn {
            print(
                padded(profile.name, width) + padded(profile.language.rawValue, languageWidth)
                    + padded("\(profile.paperWidthMM) mm", 5) + padded(feedUnit(profile), 10) + profile.description)
        }
    }
}
