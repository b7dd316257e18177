// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ConfigPathTests {
  typealias Component = ConfigPath.Component

  @Test func splitsNamesAndIndices() throws {
    let path = try ConfigPath(parsing: "machine.nodes[1].memory")
    #expect(
      path.components == [
        Component(name: "machine", indices: []), Component(name: "nodes", indices: [1]),
        Component(name: "memory", indices: []),
      ])
    #expect(path.text == "machine.nodes[1].memory")
    #expect(path.description == "machine.nodes[1].memory")
  }

  @Test func keepsSeveralIndicesInOrder() throws {
    let path = try ConfigPath(parsing: "matrix[0][12][3]")
    #expect(path.components == [Component(name: "matrix", indices: [0, 12, 3])])
  }

  @Test func everyDotSeparatesAComponent() throws {
    let path = try ConfigPath(parsing: "sysctl.vm.min_free_kbytes")
    #expect(path.components.map(\.name) == ["sysctl", "vm", "min_free_kbytes"])
    #expect(path.components.map(\.indices) == [[], [], []])
  }

  @Test func namesMayHoldSpacesAndOtherPunctuation() throws {
    let path = try ConfigPath(parsing: "a b.c-d_e/f")
    #expect(path.components.map(\.name) == ["a b", "c-d_e/f"])
  }

  @Test(arguments: [
    ("", "empty key path"),
    ("a..b", "a..b: empty key name in the path (two dots, or a leading or trailing dot)"),
    (".a", ".a: empty key name in the path (two dots, or a leading or trailing dot)"),
    ("a.", "a.: empty key name in the path (two dots, or a leading or trailing dot)"),
    ("[0]", "[0]: empty key name in the path (two dots, or a leading or trailing dot)"),
    ("a]b", "a]b: 'a]b' is not a key name"),
    ("x.a=b", "x.a=b: 'a=b' is not a key name"),
    ("a[x]", "a[x]: list index '[x]' is not a non-negative integer"),
    ("a[]", "a[]: list index '[]' is not a non-negative integer"),
    ("a[-1]", "a[-1]: list index '[-1]' is not a non-negative integer"),
    ("a[+1]", "a[+1]: list index '[+1]' is not a non-negative integer"),
    ("a[\u{0661}]", "a[\u{0661}]: list index '[\u{0661}]' is not a non-negative integer"),
    (
      "a[99999999999999999999]",
      "a[99999999999999999999]: list index '[99999999999999999999]' is not a non-negative integer"
    ),
    ("a[1", "a[1: expected [N] after 'a', found '[1'"),
    ("a[1]b", "a[1]b: expected [N] after 'a', found 'b'"),
    ("a[1] ", "a[1] : expected [N] after 'a', found ' '"),
  ])
  func malformedPathsSayWhatIsWrong(text: String, message: String) {
    let error = #expect(throws: ConfigOverrideError.self) { try ConfigPath(parsing: text) }
    #expect(error?.path == text)
    #expect(error?.description == message)
  }
}
