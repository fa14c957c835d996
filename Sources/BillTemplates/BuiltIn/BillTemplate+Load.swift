import Foundation

extension BillTemplate {
    /// A built-in template by name, or else a template file by path (`--template NAME|FILE`).
    public static func load(_ nameOrPath: String) throws(BillTemplateError) -> BillTemplate {
        if BuiltInTemplates.source(named: nameOrPath) != nil { return try builtIn(nameOrPath) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: nameOrPath)
        else {
            throw .unknownTemplate(name: nameOrPath, builtIns: BuiltInTemplates.names)
        }
        return try BillTemplate(bytes: [UInt8](data), source: nameOrPath)
    }
}
