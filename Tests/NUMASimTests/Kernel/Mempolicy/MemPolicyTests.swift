// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MemPolicyTests {
  @Test func describesItselfAsNumactlWritesIt() {
    #expect(MemPolicy.local.description == "local")
    #expect(MemPolicy.preferred(NodeID(2)).description == "preferred:2")
    #expect(MemPolicy.bind([NodeID(0), NodeID(1)]).description == "bind:0,1")
    #expect(MemPolicy.interleave([NodeID(1), NodeID(3)]).description == "interleave:1,3")
  }
}
