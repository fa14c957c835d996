import BillJSON
import BillModel

/// Dojo's `EPOSError`: the body a POS host answers with when it cannot produce a bill.
///
/// Over REST it is the response body with `httpStatus`; over WebSockets it goes in the JSON-RPC
/// response's `error` member (`jsonRPCResponse(id:)`), not as a JSON-RPC `{code, message}`.
public struct EPOSError: Error, Sendable, Equatable {
    /// Dojo's `EPOSErrorType`.
    public enum ErrorType: String, Sendable, Equatable, CaseIterable {
        /// The order id is unknown (HTTP 404).
        case notFound = "NotFound"
        /// Anything else that went wrong (HTTP 500).
        case unexpectedError = "UnexpectedError"
        /// A malformed request (HTTP 400).
        case invalidRequest = "InvalidRequest"
        /// The order's state does not allow the request (HTTP 409).
        case conflict = "Conflict"

        /// The HTTP status a REST answer carries for this type.
        public var httpStatus: Int {
            switch self {
            case .notFound: return 404
            case .invalidRequest: return 400
            case .conflict: return 409
            case .unexpectedError: return 500
            }
        }
    }

    public var errorType: ErrorType
    /// A message for the developer reading Dojo's logs.
    public var debugMessage: String?
    /// An id that ties the answer to the POS host's own logs.
    public var traceId: String?

    public init(_ errorType: ErrorType, debugMessage: String? = nil, traceId: String? = nil) {
        self.errorType = errorType
        self.debugMessage = debugMessage
        self.traceId = traceId
    }

    /// The answer for an order the POS host does not know.
    public static func notFound(orderId: String, traceId: String? = nil) -> EPOSError {
        EPOSError(.notFound, debugMessage: "Order \(orderId) not found", traceId: traceId)
    }

    /// The HTTP status of a REST answer carrying this error.
    public var httpStatus: Int { errorType.httpStatus }

    /// `{"errorType": …, "debugMessage": …, "traceId": …}`.
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("errorType", .string(errorType.rawValue))]
        if let debugMessage { members.append(("debugMessage", .string(debugMessage))) }
        if let traceId { members.append(("traceId", .string(traceId))) }
        return .object(JSONObject(members))
    }

    /// `{"jsonrpc": "2.0", "id": id, "method": method, "error": {EPOSError}}` for a WebSockets
    /// request `id` (`method` left out when nil).
    public func jsonRPCResponse(id: JSONValue, method: String? = BillBuilder.jsonRPCMethod) -> JSONValue {
        JSONRPCEnvelope.response(id: id, method: method, member: ("error", jsonValue))
    }
}
