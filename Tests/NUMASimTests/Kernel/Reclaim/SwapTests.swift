// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SwapTests {
  @Test func aNewSwapSpaceIsAllFree() {
    let s = SwapSpace(pages: 100)
    #expect(s.totalPages == 100)
    #expect(s.freePages == 100)
    #expect(s.hasFree)
  }

  @Test func allocatingTakesSlotsUntilTooFewAreLeft() {
    var s = SwapSpace(pages: 10)
    let a = s.allocate(4)
    #expect(a)
    #expect(s.freePages == 6)
    let b = s.allocate(7)
    #expect(!b)
    #expect(s.freePages == 6)
    let c = s.allocate(6)
    #expect(c)
    #expect(s.freePages == 0)
    #expect(!s.hasFree)
    #expect(s.totalPages == 10)
  }

  @Test func noSwapCannotReclaimAnon() {
    var s = SwapSpace(pages: 0)
    #expect(!s.hasFree)
    let a = s.allocate(1)
    #expect(!a)
    let zero = s.allocate(0)
    #expect(zero)
  }
}
