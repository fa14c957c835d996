import BillBench

/// libFuzzer's entry point (see `tools/fuzz`). `BILLFUZZ_TARGET` picks what the input is:
/// `bill` (the default: one bill through every stage), `svg` (a logo: sanitised, checked, drawn in
/// the helper) or `text` (a string in every text field of a bill, through the ESC/POS planner).
@_cdecl("LLVMFuzzerTestOneInput")
public func billFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch FuzzTarget.current {
    case .bill: RobustnessHarness.renderEverything(bytes)
    case .svg: SVGFuzz.run(bytes)
    case .text: TextFuzz.run(bytes)
    }
    return 0
}
