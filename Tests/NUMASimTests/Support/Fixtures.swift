// SPDX-License-Identifier: MIT
import Foundation

/// Paths of the real kernel outputs kept under Tests/NUMASimTests/Fixtures.
enum Fixtures {
  static func path(_ name: String) -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
      fatalError("missing fixture \(name)")
    }
    return url.path
  }

  static func text(_ name: String) -> String {
    (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
  }

  /// A new, empty folder under the system's temporary folder.
  static func temporaryFolder(_ label: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// Writes `text` to `name` in a new temporary folder and returns its path.
  static func temporaryFile(_ text: String, name: String) throws -> String {
    let path = "\(try temporaryFolder("file"))/\(name)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
