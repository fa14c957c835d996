/// SVG that has been through ``SVGSanitizer``: a document librsvg may read.
///
/// Only the sanitiser makes one, so a value of this type is proof that the checks ran: what it
/// holds uses only the elements and attributes logos need, every number is within
/// ``SVGLimits``, nothing refers outside the document, and every embedded raster's size was read
/// from its header and is within the pixel budget.
public struct SanitizedSVG: Sendable, Hashable {
    /// The rewritten document.
    public let text: String
    /// What the sanitiser removed or changed that could change the drawing (for a warning), in
    /// the order first met; empty for an ordinary logo.
    public let changes: [String]
}

/// Rewrites untrusted SVG into the subset billrender draws, or refuses it.
///
/// The document is read by a bounded reader of its own (`XMLReader`: no DTD, no entities but
/// the predefined ones, nothing fetched) and written out again from a whitelist: structure
/// (`svg g defs symbol use`), shapes, `text`/`tspan`, gradients, `clipPath`, `mask`, `image`
/// (embedded rasters only, checked by `EmbeddedImage`) and `style` (CSS without at-rules).
/// Scripts, event attributes, animation, filters, patterns, markers, `foreignObject`, XInclude,
/// `xml:base`, style-sheet instructions, CSS `@import` and `@font-face`, and every reference that
/// is not `#id` in the same document are dropped. Numbers are clamped to
/// ``SVGLimits/maxCoordinate``, font sizes, stroke widths and spacing to
/// ``SVGLimits/maxFontSize``; relative font sizes above 1 are dropped (they multiply when nested).
/// `<use>` and `url(#…)` expansion is counted and bounded, reference cycles refused.
///
/// Time is linear in the input: one read, one walk, one memoised count, one write.
public enum SVGSanitizer {
    /// `svg` sanitised under `limits`; throws `.svgTooLarge`, `.svgEmpty`, `.svgInvalid` (not
    /// well-formed, not SVG) or `.svgRefused` (over a structural limit).
    public static func sanitize(_ svg: String, limits: SVGLimits) throws(RasterError) -> SanitizedSVG {
        try sanitize(Array(svg.utf8), limits: limits, nested: false)
    }

    static func sanitize(_ bytes: [UInt8], limits: SVGLimits, nested: Bool) throws(RasterError) -> SanitizedSVG {
        guard bytes.count <= limits.maxBytes else { throw .svgTooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        guard bytes.contains(where: { $0 > 0x20 }) else { throw .svgEmpty }
        let reader = try XMLReader.read(bytes, maxElements: limits.maxElements, maxDepth: SVGLimits.maxDepth)
        var writer = Rewriter(source: reader.elements, limits: limits, nested: nested)
        if reader.skipped.contains(.stylesheetInstruction) { writer.note("the <?xml-stylesheet?> instruction") }
        if reader.skipped.contains(.undefinedEntity) { writer.note("entities defined in a DTD") }
        return try writer.run()
    }
}

/// One sanitising pass: source tree → kept tree → checked → text.
private struct Rewriter {
    struct Node {
        var name: String
        var attributes: [(name: String, value: String)] = []
        var children: [Child] = []
        /// Ids this element draws by reference (`<use>`, `url(#…)`).
        var references: [String] = []
    }

    enum Child {
        case node(Int)
        case text(String)
    }

    let source: [XMLReader.Element]
    let limits: SVGLimits
    let nested: Bool
    var nodes: [Node] = []
    var ids: [String: Int] = [:]
    var changes: [String] = []
    var textCharacters = 0

    init(source: [XMLReader.Element], limits: SVGLimits, nested: Bool) {
        self.source = source
        self.limits = limits
        self.nested = nested
    }

    mutating func note(_ change: String) {
        if !changes.contains(change), changes.count < 32 { changes.append(change) }
    }

    mutating func run() throws(RasterError) -> SanitizedSVG {
        guard let root = source.first, root.name == "svg" else {
            throw .svgInvalid("the root element is <\(source.first?.name ?? "")>, not <svg>")
        }
        _ = try keep(0, as: "svg")
        try checkExpansion()
        var out = ""
        out.reserveCapacity(source.count * 32)
        write(0, into: &out)
        return SanitizedSVG(text: out, changes: changes)
    }

    // MARK: Elements

    /// Elements that draw or structure a logo, kept with their children.
    static let containers: Set<String> = [
        "svg", "g", "defs", "symbol", "clipPath", "mask", "text", "tspan", "linearGradient", "radialGradient",
    ]
    /// Elements kept without children.
    static let leaves: Set<String> = [
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "use", "stop", "image",
    ]
    /// Elements dropped without a word: they draw nothing.
    static let silent: Set<String> = ["title", "desc", "metadata", "view", "cursor"]
    /// Elements dropped with a named reason.
    static let named: [String: String] = [
        "script": "scripts", "animate": "animation", "set": "animation", "animateTransform": "animation",
        "animateMotion": "animation", "animateColor": "animation", "foreignObject": "<foreignObject>",
        "filter": "filters", "pattern": "patterns", "marker": "markers", "textPath": "<textPath>",
        "font": "SVG fonts", "font-face": "SVG fonts", "switch": "<switch>", "iframe": "<iframe>",
    ]

    /// Copies source element `index` (and what it keeps of its subtree) as `name`; nil when dropped.
    mutating func keep(_ index: Int, as name: String) throws(RasterError) -> Int? {
        let element = source[index]
        var node = Node(name: name)
        let isText = name == "text" || name == "tspan"
        for (attribute, value) in element.attributes {
            try keepAttribute(attribute, value, of: element.name, into: &node)
        }
        if name == "use" {
            guard node.attributes.contains(where: { $0.name == "xlink:href" }) else { return nil }
        }
        if name == "image" {
            guard node.attributes.contains(where: { $0.name == "xlink:href" }) else { return nil }
        }
        if let id = node.attributes.first(where: { $0.name == "id" })?.value, ids[id] == nil { ids[id] = nodes.count }
        nodes.append(node)
        let at = nodes.count - 1
        var stops = 0
        for child in element.children {
            switch child {
            case .text(let text):
                if isText {
                    textCharacters += text.unicodeScalars.count
                    guard textCharacters <= limits.maxTextCharacters else {
                        throw .svgRefused("more than \(limits.maxTextCharacters) characters of text")
                    }
                    nodes[at].children.append(.text(text))
                } else if name == "style" {
                    let css = sanitizeStyleSheet(text)
                    if !css.isEmpty { nodes[at].children.append(.text(css)) }
                }
            case .element(let childIndex):
                let childName = source[childIndex].name
                let kept: String?
                if Self.containers.contains(childName) || Self.leaves.contains(childName) {
                    kept = childName
                } else if childName == "a" {
                    kept = "g"
                } else if childName == "style" {
                    kept = "style"
                } else if Self.silent.contains(childName) {
                    kept = nil
                } else if let reason = Self.named[childName] {
                    note(reason)
                    kept = nil
                } else if childName.hasPrefix("xi:") || childName == "include" {
                    note("XInclude")
                    kept = nil
                } else if childName.contains(":") {
                    kept = nil  // editor metadata (sodipodi:, inkscape:, rdf:)
                } else {
                    note("<\(childName)>")
                    kept = nil
                }
                guard let kept, !Self.leaves.contains(name), name != "style" else { continue }
                if isGradient(name) {
                    guard kept == "stop" else { continue }
                    stops += 1
                    guard stops <= limits.maxGradientStops else {
                        throw .svgRefused("a gradient with more than \(limits.maxGradientStops) stops")
                    }
                }
                if let child = try keep(childIndex, as: kept) { nodes[at].children.append(.node(child)) }
            }
        }
        return at
    }

    func isGradient(_ name: String) -> Bool { name == "linearGradient" || name == "radialGradient" }

    // MARK: Attributes

    enum Kind {
        case length, lengthList, numberList, path, transform, paint, keyword, unit, miter, strokeWidth, dashes
        case fontSize, fontFamily, spacing, id, classes, href, reference, style
    }

    static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        for name in [
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width",
            "height", "stroke-dashoffset", "refX", "refY", "textLength",
        ] {
            kinds[name] = .length
        }
        for name in ["dx", "dy"] { kinds[name] = .lengthList }
        for name in ["points", "viewBox", "rotate"] { kinds[name] = .numberList }
        kinds["d"] = .path
        for name in ["transform", "gradientTransform"] { kinds[name] = .transform }
        for name in ["fill", "stroke", "stop-color", "color"] { kinds[name] = .paint }
        for name in [
            "fill-rule", "clip-rule", "stroke-linecap", "stroke-linejoin", "text-anchor", "dominant-baseline",
            "alignment-baseline", "baseline-shift", "font-weight", "font-style", "font-variant", "font-stretch",
            "display", "visibility", "gradientUnits", "spreadMethod", "clipPathUnits", "maskUnits",
            "maskContentUnits", "overflow", "xml:space", "shape-rendering", "text-rendering", "image-rendering",
            "paint-order", "vector-effect", "writing-mode", "direction", "unicode-bidi", "text-decoration",
            "preserveAspectRatio", "color-interpolation", "mask-type", "lengthAdjust",
        ] {
            kinds[name] = .keyword
        }
        for name in ["opacity", "fill-opacity", "stroke-opacity", "stop-opacity", "offset"] { kinds[name] = .unit }
        kinds["stroke-miterlimit"] = .miter
        kinds["stroke-width"] = .strokeWidth
        kinds["stroke-dasharray"] = .dashes
        kinds["font-size"] = .fontSize
        kinds["font-family"] = .fontFamily
        for name in ["letter-spacing", "word-spacing"] { kinds[name] = .spacing }
        kinds["id"] = .id
        kinds["class"] = .classes
        for name in ["href", "xlink:href"] { kinds[name] = .href }
        for name in ["clip-path", "mask"] { kinds[name] = .reference }
        kinds["style"] = .style
        return kinds
    }()

    /// Attributes dropped with a named reason; every other unknown attribute goes silently.
    static func namedAttribute(_ name: String) -> String? {
        if name.hasPrefix("on") { return "event handlers" }
        switch name {
        case "xml:base": return "xml:base"
        case "filter": return "filters"
        case "marker-start", "marker-mid", "marker-end", "marker": return "markers"
        case "requiredExtensions", "requiredFeatures", "systemLanguage": return "conditional processing"
        case "font": return "the font shorthand"
        default: return nil
        }
    }

    mutating func keepAttribute(_ name: String, _ value: String, of element: String, into node: inout Node)
        throws(RasterError)
    {
        guard let kind = Self.kinds[name] else {
            if let reason = Self.namedAttribute(name) { note(reason) }
            return
        }
        if kind == .href {
            guard let href = try sanitizeHref(value, of: element) else { return }
            if let id = Self.fragment(href) { node.references.append(id) }
            node.attributes.removeAll { $0.name == "xlink:href" }
            node.attributes.append(("xlink:href", href))
            return
        }
        if kind == .style {
            let (declarations, references) = sanitizeDeclarations(value, inSheet: false)
            node.references += references
            if !declarations.isEmpty { node.attributes.append(("style", declarations)) }
            return
        }
        if kind == .id {
            guard Self.isToken(value) else { return }
            node.attributes.append((name, value))
            return
        }
        guard let (clean, references) = sanitizeValue(value, kind: kind, property: name) else { return }
        node.references += references
        node.attributes.append((name, clean))
    }

    /// `href` on `element`: `#id` for `use` and gradients, a checked data: URI for `image`.
    mutating func sanitizeHref(_ value: String, of element: String) throws(RasterError) -> String? {
        let trimmed = Self.trim(value)
        switch element {
        case "use", "linearGradient", "radialGradient":
            if let id = Self.fragment(trimmed), Self.isToken(id) { return trimmed }
            note("references outside the document")
            return nil
        case "image":
            guard trimmed.hasPrefix("data:") else {
                note("references outside the document")
                return nil
            }
            do {
                let (uri, changes) = try EmbeddedImage.vet(trimmed, limits: limits, nested: nested)
                for change in changes { note("in an embedded SVG: " + change) }
                return uri
            } catch {
                note("an embedded image (\(error.description))")
                return nil
            }
        default:
            return nil
        }
    }

    /// The id in `#id`, or nil.
    static func fragment(_ value: String) -> String? {
        guard value.hasPrefix("#"), value.count > 1 else { return nil }
        return String(value.dropFirst())
    }

    static func isToken(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 256
            && value.utf8.allSatisfy {
                XMLReader.isNameByte($0) && $0 < 0x80
            }
    }

    static func trim(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var start = 0
        var end = bytes.count
        while start < end, XMLReader.isSpace(bytes[start]) { start += 1 }
        while end > start, XMLReader.isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// One attribute or CSS value of `kind`, cleaned, with the ids it references; nil drops it.
    mutating func sanitizeValue(_ value: String, kind: Kind, property: String) -> (String, [String])? {
        var value = Self.trim(value)
        if value.hasSuffix("!important") { value = Self.trim(String(value.dropLast(10))) }
        guard !value.isEmpty, value.utf8.count <= limits.maxBytes else { return nil }
        if value == "inherit" || value == "none" { return (value, []) }
        switch kind {
        case .length, .lengthList:
            return clampNumbers(value, limit: limits.maxCoordinate, extra: "%pxtcmindeEx").map { ($0, []) }
        case .numberList:
            return clampNumbers(value, limit: limits.maxCoordinate, extra: "").map { ($0, []) }
        case .path:
            return clampNumbers(value, limit: limits.maxCoordinate, extra: "MmZzLlHhVvCcSsQqTtAa").map { ($0, []) }
        case .transform:
            guard Self.transformWordsAllowed(value) else { return nil }
            return clampNumbers(value, limit: limits.maxCoordinate, extra: "matrixtranslatescalerotateskewXY()")
                .map { ($0, []) }
        case .paint:
            return sanitizePaint(value)
        case .keyword:
            guard value.utf8.count <= 64, value.utf8.allSatisfy({ Self.isKeywordByte($0) }) else { return nil }
            return (value, [])
        case .unit:
            guard let number = Self.parseLength(value), number.unit.isEmpty || number.unit == "%" else { return nil }
            let fraction = number.unit == "%" ? number.value / 100 : number.value
            return (Self.format(min(1, max(0, fraction))), [])
        case .miter:
            guard let number = Self.parseLength(value), number.unit.isEmpty else { return nil }
            return (Self.format(min(100, max(1, number.value))), [])
        case .strokeWidth, .spacing:
            guard let number = Self.parseLength(value), Self.absoluteUnits[number.unit] != nil || number.unit == "%"
            else { return nil }
            let bound = limits.maxFontSize
            guard abs(number.value) > bound else { return (value, []) }
            note("stroke widths or spacing over \(Self.format(bound))")
            let clamped = kind == .strokeWidth ? bound : (number.value < 0 ? -bound : bound)
            return (Self.format(clamped) + number.unit, [])
        case .dashes:
            return sanitizeDashes(value)
        case .fontSize:
            return sanitizeFontSize(value)
        case .fontFamily:
            guard value.utf8.count <= 256,
                value.utf8.allSatisfy({ Self.isKeywordByte($0) || $0 == UInt8(ascii: ",") || $0 == 0x22 || $0 == 0x27 })
            else {
                note("font families named by path")
                return nil
            }
            return (value, [])
        case .reference:
            guard let id = Self.urlReference(value) else {
                note("references outside the document")
                return nil
            }
            return (value, [id])
        case .id, .classes:
            guard value.split(separator: " ").allSatisfy({ Self.isToken(String($0)) }) else { return nil }
            return (value, [])
        case .href, .style:
            return nil
        }
    }

    static let absoluteUnits: [String: Double] = [
        "": 1, "px": 1, "pt": 4.0 / 3, "pc": 16, "mm": 96 / 25.4,
        "cm": 96 / 2.54, "in": 96,
    ]
    static let sizeKeywords: Set<String> = ["xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large"]

    mutating func sanitizeFontSize(_ value: String) -> (String, [String])? {
        if Self.sizeKeywords.contains(value) { return (value, []) }
        guard let number = Self.parseLength(value), number.value >= 0 else {
            note("relative or malformed font sizes")
            return nil
        }
        if let factor = Self.absoluteUnits[number.unit] {
            guard number.value * factor > limits.maxFontSize else { return (value, []) }
            note("font sizes over \(Self.format(limits.maxFontSize))")
            return (Self.format(limits.maxFontSize) + "px", [])
        }
        // em, ex, rem, %: relative sizes multiply when nested, so only shrinking ones are kept.
        let scale = number.unit == "%" ? number.value / 100 : number.value
        guard ["em", "ex", "rem", "%"].contains(number.unit), scale <= 1 else {
            note("relative or malformed font sizes")
            return nil
        }
        return (value, [])
    }

    static let minimumDashPeriod = 0.01

    mutating func sanitizeDashes(_ value: String) -> (String, [String])? {
        var total = 0.0
        var count = 0
        for part in value.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let number = Self.parseLength(String(part)), number.value >= 0,
                Self.absoluteUnits[number.unit] != nil
            else { return nil }
            total += number.value
            count += 1
        }
        // A dash pattern of tiny dashes over a long path is millions of dashes.
        guard count <= 64, total >= Self.minimumDashPeriod else {
            note("dash patterns finer than \(Self.format(Self.minimumDashPeriod)) units")
            return nil
        }
        return (value, [])
    }

    mutating func sanitizePaint(_ value: String) -> (String, [String])? {
        if value.contains("url(") {
            guard let id = Self.urlReference(value) else {
                // A paint server that cannot be used paints nothing (not the default black).
                note("references outside the document")
                return ("none", [])
            }
            return (value, [id])
        }
        guard value.utf8.count <= 64,
            value.utf8.allSatisfy({
                Self.isKeywordByte($0) || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "(")
                    || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: "%")
            })
        else { return nil }
        return (value, [])
    }

    /// The id in `url(#id)` (optionally followed by a fallback colour), or nil.
    static func urlReference(_ value: String) -> String? {
        guard value.hasPrefix("url(") else { return nil }
        let inner = value.dropFirst(4)
        guard let close = inner.firstIndex(of: ")") else { return nil }
        var target = Self.trim(String(inner[..<close]))
        if target.count >= 2, let first = target.first, first == "\"" || first == "'", target.last == first {
            target = String(target.dropFirst().dropLast())
        }
        guard let id = fragment(target), isToken(id) else { return nil }
        let fallback = inner[inner.index(after: close)...]
        guard fallback.utf8.allSatisfy({ isKeywordByte($0) || $0 == UInt8(ascii: "#") }) else { return nil }
        return id
    }

    static func isKeywordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: " "),
            UInt8(ascii: "."):
            true
        default: false
        }
    }

    static let transformWords: Set<String> = ["matrix", "translate", "scale", "rotate", "skewX", "skewY"]

    static func transformWordsAllowed(_ value: String) -> Bool {
        var word = ""
        var previous: Character = " "
        for character in value {
            // An exponent's e stays with its number.
            if character.isLetter, !(character == "e" || character == "E") || !(previous.isNumber || previous == ".") {
                word.append(character)
            } else if !word.isEmpty {
                guard transformWords.contains(word) else { return false }
                word = ""
            }
            previous = character
        }
        return word.isEmpty || transformWords.contains(word)
    }

    /// `value` with every number over `limit` in magnitude (or not finite) replaced by ±`limit`;
    /// nil when it holds a byte that is not part of a number, a separator or in `extra`.
    mutating func clampNumbers(_ value: String, limit: Double, extra: StaticString) -> String? {
        let bytes = Array(value.utf8)
        let allowed = extra.withUTF8Buffer { Set($0) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var clamped = false
        while index < bytes.count {
            let byte = bytes[index]
            if let end = Self.numberEnd(bytes, from: index) {
                let text = String(decoding: bytes[index..<end], as: UTF8.self)
                if let number = Double(text), number.isFinite, abs(number) <= limit {
                    out.append(contentsOf: bytes[index..<end])
                } else {
                    let negative = byte == UInt8(ascii: "-")
                    out.append(contentsOf: ((negative ? "-" : "") + Self.format(limit)).utf8)
                    // "1e999.5" is two numbers; the clamped first must not run into the second.
                    if end < bytes.count, bytes[end] == UInt8(ascii: ".") || Self.isDigitByte(bytes[end]) {
                        out.append(0x20)
                    }
                    clamped = true
                }
                index = end
            } else if XMLReader.isSpace(byte) || byte == UInt8(ascii: ",") || allowed.contains(byte) {
                out.append(byte)
                index += 1
            } else {
                return nil
            }
        }
        if clamped { note("numbers over \(Self.format(limit))") }
        return String(decoding: out, as: UTF8.self)
    }

    static func isDigitByte(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The end of the number starting at `start` (sign, digits, fraction, exponent), or nil.
    static func numberEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while index < bytes.count, isDigitByte(bytes[index]) {
            index += 1
            digits += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            var fraction = index + 1
            var fractionDigits = 0
            while fraction < bytes.count, isDigitByte(bytes[fraction]) {
                fraction += 1
                fractionDigits += 1
            }
            if fractionDigits > 0 || digits > 0 {
                index = fraction
                digits += fractionDigits
            }
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
                exponent += 1
            }
            var exponentDigits = 0
            while exponent < bytes.count, isDigitByte(bytes[exponent]) {
                exponent += 1
                exponentDigits += 1
            }
            if exponentDigits > 0 { index = exponent }
        }
        return index
    }

    /// A number and its unit (letters or %), or nil.
    static func parseLength(_ value: String) -> (value: Double, unit: String)? {
        let bytes = Array(value.utf8)
        guard let end = numberEnd(bytes, from: 0), let number = Double(String(decoding: bytes[..<end], as: UTF8.self)),
            number.isFinite
        else { return nil }
        let unit = String(decoding: bytes[end...], as: UTF8.self)
        guard unit.utf8.count <= 3, unit.utf8.allSatisfy({ isKeywordByte($0) && $0 != 0x20 || $0 == 0x25 }) else {
            return nil
        }
        return (number, unit)
    }

    /// A number as SVG writes it: no exponent, at most six decimals.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(Int64(value))
        let fraction = Int64((abs(value) - abs(value.rounded(.towardZero))) * 1_000_000)
        if value < 0, text == "0" { text = "-0" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? text : text + "." + digits
    }

    // MARK: CSS

    static let sheetDroppedProperties: Set<String> = ["clip-path", "mask"]

    /// `style` attribute or rule body: each `property: value` checked as the attribute would be.
    mutating func sanitizeDeclarations(_ text: String, inSheet: Bool) -> (String, [String]) {
        var out: [String] = []
        var references: [String] = []
        for declaration in text.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = Self.trim(String(declaration[..<colon])).lowercased()
            let value = String(declaration[declaration.index(after: colon)...])
            guard !value.contains("\\") else {
                note("CSS escapes")
                continue
            }
            guard let kind = Self.kinds[property], kind != .href, kind != .style, kind != .id, kind != .classes else {
                if let reason = Self.namedAttribute(property) { note(reason) }
                continue
            }
            if inSheet, Self.sheetDroppedProperties.contains(property) {
                note("clip-path and mask in style sheets")
                continue
            }
            guard let (clean, refs) = sanitizeValue(value, kind: kind, property: property) else { continue }
            references += refs
            out.append(property + ":" + clean)
        }
        return (out.joined(separator: ";"), references)
    }

    /// A `<style>` sheet: rules with plain selectors and checked declarations; at-rules
    /// (`@import`, `@font-face`, `@media`) and comments are dropped.
    mutating func sanitizeStyleSheet(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var index = 0
        func skipComment() {
            while index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) {
                    end += 1
                }
                index = min(bytes.count, end + 2)
            }
        }
        while index < bytes.count {
            skipComment()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if XMLReader.isSpace(byte) {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "@") {
                note("CSS at-rules (@import, @font-face)")
                // Skip to the end of the statement or of its block.
                var depth = 0
                while index < bytes.count {
                    let current = bytes[index]
                    index += 1
                    if current == UInt8(ascii: "{") { depth += 1 }
                    if current == UInt8(ascii: "}") {
                        depth -= 1
                        if depth <= 0 { break }
                    }
                    if current == UInt8(ascii: ";"), depth == 0 { break }
                }
                continue
            }
            guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")),
                let close = bytes[open...].firstIndex(of: UInt8(ascii: "}"))
            else { break }
            let selector = Self.trim(String(decoding: bytes[index..<open], as: UTF8.self))
            let body = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            index = close + 1
            guard !selector.isEmpty, selector.utf8.count <= 1024,
                selector.utf8.allSatisfy({
                    Self.isKeywordByte($0) || ",#>+~*:()".utf8.contains($0) || XMLReader.isSpace($0)
                })
            else { continue }
            let (declarations, _) = sanitizeDeclarations(body, inSheet: true)
            if !declarations.isEmpty { out += selector + "{" + declarations + "}" }
        }
        return out
    }

    // MARK: Expansion

    /// Counts the elements drawn once every `<use>` and `url(#…)` is expanded; refuses cycles and
    /// counts over the limit.
    func checkExpansion() throws(RasterError) {
        let limit = limits.maxExpandedElements
        var weight = [Int](repeating: -1, count: nodes.count)
        // -2: being counted (a reference back to it is a cycle).
        func count(_ index: Int) throws(RasterError) -> Int {
            if weight[index] == -2 { throw .svgRefused("a reference cycle through #\(idOf(index))") }
            if weight[index] >= 0 { return weight[index] }
            weight[index] = -2
            var total = 1
            for child in nodes[index].children {
                if case .node(let child) = child { total = min(limit + 1, total + (try count(child))) }
            }
            for reference in nodes[index].references {
                guard let target = ids[reference], target < nodes.count else { continue }
                total = min(limit + 1, total + (try count(target)))
            }
            weight[index] = total
            return total
        }
        // Definitions are counted where they are used: what is drawn is the root's count.
        guard try count(0) <= limit else {
            throw .svgRefused("draws more than \(limit) elements once <use> and references are expanded")
        }
    }

    func idOf(_ index: Int) -> String {
        nodes[index].attributes.first { $0.name == "id" }?.value ?? "?"
    }

    // MARK: Writing

    func write(_ index: Int, into out: inout String) {
        let node = nodes[index]
        out += "<" + node.name
        if index == 0 {
            out += #" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink""#
        }
        for (name, value) in node.attributes {
            out += " " + name + "=\""
            Self.escape(value, attribute: true, into: &out)
            out += "\""
        }
        guard !node.children.isEmpty else {
            out += "/>"
            return
        }
        out += ">"
        for child in node.children {
            switch child {
            case .node(let child): write(child, into: &out)
            case .text(let text): Self.escape(text, attribute: false, into: &out)
            }
        }
        out += "</" + node.name + ">"
    }

    static func escape(_ text: String, attribute: Bool, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
