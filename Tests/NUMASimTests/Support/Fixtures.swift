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
}
