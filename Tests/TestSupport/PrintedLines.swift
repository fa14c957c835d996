import BillESCPOS
import BillModel
import BillProfiles

/// The lines a printer stream prints, against the text output: one check for every language.
public enum PrintedLines {
    /// How the printed lines differ from the text output's (empty when they agree), ignoring
    /// alignment padding, the lines that stand for pictures and QR codes, and the lines with a
    /// character no code table of `profile` holds (they print as raster); a line may differ only
    /// where a character was unprintable.
    public static func differences(
        decoded: [String], text: String, diagnostics: [Diagnostic], profile: PrinterProfile, _ label: String
    ) -> [String] {
        let tables = profile.codeTables.compactMap { CodeTable.named($0.encoding) }
        func printableAsText(_ line: String) -> Bool {
            line.unicodeScalars.allSatisfy { s in s.isASCII || tables.contains { $0.holds(s) } }
        }
        func strip(_ s: Substring) -> String {
            String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }
        let printed = ESCPOSDecoder.trimmed(decoded.filter { !$0.hasPrefix("[QR ") }).map { strip(Substring($0)) }
        let shown = ESCPOSDecoder.trimmed(
            text.split(separator: "\n", omittingEmptySubsequences: false).map(strip)
                .filter { $0 != "[logo]" && $0 != "[image]" && $0 != "[QR code]" && printableAsText($0) })
        var problems: [String] = []
        if printed.count != shown.count {
            problems.append("\(label): \(printed.count) printed lines, \(shown.count) in the text output")
        }
        let unprintable = diagnostics.contains { $0.code == .unprintableCharacter }
        for (p, s) in zip(printed, shown) where p != s && !unprintable {
            problems.append("\(label): printed \"\(p)\", text output \"\(s)\"")
        }
        return problems
    }
}
