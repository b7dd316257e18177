// SPDX-License-Identifier: MIT

/// Renders the effective `vm.*` values one per line, as `sysctl vm` prints them.
///
/// Multi-value sysctls are tab-separated, as `proc_dointvec()` writes them.
public enum SysctlReport {
  public static func render(_ setup: MachineSetup) -> String {
    let s = setup.sysctl
    var lines: [(String, String)] = [
      ("vm.compaction_proactiveness", "\(s.compactionProactiveness)"),
      ("vm.extfrag_threshold", "\(s.extfragThreshold)"),
      ("vm.lowmem_reserve_ratio", setup.lowmemReserveRatio.map(String.init).joined(separator: "\t")),
      ("vm.min_free_kbytes", "\(setup.minFreeKbytes)"),
      ("vm.min_slab_ratio", "\(s.minSlabRatio)"),
      ("vm.min_unmapped_ratio", "\(s.minUnmappedRatio)"),
      ("vm.numa_zonelist_order", "Node"),
    ]
    if setup.kernel >= KernelVersion(5, 14) {
      lines.append(("vm.percpu_pagelist_high_fraction", "\(s.percpuPagelistHighFraction)"))
    } else {
      lines.append(("vm.percpu_pagelist_fraction", "\(s.percpuPagelistHighFraction)"))
    }
    lines.append(("vm.stat_interval", "\(s.statInterval)"))
    lines.append(("vm.swappiness", "\(s.swappiness)"))
    if setup.kernel.hasWatermarkBoost { lines.append(("vm.watermark_boost_factor", "\(s.watermarkBoostFactor)")) }
    if setup.kernel.hasWatermarkScaleFactor {
      lines.append(("vm.watermark_scale_factor", "\(s.watermarkScaleFactor)"))
    }
    lines.append(("vm.zone_reclaim_mode", "\(s.zoneReclaimMode)"))
    var out = lines.map { "\($0.0) = \($0.1)\n" }.joined()
    let modes = TransparentHugepageMode.allCases.map { $0 == s.transparentHugepage ? "[\($0.rawValue)]" : $0.rawValue }
    out += "# /sys/kernel/mm/transparent_hugepage/enabled: " + modes.joined(separator: " ") + "\n"
    out += "# min_free_kbytes history: "
    out += setup.minFreeKbytesHistory.map { "\($0.source) = \($0.value)" }.joined(separator: "; ") + "\n"
    return out
  }
}
