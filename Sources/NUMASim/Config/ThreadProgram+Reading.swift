// SPDX-License-Identifier: MIT

import Foundation

extension ThreadProgram {
  /// The group keys a closed-loop group may have besides the common ones.
  static let groupKeys = ["program", "threads", "repeat", "fault_us", "read_us", "munmap_us"]
  static let stepNames = ["touch", "read", "hold", "sleep", "unmap", "free", "barrier"]

  /// Reads a closed-loop group's `program:` and its companion keys from the group's mapping.
  ///
  /// ```yaml
  /// program: [barrier, {touch: 1GiB}, {hold: 200ms}, unmap]
  /// threads: 2          # default: one per CPU of the group
  /// repeat: forever     # or a number of passes
  /// fault_us: "lognormal(mu=0.4, sigma=0.7)"   # default: measured on the development VM
  /// ```
  static func read(
    _ map: [String: ConfigValue], _ path: String, kind: PageKind, cpuCount: Int, _ r: inout ConfigReader
  ) -> ThreadProgram? {
    let errorsBefore = r.errors.count
    guard let v = map["program"], let items = r.sequence(v, "\(path).program") else { return nil }
    var steps: [ProgramStep] = []
    for (i, item) in items.enumerated() {
      if let step = readStep(item, "\(path).program[\(i)]", kind: kind, &r) { steps.append(step) }
    }
    var program = ThreadProgram(threads: cpuCount, steps: steps)
    if r.errors.count == errorsBefore, !program.doesWork {
      r.fail(
        v, "\(path).program",
        "the program needs a touch or read step of at least one page: without one it never advances time")
    }
    if let t = map["threads"], let n = r.int(t, "\(path).threads", in: 1...4096) { program.threads = n }
    if let rv = map["repeat"] {
      if case .scalar("forever", _) = rv {
        program.iterations = nil
      } else if let n = r.int(rv, "\(path).repeat", in: 1...Int(Int32.max)) {
        program.iterations = n
      }
    }
    func cost(_ key: String, _ property: WritableKeyPath<ThreadProgram, Distribution>) {
      guard let cv = map[key], let d = r.distribution(cv, "\(path).\(key)") else { return }
      if d.canDrawNegative {
        r.fail(cv, "\(path).\(key)", "a CPU time cannot be negative; \(d) can draw below 0")
      } else if !((d.mean ?? 0) > 0) {
        r.fail(cv, "\(path).\(key)", "a CPU time needs a mean above 0 (\(d))")
      } else {
        program[keyPath: property] = d
      }
    }
    cost("fault_us", \.faultMicroseconds)
    cost("read_us", \.readMicroseconds)
    cost("munmap_us", \.munmapMicroseconds)
    return r.errors.count == errorsBefore ? program : nil
  }

  static func readStep(_ item: ConfigValue, _ path: String, kind: PageKind, _ r: inout ConfigReader) -> ProgramStep? {
    let name: String
    let value: ConfigValue?
    switch item {
    case .scalar(let s, _):
      name = s.trimmingCharacters(in: .whitespaces)
      value = nil
    case .mapping(let entries, _) where entries.count == 1:
      name = entries[0].key
      value = entries[0].value
    default:
      r.fail(item, path, "a step is one of \(stepNames.joined(separator: ", ")), as `unmap` or `touch: 1GiB`")
      return nil
    }
    guard stepNames.contains(name) else {
      let best = stepNames.min { EditDistance.between($0, name) < EditDistance.between($1, name) }
      let hint = best.map { EditDistance.between($0, name) <= 2 ? "; did you mean \($0)?" : "" } ?? ""
      r.fail(item, path, "unknown step '\(name)'\(hint); expected \(stepNames.joined(separator: ", "))")
      return nil
    }
    let needsValue = !["unmap", "barrier"].contains(name)
    if needsValue != (value != nil) {
      r.fail(item, path, needsValue ? "\(name) needs a value (\(name): ...)" : "\(name) takes no value")
      return nil
    }
    switch name {
    case "touch", "read":
      if name == "read", !kind.isFile {
        r.fail(item, path, "read fills the page cache: it needs kind file_clean or file_dirty, not \(kind.rawValue)")
        return nil
      }
      guard let pages = r.pages(value!, "\(path).\(name)") else { return nil }
      return name == "touch" ? .touch(pages: pages) : .read(pages: pages)
    case "hold", "sleep":
      guard let d = r.timeDistribution(value!, "\(path).\(name)") else { return nil }
      return name == "hold" ? .hold(d) : .sleep(d)
    case "free":
      return r.probability(value!, "\(path).free").map { .free(fraction: $0) }
    case "unmap": return .unmap
    default: return .barrier
    }
  }
}
