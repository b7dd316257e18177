// SPDX-License-Identifier: MIT
import Foundation

/// Mutated configs for the fuzz test: each shipped config changed as a careless or hostile
/// user would, from a seed, so a failing case can be replayed.
///
/// Every kind the bad-input issue lists is among the mutations: sizes past the machine's
/// reach, node and CPU counts past the kernel's, rates no run can finish, alias bombs,
/// deep nesting, negative numbers, NUL bytes, truncation, and lines deleted, doubled or
/// swapped.
struct ConfigMutator {
  /// SplitMix64: small, seeded, the same on every platform.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  }

  /// Values put in place of a scalar.
  static let hostileValues = [
    "1PiB", "4095TiB", "16TiB", "-1", "0", "1ns", "0ns", "1e15", "1000000001/s", "1e308", "nan", "inf", "''",
    "\"\\0\"", "\"a\\0b\"", "[]", "{}", "~", "1000 TiB/s", "18446744073709551616", "-0", "0.0000001",
    "\"exponential(mean=0)\"", "\"uniform(low=5, high=1)\"", "\"pareto(a=0.1, b=1)\"", "99999999999", "1E3",
    "bind:-1", "preferred:-1", "interleave:0-4095", "\"6.18e3\"", "1024", "4096", "8193", "*nowhere",
    String(repeating: "x", count: 5000),
  ]

  /// Whole lines inserted at the top level (after any line).
  static let hostileLines = [
    "sample_interval: 1h", "duration: 1000000000s", "warmup: 18446744073s", "seed: -1", "name: \"a\\0b\"",
    "name: \"../x\"", "kernel: {version: \"6.18e3\"}", "swap: {size: 4095TiB}",
    "machine: {nodes: 1024, memory_per_node: 64GiB, cpus_per_node: 4096}",
    "machine: {nodes: 1024, memory_per_node: 1GiB, cpus_per_node: 1}",
    "machine: {nodes: [{memory: 4095TiB, cpus: 2}]}",
    "workload: [{name: w, arrival: {constant: 1ns}, kind: anon}]",
    "workload: [{name: w, arrival: {poisson: 1e9}, kind: anon}]",
    "workload: [{name: w, arrival: {on_off: {rate: 1e15, on: 1ns, off: 1ns}}, kind: anon}]",
    "x: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
  ]

  /// An alias bomb: ten references per level, `levels` deep, under `key`.
  static func aliasBomb(levels: Int, key: String) -> String {
    var text = "\(key)0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for l in 1..<levels {
      let refs = Array(repeating: "*a\(l - 1)", count: 10).joined(separator: ", ")
      text += "\(key)\(l): &a\(l) [\(refs)]\n"
    }
    return text
  }

  /// A thousand task groups.
  static let manyGroups =
    "workload:\n"
    + (0..<1000).map { "  - {name: g\($0), arrival: {poisson: 10}, kind: anon, lifetime: \"exponential(mean=1)\"}\n" }
    .joined()

  var generator: Generator

  init(seed: UInt64) { generator = Generator(state: seed) }

  /// One mutation of `text` (one to three changes).
  mutating func mutate(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for _ in 0...generator.below(3) { mutateOnce(&lines) }
    return lines.joined(separator: "\n")
  }

  private mutating func mutateOnce(_ lines: inout [String]) {
    guard !lines.isEmpty else {
      lines = [generator.pick(Self.hostileLines)]
      return
    }
    let i = generator.below(lines.count)
    switch generator.below(10) {
    case 0, 1, 2:
      // A scalar after a colon takes a hostile value.
      if let colon = lines[i].lastIndex(of: ":") {
        lines[i] = String(lines[i][...colon]) + " " + generator.pick(Self.hostileValues)
      }
    case 3: lines.remove(at: i)
    case 4: lines.insert(lines[i], at: i)
    case 5: lines.swapAt(i, generator.below(lines.count))
    case 6: lines.append(generator.pick(Self.hostileLines))
    case 7:
      let cut = generator.below(Swift.max(1, lines[i].count))
      lines[i] = String(lines[i].prefix(cut))
      lines.removeSubrange((i + 1)...)
    case 8: lines.append(Self.aliasBomb(levels: 4 + generator.below(9), key: generator.pick(["a", "workload", "zz"])))
    default:
      if generator.below(4) == 0 {
        lines.append(Self.manyGroups)
      } else {
        // A number on the line is scaled up by orders of magnitude.
        lines[i] = lines[i].replacingOccurrences(of: "0", with: generator.pick(["000000", "0000000000", "0e12"]))
      }
    }
  }
}
