// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct GetPageFromFreelistTests {
  func node(_ a: borrowing PageAllocator, _ p: AllocatedPage) -> Int { a.zones[p.zone].id.node.index }
  func numa(_ a: borrowing PageAllocator, node: Int, _ s: NUMAStat) -> UInt64 {
    a.zones.elements.filter { $0.id.node.index == node }.reduce(0) {
      $0 + a.numaStats[$1.flatIndex * NUMAStat.allCases.count + s.index]
    }
  }

  @Test func aRequestThatFitsLocallyNeverGoesRemote() throws {
    var a = try makeAllocator(nodes: 2)
    for i in 0..<5000 {
      let p = try a.mustAllocate(AllocationRequest(order: i % 3, gfp: .highUserMovable, cpu: 2))
      #expect(node(a, p) == 1)
    }
    #expect(numa(a, node: 0, .numaHit) == 0 && numa(a, node: 1, .numaMiss) == 0)
    #expect(numa(a, node: 1, .numaHit) == 5000 && numa(a, node: 1, .numaLocal) == 5000)
  }

  @Test func overflowFallsBackInZonelistOrderAndCountsMissAndForeign() throws {
    var a = try makeAllocator(nodes: 2)
    var remote = 0
    var firstRemote: AllocatedPage?
    // Node 0 has 256 MiB; 80000 order-0 pages cannot all fit above its low watermark.
    for _ in 0..<80_000 {
      let p = try a.mustAllocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0))
      if node(a, p) == 1 {
        remote += 1
        if firstRemote == nil { firstRemote = p }
      }
    }
    #expect(remote > 0)
    #expect(numa(a, node: 1, .numaMiss) == UInt64(remote))
    #expect(numa(a, node: 0, .numaForeign) == UInt64(remote))
    #expect(numa(a, node: 1, .numaOther) == UInt64(remote))
    // Node 0 went no lower than its zones' low watermarks before spilling over.
    for z in a.zones.elements where z.id.node.index == 0 && z.isPopulated {
      #expect(z.freePages + a.pcpPages(zone: z.flatIndex) >= z.watermarks.low - 64)
    }
    try a.checkInvariants()
  }

  @Test func thisNodeNeverFallsBack() throws {
    var a = try makeAllocator(nodes: 2)
    var failures = 0
    for _ in 0..<80_000 {
      if let p = a.allocate(AllocationRequest(order: 0, gfp: [.kernel, .thisNode], cpu: 0)) {
        #expect(node(a, p) == 0)
      } else {
        failures += 1
      }
    }
    #expect(failures > 0)
    #expect(numa(a, node: 1, .numaHit) + numa(a, node: 1, .numaMiss) == 0)
  }

  @Test func bindNeverLeavesItsNodes() throws {
    var a = try makeAllocator(nodes: 3)
    var failed = false
    for _ in 0..<80_000 {
      guard let p = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0, policy: .bind([NodeID(1)])))
      else {
        failed = true
        continue
      }
      #expect(node(a, p) == 1)
    }
    #expect(failed)
    #expect(numa(a, node: 0, .numaHit) + numa(a, node: 2, .numaHit) + numa(a, node: 2, .numaMiss) == 0)
  }

  @Test func interleaveRoundRobins() throws {
    var a = try makeAllocator(nodes: 3)
    var seen: [Int] = []
    for i in 0..<9 {
      let req = AllocationRequest(
        order: 0, gfp: .highUserMovable, cpu: 0, policy: .interleave([NodeID(0), NodeID(2)]), interleaveIndex: i)
      seen.append(node(a, try a.mustAllocate(req)))
    }
    #expect(seen == [0, 2, 0, 2, 0, 2, 0, 2, 0])
    #expect(numa(a, node: 0, .numaInterleave) == 5 && numa(a, node: 2, .numaInterleave) == 4)
    // The interleave target is the preferred node: hits, but not local to the CPU.
    #expect(numa(a, node: 2, .numaMiss) == 0 && numa(a, node: 2, .numaOther) == 4)
  }

  @Test func preferredStartsOnItsNode() throws {
    var a = try makeAllocator(nodes: 2)
    let p = try a.mustAllocate(
      AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0, policy: .preferred(NodeID(1))))
    #expect(node(a, p) == 1)
    #expect(numa(a, node: 1, .numaHit) == 1 && numa(a, node: 1, .numaOther) == 1)
  }

  @Test func compoundPagesHaveAHeadAndTails() throws {
    var a = try makeAllocator()
    let p = try a.mustAllocate(AllocationRequest(order: 2, gfp: [.highUserMovable, .comp], cpu: 0))
    #expect(a.memmap.has(p.page, .head) && Int(a.memmap[Int(p.page)].order) == 2)
    for i in 1..<4 {
      #expect(a.memmap.compoundHead(p.page + PageIndex(i)) == p.page)
    }
    a.free(p.page, order: 2, cpu: 0)
    #expect(a.memmap.has(p.page + 1, .tail) == false)
    #expect(a.counters.pgalloc.reduce(0, +) == 4 && a.counters[.pgfree] == 4)
  }
}
