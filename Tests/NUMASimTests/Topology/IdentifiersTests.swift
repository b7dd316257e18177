// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct IdentifiersTests {
  @Test func nodesAndCPUsPrintAndOrderByNumber() {
    #expect(NodeID(3).description == "3")
    #expect(CPUID(17).description == "17")
    #expect(NodeID(1) < NodeID(2))
    #expect(!(NodeID(2) < NodeID(2)))
    #expect(CPUID(9) < CPUID(10))
    #expect([NodeID(2), NodeID(0), NodeID(1)].sorted() == [NodeID(0), NodeID(1), NodeID(2)])
    #expect(NodeID(4) == NodeID(4))
    #expect(CPUID(4) != CPUID(5))
  }

  @Test func zonesPrintAsNodeColonIndex() {
    #expect(ZoneID(node: NodeID(1), index: 2).description == "1:2")
    #expect(ZoneID(node: NodeID(0), index: 0).description == "0:0")
  }

  @Test func zonesOrderByNodeThenIndex() {
    let zones = [
      ZoneID(node: NodeID(1), index: 0), ZoneID(node: NodeID(0), index: 4), ZoneID(node: NodeID(1), index: 3),
      ZoneID(node: NodeID(0), index: 1),
    ]
    #expect(zones.sorted().map(\.description) == ["0:1", "0:4", "1:0", "1:3"])
    #expect(ZoneID(node: NodeID(0), index: 9) < ZoneID(node: NodeID(1), index: 0))
    #expect(!(ZoneID(node: NodeID(1), index: 1) < ZoneID(node: NodeID(1), index: 1)))
    #expect(ZoneID(node: NodeID(1), index: 1) != ZoneID(node: NodeID(1), index: 2))
  }
}
