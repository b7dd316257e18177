// SPDX-License-Identifier: MIT

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed file operation: which file, which step, and the system's reason.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file (or folder) the operation was on.
  public var path: String
  /// The step that failed (`open`, `write`, `fsync`, `rename`, `mkdir`).
  public var operation: String
  /// The system's explanation (`strerror`).
  public var reason: String

  public var description: String { "cannot write \(path): \(operation): \(reason)" }
}

/// Writes files so that a reader, or a later run after a crash, sees either the old file or the
/// whole new one, never a part.
///
/// The data goes to `PATH.tmp-<pid>-<random>` in the target's folder, is flushed with `fsync`,
/// and is renamed over `PATH` (`rename(2)` is atomic within one file system); the folder is then
/// flushed so the rename itself survives a power cut. A temporary file can be left behind only
/// if the process is killed between `open` and `rename`; readers never look at `*.tmp-*` names.
public enum AtomicFile {
  /// Atomically replaces the file at `path` with `bytes`.
  public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(FileWriteError) {
    let temporary = "\(path).tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure(path, "open") }
    var failed: FileWriteError?
    do throws(FileWriteError) {
      try writeAll(Array(bytes), to: fd, path: path)
      guard fsync(fd) == 0 else { throw failure(path, "fsync") }
    } catch {
      failed = error
    }
    if close(fd) != 0, failed == nil { failed = failure(path, "close") }
    if let failed {
      unlink(temporary)
      throw failed
    }
    guard rename(temporary, path) == 0 else {
      let error = failure(path, "rename")
      unlink(temporary)
      throw error
    }
    syncDirectory(containing: path)
  }

  /// Atomically replaces the file at `path` with `text` in UTF-8.
  public static func write(_ text: String, to path: String) throws(FileWriteError) {
    try write(Array(text.utf8), to: path)
  }

  /// Writes several files into `directory`, each atomically, then `marker` (if given) last.
  ///
  /// A reader that finds the marker knows every file is complete and from the same run; a killed
  /// run leaves each file either old or whole, and no marker newer than its files.
  /// - Parameters:
  ///   - files: names (relative to `directory`) and contents, written in this order.
  ///   - marker: the name and contents of the completion marker, written after all files.
  public static func writeFiles(
    _ files: [(name: String, contents: String)], in directory: String, marker: (name: String, contents: String)? = nil
  ) throws(FileWriteError) {
    try createDirectory(directory)
    for file in files { try write(file.contents, to: join(directory, file.name)) }
    if let marker { try write(marker.contents, to: join(directory, marker.name)) }
  }

  /// Creates `path` and any missing parents; an existing folder is fine.
  public static func createDirectory(_ given: String) throws(FileWriteError) {
    let path = URL(fileURLWithPath: given).standardizedFileURL.path
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw FileWriteError(path: path, operation: "mkdir", reason: "a file of that name is in the way")
      }
      return
    }
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if parent != path && !parent.isEmpty { try createDirectory(parent) }
    guard mkdir(path, 0o755) == 0 else {
      let code = errno
      let reason = String(cString: strerror(code))
      // Created meanwhile by another process: fine if it is a folder.
      guard code == EEXIST, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { throw FileWriteError(path: path, operation: "mkdir", reason: reason) }
      return
    }
  }

  /// `directory/name`, without doubling a trailing slash.
  public static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(FileWriteError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        systemWrite(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(path, "write")
      }
      offset += written
    }
  }

  private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, buffer, count)
    #else
      Darwin.write(fd, buffer, count)
    #endif
  }

  private static func syncDirectory(containing path: String) {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  private static func failure(_ path: String, _ operation: String) -> FileWriteError {
    FileWriteError(path: path, operation: operation, reason: String(cString: strerror(errno)))
  }
}
