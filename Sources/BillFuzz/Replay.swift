// Without FUZZING (a plain `swift build`), BillFuzz is a replay tool: it runs each file named on
// the command line through the fuzz entry point, so a reproducer can be rerun under a debugger.
// With -D FUZZING -parse-as-library -sanitize=fuzzer (tools/fuzz), libFuzzer supplies main.
#if !FUZZING
    import Foundation

    @main
    struct Replay {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("\(path): cannot be read")
                    continue
                }
                let bytes = [UInt8](data)
                let result = bytes.withUnsafeBufferPointer { billFuzzTestOneInput($0.baseAddress, $0.count) }
                print("\(path): \(bytes.count) bytes, returned \(result)")
            }
        }
    }
#endif

#if FUZZING
    // swift-format-ignore: AlwaysUseLowerCamelCase
    /// libFuzzer's driver, from the fuzzer runtime that -sanitize=fuzzer links.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// SwiftPM links an executable target through `<Target>_main`; hand control to libFuzzer.
    @_cdecl("BillFuzz_main")
    func billFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector) { data, size in billFuzzTestOneInput(data, size) }
    }
#endif
