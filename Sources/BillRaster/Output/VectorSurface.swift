import CCairo
import Synchronization

/// A Cairo PDF or SVG surface writing into memory, and a drawing context on it, owned together.
final class VectorSurface {
    enum Kind {
        case pdf
        case svg
    }

    let surface: OpaquePointer
    let context: OpaquePointer
    let kind: Kind
    private let sink: ByteSink

    /// Collects what Cairo writes.
    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    /// A surface whose first page is `width × height` points.
    init(_ kind: Kind, width: Double, height: Double) throws(RasterError) {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let created =
            switch kind {
            case .pdf: cairo_pdf_surface_create_for_stream(write, closure, width, height)
            case .svg: cairo_svg_surface_create_for_stream(write, closure, width, height)
            }
        guard let surface = created else { throw .cairo("no \(kind) surface") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .cairo(CairoImageSurface.message(status))
        }
        self.surface = surface
        self.context = context
        self.kind = kind
        self.sink = sink
        if kind == .svg {
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        }
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Sets a PDF's document information (Cairo leaves out what is nil).
    func setMetadata(title: String?, creationDate: String?) {
        guard kind == .pdf else { return }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "billrender")
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let creationDate { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate) }
    }

    /// Sizes the next page (PDF only; call before drawing on it).
    func setPageSize(width: Double, height: Double) {
        if kind == .pdf { cairo_pdf_surface_set_size(surface, width, height) }
    }

    /// Ends the current page. Cairo writes a page's fonts here (PDF and SVG subset every font the
    /// page used, walking each FreeType face's character map), and two threads doing that at once
    /// crashed inside FreeType under AddressSanitizer (`FT_Get_Next_Char` from cairo 1.16's
    /// `cairo_show_page` of an SVG surface, in about one run of four of the concurrency and vector
    /// tests): page and document ends are taken one at a time across the process. Drawing itself
    /// stays concurrent.
    func showPage() {
        Self.fontEmission.withLock { _ in cairo_show_page(context) }
    }

    /// Serialises the steps where Cairo writes fonts out (see ``showPage()``).
    private static let fontEmission = Mutex(())

    /// Throws when the context or surface is in an error state.
    func checkStatus() throws(RasterError) {
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(CairoImageSurface.message(status)) }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else { throw .cairo(CairoImageSurface.message(surfaceStatus)) }
    }

    /// Ends the document and returns its bytes.
    func finish() throws(RasterError) -> [UInt8] {
        try checkStatus()
        Self.fontEmission.withLock { _ in cairo_surface_finish(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(CairoImageSurface.message(status)) }
        return kind == .svg ? Self.renumberingSurfaces(sink.bytes) : sink.bytes
    }

    /// Cairo names an SVG's groups `surfaceN` after a process-wide counter of surfaces, so the same
    /// bill would come out different depending on what the process drew before; the names are
    /// renumbered 1, 2, … in order of first appearance (the SVG holds no text of the bill to mistake
    /// for one: Cairo writes glyphs as paths).
    static func renumberingSurfaces(_ bytes: [UInt8]) -> [UInt8] {
        let word = Array("surface".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        var index = 0
        while index < bytes.count {
            guard bytes[index] == word[0], bytes[index...].starts(with: word) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let digitsStart = index + word.count
            var end = digitsStart
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
            out.append(contentsOf: word)
            if end > digitsStart {
                let key = bytes[digitsStart..<end]
                let number = numbers[key] ?? numbers.count + 1
                numbers[key] = number
                out.append(contentsOf: String(number).utf8)
            }
            index = end
        }
        return out
    }
}
