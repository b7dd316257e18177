// SPDX-License-Identifier: MIT
@testable import NUMASim

/// Everything of an allocator's state that an allocation or free can change, flattened, so
/// that two allocators can be compared field by field (and a difference located).
func digest(_ a: borrowing PageAllocator) -> [Int] {
  var out: [Int] = []
  for i in 0..<a.memmap.count {
    let r = a.memmap[i]
    out += [Int(r.next), Int(r.prev), Int(r.flags), Int(r.refcount), Int(r.mapcount), Int(r.order)]
  }
  for l in a.freeLists.elements { out += [Int(l.head), Int(l.tail), Int(l.count)] }
  out += a.nrFree.elements
  out += a.pageblockType.elements.map(Int.init)
  for p in a.pcp.elements {
    out += [p.count, p.high, p.highMin, p.highMax, p.batch, p.freeCount, p.allocFactor].map(Int.init)
    out.append(p.previousFreeWasHighOrder ? 1 : 0)
  }
  for l in a.pcpLists.elements { out += [Int(l.head), Int(l.tail), Int(l.count)] }
  for z in a.zones.elements {
    out += [z.freePages, z.freeHighatomic, z.reservedHighatomic, Int(z.flags.rawValue), z.watermarks.boost]
  }
  return out
}

/// The first index where two digests differ, or nil.
func firstDifference(_ x: [Int], _ y: [Int]) -> Int? {
  if x.count != y.count { return min(x.count, y.count) }
  return zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset
}
