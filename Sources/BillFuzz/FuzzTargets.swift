import BillLayout
import BillProfiles
import BillRaster
import BillRender

#if canImport(Glibc)
    import Glibc
#endif

/// Which fuzz target this process runs, from `BILLFUZZ_TARGET`.
enum FuzzTarget {
    case bill, svg, text

    static let current: FuzzTarget = {
        guard let value = getenv("BILLFUZZ_TARGET") else { return .bill }
        switch String(cString: value) {
        case "svg": return .svg
        case "text": return .text
        default: return .bill
        }
    }()
}

/// The SVG target: the input is a logo. It is sanitised; whatever the sanitiser lets through must
/// be a fixed point (sanitising it again changes nothing) and is then drawn as a bill draws it, in
/// the helper process under the default budgets. A trap or a hang here is a finding.
enum SVGFuzz {
    static func run(_ bytes: [UInt8]) {
        let svg = String(decoding: bytes, as: UTF8.self)
        let limits = SVGLimits()
        guard let sanitized = try? SVGSanitizer.sanitize(svg, limits: limits) else { return }
        guard let again = try? SVGSanitizer.sanitize(sanitized.text, limits: limits),
            again.text == sanitized.text
        else {
            fatalError("the sanitiser's output is not a fixed point:\n\(sanitized.text)")
        }
        var timeLeft = Duration.milliseconds(limits.timeBudgetMilliseconds)
        _ = try? PictureDrawing.draw(svg, box: (96, 48), growToFit: true, limits: limits, timeLeft: &timeLeft)
    }
}

/// The text target: the input, as UTF-8, is every text field of one bill (a Header1 line, an
/// item's name, a modifier and a note), rendered on 58 mm and on the Epson profile as ESC/POS
/// (code-table planning, raster fallback, the listing) and as text.
enum TextFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let value = jsonString(text)
        let json =
            #"{"header":{"lines":[{"lineType":"Text","text":{"value":\#(value),"size":"Header1","align":"Center"}}]},"#
            + #""order":{"items":[{"name":\#(value),"plu":"1","quantity":2,"amountPerItem":{"value":150,"currencyCode":"GBP"},"#
            + #""notes":\#(value),"modifiers":[{"name":\#(value),"quantity":1,"amountPerModifier":{"value":0,"currencyCode":"GBP"}}]}],"#
            + #""totalAmount":{"value":300,"currencyCode":"GBP"}},"footer":{"lines":[]}}"#
        for profile in [PrinterProfile.generic58mm, .epsonTMT88] {
            for format in [OutputFormat.escpos, .escposListing, .text] {
                _ = try? BillRenderer.render(
                    json: Array(json.utf8), format: format, options: RenderOptions(profile: profile))
            }
        }
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
