// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct AllocatorChurnTests {
  @Test func defaults() {
    let c = AllocatorChurn(operations: 5)
    #expect(c.operations == 5)
    #expect(c.fill == 0.7)
    #expect(c.seed == 1)
  }

  @Test func theMixAddsUpToAHundred() {
    #expect(AllocatorChurn.mix.map(\.weight).reduce(0, +) == 100)
  }

  @Test func noOperationsDoNothing() throws {
    var a = try makeAllocator()
    #expect(AllocatorChurn(operations: 0).run(on: &a) == AllocatorChurn.Result())
  }

  @Test func everyOperationIsCountedOnce() throws {
    var a = try makeAllocator()
    let r = AllocatorChurn(operations: 3000, fill: 0.05).run(on: &a)
    #expect(r.allocations + r.failures + r.frees == 3000)
    #expect(r.frees > 0)
    let managed = a.zones.elements.reduce(0) { $0 + $1.managed }
    // Frees start once the held pages reach the fill; one more block of at most 512 pages may go over it.
    #expect(r.heldPages >= 0 && r.heldPages < Int(Double(managed) * 0.05) + 512)
    try a.checkInvariants()
  }

  @Test func aZeroFillAlternatesAllocatingAndFreeing() throws {
    var a = try makeAllocator()
    let r = AllocatorChurn(operations: 10, fill: 0).run(on: &a)
    #expect(r == AllocatorChurn.Result(allocations: 5, failures: 0, frees: 5, heldPages: 0))
  }

  @Test func theSameSeedGivesTheSameRun() throws {
    var a = try makeAllocator()
    var b = try makeAllocator()
    var c = try makeAllocator()
    let one = AllocatorChurn(operations: 2000, fill: 0.1, seed: 7).run(on: &a)
    #expect(AllocatorChurn(operations: 2000, fill: 0.1, seed: 7).run(on: &b) == one)
    #expect(AllocatorChurn(operations: 2000, fill: 0.1, seed: 8).run(on: &c) != one)
    #expect(a.zones.elements.map(\.freePages) == b.zones.elements.map(\.freePages))
  }
}
