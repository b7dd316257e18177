import Foundation
// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// The reference machine: a real Linux 6.18 VM with 2 CPUs and THP in madvise mode.
func referenceSetup(_ sysctl: SysctlVM = SysctlVM(), kernel: KernelVersion = .v6_18) throws -> MachineSetup {
  let dump = try ZoneInfoImport(path: Fixtures.path("local-6.18.zoneinfo"))
  return KernelSetup.setUp(try dump.machine(cpusPerNode: [2]), kernel: kernel, sysctl: sysctl)
}

@Suite struct KernelSetupTests {
  @Test func minFreeKbytesComesFromTheTHPRule() throws {
    let setup = try referenceSetup()
    #expect(setup.minFreeKbytes == 67584)
    #expect(setup.minFreeKbytesHistory.map(\.value) == [8281, 67584])
  }

  @Test func reproducesEveryWatermarkProtectionAndPagesetOfTheReferenceMachine() throws {
    let setup = try referenceSetup()
    let dump = try ZoneInfoImport(path: Fixtures.path("local-6.18.zoneinfo"))
    #expect(dump.zones.count == 5)
    for z in dump.zones {
      let type = try #require(ZoneType(kernelName: z.name))
      let idx = try #require(Architecture.x86_64.zoneIndex(of: type))
      let mine = setup.zones[z.node][idx]
      let computed: [Int] = [mine.watermarks.min, mine.watermarks.low, mine.watermarks.high, mine.watermarks.promo]
      let dumped: [Int] = [z.min, z.low, z.high, z.promo ?? -1]
      #expect(computed == dumped, "\(z.name)")
      #expect(mine.lowmemReserve == z.protection, "\(z.name)")
      if z.present > 0 {
        #expect(mine.pcp.batch == z.pcpBatch, "\(z.name)")
        #expect(mine.pcp.highMin == z.pcpHighMin, "\(z.name)")
        #expect(mine.pcp.highMax == z.pcpHighMax, "\(z.name)")
      }
    }
    #expect(dump.driftNotes(against: setup).isEmpty)
  }

  @Test func rendersTheReferenceZoneinfoFieldForField() throws {
    let setup = try referenceSetup()
    let rendered = ZoneInfoReport.render(.boot(setup)).split(separator: "\n")
    let real = Fixtures.text("local-6.18.zoneinfo").split(separator: "\n")
    #expect(rendered.count == real.count)
    // Lines that describe the boot-time set-up must be identical; counters and free pages
    // reflect the real machine's uptime and are skipped.
    let exact = [
      "Node ", "min ", "low ", "high_m", "promo", "spanned", "present", "managed", "protection", "batch",
      "vm stats threshold", "start_pfn", "boost", "cma", "cpu:", "node_unreclaimable",
    ]
    for (mine, theirs) in zip(rendered, real) {
      let key = theirs.trimmingCharacters(in: .whitespaces)
      if exact.contains(where: { key.hasPrefix($0) }) { #expect(mine == theirs) }
    }
  }

  @Test func userMinFreeKbytesOverridesTheTHPRaise() throws {
    var s = SysctlVM()
    s.minFreeKbytes = 16384
    let setup = try referenceSetup(s)
    #expect(setup.minFreeKbytes == 16384)
    #expect(setup.minFreeKbytesHistory.last?.source.contains("sysctl") == true)
  }

  @Test func thpNeverKeepsTheSqrtRuleRecomputedAboveHighOn6x() throws {
    var s = SysctlVM()
    s.transparentHugepage = .never
    let setup = try referenceSetup(s)
    // Second calculate_min_free_kbytes() sees managed - high: slightly below 8281.
    #expect(setup.minFreeKbytes < 8281)
    #expect(setup.minFreeKbytes > 8200)
    let old = try referenceSetup(s, kernel: KernelVersion(5, 14))
    #expect(old.minFreeKbytes == 8281)
  }

  @Test func totalReservePagesSumsHighPlusLargestProtection() throws {
    let setup = try referenceSetup()
    // DMA min(3840, 90+4170) + DMA32 (18277+1152) + Normal 6974 + Movable min(0, ...) + Device 0
    #expect(setup.totalReservePages == 3840 + 19429 + 6974)
  }
}
