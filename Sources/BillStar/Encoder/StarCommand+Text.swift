import BillESCPOS
import BillLayout
import BillProfiles

/// Star's text commands, for the writer ESC/POS uses as well: styles only where they change, code
/// pages chosen per character.
extension StarCommand: TextCommandSet {
    package static func codeTable(_ n: UInt8) -> StarCommand { .selectCodePage(n) }
    package static func align(_ a: Alignment) -> StarCommand { .alignment(a == .left ? 0 : a == .center ? 1 : 2) }
    /// `ESC a n` takes 1–127 (STAR Line Mode Command Specifications; StarPRNT alike).
    package static var maxFeedLines: Int { 127 }
}
