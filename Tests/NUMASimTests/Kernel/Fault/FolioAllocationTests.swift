// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct FolioAllocationTests {
  /// A node whose free memory is scattered single pages: no order-9 block is left.
  func fragmented() throws -> PageAllocator {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var kept: [AllocatedPage] = []
    var i = 0
    while let p = a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0)) {
      if i % 2 == 0 { kept.append(p) } else { a.free(p.page, order: 0, cpu: 1, zone: p.zone) }
      i += 1
      if i > 40_000 { break }
    }
    a.drainAllPages()
    return a
  }

  @Test func aHugePageThatCannotBeHadFallsBackToOneBasePage() throws {
    var a = try fragmented()
    var hooks = NoReclaim(nodes: 1)
    var task = TaskContext(cpu: 0, now: .zero)
    let thp = AllocationRequest(order: 9, gfp: GFPFlags.transhugeLight.union(.comp), cpu: 0)
    let page = a.allocateFolio(thp, for: .anonymous, task: &task, hooks: &hooks)
    #expect(page?.order == 0)
    #expect(a.counters[.thpFaultFallback] == 1 && a.counters[.thpFaultAlloc] == 0)
  }

  @Test func aHugePageThatCanBeHadIsCounted() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var hooks = NoReclaim(nodes: 1)
    var task = TaskContext(cpu: 0, now: .zero)
    let thp = AllocationRequest(order: 9, gfp: GFPFlags.transhugeLight.union(.comp), cpu: 0)
    #expect(a.allocateFolio(thp, for: .anonymous, task: &task, hooks: &hooks)?.order == 9)
    #expect(a.counters[.thpFaultAlloc] == 1 && a.counters[.thpFaultFallback] == 0)
  }

  @Test func kernelAllocationsDoNotFallBack() throws {
    var a = try fragmented()
    var hooks = NoReclaim(nodes: 1)
    var task = TaskContext(cpu: 0, now: .zero)
    let request = AllocationRequest(order: 9, gfp: [.kernel, .noRetry], cpu: 0)
    #expect(a.allocateFolio(request, for: .kernel, task: &task, hooks: &hooks) == nil)
    #expect(a.counters[.thpFaultFallback] == 0)
  }
}
