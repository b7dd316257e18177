// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct InputErrorTests {
  @Test(arguments: [
    (
      InputError(file: "c.yaml", line: 3, column: 7, keyPath: "machine.nodes", message: "bad"),
      "c.yaml:3:7: machine.nodes: bad"
    ),
    (InputError(file: "c.yaml", line: 3, message: "bad"), "c.yaml:3: bad"),
    (InputError(file: "c.yaml", message: "cannot read"), "c.yaml: cannot read"),
    (InputError(file: "c.yaml", keyPath: "seed", message: "bad"), "c.yaml: seed: bad"),
    (InputError(file: "c.yaml", line: 1, column: 1, keyPath: "", message: "bad"), "c.yaml:1:1: bad"),
    (InputError(file: "c.yaml", column: 9, message: "bad"), "c.yaml:9: bad"),
    (InputError(file: "", line: 2, column: 4, message: "bad"), ":2:4: bad"),
  ])
  func printsLikeACompiler(error: InputError, text: String) {
    #expect(error.description == text)
  }

  @Test func equalityComparesEveryField() {
    let a = InputError(file: "f", line: 1, column: 2, keyPath: "k", message: "m")
    #expect(a == InputError(file: "f", line: 1, column: 2, keyPath: "k", message: "m"))
    #expect(a != InputError(file: "g", line: 1, column: 2, keyPath: "k", message: "m"))
    #expect(a != InputError(file: "f", line: 2, column: 2, keyPath: "k", message: "m"))
    #expect(a != InputError(file: "f", line: 1, column: 3, keyPath: "k", message: "m"))
    #expect(a != InputError(file: "f", line: 1, column: 2, keyPath: "j", message: "m"))
    #expect(a != InputError(file: "f", line: 1, column: 2, keyPath: "k", message: "n"))
  }

  @Test func severalErrorsPrintOnePerLine() {
    let errors = InputErrors([
      InputError(file: "a.yaml", line: 1, column: 2, keyPath: "x", message: "one"),
      InputError(file: "b.yaml", message: "two"),
    ])
    #expect(errors.description == "a.yaml:1:2: x: one\nb.yaml: two")
    #expect(errors.errors.count == 2)
    #expect(InputErrors([]).description == "")
  }
}
