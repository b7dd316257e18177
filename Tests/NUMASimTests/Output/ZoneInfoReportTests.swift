// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneInfoReportTests {
  @Test func bootSnapshotHasEveryManagedPageFree() throws {
    let setup = try referenceSetup()
    let text = ZoneInfoReport.render(.boot(setup))
    #expect(text.contains("Node 0, zone    DMA32\n  pages free     772808\n        boost    0\n        min      12185"))
    #expect(text.contains("      nr_free_pages 772808\n"))
    #expect(text.hasSuffix("        protection: (0, 0, 0, 0, 0)\n"))
  }

  @Test func olderReleasesPrintTheirOwnLayout() throws {
    let setup = try referenceSetup(kernel: KernelVersion(6, 1))
    let text = ZoneInfoReport.render(.boot(setup))
    #expect(!text.contains("        promo    "))
    #expect(!text.contains("high_min"))
    #expect(text.contains("              count: 0\n              high:  "))
    // Before 6.7 pcp->high is stored directly, so it shows at boot.
    let v66 = ZoneInfoReport.render(.boot(try referenceSetup(kernel: KernelVersion(6, 6))))
    #expect(v66.contains("        promo    "))
    #expect(v66.contains("high:  7615"))
  }

  @Test func pcpHighStartsAtZeroOn6_7AndLater() throws {
    let text = ZoneInfoReport.render(.boot(try referenceSetup()))
    #expect(text.contains("              high:     0\n              batch:    63\n              high_min: 7615"))
  }

  @Test func zoneNamesAreRightAligned() {
    #expect(ZoneInfoReport.pad("DMA", 8) == "     DMA")
    #expect(ZoneInfoReport.padRight("numa_hit", 12) == "numa_hit    ")
  }
}
