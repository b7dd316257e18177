// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct LRUTests {
  @Test func listsFollowTheKernelEnum() {
    #expect(LRUList.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
    #expect(LRUList.count == LRUList.allCases.count)
    #expect(LRUList.allCases.filter(\.isFile) == [.inactiveFile, .activeFile])
    #expect(LRUList.allCases.filter(\.isActive) == [.activeAnon, .activeFile])
    #expect(
      LRUList.allCases.map(\.kernelName) == [
        "nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file", "nr_unevictable",
      ])
    #expect(LRUList.inactive(file: true) == .inactiveFile)
    #expect(LRUList.inactive(file: false) == .inactiveAnon)
    #expect(LRUList.active(file: true) == .activeFile)
    #expect(LRUList.active(file: false) == .activeAnon)
  }

  @Test func noteCostWeighsIOBySwapClusterMaxAndDecaysPastAQuarterOfTheLists() {
    var m = Memmap(count: 512)
    var v = LRUVec()
    for p in 0..<400 { v.add(PageIndex(p), .inactiveFile, nr: 1, zone: 0, memmap: &m) }
    // 2 pages written and 5 rotated: 2·32 + 5 = 69, under 400/4.
    v.noteCost(file: false, io: 2, rotated: 5)
    #expect(v.anonCost == 69 && v.fileCost == 0)
    v.noteCost(file: true, io: 0, rotated: 20)
    #expect(v.anonCost == 69 && v.fileCost == 20)
    // 69 + 20 + 12 = 101 > 100: both halved.
    v.noteCost(file: true, io: 0, rotated: 12)
    #expect(v.anonCost == 34 && v.fileCost == 16)
  }

  @Test func addPutsTheFolioAtTheHeadAndSetsItsFlags() {
    var m = Memmap(count: 8)
    var v = LRUVec()
    v.add(1, .inactiveFile, nr: 1, zone: 0, memmap: &m)
    v.add(2, .inactiveFile, nr: 1, zone: 0, memmap: &m)
    #expect(v.size(.inactiveFile) == 2)
    #expect(v.tail(.inactiveFile) == 1)
    #expect(m.has(2, .lru) == true)
    #expect(m.has(2, .active) == false)
    m.set(3, .active)
    v.add(3, .inactiveAnon, nr: 1, zone: 0, memmap: &m)
    #expect(m.has(3, .active) == false)
    v.add(4, .activeFile, nr: 4, zone: 0, memmap: &m)
    #expect(m.has(4, .active) == true)
    #expect(v.size(.activeFile) == 4)
    #expect(v.tail(.activeAnon) == Memmap.none)
  }

  @Test func removeClearsLRUAndActiveAndTheCount() {
    var m = Memmap(count: 8)
    var v = LRUVec()
    v.add(5, .activeAnon, nr: 2, zone: 0, memmap: &m)
    m.set(5, .swapBacked)
    v.remove(5, .activeAnon, nr: 2, zone: 0, memmap: &m)
    #expect(v.size(.activeAnon) == 0)
    #expect(m.pageFlags(5) == .swapBacked)
    #expect(v.tail(.activeAnon) == Memmap.none)
  }

  @Test func listOfAPageFollowsItsFlags() {
    var m = Memmap(count: 4)
    #expect(LRUVec.list(of: 0, memmap: m) == .inactiveFile)
    m.set(0, .active)
    #expect(LRUVec.list(of: 0, memmap: m) == .activeFile)
    m.set(1, .swapBacked)
    #expect(LRUVec.list(of: 1, memmap: m) == .inactiveAnon)
    m.set(1, .active)
    #expect(LRUVec.list(of: 1, memmap: m) == .activeAnon)
    m.set(1, .unevictable)
    #expect(LRUVec.list(of: 1, memmap: m) == .unevictable)
  }

  func vec(inactive: Int, active: Int, file: Bool = true) -> LRUVec {
    var v = LRUVec()
    v.pages[LRUList.inactive(file: file).rawValue] = inactive
    v.pages[LRUList.active(file: file).rawValue] = active
    return v
  }

  @Test func belowOneGigabyteTheInactiveListIsLowWhenSmallerThanTheActive() {
    #expect(vec(inactive: 99, active: 100).inactiveIsLow(file: true))
    #expect(!vec(inactive: 100, active: 100).inactiveIsLow(file: true))
    // 260000 pages < 1 GiB: ratio 1.
    #expect(vec(inactive: 60_000, active: 200_000).inactiveIsLow(file: true))
    #expect(!vec(inactive: 0, active: 0).inactiveIsLow(file: true))
  }

  @Test func theRatioIsIntSqrtOfTenTimesTheGigabytes() {
    // 270000 pages is 1 GiB: ratio int_sqrt(10) = 3.
    #expect(!vec(inactive: 70_000, active: 200_000).inactiveIsLow(file: false))
    #expect(vec(inactive: 66_000, active: 200_000, file: false).inactiveIsLow(file: false))
    // 10 GiB: ratio int_sqrt(100) = 10.
    #expect(vec(inactive: 239_999, active: 2_400_000).inactiveIsLow(file: true))
    #expect(!vec(inactive: 240_000, active: 2_400_000).inactiveIsLow(file: true))
  }

  @Test func theTypesAreJudgedSeparately() {
    var v = vec(inactive: 10, active: 100, file: true)
    v.pages[LRUList.inactiveAnon.rawValue] = 100
    v.pages[LRUList.activeAnon.rawValue] = 10
    #expect(v.inactiveIsLow(file: true))
    #expect(!v.inactiveIsLow(file: false))
  }

  @Test func checkInvariantsCatchesAWrongCountFlagOrZone() throws {
    var m = Memmap(count: 8)
    var v = LRUVec()
    m.set(0, .head)
    m[0].order = 2
    v.add(0, .inactiveFile, nr: 4, zone: 0, memmap: &m)
    v.add(4, .inactiveFile, nr: 1, zone: 1, memmap: &m)
    let zoneOf: (PageIndex) -> Int = { $0 < 4 ? 0 : 1 }
    try v.checkInvariants(m, zoneOf: zoneOf)
    var wrong = v
    wrong.pages[LRUList.inactiveFile.rawValue] = 4
    #expect(throws: AllocatorInvariantViolation.self) { try wrong.checkInvariants(m, zoneOf: zoneOf) }
    // Right in total, wrong in where: page 4 counted in zone 0.
    #expect(throws: AllocatorInvariantViolation.self) { try v.checkInvariants(m) { _ in 0 } }
    m.set(4, .swapBacked)
    #expect(throws: AllocatorInvariantViolation.self) { try v.checkInvariants(m, zoneOf: zoneOf) }
  }

  @Test func eachListIsCountedPerZoneAndLruvecLruSizeSumsUpToTheIndex() {
    var m = Memmap(count: 16)
    var v = LRUVec()
    v.add(0, .inactiveFile, nr: 1, zone: 1, memmap: &m)
    v.add(1, .inactiveFile, nr: 1, zone: 2, memmap: &m)
    v.add(2, .inactiveFile, nr: 1, zone: 2, memmap: &m)
    v.add(3, .activeAnon, nr: 1, zone: 0, memmap: &m)
    #expect(v.size(.inactiveFile) == 3)
    #expect(v.size(.inactiveFile, zone: 1) == 1 && v.size(.inactiveFile, zone: 2) == 2)
    #expect(v.size(.inactiveFile, upTo: 0) == 0 && v.size(.inactiveFile, upTo: 1) == 1)
    #expect(v.size(.inactiveFile, upTo: 2) == 3 && v.size(.inactiveFile, upTo: 4) == 3)
    #expect(v.size(.activeAnon, upTo: 0) == 1)
    v.remove(1, .inactiveFile, nr: 1, zone: 2, memmap: &m)
    #expect(v.size(.inactiveFile, zone: 2) == 1 && v.size(.inactiveFile) == 2)
  }

  @Test func fileCountsAreTheMappedAndDirtyPagesOfTheFileLists() {
    var m = Memmap(count: 16)
    var v = LRUVec()
    m.set(0, .head)
    m[0].order = 2
    m[0].mapcount = 1
    v.add(0, .inactiveFile, nr: 4, zone: 0, memmap: &m)
    m.set(4, .dirty)
    v.add(4, .activeFile, nr: 1, zone: 0, memmap: &m)
    m[5].mapcount = 3
    m.set(5, .swapBacked)
    v.add(5, .inactiveAnon, nr: 1, zone: 0, memmap: &m)
    #expect(v.fileCounts(m) == (mapped: 4, dirty: 1))
  }
}
