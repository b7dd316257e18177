// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct DirectReclaimTests {
  @Test func reclaimsSwapClusterMaxPagesForTheTask() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a)
    let request = AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 1)
    let ac = a.context(for: request)
    var task = TaskContext(cpu: 1, now: .milliseconds(5))
    let reclaimed = r.tryToFreePages(&a, request: request, context: ac, task: &task)
    // The last batch may overshoot SWAP_CLUSTER_MAX, by less than a batch.
    #expect(reclaimed >= Kswapd.swapClusterMax && reclaimed < 2 * Kswapd.swapClusterMax)
    #expect(task.reclaimed == reclaimed && a.counters.allocstall[ac.highestZoneIndex] == 1)
    // Clean, cold page cache: every page scanned was reclaimed.
    #expect(a.counters[.pgstealDirect] == UInt64(reclaimed) && a.counters[.pgscanDirect] == UInt64(reclaimed))
    #expect(task.reclaim.fileReclaimed == reclaimed && task.reclaim.inactiveScanned == reclaimed)
    #expect(task.reclaim.throttled == 0)
    try r.checkInvariants(a)
  }

  @Test func aTaskIsThrottledWhenLowmemIsAtHalfItsMinMarks() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a)
    // Atomic allocations dig below min, to half of it.
    while r.allowDirectReclaim(a, node: 0),
      a.allocate(AllocationRequest(order: 0, gfp: .atomic, cpu: 0)) != nil
    {}
    let request = AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0)
    var task = TaskContext(cpu: 0, now: .zero)
    _ = r.tryToFreePages(&a, request: request, context: a.context(for: request), task: &task)
    #expect(a.counters[.pgscanDirectThrottle] == 1 && task.reclaim.throttled == 1)
  }

  @Test func onlyDirtyPagesMeanAWritebackWaitThatCompletesTheWriteback() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    let n = r.fill(&a, dirty: true)
    // kswapd has started writeback of every folio.
    var sc = ScanControl(nrToReclaim: n, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .zero)
    r.shrinkInactiveList(&a, node: 0, file: true, count: n, &sc)
    #expect(r.nodes[0].writeback.pages == n)
    let request = AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0)
    var task = TaskContext(cpu: 0, now: .zero)
    let reclaimed = r.tryToFreePages(&a, request: request, context: a.context(for: request), task: &task)
    // Priority 12 finds only folios under writeback: one wait, then they are clean.
    #expect(task.reclaim.throttled == 1 && !r.hasWriteback && reclaimed >= 32)
  }
}
