// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PageFlagsTests {
  @Test func everyFlagIsADistinctSingleBit() {
    let all = PageFlags.names.map(\.0)
    #expect(all.count == 16)
    var seen: UInt16 = 0
    for f in all {
      #expect(f.rawValue.nonzeroBitCount == 1)
      #expect(seen & f.rawValue == 0)
      seen |= f.rawValue
    }
    #expect(seen == UInt16.max)
  }

  @Test func namesAreInBitOrder() {
    for (i, entry) in PageFlags.names.enumerated() { #expect(entry.0.rawValue == 1 << UInt16(i)) }
    #expect(PageFlags.names.map(\.1).prefix(5) == ["locked", "referenced", "dirty", "lru", "active"])
    #expect(PageFlags.names.last?.1 == "hot")
  }

  @Test func kernelFlagsKeepTheirPageflagsOrder() {
    // enum pageflags: PG_locked, PG_referenced, PG_dirty, PG_lru, PG_active, PG_slab ...
    #expect(PageFlags.locked.rawValue == 1)
    #expect(PageFlags.referenced.rawValue == 2)
    #expect(PageFlags.dirty.rawValue == 4)
    #expect(PageFlags.lru.rawValue == 8)
    #expect(PageFlags.active.rawValue == 16)
    #expect(PageFlags.buddy.rawValue == 1 << 12)
    #expect(PageFlags.pcp.rawValue == 1 << 13)
  }

  @Test func optionSetAlgebraCombinesFlags() {
    var f: PageFlags = [.lru, .active]
    #expect(f.contains(.lru))
    f.remove(.active)
    #expect(f == .lru)
    f.formUnion([.dirty, .writeback])
    #expect(f.rawValue == PageFlags.lru.rawValue | PageFlags.dirty.rawValue | PageFlags.writeback.rawValue)
    #expect(f.isDisjoint(with: [.buddy, .pcp]))
  }
}
