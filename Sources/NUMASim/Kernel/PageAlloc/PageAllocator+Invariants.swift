// SPDX-License-Identifier: MIT

/// A broken allocator invariant, with what was found.
public struct AllocatorInvariantViolation: Error, CustomStringConvertible {
  public var description: String
}

extension PageAllocator {
  /// Checks that the memmap and the free lists agree.
  ///
  /// Every page on a free list is a `PG_buddy` block head of that list's order whose
  /// pageblock type is the list's type; `nr_free` and `NR_FREE_PAGES` match the lists; no
  /// frame is in two states (free, on a pcp list, reserved, a hole); no two free buddies of
  /// the same order are left unmerged; pcp counts match their lists.
  /// - Complexity: O(frames + free blocks); call it from tests, not the hot path.
  public func checkInvariants() throws(AllocatorInvariantViolation) {
    func fail(_ s: String) -> AllocatorInvariantViolation { AllocatorInvariantViolation(description: s) }
    var owner = [UInt8](repeating: 0, count: memmap.count)  // 1 free, 2 pcp
    for (z, zone) in zones.elements.enumerated() {
      var free = 0
      var freeHighatomic = 0
      for order in 0..<Buddy.orderCount {
        var blocks = 0
        for mt in 0..<MigrateType.modelled {
          let list = freeLists[freeListIndex(zone: z, order: order, mt: mt)]
          var p = list.head
          var n: Int32 = 0
          var previous = Memmap.none
          while p != Memmap.none {
            guard memmap[Int(p)].prev == previous else {
              throw fail("zone \(z) order \(order) mt \(mt): broken prev link at \(p)")
            }
            guard memmap.has(p, .buddy), Int(memmap[Int(p)].order) == order else {
              throw fail("zone \(z): page \(p) on the order-\(order) list is not a free order-\(order) block")
            }
            let pfn = zone.pfn(p)
            guard pfn & ((1 << order) - 1) == 0, pfn + (1 << order) <= zone.startPFN + zone.spanned else {
              throw fail("zone \(z): free block at pfn \(pfn) order \(order) is misaligned or outside the zone")
            }
            guard pageblockMigratetype(zone: z, pfn: pfn) == mt else {
              throw fail(
                "zone \(z): free block at pfn \(pfn) is on the mt-\(mt) list of a mt-\(pageblockMigratetype(zone: z, pfn: pfn)) pageblock"
              )
            }
            for i in 0..<(1 << order) {
              let q = Int(p) + i
              guard owner[q] == 0, memmap.pageFlags(PageIndex(q)).isDisjoint(with: [.reserved, .hole, .pcp]),
                memmap[q].refcount == 0
              else { throw fail("zone \(z): frame \(q) of free block \(p) is also in another state") }
              owner[q] = 1
            }
            if order < Buddy.maxPageOrder {
              let buddyPFN = pfn ^ (1 << order)
              if zone.spans(pfn: buddyPFN) {
                let b = zone.page(pfn: buddyPFN)
                let bmt = pageblockMigratetype(zone: z, pfn: buddyPFN)
                if memmap.has(b, .buddy), Int(memmap[Int(b)].order) == order,
                  order < Buddy.pageblockOrder || bmt == mt || (Self.isMergeable(bmt) && Self.isMergeable(mt))
                {
                  throw fail("zone \(z): free buddies at pfn \(pfn) and \(buddyPFN) of order \(order) were not merged")
                }
              }
            }
            free += 1 << order
            if mt == Int(MigrateType.highatomic.rawValue) { freeHighatomic += 1 << order }
            n += 1
            previous = p
            p = memmap[Int(p)].next
          }
          guard n == list.count, previous == list.tail else {
            throw fail("zone \(z) order \(order) mt \(mt): list count or tail is wrong")
          }
          blocks += Int(n)
        }
        guard blocks == nrFree[z * Buddy.orderCount + order] else {
          throw fail(
            "zone \(z): nr_free[\(order)] is \(nrFree[z * Buddy.orderCount + order]) but the lists hold \(blocks)")
        }
      }
      guard free == zone.freePages else {
        throw fail("zone \(z): NR_FREE_PAGES is \(zone.freePages) but the lists hold \(free)")
      }
      guard freeHighatomic == zone.freeHighatomic else {
        throw fail("zone \(z): nr_free_highatomic is \(zone.freeHighatomic), lists hold \(freeHighatomic)")
      }
      for cpu in 0..<cpuCount {
        let pi = pcpIndex(cpu: cpu, zone: z)
        var pages: Int32 = 0
        for l in 0..<PerCPU.listCount {
          var p = pcpLists[pi * PerCPU.listCount + l].head
          let order = PerCPU.order(ofList: l)
          while p != Memmap.none {
            guard memmap.has(p, .pcp), !memmap.has(p, .buddy), zoneIndex(of: p) == z else {
              throw fail("cpu \(cpu) zone \(z): page \(p) on a pcp list is not a pcp page of this zone")
            }
            for i in 0..<(1 << order) {
              guard owner[Int(p) + i] == 0 else { throw fail("frame \(Int(p) + i) is on a pcp list and elsewhere") }
              owner[Int(p) + i] = 2
            }
            pages += 1 << Int32(order)
            p = memmap[Int(p)].next
          }
        }
        guard pages == pcp[pi].count else {
          throw fail("cpu \(cpu) zone \(z): pcp count \(pcp[pi].count), lists hold \(pages)")
        }
      }
    }
  }

  /// Pages in use in a zone: managed pages neither free nor on a pcp list.
  public func allocatedPages(zone z: Int) -> Int { zones[z].managed - zones[z].freePages - pcpPages(zone: z) }
}
