// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PerCPUTests {
  /// ZONE_DMA32 of the default machine: batch 15, high_min 1833, high_max 3712.
  let z = 1
  let movable = Int(MigrateType.movable.rawValue)

  /// Takes `count` order-0 movable pages straight from ZONE_DMA32's buddy lists, as in use.
  func takePages(_ a: inout PageAllocator, _ count: Int) throws -> [PageIndex] {
    var pages: [PageIndex] = []
    for _ in 0..<count {
      let taken = a.rmqueueSmallest(zone: z, order: 0, mt: movable)
      let p = try #require(taken)
      a.memmap[Int(p)].refcount = 1
      pages.append(p)
    }
    return pages
  }

  @Test func listLayoutFollowsOrderToPindex() {
    #expect(PerCPU.lowOrderListCount == 12)
    #expect(PerCPU.listCount == 13)
    #expect(PerCPU.listIndex(mt: 0, order: 0) == 0)
    #expect(PerCPU.listIndex(mt: 1, order: 2) == 7)
    #expect(PerCPU.listIndex(mt: 2, order: 3) == 11)
    #expect(PerCPU.listIndex(mt: 1, order: 9) == 12)
    for order in 0...3 {
      for mt in 0..<3 { #expect(PerCPU.order(ofList: PerCPU.listIndex(mt: mt, order: order)) == order) }
    }
    #expect(PerCPU.order(ofList: 12) == Buddy.pageblockOrder)
  }

  @Test func onlyLowOrdersAndThePageblockOrderUseThePCPLists() {
    #expect((0...10).filter(PerCPU.allowsOrder) == [0, 1, 2, 3, 9])
  }

  @Test func bootLimitsAreTheZoneSizing() throws {
    let a = try makeAllocator()
    let p = a.pcp[a.pcpIndex(cpu: 1, zone: z)]
    #expect(p.batch == 15)
    #expect(p.highMin == 1833)
    #expect(p.highMax == 3712)
    // From 6.7 `high` floats and starts at 0.
    #expect(p.high == 0)
    #expect(p.count == 0)
  }

  @Test func theFirstRefillTakesExactlyBatchPagesAndScalesTheNext() throws {
    var a = try makeAllocator()
    let pi = a.pcpIndex(cpu: 0, zone: z)
    let first = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0))
    #expect(first != nil)
    // nr_pcp_alloc(): high = clamp(0, 1833, 3712) + batch; batch <= high - count - batch, so
    // alloc_factor grows to 1.
    #expect(a.pcp[pi].count == 14)
    #expect(a.pcp[pi].high == 1848)
    #expect(a.pcp[pi].allocFactor == 1)
    #expect(a.zones[z].freePages == 59_392 - 15)
    // 1009 pages of the split order-10 block remain: orders 0, 4, 5, 6, 7, 8, 9.
    let nr = (0..<Buddy.orderCount).map { a.nrFree[z * Buddy.orderCount + $0] }
    #expect(nr == [1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 57])
    for _ in 0..<14 { _ = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0)) }
    #expect(a.pcp[pi].count == 0)
    _ = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0))
    // The second refill takes batch << alloc_factor = 30 pages.
    #expect(a.pcp[pi].count == 29)
    #expect(a.pcp[pi].high == 1878)
    #expect(a.pcp[pi].allocFactor == 2)
    try a.checkInvariants()
  }

  @Test func aHigherOrderRefillTakesBatchShiftedByTheOrder() throws {
    var a = try makeAllocator()
    let pi = a.pcpIndex(cpu: 0, zone: z)
    #expect(a.nrPCPAlloc(pi, zone: z, order: 2) == 3)  // max(15 >> 2, 2)
    #expect(a.nrPCPAlloc(pi, zone: z, order: 3) == 2)  // max(15 >> 3, 2)
    let taken = a.allocate(AllocationRequest(order: 2, gfp: .highUserMovable, cpu: 0))
    #expect(taken != nil)
    // Three order-2 blocks were taken, one handed out.
    #expect(a.pcp[pi].count == 8)
    try a.checkInvariants()
  }

  @Test func aHighBelowTheBatchRefillsOnePage() throws {
    var a = try makeAllocator()
    let pi = a.pcpIndex(cpu: 0, zone: z)
    a.pcp[pi].highMin = 10
    a.pcp[pi].highMax = 10
    #expect(a.nrPCPAlloc(pi, zone: z, order: 0) == 1)
    #expect(a.pcp[pi].high == 10)
  }

  @Test func nrPCPFreeFollowsTheKernelFormula() throws {
    let a = try makeAllocator()
    var p = a.pcp[a.pcpIndex(cpu: 0, zone: z)]
    p.count = 700
    p.freeCount = 100
    #expect(a.nrPCPFree(p, batch: 15, high: 1000, freeHigh: true) == 480)  // min(count, batch << 5)
    p.count = 200
    #expect(a.nrPCPFree(p, batch: 15, high: 1000, freeHigh: true) == 200)
    #expect(a.nrPCPFree(p, batch: 15, high: 10, freeHigh: false) == 1)
    #expect(a.nrPCPFree(p, batch: 15, high: 1000, freeHigh: false) == 100)  // max(free_count, batch)
    #expect(a.nrPCPFree(p, batch: 15, high: 60, freeHigh: false) == 45)  // high - batch
    p.freeCount = 3
    #expect(a.nrPCPFree(p, batch: 15, high: 1000, freeHigh: false) == 15)
  }

  @Test func reachingHighSpillsTheOldestPagesToTheBuddyLists() throws {
    var a = try makeAllocator()
    let pi = a.pcpIndex(cpu: 0, zone: z)
    a.pcp[pi].highMin = 40
    a.pcp[pi].highMax = 40
    let pages = try takePages(&a, 40)
    let freeBefore = a.zones[z].freePages
    for p in pages.prefix(39) { a.free(p, order: 0, cpu: 0, zone: z) }
    #expect(a.pcp[pi].count == 39)
    #expect(a.zones[z].freePages == freeBefore)
    // The 40th free reaches high: nr_pcp_free() = min(max(free_count, batch), high - batch) = 25.
    a.free(pages[39], order: 0, cpu: 0, zone: z)
    #expect(a.pcp[pi].count == 15)
    #expect(a.zones[z].freePages == freeBefore + 25)
    for p in pages.prefix(25) { #expect(a.memmap.has(p, .pcp) == false) }
    for p in pages.suffix(15) { #expect(a.memmap.has(p, .pcp) == true) }
    try a.checkInvariants()
  }

  @Test func decayLowersHighByAnEighthAndFreesWhatIsAboveIt() throws {
    var a = try makeAllocator()
    let pi = a.pcpIndex(cpu: 0, zone: z)
    let pages = try takePages(&a, 1000)
    a.pcp[pi].high = 3000
    for p in pages { a.free(p, order: 0, cpu: 0, zone: z) }
    #expect(a.pcp[pi].count == 1000)
    let freeBefore = a.zones[z].freePages
    // high = max3(1000 − (15 << 5), 3000 − 375, 1833) = 2625: above count, nothing freed.
    let first = a.decayPCPHigh(cpu: 0, zone: z)
    #expect(first && a.pcp[pi].high == 2625 && a.pcp[pi].count == 1000)
    a.pcp[pi].high = 1900
    // max3(520, 1900 − 237, 1833) = 1833 = high_min; count 1000 is below it, nothing to do.
    let second = a.decayPCPHigh(cpu: 0, zone: z)
    #expect(!second && a.pcp[pi].high == 1833 && a.zones[z].freePages == freeBefore)
    // A list above high is cut back to it, a batch at a time.
    a.pcp[pi].highMin = 900
    a.pcp[pi].high = 900
    let third = a.decayPCPHigh(cpu: 0, zone: z)
    #expect(third && a.pcp[pi].count == 900 && a.zones[z].freePages == freeBefore + 100)
    try a.checkInvariants()
  }

  @Test func theVMStatUpdateDecaysEveryCPUOfEveryPopulatedZone() throws {
    var a = try makeAllocator()
    for cpu in 0..<2 { a.pcp[a.pcpIndex(cpu: cpu, zone: z)].high = 3000 }
    a.refreshCPUVMStats()
    for cpu in 0..<2 { #expect(a.pcp[a.pcpIndex(cpu: cpu, zone: z)].high == 2625) }
  }

  @Test func drainAllPagesEmptiesEveryCPUAndMergesBack() throws {
    var a = try makeAllocator()
    var held: [AllocatedPage] = []
    for cpu in 0..<2 {
      for order in [0, 1, 3] {
        let p = a.allocate(AllocationRequest(order: order, gfp: .highUserMovable, cpu: cpu))
        held.append(try #require(p))
      }
    }
    for p in held { a.free(p.page, order: p.order, cpu: 0, zone: p.zone) }
    #expect(a.pcpPages(zone: z) > 0)
    a.drainAllPages()
    #expect(a.pcpPages(zone: z) == 0)
    #expect(a.zones[z].freePages == 59_392)
    #expect(a.nrFree[z * Buddy.orderCount + 10] == 58)
    try a.checkInvariants()
  }

  /// The bulk refill leaves exactly the state the page-by-page refill leaves: the same pages on
  /// the pcp list in the same order, the same free lists, link for link, and the same counts,
  /// over randomized histories (aged free lists, every pcp order, partly empty types).
  @Test(arguments: 1...24)
  func bulkRefillIsThePageByPageRefill(seed: UInt64) throws {
    var a = try makeAllocator(nodes: 2, memory: 64 * ByteSize.mib, cpus: 2)
    let stream = RandomStream(seed: seed)
    _ = AllocatorChurn(
      operations: 500 + stream.uniformInt(below: 4000), fill: 0.3 + 0.65 * stream.uniform(), seed: seed
    )
    .run(on: &a)
    let populated = a.zones.indices.filter { a.zones[$0].isManaged }
    var refills = 0
    var pagesMoved = 0
    for round in 0..<30 {
      let z = populated[stream.uniformInt(below: populated.count)]
      let order = [0, 0, 0, 1, 2, 3, Buddy.pageblockOrder][stream.uniformInt(below: 7)]
      let mt = stream.uniformInt(below: MigrateType.pcpTypes)
      let count = 1 + stream.uniformInt(below: 700)
      let flags: AllocFlags = stream.uniform() < 0.5 ? [] : .noFragment
      let pi = a.pcpIndex(cpu: stream.uniformInt(below: a.cpuCount), zone: z)
      let li = pi * PerCPU.listCount + PerCPU.listIndex(mt: mt, order: order)
      var b = a.copy()
      let bulk = a.rmqueueBulk(zone: z, order: order, count: count, mt: mt, list: li, flags: flags)
      let perPage = b.rmqueueBulkPerPage(zone: z, order: order, count: count, mt: mt, list: li, flags: flags)
      #expect(bulk == perPage, "round \(round)")
      a.pcp[pi].count += Int32(bulk << order)
      b.pcp[pi].count += Int32(perPage << order)
      let d = firstDifference(digest(a), digest(b))
      #expect(d == nil, "round \(round): zone \(z) order \(order) mt \(mt) count \(count) differs at \(d ?? -1)")
      refills += 1
      pagesMoved += bulk << order
      if round % 5 == 4 {
        _ = AllocatorChurn(operations: 300, fill: 0.9, seed: seed &+ UInt64(round)).run(on: &a)
      }
    }
    try a.checkInvariants()
    #expect(refills == 30 && pagesMoved > 0)
  }
}
