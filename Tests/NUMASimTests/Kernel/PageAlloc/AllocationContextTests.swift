// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct AllocationContextTests {
  @Test func nodePolicyMasksTheNodes() {
    #expect(NodePolicy(.local).mode == .local)
    #expect(NodePolicy(.local).nodes == 0)
    #expect(NodePolicy(.preferred(NodeID(2))).nodes == 0b100)
    #expect(NodePolicy(.bind([NodeID(0), NodeID(3)])).nodes == 0b1001)
    #expect(NodePolicy(.bind([NodeID(0), NodeID(3)])).mode == .bind)
    #expect(NodePolicy(.interleave([NodeID(1), NodeID(2)])).nodes == 0b110)
    // Nodes beyond 63 do not fit the mask.
    #expect(NodePolicy(.bind([NodeID(1), NodeID(64)])).nodes == 0b10)
  }

  @Test func aLocalRequestPrefersTheHighestZoneOfTheCPUsNode() throws {
    let a = try makeAllocator(nodes: 2)
    let cpu1 = a.cpuNode.firstIndex(of: 1)!
    let ac = a.context(for: AllocationRequest(order: 0, gfp: .highUserMovable, cpu: cpu1))
    #expect(ac.cpuNode == 1)
    #expect(a.zones[ac.preferredZone].id.node.index == 1)
    #expect(a.zones[ac.preferredZone].type == .dma32)
    #expect(ac.nodemask == .max)
    #expect(ac.interleaveNode == -1)
    #expect(ac.migratetype == Int(MigrateType.movable.rawValue))
    let walk = Array(a.zones(of: ac))
    #expect(walk.first == ac.preferredZone)
    #expect(Set(walk.map { a.zones[$0].id.node.index }) == [0, 1])
  }

  @Test func thisNodeRestrictsTheWalkToTheNode() throws {
    let a = try makeAllocator(nodes: 2)
    let ac = a.context(for: AllocationRequest(order: 0, gfp: [.kernel, .thisNode], cpu: 0))
    #expect(a.zones(of: ac).allSatisfy { a.zones[$0].id.node.index == 0 })
    #expect(ac.migratetype == Int(MigrateType.unmovable.rawValue))
  }

  @Test func bindToAnotherNodeStartsThereAndFiltersTheWalk() throws {
    let a = try makeAllocator(nodes: 2)
    let ac = a.context(for: AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0, policy: .bind([NodeID(1)])))
    #expect(ac.nodemask == 0b10)
    #expect(a.zones[ac.preferredZone].id.node.index == 1)
    #expect(ac.cpuNode == 0)
    #expect(!Array(a.zones(of: ac)).isEmpty)
    #expect(a.zones(of: ac).allSatisfy { a.zones[$0].id.node.index == 1 })
  }

  @Test func interleaveTakesTheNthNodeOfTheMask() throws {
    let a = try makeAllocator(nodes: 3)
    let nodes = [NodeID(0), NodeID(2)]
    let targets = (0..<5).map { i in
      a.context(
        for: AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0, policy: .interleave(nodes), interleaveIndex: i)
      )
      .interleaveNode
    }
    #expect(targets == [0, 2, 0, 2, 0])
  }

  @Test func theDMAModifierCapsTheHighestZone() throws {
    let a = try makeAllocator()
    let ac = a.context(for: AllocationRequest(order: 0, gfp: [.kernel, .dma], cpu: 0))
    #expect(ac.highestZoneIndex == 0)
    #expect(Array(a.zones(of: ac)) == [0])
    let normal = a.context(for: AllocationRequest(order: 0, gfp: .kernel, cpu: 0))
    #expect(normal.highestZoneIndex == 2)
    #expect(Array(a.zones(of: normal)) == [1, 0])
  }

  @Test func noFragmentNeedsANormalPreferredZone() throws {
    let a = try makeAllocator()
    // The preferred zone is ZONE_DMA32 on a 256 MiB machine: only ALLOC_KSWAPD is added.
    #expect(a.noFragmentFlags(preferredZone: 1, gfp: .kernel) == .kswapd)
    #expect(a.noFragmentFlags(preferredZone: 1, gfp: [.directReclaim]) == [])
    #expect(a.noFragmentFlags(preferredZone: -1, gfp: .kernel) == .kswapd)
  }

  @Test func nodeHasMemoryIsTrueForEveryPopulatedNode() throws {
    let a = try makeAllocator(nodes: 2)
    #expect(a.nodeHasMemory(0) == true)
    #expect(a.nodeHasMemory(1) == true)
  }
}
