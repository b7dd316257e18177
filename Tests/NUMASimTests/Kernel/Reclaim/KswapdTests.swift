// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct KswapdTests {
  @Test func aWakeDuringTheNapCountsLowWatermarkHitQuickly() throws {
    let m = try makeFilledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    _ = r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz)
    while r.balancePgdatStep(&a, node: 0, now: .zero).continues {}
    // A burst refills memory within the 100 ms nap.
    while a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0)) != nil {}
    #expect(r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz))
    #expect(a.counters[.kswapdLowWmarkHitQuickly] == 1)
    #expect(r.nodes[0].kswapd.phase == .running && r.nodes[0].kswapd.wakeups == 2)
  }

  @Test func aNapEndingUnbalancedCountsHighWatermarkHitQuicklyAndRunsAgain() throws {
    let m = try makeFilledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    _ = r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz)
    while r.balancePgdatStep(&a, node: 0, now: .zero).continues {}
    while a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0)) != nil {}
    let generation = r.nodes[0].kswapd.generation
    #expect(r.kswapdTryToSleep(&a, node: 0))
    #expect(a.counters[.kswapdHighWmarkHitQuickly] == 1 && a.counters[.kswapdLowWmarkHitQuickly] == 0)
    #expect(r.nodes[0].kswapd.isRunning && r.nodes[0].kswapd.generation == generation &+ 1)
    // The next step starts a new balance_pgdat() run.
    _ = r.balancePgdatStep(&a, node: 0, now: .zero)
    #expect(a.counters[.pageoutrun] == 2)
  }

  @Test func aBalancedNodeIsNotWoken() throws {
    var a = try makeAllocator()
    var r = makeReclaim(a)
    #expect(!r.wakeKswapd(&a, zone: 1, order: 0, highestZoneIndex: a.zonesPerNode - 1))
    #expect(r.nodes[0].kswapd.phase == .sleeping && r.nodes[0].kswapd.wakeups == 0)
    // The request is still recorded for the next run (kswapd_order, kswapd_highest_zoneidx).
    #expect(r.nodes[0].kswapdHighestZoneIndex == a.zonesPerNode - 1)
  }
}
