// SPDX-License-Identifier: MIT
import CGSL

/// A failure reported by a GSL routine, carrying GSL's status code and text.
///
/// GSL's default error handler prints and calls `abort()`. NUMASim turns it off
/// (``GSL/disableAbortingErrorHandler()``) so that every GSL failure comes back
/// as a status code or a NULL result, which the wrappers turn into this error.
public struct GSLError: Error, Hashable, Sendable, CustomStringConvertible {
  /// GSL's status code (`GSL_EDOM`, `GSL_EINVAL`, `GSL_ENOMEM`, ...).
  public let code: Int32
  /// The GSL routine that failed, e.g. `"gsl_ran_discrete_preproc"`.
  public let function: String
  /// What the caller was doing, when that adds to the routine's name.
  public let detail: String?

  /// Creates an error for `code` raised by `function`.
  public init(code: Int32, function: String, detail: String? = nil) {
    self.code = code
    self.function = function
    self.detail = detail
  }

  /// GSL's own text for ``code`` (`gsl_strerror`).
  public var reason: String {
    guard let text = gsl_strerror(code) else { return "unknown GSL error \(code)" }
    return String(cString: text)
  }

  public var description: String {
    var text = "\(function): \(reason) (GSL status \(code))"
    if let detail { text += ": \(detail)" }
    return text
  }

  /// Throws when `status` is not `GSL_SUCCESS`.
  static func check(_ status: Int32, _ function: String, detail: String? = nil) throws(GSLError) {
    guard status == Int32(GSL_SUCCESS) else {
      throw GSLError(code: status, function: function, detail: detail)
    }
  }
}

/// Process-wide GSL set-up.
public enum GSL {
  /// Turns GSL's aborting error handler off; safe to call any number of times, from any thread.
  ///
  /// The handler is switched exactly once per process (a lazily initialised
  /// global `let`, which Swift initialises once under a lock). Every NUMASim
  /// entry point that calls GSL invokes this first, so callers need not; the
  /// simulator's start-up calls it too so that no GSL routine can abort the run.
  public static func disableAbortingErrorHandler() {
    _ = gslErrorHandlerDisabled
  }
}

/// Initialised on first use: turns off GSL's default handler (print and abort).
private let gslErrorHandlerDisabled: Bool = {
  _ = gsl_set_error_handler_off()
  return true
}()
