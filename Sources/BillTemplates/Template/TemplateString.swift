import Foundation
import Mustache

/// One string field of a template line: Mustache text, rendered without HTML escaping.
///
/// A variable tag outside any section (`{{order.table}}`) is *required*: when its data is missing
/// or blank the field has no value, and a line whose required field has no value is left out.
/// Inside a section (`{{#order.table}}Table {{.}}{{/order.table}}`) data is optional.
/// Partials, parents, blocks, pragmas and delimiter changes are refused, so a template is
/// self-contained and its tags are exactly what `requiredKeys` lists.
struct TemplateString: Sendable {
    /// The text as written in the template.
    let source: String
    /// The key paths of variables outside sections, for example `order.table`.
    let requiredKeys: [String]
    private let template: MustacheTemplate

    /// Parses `source`; `fail` builds the error for a fault.
    init(_ source: String, fail: (String) -> BillTemplateError) throws(BillTemplateError) {
        self.source = source
        self.requiredKeys = try Self.scanTags(source, fail: fail)
        do {
            // TEXT: no HTML escaping; the JSON writer escapes for JSON.
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + source)
        } catch {
            throw fail("not a valid Mustache template (\(error)): \(JSONQuoting.excerpt(source))")
        }
    }

    /// The rendered text, or nil when a required variable is missing or not text, or the result is blank.
    func render(_ context: TemplateContext) -> String? {
        for key in requiredKeys where !context.isText(key) { return nil }
        let text = template.render(context.root)
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    /// Required variables that hold data other than text (a list, an object, a flag): a template
    /// fault worth a warning, since printing them would show Swift's description of the value.
    func nonTextKeys(_ context: TemplateContext) -> [String] {
        requiredKeys.filter { context.isPresent($0) && !context.isText($0) }
    }

    /// How deeply sections may nest in one string.
    static let maxSectionDepth = 16

    /// Checks the tags and returns the variables outside sections.
    private static func scanTags(_ s: String, fail: (String) -> BillTemplateError) throws(BillTemplateError) -> [String]
    {
        var required: [String] = []
        var depth = 0
        var rest = Substring(s)
        while let open = rest.range(of: "{{") {
            var afterOpen = rest[open.upperBound...]
            let triple = afterOpen.first == "{"
            if triple { afterOpen = afterOpen.dropFirst() }
            guard let close = afterOpen.range(of: triple ? "}}}" : "}}") else {
                throw fail("a tag is not closed with \(triple ? "}}}" : "}}"): \(JSONQuoting.excerpt(s))")
            }
            let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = afterOpen[close.upperBound...]
            guard let sigil = tag.first else { throw fail("an empty tag {{}} in \(JSONQuoting.excerpt(s))") }
            switch sigil {
            case "#", "^":
                depth += 1
                if depth > Self.maxSectionDepth { throw fail("sections nested deeper than \(Self.maxSectionDepth)") }
            case "/": depth -= 1
            case "!": break
            case ">", "<", "$", "=", "%":
                throw fail(
                    "the tag {{\(tag)}} is not allowed in a bill template "
                        + "(no partials, parents, blocks, pragmas or delimiter changes)")
            default:
                let name = sigil == "&" ? String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) : tag
                if depth == 0 {
                    let key = Self.innermostName(name)
                    if key != "." { required.append(key) }
                }
            }
        }
        return required
    }

    /// `uppercased(merchant.name)` → `merchant.name`.
    private static func innermostName(_ name: String) -> String {
        var n = Substring(name)
        while let open = n.firstIndex(of: "("), let close = n.lastIndex(of: ")"), open < close {
            n = n[n.index(after: open)..<close]
        }
        return n.trimmingCharacters(in: .whitespaces)
    }
}
