// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "billrender",
    products: [
        /// The embeddable renderer a POS host links.
        .library(name: "BillRender", targets: ["BillRender"]),
        .executable(name: "billrender", targets: ["billrender"]),
        /// The picture helper: the library draws untrusted SVG in it (see README, "What billrender
        /// guarantees"). Ship it beside the program that links BillRender.
        .executable(name: "billrender-svg", targets: ["billrender-svg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // C libraries (Debian: libcairo2-dev, librsvg2-dev, libqrencode-dev).
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo-ft",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CRsvg", pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]),
        .systemLibrary(
            name: "CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        // Pango over HarfBuzz and FriBidi (Debian: libpango1.0-dev): shaped, bidi-ordered text runs.
        .systemLibrary(
            name: "CPango", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]),
        // zlib (Debian: zlib1g-dev): deflate for the streaming PNG encoder.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libcups's header (Debian: libcups2-dev); the library itself is loaded on the first CUPS job
        // (dlopen), so a process that never spools does not load it and its 24 dependencies.
        .target(name: "CCups", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),

        // Utilities every layer shares (a bounded cache, the QR error-correction level).
        .target(name: "BillSupport"),
        // JSON: the value, the parser, the writer and the one path-aware reader.
        .target(name: "BillJSON"),
        // The bill: model, decoding with diagnostics, money.
        .target(name: "BillModel", dependencies: ["BillJSON"]),
        // Printer profiles and the built-ins; reads bytes (the CLI reads the files).
        .target(name: "BillProfiles", dependencies: ["BillJSON"]),
        // QR module matrices (libqrencode).
        .target(name: "BillQR", dependencies: ["BillSupport", "CQRencode"]),
        // The one layout model every output reads, laid out for a printer profile, and the picture seam.
        .target(name: "BillLayout", dependencies: ["BillModel", "BillProfiles", "BillSupport"]),
        // Back ends.
        .target(name: "BillText", dependencies: ["BillLayout", "BillModel", "BillQR", "BillSupport"]),
        .target(
            name: "BillRaster",
            dependencies: ["BillLayout", "BillModel", "BillQR", "BillSupport", "CCairo", "CPango", "CRsvg", "CZlib"]),
        // Pure Swift: pictures come through BillLayout's PictureRenderer.
        .target(name: "BillESCPOS", dependencies: ["BillLayout", "BillModel", "BillProfiles", "BillSupport"]),
        // Sending bytes to a printer: TCP, device files, serial lines, CUPS; status before, confirmation after.
        .target(name: "BillPrinting", dependencies: ["CCups"]),
        // Star Line mode, StarPRNT and Star Graphic, from the plan ESC/POS makes (pure Swift too).
        .target(
            name: "BillStar", dependencies: ["BillLayout", "BillModel", "BillProfiles", "BillSupport", "BillESCPOS"]),
        // Building bills from an order, merchant data and a template.
        .target(
            name: "BillTemplates",
            dependencies: [
                "BillJSON", "BillModel", .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // The facade: decode, validate, lay out, render, print.
        .target(
            name: "BillRender",
            dependencies: [
                "BillSupport", "BillJSON", "BillModel", "BillProfiles", "BillQR", "BillLayout", "BillText",
                "BillESCPOS", "BillStar",
                "BillRaster", "BillPrinting", "BillTemplates",
            ]),
        .executableTarget(
            name: "billrender",
            dependencies: [
                "BillRender", "BillBench", "BillJSON", "BillProfiles", "BillESCPOS", "BillLayout", "BillModel",
                "BillPrinting",
                "BillTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // The picture helper process: librsvg runs here, under limits, never in the host.
        .executableTarget(name: "billrender-svg", dependencies: ["BillRaster"]),

        // Dev tooling, in no product: the benchmark, its corpus (the spec example and generated
        // bills) and the robustness harness, for the CLI's `bench`, the fuzz target and the tests.
        .target(name: "BillBench", dependencies: ["BillRender", "BillModel", "BillProfiles"]),
        // The fuzz target (tools/fuzz builds it with -sanitize=fuzzer); a replay tool otherwise.
        .executableTarget(
            name: "BillFuzz", dependencies: ["BillBench", "BillRender", "BillRaster", "BillLayout", "BillProfiles"]),

        // Test helpers: goldens, layout invariants, an ESC/POS decoder, loopback printers, a stub
        // picture renderer. Pure Swift (no Cairo, no zlib) and no Testing, so that every target
        // builds with --static-swift-stdlib; PNG decoding for pixel goldens is in PixelSupport.
        .target(
            name: "TestSupport", dependencies: ["BillESCPOS", "BillLayout", "BillModel", "BillProfiles", "BillStar"],
            path: "Tests/TestSupport"),
        .target(
            name: "PixelSupport", dependencies: ["TestSupport", "BillLayout", "CZlib"], path: "Tests/PixelSupport"),
        .testTarget(name: "BillSupportTests", dependencies: ["BillSupport"]),
        .testTarget(name: "BillJSONTests", dependencies: ["BillJSON"]),
        .testTarget(name: "BillProfilesTests", dependencies: ["BillJSON", "BillProfiles"]),
        .testTarget(name: "BillModelTests", dependencies: ["BillJSON", "BillModel"]),
        .testTarget(name: "BillQRTests", dependencies: ["BillQR", "BillSupport"]),
        .testTarget(name: "BillLayoutTests", dependencies: ["BillLayout", "BillModel", "BillText", "TestSupport"]),
        .testTarget(
            name: "BillTextTests", dependencies: ["BillText", "BillLayout", "BillModel", "BillSupport", "TestSupport"]),
        .testTarget(
            name: "BillESCPOSTests",
            dependencies: ["BillESCPOS", "BillLayout", "BillModel", "BillProfiles", "TestSupport"]),
        .testTarget(
            name: "BillRasterTests",
            dependencies: [
                "BillRaster", "BillLayout", "BillModel", "BillProfiles", "BillQR", "BillRender", "BillSupport", "CZlib",
                "TestSupport", "PixelSupport",
            ]),
        .testTarget(
            name: "BillStarTests",
            dependencies: [
                "BillStar", "BillESCPOS", "BillLayout", "BillModel", "BillProfiles", "BillRaster", "BillRender",
                "BillText", "TestSupport", "PixelSupport",
            ]),
        .testTarget(
            name: "BillPrintingTests",
            dependencies: ["BillPrinting", "BillESCPOS", "BillLayout", "BillRender", "TestSupport"]),
        .testTarget(
            name: "BillTemplatesTests",
            dependencies: ["BillTemplates", "BillJSON", "BillModel", "BillProfiles", "BillRender", "TestSupport"]),
        .testTarget(
            name: "BillRenderTests",
            dependencies: [
                "BillRender", "BillBench", "BillESCPOS", "BillLayout", "BillModel", "BillProfiles", "BillRaster",
                "BillText",
                "TestSupport", "PixelSupport",
            ]),
        .testTarget(
            name: "CLITests", dependencies: ["billrender", "BillESCPOS", "BillLayout", "TestSupport", "PixelSupport"]),
    ]
)
