// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct NodeLayoutTests {
  static func zone(_ type: ZoneType, start: Int, spanned: Int, present: Int, managed: Int) -> ZoneSpan {
    ZoneSpan(type: type, startPFN: start, spanned: Pages(spanned), present: Pages(present), managed: Pages(managed))
  }

  static let node = NodeLayout(
    id: NodeID(1), cpus: [CPUID(4), CPUID(5)],
    zones: [
      .empty(.dma),
      zone(.dma32, start: 4096, spanned: 1000, present: 900, managed: 850),
      zone(.normal, start: 10_000, spanned: 500, present: 500, managed: 400),
      .empty(.movable),
    ])

  @Test func sumsPresentAndManagedPagesOverZones() {
    #expect(Self.node.presentPages == Pages(1400))
    #expect(Self.node.managedPages == Pages(1250))
  }

  @Test func spannedPagesRunFromTheFirstZoneStartToTheLastZoneEnd() {
    // 4096 ..< 10500, the hole between the zones included; empty zones at PFN 0 do not count.
    #expect(Self.node.spannedPages == Pages(6404))
  }

  @Test func aNodeWithoutSpannedZonesSpansNothing() {
    let empty = NodeLayout(id: NodeID(0), cpus: [], zones: [.empty(.dma), .empty(.normal)])
    #expect(empty.spannedPages == .zero)
    #expect(empty.presentPages == .zero)
    #expect(!empty.hasMemory)
    #expect(!empty.hasCPUs)
  }

  @Test func memoryMeansAPopulatedZone() {
    #expect(Self.node.hasMemory)
    #expect(Self.node.hasCPUs)
    // Spanned but with no present pages: a hole, not memory.
    let hole = NodeLayout(
      id: NodeID(2), cpus: [CPUID(0)], zones: [Self.zone(.normal, start: 0, spanned: 8, present: 0, managed: 0)])
    #expect(!hole.hasMemory)
    #expect(hole.spannedPages == Pages(8))
  }
}
