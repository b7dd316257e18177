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
    // ap = 60·7/4 = 105, fp = 140·7/4 = 245: 256·105/350 and 256·245/350.
    #expect(nr[.inactiveAnon] == 256 * 105 / 350 && nr[.inactiveFile] == 256 * 245 / 350)
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
    let nr = r.getScanCount(a, node: 0, control(priority: 4))
    #expect(nr[.inactiveFile] == 0 && nr[.inactiveAnon] == r.nodes[0].lruvec.size(.inactiveAnon) >> 4)
  }
}
