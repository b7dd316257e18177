// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ConfigYAMLEmitterTests {
  static let tricky = """
    name: "a: b"
    description: "line one\\nline two"
    empty: ""
    nothing:
    quoted: 'null'
    hash: "x #y"
    dash: "- item"
    negative: -3
    list: [1, "two, three", {k: v, k2: [a, b]}, [x, y], []]
    map: {}
    sysctl:
      vm.lowmem_reserve_ratio: 256 256 32 0 0
    """

  @Test func roundTripsThroughTheParser() throws {
    let tree = try ConfigValue.parse(yaml: Self.tricky, file: "t.yaml")
    let text = ConfigYAMLEmitter.render(tree)
    let again = ConfigYAMLEmitter.render(try ConfigValue.parse(yaml: text, file: "again.yaml"))
    #expect(again == text)
    #expect(
      text == """
        name: "a: b"
        description: "line one\\nline two"
        empty: ""
        nothing: null
        quoted: "null"
        hash: "x #y"
        dash: "- item"
        negative: -3
        list:
          - 1
          - "two, three"
          - k: v
            k2:
              - a
              - b
          - - x
            - y
          - []
        map: {}
        sysctl:
          vm.lowmem_reserve_ratio: 256 256 32 0 0

        """)
  }

  @Test func hashIgnoresLayoutButNotValues() throws {
    let a = try ConfigValue.parse(yaml: "sysctl: {vm.swappiness: 60}\n# note\n", file: "a")
    let b = try ConfigValue.parse(yaml: "sysctl:\n    vm.swappiness:   60\n", file: "b")
    let c = try ConfigValue.parse(yaml: "sysctl: {vm.swappiness: 61}\n", file: "c")
    #expect(ConfigHash.of(a) == ConfigHash.of(b))
    #expect(ConfigHash.of(a) != ConfigHash.of(c))
    #expect(ConfigHash.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
    #expect(ConfigHash.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
    #expect(ConfigHash.hex(0xAB) == "00000000000000ab")
  }
}
