// SPDX-License-Identifier: MIT
import ArgumentParser
import Foundation
import NUMASim

/// Input problems, printed one per line as `numasim: error: FILE:LINE:COL: key: message`.
enum CLIError: Error, CustomStringConvertible {
  case input([InputError])

  var description: String {
    switch self {
    case .input(let errors): errors.map(\.description).joined(separator: "\n")
    }
  }
}

/// Runs `body`, turning input errors into messages on stderr and exit code 1.
func reportingInputErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let CLIError.input(errors) {
    for e in errors { FileHandle.standardError.write(Data("numasim: error: \(e)\n".utf8)) }
    throw ExitCode(1)
  }
}

/// Writes a note to stderr.
func printNote(_ text: String) {
  FileHandle.standardError.write(Data("\(text)\n".utf8))
}
