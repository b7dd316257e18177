// SPDX-License-Identifier: MIT

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A results folder built under a hidden name beside its target and renamed into place whole,
/// so the target is at every moment absent, the old folder or the whole new one.
///
/// The staging folder is `.NAME.partial-<pid>` in the target's parent (the same file system,
/// so `rename(2)` is atomic). ``commit()`` moves an existing target aside to
/// `.NAME.old-<pid>`, renames the staging folder into place and removes the old one;
/// ``abandon()`` removes the staging folder. A process killed meanwhile leaves only hidden
/// `.partial-` or `.old-` folders, which no reader takes for results and the next run to the
/// same target removes.
public struct StagedFolder: Sendable {
  /// Where the results go.
  public let target: String
  /// Where they are written first.
  public let staging: String
  let aside: String

  /// Creates the staging folder (and the target's parents).
  public init(target given: String) throws(FileWriteError) {
    let target = URL(fileURLWithPath: given).standardizedFileURL
    let parent = target.deletingLastPathComponent().path
    let name = target.lastPathComponent
    self.target = target.path
    staging = AtomicFile.join(parent, ".\(name).partial-\(getpid())")
    aside = AtomicFile.join(parent, ".\(name).old-\(getpid())")
    try AtomicFile.createDirectory(parent)
    Self.removeAbandoned(in: parent, name: name)
    guard mkdir(staging, 0o755) == 0 else {
      throw FileWriteError(path: staging, operation: "mkdir", reason: String(cString: strerror(errno)))
    }
  }

  /// Removes `.NAME.partial-<pid>` and `.NAME.old-<pid>` folders in `parent` whose process
  /// is gone (a run killed before it could clean up), and this process's own.
  static func removeAbandoned(in parent: String, name: String) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    for entry in entries {
      for kind in [".partial-", ".old-"] {
        let prefix = ".\(name)\(kind)"
        guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
        if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
          try? FileManager.default.removeItem(atPath: AtomicFile.join(parent, entry))
        }
      }
    }
  }

  /// `name` inside the staging folder.
  public func path(_ name: String) -> String { AtomicFile.join(staging, name) }

  /// Puts the staged folder in place of the target, replacing an existing one whole.
  public func commit() throws(FileWriteError) {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
    if exists {
      guard isDirectory.boolValue else {
        throw FileWriteError(path: target, operation: "rename", reason: "a file of that name is in the way")
      }
      try? FileManager.default.removeItem(atPath: aside)
      guard rename(target, aside) == 0 else { throw failure(target, "rename") }
    }
    guard rename(staging, target) == 0 else {
      let error = failure(target, "rename")
      if exists { _ = rename(aside, target) }
      throw error
    }
    if exists { try? FileManager.default.removeItem(atPath: aside) }
  }

  /// Removes the staging folder and everything in it.
  public func abandon() { try? FileManager.default.removeItem(atPath: staging) }

  private func failure(_ path: String, _ operation: String) -> FileWriteError {
    FileWriteError(path: path, operation: operation, reason: String(cString: strerror(errno)))
  }
}
