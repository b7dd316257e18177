// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PGDataTests {
  @Test func aNewNodeHasAnIdleKswapdAndEmptyLists() {
    let n = PGData(kswapdCPU: 3)
    #expect(n.kswapdCPU == 3)
    #expect(n.kswapdOrder == 0)
    #expect(n.kswapdHighestZoneIndex == -1)
    #expect(n.kswapdFailures == 0)
    #expect(n.kswapd.phase == .sleeping)
    #expect(!n.isHopeless)
    for l in LRUList.allCases { #expect(n.lruvec.size(l) == 0) }
    #expect(n.writeback.isEmpty)
  }

  @Test func aNodeIsHopelessAfterMaxFailures() {
    var n = PGData(kswapdCPU: 0)
    n.kswapdFailures = Kswapd.maxFailures - 1
    #expect(!n.isHopeless)
    n.kswapdFailures = Kswapd.maxFailures
    #expect(n.isHopeless)
    #expect(Kswapd.maxFailures == 16)
  }

  @Test func theZonesOfANodeAreItsFlatRange() throws {
    let a = try makeAllocator(nodes: 2)
    #expect(a.zones(ofNode: 0) == 0..<5)
    #expect(a.zones(ofNode: 1) == 5..<10)
    for z in a.zones(ofNode: 1) { #expect(a.zones[z].id.node.index == 1) }
  }

  @Test func nodeSumAddsOverTheNodesZones() throws {
    let a = try makeAllocator(nodes: 2)
    #expect(a.nodeSum(0) { $0.managed } == 3840 + 59_392)
    #expect(a.nodeSum(0) { $0.freePages } == a.zones[0].freePages + a.zones[1].freePages)
    let total = a.zones.elements.reduce(0) { $0 + $1.managed }
    #expect(a.nodeSum(0) { $0.managed } + a.nodeSum(1) { $0.managed } == total)
  }
}
