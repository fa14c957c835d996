import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A receipt printer that speaks ESC/POS back, for the printing tests: on loopback TCP at a free
/// port, or on any file descriptor (the master side of a pseudo-terminal for serial tests).
///
/// It reads the stream with ESC/POS command lengths, so image data never reads as commands, and
/// answers as Epson's reference describes:
/// - `DLE EOT n` (`10 04 n`, 1 ≤ n ≤ 4) at once, whatever state it is in and wherever the three
///   bytes fall, even inside another command's data, as the reference says real-time commands are
///   (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_eot.html): one byte
///   `0xx1xx10` with the state's bits;
/// - `ESC ACK SOH` (Star's status request): a nine-byte Star automatic status;
/// - `GS a n` (n ≠ 0) enables automatic status: four bytes at once and again at every change
///   (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/gs_a.html);
/// - `GS ( H` function 48 with process ID `d1…d4`: `37 22 d1 d2 d3 d4 00`, once everything before it
///   has printed, that is at once unless the cover is open, the paper out or the printer offline;
///   then when that is put right (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/gs_lparen_ch_fn48.html).
public final class ESCPOSPrinterDouble: @unchecked Sendable {
    /// What the printer's sensors say.
    public struct State: Sendable, Equatable {
        public var coverOpen = false
        public var paperEnd = false
        public var paperNearEnd = false
        public var offline = false
        public var drawerPin3High = false
        public var cutterError = false
        public var unrecoverableError = false
        public var autoRecoverableError = false
        /// The roll runs out once a connection has brought this many bytes (mid-bill).
        public var paperRunsOutAfter: Int? = nil
        public init() {}

        var error: Bool { cutterError || unrecoverableError || autoRecoverableError }
        /// Printing stops.
        var stalled: Bool { coverOpen || paperEnd || offline || error }
    }

    /// How it behaves beyond its state.
    public enum Behaviour: Sendable, Equatable {
        /// Answers as the reference says.
        case normal
        /// Accepts and reads everything, answers nothing (status switched off, a dumb print server).
        case silent
        /// Answers status but never a process ID (a model without `GS ( H`).
        case noProcessID
        /// Closes the connection once it has read this many bytes.
        case dropAfter(bytes: Int)
    }

    /// The TCP port, for a double on loopback (0 on a file descriptor).
    public let port: Int
    private let lock = NSLock()
    private var state: State
    private let behaviours: [Behaviour]
    private var behaviour: Behaviour
    private let holding = DispatchSemaphore(value: 0)
    private var connections: [[UInt8]] = []
    private var current: Int32 = -1  // the connection being served, or -1
    private var asb: UInt8 = 0
    private var deferredProcessIDs: [[UInt8]] = []
    private var answeredProcessIDs: [[UInt8]] = []
    private let done = DispatchSemaphore(value: 0)
    private var listener: Int32 = -1

    /// Listens on 127.0.0.1 and serves `connections` connections one after another.
    public convenience init(state: State = State(), behaviour: Behaviour = .normal, connections: Int = 1) throws {
        try self.init(state: state, behaviours: Array(repeating: behaviour, count: max(1, connections)))
    }

    /// Listens on 127.0.0.1 and serves one connection a behaviour, one after another.
    public init(state: State = State(), behaviours: [Behaviour]) throws {
        self.state = state
        self.behaviours = behaviours
        behaviour = behaviours.first ?? .normal
        let connections = behaviours.count
        let bound = ESCPOSLoopbackPorts.bound()
        guard bound.fd >= 0, listen(bound.fd, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
        listener = bound.fd
        port = bound.port
        let thread = Thread { [self] in
            for i in 0..<connections {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { break }
                lock.lock()
                behaviour = behaviours[i]
                lock.unlock()
                serve(client)
            }
            done.signal()
        }
        thread.start()
    }

    /// Serves one already-open descriptor (the double owns and closes it), until the other side closes.
    public init(serving fd: Int32, state: State = State(), behaviour: Behaviour = .normal) {
        self.state = state
        self.behaviours = [behaviour]
        self.behaviour = behaviour
        port = 0
        let thread = Thread { [self] in
            serve(fd)
            done.signal()
        }
        thread.start()
    }

    deinit { if listener >= 0 { close(listener) } }

    /// Changes the state; sends automatic status when enabled, and the process IDs held back while
    /// the printer was stopped once it no longer is.
    public func set(_ change: (inout State) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        let before = state
        change(&state)
        guard state != before else { return }
        if asb != 0 { send(automaticStatus()) }
        if !state.stalled {
            for id in deferredProcessIDs { answerProcessID(id) }
            deferredProcessIDs = []
        }
    }

    /// The bytes of every connection, once all have closed (waits at most a minute, so that a broken
    /// test fails instead of hanging).
    public func received() -> [[UInt8]] {
        _ = done.wait(timeout: .now() + 60)
        lock.lock()
        defer { lock.unlock() }
        return connections
    }

    /// The connections so far, as they stand (the tests ask after the client has finished).
    public var connectionsSoFar: [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return connections
    }

    /// Waits (at most a minute) until a process ID is held back because the printer is stopped.
    public func waitUntilHolding() -> Bool { holding.wait(timeout: .now() + 60) == .success }

    /// The process IDs answered so far.
    public var answered: [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return answeredProcessIDs
    }

    /// The four real-time status requests, as billrender asks them before a bill.
    public static let statusRequests: [UInt8] = [0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4]

    // MARK: Serving

    private func serve(_ fd: Int32) {
        lock.lock()
        connections.append([])
        current = fd
        lock.unlock()
        let behaviour = self.behaviour
        var reader = CommandReader()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var total = 0
        loop: while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var chunk = Array(buffer[0..<n])
            if case .dropAfter(let limit) = behaviour, total + n >= limit {
                chunk = Array(chunk.prefix(limit - total))
                record(chunk, reader: &reader)
                break loop
            }
            total += n
            record(chunk, reader: &reader)
        }
        lock.lock()
        current = -1
        close(fd)
        lock.unlock()
    }

    private func record(_ chunk: [UInt8], reader: inout CommandReader) {
        lock.lock()
        defer { lock.unlock() }
        connections[connections.count - 1] += chunk
        if let limit = state.paperRunsOutAfter, connections[connections.count - 1].count >= limit, !state.paperEnd {
            state.paperEnd = true
            if asb != 0 { send(automaticStatus()) }
        }
        for event in reader.feed(chunk) {
            switch event {
            case .realTimeStatus(let n): send([realTimeStatus(n)])
            case .automaticStatus(let n):
                asb = n
                if n != 0 { send(automaticStatus()) }
            case .starStatusRequest: send(starAutomaticStatus())
            case .processID(let id):
                if behaviour == .noProcessID { continue }
                if state.stalled {
                    deferredProcessIDs.append(id)
                    holding.signal()
                } else {
                    answerProcessID(id)
                }
            }
        }
    }

    /// `37h 22h d1 d2 d3 d4 00h` (GS ( H function 48).
    private func answerProcessID(_ id: [UInt8]) {
        answeredProcessIDs.append(id)
        send([0x37, 0x22] + id + [0x00])
    }

    /// The answer to `DLE EOT n`: bits 1 and 4 fixed on, 0 and 7 off (dle_eot.html).
    private func realTimeStatus(_ n: UInt8) -> UInt8 {
        var b: UInt8 = 0x12
        switch n {
        case 1:  // printer: bit 2 drawer pin 3, bit 3 offline
            if state.drawerPin3High { b |= 0x04 }
            if state.stalled { b |= 0x08 }
        case 2:  // offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error
            if state.coverOpen { b |= 0x04 }
            if state.paperEnd { b |= 0x20 }
            if state.error { b |= 0x40 }
        case 3:  // error cause: bit 3 auto-cutter, bit 5 unrecoverable, bit 6 auto-recoverable
            if state.cutterError { b |= 0x08 }
            if state.unrecoverableError { b |= 0x20 }
            if state.autoRecoverableError { b |= 0x40 }
        default:  // roll paper sensor: bits 2-3 near end, bits 5-6 paper end
            if state.paperNearEnd { b |= 0x0C }
            if state.paperEnd { b |= 0x60 }
        }
        return b
    }

    /// The four ASB bytes: first `0xx1xx00`, the others `0xx0xxxx` (gs_a.html).
    private func automaticStatus() -> [UInt8] {
        var b1: UInt8 = 0x10
        if state.drawerPin3High { b1 |= 0x04 }
        if state.stalled { b1 |= 0x08 }
        if state.coverOpen { b1 |= 0x20 }
        var b2: UInt8 = 0
        if state.cutterError { b2 |= 0x08 }
        if state.unrecoverableError { b2 |= 0x20 }
        if state.autoRecoverableError { b2 |= 0x40 }
        var b3: UInt8 = 0
        if state.paperNearEnd { b3 |= 0x03 }
        if state.paperEnd { b3 |= 0x0C }
        return [b1, b2, b3, 0]
    }

    /// A Star automatic status of nine bytes: header 1 `23h` (9 bytes), header 2 `06h` (version 3),
    /// printer status 1 (bit 2 drawer, 3 offline, 5 cover open), 2 (bit 3 auto-cutter, 5 non-recoverable,
    /// 6 head temperature), 3, 4 (bit 2 near end, 3 paper end), 5–7 (Star Line Mode specifications).
    private func starAutomaticStatus() -> [UInt8] {
        var s1: UInt8 = 0
        if state.drawerPin3High { s1 |= 0x04 }
        if state.stalled { s1 |= 0x08 }
        if state.coverOpen { s1 |= 0x20 }
        var s2: UInt8 = 0
        if state.cutterError { s2 |= 0x08 }
        if state.unrecoverableError { s2 |= 0x20 }
        if state.autoRecoverableError { s2 |= 0x40 }
        var s4: UInt8 = 0
        if state.paperNearEnd { s4 |= 0x04 }
        if state.paperEnd { s4 |= 0x08 }
        return [0x23, 0x06, s1, s2, 0, s4, 0, 0, 0]
    }

    /// Writes to the connection being served (under the lock); a silent double writes nothing.
    private func send(_ bytes: [UInt8]) {
        guard behaviour != .silent, current >= 0 else { return }
        _ = bytes.withUnsafeBytes { write(current, $0.baseAddress, $0.count) }
    }
}

/// Reads an ESC/POS stream a chunk at a time with the commands' lengths, and reports what a
/// printer answers. Real-time `DLE EOT n` is found wherever its three bytes fall.
struct CommandReader {
    enum Event: Equatable {
        case realTimeStatus(UInt8)
        case automaticStatus(UInt8)
        case processID([UInt8])
        case starStatusRequest
    }

    private var pending: [UInt8] = []
    private var window: (UInt8, UInt8) = (0, 0)
    /// Bytes of a command's data still to skip (image data, a QR payload).
    private var skip = 0

    mutating func feed(_ chunk: [UInt8]) -> [Event] {
        var events: [Event] = []
        for b in chunk {
            if window.0 == 0x10 && window.1 == 0x04 && (1...4).contains(b) { events.append(.realTimeStatus(b)) }
            window = (window.1, b)
            if skip > 0 {
                skip -= 1
                continue
            }
            pending.append(b)
            guard let length = Self.length(of: pending) else { continue }  // needs more bytes
            if pending.count >= length {
                if let event = Self.event(pending) { events.append(event) }
                pending = []
            } else if Self.headerComplete(pending) {
                skip = length - pending.count
                pending = []
            }
        }
        return events
    }

    /// GS a n, GS ( H fn 48.
    private static func event(_ c: [UInt8]) -> Event? {
        if c == [0x1B, 0x06, 0x01] { return .starStatusRequest }
        if c.count == 3, c[0] == 0x1D, c[1] == 0x61 { return .automaticStatus(c[2]) }
        if c.count == 11, c[0] == 0x1D, c[1] == 0x28, c[2] == 0x48, c[5] == 48, c[6] == 48 {
            return .processID(Array(c[7...]))
        }
        return nil
    }

    /// Long commands whose header has arrived: the rest is data to skip.
    private static func headerComplete(_ c: [UInt8]) -> Bool {
        guard c.count >= 2 else { return false }
        switch (c[0], c[1]) {
        case (0x1D, 0x28): return c.count >= 5 && !(c.count >= 3 && c[2] == 0x48)  // keep GS ( H whole
        case (0x1D, 0x76): return c.count >= 8
        case (0x1B, 0x2A): return c.count >= 5
        default: return false
        }
    }

    /// The whole command's length from its first bytes, or nil while more are needed to tell.
    private static func length(of c: [UInt8]) -> Int? {
        let b0 = c[0]
        guard b0 == 0x1B || b0 == 0x1D || b0 == 0x10 else { return 1 }  // text, LF, other single bytes
        guard c.count >= 2 else { return nil }
        let b1 = c[1]
        switch b0 {
        case 0x10:
            return b1 == 0x04 || b1 == 0x05 ? 3 : 2  // DLE EOT n, DLE ENQ n
        case 0x1B:
            switch b1 {
            case 0x40, 0x32, 0x3C: return 2  // ESC @, ESC 2, ESC <
            case 0x70: return 5  // ESC p m t1 t2
            case 0x2A:  // ESC * m nL nH d: nL + 256 nH columns of 1 (m 0, 1) or 3 (m 32, 33) bytes
                guard c.count >= 5 else { return nil }
                let columns = Int(c[3]) | Int(c[4]) << 8
                return 5 + columns * (c[2] >= 32 ? 3 : 1)
            default: return 3  // ESC t n, ESC a n, ESC E n, ESC M n, ESC d n, ESC 3 n, ESC ! n, …
            }
        default:  // GS
            switch b1 {
            case 0x56:  // GS V m [n]
                guard c.count >= 3 else { return nil }
                return [65, 66, 97, 98, 103, 104].contains(c[2]) ? 4 : 3
            case 0x28:  // GS ( x pL pH …: 5 + pL + 256 pH
                guard c.count >= 5 else { return nil }
                return 5 + (Int(c[3]) | Int(c[4]) << 8)
            case 0x76:  // GS v 0 m xL xH yL yH d: (xL + 256 xH) × (yL + 256 yH) bytes
                guard c.count >= 8 else { return nil }
                return 8 + (Int(c[4]) | Int(c[5]) << 8) * (Int(c[6]) | Int(c[7]) << 8)
            default: return 3  // GS ! n, GS a n, GS r n, GS B n, GS h n, GS w n, …
            }
        }
    }
}
