// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// Hooks that count the slow path's calls; direct reclaim frees `reclaimBlocks` order-10 blocks.
struct CountingHooks: ReclaimHooks {
  var wakeups = 0
  var reclaims = 0
  var compactions = 0
  var ooms = 0
  var oomFindsVictim = false
  var reclaimable = 0
  var reclaimBlocks: [AllocatedPage] = []

  func kswapdIsRunning(node: Int) -> Bool { false }
  mutating func wakeKswapd(
    _ a: inout PageAllocator, zone: Int, gfp: GFPFlags, order: Int, highestZoneIndex: Int, task: inout TaskContext
  ) {
    wakeups += 1
    task.wokenKswapds.append(Int32(a.zones[zone].id.node.index))
  }
  mutating func nodeReclaim(
    _ a: inout PageAllocator, node: Int, gfp: GFPFlags, order: Int, task: inout TaskContext
  ) -> NodeReclaimResult { .noScan }
  mutating func directReclaim(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Int {
    reclaims += 1
    let n = reclaimBlocks.count
    for b in reclaimBlocks { a.free(b.page, order: b.order, cpu: task.cpu, zone: b.zone) }
    reclaimBlocks = []
    task.reclaimed += n << 10
    return n << 10
  }
  mutating func directCompact(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Bool {
    compactions += 1
    return false
  }
  mutating func outOfMemory(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Bool {
    ooms += 1
    return oomFindsVictim
  }
  func reclaimablePages(_ a: borrowing PageAllocator, zone: Int) -> Int { reclaimable }
}

@Suite struct SlowPathTests {
  /// An allocator with every page taken (by `__GFP_MEMALLOC`), and the order-10 blocks held.
  func exhausted() throws -> Exhausted {
    var a = try makeAllocator()
    var blocks: [AllocatedPage] = []
    let gfp: GFPFlags = [.highUserMovable, .memalloc]
    while let p = a.allocate(AllocationRequest(order: 10, gfp: gfp, cpu: 0)) { blocks.append(p) }
    for order in stride(from: 9, through: 0, by: -1) {
      while a.allocate(AllocationRequest(order: order, gfp: gfp, cpu: 0)) != nil {}
    }
    return Exhausted(a: a, blocks: blocks)
  }

  @Test func exhaustionTakesEveryFreePage() throws {
    let e = try exhausted()
    let a = e.a
    let blocks = e.blocks
    #expect(blocks.count == 60)
    #expect(a.zones[0].freePages == 0)
    #expect(a.zones[1].freePages == 0)
    try a.checkInvariants()
  }

  @Test func anAtomicAllocationFailsWithoutReclaimAfterWakingKswapdTwice() throws {
    let e = try exhausted()
    var a = e.a
    var hooks = CountingHooks()
    var task = TaskContext(cpu: 0, now: .zero)
    let failures = a.counters.allocFailures[0]
    let p = a.allocate(AllocationRequest(order: 0, gfp: .atomic, cpu: 0), task: &task, hooks: &hooks)
    #expect(p == nil)
    #expect(hooks.wakeups == 2)
    #expect(task.wokenKswapds == [0, 0])
    #expect(hooks.reclaims == 0)
    #expect(hooks.compactions == 0)
    #expect(hooks.ooms == 0)
    #expect(a.counters.allocFailures[0] == failures + 1)
  }

  @Test func aKernelAllocationWithNothingToReclaimCallsTheOOMKillerOnce() throws {
    let e = try exhausted()
    var a = e.a
    var hooks = CountingHooks()
    var task = TaskContext(cpu: 0, now: .zero)
    let fails = a.counters[.pgallocFail]
    let p = a.allocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 0), task: &task, hooks: &hooks)
    #expect(p == nil)
    #expect(hooks.reclaims == 1)
    #expect(hooks.compactions == 1)
    #expect(hooks.ooms == 1)
    #expect(a.counters[.pgallocFail] == fails + 1)
  }

  @Test func anOOMKillThatFreesNothingIsRetriedMaxReclaimRetriesTimes() throws {
    let e = try exhausted()
    var a = e.a
    var hooks = CountingHooks()
    hooks.oomFindsVictim = true
    var task = TaskContext(cpu: 0, now: .zero)
    let p = a.allocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 0), task: &task, hooks: &hooks)
    #expect(p == nil)
    #expect(hooks.ooms == PageAllocator.maxReclaimRetries)
    #expect(hooks.reclaims == PageAllocator.maxReclaimRetries + 1)
  }

  @Test func reclaimablePagesKeepReclaimRetryingUntilTheNoProgressLimit() throws {
    let e = try exhausted()
    var a = e.a
    var hooks = CountingHooks()
    hooks.reclaimable = 1_000_000
    var task = TaskContext(cpu: 0, now: .zero)
    let p = a.allocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 0), task: &task, hooks: &hooks)
    #expect(p == nil)
    // should_reclaim_retry() gives up once no_progress_loops exceeds MAX_RECLAIM_RETRIES.
    #expect(hooks.reclaims == PageAllocator.maxReclaimRetries + 1)
    #expect(hooks.ooms == 1)
  }

  @Test func aCostlyNoRetryAllocationGivesUpAfterCompaction() throws {
    let e = try exhausted()
    var a = e.a
    var hooks = CountingHooks()
    var task = TaskContext(cpu: 0, now: .zero)
    let gfp = GFPFlags.kernel.union(.noRetry)
    let failures = a.counters.allocFailures[4]
    let p = a.allocate(AllocationRequest(order: 4, gfp: gfp, cpu: 0), task: &task, hooks: &hooks)
    #expect(p == nil)
    #expect(hooks.compactions == 1)
    #expect(hooks.reclaims == 0)
    #expect(hooks.ooms == 0)
    #expect(a.counters.allocFailures[4] == failures + 1)
  }

  @Test func aCostlyAllocationDoesNotCallTheOOMKiller() throws {
    let e = try exhausted()
    var a = e.a
    var hooks = CountingHooks()
    var task = TaskContext(cpu: 0, now: .zero)
    let p = a.allocate(AllocationRequest(order: 4, gfp: .kernel, cpu: 0), task: &task, hooks: &hooks)
    #expect(p == nil)
    // Compaction before the loop and once in it; one reclaim round.
    #expect(hooks.compactions == 2)
    #expect(hooks.reclaims == 1)
    #expect(hooks.ooms == 0)
  }

  @Test func directReclaimThatFreesBlocksLetsTheAllocationSucceed() throws {
    let e = try exhausted()
    var a = e.a
    let blocks = e.blocks
    var hooks = CountingHooks()
    hooks.reclaimBlocks = Array(blocks.prefix(8))
    var task = TaskContext(cpu: 1, now: .zero)
    let got = a.allocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 1), task: &task, hooks: &hooks)
    let p = try #require(got)
    #expect(blocks.prefix(8).contains { $0.zone == p.zone && p.page >= $0.page && p.page < $0.page + 1024 })
    #expect(hooks.reclaims == 1)
    #expect(hooks.ooms == 0)
    #expect(task.reclaimed == 8 * 1024)
    try a.checkInvariants()
  }

  @Test func memallocIgnoresTheWatermarks() throws {
    let e = try exhausted()
    var a = e.a
    let blocks = e.blocks
    let b = try #require(blocks.first)
    a.free(b.page, order: 10, cpu: 0, zone: b.zone)
    // 1024 free pages are far below the min mark, so only __GFP_MEMALLOC succeeds.
    #expect(a.zones[b.zone].freePages == 1024)
    #expect(a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0)) == nil)
    #expect(a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .memalloc], cpu: 0)) != nil)
    try a.checkInvariants()
  }
}

/// An exhausted allocator and the order-10 blocks it handed out.
struct Exhausted: ~Copyable {
  var a: PageAllocator
  var blocks: [AllocatedPage]
}
