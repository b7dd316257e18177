// SPDX-License-Identifier: MIT

import Foundation

extension MemPolicy {
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
        let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
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
}

/// A malformed memory policy.
public struct MemPolicyParseError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
