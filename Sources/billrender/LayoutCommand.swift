import ArgumentParser
import BillRender

/// `billrender layout BILL`: the layout as a tree, one block a line.
struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout", abstract: "Print the layout of a bill as a tree (the model every output reads).")

    @OptionGroup var bill: BillOptions

    func run() throws {
        try CLIIO.run {
            let options = try bill.renderOptions()
            let decoded = BillRenderer.decode(json: try bill.readBill(), options: options.decoding)
            guard let b = decoded.bill, !(bill.strict && !decoded.diagnostics.isEmpty) else {
                throw BillRenderError.invalidBill(decoded.diagnostics)
            }
            CLIIO.report(decoded.diagnostics)
            let laid = BillRenderer.layout(b, options: options)
            CLIIO.report(laid.diagnostics)
            print(LayoutTreeDumper.dump(laid.layout), terminator: "")
        }
    }
}
