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

@Suite struct YAMLLimitsTests {
  @Test func anAliasBombStopsAtTheValueBudgetQuickly() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for l in 1..<9 {
      text += "a\(l): &a\(l) [" + Array(repeating: "*a\(l - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let start = ContinuousClock.now
    #expect {
      try ConfigValue.parse(yaml: text, file: "bomb.yaml")
    } throws: { error in
      "\(error)".hasPrefix("bomb.yaml:") && "\(error)".contains("more than 200000 values")
    }
    #expect(start.duration(to: .now) < .seconds(2))
  }

  @Test func deepFlowNestingIsRefusedBeforeYamsSeesIt() {
    let text = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
    #expect {
      try ConfigValue.parse(yaml: text, file: "deep.yaml")
    } throws: { error in
      "\(error)" == "deep.yaml:1:68: nested more than 64 levels deep"
    }
  }

  @Test func bracketsInQuotesAndCommentsDoNotCount() throws {
    let deep = String(repeating: "[", count: 100)
    _ = try ConfigValue.parse(yaml: "a: \"\(deep)\"\nb: '\(deep)'\n# \(deep)\nc: x # \(deep)\n", file: "f")
    #expect(ConfigValue.flowNestingPastLimit("a: don't [[x]]\n") == nil)
  }

  @Test func deepBlockNestingIsRefusedAtItsLine() {
    var text = ""
    for d in 0..<70 { text += String(repeating: " ", count: d) + "k\(d):\n" }
    #expect {
      try ConfigValue.parse(yaml: text, file: "block.yaml")
    } throws: { error in
      "\(error)".hasPrefix("block.yaml:") && "\(error)".hasSuffix("nested more than 64 levels deep")
    }
  }

  @Test func aDocumentOverTheSizeLimitIsRefused() {
    let text = "a: " + String(repeating: "x", count: ConfigValue.Limits.bytes) + "\n"
    #expect {
      try ConfigValue.parse(yaml: text, file: "huge.yaml")
    } throws: { error in
      "\(error)".contains("more than the 1 MiB accepted")
    }
  }

  @Test func valuesAreFoundByPath() throws {
    let v = try ConfigValue.parse(yaml: "w:\n  - {a: 1}\n  - {a: 2, b: [3]}\n", file: "f")
    guard case .scalar(let s, let p)? = v.value(at: ["w", 1, "b", 0]) else {
      Issue.record("expected a scalar")
      return
    }
    #expect(s == "3" && p.line == 3)
    #expect(v.value(at: ["w", 2]) == nil)
    #expect(v.value(at: ["x"]) == nil)
  }
}
