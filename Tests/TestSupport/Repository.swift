import Foundation

/// Paths inside the repository, for tests.
public enum Repository {
    /// The repository's root folder.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Repository.swift
        return url
    }()

    /// `golden/`.
    public static var golden: URL { root.appendingPathComponent("golden") }

    /// Every bill of the golden corpus (`golden/bills/*.json`), by name without extension.
    public static var goldenBillNames: [String] {
        let dir = golden.appendingPathComponent("bills")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The bytes of `golden/bills/NAME.json`.
    public static func goldenBill(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: golden.appendingPathComponent("bills/\(name).json")))
    }

    /// The bytes of a file under the repository root.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// Where tests write what they produced when it differs from a golden.
    public static var actualOutputs: URL { root.appendingPathComponent(".build/golden-actual") }
}
