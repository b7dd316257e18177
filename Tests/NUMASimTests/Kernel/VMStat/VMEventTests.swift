// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct VMEventTests {
  @Test func kernelNamesAreUniqueAndSnakeCase() {
    let names = VMEvent.allCases.map(\.kernelName)
    #expect(Set(names).count == names.count)
    for n in names { #expect(n == n.lowercased() && !n.contains(" ")) }
    #expect(VMEvent.pgscanKswapd.kernelName == "pgscan_kswapd")
    #expect(VMEvent.kswapdHighWmarkHitQuickly.kernelName == "kswapd_high_wmark_hit_quickly")
    #expect(VMEvent.oomKill.kernelName == "oom_kill")
    #expect(VMEvent.thpFaultFallback.kernelName == "thp_fault_fallback")
  }

  @Test func countersStartAtZeroAndAreIndexedByEvent() {
    var c = VMCounters(zoneCount: 5)
    #expect(c.events.count == VMEvent.allCases.count)
    #expect(c.pgalloc == [0, 0, 0, 0, 0])
    #expect(c.allocstall.count == 5)
    #expect(c.allocFailures.count == Buddy.orderCount)
    c[.pswpout] += 7
    #expect(c[.pswpout] == 7)
    #expect(c.events[VMEvent.pswpout.rawValue] == 7)
    #expect(c[.pgfree] == 0)
  }

  @Test func sinceSubtractsEveryCounter() {
    var base = VMCounters(zoneCount: 2)
    base[.pgfree] = 10
    base.pgalloc[1] = 100
    base.allocstall[0] = 1
    base.allocFailures[3] = 2
    var now = base
    now[.pgfree] = 25
    now[.oomKill] = 1
    now.pgalloc[1] = 164
    now.allocstall[0] = 4
    now.allocFailures[3] = 5
    let d = now.since(base)
    #expect(d[.pgfree] == 15)
    #expect(d[.oomKill] == 1)
    #expect(d.pgalloc == [0, 64])
    #expect(d.allocstall == [3, 0])
    #expect(d.allocFailures[3] == 3)
    #expect(d.allocFailures.reduce(0, +) == 3)
  }

  @Test func theAllocatorCountsFreedPagesAndFailures() throws {
    var a = try makeAllocator()
    let base = a.counters
    let taken = a.allocate(AllocationRequest(order: 2, gfp: .highUserMovable, cpu: 0))
    let p = try #require(taken)
    a.free(p.page, order: 2, cpu: 0, zone: p.zone)
    let d = a.counters.since(base)
    #expect(d[.pgfree] == 4)
    #expect(d.pgalloc[1] == 4)
  }
}
