import BillJSON
import BillModel

/// Short quoted excerpts of strings for error messages.
enum JSONQuoting {
    /// `s` as a JSON string literal, cut to about 60 characters.
    static func excerpt(_ s: String) -> String { JSONValue.string(s).excerpt }
}
