// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct NodeReclaimTests {
  func machine(nodes: Int = 1, mode: Int) throws -> TestMachine {
    var sysctl = SysctlVM()
    sysctl.zoneReclaimMode = mode
    let a = try makeAllocator(nodes: nodes, memory: 64 * ByteSize.mib, sysctl: sysctl)
    let r = makeReclaim(a)
    return TestMachine(a: a, r: r)
  }

  @Test func reclaimsAtNodeReclaimPriorityWhenThePageCacheIsLargeEnough() throws {
    let m = try machine(mode: 1)
    var a = m.a
    var r = m.r
    r.fill(&a)
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &task) == .some)
    #expect(a.counters[.zoneReclaimSuccess] == 1 && a.counters[.pgstealDirect] == 32)
    #expect(task.reclaim.fileReclaimed == 32 && task.nodeReclaim == task.reclaim)
    // The pages count as the task's, and it holds the node's PGDAT_RECLAIM_LOCKED.
    #expect(task.reclaimed == 32 && task.nodeReclaimLocked == [0])
  }

  @Test func minUnmappedPagesIsTheZonesManagedPagesTimesTheRatioEachRoundedDown() throws {
    var sysctl = SysctlVM()
    sysctl.minUnmappedRatio = 3
    let a = try makeAllocator(memory: 64 * ByteSize.mib, sysctl: sysctl)
    let expected = a.zones(ofNode: 0).reduce(0) { $0 + a.zones[$1].managed * 3 / 100 }
    #expect(Reclaim<AccessModel>.minUnmappedPages(a, node: 0) == expected && expected > 0)
  }

  @Test func aSmallPageCacheIsFullAndANonBlockingCallerIsNotScanned() throws {
    let m = try machine(mode: 1)
    var a = m.a
    var r = m.r
    r.fill(&a, limit: 10)
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &task) == .full)
    r.fill(&a)
    #expect(r.nodeReclaim(&a, node: 0, gfp: .atomic, order: 0, task: &task) == .noScan)
    #expect(a.counters[.pgscanDirect] == 0 && a.counters[.zoneReclaimFailed] == 0)
  }

  @Test(arguments: [(1, false), (5, true)])
  func mappedPageCacheIsReclaimableOnlyWithReclaimUnmap(mode: Int, reclaims: Bool) throws {
    let m = try machine(mode: mode)
    var a = m.a
    var r = m.r
    let filled = r.fill(&a, mapped: true)
    #expect(r.nodePagecacheReclaimable(node: 0, mode: NodeReclaimMode(rawValue: mode)) == (reclaims ? filled : 0))
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &task) == (reclaims ? .some : .full))
    #expect(task.reclaim.unmapped == (reclaims ? 32 : 0))
    #expect(a.counters[.zoneReclaimSuccess] == (reclaims ? 1 : 0))
  }

  @Test(arguments: [(1, false), (3, true)])
  func dirtyPageCacheIsReclaimableOnlyWithReclaimWriteAndDirectReclaimStillPassesItOver(
    mode: Int, scans: Bool
  ) throws {
    let m = try machine(mode: mode)
    var a = m.a
    var r = m.r
    let filled = r.fill(&a, dirty: true)
    #expect(r.nodePagecacheReclaimable(node: 0, mode: NodeReclaimMode(rawValue: mode)) == (scans ? filled : 0))
    var task = TaskContext(cpu: 0, now: .zero)
    // Scanned, nothing freed (only kswapd writes page cache): NODE_RECLAIM_SOME, counted failed.
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &task) == (scans ? .some : .full))
    #expect(a.counters[.zoneReclaimFailed] == (scans ? 1 : 0) && a.counters[.zoneReclaimSuccess] == 0)
    #expect(task.reclaimed == 0 && (task.reclaim.blockedOnWriteback > 0) == scans)
  }

  @Test func onlyTheLocalNodeOrACPULessOneIsReclaimed() throws {
    let m = try machine(nodes: 2, mode: 1)
    var a = m.a
    var r = m.r
    r.fill(&a, node: 1)
    let remote = a.cpuNode.firstIndex(of: 0)!
    var task = TaskContext(cpu: remote, now: .zero)
    #expect(r.nodeReclaim(&a, node: 1, gfp: .highUserMovable, order: 0, task: &task) == .noScan)
    var local = TaskContext(cpu: a.cpuNode.firstIndex(of: 1)!, now: .zero)
    #expect(r.nodeReclaim(&a, node: 1, gfp: .highUserMovable, order: 0, task: &local) == .some)
  }

  @Test func aNodeAnotherTaskIsReclaimingIsNotScanned() throws {
    let m = try machine(mode: 1)
    var a = m.a
    var r = m.r
    r.fill(&a)
    r.nodes[0].nodeReclaimLockedUntil = .microseconds(50)
    var during = TaskContext(cpu: 1, now: .microseconds(10))
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &during) == .noScan)
    #expect(during.nodeReclaimLocked.isEmpty && a.counters[.pgscanDirect] == 0)
    var after = TaskContext(cpu: 1, now: .microseconds(50))
    #expect(r.nodeReclaim(&a, node: 0, gfp: .highUserMovable, order: 0, task: &after) == .some)
  }

  @Test func anyModeBitEnablesNodeReclaim() {
    #expect(!NodeReclaimMode(rawValue: 0).isEnabled)
    for bits in 1...7 { #expect(NodeReclaimMode(rawValue: bits).isEnabled) }
  }
}
