import CCups

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Raw jobs through libcups: `Create-Job`, one document of type `application/vnd.cups-raw` (no
/// filter touches the bytes), then with `confirm` the job's state until it is final. CUPS calls a
/// job "completed" once its backend has delivered every byte to the printer: that is not the
/// printer saying it printed.
enum CUPSSpooler {
    static func print(_ job: PrintJob, queue: String, server: String?, options: PrintOptions) -> PrintOutcome {
        let name = PrinterDestination.cups(queue: queue, server: server).description
        guard let cups = billrender_cups_load()?.pointee else {
            return .notStarted(
                job.id, .spoolerFailed(queue: queue, reason: String(cString: billrender_cups_error())))
        }
        let timeout = options.timeout
        let (host, port) = address(server, cups)
        let milliseconds = Int32(min(timeout * 1000, 600_000))
        guard
            let http = cups.httpConnect2(host, port, nil, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, milliseconds, nil)
        else {
            return .notStarted(job.id, .spoolerFailed(queue: queue, reason: "cannot reach CUPS at \(host):\(port)"))
        }
        defer { cups.httpClose(http) }
        let jobID = createJob(cups, http, queue: queue, title: "billrender job \(job.id)")
        guard jobID > 0 else { return .notStarted(job.id, .spoolerFailed(queue: queue, reason: lastError(cups))) }
        var receipt = PrintReceipt(
            job: job.id, destination: name, bytesSent: 0, totalBytes: job.bytes.count, spoolerJob: Int(jobID))
        guard cups.cupsStartDocument(http, queue, jobID, "bill", "application/vnd.cups-raw", 1) == HTTP_STATUS_CONTINUE
        else {
            _ = cups.cupsCancelJob2(http, queue, jobID, 0)
            return .notStarted(job.id, .spoolerFailed(queue: queue, reason: lastError(cups)))
        }
        let written = job.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cups.cupsWriteRequestData(http, $0, buffer.count)
                }
            } ?? HTTP_STATUS_CONTINUE
        }
        let finished = cups.cupsFinishDocument(http, queue)
        guard written == HTTP_STATUS_CONTINUE, finished.rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
            // Bytes went to the spooler: whether it keeps the job is its business, never resent.
            _ = cups.cupsCancelJob2(http, queue, jobID, 0)
            return .sent(
                receipt,
                .interrupted(.spoolerFailed(queue: queue, reason: "sending the job failed: \(lastError(cups))")))
        }
        receipt.bytesSent = job.bytes.count
        guard options.confirm else { return .sent(receipt, .notRequested) }
        let deadline = PrinterLink.now() + timeout
        while true {
            let (state, message) = jobState(cups, http, jobID)
            switch state {
            case 9: return .printed(receipt)  // IPP job-state completed
            case 7: return .sent(receipt, .spoolerGaveUp(state: "canceled", reason: message))
            case 8: return .sent(receipt, .spoolerGaveUp(state: "aborted", reason: message))
            default: break
            }
            guard PrinterLink.now() < deadline else {
                let stage = state == 5 ? "still sending it to the printer" : "still holding it (state \(state))"
                return .sent(
                    receipt,
                    .unsupported(
                        "CUPS is \(stage) after \(PrintError.seconds(timeout)) s"
                            + (message.isEmpty ? "" : ": \(message)")
                            + "; not resent, check the queue"))
            }
            usleep(50_000)
        }
    }

    /// IPP Create-Job on the queue, by hand: cupsCreateJob looks the queue up through its device URI
    /// when given a connection of its own, and fails.
    private static func createJob(_ cups: billrender_cups, _ http: OpaquePointer, queue: String, title: String) -> Int32
    {
        guard let request = cups.ippNewRequest(IPP_OP_CREATE_JOB) else { return 0 }
        cups.ippAddString(
            request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, "ipp://localhost/printers/\(queue)")
        cups.ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cups.cupsUser())
        cups.ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, title)
        guard let response = cups.cupsDoRequest(http, request, "/printers/\(queue)") else { return 0 }
        defer { cups.ippDelete(response) }
        guard cups.cupsLastError().rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else { return 0 }
        return cups.ippFindAttribute(response, "job-id", IPP_TAG_INTEGER).map { cups.ippGetInteger($0, 0) } ?? 0
    }

    /// `job-state` (3 pending … 9 completed, RFC 8011 5.3.7) and `job-state-message` of a job.
    private static func jobState(_ cups: billrender_cups, _ http: OpaquePointer, _ jobID: Int32) -> (Int32, String) {
        guard let request = cups.ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES) else { return (0, "") }
        cups.ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nil, "ipp://localhost/jobs/\(jobID)")
        cups.ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cups.cupsUser())
        guard let response = cups.cupsDoRequest(http, request, "/") else { return (0, lastError(cups)) }
        defer { cups.ippDelete(response) }
        let state = cups.ippFindAttribute(response, "job-state", IPP_TAG_ENUM).map { cups.ippGetInteger($0, 0) } ?? 0
        let message =
            cups.ippFindAttribute(response, "job-state-message", IPP_TAG_TEXT)
            .flatMap { cups.ippGetString($0, 0, nil) }.map { String(cString: $0) } ?? ""
        return (state, message)
    }

    /// `HOST:PORT` from the destination, else the server libcups would use (`CUPS_SERVER`, client.conf).
    private static func address(_ server: String?, _ cups: billrender_cups) -> (String, Int32) {
        if let server, let colon = server.lastIndex(of: ":"), let port = Int32(server[server.index(after: colon)...]) {
            return (String(server[..<colon]), port)
        }
        if let server { return (server, 631) }
        return (cups.cupsServer().map { String(cString: $0) } ?? "localhost", cups.ippPort())
    }

    private static func lastError(_ cups: billrender_cups) -> String {
        cups.cupsLastErrorString().map { String(cString: $0) } ?? "unknown CUPS error"
    }
}
