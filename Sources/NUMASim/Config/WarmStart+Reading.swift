// SPDX-License-Identifier: MIT

import Foundation

extension WarmStart {
  static let entryKeys = ["group", "pages", "nodes"]

  /// Reads `initial_state:`: a list of `{group: NAME | [NAME, ...], pages: full | steady | SIZE |
  /// N pages | P%, nodes: [N, ...] | all | first | last}` against the workload that names the
  /// groups (`first`/`last`: the first/last node with CPUs). The groups of a mixed entry share
  /// its pages in proportion to their mean page inflow: on each of the given nodes, or,
  /// without `nodes:`, each group on the nodes its own allocations go to.
  /// - Parameters:
  ///   - nodeOfCPU: the node of each CPU, for a group's default nodes.
  public static func read(
    _ value: ConfigValue, _ r: inout ConfigReader, workload: WorkloadConfig, nodeCount: Int, nodeOfCPU: [Int]
  ) -> WarmStart? {
    let errorsBefore = r.errors.count
    switch value {
    case .null(_), .scalar("none", _): return WarmStart()  // `--set initial_state=none`: start empty
    default: break
    }
    guard let items = r.sequence(value, "initial_state") else { return nil }
    var entries: [Entry] = []
    for (i, item) in items.enumerated() {
      let path = "initial_state[\(i)]"
      guard let map = r.mapping(item, path, allowed: entryKeys) else { continue }
      var groups: [Int] = []
      if let v = map["group"] {
        let names: [(String, ConfigValue, String)]
        if case .sequence(let list, _) = v {
          names = list.enumerated().compactMap { k, item in
            r.string(item, "\(path).group[\(k)]").map { ($0, item, "\(path).group[\(k)]") }
          }
          if list.isEmpty { r.fail(v, "\(path).group", "at least one task group is needed") }
        } else {
          names = r.string(v, "\(path).group").map { [($0, v, "\(path).group")] } ?? []
        }
        for (name, item, key) in names {
          guard let g = workload.groups.firstIndex(where: { $0.name == name }) else {
            let all = workload.groups.map(\.name).joined(separator: ", ")
            r.fail(item, key, "no task group is named \(name) (the workload has \(all))")
            continue
          }
          if let program = workload.groups[g].program, program.releasesPages {
            r.fail(
              item, key,
              "\(name)'s threads unmap or free what they fault, so pages they never faulted cannot be theirs; "
                + "a warm start holds pages of an open-loop group or of a program that keeps its pages")
          } else if groups.contains(g) {
            r.fail(item, key, "\(name) is given twice")
          } else {
            groups.append(g)
          }
        }
      } else {
        r.fail(item, path, "a warm-start entry needs group: the task group (or list of groups) whose pages it holds")
      }
      let weights = groups.map { inflow(of: workload.groups[$0]) }
      if groups.count > 1, let g = zip(groups, weights).first(where: { $0.1 == nil })?.0, let v = map["group"] {
        r.fail(
          v, "\(path).group",
          "\(workload.groups[g].name) has no mean arrival rate at time 0, so its share of a mixed entry is unknown")
      }
      var amount: Amount?
      if let v = map["pages"], case .scalar("steady", _) = v {
        if groups.count > 1 {
          r.fail(v, "\(path).pages", "steady is one group's size; give each group its own entry")
        } else if let g = groups.first {
          amount = steadyAmount(of: workload.groups[g], v, "\(path).pages", &r)
        }
      } else if let v = map["pages"] {
        amount = readAmount(v, "\(path).pages", &r)
      } else {
        r.fail(item, path, "a warm-start entry needs pages: full, steady, a size such as 2GiB, or a share such as 40%")
      }
      var nodes: [Int]?
      if let v = map["nodes"], case .scalar(let word, _) = v, ["all", "first", "last"].contains(word) {
        let withCPUs = (0..<nodeCount).filter { n in nodeOfCPU.contains(n) }
        switch word {
        case "all": nodes = Array(0..<nodeCount)
        case "first": nodes = withCPUs.first.map { [$0] } ?? [0]
        default: nodes = withCPUs.last.map { [$0] } ?? [nodeCount - 1]
        }
      } else if let v = map["nodes"], let list = r.sequence(v, "\(path).nodes") {
        var seen: [Int] = []
        for (k, n) in list.enumerated() {
          guard let node = r.int(n, "\(path).nodes[\(k)]", in: 0...Swift.max(nodeCount - 1, 0)) else { continue }
          if seen.contains(node) { r.fail(n, "\(path).nodes[\(k)]", "node \(node) is given twice") }
          seen.append(node)
        }
        if list.isEmpty { r.fail(v, "\(path).nodes", "at least one node is needed") }
        nodes = seen
      }
      guard !groups.isEmpty, let amount else { continue }
      // Given nodes: every group's pages spread over them; else each group's over its own.
      let own = groups.map { nodes ?? defaultNodes(of: workload.groups[$0], nodeOfCPU: nodeOfCPU) }
      let chosen = nodes ?? Array(Set(own.joined())).sorted()
      entries.append(
        Entry(
          groups: groups, weights: weights.map { $0 ?? 1 }, groupNodes: own, amount: amount, nodes: chosen, path: path))
    }
    guard r.errors.count == errorsBefore else { return nil }
    return WarmStart(entries: entries)
  }

  static func readAmount(_ v: ConfigValue, _ path: String, _ r: inout ConfigReader) -> Amount? {
    guard let s = r.string(v, path) else { return nil }
    let t = s.trimmingCharacters(in: .whitespaces)
    if t == "full" { return .full }
    if t.hasSuffix("%") {
      guard let p = Double(t.dropLast().trimmingCharacters(in: .whitespaces)), p > 0, p <= 100 else {
        r.fail(v, path, "expected a share above 0% and at most 100%, found '\(s)'")
        return nil
      }
      return .fraction(p / 100)
    }
    return r.pages(v, path).map { .pages($0) }
  }

  /// A group's mean page inflow (base pages per second: the mean arrival rate, the first
  /// phase's for phases, × the mean pages per request), or nil without a mean rate at time 0.
  static func inflow(of group: TaskGroup) -> Double? {
    var process = group.arrival
    if case .phases(let phases)? = process { process = phases.first { $0.start == .zero }?.process }
    guard let rate = process?.meanRatePerSecond, rate > 0, (rate * group.order.meanPages).isFinite else { return nil }
    return rate * group.order.meanPages
  }

  /// `pages: steady`: what an open-loop group holds once its frees balance its allocations,
  /// by Little's law: the mean arrival rate (the first phase's for phases) × the mean
  /// lifetime × the mean pages per request, capped at the group's `limit`.
  static func steadyAmount(of group: TaskGroup, _ v: ConfigValue, _ path: String, _ r: inout ConfigReader) -> Amount? {
    guard case .drawn(let lifetime) = group.lifetime, let meanLife = lifetime.mean, meanLife > 0 else {
      r.fail(
        v, path,
        "steady needs a lifetime with a mean: \(group.name)'s pages stay until reclaim takes them, so they have no steady size; give full or a size"
      )
      return nil
    }
    guard let inflow = inflow(of: group) else {
      r.fail(v, path, "steady needs a mean arrival rate at time 0; \(group.name)'s arrivals have none there")
      return nil
    }
    let steady = (inflow * meanLife).rounded()
    guard steady.isFinite, steady < Double(1 << 50) else {
      r.fail(v, path, "\(group.name)'s steady size (\(steady) pages) is larger than any machine")
      return nil
    }
    var pages = Int(steady)
    if let limit = group.limit { pages = Swift.min(pages, limit.count) }
    guard pages > 0 else {
      r.fail(v, path, "\(group.name) holds no pages in steady state")
      return nil
    }
    return .pages(pages)
  }

  /// The nodes a group's pages would go to: its policy's nodes, else those of its CPUs.
  static func defaultNodes(of group: TaskGroup, nodeOfCPU: [Int]) -> [Int] {
    switch group.policy {
    case .preferred(let n): return [n.index]
    case .bind(let ns), .interleave(let ns): return ns.map(\.index)
    case .local:
      var nodes: [Int] = []
      for cpu in group.cpus where !nodes.contains(nodeOfCPU[cpu.index]) { nodes.append(nodeOfCPU[cpu.index]) }
      return nodes.sorted()
    }
  }
}
