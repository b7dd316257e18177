// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PCPSizingTests {
  func zone(_ managed: Int) -> ZoneSpan {
    ZoneSpan(type: .normal, spanned: Pages(managed), present: Pages(managed), managed: Pages(managed))
  }

  @Test func referenceMachinePagesets() {
    // DMA32 of the reference VM: low 15231, 2 CPUs on the node.
    let dma32 = PerCPUPageset.limits(
      zone: zone(772_808), lowWatermark: 15231, nodeCPUs: 2, onlineCPUs: 2, fraction: 0, kernel: .v6_18)
    #expect(dma32 == PCPLimits(batch: 63, highMin: 7615, highMax: 48300))
    let dma = PerCPUPageset.limits(
      zone: zone(3840), lowWatermark: 75, nodeCPUs: 2, onlineCPUs: 2, fraction: 0, kernel: .v6_18)
    #expect(dma == PCPLimits(batch: 1, highMin: 37, highMax: 240))
    let normal = PerCPUPageset.limits(
      zone: zone(294_912), lowWatermark: 5812, nodeCPUs: 2, onlineCPUs: 2, fraction: 0, kernel: .v6_18)
    #expect(normal == PCPLimits(batch: 63, highMin: 2906, highMax: 18432))
  }

  @Test func batchIsTwoToTheNMinusOneAndCappedAt1MiB() {
    #expect(PerCPUPageset.batchSize(managed: 1 << 30, kernel: .v6_18) == 63)
    #expect(PerCPUPageset.batchSize(managed: 1 << 30, kernel: KernelVersion(4, 18)) == 31)
    // 16 MiB zone: 4096 >> 10 = 4, /4 = 1 -> rounddown_pow_of_two(1) - 1 = 0 (raised to 1 by the caller).
    #expect(PerCPUPageset.batchSize(managed: 4096, kernel: .v6_18) == 0)
    // 64 MiB: 16/4 = 4 -> rounddown(6) - 1 = 3
    #expect(PerCPUPageset.batchSize(managed: 16384, kernel: .v6_18) == 3)
  }

  @Test func highFractionPinsHighMinToHighMax() {
    let l = PerCPUPageset.limits(
      zone: zone(1_000_000), lowWatermark: 5000, nodeCPUs: 4, onlineCPUs: 8, fraction: 8, kernel: .v6_18)
    #expect(l.highMin == 1_000_000 / 8 / 4)
    #expect(l.highMax == l.highMin)
  }

  @Test func cpuLessNodeSplitsAcrossAllOnlineCPUs() {
    let new = PerCPUPageset.limits(
      zone: zone(1_000_000), lowWatermark: 40_000, nodeCPUs: 0, onlineCPUs: 8, fraction: 0, kernel: .v6_18)
    #expect(new.highMin == 5000)
    let v514 = PerCPUPageset.limits(
      zone: zone(1_000_000), lowWatermark: 40_000, nodeCPUs: 0, onlineCPUs: 8, fraction: 0, kernel: KernelVersion(5, 14)
    )
    #expect(v514.highMin == 40_000)
  }

  @Test func releasesBefore5_14UseSixTimesBatch() {
    let l = PerCPUPageset.limits(
      zone: zone(1_000_000), lowWatermark: 40_000, nodeCPUs: 2, onlineCPUs: 2, fraction: 0, kernel: KernelVersion(4, 18)
    )
    #expect(l == PCPLimits(batch: 31, highMin: 186, highMax: 186))
    let v66 = PerCPUPageset.limits(
      zone: zone(1_000_000), lowWatermark: 40_000, nodeCPUs: 2, onlineCPUs: 2, fraction: 0, kernel: KernelVersion(6, 6))
    #expect(v66 == PCPLimits(batch: 63, highMin: 20_000, highMax: 20_000))
  }

  @Test func tinyZonesGetHighZeroBefore5_14() {
    // RHEL 8 (4.18) prints DMA with batch 1 and high 0.
    let l = PerCPUPageset.limits(
      zone: zone(3977), lowWatermark: 40, nodeCPUs: 2, onlineCPUs: 2, fraction: 0, kernel: KernelVersion(4, 18))
    #expect(l == PCPLimits(batch: 1, highMin: 0, highMax: 0))
  }

  @Test func highIsAtLeastFourBatches() {
    let l = PerCPUPageset.limits(
      zone: zone(300_000), lowWatermark: 100, nodeCPUs: 4, onlineCPUs: 4, fraction: 0, kernel: .v6_18)
    #expect(l.highMin == 4 * 63)
  }

  @Test func unpopulatedZonesKeepTheBootPageset() {
    #expect(
      PerCPUPageset.limits(
        zone: .empty(.movable), lowWatermark: 32, nodeCPUs: 2, onlineCPUs: 2, fraction: 0, kernel: .v6_18) == .boot)
  }

  @Test(arguments: [(3840, 4), (772_808, 24), (294_912, 20)])
  func statThresholdOfTheReferenceZones(managed: Int, threshold: Int) {
    #expect(PerCPUPageset.statThreshold(managed: managed, onlineCPUs: 2) == threshold)
  }
}
