// SPDX-License-Identifier: MIT

/// Renders a machine in the layout of `numactl -H`, followed by each node's fallback order.
///
/// Mirrors: `hardware()` and `print_distances()` in numactl.c (numactl 2.0), and the
/// `Fallback order for Node N:` line of `build_zonelists()` in mm/page_alloc.c (Linux 6.18).
/// `size` and `free` are MemTotal and MemFree of the node's meminfo (managed and free pages).
public enum NumactlReport {
  /// - Parameter freePages: free pages per node; `nil` means every managed page is free.
  public static func render(_ setup: MachineSetup, freePages: [Int]? = nil) -> String {
    let nodes = setup.machine.nodes
    var out = "available: \(nodes.count) nodes (\(ranges(nodes.map(\.id.index))))\n"
    for (i, node) in nodes.enumerated() {
      let managed = node.managedPages.count
      let free = freePages?[i] ?? managed
      out += "node \(i) cpus:" + node.cpus.map { " \($0.index)" }.joined() + "\n"
      out += "node \(i) size: \((managed * Pages.size) >> 20) MB\n"
      out += "node \(i) free: \((free * Pages.size) >> 20) MB\n"
    }
    out += "node distances:\nnode "
    for i in nodes.indices { out += cell(i) + " " }
    out += "\n"
    for i in nodes.indices {
      out += cell(i) + ": "
      for j in nodes.indices { out += cell(setup.machine.distances[NodeID(i), NodeID(j)]) + " " }
      out += "\n"
    }
    for list in setup.zonelists {
      out += "Fallback order for Node \(list.node.index): "
      out += list.nodeOrder.map { "\($0.index) " }.joined() + "\n"
    }
    return out
  }

  /// `% 3d`.
  static func cell(_ v: Int) -> String {
    let s = String(v)
    return String(repeating: " ", count: Swift.max(0, 3 - s.count)) + s
  }

  /// `0-3`, `0,2-3`: numactl's node ranges.
  static func ranges(_ ids: [Int]) -> String {
    var parts: [String] = []
    var i = 0
    while i < ids.count {
      var j = i
      while j + 1 < ids.count, ids[j + 1] == ids[j] + 1 { j += 1 }
      parts.append(i == j ? "\(ids[i])" : "\(ids[i])-\(ids[j])")
      i = j + 1
    }
    return parts.joined(separator: ",")
  }
}
