import BillBench

/// libFuzzer's entry point: one input through every stage (see `tools/fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func billFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    RobustnessHarness.renderEverything(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
