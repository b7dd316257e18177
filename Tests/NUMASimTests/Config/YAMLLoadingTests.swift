// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct YAMLLoadingTests {
  @Test func keepsPositionsAndOrder() throws {
    let v = try ConfigValue.parse(yaml: "b: 1\na:\n  - x\n  - ~\n", file: "f")
    guard case .mapping(let entries, _) = v else {
      Issue.record("expected a mapping")
      return
    }
    #expect(entries.map(\.key) == ["b", "a"])
    #expect(entries[1].keyPosition == .init(line: 2, column: 1))
    guard case .sequence(let items, _) = entries[1].value else {
      Issue.record("expected a list")
      return
    }
    if case .null = items[1] {} else { Issue.record("~ is null") }
  }

  @Test func syntaxErrorsHaveAPlace() {
    #expect {
      try ConfigValue.parse(yaml: "a: [1, 2\nb: 3\n", file: "f.yaml")
    } throws: { error in
      "\(error)".hasPrefix("f.yaml:") && "\(error)".contains("invalid YAML")
    }
  }

  @Test func aliasesAreExpanded() throws {
    let v = try ConfigValue.parse(yaml: "a: &x 7\nb: *x\n", file: "f")
    guard case .mapping(let entries, _) = v, case .scalar(let s, _) = entries[1].value else {
      Issue.record("expected b to hold a value")
      return
    }
    #expect(s == "7")
  }
}
