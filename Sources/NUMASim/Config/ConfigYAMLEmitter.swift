// SPDX-License-Identifier: MIT

/// Writes a ``ConfigValue`` tree back as YAML text, the same way every time.
///
/// Block style with two-space indentation; keys in the tree's order; a list entry that is a
/// mapping starts on the `- ` line. A scalar is written plain when it cannot be read as anything
/// else, otherwise in double quotes with `\\`, `\"`, `\n`, `\t`, `\r` and `\u{…}` escapes; an
/// empty mapping is `{}`, an empty list `[]`, a null `null`. Parsing the output gives the same
/// tree (positions aside), so the text can be saved as a point's effective config and hashed.
public enum ConfigYAMLEmitter {
  /// The tree as a YAML document ending in a newline.
  public static func render(_ value: ConfigValue) -> String {
    switch value {
    case .mapping(let entries, _) where entries.isEmpty: return "{}\n"
    case .sequence(let items, _) where items.isEmpty: return "[]\n"
    case .scalar, .null: return inline(value) + "\n"
    case .mapping, .sequence: return lines(value).map { $0 + "\n" }.joined()
    }
  }

  /// The lines of a non-empty mapping or list, unindented.
  static func lines(_ value: ConfigValue) -> [String] {
    var out: [String] = []
    switch value {
    case .mapping(let entries, _):
      for e in entries {
        let key = scalar(e.key)
        if isBlock(e.value) {
          out.append(key + ":")
          out += lines(e.value).map { "  " + $0 }
        } else {
          out.append(key + ": " + inline(e.value))
        }
      }
    case .sequence(let items, _):
      for item in items {
        guard isBlock(item) else {
          out.append("- " + inline(item))
          continue
        }
        let block = lines(item)
        out.append("- " + block[0])
        out += block.dropFirst().map { "  " + $0 }
      }
    case .scalar, .null:
      out.append(inline(value))
    }
    return out
  }

  /// A non-empty mapping or list, written over several lines.
  static func isBlock(_ value: ConfigValue) -> Bool {
    switch value {
    case .mapping(let e, _): !e.isEmpty
    case .sequence(let i, _): !i.isEmpty
    case .scalar, .null: false
    }
  }

  /// A value that fits on one line: a scalar, null, `{}` or `[]`.
  static func inline(_ value: ConfigValue) -> String {
    switch value {
    case .scalar(let s, _): scalar(s)
    case .null: "null"
    case .mapping: "{}"
    case .sequence: "[]"
    }
  }

  /// `text` plain when that reads back as the same string, else double-quoted.
  static func scalar(_ text: String) -> String {
    isPlainSafe(text) ? text : quoted(text)
  }

  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    if ["~", "null", "Null", "NULL"].contains(text) || text.hasPrefix("---") || text.hasPrefix("...") { return false }
    if first == " " || last == " " || last == ":" { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
      // `-1` and `-x` are plain; `- x`, `-` and the other indicators are not.
      guard first == "-", let second = text.unicodeScalars.dropFirst().first, second != " " else { return false }
    }
    if text.contains(": ") || text.contains(" #") { return false }
    return text.unicodeScalars.allSatisfy { s in
      s.value >= 0x20 && s.value != 0x7F && !"{}[],\"'\\`".unicodeScalars.contains(s) && s.isASCII
    }
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for s in text.unicodeScalars {
      switch s {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if s.value < 0x20 || s.value == 0x7F {
          let hex = String(s.value, radix: 16, uppercase: true)
          out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
        } else {
          out.unicodeScalars.append(s)
        }
      }
    }
    return out + "\""
  }
}
