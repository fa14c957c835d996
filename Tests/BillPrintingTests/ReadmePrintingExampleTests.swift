import BillRender
import TestSupport
import Testing

/// The README's printing example, line for line, against the printer double.
struct ReadmePrintingExampleTests {
    @Test func theTypedOutcomeExample() throws {
        let printer = try ESCPOSPrinterDouble()
        let escpos: [UInt8] = [0x1B, 0x40, 0x41, 0x0A, 0x1D, 0x56, 66, 0]
        var said: [String] = []
        func markPrinted(_ id: PrintJobID) { said.append("printed \(id)") }
        func askStaffToCheck(_ id: PrintJobID, _ why: String) { said.append("check \(id): \(why)") }
        func retryLater(_ id: PrintJobID, _ why: String) { said.append("retry \(id): \(why)") }

        let job = PrintJob(bytes: escpos)  // job.id: "7KQ2"
        switch PrinterConnection.print(
            job, to: try PrinterDestination(parsing: "tcp://127.0.0.1:\(printer.port)"),
            options: PrintOptions(timeoutSeconds: 5, confirm: true))
        {
        case .printed(let receipt): markPrinted(receipt.job)  // the printer said so
        case .sent(let receipt, let why): askStaffToCheck(receipt.job, "\(why)")  // do not print again blindly
        case .notStarted(let id, let error): retryLater(id, "\(error)")  // nothing left: safe to retry
        }
        #expect(said == ["printed \(job.id)"])

        let again = try ESCPOSPrinterDouble()
        let state = try PrinterConnection.status(of: .tcp(host: "127.0.0.1", port: again.port))
        #expect(state.isReady)
    }
}
