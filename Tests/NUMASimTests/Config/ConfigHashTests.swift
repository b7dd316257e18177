// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ConfigHashTests {
  @Test(arguments: [
    ("", UInt64(0xCBF2_9CE4_8422_2325)),
    ("a", 0xAF63_DC4C_8601_EC8C),
    ("foobar", 0x8594_4171_F739_67E8),
  ])
  func fnv1aMatchesTheReferenceVectors(text: String, hash: UInt64) {
    #expect(ConfigHash.fnv1a64(text) == hash)
  }

  @Test func fnv1aHashesUTF8Bytes() {
    // "é" is the two bytes C3 A9; hashing them one by one by hand gives the same result.
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte: UInt8 in [0xC3, 0xA9] {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    #expect(ConfigHash.fnv1a64("é") == hash)
    #expect(ConfigHash.fnv1a64("e\u{301}") != hash)
  }

  @Test(arguments: [
    (UInt64(0), "0000000000000000"), (0xAB, "00000000000000ab"), (UInt64.max, "ffffffffffffffff"),
    (0xCBF2_9CE4_8422_2325, "cbf29ce484222325"), (0x0100_0000_0000_0000, "0100000000000000"),
  ])
  func hexIsSixteenLowerCaseDigits(hash: UInt64, text: String) {
    #expect(ConfigHash.hex(hash) == text)
  }

  @Test func hashesTheCanonicalYAML() throws {
    let tree = try ConfigValue.parse(yaml: "a: 1\nb: [x, y]\n", file: "c.yaml")
    #expect(ConfigHash.of(tree) == ConfigHash.fnv1a64("a: 1\nb:\n  - x\n  - y\n"))
  }

  @Test func formattingAndCommentsDoNotChangeTheHash() throws {
    let plain = try ConfigValue.parse(yaml: "a: 1\nb: [x, y]\n", file: "one.yaml")
    let styled = try ConfigValue.parse(
      yaml: "# header\na:   1   # one\n\nb:\n- x\n-   y\n", file: "two.yaml")
    #expect(ConfigHash.of(plain) == ConfigHash.of(styled))
  }

  @Test(arguments: ["a: 2\nb: [x, y]\n", "a: 1\nb: [x, z]\n", "b: [x, y]\na: 1\n", "a: 1\nc: [x, y]\n", "a: 1\n"])
  func anyKeyOrValueChangesTheHash(other: String) throws {
    let base = try ConfigValue.parse(yaml: "a: 1\nb: [x, y]\n", file: "c.yaml")
    #expect(ConfigHash.of(base) != ConfigHash.of(try ConfigValue.parse(yaml: other, file: "c.yaml")))
  }
}
