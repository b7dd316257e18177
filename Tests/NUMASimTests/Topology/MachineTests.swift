// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MachineTests {
  @Test func rejectsInconsistentDescriptions() throws {
    let good = try TopologyBuilder().buildNodes([NodeSpec(memoryBytes: ByteSize.gib, cpuCount: 1)])
    #expect(throws: TopologyError.self) { try Machine(nodes: []) }
    #expect(throws: TopologyError.self) { try Machine(nodes: good, distances: .uniform(nodes: 2)) }
    var bad = good
    bad[0].zones[1].managed = bad[0].zones[1].present + Pages(1)
    #expect(throws: TopologyError.self) { try Machine(nodes: bad) }
    var dup = good + good
    dup[1].id = NodeID(1)
    #expect(throws: TopologyError.self) { try Machine(nodes: dup) }  // CPU 0 on both nodes
  }

  @Test func findsTheNodeOfACPU() throws {
    let m = try TopologyBuilder().buildMachine([
      NodeSpec(memoryBytes: ByteSize.gib, cpuCount: 2), NodeSpec(memoryBytes: ByteSize.gib, cpuCount: 2),
    ])
    #expect(m.node(of: CPUID(3)) == NodeID(1))
    #expect(m.node(of: CPUID(9)) == nil)
    #expect(m.allZones.count == 10)
  }
}
