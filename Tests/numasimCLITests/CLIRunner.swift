// SPDX-License-Identifier: MIT
import Foundation

/// Runs the built `numasim` executable and captures what it prints.
struct CLIRunner {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Whether the process was killed for running past its time limit.
    var timedOut = false
    /// Whether it ended by a signal (status is then the signal's number).
    var signalled = false
  }

  /// The folder that holds the test bundle also holds the built executable.
  static var executable: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("numasim")
  }

  /// The package's root, for fixtures and configs.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/NUMASimTests/Fixtures/\(name)").path
  }

  /// Runs the executable; with `timeout`, kills it (SIGKILL) after that many seconds; with
  /// `environment`, those variables override the test's own.
  static func run(
    _ arguments: [String], in directory: URL? = nil, timeout: Double? = nil, environment: [String: String] = [:]
  ) throws -> Output {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let killer = timeout.map { seconds in
      let timer = DispatchSource.makeTimerSource(queue: .global())
      timer.schedule(deadline: .now() + seconds)
      let pid = process.processIdentifier
      timer.setEventHandler { kill(pid, SIGKILL) }
      timer.resume()
      return timer
    }
    // Read before waiting so a large output cannot fill the pipe and block the child.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    killer?.cancel()
    let signalled = process.terminationReason == .uncaughtSignal
    return Output(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self), timedOut: signalled && process.terminationStatus == SIGKILL,
      signalled: signalled)
  }

  /// Writes `text` to a fresh temporary file and returns its path.
  static func temporaryFile(_ text: String, name: String = "config.yaml") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }
}
