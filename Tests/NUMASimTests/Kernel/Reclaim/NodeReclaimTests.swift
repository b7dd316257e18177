// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct NodeReclaimTests {
  @Test func reclaimsAtNodeReclaimPriorityWhenThePageCacheIsLargeEnough() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a)
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &task) == .some)
    #expect(a.counters[.zoneReclaimSuccess] == 1 && a.counters[.pgstealDirect] == 32)
    #expect(task.reclaim.fileReclaimed == 32)
  }

  @Test func aSmallPageCacheOrAnAtomicCallerIsNotReclaimed() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, limit: 10)
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &task) == .full)
    r.fill(&a)
    #expect(r.nodeReclaim(&a, node: 0, gfp: .atomic, order: 0, task: &task) == .full)
    #expect(a.counters[.pgscanDirect] == 0 && a.counters[.zoneReclaimFailed] == 0)
  }
}
