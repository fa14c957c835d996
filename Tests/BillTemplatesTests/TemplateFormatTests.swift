import BillModel
import BillTemplates
import Foundation
import TestSupport
import Testing

/// Loading templates: the shipped ones, and clear errors with paths for broken ones.
@Suite struct TemplateFormatTests {
    @Test func theEmbeddedTemplatesEqualTheFilesInTemplates() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Repository.root.appendingPathComponent("templates").path
        )
        .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(files == BuiltInTemplates.names)
        #expect(files.count >= 4)
        for name in files {
            let file = String(decoding: try Repository.bytes("templates/\(name).json"), as: UTF8.self)
            let embedded = try #require(BuiltInTemplates.source(named: name))
            #expect(embedded == file.trimmingCharacters(in: .newlines), "run python3 tools/gen/embed-templates.py")
        }
    }

    @Test func theShippedTemplatesLoadWithTheirMetadata() throws {
        #expect(BuiltInTemplates.names == ["cafe", "minimal", "narrow-58mm", "restaurant"])
        #expect(try BillTemplate.builtIn("narrow-58mm").paperWidth == "58mm")
        #expect(try BillTemplate.builtIn("restaurant").paperWidth == "80mm")
        #expect(throws: BillTemplateError.unknownTemplate(name: "bistro", builtIns: BuiltInTemplates.names)) {
            try BillTemplate.builtIn("bistro")
        }
    }

    static let broken: [(json: String, path: String, fragment: String)] = [
        (
            #"{"header": [{"lineType": "Text", "text": {"value": "x", "size": "Big"}}]}"#, "header[0].text.size",
            "expected one of Body, Header1, Header2"
        ),
        (
            #"{"header": [{"lineType": "Text", "text": {"value": "x"}, "wen": "order.table"}]}"#, "header[0]",
            "unknown key \"wen\""
        ),
        (#"{"header": [{"lineType": "Text", "text": {}}]}"#, "header[0].text", "missing \"value\""),
        (#"{"header": [{"lineType": "Paragraph"}]}"#, "header[0].lineType", "expected one of"),
        (
            #"{"footer": [{"lineType": "Text", "text": {"value": "{{> partial}}"}}]}"#, "footer[0].text.value",
            "not allowed"
        ),
        (
            #"{"footer": [{"lineType": "Text", "text": {"value": "{{=<% %>=}}"}}]}"#, "footer[0].text.value",
            "not allowed"
        ),
        (
            #"{"footer": [{"lineType": "Text", "text": {"value": "{{#a}}open"}}]}"#, "footer[0].text.value",
            "not a valid Mustache template"
        ),
        (
            #"{"footer": [{"lineType": "Text", "text": {"value": "{{order.table"}}]}"#, "footer[0].text.value",
            "not closed"
        ),
        (
            #"{"footer": [{"lineType": "URL", "url": {"url": "x", "showQR": true, "showQr": false}}]}"#,
            "footer[0].url.showQr", "disagrees"
        ),
        (
            #"{"footer": [{"lineType": "Text", "text": {"value": "x"}, "when": "order..table"}]}"#, "footer[0].when",
            "key path"
        ),
        (#"{"header": {"lineType": "Text"}}"#, "header", "expected an array"),
        (#"{"headers": []}"#, "", "unknown key \"headers\""),
    ]

    @Test(arguments: broken.indices)
    func aBrokenTemplateFailsWithItsPath(_ i: Int) throws {
        let c = Self.broken[i]
        do {
            _ = try BillTemplate(bytes: Array(c.json.utf8), source: "t.json")
            Issue.record("accepted: \(c.json)")
        } catch {
            guard case .invalidTemplate(let source, let path, let message) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(source == "t.json")
            #expect(path == c.path)
            #expect(message.contains(c.fragment), "\(message)")
        }
    }

    @Test func notJSONIsReported() {
        #expect(throws: BillTemplateError.self) { try BillTemplate(bytes: Array("{".utf8), source: "t.json") }
    }

    @Test func bothBoldSpellingsAndBothURLFlagSpellingsAreAccepted() throws {
        let t = try TemplateText.header(
            #"{"lineType": "Text", "text": {"value": "x", "emphasisBold": true}}"#,
            #"{"lineType": "URL", "url": {"url": "https://a.example", "showQr": true, "showUrl": false}}"#)
        let bill = try BillBuilder.build(template: t, order: Fixtures.dineInFull, merchant: Fixtures.nameOnlyMerchant)
            .bill
        #expect(
            bill.header.lines == [
                .text(BillLineText(value: "x", bold: true)),
                .url(BillURL(url: "https://a.example", showQR: true, showURL: false)),
            ])
    }
}

/// `--template NAME|FILE`: built-in names first, then files.
@Suite struct TemplateLoadTests {
    @Test func aNameOrAFileLoads() throws {
        #expect(try BillTemplate.load("cafe").name == "cafe")
        let file = Repository.root.appendingPathComponent("templates/narrow-58mm.json").path
        let fromFile = try BillTemplate.load(file)
        #expect(fromFile.name == "narrow-58mm")
        #expect(fromFile.paperWidth == "58mm")
    }

    @Test func aMissingFileOrAFolderIsAnUnknownTemplate() {
        #expect(
            throws: BillTemplateError.unknownTemplate(name: "/nonexistent/t.json", builtIns: BuiltInTemplates.names)
        ) {
            try BillTemplate.load("/nonexistent/t.json")
        }
        let folder = Repository.root.appendingPathComponent("templates").path
        #expect(throws: BillTemplateError.unknownTemplate(name: folder, builtIns: BuiltInTemplates.names)) {
            try BillTemplate.load(folder)
        }
    }
}
