import BillProfiles
import BillRender
import TestSupport
import Testing

/// The library is used from many threads at once inside a POS host: different bills rendered
/// concurrently give exactly what they give one at a time.
@Suite struct ConcurrencyTests {
    struct Job: Sendable {
        var bill: Int
        var format: OutputFormat
        var paper: Int
    }

    static let formats: [OutputFormat] = OutputFormat.allCases

    @Test func eightTasksMatchSerialResults() async throws {
        let names = Repository.goldenBillNames
        let bills = try names.map { try Repository.goldenBill($0) }
        var list: [Job] = []
        for b in bills.indices {
            for f in Self.formats { for p in 0..<2 { list.append(Job(bill: b, format: f, paper: p)) } }
        }
        let jobs = list
        let render: @Sendable (Job) -> [UInt8] = { job in
            return
                (try? BillRenderer.render(
                    json: bills[job.bill], format: job.format,
                    options: RenderOptions(profile: .speaking(job.format, narrow: job.paper == 1))
                ).bytes) ?? []
        }
        let serial = jobs.map(render)
        #expect(serial.allSatisfy { !$0.isEmpty })

        let concurrent = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for worker in 0..<8 {
                group.addTask {
                    // Each task walks the jobs from a different starting point, three times over.
                    var last: (Int, [UInt8]) = (0, [])
                    for round in 0..<3 {
                        for k in jobs.indices {
                            let i = (k + worker * 7 + round) % jobs.count
                            let out = render(jobs[i])
                            if out != serial[i] { return (i, out) }
                            last = (-1, [])
                        }
                    }
                    return last
                }
            }
            var mismatches: [Int] = []
            for await (i, _) in group where i >= 0 { mismatches.append(i) }
            return mismatches
        }
        #expect(concurrent.isEmpty, "jobs that differed when run concurrently: \(concurrent)")
    }
}
