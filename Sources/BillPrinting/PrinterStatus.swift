/// What an ESC/POS printer says about itself, decoded from its real-time status bytes (the answers
/// to `DLE EOT 1`–`4`) or from an automatic status block (ASB, enabled by `GS a`).
///
/// The bit meanings are Epson's, from the ESC/POS command reference:
/// `DLE EOT` (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_eot.html) and
/// `GS a` (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/gs_a.html).
public struct PrinterStatus: Sendable, Equatable {
    /// The printer is online (`DLE EOT 1` bit 3 off; ASB byte 1 bit 3 off).
    public var online: Bool
    /// The paper-roll cover is open (`DLE EOT 2` bit 2; ASB byte 1 bit 5).
    public var coverOpen: Bool
    /// The roll is out, or printing stopped at paper end (`DLE EOT 4` bits 5–6, `DLE EOT 2` bit 5;
    /// ASB byte 3 bits 2–3).
    public var paperEnd: Bool
    /// The near-end sensor finds little paper left (`DLE EOT 4` bits 2–3; ASB byte 3 bits 0–1).
    public var paperNearEnd: Bool
    /// Paper is being fed with the FEED button (`DLE EOT 1` bit 6, `DLE EOT 2` bit 3; ASB byte 1 bit 6).
    public var feedButtonPressed: Bool
    /// The printer waits for online recovery (`DLE EOT 1` bit 5; ASB byte 2 bit 0).
    public var waitingForOnlineRecovery: Bool
    /// Pin 3 of the drawer kick-out connector is high (`DLE EOT 1` bit 2; ASB byte 1 bit 2): on most
    /// drawers, open.
    public var drawerPin3High: Bool
    /// A recoverable (mechanical) error (`DLE EOT 3` bit 2; ASB byte 2 bit 2).
    public var recoverableError: Bool
    /// An auto-cutter error, usually a jam (`DLE EOT 3` bit 3; ASB byte 2 bit 3).
    public var cutterError: Bool
    /// An unrecoverable error (`DLE EOT 3` bit 5; ASB byte 2 bit 5): switch the printer off.
    public var unrecoverableError: Bool
    /// An automatically recoverable error such as a hot print head (`DLE EOT 3` bit 6; ASB byte 2 bit 6).
    public var autoRecoverableError: Bool
    /// The offline cause says "error occurred" (`DLE EOT 2` bit 6).
    public var errorReported: Bool

    /// A status with nothing wrong.
    public init(
        online: Bool = true, coverOpen: Bool = false, paperEnd: Bool = false, paperNearEnd: Bool = false,
        feedButtonPressed: Bool = false, waitingForOnlineRecovery: Bool = false, drawerPin3High: Bool = false,
        recoverableError: Bool = false, cutterError: Bool = false, unrecoverableError: Bool = false,
        autoRecoverableError: Bool = false, errorReported: Bool = false
    ) {
        self.online = online
        self.coverOpen = coverOpen
        self.paperEnd = paperEnd
        self.paperNearEnd = paperNearEnd
        self.feedButtonPressed = feedButtonPressed
        self.waitingForOnlineRecovery = waitingForOnlineRecovery
        self.drawerPin3High = drawerPin3High
        self.recoverableError = recoverableError
        self.cutterError = cutterError
        self.unrecoverableError = unrecoverableError
        self.autoRecoverableError = autoRecoverableError
        self.errorReported = errorReported
    }

    /// Decodes the answers to `DLE EOT 1`, `2`, `3` and `4`, in that order.
    public init(realTime printer: UInt8, offlineCause: UInt8, errorCause: UInt8, paperSensor: UInt8) {
        self.init(
            online: printer & 0x08 == 0,
            coverOpen: offlineCause & 0x04 != 0,
            paperEnd: paperSensor & 0x60 != 0 || offlineCause & 0x20 != 0,
            paperNearEnd: paperSensor & 0x0C != 0,
            feedButtonPressed: printer & 0x40 != 0 || offlineCause & 0x08 != 0,
            waitingForOnlineRecovery: printer & 0x20 != 0,
            drawerPin3High: printer & 0x04 != 0,
            recoverableError: errorCause & 0x04 != 0,
            cutterError: errorCause & 0x08 != 0,
            unrecoverableError: errorCause & 0x20 != 0,
            autoRecoverableError: errorCause & 0x40 != 0,
            errorReported: offlineCause & 0x40 != 0)
    }

    /// Decodes a four-byte automatic status block (`GS a`).
    public init(automatic b: [UInt8]) {
        let b1 = b.count > 0 ? b[0] : 0
        let b2 = b.count > 1 ? b[1] : 0
        let b3 = b.count > 2 ? b[2] : 0
        self.init(
            online: b1 & 0x08 == 0,
            coverOpen: b1 & 0x20 != 0,
            paperEnd: b3 & 0x0C != 0,
            paperNearEnd: b3 & 0x03 != 0,
            feedButtonPressed: b1 & 0x40 != 0,
            waitingForOnlineRecovery: b2 & 0x01 != 0,
            drawerPin3High: b1 & 0x04 != 0,
            recoverableError: b2 & 0x04 != 0,
            cutterError: b2 & 0x08 != 0,
            unrecoverableError: b2 & 0x20 != 0,
            autoRecoverableError: b2 & 0x40 != 0)
    }

    /// Decodes a Star automatic status block (header 1, header 2, printer status 1, 2, 3, 4, …), per
    /// Star's Line Mode command specifications ("Automatic status", printer status 1–4): status 1
    /// bit 3 offline, bit 5 cover open, bit 2 the compulsion (drawer) switch; status 2 bit 2 mechanical
    /// error, bit 3 auto-cutter error, bit 5 non-recoverable error, bit 6 stopped by head temperature;
    /// status 4 bit 3 paper end, bits 1–2 paper near end.
    public init(starAutomatic b: [UInt8]) {
        func byte(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }
        let s1 = byte(2)
        let s2 = byte(3)
        let s4 = byte(5)
        self.init(
            online: s1 & 0x08 == 0,
            coverOpen: s1 & 0x20 != 0,
            paperEnd: s4 & 0x08 != 0,
            paperNearEnd: s4 & 0x06 != 0,
            drawerPin3High: s1 & 0x04 != 0,
            recoverableError: s2 & 0x04 != 0,
            cutterError: s2 & 0x08 != 0,
            unrecoverableError: s2 & 0x20 != 0,
            autoRecoverableError: s2 & 0x40 != 0)
    }

    /// Any error the printer reports.
    public var error: Bool {
        recoverableError || cutterError || unrecoverableError || autoRecoverableError || errorReported
    }

    /// Whether a bill sent now would print: online, cover closed, paper in, no error. Paper near end
    /// is only a warning.
    public var isReady: Bool { online && !coverOpen && !paperEnd && !error }

    /// What stops printing, each as "what — what to do", most pressing first; empty when ready.
    public var problems: [String] {
        var out: [String] = []
        if unrecoverableError {
            out.append("unrecoverable error — switch the printer off and on, then call for service")
        }
        if cutterError { out.append("cutter error — open the cover, clear the paper jam and close it") }
        if recoverableError { out.append("mechanical error — clear the paper path and close the cover") }
        if autoRecoverableError { out.append("print head too hot — wait for it to cool down") }
        if paperEnd { out.append("paper end — load paper") }
        if coverOpen { out.append("cover open — close the cover") }
        if errorReported && out.isEmpty { out.append("error — check the printer") }
        if !online && out.isEmpty {
            out.append(feedButtonPressed ? "feeding paper — release the FEED button" : "offline — check the printer")
        }
        return out
    }

    /// What does not stop printing but should be seen to.
    public var warnings: [String] {
        paperNearEnd && !paperEnd ? ["paper near end — replace the roll soon"] : []
    }

    /// "the printer reports: paper end — load paper; cover open — close the cover", or "ready".
    public var summary: String {
        let p = problems
        if p.isEmpty { return warnings.isEmpty ? "ready" : "ready; " + warnings.joined(separator: "; ") }
        return "the printer reports: " + p.joined(separator: "; ")
    }

    /// The state as JSON, one key a field (`online`, `coverOpen`, `paperEnd`, `paperNearEnd`, `error`,
    /// `ready`, then the details).
    public var json: String {
        let fields: [(String, Bool)] = [
            ("ready", isReady), ("online", online), ("coverOpen", coverOpen), ("paperEnd", paperEnd),
            ("paperNearEnd", paperNearEnd), ("error", error), ("cutterError", cutterError),
            ("unrecoverableError", unrecoverableError), ("autoRecoverableError", autoRecoverableError),
            ("recoverableError", recoverableError), ("feedButtonPressed", feedButtonPressed),
            ("waitingForOnlineRecovery", waitingForOnlineRecovery), ("drawerPin3High", drawerPin3High),
        ]
        var out = "{"
        for (i, (key, value)) in fields.enumerated() {
            out += (i == 0 ? "" : ", ") + "\"\(key)\": \(value)"
        }
        let notes = (problems + warnings).map { "\"" + $0 + "\"" }.joined(separator: ", ")
        return out + ", \"messages\": [\(notes)]}"
    }
}
