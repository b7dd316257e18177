// SPDX-License-Identifier: MIT

/// A stable 64-bit fingerprint of a config: FNV-1a over its canonical YAML text.
///
/// The text is ``ConfigYAMLEmitter/render(_:)`` of the tree, so formatting, comments and
/// positions in the original file do not change the hash, while any key or value does. The
/// algorithm is fixed (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`, over UTF-8
/// bytes) so hashes recorded in result folders stay comparable across releases.
public enum ConfigHash {
  /// The hash of the tree's canonical YAML.
  public static func of(_ value: ConfigValue) -> UInt64 { fnv1a64(ConfigYAMLEmitter.render(value)) }

  /// 64-bit FNV-1a of `text`'s UTF-8 bytes.
  public static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// `hash` as 16 lower-case hex digits.
  public static func hex(_ hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
