// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WritebackTests {
  @Test func startQueuesFoliosAndCountsPages() {
    var q = WritebackQueue()
    #expect(q.isEmpty)
    q.start(3, pages: 1)
    q.start(8, pages: 4)
    #expect(q.folios == [3, 8])
    #expect(q.pages == 5)
    #expect(!q.isEmpty)
  }

  @Test func endAllClearsWritebackOnEveryQueuedFolio() {
    var m = Memmap(count: 16)
    var q = WritebackQueue()
    for p: PageIndex in [2, 9] {
      m.set(p, [.writeback, .lru])
      q.start(p, pages: 1)
    }
    m.set(5, .writeback)  // not queued
    q.endAll(&m)
    #expect(q.isEmpty)
    #expect(q.pages == 0)
    #expect(m.pageFlags(2) == .lru)
    #expect(m.pageFlags(9) == .lru)
    #expect(m.has(5, .writeback) == true)
  }
}
