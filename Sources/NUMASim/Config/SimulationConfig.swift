// SPDX-License-Identifier: MIT

import Foundation

/// A whole scenario: the machine, the kernel release and its sysctls.
public struct SimulationConfig: Sendable {
  /// The scenario's name (the config file's base name unless given).
  public var name = "default"
  public var machine = MachineConfig.default {
    didSet { builtMachine = nil }
  }
  /// The machine `machine` built into, kept so that a run builds it once; cleared when
  /// `machine` changes.
  public private(set) var builtMachine: Machine?
  public var kernel = KernelVersion.default
  public var sysctl = SysctlVM()
  /// The file the config came from, for error messages; `<built-in>` for the default.
  public var file = "<built-in>"
  /// What runs on the machine; `nil` (a config built in code) runs the built-in default's
  /// workload (``WorkloadConfig/builtIn(for:)``). A parsed config always has one: its own
  /// `workload:` or, without one, the built-in default's, read against its machine.
  public var workload: WorkloadConfig?
  /// `initial_state:`: the pages the machine holds at time 0 (none: it starts empty).
  public var initialState = WarmStart()
  /// Simulated time to run, after `warmup`.
  public var duration = SimTime.seconds(20)
  /// Simulated time before statistics are kept (the machine fills up).
  public var warmup = SimTime.seconds(5)
  /// The run's seed.
  public var seed: UInt64 = 1
  /// How often time series and watermark occupancy are sampled.
  public var sampleInterval = SimTime.milliseconds(10)
  public var costs = ReclaimCosts()
  /// Swap space in pages (0: no swap, anonymous memory cannot be reclaimed).
  public var swapPages = 0
  /// The `sweep:` section, kept for `numasim sweep`.
  public var sweep: ConfigValue?
  /// The parsed document, for overrides and hashing.
  public var document: ConfigValue?
  /// The folder relative paths inside the config resolve against.
  public var baseDirectory = "."

  public init() {}

  /// Reads a config file, with `overrides` (`key.path=VALUE` settings) applied to it first.
  public static func load(path: String, overrides: [ConfigOverride] = []) throws(InputErrors) -> SimulationConfig {
    let root = try document(path: path, overrides: overrides)
    var config = try parse(document: root, file: path, baseDirectory: folder(of: path))
    if case .mapping(let entries, _) = root, !entries.contains(where: { $0.key == "name" }) {
      config.name = defaultName(of: path)
    }
    return config
  }

  /// Parses config text, with `overrides` applied to it first; relative paths inside it
  /// resolve against `baseDirectory`.
  public static func parse(
    yaml: String, file: String, baseDirectory: String = ".", overrides: [ConfigOverride] = []
  ) throws(InputErrors) -> SimulationConfig {
    try parse(
      document: document(yaml: yaml, file: file, overrides: overrides), file: file, baseDirectory: baseDirectory)
  }

  /// A config file's tree with `overrides` applied.
  public static func document(path: String, overrides: [ConfigOverride] = []) throws(InputErrors) -> ConfigValue {
    let text: String
    do { text = try InputFile.read(path, what: "the config", maxBytes: ConfigValue.Limits.bytes) } catch {
      throw InputErrors([error])
    }
    return try document(yaml: text, file: path, overrides: overrides)
  }

  /// Config text's tree with `overrides` applied (an empty text is an empty mapping to them).
  public static func document(yaml: String, file: String, overrides: [ConfigOverride] = []) throws(InputErrors)
    -> ConfigValue
  {
    var root: ConfigValue
    do { root = try ConfigValue.parse(yaml: yaml, file: file) } catch { throw InputErrors([error]) }
    guard !overrides.isEmpty else { return root }
    if case .null(let p) = root { root = .mapping([], p) }
    do { return try ConfigOverride.apply(overrides, to: root) } catch { throw InputErrors([error.inputError]) }
  }

  /// The name a config file gives its scenario when it has no `name:`: its base name.
  public static func defaultName(of path: String) -> String {
    URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
  }

  /// The folder relative paths in a config file resolve against.
  static func folder(of path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

  /// Reads a parsed config tree; relative paths inside it resolve against `baseDirectory`.
  public static func parse(document root: ConfigValue, file: String, baseDirectory: String = ".") throws(InputErrors)
    -> SimulationConfig
  {
    var reader = ConfigReader(file: file)
    var config = SimulationConfig()
    config.file = file
    config.baseDirectory = baseDirectory
    if case .null = root {
      try config.buildMachineAndReadWorkload()
      return config
    }
    config.document = root
    guard
      let top = reader.mapping(
        root, "",
        allowed: [
          "name", "description", "kernel", "sysctl", "machine", "workload", "initial_state", "duration", "warmup",
          "seed", "sample_interval", "costs", "swap", "sweep",
        ])
    else {
      throw InputErrors(reader.errors)
    }
    if let v = top["name"], let s = reader.string(v, "name") {
      if s.isEmpty || s.contains("/") || s == "." || s == ".."
        || s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
      {
        reader.fail(
          v, "name",
          "'\(s.debugDescription.dropFirst().dropLast())' cannot name a results folder: give a non-empty name without '/' or control characters"
        )
      } else {
        config.name = s
      }
    }
    if let v = top["kernel"] { config.kernel = readKernel(v, &reader) ?? config.kernel }
    if let v = top["sysctl"] { readSysctl(v, into: &config.sysctl, &reader, baseDirectory: baseDirectory) }
    if let v = top["machine"], let m = MachineConfig.read(v, &reader, baseDirectory: baseDirectory) {
      config.machine = m
    }
    readRun(top, into: &config, &reader)
    guard reader.errors.isEmpty else { throw InputErrors(reader.errors) }
    try config.checkRunLength()
    try config.buildMachineAndReadWorkload()
    return config
  }

  /// Builds `machine` (not kept: see ``buildMachineAndReadWorkload()``).
  /// A whole-machine problem (the distance table against the nodes, no memory anywhere)
  /// is placed at the `machine:` key.
  func buildingMachine() throws(InputErrors) -> Machine {
    do { return try machine.build(file: file) } catch {
      var e = error
      if e.file == file, e.line == nil, let p = place(of: ["machine"]) {
        e.line = p.line
        e.column = p.column
      }
      throw InputErrors([e])
    }
  }

  /// Builds the machine (once) and reads the workload against it: the config's own
  /// `workload:` or the built-in default's. Called again after anything replaces `machine`
  /// (`--from-zoneinfo`, `--cpus-per-node`), so that the workload is checked against the
  /// machine that runs it.
  /// - Throws: ``InputErrors`` when the machine cannot be built or the workload names CPUs
  ///   or nodes it lacks.
  public mutating func buildMachineAndReadWorkload() throws(InputErrors) {
    let machine: Machine
    if let built = builtMachine { machine = built } else { machine = try buildingMachine() }
    builtMachine = machine
    if case .mapping(let entries, _)? = document, let v = entries.first(where: { $0.key == "workload" })?.value {
      var reader = ConfigReader(file: file)
      workload = WorkloadConfig.read(
        v, &reader, nodeCount: machine.nodes.count, cpuCount: machine.onlineCPUs,
        cpusOfNode: { machine.nodes[$0].cpus.map(\.index) })
      guard reader.errors.isEmpty else { throw InputErrors(reader.errors) }
    } else {
      workload = try WorkloadConfig.builtIn(for: machine)
    }
    initialState = WarmStart()
    if case .mapping(let entries, _)? = document, let v = entries.first(where: { $0.key == "initial_state" })?.value,
      let workload
    {
      var reader = ConfigReader(file: file)
      var nodeOfCPU = Array(repeating: 0, count: machine.onlineCPUs)
      for (n, node) in machine.nodes.enumerated() { for cpu in node.cpus { nodeOfCPU[cpu.index] = n } }
      let warm = WarmStart.read(v, &reader, workload: workload, nodeCount: machine.nodes.count, nodeOfCPU: nodeOfCPU)
      guard let warm, reader.errors.isEmpty else { throw InputErrors(reader.errors) }
      initialState = warm
    }
  }

  /// Builds the machine and sets it up as the kernel would at boot.
  /// - Throws: ``InputErrors`` when the machine cannot be built or the kernel cannot run it.
  public func setUp() throws(InputErrors) -> MachineSetup {
    let machine: Machine
    if let built = builtMachine { machine = built } else { machine = try buildingMachine() }
    if machine.memoryModel == .discontigmem, kernel >= KernelVersion(5, 14) {
      throw InputErrors([
        InputError(
          file: file, keyPath: "machine.memory_model",
          message: "DISCONTIGMEM was removed in Linux 5.14; choose SPARSEMEM or a kernel up to 5.13")
      ])
    }
    return KernelSetup.setUp(machine, kernel: kernel, sysctl: sysctl)
  }

  /// The longest run, warm-up included: 10⁹ s (about 31 years), far inside `SimTime`.
  public static let maxRunLength = SimTime.seconds(1_000_000_000)

  /// Checks that the run's times fit together: warm-up plus duration within
  /// ``maxRunLength``, and a sample interval no longer than the measured duration (a run
  /// that takes no sample has no free-memory or watermark figures).
  /// - Throws: ``InputErrors`` at the `duration` or `sample_interval` key.
  public func checkRunLength() throws(InputErrors) {
    var errors: [InputError] = []
    func fail(_ key: String, _ message: String) {
      let p = place(of: [.key(key)])
      errors.append(InputError(file: file, line: p?.line, column: p?.column, keyPath: key, message: message))
    }
    let (total, overflow) = warmup.nanoseconds.addingReportingOverflow(duration.nanoseconds)
    if overflow || total > Self.maxRunLength.nanoseconds {
      fail("duration", "warmup + duration is longer than \(Self.maxRunLength.nanoseconds / 1_000_000_000) s")
    }
    if sampleInterval > duration {
      fail(
        "sample_interval",
        "the sample interval (\(sampleInterval.seconds) s) is longer than the measured duration (\(duration.seconds) s): the run would take no samples"
      )
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
  }

  /// Reads `duration`, `warmup`, `seed`, `sample_interval`, `costs`, `swap` and `sweep`.
  static func readRun(_ top: [String: ConfigValue], into config: inout SimulationConfig, _ r: inout ConfigReader) {
    if let v = top["duration"], let d = r.duration(v, "duration") {
      if d.nanoseconds == 0 { r.fail(v, "duration", "a run needs a duration above 0") } else { config.duration = d }
    }
    if let v = top["warmup"], let d = r.duration(v, "warmup") { config.warmup = d }
    if let v = top["seed"], let s = r.string(v, "seed") {
      if let n = UInt64(s) {
        config.seed = n
      } else {
        r.fail(v, "seed", "expected a non-negative integer, found '\(s)'")
      }
    }
    if let v = top["sample_interval"], let d = r.duration(v, "sample_interval") {
      if d < .microseconds(100) { r.fail(v, "sample_interval", "at least 100us") } else { config.sampleInterval = d }
    }
    if let v = top["costs"], let map = r.mapping(v, "costs", allowed: ReclaimCosts.keys.map(\.0)) {
      for (key, path) in ReclaimCosts.keys {
        if let d = map[key], let dist = r.distribution(d, "costs.\(key)") { config.costs[keyPath: path] = dist }
      }
    }
    if let v = top["swap"], let map = r.mapping(v, "swap", allowed: ["size"]), let s = map["size"],
      let bytes = r.size(s, "swap.size")
    {
      config.swapPages = bytes / Pages.size
    }
    config.sweep = top["sweep"]
  }

  static func readKernel(_ value: ConfigValue, _ reader: inout ConfigReader) -> KernelVersion? {
    guard let map = reader.mapping(value, "kernel", allowed: ["version"]), let v = map["version"],
      let text = reader.string(v, "kernel.version")
    else { return nil }
    guard let version = KernelVersion(parsing: text) else {
      reader.fail(v, "kernel.version", "'\(text)' is not a kernel version such as 6.18")
      return nil
    }
    guard version.isSupported else {
      reader.fail(
        v, "kernel.version",
        "\(version) is outside the modelled range \(KernelVersion.oldestSupported)...\(KernelVersion.newestSupported)")
      return nil
    }
    return version
  }

  static func readSysctl(
    _ value: ConfigValue, into sysctl: inout SysctlVM, _ reader: inout ConfigReader, baseDirectory: String
  ) {
    guard let entries = reader.entries(value, "sysctl") else { return }
    for e in entries {
      let path = "sysctl.\(e.key)"
      if e.key == "include" {
        guard let rel = reader.string(e.value, path) else { continue }
        let full = rel.hasPrefix("/") ? rel : "\(baseDirectory)/\(rel)"
        do { try SysctlFile.apply(path: full, to: &sysctl) } catch {
          // A file that cannot be read is reported where the config names it.
          if error.line == nil { reader.fail(e.value, path, "\(error.message): \(full)") } else { reader.record(error) }
        }
        continue
      }
      let key: SysctlKey
      do { key = try SysctlKey(name: e.key) } catch {
        reader.fail(at: e.keyPosition, path, error.description)
        continue
      }
      let text: String
      if case .sequence(let items, _) = e.value {
        text = items.compactMap { if case .scalar(let s, _) = $0 { s } else { nil } }.joined(separator: " ")
      } else {
        guard let s = reader.string(e.value, path) else { continue }
        text = s
      }
      do { try key.apply(text, to: &sysctl) } catch { reader.fail(e.value, path, error.description) }
    }
  }
}

/// A `sysctl.conf` / `sysctl -a` style file: `vm.key = value` lines, `#` and `;` comments.
/// Keys outside `vm.` are ignored, so a whole `sysctl -a` dump can be included; bare names
/// (`min_free_kbytes = 67584`, as `grep . /proc/sys/vm/*` gives) are read as `vm.` keys.
public enum SysctlFile {
  public static func apply(path: String, to sysctl: inout SysctlVM) throws(InputError) {
    try apply(text: InputFile.read(path, what: "the sysctl file"), file: path, to: &sysctl)
  }

  public static func apply(text: String, file: String, to sysctl: inout SysctlVM) throws(InputError) {
    for (i, raw) in InputFile.lines(text).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      guard let eq = line.firstIndex(of: "=") else {
        throw InputError(file: file, line: i + 1, message: "expected 'vm.key = value', found '\(line)'")
      }
      var name = line[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "/", with: ".")
      if !name.contains(".") { name = "vm." + name }  // a listing of /proc/sys/vm
      guard name.hasPrefix("vm.") else { continue }
      let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      guard let key = try? SysctlKey(name: name) else { continue }  // vm keys the model does not read
      if value.isEmpty { continue }  // write-only files (drop_caches, compact_memory)
      do { try key.apply(value, to: &sysctl) } catch {
        throw InputError(file: file, line: i + 1, keyPath: name, message: error.description)
      }
    }
  }
}
