// SPDX-License-Identifier: MIT

import Foundation

/// Where a run or a sweep may write its results.
public enum ResultsFolder {
  /// Why `path` cannot be a results folder, or `nil` when it can: it must name a folder (an
  /// empty one would put `summary.csv` at `/summary.csv`), not the filesystem root, and not
  /// an existing file.
  public static func problem(with path: String) -> String? {
    if path.trimmingCharacters(in: .whitespaces).isEmpty {
      return "an empty path names no folder; give one, e.g. Results/run1"
    }
    if path.contains("\0") { return "a path cannot contain a NUL character" }
    if URL(fileURLWithPath: path).standardizedFileURL.path == "/" {
      return "the filesystem root cannot hold results; give a folder of its own"
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
      return "'\(path)' is a file, not a folder"
    }
    return nil
  }

  /// The `option`'s folder, checked: an ``InputError`` naming the option when it cannot be one.
  public static func check(_ path: String, option: String) throws(InputErrors) {
    if let why = problem(with: path) {
      throw InputErrors([InputError(file: "<command line>", keyPath: option, message: why)])
    }
  }
}
