// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

func node(_ id: Int, memory: Int, cpus: Int) -> NodeLayout {
  let zones = Architecture.x86_64.zoneTypes.map { t -> ZoneSpan in
    t == .normal && memory > 0
      ? ZoneSpan(type: t, spanned: Pages(memory), present: Pages(memory), managed: Pages(memory)) : .empty(t)
  }
  return NodeLayout(id: NodeID(id), cpus: (0..<cpus).map { CPUID(id * 100 + $0) }, zones: zones)
}

@Suite struct ZonelistBuilderTests {
  func orders(_ nodes: [NodeLayout], _ d: [[Int]], kernel: KernelVersion = .v6_18, cpuPenalty: Bool = false) throws
    -> [[Int]]
  {
    ZonelistBuilder.build(nodes: nodes, distances: try DistanceMatrix(d), kernel: kernel, applyCPUPenalty: cpuPenalty)
      .map { $0.nodeOrder.map(\.index) }
  }

  @Test(arguments: [KernelVersion(4, 18), KernelVersion(5, 17), KernelVersion(6, 18)])
  func uniformFourNodesRoundRobin(kernel: KernelVersion) throws {
    let nodes = (0..<4).map { node($0, memory: 1000, cpus: 1) }
    let d = (0..<4).map { i in (0..<4).map { i == $0 ? 10 : 20 } }
    #expect(try orders(nodes, d, kernel: kernel) == [[0, 1, 2, 3], [1, 2, 3, 0], [2, 3, 0, 1], [3, 0, 1, 2]])
  }

  @Test func nearerNodesComeFirst() throws {
    // Two sockets of two nodes each: 10/12 within a socket, 32 across (the EPYC figures).
    let nodes = (0..<4).map { node($0, memory: 1000, cpus: 1) }
    let d = [[10, 12, 32, 32], [12, 10, 32, 32], [32, 32, 10, 12], [32, 32, 12, 10]]
    let o = try orders(nodes, d)
    // Within a distance group node_load spreads the first choice: node 0's build marks
    // node 2 as the first of the far group, so node 1 starts that group with node 3.
    #expect(o[0] == [0, 1, 2, 3])
    #expect(o[1] == [1, 0, 3, 2])
    #expect(o[2] == [2, 3, 0, 1])
    #expect(o[3] == [3, 2, 1, 0])
  }

  @Test func memorylessLocalNodeIsSkippedFrom6_7() throws {
    let nodes = [node(0, memory: 0, cpus: 2), node(1, memory: 1000, cpus: 2)]
    let d = [[10, 20], [20, 10]]
    #expect(try orders(nodes, d)[0] == [1])
    #expect(try orders(nodes, d, kernel: KernelVersion(6, 6))[0] == [0, 1])
    let lists = ZonelistBuilder.build(nodes: nodes, distances: try DistanceMatrix(d), kernel: .v6_18)
    #expect(lists[0].thisNodeZones.isEmpty)
    #expect(lists[0].zones == [ZoneID(node: NodeID(1), index: 2)])
  }

  @Test func cpuLessNodesArePreferredOnlyWhenTheCPUPenaltyApplies() throws {
    // Node 0 local; nodes 1 (CPUs) and 2 (CPU-less, CXL) at equal distance.
    let nodes = [node(0, memory: 1000, cpus: 2), node(1, memory: 1000, cpus: 2), node(2, memory: 1000, cpus: 0)]
    let d = [[10, 20, 20], [20, 10, 20], [20, 20, 10]]
    #expect(try orders(nodes, d)[0] == [0, 1, 2])
    #expect(try orders(nodes, d, cpuPenalty: true)[0] == [0, 2, 1])
  }

  @Test func zonesAreListedHighestFirstPerNode() throws {
    var n0 = node(0, memory: 1000, cpus: 1)
    n0.zones[0] = ZoneSpan(type: .dma, spanned: Pages(4095), present: Pages(3998), managed: Pages(3840))
    n0.zones[1] = ZoneSpan(type: .dma32, spanned: Pages(9000), present: Pages(9000), managed: Pages(9000))
    let lists = ZonelistBuilder.build(
      nodes: [n0, node(1, memory: 1000, cpus: 1)], distances: .uniform(nodes: 2), kernel: .v6_18)
    #expect(lists[0].zones.map { "\($0.node):\($0.index)" } == ["0:2", "0:1", "0:0", "1:2"])
    #expect(lists[1].zones.map { "\($0.node):\($0.index)" } == ["1:2", "0:2", "0:1", "0:0"])
  }

  /// Eight nodes in two distance groups show the node_load tie-break rules differ.
  @Test func nodeLoadRulesSpreadTheFirstRemoteChoice() throws {
    let nodes = (0..<8).map { node($0, memory: 1000, cpus: 1) }
    let d = (0..<8).map { i in (0..<8).map { j in i == j ? 10 : (i / 4 == j / 4 ? 16 : 22) } }
    let new = try orders(nodes, d)
    // Every node's first remote-socket pick differs from its predecessor's where ties allow.
    #expect(new[0] == [0, 1, 2, 3, 4, 5, 6, 7])
    #expect(new[1].prefix(4) == [1, 2, 3, 0])
    #expect(Set(new.map { $0[4] }).count > 1)
  }
}
