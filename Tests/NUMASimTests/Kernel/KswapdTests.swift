// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct KswapdTests {
  /// A 256 MiB node whose memory is almost all clean page cache on the LRU.
  func filledNode() throws -> (PageAllocator, ReclaimState, Int) {
    var a = try makeAllocator(memory: 256 * ByteSize.mib)
    var r = ReclaimState(
      nodes: 1, groups: 1, costs: ReclaimCosts(), sysctl: SysctlVM(), swapPages: 0,
      stream: RandomStream(seed: 1))
    r.kswapdCPU = [0]
    // GFP_NOWAIT allocations go down to min without reclaim.
    while let p = a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0)) {
      a.memmap.mapping[Int(p.page)] = 1 << 1
      r.groupPages[0] += 1
      r.lru.add(p.page, node: 0, .inactiveFile, nr: 1, memmap: &a.memmap)
    }
    let dma32 = try #require(a.zones.first { $0.type == .dma32 }).flatIndex
    return (a, r, dma32)
  }

  @Test func runsUntilAZoneIsAboveHighThenNaps() throws {
    var (a, r, z) = try filledNode()
    let hz = a.zonesPerNode - 1
    #expect(!r.isBalanced(a, node: 0, order: 0, highestZoneIndex: hz))
    r.wake(&a, zone: z, order: 0, highestZoneIndex: hz)
    #expect(r.kswapd[0].phase == .running && r.pendingWakeups == [0])
    var steps = 0
    while let cost = r.kswapdStep(&a, node: 0) {
      steps += 1
      #expect(cost.nanoseconds > 0)
      // Still running: no eligible zone was above high when the step began.
      #expect(r.kswapd[0].phase == .running)
      if steps > 10_000 { break }
    }
    #expect(steps > 0)
    #expect(r.kswapd[0].phase == .napping)
    #expect(r.isBalanced(a, node: 0, order: 0, highestZoneIndex: hz))
    #expect(a.counters[.pgstealKswapd] > 0 && a.counters[.pageoutrun] == 1)
    // The nap ends balanced: full sleep, no "hit quickly".
    #expect(!r.napEnded(&a, node: 0))
    #expect(r.kswapd[0].phase == .sleeping)
    #expect(a.counters[.kswapdLowWmarkHitQuickly] + a.counters[.kswapdHighWmarkHitQuickly] == 0)
  }

  @Test func aWakeDuringTheNapCountsLowWatermarkHitQuickly() throws {
    var (a, r, z) = try filledNode()
    let hz = a.zonesPerNode - 1
    r.wake(&a, zone: z, order: 0, highestZoneIndex: hz)
    while r.kswapdStep(&a, node: 0) != nil {}
    // A burst refills memory within the 100 ms nap.
    while a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0)) != nil {}
    r.wake(&a, zone: z, order: 0, highestZoneIndex: hz)
    #expect(a.counters[.kswapdLowWmarkHitQuickly] == 1)
    #expect(r.kswapd[0].phase == .running)
  }

  @Test func aBalancedNodeIsNotWoken() throws {
    var a = try makeAllocator()
    var r = ReclaimState(
      nodes: 1, groups: 1, costs: ReclaimCosts(), sysctl: SysctlVM(), swapPages: 0, stream: RandomStream(seed: 1))
    r.wake(&a, zone: 1, order: 0, highestZoneIndex: a.zonesPerNode - 1)
    #expect(r.kswapd[0].phase == .sleeping && r.pendingWakeups.isEmpty)
  }

  @Test func aNodeWithNothingToReclaimBecomesHopeless() throws {
    var a = try makeAllocator(memory: 128 * ByteSize.mib)
    var r = ReclaimState(
      nodes: 1, groups: 1, costs: ReclaimCosts(), sysctl: SysctlVM(), swapPages: 0, stream: RandomStream(seed: 1))
    r.kswapdCPU = [0]
    while a.allocate(AllocationRequest(order: 0, gfp: [.kernel, .thisNode], cpu: 0)) != nil {}
    let z = try #require(a.zones.first { $0.type == .dma32 }).flatIndex
    // Sixteen balance_pgdat() runs that reclaim nothing.
    for _ in 0..<Kswapd.maxFailures {
      r.kswapd[0].phase = .running
      r.kswapd[0].runStarted = false
      r.kswapd[0].highestZoneIndex = a.zonesPerNode - 1
      while r.kswapdStep(&a, node: 0) != nil {}
    }
    #expect(r.kswapd[0].failures == Kswapd.maxFailures)
    r.kswapd[0].phase = .sleeping
    r.pendingWakeups = []
    r.wake(&a, zone: z, order: 0, highestZoneIndex: a.zonesPerNode - 1)
    #expect(r.pendingWakeups.isEmpty)  // hopeless: not woken
    #expect(a.counters[.pgstealKswapd] == 0)
  }
}
