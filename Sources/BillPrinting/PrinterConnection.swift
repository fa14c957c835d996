#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends a finished printer stream over raw TCP, to a device file, down a serial line or to a CUPS
/// queue: asks the printer's status first where it talks back, never sends a bill twice, and with
/// `confirm` waits for the printer to say it printed.
public enum PrinterConnection {
    /// `DLE EOT n`: transmit real-time status; `n` 1 printer, 2 offline cause, 3 error cause, 4 roll
    /// paper sensor (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_eot.html).
    static func realTimeStatusRequest(_ n: UInt8) -> [UInt8] { [0x10, 0x04, n] }

    /// `GS ( H pL pH fn m d1 d2 d3 d4` with `pL pH` = 6 0, `fn` = 48, `m` = 48: "specifies the process
    /// ID response"; the printer answers `37h 22h d1 d2 d3 d4 00h` once the data before it has printed
    /// (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/gs_lparen_ch_fn48.html).
    static func processIDRequest(_ id: PrintJobID) -> [UInt8] { [0x1D, 0x28, 0x48, 6, 0, 48, 48] + id.bytes }

    /// Prints `job` at `destination` and says what became of it. Never throws and never sends a
    /// byte of the bill twice: only a connection that has sent none of it is tried again.
    public static func print(
        _ job: PrintJob, to destination: PrinterDestination, options: PrintOptions = PrintOptions()
    ) -> PrintOutcome {
        if case .cups(let queue, let server) = destination {
            return CUPSSpooler.print(job, queue: queue, server: server, options: options)
        }
        let timeout = options.timeout
        let name = destination.description
        var parser = PrinterResponseParser()
        var warnings: [String] = []
        var status: PrinterStatus? = nil
        let link: PrinterLink
        do {
            (link, status) = try openChecked(destination, options: options, parser: &parser)
        } catch {
            return .notStarted(job.id, error)
        }
        if let status {
            guard status.isReady else { return .notStarted(job.id, .notReady(destination: name, status: status)) }
            warnings += status.warnings
        } else if options.checkStatus && link.canRead && link.closed {
            warnings.append("\(name) gives nothing back to read; printing without knowing the printer's state")
        } else if options.checkStatus && link.canRead {
            warnings.append(
                "the printer at \(name) did not answer a status request within \(PrintError.seconds(timeout)) s; "
                    + "printing without knowing its state")
        }
        let confirming =
            options.confirm && link.canRead && options.processIDResponse && options.statusDialect == .escpos
        let payload = confirming ? job.bytes + processIDRequest(job.id) : job.bytes
        let (sent, failure) = link.write(payload, timeout: timeout)
        let billSent = min(sent, job.bytes.count)
        var receipt = PrintReceipt(
            job: job.id, destination: name, bytesSent: billSent, totalBytes: job.bytes.count, statusBefore: status,
            warnings: warnings)
        if let failure {
            // Not one byte of the bill left: the POS may safely try again.
            if billSent == 0 && !job.bytes.isEmpty { return .notStarted(job.id, failure) }
            return .sent(receipt, .interrupted(failure))
        }
        guard options.confirm else {
            link.finishSending()
            return .sent(receipt, .notRequested)
        }
        guard link.canRead else {
            return .sent(receipt, .unsupported("\(name) does not talk back, so the printer cannot confirm"))
        }
        guard options.processIDResponse, options.statusDialect == .escpos else {
            link.finishSending()
            let why =
                options.statusDialect == .star
                ? "Star printers are not asked to confirm (their ETB counter is not read yet)"
                : "the printer's profile says it does not answer GS ( H (process ID)"
            return .sent(receipt, .unsupported(why))
        }
        let deadline = PrinterLink.now() + timeout
        var seen: PrinterStatus? = nil
        while true {
            let bytes = link.read(until: deadline)
            if bytes.isEmpty {
                if link.closed { return .sent(receipt, .connectionClosed(status: seen)) }
                break
            }
            for response in parser.feed(bytes) {
                switch response {
                case .processID(let id) where id == job.id.bytes:
                    link.finishSending()
                    return .printed(receipt)
                case .automaticStatus(let block): seen = PrinterStatus(automatic: block)
                case .starAutomaticStatus(let block): seen = PrinterStatus(starAutomatic: block)
                default: continue
                }
            }
        }
        // Ask once more why, briefly: the answer goes in the message.
        if case .status(let now) = queryStatus(
            link, parser: &parser, timeout: min(timeout, 1), dialect: options.statusDialect)
        {
            seen = now
        }
        receipt.warnings = warnings
        return .sent(receipt, .noAnswer(seconds: timeout, status: seen))
    }

    /// The printer's state, asked with `DLE EOT 1`–`4`; throws when the destination cannot say.
    public static func status(
        of destination: PrinterDestination, options: PrintOptions = PrintOptions()
    ) throws(PrintError) -> PrinterStatus {
        if case .cups(let queue, _) = destination {
            throw .statusUnavailable(
                destination: destination.description,
                reason: "CUPS queue \(queue) reports the queue, not the printer; ask the printer's own address")
        }
        var parser = PrinterResponseParser()
        var checking = options
        checking.checkStatus = true
        let (link, status) = try openChecked(destination, options: checking, parser: &parser)
        guard link.canRead else {
            throw .statusUnavailable(destination: destination.description, reason: "it cannot be read back")
        }
        guard let status else { throw .statusTimedOut(destination: destination.description, seconds: options.timeout) }
        return status
    }

    /// Sends all of `bytes` to `destination` without asking its status, or throws why not; a
    /// failure part way is thrown too (and the bytes are not sent again).
    public static func send(
        _ bytes: [UInt8], to destination: PrinterDestination,
        options: PrintOptions = PrintOptions()
    ) throws(PrintError) {
        var plain = options
        plain.checkStatus = false
        plain.confirm = false
        switch print(PrintJob(bytes: bytes), to: destination, options: plain) {
        case .printed, .sent(_, .notRequested): return
        case .notStarted(_, let error), .sent(_, .interrupted(let error)): throw error
        case .sent(let receipt, let why):
            throw .writeFailed(
                destination: receipt.destination, sent: receipt.bytesSent, total: receipt.totalBytes,
                reason: "\(why)")
        }
    }

    enum StatusAnswer {
        case status(PrinterStatus)
        case noAnswer
        case closed
    }

    /// Asks `DLE EOT 1`, `2`, `3` and `4` one after another, each answer before the next question, so
    /// that a printer that leaves one unanswered cannot shift the others. Automatic status blocks
    /// arriving meanwhile are read past. No answer to the first: `.noAnswer`; a later one missing
    /// counts as nothing reported.
    static func queryStatus(
        _ link: PrinterLink, parser: inout PrinterResponseParser, timeout: Double,
        dialect: PrintOptions.StatusDialect = .escpos
    ) -> StatusAnswer {
        if dialect == .star { return queryStarStatus(link, parser: &parser, timeout: timeout) }
        var answers: [UInt8] = []
        for n in UInt8(1)...4 {
            let (_, failure) = link.write(realTimeStatusRequest(n), timeout: timeout)
            if failure != nil { return .closed }
            let deadline = PrinterLink.now() + timeout
            var answer: UInt8? = nil
            while answer == nil {
                let bytes = link.read(until: deadline)
                if bytes.isEmpty {
                    if link.closed { return .closed }
                    break
                }
                for case .realTimeStatus(let b) in parser.feed(bytes) where answer == nil { answer = b }
            }
            guard let answer else {
                if n == 1 { return .noAnswer }
                answers.append(0x12)  // only the fixed bits: nothing reported
                continue
            }
            answers.append(answer)
        }
        return .status(
            PrinterStatus(
                realTime: answers[0], offlineCause: answers[1], errorCause: answers[2], paperSensor: answers[3]))
    }

    /// `ESC ACK SOH` (1B 06 01): Star's request for its automatic status, answered with one block
    /// (Star Line Mode command specifications, "Request status").
    static let starStatusRequest: [UInt8] = [0x1B, 0x06, 0x01]

    private static func queryStarStatus(
        _ link: PrinterLink, parser: inout PrinterResponseParser, timeout: Double
    ) -> StatusAnswer {
        if link.write(starStatusRequest, timeout: timeout).failure != nil { return .closed }
        let deadline = PrinterLink.now() + timeout
        while true {
            let bytes = link.read(until: deadline)
            if bytes.isEmpty { return link.closed ? .closed : .noAnswer }
            for case .starAutomaticStatus(let block) in parser.feed(bytes) {
                return .status(PrinterStatus(starAutomatic: block))
            }
        }
    }

    /// Opens `destination` and, where it talks back and `checkStatus` is on, asks its status. TCP
    /// connections are tried `connectAttempts` times, and so is one that closes while being asked
    /// (no byte of a bill has left yet).
    static func openChecked(
        _ destination: PrinterDestination, options: PrintOptions, parser: inout PrinterResponseParser
    ) throws(PrintError) -> (PrinterLink, PrinterStatus?) {
        let timeout = options.timeout
        switch destination {
        case .tcp(let host, let port):
            let attempts = max(1, options.connectAttempts)
            var last = Attempt.timedOut
            for attempt in 1...attempts {
                if attempt > 1 { usleep(UInt32(min(max(0, options.retryDelayMilliseconds), 60_000)) * 1000) }
                last = try connectOnce(host: host, port: port, timeout: timeout)
                switch last {
                case .connected(let socket):
                    let link = PrinterLink(file: socket, isSocket: true, canRead: true, name: destination.description)
                    guard options.checkStatus else { return (link, nil) }
                    parser = PrinterResponseParser()
                    switch queryStatus(link, parser: &parser, timeout: timeout, dialect: options.statusDialect) {
                    case .status(let s): return (link, s)
                    case .noAnswer: return (link, nil)
                    case .closed:
                        last = .failed("the printer closed the connection before answering")
                        continue
                    }
                case .timedOut, .refused: continue
                case .failed(let reason): throw .connectFailed(host: host, port: port, reason: reason)
                }
            }
            switch last {
            case .refused: throw .refused(host: host, port: port, attempts: attempts)
            case .failed(let reason): throw .connectFailed(host: host, port: port, reason: reason)
            default: throw .nothingAnswered(host: host, port: port, seconds: timeout, attempts: attempts)
            }
        case .device(let path):
            let link = try openDevice(path)
            return (link, options.checkStatus ? deviceStatus(link, parser: &parser, options: options) : nil)
        case .serial(let path, let settings):
            let link = try SerialLine.open(path, settings: settings)
            return (link, options.checkStatus ? deviceStatus(link, parser: &parser, options: options) : nil)
        case .cups:
            throw .statusUnavailable(destination: destination.description, reason: "a spooler queue")
        }
    }

    private static func deviceStatus(
        _ link: PrinterLink, parser: inout PrinterResponseParser, options: PrintOptions
    ) -> PrinterStatus? {
        guard link.canRead,
            case .status(let s) = queryStatus(
                link, parser: &parser, timeout: options.timeout, dialect: options.statusDialect)
        else {
            return nil
        }
        return s
    }

    /// Opens a device or file for writing, and for reading too when it is a character device that
    /// allows it (a USB printer-class device answers status that way). Never creates a file.
    private static func openDevice(_ path: String) throws(PrintError) -> PrinterLink {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? "no such device or file" : String(cString: strerror(errno))
            throw .openFailed(path: path, reason: reason)
        }
        if info.st_mode & S_IFMT == S_IFCHR {
            let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 {
                if isatty(fd) != 0 { SerialLine.makeRaw(fd) }
                return PrinterLink(file: FileDescriptor(fd), isSocket: false, canRead: true, name: path)
            }
        }
        let fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such device or file" : String(cString: strerror(errno))
            throw .openFailed(path: path, reason: reason)
        }
        return PrinterLink(file: FileDescriptor(fd), isSocket: false, canRead: false, name: path)
    }

    private enum Attempt {
        case connected(FileDescriptor)
        case timedOut, refused
        case failed(String)
    }

    /// One attempt over every address of `host`.
    private static func connectOnce(host: String, port: Int, timeout: Double) throws(PrintError) -> Attempt {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else { throw .unknownHost(host, reason: String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var result = Attempt.timedOut
        var node = list
        while let info = node?.pointee {
            node = info.ai_next
            let fd = socket(
                info.ai_family,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else { continue }
            let socket = FileDescriptor(fd)
            if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return .connected(socket) }
            guard errno == EINPROGRESS else {
                result = errno == ECONNREFUSED ? .refused : .failed(String(cString: strerror(errno)))
                continue
            }
            guard PrinterLink.wait(for: Int16(POLLOUT), on: fd, seconds: timeout) else {
                result = .timedOut
                continue
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else {
                result = .failed(String(cString: strerror(errno)))
                continue
            }
            switch error {
            case 0: return .connected(socket)
            case ECONNREFUSED: result = .refused
            case ETIMEDOUT, EHOSTUNREACH, ENETUNREACH: result = .timedOut
            default: result = .failed(String(cString: strerror(error)))
            }
        }
        return result
    }
}
