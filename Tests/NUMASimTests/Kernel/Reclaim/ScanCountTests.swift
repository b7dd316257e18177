// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ScanCountTests {
  /// A node with 4096 pages of inactive page cache and 4096 inactive anonymous pages.
  func setUp(swapPages: Int, swappiness: Int = 60) throws -> TestMachine {
    var a = try makeAllocator(memory: 128 * ByteSize.mib)
    var r = makeReclaim(a, swapPages: swapPages, swappiness: swappiness)
    r.fill(&a, file: true, limit: 4096)
    r.fill(&a, file: false, limit: 4096)
    return TestMachine(a: a, r: r)
  }

  func control(priority: Int) -> ScanControl {
    ScanControl(nrToReclaim: 32, priority: priority, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .zero)
  }

  @Test func withoutSwapOnlyPageCacheIsScanned() throws {
    let m = try setUp(swapPages: 0)
    let a = m.a
    let r = m.r
    let nr = r.getScanCount(a, node: 0, control(priority: 4))
    #expect(nr[.inactiveFile] == 4096 >> 4 && nr[.inactiveAnon] == 0 && nr[.activeFile] == 0)
  }

  @Test func swappinessSplitsTheScanByItsFraction() throws {
    let m = try setUp(swapPages: 1 << 20)
    let a = m.a
    let r = m.r
    let nr = r.getScanCount(a, node: 0, control(priority: 4))
    // No cost yet: ap = 60·1/1, fp = 140·1/1, so 256·60/200 and 256·140/200.
    #expect(nr[.inactiveAnon] == 256 * 60 / 200 && nr[.inactiveFile] == 256 * 140 / 200)
  }

  @Test func swappinessZeroScansPageCacheOnly() throws {
    let m = try setUp(swapPages: 1 << 20, swappiness: 0)
    let a = m.a
    let r = m.r
    let nr = r.getScanCount(a, node: 0, control(priority: 4))
    #expect(nr[.inactiveAnon] == 0 && nr[.inactiveFile] == 256)
  }

  @Test func priorityZeroScansEverythingEqually() throws {
    let m = try setUp(swapPages: 1 << 20)
    let a = m.a
    let r = m.r
    let nr = r.getScanCount(a, node: 0, control(priority: 0))
    #expect(nr[.inactiveAnon] == 4096 && nr[.inactiveFile] == 4096)
  }

  @Test func tooLittlePageCacheTurnsReclaimToAnon() throws {
    var a = try makeAllocator(memory: 128 * ByteSize.mib)
    var r = makeReclaim(a, swapPages: 1 << 20)
    r.fill(&a, file: false)
    r.fill(&a, file: true, limit: 8)
    var sc = control(priority: 4)
    r.prepareScanControl(a, node: 0, &sc)
    #expect(sc.fileIsTiny && !sc.cacheTrimMode)
    let nr = r.getScanCount(a, node: 0, sc)
    #expect(nr[.inactiveFile] == 0 && nr[.inactiveAnon] == r.nodes[0].lruvec.size(.inactiveAnon) >> 4)
  }

  @Test func plentyOfInactivePageCacheThatNeedsNoAgingIsTrimmedAlone() throws {
    let m = try setUp(swapPages: 1 << 20)
    let a = m.a
    let r = m.r
    var sc = control(priority: 4)
    r.prepareScanControl(a, node: 0, &sc)
    // 4096 inactive file pages, none active: the file list is not low, 4096 >> 4 > 0.
    #expect(sc.cacheTrimMode && !sc.mayDeactivateFile && !sc.fileIsTiny)
    let nr = r.getScanCount(a, node: 0, sc)
    #expect(nr[.inactiveAnon] == 0 && nr[.inactiveFile] == 256)
  }

  @Test func withoutMaySwapOnlyPageCacheIsScanned() throws {
    let m = try setUp(swapPages: 1 << 20)
    var sc = control(priority: 4)
    sc.maySwap = false
    let nr = m.r.getScanCount(m.a, node: 0, sc)
    #expect(nr[.inactiveAnon] == 0 && nr[.inactiveFile] == 256)
  }

  @Test func theCostOfAnonReclaimShiftsTheScanToPageCache() throws {
    let m = try setUp(swapPages: 1 << 20)
    var sc = control(priority: 4)
    sc.anonCost = 300
    sc.fileCost = 100
    // t = 400, a = 700, f = 500: ap = 60·1201/701 = 102, fp = 140·1201/501 = 335.
    let nr = m.r.getScanCount(m.a, node: 0, sc)
    #expect(nr[.inactiveAnon] == 256 * 102 / 437 && nr[.inactiveFile] == 256 * 335 / 437)
  }

  @Test func listSizesAreThoseOfTheZonesUpToReclaimIdx() throws {
    var a = try makeAllocator(memory: 128 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, limit: 4096)
    r.fill(&a, gfp: [.kernel, .dma], limit: 1024)
    var sc = control(priority: 2)
    #expect(r.getScanCount(a, node: 0, sc)[.inactiveFile] == 5120 >> 2)
    sc.reclaimIndex = 0
    #expect(r.getScanCount(a, node: 0, sc)[.inactiveFile] == 1024 >> 2)
  }
}
