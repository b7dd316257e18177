// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SysctlReportTests {
  @Test func printsTheReferenceValues() throws {
    let text = SysctlReport.render(try referenceSetup())
    let real = Fixtures.text("local-6.18.sysctl-vm.txt")
    for key in [
      "min_free_kbytes", "watermark_scale_factor", "watermark_boost_factor", "swappiness", "zone_reclaim_mode",
      "percpu_pagelist_high_fraction", "extfrag_threshold", "compaction_proactiveness", "min_unmapped_ratio",
      "min_slab_ratio",
    ] {
      let theirs = real.split(separator: "\n").first { $0.hasPrefix("\(key) =") }?.split(separator: "=")[1]
        .trimmingCharacters(in: .whitespaces)
      let mine = text.split(separator: "\n").first { $0.hasPrefix("vm.\(key) =") }?.split(separator: "=")[1]
        .trimmingCharacters(in: .whitespaces)
      #expect(mine != nil && mine == theirs, "\(key)")
    }
    #expect(text.contains("vm.lowmem_reserve_ratio = 256\t256\t32\t0\t0\n"))
    #expect(text.contains("[madvise]"))
  }

  @Test func olderReleasesNameTheirKnobs() throws {
    let text = SysctlReport.render(try referenceSetup(kernel: KernelVersion(4, 4)))
    #expect(text.contains("vm.percpu_pagelist_fraction = 0"))
    #expect(!text.contains("watermark_scale_factor"))
    #expect(!text.contains("watermark_boost_factor"))
  }
}
