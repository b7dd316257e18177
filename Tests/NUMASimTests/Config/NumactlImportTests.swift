// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct NumactlImportTests {
  let sample = """
    available: 2 nodes (0-1)
    node 0 cpus: 0 1 2 3
    node 0 size: 7948 MB
    node 0 free: 6521 MB
    node 1 cpus: 4 5 6 7
    node 1 size: 8062 MB
    node 1 free: 7800 MB
    node distances:
    node   0   1
      0:  10  21
      1:  21  10
    """

  @Test func readsNodesCPUsSizesAndDistances() throws {
    let n = try NumactlImport(text: sample, file: "n.txt")
    #expect(n.nodes.map(\.cpus.count) == [4, 4])
    #expect(n.nodes.map(\.sizeMB) == [7948, 8062])
    #expect(n.distances == [[10, 21], [21, 10]])
    let m = try n.machine()
    #expect(m.onlineCPUs == 8)
    #expect(m.distances[NodeID(0), NodeID(1)] == 21)
  }

  @Test func roundTripsThroughTheReport() throws {
    let m = try NumactlImport(text: sample, file: "n.txt").machine()
    let text = NumactlReport.render(KernelSetup.setUp(m))
    let again = try NumactlImport(
      text: text.split(separator: "\n").filter { !$0.hasPrefix("Fallback") }.joined(separator: "\n"), file: "r")
    #expect(again.distances == [[10, 21], [21, 10]])
    #expect(again.nodes.map(\.cpus) == [[0, 1, 2, 3], [4, 5, 6, 7]])
  }

  @Test(arguments: [
    ("available: 3 nodes (0-2)\nnode 0 cpus: 0\nnode 0 size: 100 MB\n", "says 3 nodes but 1"),
    ("node 0 cpus: a b\n", "n.txt:1:14: cpus: expected a CPU number, found 'a'"),
    ("garbage\n", "n.txt:1:1: unexpected 'garbage'"),
    ("node 0 cpus: 0\nnode 0 size: 100 MB\nnode distances:\nnode 0\n  0:  10  20\n", "not square"),
    ("", "no 'node N cpus:' lines"),
  ])
  func malformedInput(text: String, fragment: String) {
    #expect {
      _ = try NumactlImport(text: text, file: "n.txt").machine()
    } throws: { error in
      "\(error)".hasPrefix("n.txt") && "\(error)".contains(fragment)
    }
  }

  @Test func windowsLineEndingsReadTheSame() throws {
    let crlf = try NumactlImport(text: sample.replacingOccurrences(of: "\n", with: "\r\n"), file: "n.txt")
    #expect(crlf.nodes == (try NumactlImport(text: sample, file: "n.txt")).nodes)
  }

  @Test func numbersPastTheLimitsAreRefusedAtTheirColumn() {
    let huge = sample.replacingOccurrences(of: "node 1 size: 8062 MB", with: "node 1 size: 17592186044416 MB")
    #expect {
      try NumactlImport(text: huge, file: "n.txt")
    } throws: { error in
      "\(error)" == "n.txt:6:14: size: a size in MB 17592186044416 is out of range 0...16777215"
    }
    let node = sample.replacingOccurrences(of: "node 1 cpus:", with: "node 1000000 cpus:")
    #expect {
      try NumactlImport(text: node, file: "n.txt")
    } throws: { error in
      "\(error)".hasPrefix("n.txt:5:6: node: a node number 1000000 is out of range")
    }
  }

  @Test func aMissingNodeIsNamedAtItsLine() {
    let gap = sample.replacingOccurrences(of: "node 1 ", with: "node 2 ")
    #expect {
      try NumactlImport(text: gap, file: "n.txt")
    } throws: { error in
      "\(error)" == "n.txt:5:1: node: nodes must be numbered 0...1; node 1 is missing"
    }
  }

  @Test func aPasteWithPromptsAndTrailingTextReadsTheSame() throws {
    let pasted = "user@db1:~$ numactl -H\n" + sample + "\nuser@db1:~$ exit\nlogout\n"
    let read = try NumactlImport(text: pasted, file: "n.txt")
    #expect(read.nodes == (try NumactlImport(text: sample, file: "n.txt")).nodes)
    #expect(read.distances == [[10, 21], [21, 10]])
    // Text in the middle is still an error at its line.
    #expect(throws: InputError.self) {
      try NumactlImport(
        text: sample.replacingOccurrences(of: "node distances:", with: "oops\nnode distances:"), file: "n")
    }
  }
}
