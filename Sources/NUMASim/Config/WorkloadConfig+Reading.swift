// SPDX-License-Identifier: MIT

import Foundation

extension WorkloadConfig {
  static let groupKeys =
    [
      "name", "cpus", "node", "arrival", "order", "kind", "gfp", "policy", "lifetime", "access", "shared", "limit",
      "start", "stop", "mapped",
    ] + ThreadProgram.groupKeys
  static let processKeys = ["poisson", "constant", "on_off", "phases"]
  static let phaseKeys = ["at", "poisson", "constant", "on_off"]
  static let onOffKeys = ["rate", "on", "off"]
  static let accessKeys = ["reference_interval", "hot_fraction"]
  static let sharedKeys = ["fraction", "mapcount"]

  /// Reads the `workload:` section: a list of task groups (keys in ``WorkloadConfig``).
  ///
  /// Every problem is recorded in `r` with its place; the result is nil if there was any.
  /// - Parameters:
  ///   - value: the section's value.
  ///   - r: the reader collecting errors.
  ///   - nodeCount: the machine's node count, for `node:` and policies.
  ///   - cpuCount: the machine's CPU count; CPUs are numbered `0..<cpuCount`.
  ///   - cpusOfNode: the CPUs of a node, for `node:`.
  public static func read(
    _ value: ConfigValue, _ r: inout ConfigReader, nodeCount: Int, cpuCount: Int, cpusOfNode: (Int) -> [Int]
  ) -> WorkloadConfig? {
    let errorsBefore = r.errors.count
    if case .null = value {
      r.fail(value, "workload", "at least one task group is needed")
      return nil
    }
    guard let items = r.sequence(value, "workload") else { return nil }
    guard !items.isEmpty else {
      r.fail(value, "workload", "at least one task group is needed")
      return nil
    }
    let nodeCPUs = (0..<Swift.max(nodeCount, 0)).map(cpusOfNode)
    var groups: [TaskGroup] = []
    var seen: [String: Int] = [:]
    for (i, item) in items.enumerated() {
      let path = "workload[\(i)]"
      let reader = GroupReader(nodeCount: nodeCount, cpuCount: cpuCount, cpusOfNode: nodeCPUs)
      guard let group = reader.read(item, path, &r) else { continue }
      if let first = seen[group.name] {
        r.fail(item, "\(path).name", "the name \(group.name) is already used by workload[\(first)]")
        continue
      }
      seen[group.name] = i
      groups.append(group)
    }
    guard r.errors.count == errorsBefore else { return nil }
    return WorkloadConfig(groups: groups)
  }
}

/// Reads one task group; the machine's shape is needed to check CPUs and nodes.
private struct GroupReader {
  let nodeCount: Int
  let cpuCount: Int
  /// The CPUs of each node.
  let cpusOfNode: [[Int]]

  func read(_ item: ConfigValue, _ path: String, _ r: inout ConfigReader) -> TaskGroup? {
    guard let map = r.mapping(item, path, allowed: WorkloadConfig.groupKeys) else { return nil }
    let errorsBefore = r.errors.count
    var name = ""
    if let v = map["name"], let s = r.string(v, "\(path).name") {
      name = s.trimmingCharacters(in: .whitespaces)
      if name.isEmpty { r.fail(v, "\(path).name", "the name must not be empty") }
    } else if map["name"] == nil {
      r.fail(item, path, "a task group needs a name")
    }
    let cpus = readCPUs(map, item, path, &r)
    var order = OrderDistribution.single(0)
    var orderIsValid = true
    if let v = map["order"] {
      if let o = readOrder(v, "\(path).order", &r) { order = o } else { orderIsValid = false }
    }
    var kind = PageKind.anon
    if let v = map["kind"], let s = r.string(v, "\(path).kind") {
      if let k = PageKind(rawValue: s) {
        kind = k
      } else {
        let names = PageKind.allCases.map(\.rawValue)
        let best = names.min { EditDistance.between($0, s) < EditDistance.between($1, s) }
        let hint = best.map { EditDistance.between($0, s) <= 2 ? "; did you mean \($0)?" : "" } ?? ""
        r.fail(v, "\(path).kind", "unknown page kind '\(s)'\(hint); expected \(names.joined(separator: ", "))")
      }
    }
    var gfp = kind.defaultGFP
    if let v = map["gfp"], let s = r.string(v, "\(path).gfp") {
      do { gfp = try GFPFlags(parsing: s) } catch { r.fail(v, "\(path).gfp", error.message) }
    }
    var policy = MemPolicy.local
    if let v = map["policy"], let s = r.string(v, "\(path).policy") {
      do { policy = try MemPolicy(parsing: s, nodeCount: nodeCount) } catch {
        r.fail(v, "\(path).policy", error.message)
      }
    }
    var lifetime = Lifetime.untilReclaimed
    if let v = map["lifetime"] {
      if case .scalar(Lifetime.untilReclaimedName, _) = v {
        lifetime = .untilReclaimed
      } else if case .scalar(let s, _) = v, ConfigReader.parseDuration(s) == nil, !s.contains("(") {
        r.fail(
          v, "\(path).lifetime",
          "expected until_reclaimed, a duration such as 10s or a distribution in seconds such as "
            + "exponential(mean=5), found '\(s)'")
      } else if let d = r.timeDistribution(v, "\(path).lifetime") {
        lifetime = .drawn(d)
      }
    }
    let access = map["access"].flatMap { readAccess($0, "\(path).access", &r) } ?? .untouched
    var shared = SharedMapping.none
    if let v = map["shared"], let s = readShared(v, "\(path).shared", &r) {
      if s.fraction > 0, !kind.isOnLRU {
        r.fail(v, "\(path).shared", "\(kind.rawValue) pages are not mapped by processes and cannot be shared")
      }
      shared = s
    }
    var mapped = true
    if let v = map["mapped"], let b = r.bool(v, "\(path).mapped") {
      if !kind.isFile {
        r.fail(
          v, "\(path).mapped", "mapped says whether page cache is mmap()ed; \(kind.rawValue) pages are not page cache")
      } else if !b, shared.fraction > 0 {
        r.fail(v, "\(path).mapped", "page cache that no process maps cannot be shared (shared: needs mapped: true)")
      } else if map["program"] != nil {
        r.fail(v, "\(path).mapped", "a program says per step: touch maps the page cache, read does not")
      }
      mapped = b
    }
    let limit = map["limit"].flatMap { readLimit($0, "\(path).limit", &r) }
    let start = map["start"].flatMap { r.duration($0, "\(path).start") } ?? .zero
    var stop: SimTime?
    if let v = map["stop"], let s = r.duration(v, "\(path).stop") {
      if s <= start {
        r.fail(v, "\(path).stop", "the group stops (\(s)) before it starts (\(start)), so it never runs")
      }
      stop = s
    }
    if map["program"] != nil {
      for key in ["arrival", "lifetime", "limit"] where map[key] != nil {
        r.fail(
          map[key]!, "\(path).\(key)",
          "a closed-loop group (program:) has no \(key): its threads' steps say when pages come and go")
      }
      let program = ThreadProgram.read(map, path, kind: kind, cpuCount: cpus?.count ?? 1, &r)
      guard r.errors.count == errorsBefore, let cpus, let program else { return nil }
      return TaskGroup(
        name: name, cpus: cpus, program: program, order: order, gfp: gfp, policy: policy, kind: kind,
        access: access, shared: shared, start: start, stop: stop)
    }
    for key in ThreadProgram.groupKeys where key != "program" && map[key] != nil {
      r.fail(map[key]!, "\(path).\(key)", "\(key) belongs to a closed-loop group, which needs a program:")
    }
    var arrival: ArrivalProcess?
    if let v = map["arrival"] {
      arrival = readProcess(
        v, "\(path).arrival", meanBytes: orderIsValid ? order.meanBytes : nil, allowPhases: true, &r)
      if let a = arrival {
        if let problem = a.problem {
          r.fail(v, "\(path).arrival", problem)
        } else if let stop, !Self.canIssue(a, from: start, before: stop) {
          r.fail(v, "\(path).arrival", "no request can arrive between start (\(start)) and stop (\(stop))")
        }
      }
    } else {
      r.fail(
        item, path,
        "a task group needs an arrival process (poisson, constant, on_off or phases) or a program (closed-loop threads)"
      )
    }
    guard r.errors.count == errorsBefore, let cpus, let arrival else { return nil }
    var group = TaskGroup(
      name: name, cpus: cpus, arrival: arrival, order: order, gfp: gfp, policy: policy, kind: kind,
      lifetime: lifetime, access: access, shared: shared, limit: limit, start: start, stop: stop)
    group.mapped = mapped
    return group
  }

  /// Whether a valid process can issue anything in `start..<stop` (phases that begin too late
  /// or a constant interval longer than the window cannot).
  static func canIssue(_ process: ArrivalProcess, from start: SimTime, before stop: SimTime) -> Bool {
    switch process {
    case .constant(let interval): return start.saturatingAdding(interval) < stop
    case .phases(let phases):
      return phases.indices.contains { i in
        let begin = Swift.max(phases[i].start, start)
        let end = i + 1 < phases.count ? Swift.min(phases[i + 1].start, stop) : stop
        return begin < end && phases[i].process.canIssue && canIssue(phases[i].process, from: begin, before: end)
      }
    default: return true
    }
  }

  // MARK: CPUs

  func readCPUs(_ map: [String: ConfigValue], _ item: ConfigValue, _ path: String, _ r: inout ConfigReader)
    -> [CPUID]?
  {
    if map["cpus"] != nil, map["node"] != nil {
      r.fail(item, path, "give cpus or node, not both")
      return nil
    }
    if let v = map["node"] {
      let withCPUs = cpusOfNode.indices.filter { !cpusOfNode[$0].isEmpty }
      let n: Int
      switch v {
      case .scalar(let end, _) where end == "first" || end == "last":
        guard let found = end == "first" ? withCPUs.first : withCPUs.last else {
          r.fail(v, "\(path).node", "the machine has no node with CPUs")
          return nil
        }
        n = found
      default:
        guard let s = r.string(v, "\(path).node") else { return nil }
        guard let i = Int(s) else {
          r.fail(v, "\(path).node", "expected a node number, first or last, found '\(s)'")
          return nil
        }
        n = i
      }
      guard (0..<nodeCount).contains(n) else {
        r.fail(v, "\(path).node", "node \(n) does not exist (the machine has \(nodeCount) nodes, 0-\(nodeCount - 1))")
        return nil
      }
      let cpus = cpusOfNode[n]
      guard !cpus.isEmpty else {
        r.fail(v, "\(path).node", "node \(n) has no CPUs; pin the group with cpus")
        return nil
      }
      return Array(Set(cpus)).sorted().map(CPUID.init)
    }
    guard let v = map["cpus"] else {
      guard cpuCount > 0 else {
        r.fail(item, path, "the machine has no CPUs to run the group")
        return nil
      }
      return (0..<cpuCount).map(CPUID.init)
    }
    var cpus: Set<Int> = []
    let entries: [(ConfigValue, String)]
    if case .sequence(let items, _) = v {
      entries = items.enumerated().map { ($0.element, "\(path).cpus[\($0.offset)]") }
    } else {
      entries = [(v, "\(path).cpus")]
    }
    for (e, p) in entries {
      guard let s = r.string(e, p) else { return nil }
      for part in s.split(separator: ",") {
        let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map {
          Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard (1...2).contains(bounds.count), let lo = bounds[0], let hi = bounds[bounds.count - 1], lo <= hi else {
          r.fail(e, p, "'\(part)' is not a CPU number or range such as 0-3")
          return nil
        }
        guard hi < cpuCount else {
          r.fail(e, p, "CPU \(hi) does not exist (the machine has \(cpuCount) CPUs, 0-\(cpuCount - 1))")
          return nil
        }
        cpus.formUnion(lo...hi)
      }
    }
    guard !cpus.isEmpty else {
      r.fail(v, "\(path).cpus", "at least one CPU is needed")
      return nil
    }
    return cpus.sorted().map(CPUID.init)
  }

  // MARK: Orders

  func readOrder(_ v: ConfigValue, _ path: String, _ r: inout ConfigReader) -> OrderDistribution? {
    if case .scalar = v {
      guard let n = r.int(v, path, in: 0...Buddy.maxPageOrder) else { return nil }
      return .single(n)
    }
    guard let entries = r.entries(v, path) else { return nil }
    var weights: [Int: Double] = [:]
    var ok = true
    for e in entries {
      let p = "\(path).\(e.key)"
      guard let order = Int(e.key), (0...Buddy.maxPageOrder).contains(order) else {
        r.fail(at: e.keyPosition, p, "'\(e.key)' is not an order in 0...\(Buddy.maxPageOrder)")
        ok = false
        continue
      }
      guard let w = r.double(e.value, p) else {
        ok = false
        continue
      }
      guard w >= 0 else {
        r.fail(e.value, p, "a weight must be >= 0, got \(w)")
        ok = false
        continue
      }
      weights[order, default: 0] += w
    }
    guard ok else { return nil }
    guard let d = OrderDistribution(weights: weights) else {
      r.fail(v, path, "every order has weight 0, so the group never allocates")
      return nil
    }
    return d
  }

  // MARK: Arrival processes

  func readProcess(
    _ v: ConfigValue, _ path: String, meanBytes: Double?, allowPhases: Bool, _ r: inout ConfigReader
  ) -> ArrivalProcess? {
    let keys = allowPhases ? WorkloadConfig.processKeys : WorkloadConfig.phaseKeys
    guard let map = r.mapping(v, path, allowed: keys) else { return nil }
    let given = WorkloadConfig.processKeys.filter { map[$0] != nil }
    guard given.count == 1, let key = given.first, let value = map[key] else {
      let options = WorkloadConfig.processKeys.filter { allowPhases || $0 != "phases" }.joined(separator: ", ")
      r.fail(
        v, path,
        given.isEmpty
          ? "give an arrival process: one of \(options)"
          : "give only one arrival process (found \(given.joined(separator: ", ")))")
      return nil
    }
    let p = "\(path).\(key)"
    func requests(_ value: ConfigValue, _ p: String, _ r: inout ConfigReader) -> Double? {
      guard let rate = r.rate(value, p) else { return nil }
      guard let meanBytes else { return nil }  // the order is invalid and already reported
      return rate.requestsPerSecond(meanRequestBytes: meanBytes)
    }
    switch key {
    case "poisson":
      return requests(value, p, &r).map { .poisson(ratePerSecond: $0) }
    case "constant":
      guard let s = r.string(value, p) else { return nil }
      if let interval = ConfigReader.parseDuration(s) {
        guard interval > .zero else {
          r.fail(value, p, "the interval must be longer than 0")
          return nil
        }
        return .constant(interval: interval)
      }
      guard s.contains("/"), ConfigReader.parseRate(s) != nil else {
        r.fail(value, p, "expected an interval such as 50us or a rate such as 20000/s, found '\(s)'")
        return nil
      }
      guard let rate = requests(value, p, &r) else { return nil }
      let interval = SimTime(drawnSeconds: 1 / rate)
      guard rate > 0, interval > .zero else {
        r.fail(value, p, "a constant rate must be above 0 and at most 1 per nanosecond")
        return nil
      }
      return .constant(interval: interval)
    case "on_off":
      guard let m = r.mapping(value, p, allowed: WorkloadConfig.onOffKeys) else { return nil }
      var parts: [String: ConfigValue] = [:]
      for k in WorkloadConfig.onOffKeys {
        guard let x = m[k] else {
          r.fail(value, p, "on_off needs rate, on and off (missing \(k))")
          return nil
        }
        parts[k] = x
      }
      guard let rv = parts["rate"], let onv = parts["on"], let offv = parts["off"] else { return nil }
      let rate = requests(rv, "\(p).rate", &r)
      let on = r.timeDistribution(onv, "\(p).on")
      let off = r.timeDistribution(offv, "\(p).off")
      guard let rate, let on, let off else { return nil }
      if let mean = on.mean, mean <= 0 {
        r.fail(onv, "\(p).on", "on periods must have a mean above 0")
        return nil
      }
      return .onOff(rate: rate, on: on, off: off)
    default:
      guard let items = r.sequence(value, p) else { return nil }
      guard !items.isEmpty else {
        r.fail(value, p, "at least one phase is needed")
        return nil
      }
      var phases: [ArrivalPhase] = []
      var ok = true
      for (i, item) in items.enumerated() {
        let pp = "\(p)[\(i)]"
        guard case .mapping(let entries, _) = item else {
          r.fail(item, pp, "expected a mapping such as {at: 10s, poisson: 1000}")
          ok = false
          continue
        }
        guard let at = entries.first(where: { $0.key == "at" })?.value else {
          r.fail(item, pp, "a phase needs at: its start time, such as 10s")
          ok = false
          continue
        }
        let start = r.duration(at, "\(pp).at")
        let process = readProcess(item, pp, meanBytes: meanBytes, allowPhases: false, &r)
        guard let start, let process else {
          ok = false
          continue
        }
        if let previous = phases.last, start <= previous.start {
          r.fail(at, "\(pp).at", "phases must start in increasing order; \(start) is not after \(previous.start)")
          ok = false
        }
        phases.append(ArrivalPhase(start: start, process: process))
      }
      return ok ? .phases(phases) : nil
    }
  }

  // MARK: Access, sharing, limit

  func readAccess(_ v: ConfigValue, _ path: String, _ r: inout ConfigReader) -> AccessPattern? {
    guard let m = r.mapping(v, path, allowed: WorkloadConfig.accessKeys) else { return nil }
    let interval = m["reference_interval"].flatMap { r.timeDistribution($0, "\(path).reference_interval") }
    let hot = m["hot_fraction"].flatMap { r.probability($0, "\(path).hot_fraction") }
    if let interval, let iv = m["reference_interval"], (interval.mean ?? 1) <= 0 {
      r.fail(iv, "\(path).reference_interval", "the reference interval must have a mean above 0")
      return nil
    }
    if m["reference_interval"] == nil, let h = hot, h > 0, let hv = m["hot_fraction"] {
      r.fail(hv, "\(path).hot_fraction", "hot pages need a reference_interval")
      return nil
    }
    return AccessPattern(referenceInterval: interval, hotFraction: hot ?? (interval == nil ? 0 : 1))
  }

  func readShared(_ v: ConfigValue, _ path: String, _ r: inout ConfigReader) -> SharedMapping? {
    if case .scalar = v {
      return r.probability(v, path).map { SharedMapping(fraction: $0) }
    }
    guard let m = r.mapping(v, path, allowed: WorkloadConfig.sharedKeys) else { return nil }
    guard let fv = m["fraction"] else {
      r.fail(v, path, "shared needs fraction: the share of pages mapped by several processes")
      return nil
    }
    guard let fraction = r.probability(fv, "\(path).fraction") else { return nil }
    var mapcount = Distribution.constant(2)
    if let mv = m["mapcount"] {
      guard let d = r.distribution(mv, "\(path).mapcount") else { return nil }
      guard let low = d.smallestDraw, low >= 1.5 else {
        r.fail(mv, "\(path).mapcount", "a shared page is mapped at least twice; \(d) can draw less than 2")
        return nil
      }
      mapcount = d
    }
    return SharedMapping(fraction: fraction, mapcount: mapcount)
  }

  func readLimit(_ v: ConfigValue, _ path: String, _ r: inout ConfigReader) -> Pages? {
    r.pages(v, path).map { Pages($0) }
  }
}
