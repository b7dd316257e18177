// SPDX-License-Identifier: MIT

import Foundation

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

  /// Parses `local`, `preferred:1`, `bind:0,1`, `interleave:all`, `interleave:0-3`.
  public init(parsing text: String, nodeCount: Int) throws(MemPolicyParseError) {
    let t = text.trimmingCharacters(in: .whitespaces).lowercased()
    let parts = t.split(separator: ":", maxSplits: 1).map(String.init)
    func nodes(_ s: String?) throws(MemPolicyParseError) -> [NodeID] {
      guard let s, !s.isEmpty else {
        throw MemPolicyParseError(message: "\(parts[0]) needs nodes, e.g. \(parts[0]):0,1")
      }
      if s == "all" { return (0..<nodeCount).map(NodeID.init) }
      var out: [NodeID] = []
      for item in s.split(separator: ",") {
        let bounds = item.split(separator: "-").map { Int($0) }
        guard bounds.allSatisfy({ $0 != nil }), let lo = bounds.first ?? nil, let hi = bounds.last ?? nil, lo <= hi,
          bounds.count <= 2
        else { throw MemPolicyParseError(message: "'\(item)' is not a node number or range") }
        guard hi < nodeCount else {
          throw MemPolicyParseError(message: "node \(hi) does not exist (the machine has \(nodeCount))")
        }
        out += (lo...hi).map(NodeID.init)
      }
      return out
    }
    switch parts[0] {
    case "local", "default": self = .local
    case "preferred":
      let n = try nodes(parts.count > 1 ? parts[1] : nil)
      guard n.count == 1 else { throw MemPolicyParseError(message: "preferred takes one node") }
      self = .preferred(n[0])
    case "bind", "membind": self = .bind(try nodes(parts.count > 1 ? parts[1] : nil))
    case "interleave": self = .interleave(try nodes(parts.count > 1 ? parts[1] : nil))
    default:
      throw MemPolicyParseError(
        message: "unknown memory policy '\(text)'; expected local, preferred:N, bind:NODES or interleave:NODES")
    }
  }

  public var description: String {
    switch self {
    case .local: "local"
    case .preferred(let n): "preferred:\(n)"
    case .bind(let ns): "bind:" + ns.map(\.description).joined(separator: ",")
    case .interleave(let ns): "interleave:" + ns.map(\.description).joined(separator: ",")
    }
  }
}

/// A malformed memory policy.
public struct MemPolicyParseError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
