/// A check of the test support (a golden, a layout invariant) that failed, in words.
///
/// The support library does not import Testing (a regular target that did would break
/// `swift build -c release --static-swift-stdlib`, which has no static Testing): its checks throw
/// this, and a test that calls them with `try` records it as an issue.
public struct CheckFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
