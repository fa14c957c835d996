import BillModel
import BillProfiles
import BillRender

/// Runs one input through everything a bill can reach: decode, check, lay out at 58 and 80 mm and
/// at an odd column count, and every back end. The fuzz target and the regression tests call it;
/// it must return for any input, without trapping.
public enum RobustnessHarness {
    /// Renders `bytes` every way; returns how many outputs were made (0 for a refused bill).
    @discardableResult
    public static func renderEverything(_ bytes: [UInt8]) -> Int {
        var decoding = DecodingOptions()
        decoding.maxInputBytes = 1 << 20
        let decoded = BillDecoder.decode(bytes: bytes, options: decoding)
        guard let bill = decoded.bill else { return 0 }
        var made = 0
        for (profile, columns) in [(PrinterProfile.generic80mm, nil), (.generic58mm, nil), (.generic80mm, 37)]
            as [(PrinterProfile, Int?)]
        {
            var options = RenderOptions(profile: profile, decoding: decoding)
            options.layout.columns = columns
            let laid = BillRenderer.layout(bill, options: options)
            for format in OutputFormat.allCases {
                if let out = try? BillRenderer.render(laid.layout, format: format, options: options) {
                    made += out.bytes.isEmpty ? 0 : 1
                }
            }
        }
        return made
    }
}
