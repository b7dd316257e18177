// SPDX-License-Identifier: MIT
import Foundation
import Testing

/// The library's folders form layers: each uses only those below it (Documentation/Design.md).
///
/// A folder "uses" another when one of its files names a type or free function declared at
/// the top level of a file there. `Kernel/`'s subfolders count as one folder; the root
/// files (the simulation that assembles everything) are `(root)`.
@Suite struct LayeringTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/NUMASim")

  /// Lowest first; a folder may use only folders before it.
  static let layers = [
    "Engine", "Random", "Topology", "Kernel", "Stats", "Workload", "Model", "Config", "Output", "(root)",
    "Experiment", "Plot", "Bench",
  ]

  static func folder(of relative: String) -> String {
    let parts = relative.split(separator: "/")
    return parts.count == 1 ? "(root)" : String(parts[0])
  }

  /// Folder → the files in it, comments and string literals removed.
  static func files() throws -> [(folder: String, path: String, text: String)] {
    let root = sources.standardizedFileURL.path
    let e = try #require(FileManager.default.enumerator(atPath: root))
    var out: [(String, String, String)] = []
    while let relative = e.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
      let code = text.replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
        .replacingOccurrences(of: #""[^"\n]*""#, with: "\"\"", options: .regularExpression)
      out.append((folder(of: relative), relative, code))
    }
    return out
  }

  @Test func everyFolderUsesOnlyTheLayersBelowIt() throws {
    let files = try Self.files()
    #expect(Set(files.map(\.folder)).isSubset(of: Self.layers))
    let declaration = try Regex(
      #"(?m)^(?:public |internal |final |indirect )*(?:struct|enum|class|protocol|typealias|func)\s+([A-Za-z_]\w*)"#)
    var owner: [String: String] = [:]
    for f in files {
      for m in f.text.matches(of: declaration) {
        if let name = m.output[1].substring, owner[String(name)] == nil { owner[String(name)] = f.folder }
      }
    }
    #expect(owner["PageAllocator"] == "Kernel" && owner["Simulation"] == "(root)")
    let identifier = try Regex(#"\b[A-Za-z_]\w*\b"#)
    var violations: [String] = []
    for f in files {
      let rank = try #require(Self.layers.firstIndex(of: f.folder))
      let used = Set(f.text.matches(of: identifier).map { String(f.text[$0.range]) })
      for name in used.sorted() {
        guard let o = owner[name], o != f.folder, let r = Self.layers.firstIndex(of: o) else { continue }
        if r > rank { violations.append("\(f.path) uses \(name) of \(o)/") }
      }
    }
    #expect(violations == [])
  }
}
