// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SysctlKeysTests {
  @Test func appliesAssignments() throws {
    var s = SysctlVM()
    try SysctlKey.apply(assignment: "vm.min_free_kbytes=90112", to: &s)
    try SysctlKey.apply(assignment: "watermark_scale_factor = 200", to: &s)
    try SysctlKey.apply(assignment: "vm.lowmem_reserve_ratio=256 256 32 0 0", to: &s)
    try SysctlKey.apply(assignment: "transparent_hugepage=never", to: &s)
    try SysctlKey.apply(assignment: "vm.percpu_pagelist_high_fraction=8", to: &s)
    #expect(s.minFreeKbytes == 90112)
    #expect(s.watermarkScaleFactor == 200)
    #expect(s.lowmemReserveRatio == [256, 256, 32, 0, 0])
    #expect(s.transparentHugepage == .never)
    #expect(s.percpuPagelistHighFraction == 8)
  }

  @Test(arguments: [
    ("vm.min_free_kbyte=1", "unknown sysctl 'vm.min_free_kbyte'; did you mean vm.min_free_kbytes?"),
    ("vm.watermark_scale_factor=0", "vm.watermark_scale_factor: 0 is out of range; the kernel accepts 1...3000"),
    ("vm.watermark_scale_factor=3001", "out of range"),
    ("vm.swappiness=201", "out of range"),
    ("vm.min_free_kbytes=-5", "out of range"),
    ("vm.min_free_kbytes=lots", "'lots' is not an integer"),
    ("vm.percpu_pagelist_high_fraction=4", "0 or 8 and above"),
    ("vm.lowmem_reserve_ratio=256 x", "'x' is not an integer"),
    ("transparent_hugepage=sometimes", "not one of always, madvise, never"),
    ("vm.swappiness", "not of the form vm.KEY=VALUE"),
    ("vm.dirty_ratio=10", "unknown sysctl"),
    ("vm.stat_interval=0", "vm.stat_interval: '0' is not a whole number of seconds in 1...86400"),
  ])
  func rejects(assignment: String, message: String) {
    var s = SysctlVM()
    #expect {
      try SysctlKey.apply(assignment: assignment, to: &s)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test func statIntervalIsWholeSeconds() throws {
    var s = SysctlVM()
    #expect(s.statInterval == 1)
    try SysctlKey.apply(assignment: "vm.stat_interval=10", to: &s)
    #expect(s.statInterval == 10)
  }

  @Test func editDistance() {
    #expect(EditDistance.between("kitten", "sitting") == 3)
    #expect(EditDistance.between("", "abc") == 3)
    #expect(EditDistance.between("same", "same") == 0)
  }

  @Test func unmodelledKeysAreNamedOnlyWhenSetAwayFromTheDefault() throws {
    var s = SysctlVM()
    #expect(SysctlKey.unmodelledSettings(in: s).isEmpty)
    try SysctlKey.apply(assignment: "vm.extfrag_threshold=700", to: &s)
    try SysctlKey.apply(assignment: "vm.swappiness=10", to: &s)
    #expect(SysctlKey.unmodelledSettings(in: s) == [.extfragThreshold])
  }
}
