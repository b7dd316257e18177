// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct OOMKillTests {
  @Test func theMMWithTheMostResidentPagesIsKilledAndItsPagesFreed() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a, mms: 3)
    for (mm, pages) in [(0, 10), (1, 25), (2, 5)] {
      for _ in 0..<pages {
        let allocated = a.allocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 0))
        let p = try #require(allocated)
        r.addNewFolio(&a, p.page, order: 0, mm: mm, file: nil)
      }
    }
    #expect(r.selectBadProcess() == 1)
    let free =
      a.zones.elements.map(\.freePages).reduce(0, +) + a.zones.indices.map { a.pcpPages(zone: $0) }.reduce(0, +)
    let request = AllocationRequest(order: 0, gfp: .kernel, cpu: 0)
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(r.outOfMemory(&a, request: request, context: a.context(for: request), task: &task))
    let after =
      a.zones.elements.map(\.freePages).reduce(0, +) + a.zones.indices.map { a.pcpPages(zone: $0) }.reduce(0, +)
    #expect(after - free == 25)
    #expect(r.rmap.rss == [10, 0, 5] && r.oomKills == [0, 1, 0] && a.counters[.oomKill] == 1)
    try r.checkInvariants(a)
  }

  @Test func nothingResidentMeansNoVictim() throws {
    var a = try makeAllocator()
    var r = makeReclaim(a, mms: 2)
    let request = AllocationRequest(order: 0, gfp: .kernel, cpu: 0)
    var task = TaskContext(cpu: 0, now: .zero)
    #expect(r.selectBadProcess() == nil)
    #expect(!r.outOfMemory(&a, request: request, context: a.context(for: request), task: &task))
  }
}
