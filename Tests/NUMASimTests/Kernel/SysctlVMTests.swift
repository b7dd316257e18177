// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SysctlVMTests {
  @Test func defaultsAreTheKernels() {
    let s = SysctlVM()
    #expect(s.minFreeKbytes == nil)
    #expect(s.watermarkScaleFactor == 10)
    #expect(s.watermarkBoostFactor == 15_000)
    #expect(s.lowmemReserveRatio == nil)
    #expect(s.percpuPagelistHighFraction == 0)
    #expect(s.swappiness == 60)
    #expect(s.zoneReclaimMode == 0)
    #expect(s.minUnmappedRatio == 1)
    #expect(s.minSlabRatio == 5)
    #expect(s.extfragThreshold == 500)
    #expect(s.compactionProactiveness == 20)
    #expect(s.transparentHugepage == .madvise)
  }

  @Test func equalityComparesEverySetting() {
    var a = SysctlVM()
    #expect(a == SysctlVM())
    a.minFreeKbytes = 67584
    #expect(a != SysctlVM())
    var b = SysctlVM()
    b.lowmemReserveRatio = [256, 256, 32, 0, 0]
    #expect(b != SysctlVM())
    var c = SysctlVM()
    c.transparentHugepage = .never
    #expect(c != SysctlVM())
    #expect(Set([SysctlVM(), SysctlVM(), a]).count == 2)
  }

  @Test func transparentHugepageModesAreTheSysfsWords() {
    #expect(TransparentHugepageMode.allCases.map(\.rawValue) == ["always", "madvise", "never"])
    #expect(TransparentHugepageMode(rawValue: "never") == .never)
    #expect(TransparentHugepageMode(rawValue: "Never") == nil)
    #expect(TransparentHugepageMode(rawValue: "[madvise]") == nil)
  }

  @Test func onlyNeverDisablesHugepages() {
    #expect(TransparentHugepageMode.always.isEnabled)
    #expect(TransparentHugepageMode.madvise.isEnabled)
    #expect(!TransparentHugepageMode.never.isEnabled)
  }
}
