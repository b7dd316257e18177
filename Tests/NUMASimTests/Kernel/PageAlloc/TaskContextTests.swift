// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct TaskContextTests {
  @Test func aNewContextHasDoneNothing() {
    let t = TaskContext(cpu: 3, now: .zero)
    #expect(t.cpu == 3)
    #expect(t.now == .zero)
    #expect(t.reclaim == ReclaimStat())
    #expect(t.reclaimed == 0)
    #expect(t.wokenKswapds.isEmpty)
  }

  @Test func theSlowPathRecordsTheKswapdsItWakesInTheTask() throws {
    var a = try makeAllocator(nodes: 2)
    var hooks = NoReclaim(nodes: 2)
    var task = TaskContext(cpu: 0, now: .zero)
    // Empty node 0 (no reclaim): a __GFP_THISNODE allocation there must go to the slow path.
    let gfp: GFPFlags = [.highUserMovable, .thisNode, .memalloc]
    while a.allocate(AllocationRequest(order: 0, gfp: gfp, cpu: 0)) != nil {}
    let p = a.allocate(
      AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0), task: &task, hooks: &hooks)
    #expect(p == nil)
    #expect(hooks.kswapdWakeups == [2, 0])
  }
}
