// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct TaskGroupTests {
  @Test func defaults() {
    let g = TaskGroup(name: "g", cpus: [CPUID(0)], arrival: .poisson(ratePerSecond: 1))
    #expect(g.order == .single(0))
    #expect(g.gfp == .highUserMovable)
    #expect(g.policy == .local)
    #expect(g.kind == .anon)
    #expect(g.lifetime == .untilReclaimed)
    #expect(g.access == .untouched)
    #expect(g.shared == .none)
    #expect(g.limit == nil)
    #expect(g.start == .zero)
    #expect(g.stop == nil)
  }

  @Test(arguments: PageKind.allCases)
  func theGFPClassDefaultsToTheKinds(kind: PageKind) {
    let g = TaskGroup(name: "g", cpus: [CPUID(0)], arrival: .poisson(ratePerSecond: 1), kind: kind)
    #expect(g.gfp == kind.defaultGFP)
  }

  @Test func aGivenGFPClassIsKept() {
    let g = TaskGroup(name: "g", cpus: [CPUID(0)], arrival: .poisson(ratePerSecond: 1), gfp: .atomic, kind: .slab)
    #expect(g.gfp == .atomic)
  }

  @Test func onlyLRUPagesAreMapped() {
    let mapped = PageKind.allCases.filter {
      TaskGroup(name: "g", cpus: [CPUID(0)], arrival: .poisson(ratePerSecond: 1), kind: $0).mapsPages
    }
    #expect(mapped == [.anon, .fileClean, .fileDirty])
  }
}
