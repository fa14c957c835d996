/// A small, bounded XML reader for untrusted SVG: one pass over the bytes, no entities beyond the
/// five predefined ones and character references, no DTD, no external anything, no namespaces
/// resolved (a prefixed name stays as written). It builds a flat element tree for
/// ``SVGSanitizer``; whatever it cannot read plainly is an error, never a guess.
///
/// Time is linear in the input; memory is bounded by the input and by `maxElements` and
/// `maxDepth`.
struct XMLReader {
    /// One element: its name, attributes in document order, and children.
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]
        var children: [Child]
        /// The element that contains this one (nil for the root).
        var parent: Int?
    }

    /// A child of an element: another element (by index) or character data.
    enum Child {
        case element(Int)
        case text(String)
    }

    /// What the reader skipped that a caller may want to report.
    struct Skipped: OptionSet {
        let rawValue: Int
        static let doctype = Skipped(rawValue: 1)
        static let stylesheetInstruction = Skipped(rawValue: 2)
        static let otherInstruction = Skipped(rawValue: 4)
        static let undefinedEntity = Skipped(rawValue: 8)
    }

    private(set) var elements: [Element] = []
    private(set) var skipped: Skipped = []
    private let bytes: [UInt8]
    private var position = 0
    private let maxElements: Int
    private let maxDepth: Int

    /// Reads `bytes` (UTF-8) into a tree; throws `.svgInvalid` for malformed XML and
    /// `.svgRefused` over the element or depth limit. The root is `elements[0]`.
    static func read(_ bytes: [UInt8], maxElements: Int, maxDepth: Int) throws(RasterError) -> XMLReader {
        var reader = XMLReader(bytes: bytes, maxElements: maxElements, maxDepth: maxDepth)
        try reader.readDocument()
        return reader
    }

    private init(bytes: [UInt8], maxElements: Int, maxDepth: Int) {
        self.bytes = bytes
        self.maxElements = maxElements
        self.maxDepth = maxDepth
    }

    private mutating func readDocument() throws(RasterError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var open: [Int] = []
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "<") else {
                if open.isEmpty {
                    guard Self.isSpace(byte) else { throw .svgInvalid("text outside the root element") }
                    position += 1
                } else {
                    try readCharacterData(into: &text)
                }
                continue
            }
            if starts(with: "<?") {
                let end = try find("?>", from: position + 2)
                let target = bytes[(position + 2)..<end].prefix { !Self.isSpace($0) }
                if target.elementsEqual("xml-stylesheet".utf8) {
                    skipped.insert(.stylesheetInstruction)
                } else if !target.elementsEqual("xml".utf8) {
                    skipped.insert(.otherInstruction)
                }
                position = end + 2
            } else if starts(with: "<!--") {
                position = try find("-->", from: position + 4) + 3
            } else if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { throw .svgInvalid("CDATA outside the root element") }
                let end = try find("]]>", from: position + 9)
                text.append(contentsOf: bytes[(position + 9)..<end])
                position = end + 3
            } else if starts(with: "<!") {
                try skipDeclaration()
                skipped.insert(.doctype)
            } else if starts(with: "</") {
                flush(&text, into: open.last)
                position += 2
                let name = try readName()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                    throw .svgInvalid("malformed end tag </\(name)")
                }
                position += 1
                guard let top = open.popLast(), elements[top].name == name else {
                    throw .svgInvalid("</\(name)> does not close the open element")
                }
                if open.isEmpty { try readTrailer() }
            } else {
                flush(&text, into: open.last)
                guard open.isEmpty ? elements.isEmpty : true else {
                    throw .svgInvalid("more than one root element")
                }
                let (index, selfClosing) = try readStartTag(parent: open.last)
                if let parent = open.last { elements[parent].children.append(.element(index)) }
                if !selfClosing {
                    guard open.count < maxDepth else {
                        throw .svgRefused("elements nested deeper than \(maxDepth)")
                    }
                    open.append(index)
                } else if open.isEmpty {
                    try readTrailer()
                }
            }
        }
        guard open.isEmpty else { throw .svgInvalid("<\(elements[open[open.count - 1]].name)> is not closed") }
        guard !elements.isEmpty else { throw .svgEmpty }
    }

    /// After the root: only space, comments and processing instructions.
    private mutating func readTrailer() throws(RasterError) {
        while position < bytes.count {
            if Self.isSpace(bytes[position]) {
                position += 1
            } else if starts(with: "<!--") {
                position = try find("-->", from: position + 4) + 3
            } else if starts(with: "<?") {
                position = try find("?>", from: position + 2) + 2
            } else {
                throw .svgInvalid("content after the root element")
            }
        }
    }

    private mutating func flush(_ text: inout [UInt8], into parent: Int?) {
        guard !text.isEmpty else { return }
        if let parent { elements[parent].children.append(.text(String(decoding: text, as: UTF8.self))) }
        text.removeAll(keepingCapacity: true)
    }

    private mutating func readStartTag(parent: Int?) throws(RasterError) -> (index: Int, selfClosing: Bool) {
        guard elements.count < maxElements else { throw .svgRefused("more than \(maxElements) elements") }
        position += 1
        let name = try readName()
        var attributes: [(name: String, value: String)] = []
        while true {
            let hadSpace = skipSpace()
            guard position < bytes.count else { throw .svgInvalid("<\(name) is not closed") }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                elements.append(Element(name: name, attributes: attributes, children: [], parent: parent))
                return (elements.count - 1, false)
            }
            if starts(with: "/>") {
                position += 2
                elements.append(Element(name: name, attributes: attributes, children: [], parent: parent))
                return (elements.count - 1, true)
            }
            guard hadSpace else { throw .svgInvalid("malformed attribute in <\(name)>") }
            let attribute = try readName()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw .svgInvalid("attribute \(attribute) in <\(name)> has no value")
            }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else { throw .svgInvalid("attribute \(attribute) in <\(name)> is not quoted") }
            let quote = bytes[position]
            position += 1
            var value: [UInt8] = []
            while position < bytes.count, bytes[position] != quote {
                if bytes[position] == UInt8(ascii: "<") { throw .svgInvalid("< in an attribute value") }
                if bytes[position] == UInt8(ascii: "&") {
                    try readReference(into: &value)
                } else {
                    // Attribute-value normalisation: white space becomes a space.
                    value.append(Self.isSpace(bytes[position]) ? 0x20 : bytes[position])
                    position += 1
                }
            }
            guard position < bytes.count else { throw .svgInvalid("attribute \(attribute) is not closed") }
            position += 1
            guard !attributes.contains(where: { $0.name == attribute }) else {
                throw .svgInvalid("attribute \(attribute) twice in <\(name)>")
            }
            attributes.append((attribute, String(decoding: value, as: UTF8.self)))
        }
    }

    private mutating func readCharacterData(into text: inout [UInt8]) throws(RasterError) {
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") {
            if bytes[position] == UInt8(ascii: "&") {
                try readReference(into: &text)
            } else {
                text.append(bytes[position])
                position += 1
            }
        }
    }

    /// `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#…;` and `&#x…;`; any other entity is
    /// undefined here (the DTD is never read) and reads as nothing.
    private mutating func readReference(into out: inout [UInt8]) throws(RasterError) {
        let start = position + 1
        var end = start
        while end < bytes.count, end - start < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start else {
            throw .svgInvalid("a bare & (write &amp;)")
        }
        let name = bytes[start..<end]
        position = end + 1
        switch String(decoding: name, as: UTF8.self) {
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "amp": out.append(UInt8(ascii: "&"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        case let reference where reference.hasPrefix("#"):
            let digits = reference.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                throw .svgInvalid("invalid character reference &\(reference);")
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
        default:
            skipped.insert(.undefinedEntity)
        }
    }

    /// `<!DOCTYPE …>` with its internal subset, or any other `<!…>`, skipped unread.
    private mutating func skipDeclaration() throws(RasterError) {
        var depth = 0
        var quote: UInt8?
        position += 2
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: return
            default: break
            }
        }
        throw .svgInvalid("an unterminated <! declaration")
    }

    private mutating func readName() throws(RasterError) -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        guard position > start, position - start <= 256 else { throw .svgInvalid("a malformed name") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { bytes[position..<(position + count)].elementsEqual($0) }
    }

    /// The index where `needle` next starts at or after `from`.
    private func find(_ needle: StaticString, from: Int) throws(RasterError) -> Int {
        let found: Int? = needle.withUTF8Buffer { needle in
            guard let first = needle.first else { return nil }
            var index = from
            while index + needle.count <= bytes.count {
                if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
        guard let found else { throw .svgInvalid("unterminated markup (no \(needle))") }
        return found
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"), 0x80...0xFF:
            true
        default: false
        }
    }
}
