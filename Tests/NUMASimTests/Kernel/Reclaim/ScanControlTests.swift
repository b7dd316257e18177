// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ScanControlTests {
  @Test func defaultsMatchAKswapdOrDirectPass() {
    let sc = ScanControl(nrToReclaim: 32, reclaimIndex: 2, isKswapd: false, cpu: 1, now: .zero)
    #expect(sc.nrToReclaim == 32)
    #expect(sc.gfpMask == .kernel)
    #expect(sc.order == 0)
    #expect(sc.priority == Kswapd.defaultPriority)
    #expect(sc.priority == 12)
    #expect(sc.reclaimIndex == 2)
    #expect(sc.mayWritepage && sc.mayUnmap && sc.maySwap)
    #expect(!sc.isKswapd)
    #expect(sc.cpu == 1)
    #expect(sc.nrScanned == 0)
    #expect(sc.nrReclaimed == 0)
    #expect(sc.nr == ReclaimStat())
  }

  @Test func reclaimStatsAddFieldByField() {
    var a = ReclaimStat()
    a.inactiveScanned = 1
    a.activeFoliosScanned = 2
    a.activated = 3
    a.deactivated = 4
    a.fileReclaimed = 5
    a.swappedOut = 6
    a.writebackStarted = 7
    a.blockedOnWriteback = 8
    a.unmapped = 9
    a.throttled = 10
    var b = a
    b += a
    #expect(b.inactiveScanned == 2)
    #expect(b.activeFoliosScanned == 4)
    #expect(b.activated == 6)
    #expect(b.deactivated == 8)
    #expect(b.fileReclaimed == 10)
    #expect(b.swappedOut == 12)
    #expect(b.writebackStarted == 14)
    #expect(b.blockedOnWriteback == 16)
    #expect(b.unmapped == 18)
    #expect(b.throttled == 20)
    var c = ReclaimStat()
    c += ReclaimStat()
    #expect(c == ReclaimStat())
  }
}
