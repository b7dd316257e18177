// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct BalancePgdatTests {
  @Test func passesThatFallShortRaiseThePriorityUntilTheNodeIsBalancedThenNap() throws {
    let m = try makeFilledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    #expect(r.isBalanced(a, node: 0, order: 0, highestZoneIndex: hz) == false)
    #expect(r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz))
    var priorities: [Int] = []
    var steps = 0
    while steps < 100_000 {
      let step = r.balancePgdatStep(&a, node: 0, now: .zero)
      steps += 1
      // Cold, clean page cache: every page scanned is reclaimed; a step ends with the
      // 32-page round that uses up its budget.
      #expect(step.work.inactiveScanned == step.work.fileReclaimed)
      #expect(step.work.inactiveScanned < Kswapd.stepPages + Kswapd.swapClusterMax)
      guard step.continues else { break }
      if let run = r.nodes[0].kswapd.run { priorities.append(run.sc.priority) }
    }
    // From min to high takes less than a pass's target (the sum of the high marks), so every
    // pass falls short and the priority only goes down.
    #expect(priorities == priorities.sorted(by: >) && (priorities.last ?? 12) < Kswapd.defaultPriority)
    #expect(r.nodes[0].kswapd.phase == .napping)
    #expect(r.isBalanced(a, node: 0, order: 0, highestZoneIndex: hz) == true)
    #expect(a.counters[.pageoutrun] == 1 && a.counters[.pgscanKswapd] == a.counters[.pgstealKswapd])
    #expect(r.nodes[0].kswapdFailures == 0)
    try r.checkInvariants(a)
    try a.checkInvariants()
  }

  @Test func aPassThatMeetsItsTargetReclaimsTheSumOfTheHighMarksAndKeepsItsPriority() throws {
    var a = try makeAllocator(memory: ByteSize.gib)
    var r = makeReclaim(a)
    r.fill(&a)
    let hz = a.zonesPerNode - 1
    let target = r.kswapdReclaimTarget(a, node: 0, reclaimIndex: hz)
    var expected = 0
    for zi in 0...hz where a.zones[zi].isManaged { expected += max(a.zones[zi].mark(.high), Kswapd.swapClusterMax) }
    #expect(target == expected)
    r.startKswapd(node: 0)
    var run = r.beginBalance(&a, node: 0, now: .zero)
    // At priority 2 the pass may scan a quarter of the list, far more than the target.
    run.sc.priority = 2
    #expect(r.nodes[0].lruvec.size(.inactiveFile) >> 2 > target)
    r.nodes[0].kswapd.run = run
    while r.balancePgdatStep(&a, node: 0, now: .zero).continues {
      #expect(r.nodes[0].kswapd.run.map { $0.sc.priority == 2 } ?? true)
    }
    // Rounds of 32 until the target is met, then the node is balanced: kswapd overshoots its
    // high marks by a whole pass.
    let stolen = Int(a.counters[.pgstealKswapd])
    #expect(stolen == (target + 31) / 32 * 32)
    #expect(r.nodes[0].kswapd.phase == .napping)
  }

  @Test func reclaimActiveIsSetForTheRunAndKeepsKswapdsPerCPUListShort() throws {
    let m = try makeFilledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    _ = r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz)
    var maxCount: Int32 = 0
    var batch: Int32 = 0
    var flagged = true
    while r.balancePgdatStep(&a, node: 0, now: .zero).continues {
      for zone in a.zones(ofNode: 0) where a.zones[zone].isManaged {
        flagged = flagged && a.zones[zone].flags.contains(.reclaimActive)
        let p = a.pcp[a.pcpIndex(cpu: 0, zone: zone)]
        maxCount = max(maxCount, p.count)
        batch = max(batch, p.batch)
      }
    }
    #expect(flagged)
    // nr_pcp_high() under ZONE_RECLAIM_ACTIVE: at most `batch << 2` pages stay on the list.
    #expect(maxCount > 0 && maxCount <= batch << 2)
    #expect(a.zones.elements.allSatisfy { !$0.flags.contains(.reclaimActive) })
  }

  @Test func aRunThatFailsDoesNotNapAndSixteenMakeTheNodeHopeless() throws {
    var a = try makeAllocator(memory: 128 * ByteSize.mib)
    var r = makeReclaim(a)
    // Fill with kernel pages until no fallback boosts a watermark any more.
    repeat {
      for z in a.zones.indices { a.zones[z].watermarks.boost = 0 }
      while a.allocate(AllocationRequest(order: 0, gfp: [.kernel, .thisNode], cpu: 0)) != nil {}
    } while a.zones.elements.contains { $0.watermarks.boost > 0 }
    let z = try #require(a.zones.elements.first { $0.type == .dma32 }).flatIndex
    #expect(r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: a.zonesPerNode - 1))
    // Nothing on the LRU: every priority's pass is empty, so a whole run is one step; an
    // unbalanced end means no nap but `kswapd_high_wmark_hit_quickly` and another run.
    for run in 1..<Kswapd.maxFailures {
      #expect(r.balancePgdatStep(&a, node: 0, now: .zero).continues)
      #expect(r.nodes[0].kswapdFailures == run && r.nodes[0].kswapd.isRunning)
      #expect(a.counters[.kswapdHighWmarkHitQuickly] == UInt64(run))
    }
    // The sixteenth failure makes the node hopeless: kswapd may sleep.
    #expect(!r.balancePgdatStep(&a, node: 0, now: .zero).continues)
    #expect(r.nodes[0].isHopeless && r.nodes[0].kswapd.phase == .napping)
    #expect(!r.kswapdTryToSleep(&a, node: 0) && r.nodes[0].kswapd.phase == .sleeping)
    #expect(!r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: a.zonesPerNode - 1))
    #expect(a.counters[.pgstealKswapd] == 0 && a.counters[.pageoutrun] == UInt64(Kswapd.maxFailures))
  }

  @Test func theEndOfARunLowersEachBoostByWhatItWasWhenTheRunBegan() throws {
    let m = try makeFilledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    a.zones[z].watermarks.boost = 512
    let hz = a.zonesPerNode - 1
    #expect(r.wakeKswapd(&a, zone: z, order: 0, highestZoneIndex: hz))
    #expect(r.balancePgdatStep(&a, node: 0, now: .zero).continues)
    #expect(r.nodes[0].kswapd.run?.zoneBoosts[a.zones[z].id.index] == 512)
    // The node is imbalanced, so the boosted run restarted as a normal one.
    #expect(r.nodes[0].kswapd.run?.nrBoostReclaim == 0)
    // A boost raised during the run survives it.
    a.zones[z].watermarks.boost += 100
    while r.balancePgdatStep(&a, node: 0, now: .zero).continues {}
    #expect(a.zones[z].watermarks.boost == 100)
  }

  @Test func aHighOrderRunFallsBackToOrderZeroAfterTheCompactionGap() throws {
    let m = try makeFilledNode()
    var a = m.a
    var r = m.r
    let z = m.value
    let hz = a.zonesPerNode - 1
    #expect(r.wakeKswapd(&a, zone: z, order: 3, highestZoneIndex: hz))
    var orders: [Int] = []
    while r.balancePgdatStep(&a, node: 0, now: .zero).continues {
      if let run = r.nodes[0].kswapd.run {
        #expect(run.allocOrder == 3)
        orders.append(run.sc.order)
      }
    }
    // The first step reclaims more than compact_gap(3) = 16 pages: from then on the run
    // balances for order 0, and kswapd tries to sleep at the order it finished at.
    #expect(!orders.isEmpty && orders.allSatisfy { $0 == 0 })
    #expect(r.nodes[0].kswapd.reclaimOrder == 0 && r.nodes[0].kswapd.phase == .napping)
  }
}
