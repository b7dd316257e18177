// SPDX-License-Identifier: MIT

import Foundation

/// Reads real `numactl -H` output: nodes, their CPUs and sizes, and the distance table.
///
/// - Deviation: `size` is the node's MemTotal (managed pages); the import uses it as the
///   node's installed RAM, so recomputed managed counts come out about 2 % lower.
public struct NumactlImport: Sendable {
  public struct Node: Hashable, Sendable {
    public var id: Int
    public var cpus: [Int] = []
    public var sizeMB = 0
    public var freeMB = 0
  }

  public var file: String
  public var nodes: [Node]
  public var distances: [[Int]]

  public init(text: String, file: String) throws(InputError) {
    self.file = file
    var nodes: [Int: Node] = [:]
    var distances: [[Int]] = []
    var header: [Int]?
    var declared: Int?
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let n = i + 1
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      let words = line.split(separator: " ").map(String.init)
      func fail(_ m: String) -> InputError { InputError(file: file, line: n, message: m) }
      if line.hasPrefix("available:") {
        guard words.count >= 2, let c = Int(words[1]) else {
          throw fail("expected 'available: N nodes', found '\(line)'")
        }
        declared = c
      } else if line == "node distances:" {
        continue
      } else if words.first == "node", words.count >= 3, let id = Int(words[1]), Int(words[2]) == nil {
        var node = nodes[id] ?? Node(id: id)
        switch words[2] {
        case "cpus:":
          var cpus: [Int] = []
          for w in words.dropFirst(3) {
            guard let c = Int(w) else { throw fail("bad CPU number '\(w)'") }
            cpus.append(c)
          }
          node.cpus = cpus
        case "size:", "free:":
          guard words.count >= 4, let mb = Int(words[3]) else { throw fail("expected 'node \(id) \(words[2]) N MB'") }
          if words[2] == "size:" { node.sizeMB = mb } else { node.freeMB = mb }
        default:
          throw fail("unexpected '\(line)'")
        }
        nodes[id] = node
      } else if words.first == "node" {
        var ids: [Int] = []
        for w in words.dropFirst() {
          guard let v = Int(w) else { throw fail("bad node number '\(w)' in the distance header") }
          ids.append(v)
        }
        header = ids
      } else if let first = words.first, first.hasSuffix(":"), Int(first.dropLast()) != nil {
        guard header != nil else { throw fail("distance row before the 'node 0 1 ...' header") }
        var row: [Int] = []
        for w in words.dropFirst() {
          guard let v = Int(w) else { throw fail("bad distance '\(w)'") }
          row.append(v)
        }
        distances.append(row)
      } else {
        throw fail("unexpected '\(line)'; is this 'numactl -H' output?")
      }
    }
    guard !nodes.isEmpty else {
      throw InputError(file: file, line: 1, message: "no 'node N cpus:' lines found; is this 'numactl -H' output?")
    }
    let sorted = nodes.values.sorted { $0.id < $1.id }
    guard sorted.map(\.id) == Array(0..<sorted.count) else {
      throw InputError(file: file, message: "nodes must be numbered 0...\(sorted.count - 1); found \(sorted.map(\.id))")
    }
    if let declared, declared != sorted.count {
      throw InputError(
        file: file, line: 1, message: "'available:' says \(declared) nodes but \(sorted.count) are listed")
    }
    if distances.isEmpty { distances = DistanceMatrix.uniform(nodes: sorted.count).rows }
    self.nodes = sorted
    self.distances = distances
  }

  public init(path: String) throws(InputError) {
    try self.init(text: InputFile.read(path, what: "the numactl -H output"), file: path)
  }

  /// Builds the machine with ``TopologyBuilder``; CPU numbers are renumbered node by node.
  public func machine(builder: TopologyBuilder = TopologyBuilder()) throws(InputError) -> Machine {
    do {
      let d = try DistanceMatrix(distances)
      let specs = nodes.map { NodeSpec(memoryBytes: $0.sizeMB << 20, cpuCount: $0.cpus.count) }
      return try builder.buildMachine(specs, distances: d)
    } catch {
      throw InputError(file: file, message: error.description)
    }
  }
}
