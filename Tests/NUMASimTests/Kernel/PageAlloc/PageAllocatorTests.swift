// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// A small machine for allocator tests: `nodes` nodes of `memory` bytes, `cpus` CPUs each.
@Suite struct PageAllocatorTests {
  @Test func bootLeavesEveryManagedPageFree() throws {
    let a = try makeAllocator(nodes: 2)
    for z in a.zones.elements {
      #expect(z.freePages == z.managed)
    }
    try a.checkInvariants()
    // Boot frees in the largest aligned blocks: most free memory is in order-10 blocks.
    let normal = try #require(a.zones.elements.first { $0.type == .dma32 && $0.id.node.index == 0 })
    #expect(a.nrFree[normal.flatIndex * Buddy.orderCount + 10] * 1024 > normal.managed * 9 / 10)
  }

  /// Random allocate/free sequences conserve pages and keep the lists consistent.
  @Test(arguments: 0..<6)
  func pagesAreConservedUnderRandomTraffic(seed: UInt64) throws {
    var a = try makeAllocator(nodes: 2)
    var rng = SplitMix64(seed: seed)
    var live: [AllocatedPage] = []
    let classes: [GFPFlags] = [.kernel, .highUserMovable, [.kernel, .reclaimable], .atomic]
    for step in 0..<4000 {
      if live.isEmpty || rng.next() % 3 != 0 {
        let orderRoll = rng.next() % 100
        let order =
          orderRoll < 80 ? 0 : orderRoll < 92 ? Int(rng.next() % 4) : orderRoll < 97 ? 9 : Int(rng.next() % 11)
        let gfp = classes[Int(rng.next() % UInt64(classes.count))]
        let req = AllocationRequest(order: order, gfp: gfp, cpu: Int(rng.next() % 4))
        if let p = a.allocate(req) { live.append(p) }
      } else {
        live.swapAt(Int(rng.next() % UInt64(live.count)), live.count - 1)
        let victim = live.removeLast()
        a.free(victim.page, order: victim.order, cpu: Int(rng.next() % 4), zone: victim.zone)
      }
      if step % 500 == 0 { try a.checkInvariants() }
      if step % 250 == 0 {
        for z in a.zones.indices {
          let held = live.filter { $0.zone == z }.reduce(0) { $0 + (1 << $1.order) }
          #expect(a.zones[z].freePages + a.pcpPages(zone: z) + held == a.zones[z].managed)
        }
      }
    }
    for p in live { a.free(p.page, order: p.order, cpu: 0, zone: p.zone) }
    a.drainAllPages()
    try a.checkInvariants()
    for z in a.zones.elements { #expect(z.freePages == z.managed) }
  }
}

struct AllocationFailed: Error {}

extension PageAllocator {
  /// Allocates or throws, for tests that expect success.
  mutating func mustAllocate(_ r: AllocationRequest) throws -> AllocatedPage {
    guard let p = allocate(r) else { throw AllocationFailed() }
    return p
  }
}
