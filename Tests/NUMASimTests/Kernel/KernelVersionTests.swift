// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct KernelVersionTests {
  @Test(arguments: [
    ("6.18", KernelVersion(6, 18)), ("6.18.44", KernelVersion(6, 18)), ("v6.1", KernelVersion(6, 1)),
    ("4.18.0-80.el8", KernelVersion(4, 18)), ("5.14.0-325.el9", KernelVersion(5, 14)),
    ("6.19-rc3", KernelVersion(6, 19)), ("6.18+", KernelVersion(6, 18)),
  ])
  func parses(text: String, version: KernelVersion) {
    #expect(KernelVersion(parsing: text) == version)
  }

  @Test(arguments: ["", "six", "6", "6.x", "-1.2", "6.18e3", "6.18x", "6.1a.2"])
  func rejects(text: String) {
    #expect(KernelVersion(parsing: text) == nil)
  }

  @Test func rulesChangeAtTheRecordedReleases() {
    #expect(KernelVersion(5, 6).minFreeKbytesUpperClamp == 65536)
    #expect(KernelVersion(5, 7).minFreeKbytesUpperClamp == 262_144)
    #expect(!KernelVersion(6, 5).movableIsHighmemLike && KernelVersion(6, 6).movableIsHighmemLike)
    #expect(KernelVersion(6, 6).pcpHighRule == .lowWatermarkShare && KernelVersion(6, 7).pcpHighRule == .highMinMax)
    #expect(KernelVersion(5, 13).pcpHighRule == .sixTimesBatch)
    #expect(KernelVersion(5, 16).zonelistNodeLoadRule == .assignDecreasingLoad)
    #expect(KernelVersion(5, 17).zonelistNodeLoadRule == .accumulateLoad)
    #expect(KernelVersion(5, 19).zonelistNodeLoadRule == .incrementByOne)
    #expect(KernelVersion(4, 17).lowmemReserveRule == .legacyRatioAtLeastOne)
    #expect(KernelVersion(5, 10).lowmemReserveRule == .skipEmptyNoAccumulate)
    #expect(KernelVersion(5, 11).lowmemReserveRule == .clearRowAccumulate)
    #expect(!KernelVersion(6, 1).printsPromoWatermark && KernelVersion(6, 12).printsPromoWatermark)
    #expect(!KernelVersion(6, 12).printsPCPHighMinMax && KernelVersion.v6_18.printsPCPHighMinMax)
  }

  @Test func supportedRange() {
    for v in KernelVersion.tested { #expect(v.isSupported) }
    #expect(!KernelVersion(3, 10).isSupported)
    #expect(!KernelVersion(8, 0).isSupported)
  }
}
