/// Prints a layout as a tree, one block a line: the golden format that makes layout changes
/// visible before any back end runs.
///
///     layout 48 columns, 576 dots, cell 12x24, font A
///     ├─ image logo [center] svg 2402 bytes (header.lines[0].logo.svgImage)
///     ├─ text [center bold 2x2] "Dojo"
///     └─ cut
public enum LayoutTreeDumper {
    public static func dump(_ layout: Layout) -> String {
        let g = layout.grid
        var out =
            "layout \(g.columns) columns, \(g.dotsWidth) dots, cell \(g.cellWidth)x\(g.cellHeight), font \(g.font == 0 ? "A" : "B")\n"
        for (i, block) in layout.blocks.enumerated() {
            out += i == layout.blocks.count - 1 ? "└─ " : "├─ "
            out += describe(block)
            out += "\n"
        }
        return out
    }

    static func describe(_ block: LayoutBlock) -> String {
        switch block {
        case .text(let t):
            var attrs = [t.alignment.rawValue]
            if t.style.bold { attrs.append("bold") }
            if t.style.widthScale != 1 || t.style.heightScale != 1 {
                attrs.append("\(t.style.widthScale)x\(t.style.heightScale)")
            }
            return "text [\(attrs.joined(separator: " "))] \(quote(t.text))"
        case .rule(let k):
            return "rule \(k.rawValue)"
        case .image(let im):
            return
                "image \(im.role.rawValue) [\(im.alignment.rawValue)] svg \(im.svg.utf8.count) bytes (\(im.sourcePath))"
        case .qrCode(let q):
            return
                "qr [\(q.alignment.rawValue)] module \(q.moduleSize) ecc \(q.errorCorrection.rawValue) \(quote(q.payload))"
        case .feed(let n):
            return "feed \(n)"
        case .cut:
            return "cut"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            if c == "\"" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }
}
