// SPDX-License-Identifier: MIT

import Foundation

/// What a running Linux machine says about its memory, read from `/proc` and `/sys` without
/// root: zones (`/proc/zoneinfo`), nodes with their CPUs and SLIT distances
/// (`/sys/devices/system/node`), the `vm.*` sysctls (`/proc/sys/vm`), the kernel release,
/// the THP mode and swap. ``config()`` turns it into a config that reproduces the machine.
///
/// `root` is `/` for the machine numasim runs on, or a folder holding a copy of those files
/// (`ROOT/proc/zoneinfo`, `ROOT/sys/devices/system/node/node0/cpulist`, ...).
public struct MachineProbe: Sendable {
  /// A node as sysfs lists it: its number on the machine, its CPUs and its row of the SLIT.
  public struct Node: Sendable, Equatable {
    public var id: Int
    public var cpus: [Int]
    public var distances: [Int]
  }

  public var root: String
  public var zoneinfo: ZoneInfoImport
  /// The online nodes, by number; a kernel without NUMA gives one node 0 with every online CPU.
  public var nodes: [Node]
  /// Each `/proc/sys/vm` file the model knows, in ``SysctlKey`` order, as the machine gives it.
  public var sysctls: [(key: SysctlKey, value: String)]
  /// `/proc/sys/kernel/osrelease`, e.g. `6.18.44-fc-v1045`.
  public var release: String
  /// The bracketed mode of `/sys/kernel/mm/transparent_hugepage/enabled`; nil without THP.
  public var transparentHugepage: String?
  /// The swap areas' total size in KiB (`/proc/swaps`).
  public var swapKiB: Int
  /// The host name, for the config's name (`/proc/sys/kernel/hostname`).
  public var hostname: String

  /// Reads the machine under `root`.
  public init(root: String = "/") throws(InputError) {
    self.root = root
    zoneinfo = try ZoneInfoImport(text: try Self.read(root, "proc/zoneinfo"), file: Self.path(root, "proc/zoneinfo"))
    release = try Self.read(root, "proc/sys/kernel/osrelease").trimmingCharacters(in: .whitespacesAndNewlines)
    hostname = (try? Self.read(root, "proc/sys/kernel/hostname"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    transparentHugepage = try (Self.readIfPresent(root, "sys/kernel/mm/transparent_hugepage/enabled")).map {
      text throws(InputError) in
      try Self.bracketed(text, file: Self.path(root, "sys/kernel/mm/transparent_hugepage/enabled"))
    }
    swapKiB =
      try Self.readIfPresent(root, "proc/swaps").map { text throws(InputError) in
        try Self.swapSize(text, file: Self.path(root, "proc/swaps"))
      } ?? 0
    var sysctls: [(SysctlKey, String)] = []
    for key in SysctlKey.allCases where key != .transparentHugepage {
      guard let text = try Self.readIfPresent(root, "proc/sys/vm/\(key.rawValue)") else { continue }
      let value = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      sysctls.append((key, value))
    }
    self.sysctls = sysctls
    nodes = try Self.readNodes(root, zoneinfo: zoneinfo)
  }

  /// The kernel release as a modelled version: the machine's own when numasim models it,
  /// otherwise the nearest one it does.
  public var kernel: (version: KernelVersion, modelled: Bool) {
    guard let v = KernelVersion(parsing: release) else { return (.newestSupported, false) }
    if v < .oldestSupported { return (.oldestSupported, false) }
    if v > .newestSupported { return (.newestSupported, false) }
    return (v, v.isSupported)
  }

  // MARK: - Reading the tree

  static func path(_ root: String, _ relative: String) -> String {
    root == "/" ? "/" + relative : AtomicFile.join(root, relative)
  }

  static func read(_ root: String, _ relative: String) throws(InputError) -> String {
    let p = path(root, relative)
    guard let text = try readIfPresent(root, relative) else {
      throw InputError(file: p, message: "cannot read it: is \(root) the root of a Linux machine's /proc and /sys?")
    }
    return text
  }

  static func readIfPresent(_ root: String, _ relative: String) throws(InputError) -> String? {
    let p = path(root, relative)
    guard FileManager.default.fileExists(atPath: p) else { return nil }
    guard let data = FileManager.default.contents(atPath: p) else {
      throw InputError(file: p, message: "cannot read it (permissions?)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The bracketed word of a sysfs choice file: `always [madvise] never` → `madvise`.
  static func bracketed(_ text: String, file: String) throws(InputError) -> String {
    guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else {
      throw InputError(
        file: file, line: 1, column: 1, message: "expected the current mode in brackets, found '\(text.prefix(60))'")
    }
    return String(text[text.index(after: open)..<close])
  }

  /// The total of `/proc/swaps`' Size column (KiB) over every area after the header.
  static func swapSize(_ text: String, file: String) throws(InputError) -> Int {
    var total = 0
    for (i, line) in InputFile.lines(text).enumerated() where i > 0 {
      let fields = line.split(whereSeparator: \.isWhitespace)
      guard !fields.isEmpty else { continue }
      guard fields.count >= 3, let size = Int(fields[2]), size >= 0 else {
        throw InputError(
          file: file, line: i + 1, column: 1, message: "expected 'Filename Type Size Used Priority', found '\(line)'")
      }
      total += size
    }
    return total
  }

  /// A kernel bitmap list (`bitmap_parselist()`): `0-3,8,10-11`; empty for none.
  static func list(_ text: String, file: String) throws(InputError) -> [Int] {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var out: [Int] = []
    for part in trimmed.split(separator: ",") {
      let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
      guard (1...2).contains(ends.count), let first = ends[0], let last = ends.last!, first >= 0, first <= last,
        last < MachineLimits.cpus
      else {
        throw InputError(
          file: file, line: 1, column: 1, message: "expected a list such as 0-3,8 found '\(trimmed.prefix(60))'")
      }
      out += Array(first...last)
    }
    return out
  }

  /// The online nodes from sysfs; without `/sys/devices/system/node` (no CONFIG_NUMA), one
  /// node with the online CPUs.
  static func readNodes(_ root: String, zoneinfo: ZoneInfoImport) throws(InputError) -> [Node] {
    guard let online = try readIfPresent(root, "sys/devices/system/node/online") else {
      let cpus = try readIfPresent(root, "sys/devices/system/cpu/online").map { text throws(InputError) in
        try list(text, file: path(root, "sys/devices/system/cpu/online"))
      }
      return [
        Node(id: 0, cpus: cpus ?? Array(0..<Swift.max(1, zoneinfo.onlineCPUs)), distances: [DistanceMatrix.local])
      ]
    }
    let ids = try list(online, file: path(root, "sys/devices/system/node/online"))
    guard !ids.isEmpty else {
      throw InputError(
        file: path(root, "sys/devices/system/node/online"), line: 1, column: 1, message: "no node is online")
    }
    var nodes: [Node] = []
    for id in ids {
      let dir = "sys/devices/system/node/node\(id)"
      let cpus = try list(try read(root, dir + "/cpulist"), file: path(root, dir + "/cpulist"))
      let distanceFile = path(root, dir + "/distance")
      let text = try read(root, dir + "/distance")
      let row = text.split(whereSeparator: \.isWhitespace).map { Int($0) }
      guard row.count == ids.count, row.allSatisfy({ $0 != nil }) else {
        throw InputError(
          file: distanceFile, line: 1, column: 1,
          message:
            "expected \(ids.count) distances (one per online node), found '\(text.trimmingCharacters(in: .whitespacesAndNewlines))'"
        )
      }
      nodes.append(Node(id: id, cpus: cpus, distances: row.map { $0! }))
    }
    if let extra = Set(zoneinfo.zones.map(\.node)).subtracting(ids).min() {
      let zone = zoneinfo.zones.first { $0.node == extra }!
      throw InputError(
        file: zoneinfo.file, line: zone.line, column: 1, keyPath: "Node",
        message: "node \(extra) has zones but is not in \(path(root, "sys/devices/system/node/online"))")
    }
    return nodes
  }
}
