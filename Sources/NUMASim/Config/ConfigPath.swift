// SPDX-License-Identifier: MIT

/// A parsed key path into a config tree, such as `machine.nodes[1].memory`.
///
/// Syntax: names separated by `.`, each optionally followed by list indices `[N]` (0-based).
/// A name is any text without `.`, `[`, `]` or `=`; which dots separate keys and which belong to
/// a key (`sysctl.vm.min_free_kbytes`) is decided against the tree, by
/// ``ConfigOverride/apply(to:)``.
public struct ConfigPath: Hashable, Sendable, CustomStringConvertible {
  /// One dot-separated part: a name and the list indices written after it.
  public struct Component: Hashable, Sendable {
    public var name: String
    public var indices: [Int]
  }

  /// The path as written.
  public let text: String
  /// The parts, in order; never empty.
  public let components: [Component]

  /// Parses `text`; errors say which part is malformed.
  public init(parsing text: String) throws(ConfigOverrideError) {
    guard !text.isEmpty else { throw ConfigOverrideError(path: text, message: "empty key path") }
    var components: [Component] = []
    for part in text.split(separator: ".", omittingEmptySubsequences: false) {
      let name = part.prefix { $0 != "[" }
      guard !name.isEmpty else {
        throw ConfigOverrideError(
          path: text, message: "empty key name in the path (two dots, or a leading or trailing dot)")
      }
      guard !name.contains("]"), !name.contains("=") else {
        throw ConfigOverrideError(path: text, message: "'\(name)' is not a key name")
      }
      var indices: [Int] = []
      var rest = part.dropFirst(name.count)
      while !rest.isEmpty {
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else {
          throw ConfigOverrideError(path: text, message: "expected [N] after '\(name)', found '\(rest)'")
        }
        let digits = rest[rest.index(after: rest.startIndex)..<close]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let n = Int(digits) else {
          throw ConfigOverrideError(path: text, message: "list index '[\(digits)]' is not a non-negative integer")
        }
        indices.append(n)
        rest = rest[rest.index(after: close)...]
      }
      components.append(Component(name: String(name), indices: indices))
    }
    self.text = text
    self.components = components
  }

  public var description: String { text }
}
