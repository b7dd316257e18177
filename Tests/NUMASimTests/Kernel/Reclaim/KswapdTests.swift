// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct KswapdTests {
  /// A 256 MiB node whose memory is almost all clean page cache on the LRU.
  func filledNode() throws -> TestMachine {
    var a = try makeAllocator(memory: 256 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a)
    let dma32 = try #require(a.zones.elements.first { $0.type == .dma32 }).flatIndex
    return TestMachine(a: a, r: r, value: dma32)
  }

  @Test func runsUntilAZoneIsAboveHighThenNaps() throws {
    let m = try filledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    #expect(r.isBalanced(a, node: 0, order: 0, highestZoneIndex: hz) == false)
    #expect(r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz))
    #expect(r.nodes[0].kswapd.phase == .running)
    var steps = 0
    var reclaimed = 0
    while true {
      // No swap: file lists only, `size >> DEF_PRIORITY` of them, at most a step's 128 pages.
      let expected = Swift.min(r.nodes[0].lruvec.size(.inactiveFile) >> Kswapd.defaultPriority, Kswapd.stepPages)
      guard let sc = r.balancePgdatStep(&a, node: 0, now: .zero) else { break }
      steps += 1
      // Clean, cold page cache: every page scanned is reclaimed.
      #expect(sc.nrScanned == expected && sc.nrReclaimed == expected)
      #expect(sc.nr.fileReclaimed == sc.nrReclaimed && sc.cpu == 0 && sc.isKswapd)
      reclaimed += sc.nrReclaimed
      #expect(r.nodes[0].kswapd.phase == .running)
      if steps > 10_000 { break }
    }
    #expect(r.nodes[0].kswapd.phase == .napping)
    #expect(r.isBalanced(a, node: 0, order: 0, highestZoneIndex: hz) == true)
    #expect(a.counters[.pgstealKswapd] == UInt64(reclaimed) && a.counters[.pageoutrun] == 1)
    // The nap ends balanced: full sleep, no "hit quickly".
    #expect(!r.kswapdTryToSleep(&a, node: 0))
    #expect(r.nodes[0].kswapd.phase == .sleeping)
    #expect(a.counters[.kswapdLowWmarkHitQuickly] + a.counters[.kswapdHighWmarkHitQuickly] == 0)
    #expect(r.nodes[0].kswapdFailures == 0)
    try r.checkInvariants(a)
    try a.checkInvariants()
  }

  @Test func aWakeDuringTheNapCountsLowWatermarkHitQuickly() throws {
    let m = try filledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    _ = r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz)
    while r.balancePgdatStep(&a, node: 0, now: .zero) != nil {}
    // A burst refills memory within the 100 ms nap.
    while a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0)) != nil {}
    #expect(r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz))
    #expect(a.counters[.kswapdLowWmarkHitQuickly] == 1)
    #expect(r.nodes[0].kswapd.phase == .running && r.nodes[0].kswapd.wakeups == 2)
  }

  @Test func aNapEndingUnbalancedCountsHighWatermarkHitQuicklyAndRunsAgain() throws {
    let m = try filledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    _ = r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz)
    while r.balancePgdatStep(&a, node: 0, now: .zero) != nil {}
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

  @Test func aNodeWithNothingToReclaimBecomesHopeless() throws {
    var a = try makeAllocator(memory: 128 * ByteSize.mib)
    var r = makeReclaim(a)
    while a.allocate(AllocationRequest(order: 0, gfp: [.kernel, .thisNode], cpu: 0)) != nil {}
    let z = try #require(a.zones.elements.first { $0.type == .dma32 }).flatIndex
    // Sixteen balance_pgdat() runs that reclaim nothing.
    for run in 1...Kswapd.maxFailures {
      r.startKswapd(node: 0)
      r.nodes[0].kswapdHighestZoneIndex = a.zonesPerNode - 1
      var steps = 0
      while r.balancePgdatStep(&a, node: 0, now: .zero) != nil { steps += 1 }
      // The first run walks every priority; later ones may find a zone balanced at once.
      if run == 1 { #expect(steps == Kswapd.defaultPriority) }
      #expect(r.nodes[0].kswapdFailures == run)
    }
    #expect(r.nodes[0].isHopeless)
    r.nodes[0].kswapd.phase = .sleeping
    #expect(!r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: a.zonesPerNode - 1))
    #expect(a.counters[.pgstealKswapd] == 0 && a.counters[.pageoutrun] == UInt64(Kswapd.maxFailures))
  }

  @Test func theEndOfARunClearsTheBoostsOfItsZones() throws {
    let m = try filledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    a.zones[z].watermarks.boost = 512
    let hz = a.zonesPerNode - 1
    #expect(r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz))
    while r.balancePgdatStep(&a, node: 0, now: .zero) != nil {}
    #expect(a.zones[z].watermarks.boost == 0)
  }
}
