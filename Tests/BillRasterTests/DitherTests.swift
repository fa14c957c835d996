import BillLayout
import Testing

@testable import BillRaster

@Suite("Dithering")
struct DitherTests {
    /// A horizontal gradient from black to white with a transparent band at the bottom.
    static let gradient = """
        <svg xmlns="http://www.w3.org/2000/svg" width="128" height="64">
        <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>
        <rect width="128" height="48" fill="url(#g)"/>
        </svg>
        """

    func render(_ method: DitherMethod) throws -> Bitmap {
        try SVGRasterizer(dither: method).bitmap(Self.gradient, maxWidth: 128, maxHeight: 64)
    }

    @Test func methodsGiveDifferentDots() throws {
        let threshold = try render(.threshold)
        let floyd = try render(.floydSteinberg)
        let atkinson = try render(.atkinson)
        #expect(threshold != floyd && floyd != atkinson && threshold != atkinson)
    }

    @Test(arguments: DitherMethod.allCases)
    func isDeterministic(method: DitherMethod) throws {
        #expect(try render(method) == render(method))
    }

    @Test(arguments: DitherMethod.allCases)
    func transparentIsWhite(method: DitherMethod) throws {
        let bitmap = try render(method)
        for y in 48..<64 {
            for x in 0..<128 { #expect(!bitmap[x, y]) }
        }
    }

    @Test func thresholdSplitsTheGradientInTheMiddle() throws {
        let bitmap = try render(.threshold)
        #expect(bitmap[10, 10] && !bitmap[118, 10])
        let black = (0..<128).filter { bitmap[$0, 20] }.count
        #expect((60...68).contains(black))
    }

    @Test(arguments: [DitherMethod.floydSteinberg, .atkinson])
    func diffusionKeepsTheGrayLevel(method: DitherMethod) throws {
        let bitmap = try render(method)
        // A black-to-white ramp is half ink on average; Atkinson drops a quarter of the error,
        // so it may run lighter or darker at the ends, not in the mean by much.
        let inked = Double(bitmap.rows(0..<48).blackCount) / Double(128 * 48)
        #expect(abs(inked - 0.5) < 0.06)
        // The middle of the ramp is mixed, not solid.
        let middle = (56..<72).filter { bitmap[$0, 24] }.count
        #expect(middle > 2 && middle < 14)
    }

    @Test(arguments: DitherMethod.allCases)
    func stripByStripEqualsInOnePiece(method: DitherMethod) throws {
        // A picture drawn in 7-row strips dithers to the same dots as drawn in one piece: the
        // ditherer carries its error across strip boundaries.
        let document = try SVGDocument(svg: Self.gradient)
        func dots(stripRows: Int) throws -> [[UInt8]] {
            var ditherer = Ditherer(method: method, width: 128)
            var rows: [[UInt8]] = []
            try document.render(
                PictureSize(width: 128, height: 64, exactWidth: 128, exactHeight: 64), stripRows: stripRows
            ) { luma, count in
                for y in 0..<count { rows.append(ditherer.dither(luma[(y * 128)..<((y + 1) * 128)])) }
            }
            return rows
        }
        let whole = try dots(stripRows: 64)
        #expect(whole.count == 64)
        #expect(try dots(stripRows: 7) == whole)
    }

    @Test func solidLogoStaysSolidWithTheDefault() throws {
        let svg =
            ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="2" y="2" width="6" height="6" fill="#180F06"/></svg>"##
        let bitmap = try SVGRasterizer().bitmap(svg, maxWidth: 100, maxHeight: 100)
        // The inside of a near-black fill prints solid, the outside stays paper.
        for y in 25..<75 { for x in 25..<75 { #expect(bitmap[x, y]) } }
        for y in 0..<15 { for x in 0..<100 { #expect(!bitmap[x, y]) } }
    }
}
