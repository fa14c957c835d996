import BillJSON
import BillModel

/// The JSON-RPC 2.0 response envelope of Dojo's WebSockets API.
enum JSONRPCEnvelope {
    /// `{"jsonrpc": "2.0", "id": …, "method": …, "<result|error>": …}`.
    static func response(id: JSONValue, method: String?, member: (key: String, value: JSONValue)) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("jsonrpc", .string("2.0")), ("id", id)]
        if let method { members.append(("method", .string(method))) }
        members.append(member)
        return .object(JSONObject(members))
    }
}
