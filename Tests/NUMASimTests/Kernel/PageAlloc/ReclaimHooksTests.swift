// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ReclaimHooksTests {
  @Test func noReclaimReportsNoProgressAnywhere() throws {
    var a = try makeAllocator()
    var h = NoReclaim(nodes: 1)
    var task = TaskContext(cpu: 0, now: .zero)
    let r = AllocationRequest(order: 0, gfp: .kernel, cpu: 0)
    let ac = a.context(for: r)
    #expect(!h.kswapdIsRunning(node: 0))
    #expect(h.directReclaim(&a, request: r, context: ac, task: &task) == 0)
    #expect(!h.directCompact(&a, request: r, context: ac, task: &task))
    #expect(!h.outOfMemory(&a, request: r, context: ac, task: &task))
    #expect(h.reclaimablePages(a, zone: 1) == 0)
    if case .noScan = h.nodeReclaim(&a, node: 0, gfp: .kernel, order: 0, task: &task) {
    } else {
      Issue.record("node reclaim did something")
    }
    #expect(task.reclaimed == 0)
  }

  @Test func noReclaimCountsKswapdWakeupsPerNode() throws {
    var a = try makeAllocator(nodes: 2)
    var h = NoReclaim(nodes: 2)
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(h.kswapdWakeups == [0, 0])
    let node1Zone = a.zones.elements.first { $0.id.node.index == 1 && $0.isPopulated }!.flatIndex
    h.wakeKswapd(&a, zone: node1Zone, gfp: .kernel, order: 0, highestZoneIndex: 2, task: &task)
    h.wakeKswapd(&a, zone: node1Zone, gfp: .kernel, order: 0, highestZoneIndex: 2, task: &task)
    h.wakeKswapd(&a, zone: 1, gfp: .kernel, order: 0, highestZoneIndex: 2, task: &task)
    #expect(h.kswapdWakeups == [1, 2])
  }
}
