// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ShrinkNodeTests {
  @Test func directReclaimStopsAtItsTargetInBatches() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, limit: 4096)
    // Priority 4: 4096 >> 4 = 256 pages may be scanned; 40 are wanted, taken 32 at a time.
    var sc = ScanControl(nrToReclaim: 40, priority: 4, reclaimIndex: 4, isKswapd: false, cpu: 0, now: .zero)
    r.shrinkNode(&a, node: 0, &sc)
    #expect(sc.nrReclaimed == 64 && sc.nrScanned == 64)
  }

  @Test func kswapdScansItsWholeShareBeforeStopping() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, limit: 4096)
    var sc = ScanControl(nrToReclaim: 40, priority: 4, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .zero)
    r.shrinkNode(&a, node: 0, &sc)
    // kswapd finishes the round of both lists before checking: 64 as well, one list only.
    #expect(sc.nrReclaimed == 64)
  }

  @Test func progressResetsTheNodesFailuresAndRecordsTheScan() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, limit: 1024)
    r.nodes[0].kswapdFailures = 5
    var sc = ScanControl(nrToReclaim: 32, priority: 0, reclaimIndex: 4, isKswapd: false, cpu: 0, now: .seconds(2))
    r.shrinkNode(&a, node: 0, &sc)
    #expect(r.nodes[0].kswapdFailures == 0 && r.access.lastScan[0] == .seconds(2))
  }

  @Test func aLowInactiveListIsAgedInTheLoopAtItsShareOfThePriority() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, hot: true, limit: 200)
    var activate = ScanControl(nrToReclaim: 0, reclaimIndex: 4, isKswapd: false, cpu: 0, now: .zero)
    r.shrinkInactiveList(&a, node: 0, file: true, count: 200, &activate)
    #expect(r.nodes[0].lruvec.inactiveIsLow(file: true))
    // At DEF_PRIORITY 200 >> 12 = 0 pages: nothing is aged.
    var calm = ScanControl(nrToReclaim: 32, priority: 12, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .zero)
    r.shrinkNode(&a, node: 0, &calm)
    #expect(calm.mayDeactivateFile && a.counters[.pgrefill] == 0)
    // At priority 2, 200 >> 2 = 50 pages of the active list, in rounds of 32 and 18; hot page
    // cache keeps its place, which is the pass's rotation cost.
    let fileCost = r.nodes[0].lruvec.fileCost
    var sc = ScanControl(nrToReclaim: 32, priority: 2, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .zero)
    r.shrinkNode(&a, node: 0, &sc)
    #expect(sc.nr.activeFoliosScanned == 50 && a.counters[.pgrefill] == 50)
    #expect(r.nodes[0].lruvec.fileCost != fileCost)
  }
}
