import BillLayout
import BillModel

/// A ``PictureRenderer`` without Cairo, for testing command encoders on their own: every block
/// comes out as a black box the full printable width wide (a picture 32 rows, a QR code as many
/// rows as its module size times 21, a text line one cell high), and a whole bill as one band
/// per block. It records what it was asked to draw.
public final class StubPictureRenderer: PictureRenderer, @unchecked Sendable {
    /// The blocks drawn one by one, in order.
    public private(set) var drawn: [LayoutBlock] = []
    /// Whether sessions say a font has every character.
    public let drawsEverything: Bool

    public init(drawsEverything: Bool = true) {
        self.drawsEverything = drawsEverything
    }

    public func session(grid: LayoutGrid, stripRows: Int) throws -> any PictureSession {
        Session(owner: self, grid: grid)
    }

    public func renderBands(_ layout: Layout, bandHeight: Int, body: (Bitmap) throws -> Void) throws -> [Diagnostic] {
        for block in layout.blocks {
            let box = Self.box(block, grid: layout.grid)
            if box.height > 0 { try body(box) }
        }
        return []
    }

    /// The box `block` comes out as.
    public static func box(_ block: LayoutBlock, grid: LayoutGrid) -> Bitmap {
        let rows =
            switch block {
            case .image: 32
            case .qrCode(let qr): max(1, qr.moduleSize) * 21
            case .text: grid.cellHeight
            case .rule, .feed, .cut: 0
            }
        var bitmap = Bitmap(width: grid.dotsWidth, height: rows)
        for y in 0..<rows {
            for x in 0..<grid.dotsWidth { bitmap[x, y] = true }
        }
        return bitmap
    }

    final class Session: PictureSession {
        let owner: StubPictureRenderer
        let grid: LayoutGrid

        init(owner: StubPictureRenderer, grid: LayoutGrid) {
            self.owner = owner
            self.grid = grid
        }

        func bitmap(_ block: LayoutBlock) throws -> RasterBitmap {
            owner.drawn.append(block)
            return RasterBitmap(bitmap: StubPictureRenderer.box(block, grid: grid))
        }

        func canDraw(_ character: Character) -> Bool { owner.drawsEverything }
    }
}
