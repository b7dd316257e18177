// SPDX-License-Identifier: MIT

import Yams

/// A YAML document as a tree of positioned values: the only place that sees Yams.
public indirect enum ConfigValue: Sendable {
  case scalar(String, Position)
  case mapping([(key: String, keyPosition: Position, value: ConfigValue)], Position)
  case sequence([ConfigValue], Position)
  case null(Position)

  /// A line and column, 1-based.
  public struct Position: Hashable, Sendable {
    public var line: Int
    public var column: Int
  }

  public var position: Position {
    switch self {
    case .scalar(_, let p), .mapping(_, let p), .sequence(_, let p), .null(let p): p
    }
  }

  /// The bounds on a config document, so that no text makes reading it slow or large.
  public enum Limits {
    /// The largest config text: 1 MiB (the largest shipped config is under 8 KiB).
    public static let bytes = ByteSize.mib
    /// The deepest nesting of mappings and sequences (shipped configs reach 5).
    public static let depth = 64
    /// The most values a document may hold once its aliases are expanded.
    public static let values = 200_000
  }

  /// Parses YAML text; an empty document is an empty mapping.
  /// - Throws: ``InputError`` at the place of a syntax error, or of a value past ``Limits``.
  public static func parse(yaml: String, file: String) throws(InputError) -> ConfigValue {
    guard yaml.utf8.count <= Limits.bytes else {
      throw InputError(
        file: file,
        message:
          "the config is \(ByteSize.describe(yaml.utf8.count)), more than the \(ByteSize.describe(Limits.bytes)) accepted"
      )
    }
    // Yams composes nested flow collections recursively: refuse deep ones before it does.
    if let deep = flowNestingPastLimit(yaml) {
      throw InputError(
        file: file, line: deep.line, column: deep.column,
        message: "nested more than \(Limits.depth) levels deep")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw describe(error, file: file)
    } catch {
      throw InputError(file: file, message: "cannot parse YAML: \(error)")
    }
    guard let root else { return .mapping([], Position(line: 1, column: 1)) }
    var budget = Limits.values
    return try convert(root, file: file, depth: 0, budget: &budget)
  }

  /// Where `[` or `{` first opens a flow collection deeper than ``Limits/depth``, or nil.
  ///
  /// A scan of the text, not a parse: brackets inside quoted scalars (a quote that starts a
  /// scalar: at a line's start or after a space, `[`, `{`, `,` or `:`) and comments are
  /// skipped; block nesting is checked on the composed tree.
  static func flowNestingPastLimit(_ text: String) -> Position? {
    var depth = 0
    var line = 1
    var column = 0
    var quote: Unicode.Scalar?
    var previous: Unicode.Scalar = "\n"
    var inComment = false
    for c in text.unicodeScalars {
      column += 1
      defer { previous = c }
      if c == "\n" {
        line += 1
        column = 0
        inComment = false
        continue  // a quoted scalar may span lines: `quote` stays set
      }
      if inComment { continue }
      if let q = quote {
        if c == q, !(q == "\"" && previous == "\\") { quote = nil }
        continue
      }
      let startsScalar = [" ", "\t", "\n", "[", "{", ",", ":"].contains(previous)
      switch c {
      case "#" where previous == " " || previous == "\t" || previous == "\n": inComment = true
      case "'", "\"": if startsScalar { quote = c }
      case "[", "{":
        depth += 1
        if depth > Limits.depth { return Position(line: line, column: column) }
      case "]", "}": depth = Swift.max(0, depth - 1)
      default: break
      }
    }
    return nil
  }

  static func position(_ mark: Mark?) -> Position {
    Position(line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// The node as a ``ConfigValue``, aliases expanded, within ``Limits``.
  /// - Parameter budget: values still allowed; each converted value takes one.
  static func convert(_ node: Node, file: String, depth: Int, budget: inout Int) throws(InputError) -> ConfigValue {
    let p = position(node.mark)
    budget -= 1
    guard budget >= 0 else {
      throw InputError(
        file: file, line: p.line, column: p.column,
        message: "the document holds more than \(Limits.values) values once its aliases are expanded")
    }
    guard depth <= Limits.depth else {
      throw InputError(
        file: file, line: p.line, column: p.column, message: "nested more than \(Limits.depth) levels deep")
    }
    switch node {
    case .scalar(let s):
      if s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return .null(p) }
      return .scalar(s.string, p)
    case .sequence(let seq):
      var items: [ConfigValue] = []
      for item in seq { items.append(try convert(item, file: file, depth: depth + 1, budget: &budget)) }
      return .sequence(items, p)
    case .mapping(let map):
      var entries: [(key: String, keyPosition: Position, value: ConfigValue)] = []
      for (k, v) in map {
        guard case .scalar(let ks) = k else {
          throw InputError(
            file: file, line: position(k.mark).line, column: position(k.mark).column,
            message: "mapping keys must be plain names")
        }
        entries.append((ks.string, position(k.mark), try convert(v, file: file, depth: depth + 1, budget: &budget)))
      }
      return .mapping(entries, p)
    case .alias:
      // Yams expands aliases while composing; an unexpanded one would be a dangling reference.
      throw InputError(file: file, line: p.line, column: p.column, message: "unresolved YAML alias")
    }
  }

  static func describe(_ error: YamlError, file: String) -> InputError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
      let ctx = context.map { "\($0.text) " } ?? ""
      return InputError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(ctx)\(problem)")
    case .composer(let context, let problem, let mark, _):
      let ctx = context.map { "\($0.text) " } ?? ""
      return InputError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(ctx)\(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return InputError(
        file: file, line: context.mark.line, column: context.mark.column, keyPath: duplicates.joined(separator: ", "),
        message: "duplicate key in one mapping")
    default:
      return InputError(file: file, message: "invalid YAML: \(error)")
    }
  }
}

extension ConfigValue {
  /// One step of a path into a tree: a mapping key or a list index.
  public enum Step: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)
    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
  }

  /// The value at `path`, or nil where a step is missing.
  public func value(at path: [Step]) -> ConfigValue? {
    var value: ConfigValue? = self
    for step in path {
      switch step {
      case .key(let k): value = value?.child(k)
      case .index(let i): value = value?.item(i)
      }
    }
    return value
  }

  /// The value under `key` in a mapping, or nil.
  public func child(_ key: String) -> ConfigValue? {
    guard case .mapping(let entries, _) = self else { return nil }
    return entries.first { $0.key == key }?.value
  }

  /// Item `index` of a sequence, or nil.
  public func item(_ index: Int) -> ConfigValue? {
    guard case .sequence(let items, _) = self, items.indices.contains(index) else { return nil }
    return items[index]
  }
}
