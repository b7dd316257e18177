// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct OwnedArrayTests {
  @Test func elementsAreReadAndWrittenInPlace() {
    var a = OwnedArray(repeating: 7, count: 5)
    #expect(a.count == 5 && a.indices == 0..<5 && !a.isEmpty)
    a[2] = 9
    a[4] += 1
    #expect(a.elements == [7, 7, 9, 7, 8])
  }

  @Test func aCopyIsIndependent() {
    var a = OwnedArray([1, 2, 3])
    var b = a.copy()
    b[0] = 10
    a[2] = 30
    #expect(a.elements == [1, 2, 30] && b.elements == [10, 2, 3])
  }

  @Test func fieldsOfARecordAreWrittenThroughTheSubscript() {
    var m = OwnedArray(repeating: PageRecord(), count: 3)
    m[1].order = 4
    m[1].next = 2
    #expect(m[1].order == 4 && m[1].next == 2 && m[0] == PageRecord() && m[2] == PageRecord())
  }

  @Test func anEmptyArrayHasNoElements() {
    let a = OwnedArray<Int>([])
    #expect(a.isEmpty && a.elements.isEmpty)
  }
}
