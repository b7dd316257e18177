// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct CostModelTests {
  @Test func theStreamIndicesNameTheirKeys() {
    let keys = ReclaimCosts.keys.map(\.0)
    #expect(keys[CostModel.scan] == "scan_us" && keys[CostModel.cleanFile] == "clean_file_us")
    #expect(keys[CostModel.unmap] == "unmap_us" && keys[CostModel.writeback] == "writeback_us")
    #expect(keys[CostModel.writebackCompletion] == "writeback_ms" && keys[CostModel.swapOut] == "swap_out_us")
    #expect(keys[CostModel.throttle] == "throttle_ms" && keys[CostModel.alloc] == "alloc_ns")
    #expect(keys[CostModel.accessJitter] == "access_jitter_ns")
  }

  @Test func aPassCostsEachKindOfWorkAtItsDefault() {
    var costs = ReclaimCosts()
    costs.throttleMilliseconds = .constant(20)
    let model = CostModel(costs, seeds: SeedSequence(masterSeed: 1))
    var work = ReclaimStat()
    work.inactiveScanned = 40
    work.inactiveFoliosScanned = 10
    work.activeFoliosScanned = 2
    work.fileReclaimed = 20
    work.fileFoliosReclaimed = 5
    work.swappedOut = 1
    work.writebackStarted = 2
    work.unmapped = 3
    work.throttled = 2
    // Per folio: 0.1 µs·12 scanned + 0.25 µs·5 dropped; per page: 12 ns·21 freed, 30 µs
    // swapped, 20 µs·2 written; 0.5 µs·3 mappings: 74.202 µs, plus two 20 ms waits.
    #expect(model.nanoseconds(of: work) == 74_202 + 40_000_000)
    #expect(model.nanoseconds(of: ReclaimStat()) == 0)
    #expect(model.allocationNanoseconds() == 150)
  }

  @Test func eachCostDrawsFromItsOwnStream() {
    var a = ReclaimCosts()
    a.throttleMilliseconds = .uniform(low: 1, high: 100)
    var b = a
    b.throttleMilliseconds = .exponential(mean: 7)
    let x = CostModel(a, seeds: SeedSequence(masterSeed: 9))
    let y = CostModel(b, seeds: SeedSequence(masterSeed: 9))
    var throttled = ReclaimStat()
    throttled.throttled = 1
    _ = (x.nanoseconds(of: throttled), y.nanoseconds(of: throttled))
    // Changing the throttle distribution leaves the jitter and writeback draws alone.
    #expect((0..<100).map { _ in x.accessJitterNanoseconds() } == (0..<100).map { _ in y.accessJitterNanoseconds() })
    #expect(x.writebackCompletion() == y.writebackCompletion())
  }

  @Test func drawnTimesSaturateInsteadOfTrapping() {
    #expect(CostModel.nanoseconds(2.5) == 3)
    #expect(CostModel.nanoseconds(2.5, rounding: .towardZero) == 2)
    #expect(CostModel.nanoseconds(-1) == 0 && CostModel.nanoseconds(.nan) == 0)
    #expect(CostModel.nanoseconds(1e300) == .max)
    #expect(CostModel.adding(.max - 1, 5) == .max)
    #expect(CostModel.adding(7, 3) == 10)
    #expect(CostModel.adding(1, .max / 2, times: 3) == .max)
    #expect(CostModel.adding(1, 4, times: 3) == 13)
  }
}
