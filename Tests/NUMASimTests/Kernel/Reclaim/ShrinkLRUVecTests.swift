// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ShrinkLRUVecTests {
  /// A 1 GiB node filled with clean, cold page cache.
  func filled() throws -> TestMachine {
    var a = try makeAllocator(memory: ByteSize.gib)
    var r = makeReclaim(a)
    r.fill(&a)
    return TestMachine(a: a, r: r)
  }

  @Test func directReclaimAtDefaultPriorityScansItsWholeTarget() throws {
    let m = try filled()
    var a = m.a
    var r = m.r
    let target = r.nodes[0].lruvec.size(.inactiveFile) >> Kswapd.defaultPriority
    #expect(target > Kswapd.swapClusterMax)
    var sc = ScanControl(nrToReclaim: 32, reclaimIndex: 4, isKswapd: false, cpu: 0, now: .zero)
    r.shrinkNode(&a, node: 0, &sc)
    // proportional_reclaim: the target is met after one round, but the scan goes on.
    #expect(sc.nrReclaimed == target && a.counters[.pgstealDirect] == UInt64(target))
  }

  @Test func kswapdStopsOnceItsTargetIsMet() throws {
    let m = try filled()
    var a = m.a
    var r = m.r
    #expect(r.nodes[0].lruvec.size(.inactiveFile) >> Kswapd.defaultPriority > Kswapd.swapClusterMax)
    var sc = ScanControl(nrToReclaim: 20, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .zero)
    r.shrinkNode(&a, node: 0, &sc)
    // One round of 32 meets the target; no anon is left to scan, so the loop ends.
    #expect(sc.nrReclaimed == 32 && a.counters[.pgstealKswapd] == 32)
  }

  @Test func aBudgetCutsThePassIntoStepsThatAddUpToTheWholePass() throws {
    let m = try filled()
    var a = m.a
    var r = m.r
    var sc = ScanControl(nrToReclaim: 1 << 20, priority: 6, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .zero)
    var scan = r.beginShrinkNode(a, node: 0, &sc)
    let target = scan.targets[.inactiveFile]
    var steps = 0
    while true {
      var budget = Kswapd.stepPages
      let done = r.continueShrinkLruvec(&a, node: 0, &scan, &sc, budget: &budget)
      steps += 1
      // A step ends with the round that uses up its budget, never earlier.
      if !done { #expect(budget <= 0) }
      if done { break }
    }
    #expect(sc.nrReclaimed == target)
    #expect(steps == (target + Kswapd.stepPages - 1) / Kswapd.stepPages)
  }

  @Test func theProportionalAdjustmentStopsTheSmallerTypeAndTrimsTheLarger() {
    var targets = ScanCount()
    targets[.inactiveAnon] = 100
    targets[.inactiveFile] = 1000
    var scan = LRUScan(targets: targets, nrToReclaim: 32, proportionalReclaim: false)
    scan.nr[.inactiveAnon] = 68
    scan.nr[.inactiveFile] = 968
    let adjusted = scan.adjustProportionally()
    #expect(adjusted)
    // Anon has 68 of 101 left: 67 %. File keeps 1000·33/100 = 330 less the 32 scanned.
    #expect(scan.nr[.inactiveAnon] == 0 && scan.nr[.inactiveFile] == 298)
    // One type at zero: the loop ends.
    let again = scan.adjustProportionally()
    #expect(!again)
  }
}
