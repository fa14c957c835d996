import BillJSON
import BillModel

/// Builds spec-valid bills from a template, an order and merchant data: what a POS host does
/// when it answers `GetOrderBillById`.
///
/// ```swift
/// let template = try BillTemplate.builtIn("restaurant")
/// let result = try BillBuilder.build(template: template, order: order, merchant: merchant)
/// let body = JSONWriter.write(BillBuilder.jsonRPCResponse(result.bill, id: .string(requestId)))
/// ```
public enum BillBuilder {
    /// Fills `template` with `order` and `merchant`; template lines whose data is missing are left out.
    ///
    /// Throws `BillTemplateError.invalidOrder` for an order that cannot become a valid bill
    /// (no `details.orderType`, a status off the spec, figures that overflow).
    public static func build(
        template: BillTemplate, order: Order, merchant: MerchantData,
        options: BillBuildOptions = BillBuildOptions()
    ) throws(BillTemplateError) -> BillBuildResult {
        var completion = OrderCompletion(fallbackCurrencyCode: options.fallbackCurrencyCode)
        let completed = try completion.complete(order)
        var contextBuilder = TemplateContextBuilder(template: template, options: options)
        let context = contextBuilder.context(order: completed, merchant: merchant)
        var renderer = TemplateLineRenderer(context: context, merchant: merchant, maxTextLength: options.maxTextLength)
        let header = template.header.compactMap { renderer.render($0) }
        let footer = template.footer.compactMap { renderer.render($0) }
        let bill = OrderBill(header: BillSection(lines: header), order: completed, footer: BillSection(lines: footer))
        return BillBuildResult(
            bill: bill, diagnostics: completion.diagnostics + contextBuilder.diagnostics + renderer.diagnostics)
    }

    /// The WebSockets method a bill answers.
    public static let jsonRPCMethod = "GetOrderBillByIdV1"

    /// `{"jsonrpc": "2.0", "id": id, "method": method, "result": bill}`: the WebSockets answer to
    /// `GetOrderBillByIdV1`. The AsyncAPI spec lists `method` as required on responses (without
    /// defining it), so it is echoed unless `method` is nil.
    public static func jsonRPCResponse(_ bill: OrderBill, id: JSONValue, method: String? = jsonRPCMethod) -> JSONValue {
        JSONRPCEnvelope.response(id: id, method: method, member: ("result", bill.jsonValue))
    }
}
