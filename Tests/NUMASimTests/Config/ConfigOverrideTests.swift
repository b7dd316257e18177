// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ConfigOverrideTests {
  static let base = """
    name: two-node
    sysctl:
      vm.min_free_kbytes: 67584
      swappiness: 60
    machine:
      nodes:
        - memory: 4GiB
          cpus: 4
        - memory: 4GiB
          cpus: 4
    """

  func applied(_ settings: [String], to yaml: String = base) throws -> String {
    let tree = try ConfigValue.parse(yaml: yaml, file: "t.yaml")
    let overrides = try settings.map { s throws(ConfigOverrideError) in try ConfigOverride(parsing: s) }
    return ConfigYAMLEmitter.render(try ConfigOverride.apply(overrides, to: tree))
  }

  @Test func setsNestedKeysAndCreatesMissingMappings() throws {
    let out = try applied(["kernel.version=5.14", "machine.architecture=x86_64", "name=big box"], to: "name: x\n")
    #expect(out == "name: big box\nkernel:\n  version: 5.14\nmachine:\n  architecture: x86_64\n")
  }

  @Test func setsListEntriesByIndex() throws {
    let out = try applied(["machine.nodes[1].memory=16GiB", "machine.nodes[0].movable=1GiB"])
    #expect(
      out.hasSuffix(
        "  nodes:\n    - memory: 4GiB\n      cpus: 4\n      movable: 1GiB\n    - memory: 16GiB\n      cpus: 4\n"))
  }

  @Test(arguments: [
    ("sysctl.vm.min_free_kbytes=90112", "  vm.min_free_kbytes: 90112\n  swappiness: 60\n"),
    ("sysctl.min_free_kbytes=90112", "  vm.min_free_kbytes: 90112\n  swappiness: 60\n"),
    ("sysctl.vm.swappiness=10", "  vm.min_free_kbytes: 67584\n  swappiness: 10\n"),
    ("sysctl.vm.watermark_scale_factor=200", "  swappiness: 60\n  vm.watermark_scale_factor: 200\n"),
  ])
  func dottedSysctlKeysAreOneKey(setting: String, expected: String) throws {
    #expect(try applied([setting]).contains(expected))
  }

  @Test func newSysctlMappingKeepsTheDottedKeyWhole() throws {
    #expect(
      try applied(["sysctl.vm.min_free_kbytes=1"], to: "name: x\n") == "name: x\nsysctl:\n  vm.min_free_kbytes: 1\n")
  }

  @Test func existingDottedKeysElsewhereAreMatchedGreedily() throws {
    let out = try applied(["a.b.c.d=2"], to: "a:\n  b.c:\n    d: 1\n")
    #expect(out == "a:\n  b.c:\n    d: 2\n")
  }

  @Test(arguments: [
    ("machine.nodes[2].memory=1G", "machine.nodes[2].memory: index [2] is out of range: machine.nodes has 2 entries"),
    ("name[0]=x", "name[0]: name is not a list, so it has no entry [0]"),
    ("machine.distances[0]=1", "machine.distances[0]: machine.distances does not exist, so it has no entry [0]"),
    ("name.first=x", "name.first: name is the value 'two-node', not a mapping"),
    (
      "machine.nodes.memory=1G", "machine.nodes.memory: machine.nodes is a list; give an index such as machine.nodes[0]"
    ),
    ("machine..nodes=1", "machine..nodes: empty key name in the path (two dots, or a leading or trailing dot)"),
    ("machine.nodes[x]=1", "machine.nodes[x]: list index '[x]' is not a non-negative integer"),
    ("machine.nodes[1=1", "machine.nodes[1: expected [N] after 'nodes', found '[1'"),
    ("justtext", "justtext: expected key.path=VALUE"),
    ("=5", "=5: expected key.path=VALUE, the path is empty"),
  ])
  func errorsNameThePathAndTheProblem(setting: String, message: String) throws {
    let error = #expect(throws: ConfigOverrideError.self) { try applied([setting]) }
    #expect(error?.description == message)
  }

  @Test func parsesAtTheFirstEquals() throws {
    let o = try ConfigOverride(parsing: " sysctl.vm.lowmem_reserve_ratio =256 256 32 0 0")
    #expect(o == ConfigOverride(path: "sysctl.vm.lowmem_reserve_ratio", value: "256 256 32 0 0"))
    #expect(try ConfigOverride(parsing: "a=b=c").value == "b=c")
  }

  @Test func keepsThePositionOfTheReplacedValue() throws {
    let tree = try ConfigValue.parse(yaml: Self.base, file: "t.yaml")
    let out = try ConfigOverride(path: "sysctl.vm.min_free_kbytes", value: "1").apply(to: tree)
    guard case .mapping(let top, _) = out, case .mapping(let sysctl, _) = top[1].value else {
      Issue.record("expected mappings")
      return
    }
    #expect(sysctl[0].value.position == ConfigValue.Position(line: 3, column: 23))
  }
}
