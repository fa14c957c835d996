import BillLayout
import BillRaster
import Testing

/// Renders share fonts across threads (FreeType faces behind Cairo's lock) and must not interfere.
@Suite("Concurrent raster renders")
struct RasterConcurrencyTests {
    @Test func parallelRendersMatchTheSerialOne() async throws {
        let layouts = [SampleLayouts.bill(), SampleLayouts.bill(grid: SampleLayouts.grid58)]
        let serial = try layouts.map { try RasterRenderer.png($0).bytes }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    let index = task % layouts.count
                    let options = task % 4 == 3 ? RasterOptions(dither: .atkinson) : RasterOptions()
                    return (index, try RasterRenderer.png(layouts[index], options: options).bytes)
                }
            }
            var all: [(Int, [UInt8])] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for (index, bytes) in results { #expect(bytes == serial[index]) }
    }
}
