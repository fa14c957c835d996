// What `import BillRender` gives a POS host: the bill and its decoding, diagnostics, the layout,
// render options, printer profiles, printing, and the bill builder with its errors. Parsers,
// caches, command tables and the C wrappers stay inside their modules (the CLI and the tests,
// which are part of this package, import those modules directly).
//
// One declaration a line (swift format keeps them sorted by module), so the list reads as the
// library's surface and a module move shows up here as a compile error rather than as a silent
// widening. Add a type here only when a host needs to name it.

@_exported import struct BillESCPOS.ESCPOSOptions
@_exported import struct BillESCPOS.ESCPOSOutput
@_exported import enum BillJSON.JSONValue
@_exported import enum BillJSON.JSONWriter
@_exported import enum BillLayout.Alignment
@_exported import struct BillLayout.ImageBlock
@_exported import enum BillLayout.ImageRole
@_exported import struct BillLayout.Layout
@_exported import enum BillLayout.LayoutBlock
@_exported import struct BillLayout.LayoutGrid
@_exported import struct BillLayout.LayoutOptions
@_exported import struct BillLayout.LayoutResult
@_exported import enum BillLayout.LayoutTreeDumper
@_exported import struct BillLayout.QRBlock
@_exported import enum BillLayout.RuleKind
@_exported import struct BillLayout.TextLine
@_exported import struct BillLayout.TextStyle
@_exported import enum BillModel.BillAlign
@_exported import enum BillModel.BillDecoder
@_exported import struct BillModel.BillDecoding
@_exported import enum BillModel.BillLine
@_exported import struct BillModel.BillLineText
@_exported import enum BillModel.BillRule
@_exported import struct BillModel.BillSection
@_exported import enum BillModel.BillTextSize
@_exported import struct BillModel.BillURL
@_exported import struct BillModel.CollectionDetails
@_exported import struct BillModel.Currency
@_exported import struct BillModel.Customer
@_exported import struct BillModel.DecodingOptions
@_exported import struct BillModel.Diagnostic
@_exported import enum BillModel.DiagnosticCode
@_exported import struct BillModel.DineInDetails
@_exported import struct BillModel.Discount
@_exported import struct BillModel.Modifier
@_exported import struct BillModel.Money
@_exported import struct BillModel.Order
@_exported import struct BillModel.OrderBill
@_exported import struct BillModel.OrderDetails
@_exported import struct BillModel.OrderFigures
@_exported import struct BillModel.OrderItem
@_exported import enum BillModel.OrderStatus
@_exported import struct BillModel.OrderSubItem
@_exported import enum BillModel.OrderType
@_exported import struct BillModel.Payment
@_exported import struct BillModel.TaxLine
@_exported import enum BillPrinting.PrintError
@_exported import struct BillPrinting.PrintJob
@_exported import struct BillPrinting.PrintJobID
@_exported import struct BillPrinting.PrintOptions
@_exported import enum BillPrinting.PrintOutcome
@_exported import struct BillPrinting.PrintReceipt
@_exported import enum BillPrinting.PrinterConnection
@_exported import enum BillPrinting.PrinterDestination
@_exported import enum BillPrinting.PrinterResponse
@_exported import struct BillPrinting.PrinterStatus
@_exported import struct BillPrinting.SerialSettings
@_exported import enum BillPrinting.Unconfirmed
@_exported import struct BillProfiles.CodeTableEntry
@_exported import struct BillProfiles.PrinterCapabilities
@_exported import struct BillProfiles.PrinterCommunication
@_exported import struct BillProfiles.PrinterFont
@_exported import enum BillProfiles.PrinterLanguage
@_exported import struct BillProfiles.PrinterProfile
@_exported import enum BillProfiles.ProfileError
@_exported import enum BillProfiles.RasterCommand
@_exported import enum BillRaster.DitherMethod
@_exported import struct BillRaster.RasterFonts
@_exported import struct BillRaster.RasterOptions
@_exported import struct BillRaster.SVGLimits
@_exported import struct BillRaster.VectorOptions
@_exported import enum BillSupport.QRErrorCorrection
@_exported import struct BillTemplates.BillBuildOptions
@_exported import struct BillTemplates.BillBuildResult
@_exported import enum BillTemplates.BillBuilder
@_exported import struct BillTemplates.BillTemplate
@_exported import enum BillTemplates.BillTemplateError
@_exported import enum BillTemplates.BuiltInTemplates
@_exported import struct BillTemplates.EPOSError
@_exported import struct BillTemplates.MerchantData
@_exported import struct BillText.TextRenderOptions
