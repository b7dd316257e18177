// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MemPolicyParsingTests {
  @Test func parsesNumactlStyleNodeLists() throws {
    #expect(try MemPolicy(parsing: "local", nodeCount: 4) == .local)
    #expect(try MemPolicy(parsing: "preferred:2", nodeCount: 4) == .preferred(NodeID(2)))
    #expect(try MemPolicy(parsing: "bind:0,2-3", nodeCount: 4) == .bind([NodeID(0), NodeID(2), NodeID(3)]))
    #expect(try MemPolicy(parsing: "interleave:all", nodeCount: 2) == .interleave([NodeID(0), NodeID(1)]))
  }

  @Test func parsedPoliciesReadBackTheSame() throws {
    for text in ["local", "preferred:3", "bind:0,1", "interleave:0,2,3"] {
      #expect(try MemPolicy(parsing: text, nodeCount: 4).description == text)
    }
  }

  @Test(arguments: [
    "bind:5", "preferred:0,1", "interleave:", "spread:0", "bind:a", "bind:-1", "preferred:-1", "bind:1-", "bind:3-1",
    "bind:0-1-2",
  ])
  func rejects(text: String) {
    #expect(throws: MemPolicyParseError.self) { try MemPolicy(parsing: text, nodeCount: 4) }
  }
}
