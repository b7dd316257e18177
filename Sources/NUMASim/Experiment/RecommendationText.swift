// SPDX-License-Identifier: MIT

import Foundation

/// The text `numasim recommend` prints: the answer with its cost, then every probe by value.
public enum RecommendationText {
  public static func render(_ r: Recommendation) -> String {
    func n(_ v: Double) -> String { v.isNaN ? "-" : RunSummaryText.significant(v) }
    var out = ""
    if let a = r.answer {
      out +=
        "answer: \(r.knob) = \(a.value): \(r.target.metric) \(n(a.mean)) [\(n(a.low)), \(n(a.high))] meets \(r.target); "
      out += "free memory \(n(a.freeMeanMiB)) MiB, kswapd \(n(a.kswapdCPUPercent))% CPU (summed over nodes)\n"
    } else {
      let top = r.probes.max { $0.value < $1.value }
      out += "answer: none: at \(r.knob) = \(top.map { String($0.value) } ?? "?"), the top of the range, "
      out += "\(r.target.metric) is \(top.map { n($0.mean) } ?? "?") [\(top.map { n($0.low) } ?? "?"), "
      out += "\(top.map { n($0.high) } ?? "?")]: \(r.target) is not met\n"
    }
    if !r.monotone {
      out +=
        "note: the probes do not meet the target in one switch: \(r.target.metric) is not monotone in \(r.knob) here; "
      out += "the answer is where the bisection ended (a sweep shows the whole curve)\n"
    }
    out += "\n\(r.knob)  \(r.target.metric) mean [95% interval]  meets  free_mean_mib  kswapd_cpu_pct\n"
    for p in r.probes.sorted(by: { $0.value < $1.value }) {
      out += "\(p.value)  \(n(p.mean)) [\(n(p.low)), \(n(p.high))]  \(p.meets ? "yes" : "no")  "
      out += "\(n(p.freeMeanMiB))  \(n(p.kswapdCPUPercent))\n"
    }
    return out
  }
}
