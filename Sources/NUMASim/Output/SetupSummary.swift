// SPDX-License-Identifier: MIT

/// A readable overview of a machine after boot: nodes, zones, watermarks and fallback order.
public enum SetupSummary {
  public static func render(_ setup: MachineSetup) -> String {
    let m = setup.machine
    var out = "numasim \(NUMASimVersion.string): Linux \(setup.kernel) memory management, \(m.architecture.rawValue), "
    out += "\(m.memoryModel.rawValue), \(m.nodes.count) node\(m.nodes.count == 1 ? "" : "s"), \(m.onlineCPUs) CPUs\n"
    out += "vm.min_free_kbytes = \(setup.minFreeKbytes) ("
    out += setup.minFreeKbytesHistory.map { "\($0.source): \($0.value)" }.joined(separator: " -> ") + ")\n"
    out += "vm.watermark_scale_factor = \(setup.sysctl.watermarkScaleFactor), "
    out += "vm.lowmem_reserve_ratio = \(setup.lowmemReserveRatio.map(String.init).joined(separator: " ")), "
    out += "totalreserve_pages = \(setup.totalReservePages)\n\n"
    let header = [
      "node", "zone", "managed", "MiB", "min", "low", "high", "promo", "batch", "high_min", "high_max", "protection",
    ]
    var rows: [[String]] = []
    for node in setup.zones {
      for z in node where z.span.isPopulated {
        rows.append([
          "\(z.id.node.index)", z.span.type.kernelName, "\(z.span.managed)", "\(z.span.managed.bytes >> 20)",
          "\(z.watermarks.min)", "\(z.watermarks.low)", "\(z.watermarks.high)", "\(z.watermarks.promo)",
          "\(z.pcp.batch)", "\(z.pcp.highMin)", "\(z.pcp.highMax)",
          "(" + z.lowmemReserve.map(String.init).joined(separator: ", ") + ")",
        ])
      }
    }
    out += table(header: header, rows: rows)
    out += "\n"
    for list in setup.zonelists {
      let zones = list.zones.map { "\($0.node.index):\(m[zone: $0].type.kernelName)" }.joined(separator: " ")
      out += "node \(list.node.index) zonelist: \(zones.isEmpty ? "(none)" : zones)\n"
    }
    return out
  }

  /// Left-aligned text columns separated by two spaces.
  static func table(header: [String], rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
    return all.map { row in
      row.enumerated().map { c, cell in
        c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
