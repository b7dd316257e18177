// SPDX-License-Identifier: MIT

/// One NUMA node at boot: its CPUs and its zones.
///
/// Mirrors: the static part of `struct pglist_data` (`node_zones[]`, `node_start_pfn`,
/// `node_spanned_pages`, `node_present_pages`) and `cpumask_of_node()` (Linux 6.18).
public struct NodeLayout: Hashable, Sendable {
  public var id: NodeID
  public var cpus: [CPUID]
  /// One entry per zone of the architecture, in `zone_idx()` order (`MAX_NR_ZONES` entries).
  public var zones: [ZoneSpan]

  public init(id: NodeID, cpus: [CPUID], zones: [ZoneSpan]) {
    self.id = id
    self.cpus = cpus
    self.zones = zones
  }

  /// `node_state(nid, N_MEMORY)`: the node has at least one populated zone.
  public var hasMemory: Bool { zones.contains { $0.isPopulated } }
  /// `cpumask_of_node()` is non-empty.
  public var hasCPUs: Bool { !cpus.isEmpty }
  public var presentPages: Pages { Pages(zones.reduce(0) { $0 + $1.present.count }) }
  public var managedPages: Pages { Pages(zones.reduce(0) { $0 + $1.managed.count }) }
  public var spannedPages: Pages {
    guard let first = zones.filter({ $0.spanned.count > 0 }).map(\.startPFN).min(),
      let last = zones.filter({ $0.spanned.count > 0 }).map(\.endPFN).max()
    else { return .zero }
    return Pages(last - first)
  }
}
