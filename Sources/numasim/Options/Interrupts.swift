// SPDX-License-Identifier: MIT
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT and SIGTERM as a request to stop: a run sees it after its current slice, removes
/// what it had staged and says where it was. A second signal ends the process at once.
enum Interrupts {
  /// The signal received, or 0.
  static let received = Atomic<Int32>(0)

  /// Installs the handlers, and unblocks both signals: a process started by another may
  /// inherit them blocked, and a blocked interrupt would never be seen.
  static func install() {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    for sig in [SIGINT, SIGTERM] {
      signal(sig) { s in
        Interrupts.received.store(s, ordering: .relaxed)
        signal(s, SIG_DFL)  // a second one ends the process
      }
    }
  }

  static var isRequested: Bool { received.load(ordering: .relaxed) != 0 }

  /// The shell's status for a process stopped by the signal: 128 + its number.
  static var exitCode: Int32 { 128 + received.load(ordering: .relaxed) }
}
