// SPDX-License-Identifier: MIT

import Foundation

/// One `key.path=VALUE` setting that replaces or adds a value in a config tree.
///
/// How a path finds its place in the tree (each step at a mapping):
/// 1. The key is the longest run of the next dot-separated names (joined by `.`) that is an
///    existing key of the mapping, so a key that itself holds dots is found as written. Only the
///    last name of a run may carry list indices.
/// 2. If no existing key matches, a new key is added: under a *flat* mapping (``flatMappings``,
///    i.e. `sysctl`, whose keys are `/proc/sys` names such as `vm.min_free_kbytes`) the rest of
///    the path up to the first list index is one key; elsewhere the next name alone is the key
///    and the mappings below it are created.
/// 3. Under `sysctl`, a key with or without the `vm.` prefix names the same sysctl, so
///    `sysctl.vm.swappiness=10` replaces an existing `swappiness:` in place.
/// 4. `[N]` steps into an existing list; lists are never created or extended.
///
/// The value is a single YAML scalar (`90112`, `16GiB`, `256 256 32 0 0`), kept as text; it
/// replaces whatever was at the path (a value, a mapping or a list). The new scalar carries the
/// position of the value it replaces (or of the mapping it is added to), so a later error about
/// it points at the place in the file the setting is about.
public struct ConfigOverride: Hashable, Sendable, CustomStringConvertible {
  /// Mappings whose keys contain dots: below them the rest of a new path is one key.
  public static let flatMappings: Set<String> = ["sysctl"]

  /// The key path as written.
  public var path: String
  /// The scalar text to put there.
  public var value: String
  /// Where the new scalar says it is, for later errors about it; nil: the position of the value
  /// it replaces (or of the mapping it is added to).
  public var origin: ConfigValue.Position?

  public init(path: String, value: String, origin: ConfigValue.Position? = nil) {
    self.path = path
    self.value = value
    self.origin = origin
  }

  /// The file name errors about command-line settings carry.
  public static let commandLine = "<command line>"

  /// Settings from the command line: each new scalar gets the position (line 0, column N),
  /// N counting from 1, so ``attributeToCommandLine(_:)`` can find the errors about it.
  public static func fromCommandLine(_ texts: [String]) throws(ConfigOverrideError) -> [ConfigOverride] {
    var result: [ConfigOverride] = []
    for (i, text) in texts.enumerated() {
      var o = try ConfigOverride(parsing: text)
      o.origin = ConfigValue.Position(line: 0, column: i + 1)
      result.append(o)
    }
    return result
  }

  /// Rewrites errors about values set by ``fromCommandLine(_:)`` as errors about the `--set`.
  public static func attributeToCommandLine(_ errors: [InputError], overrides: [ConfigOverride]) -> [InputError] {
    errors.map { e in
      guard e.line == 0, let column = e.column, overrides.indices.contains(column - 1) else { return e }
      let o = overrides[column - 1]
      return InputError(file: commandLine, keyPath: "--set \(o)", message: e.message)
    }
  }

  /// Parses `key.path=VALUE` (split at the first `=`; spaces around the path are dropped).
  public init(parsing text: String) throws(ConfigOverrideError) {
    guard let equals = text.firstIndex(of: "=") else {
      throw ConfigOverrideError(path: text, message: "expected key.path=VALUE")
    }
    let path = text[..<equals].trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty else {
      throw ConfigOverrideError(path: text, message: "expected key.path=VALUE, the path is empty")
    }
    self.init(path: path, value: String(text[text.index(after: equals)...]))
  }

  public var description: String { "\(path)=\(value)" }

  /// The tree with this override applied; errors name the path and what is in the way.
  public func apply(to root: ConfigValue) throws(ConfigOverrideError) -> ConfigValue {
    let parsed = try ConfigPath(parsing: path)
    return try set(in: root, rest: parsed.components[...], at: "")
  }

  /// The tree with every override applied in order (a later one wins).
  public static func apply(_ overrides: [ConfigOverride], to root: ConfigValue) throws(ConfigOverrideError)
    -> ConfigValue
  {
    var tree = root
    for o in overrides { tree = try o.apply(to: tree) }
    return tree
  }

  /// Sets the rest of the path inside `node`, which must be a mapping (or empty).
  private func set(in node: ConfigValue?, rest: ArraySlice<ConfigPath.Component>, at prefix: String)
    throws(ConfigOverrideError) -> ConfigValue
  {
    var entries: [(key: String, keyPosition: ConfigValue.Position, value: ConfigValue)] = []
    var position = origin ?? ConfigValue.Position(line: 1, column: 1)
    switch node {
    case .none: break
    case .null(let p): position = p
    case .mapping(let e, let p):
      entries = e
      position = p
    case .scalar(let s, _):
      throw ConfigOverrideError(path: path, message: "\(describe(prefix)) is the value '\(s)', not a mapping")
    case .sequence:
      throw ConfigOverrideError(
        path: path, message: "\(describe(prefix)) is a list; give an index such as \(prefix)[0]")
    }
    // Only the last name of a joined key may carry indices.
    let joinable = (rest.firstIndex { !$0.indices.isEmpty }.map { $0 + 1 } ?? rest.endIndex) - rest.startIndex
    let flat = Self.flatMappings.contains(prefix)
    var match: (entry: Int, length: Int)?
    for length in stride(from: joinable, through: 1, by: -1) {
      let key = rest.prefix(length).map(\.name).joined(separator: ".")
      if let i = entries.firstIndex(where: { sameKey($0.key, key, flat: flat) }) {
        match = (i, length)
        break
      }
    }
    let length = match?.length ?? (flat ? joinable : 1)
    let last = rest[rest.startIndex + length - 1]
    let key = match.map { entries[$0.entry].key } ?? rest.prefix(length).map(\.name).joined(separator: ".")
    let childPath = prefix.isEmpty ? key : "\(prefix).\(key)"
    let child = match.map { entries[$0.entry].value }
    let newChild = try set(
      in: child, indices: last.indices[...], rest: rest.dropFirst(length), at: childPath, parent: position)
    if let match {
      entries[match.entry].value = newChild
    } else {
      entries.append((key, origin ?? position, newChild))
    }
    return .mapping(entries, position)
  }

  /// Steps through `indices` of `node`, then replaces it (no rest) or sets the rest inside it.
  private func set(
    in node: ConfigValue?, indices: ArraySlice<Int>, rest: ArraySlice<ConfigPath.Component>, at prefix: String,
    parent: ConfigValue.Position
  ) throws(ConfigOverrideError) -> ConfigValue {
    guard let index = indices.first else {
      if rest.isEmpty { return .scalar(value, origin ?? node?.position ?? parent) }
      return try set(in: node, rest: rest, at: prefix)
    }
    guard case .sequence(var items, let p) = node else {
      let what = node == nil ? "does not exist" : "is not a list"
      throw ConfigOverrideError(path: path, message: "\(describe(prefix)) \(what), so it has no entry [\(index)]")
    }
    guard index < items.count else {
      throw ConfigOverrideError(
        path: path, message: "index [\(index)] is out of range: \(prefix) has \(items.count) entries")
    }
    items[index] = try set(
      in: items[index], indices: indices.dropFirst(), rest: rest, at: "\(prefix)[\(index)]", parent: p)
    return .sequence(items, p)
  }

  private func sameKey(_ existing: String, _ wanted: String, flat: Bool) -> Bool {
    guard flat else { return existing == wanted }
    func bare(_ k: String) -> Substring { k.hasPrefix("vm.") ? k.dropFirst(3) : Substring(k) }
    return bare(existing) == bare(wanted)
  }

  private func describe(_ prefix: String) -> String { prefix.isEmpty ? "the config" : prefix }
}
