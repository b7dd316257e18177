// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ReverseMapTests {
  @Test func mappingAndUnmappingKeepResidentCounts() {
    var m = ReverseMap(frames: 1024, mms: 2)
    m.map(0, order: 9, mm: 1)
    m.map(600, order: 0, mm: 0)
    #expect(m.rss == [1, 512] && m.owner(of: 0) == 1 && m.owner(of: 1) == nil)
    #expect(m.unmap(0, order: 9) == 1)
    #expect(m.rss == [1, 0] && m.owner(of: 0) == nil)
    #expect(m.unmap(0, order: 9) == nil && m.rss == [1, 0])
  }

  @Test func mappingAMappedPageTraps() async {
    await #expect(processExitsWith: .failure) {
      var m = ReverseMap(frames: 4, mms: 1)
      m.map(1, order: 0, mm: 0)
      m.map(1, order: 0, mm: 0)
    }
  }
}
