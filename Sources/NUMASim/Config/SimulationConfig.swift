// SPDX-License-Identifier: MIT

import Foundation

/// A whole scenario: the machine, the kernel release and its sysctls.
public struct SimulationConfig: Sendable {
  /// The scenario's name (the config file's base name unless given).
  public var name = "default"
  public var machine = MachineConfig.default
  public var kernel = KernelVersion.default
  public var sysctl = SysctlVM()
  /// The file the config came from, for error messages; `<built-in>` for the default.
  public var file = "<built-in>"

  public init() {}

  /// The built-in default scenario (what `Configs/default.yaml` writes out).
  public static let `default` = SimulationConfig()

  /// Reads a config file.
  public static func load(path: String) throws(InputErrors) -> SimulationConfig {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw InputErrors([InputError(file: path, message: "cannot read the config: \(error.localizedDescription)")])
    }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var config = try parse(yaml: text, file: path, baseDirectory: base)
    if config.name == "default", !text.contains("name:") {
      config.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
    return config
  }

  /// Parses config text; relative paths inside it resolve against `baseDirectory`.
  public static func parse(yaml: String, file: String, baseDirectory: String = ".") throws(InputErrors)
    -> SimulationConfig
  {
    let root: ConfigValue
    do { root = try ConfigValue.parse(yaml: yaml, file: file) } catch { throw InputErrors([error]) }
    var reader = ConfigReader(file: file)
    var config = SimulationConfig()
    config.file = file
    if case .null = root { return config }
    guard let top = reader.mapping(root, "", allowed: ["name", "description", "kernel", "sysctl", "machine"]) else {
      throw InputErrors(reader.errors)
    }
    if let v = top["name"], let s = reader.string(v, "name") { config.name = s }
    if let v = top["kernel"] { config.kernel = readKernel(v, &reader) ?? config.kernel }
    if let v = top["sysctl"] { readSysctl(v, into: &config.sysctl, &reader, baseDirectory: baseDirectory) }
    if let v = top["machine"], let m = MachineConfig.read(v, &reader, baseDirectory: baseDirectory) {
      config.machine = m
    }
    guard reader.errors.isEmpty else { throw InputErrors(reader.errors) }
    return config
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
        do { try SysctlFile.apply(path: full, to: &sysctl) } catch { reader.record(error) }
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
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw InputError(file: path, message: "cannot read the sysctl file: \(error.localizedDescription)")
    }
    try apply(text: text, file: path, to: &sysctl)
  }

  public static func apply(text: String, file: String, to sysctl: inout SysctlVM) throws(InputError) {
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
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
