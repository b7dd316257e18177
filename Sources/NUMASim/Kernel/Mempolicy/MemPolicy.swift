// SPDX-License-Identifier: MIT

/// A task's NUMA memory policy, as `numactl` or `set_mempolicy(2)` set it.
///
/// Mirrors: `MPOL_DEFAULT`, `MPOL_PREFERRED`, `MPOL_BIND`, `MPOL_INTERLEAVE` in
/// mm/mempolicy.c (Linux 6.18).
public enum MemPolicy: Hashable, Sendable {
  /// Allocate on the CPU's node, falling back in zonelist order (`MPOL_DEFAULT`).
  case local
  /// Start on `node`, fall back in that node's zonelist order (`numactl --preferred`).
  case preferred(NodeID)
  /// Only `nodes`, starting with the nearest of them (`numactl --membind`).
  case bind([NodeID])
  /// Round-robin over `nodes`, one request at a time (`numactl --interleave`).
  case interleave([NodeID])

  public var description: String {
    switch self {
    case .local: "local"
    case .preferred(let n): "preferred:\(n)"
    case .bind(let ns): "bind:" + ns.map(\.description).joined(separator: ",")
    case .interleave(let ns): "interleave:" + ns.map(\.description).joined(separator: ",")
    }
  }
}
