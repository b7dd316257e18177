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

  /// Parses YAML text; an empty document is an empty mapping.
  public static func parse(yaml: String, file: String) throws(InputError) -> ConfigValue {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw describe(error, file: file)
    } catch {
      throw InputError(file: file, message: "cannot parse YAML: \(error)")
    }
    guard let root else { return .mapping([], Position(line: 1, column: 1)) }
    return try convert(root, file: file)
  }

  static func position(_ mark: Mark?) -> Position {
    Position(line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  static func convert(_ node: Node, file: String) throws(InputError) -> ConfigValue {
    let p = position(node.mark)
    switch node {
    case .scalar(let s):
      if s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return .null(p) }
      return .scalar(s.string, p)
    case .sequence(let seq):
      var items: [ConfigValue] = []
      for item in seq { items.append(try convert(item, file: file)) }
      return .sequence(items, p)
    case .mapping(let map):
      var entries: [(key: String, keyPosition: Position, value: ConfigValue)] = []
      for (k, v) in map {
        guard case .scalar(let ks) = k else {
          throw InputError(
            file: file, line: position(k.mark).line, column: position(k.mark).column,
            message: "mapping keys must be plain names")
        }
        entries.append((ks.string, position(k.mark), try convert(v, file: file)))
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
