// SPDX-License-Identifier: MIT

/// One zone after boot: its span and everything the kernel derives from it.
public struct ZoneSetup: Hashable, Sendable {
  public var id: ZoneID
  public var span: ZoneSpan
  public var watermarks: ZoneWatermarks
  /// `zone->lowmem_reserve[j]` for every zone index `j` (the `protection:` line).
  public var lowmemReserve: [Int]
  public var pcp: PCPLimits
  /// `vm stats threshold` per CPU while kswapd sleeps.
  public var statThreshold: Int
}

/// A step in the boot history of `min_free_kbytes`.
public struct MinFreeKbytesStep: Hashable, Sendable {
  public var source: String
  public var value: Int
}

/// The machine as the kernel has set it up: watermarks, reserves, zonelists and pagesets.
public struct MachineSetup: Sendable {
  public var machine: Machine
  public var kernel: KernelVersion
  /// The sysctls as given.
  public var sysctl: SysctlVM
  /// The effective `vm.min_free_kbytes`.
  public var minFreeKbytes: Int
  /// How `min_free_kbytes` got its value: sqrt rule, THP raise, user write.
  public var minFreeKbytesHistory: [MinFreeKbytesStep]
  /// The effective `vm.lowmem_reserve_ratio`.
  public var lowmemReserveRatio: [Int]
  /// `zones[node][zone_idx]`.
  public var zones: [[ZoneSetup]]
  public var zonelists: [Zonelist]
  /// `totalreserve_pages`.
  public var totalReservePages: Int

  public subscript(zone id: ZoneID) -> ZoneSetup { zones[id.node.index][id.index] }
}

/// Boot-time set-up of per-zone limits.
public enum KernelSetup {
  /// Sets up a machine as boot and then the user's sysctl writes would.
  ///
  /// Mirrors: `init_per_zone_wmark_min()` in mm/page_alloc.c, then `hugepage_init()` →
  /// `start_stop_khugepaged()` → `set_recommended_min_free_kbytes()` in mm/khugepaged.c, then
  /// the `min_free_kbytes`, `watermark_scale_factor`, `lowmem_reserve_ratio` and
  /// `percpu_pagelist_high_fraction` sysctl handlers (Linux 6.18). Boot runs with the default
  /// `watermark_scale_factor` (sysctls are written after the initcalls), which matters for the
  /// THP rule's 5 % cap.
  /// - Deviation: the pagesets' current `high` is not state here; it starts at `highMin`.
  public static func setUp(
    _ machine: Machine, kernel: KernelVersion = .default, sysctl: SysctlVM = SysctlVM()
  ) -> MachineSetup {
    let spans = machine.nodes.flatMap(\.zones)
    let managed = spans.map(\.managed.count)
    let types = spans.map(\.type)
    let zoneIndex = machine.nodes.flatMap { n in n.zones.indices.map { $0 } }
    let normal = machine.architecture.normalZoneIndex
    let upToNormal = zoneIndex.map { $0 <= normal }
    let bootScale = SysctlVM().watermarkScaleFactor

    func watermarks(_ mfk: Int, _ wsf: Int) -> [ZoneWatermarks] {
      Watermarks.compute(
        managed: managed, zoneTypes: types, minFreeKbytes: mfk, watermarkScaleFactor: wsf, kernel: kernel)
    }
    func freeBuffer(_ w: [ZoneWatermarks]) -> Int {
      MinFreeKbytes.freeBufferPages(zones: spans, highWatermarks: w.map { $0[.high] }, normalIndex: upToNormal)
    }

    var history: [MinFreeKbytesStep] = []
    // init_per_zone_wmark_min(): all watermarks are still 0.
    var mfk = MinFreeKbytes.sqrtRule(
      freeBufferPages: freeBuffer(Array(repeating: ZoneWatermarks(), count: spans.count)),
      current: 1024, userValue: nil, kernel: kernel)
    history.append(.init(source: "sqrt rule (calculate_min_free_kbytes)", value: mfk))
    var w = watermarks(mfk, bootScale)

    // hugepage_init() → start_stop_khugepaged() → set_recommended_min_free_kbytes().
    if sysctl.transparentHugepage.isEnabled {
      let counted = spans.indices.filter { spans[$0].isPopulated && (!kernel.thpCountsOnlyLowZones || upToNormal[$0]) }
      let rec = MinFreeKbytes.thpRecommendation(populatedZoneCount: counted.count, freeBufferPages: freeBuffer(w))
      if rec > mfk {
        mfk = rec
        history.append(.init(source: "THP raise (set_recommended_min_free_kbytes)", value: mfk))
      }
      w = watermarks(mfk, bootScale)
    } else if kernel >= KernelVersion(6, 1) {
      let again = MinFreeKbytes.sqrtRule(freeBufferPages: freeBuffer(w), current: mfk, userValue: nil, kernel: kernel)
      if again != mfk {
        mfk = again
        history.append(.init(source: "THP off: sqrt rule again above high watermarks", value: mfk))
      }
      w = watermarks(mfk, bootScale)
    }

    // The user's sysctl writes.
    if let user = sysctl.minFreeKbytes {
      mfk = user
      history.append(.init(source: "sysctl vm.min_free_kbytes", value: mfk))
    }
    w = watermarks(mfk, kernel.hasWatermarkScaleFactor ? sysctl.watermarkScaleFactor : bootScale)

    let ratios = effectiveRatios(sysctl, machine.architecture, kernel)
    let online = machine.onlineCPUs
    var zones: [[ZoneSetup]] = []
    var flat = 0
    for node in machine.nodes {
      let reserve = LowmemReserve.compute(managed: node.zones.map(\.managed.count), ratios: ratios, kernel: kernel)
      var row: [ZoneSetup] = []
      for (z, span) in node.zones.enumerated() {
        let pcp = PerCPUPageset.limits(
          zone: span, lowWatermark: w[flat][.low], nodeCPUs: node.cpus.count, onlineCPUs: online,
          fraction: sysctl.percpuPagelistHighFraction, kernel: kernel)
        row.append(
          ZoneSetup(
            id: ZoneID(node: node.id, index: z), span: span, watermarks: w[flat], lowmemReserve: reserve[z],
            pcp: pcp, statThreshold: PerCPUPageset.statThreshold(managed: span.managed.count, onlineCPUs: online)))
        flat += 1
      }
      zones.append(row)
    }
    let all = zones.flatMap { $0 }
    return MachineSetup(
      machine: machine, kernel: kernel, sysctl: sysctl, minFreeKbytes: mfk, minFreeKbytesHistory: history,
      lowmemReserveRatio: ratios, zones: zones,
      zonelists: ZonelistBuilder.build(nodes: machine.nodes, distances: machine.distances, kernel: kernel),
      totalReservePages: Watermarks.totalReservePages(
        managed: managed, watermarks: all.map(\.watermarks), lowmemReserve: all.map(\.lowmemReserve)))
  }

  /// The ratios in force: the user's, with values below 1 stored as 0 (1 before 4.18), or the defaults.
  static func effectiveRatios(_ sysctl: SysctlVM, _ arch: Architecture, _ kernel: KernelVersion) -> [Int] {
    var ratios = LowmemReserve.defaultRatios(for: arch, kernel: kernel)
    if let user = sysctl.lowmemReserveRatio {
      let floor = kernel.lowmemReserveRule == .legacyRatioAtLeastOne ? 1 : 0
      for (i, r) in user.enumerated() where i < ratios.count { ratios[i] = r < 1 ? floor : r }
    }
    return ratios
  }
}
