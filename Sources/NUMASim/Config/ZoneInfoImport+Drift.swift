// SPDX-License-Identifier: MIT

extension ZoneInfoImport {
  /// Compares the dump's own watermarks, protection and pagesets with what the model computes
  /// from the dump's managed counts, and explains any difference.
  ///
  /// The kernel does not recompute watermarks when managed pages change after boot (initrd
  /// and init memory freed, balloon, CMA activation), so real dumps often reflect managed
  /// counts of an earlier moment. For watermark differences the note gives the range of one
  /// zone's managed count at the last recompute that reproduces every zone's min/low/high.
  /// - Returns: one note per finding; empty when everything matches.
  public func driftNotes(against setup: MachineSetup) -> [String] {
    var notes: [String] = []
    var watermarkMismatch = false
    for z in zones {
      guard let type = ZoneType(kernelName: z.name), let idx = setup.machine.architecture.zoneIndex(of: type),
        z.node < setup.zones.count
      else { continue }
      let c = setup.zones[z.node][idx]
      let w = c.watermarks
      let where_ = "Node \(z.node), zone \(z.name)"
      let dumped = [z.min, z.low, z.high].map { $0 - z.boost }
      let computed = [w.min, w.low, w.high]
      if dumped != computed {
        watermarkMismatch = true
        notes.append(
          "note: \(where_): the dump's min/low/high \(dumped.map(String.init).joined(separator: "/")) differ from "
            + "\(computed.map(String.init).joined(separator: "/")) computed from its managed pages (\(c.span.managed)); "
            + "the kernel does not recompute watermarks when managed pages change after boot")
      }
      if !z.protection.isEmpty, z.protection != c.lowmemReserve {
        notes.append(
          "note: \(where_): the dump's protection (\(z.protection.map(String.init).joined(separator: ", "))) differs from "
            + "(\(c.lowmemReserve.map(String.init).joined(separator: ", "))) computed from the managed pages")
      }
      if z.present > 0, let batch = z.pcpBatch {
        // 6.7+ print high_min/high_max (static) and a floating high; earlier kernels a static high.
        let dumpedPCP =
          [batch]
          + (kernelFloatsHigh(setup) ? [z.pcpHighMin, z.pcpHighMax].compactMap { $0 } : Array(z.pcpHigh.prefix(1)))
        let computedPCP =
          [c.pcp.batch]
          + (kernelFloatsHigh(setup)
            ? [c.pcp.highMin, c.pcp.highMax].prefix(dumpedPCP.count - 1) : [c.pcp.highMin].prefix(dumpedPCP.count - 1))
        if dumpedPCP != Array(computedPCP) {
          let names = kernelFloatsHigh(setup) ? ["batch", "high_min", "high_max"] : ["batch", "high"]
          func show(_ v: [Int]) -> String { zip(names, v).map { "\($0) \($1)" }.joined(separator: " ") }
          notes.append(
            "note: \(where_): the dump's pageset \(show(dumpedPCP)) differs from \(show(Array(computedPCP)))")
        }
      }
    }
    if watermarkMismatch { notes += managedDriftExplanations(setup) }
    return notes
  }

  func kernelFloatsHigh(_ setup: MachineSetup) -> Bool { setup.kernel.pcpHighRule == .highMinMax }

  /// Finds each single zone whose managed count, changed by a contiguous range of pages,
  /// reproduces every dumped min/low/high under `__setup_per_zone_wmarks()`.
  func managedDriftExplanations(_ setup: MachineSetup, searchPages: Int = 65_536) -> [String] {
    let arch = setup.machine.architecture
    let kernel = setup.kernel
    let dumped = zones.compactMap { z -> (Int, Int, [Int])? in
      guard let t = ZoneType(kernelName: z.name), let i = arch.zoneIndex(of: t) else { return nil }
      return (z.node, i, [z.min, z.low, z.high].map { $0 - z.boost })
    }
    let all = setup.zones.flatMap { $0 }
    let managed = all.map(\.span.managed.count)
    let types = all.map(\.span.type)
    let flatIndex = dumped.map { d in all.firstIndex { $0.id == ZoneID(node: NodeID(d.0), index: d.1) } ?? 0 }
    func matches(changed: Int, to m2: Int) -> Bool {
      var m = managed
      m[changed] = m2
      let w = Watermarks.compute(
        managed: m, zoneTypes: types, minFreeKbytes: setup.minFreeKbytes,
        watermarkScaleFactor: setup.sysctl.watermarkScaleFactor, kernel: kernel)
      return dumped.indices.allSatisfy { k in
        let x = w[flatIndex[k]]
        return [x.min, x.low, x.high] == dumped[k].2
      }
    }
    var found: [String] = []
    for changed in managed.indices where managed[changed] > 0 {
      var hits: [Int] = []
      for delta in -searchPages...searchPages where managed[changed] + delta > 0 {
        if matches(changed: changed, to: managed[changed] + delta) { hits.append(delta) }
      }
      if let lo = hits.first, let hi = hits.last {
        let z = all[changed]
        let direction = lo < 0 ? "lower" : "higher"
        let a = Swift.min(abs(lo), abs(hi))
        let b = Swift.max(abs(lo), abs(hi))
        found.append(
          "note: every dumped min/low/high is reproduced if Node \(z.id.node), zone \(z.span.type.kernelName) "
            + "had \(a == b ? "\(a)" : "\(a)-\(b)") managed pages \(direction) at the last watermark recompute "
            + "(min_free_kbytes \(setup.minFreeKbytes), watermark_scale_factor \(setup.sysctl.watermarkScaleFactor))")
      }
    }
    if !found.isEmpty { return found }
    return [
      "note: no single zone's managed count at the last recompute reproduces the dumped watermarks "
        + "with min_free_kbytes \(setup.minFreeKbytes); pass the machine's own with --set vm.min_free_kbytes=N"
    ]
  }
}
