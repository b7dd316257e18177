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
    var lines: [Int: Int] = [:]
    var distances: [[Int]] = []
    var header: [Int]?
    var declared: (count: Int, line: Int)?
    for (i, raw) in InputFile.lines(text).enumerated() {
      let n = i + 1
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || PastedText.isNoise(raw) { continue }
      let slices = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
      let words = slices.map(String.init)
      func fail(_ m: String, at word: Int = 0, field: String? = nil) -> InputError {
        let column = word < slices.count ? InputFile.column(of: slices[word], in: raw) : raw.count + 1
        return InputError(file: file, line: n, column: column, keyPath: field, message: m)
      }
      /// Word `k` as an integer in `range`.
      func number(_ k: Int, _ range: ClosedRange<Int>, _ what: String, field: String) throws(InputError) -> Int {
        guard k < words.count, let v = Int(words[k]) else {
          throw fail("expected \(what), found '\(k < words.count ? words[k] : "")'", at: k, field: field)
        }
        guard range.contains(v) else { throw fail("\(what) \(v) is out of range \(range)", at: k, field: field) }
        return v
      }
      if line.hasPrefix("available:") {
        declared = (try number(1, 1...MachineLimits.nodes, "a node count", field: "available"), n)
      } else if line == "node distances:" {
        continue
      } else if words.first == "node", words.count >= 3, Int(words[1]) != nil, Int(words[2]) == nil {
        let id = try number(1, 0...(MachineLimits.nodes - 1), "a node number", field: "node")
        var node = nodes[id] ?? Node(id: id)
        lines[id] = lines[id] ?? n
        switch words[2] {
        case "cpus:":
          var cpus: [Int] = []
          for k in 3..<words.count {
            cpus.append(try number(k, 0...(MachineLimits.cpus - 1), "a CPU number", field: "cpus"))
          }
          node.cpus = cpus
        case "size:", "free:":
          let mb = try number(3, 0...(MachineLimits.bytes >> 20), "a size in MB", field: String(words[2].dropLast()))
          if words[2] == "size:" { node.sizeMB = mb } else { node.freeMB = mb }
        default:
          throw fail("unexpected '\(words[2])'; expected cpus:, size: or free:", at: 2)
        }
        nodes[id] = node
      } else if words.first == "node" {
        var ids: [Int] = []
        for k in 1..<words.count {
          ids.append(
            try number(k, 0...(MachineLimits.nodes - 1), "a node number in the distance header", field: "node"))
        }
        header = ids
      } else if let first = words.first, first.hasSuffix(":"), Int(first.dropLast()) != nil {
        guard header != nil else { throw fail("distance row before the 'node 0 1 ...' header") }
        guard distances.count < MachineLimits.nodes else {
          throw fail("more than \(MachineLimits.nodes) distance rows")
        }
        var row: [Int] = []
        for k in 1..<words.count { row.append(try number(k, 0...255, "a distance", field: "distance")) }
        distances.append(row)
      } else if let header, !header.isEmpty, distances.count == header.count {
        break  // text pasted after a complete distance table
      } else {
        throw fail("unexpected '\(ZoneInfoImport.quoted(line))'; is this 'numactl -H' output?")
      }
    }
    guard !nodes.isEmpty else {
      throw InputError(file: file, line: 1, message: "no 'node N cpus:' lines found; is this 'numactl -H' output?")
    }
    let sorted = nodes.values.sorted { $0.id < $1.id }
    if let gap = sorted.indices.first(where: { sorted[$0].id != $0 }) {
      throw InputError(
        file: file, line: lines[sorted[gap].id], column: 1, keyPath: "node",
        message: "nodes must be numbered 0...\(sorted.count - 1); node \(gap) is missing")
    }
    if let declared, declared.count != sorted.count {
      throw InputError(
        file: file, line: declared.line, column: 1, keyPath: "available",
        message: "'available:' says \(declared.count) nodes but \(sorted.count) are listed")
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
