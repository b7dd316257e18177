// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// Accessed bits set by hand: reclaim follows them whatever model makes them.
struct FixedAccessedBits: AccessedBits {
  var referenced: Bool
  var scans: [(node: Int, at: SimTime)] = []
  func isReferenced(_ page: PageIndex, owner: Int?, node: Int, now: SimTime, memmap: borrowing Memmap) -> Bool {
    referenced
  }
  mutating func scanned(node: Int, at now: SimTime) { scans.append((node, now)) }
}

@Suite struct AccessedBitsTests {
  func reclaim(_ a: borrowing PageAllocator, referenced: Bool) -> Reclaim<FixedAccessedBits> {
    Reclaim(
      nodes: [0], frames: a.memmap.count, mms: 1, swapPages: 0, swappiness: 60,
      access: FixedAccessedBits(referenced: referenced))
  }

  @Test func referencedFoliosAreActivatedAndUnreferencedOnesReclaimed() throws {
    for referenced in [true, false] {
      var a = try makeAllocator(memory: 64 * ByteSize.mib)
      var r = reclaim(a, referenced: referenced)
      r.fill(&a, limit: 40)
      var sc = ScanControl(nrToReclaim: 32, reclaimIndex: 4, isKswapd: false, cpu: 0, now: .milliseconds(1))
      r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &sc)
      #expect(sc.nr.activated == (referenced ? 32 : 0))
      #expect(sc.nrReclaimed == (referenced ? 0 : 32))
      try r.checkInvariants(a)
    }
  }

  @Test func shrinkingANodeClearsItsBits() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = reclaim(a, referenced: false)
    r.fill(&a, limit: 64)
    var sc = ScanControl(nrToReclaim: 32, reclaimIndex: 4, isKswapd: true, cpu: 0, now: .milliseconds(7))
    r.shrinkNode(&a, node: 0, &sc)
    #expect(r.access.scans.count == 1)
    #expect(r.access.scans.first?.node == 0 && r.access.scans.first?.at == .milliseconds(7))
  }
}
