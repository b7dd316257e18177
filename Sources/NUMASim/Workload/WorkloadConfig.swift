// SPDX-License-Identifier: MIT

/// The workload of a scenario: the task groups that allocate memory, in config order.
///
/// Read from the `workload:` section, a list of task groups:
/// ```yaml
/// workload:
///   - name: db-buffer-pool
///     cpus: 0-3            # or [0, 1, 2, 3], or node: 0; default: every CPU
///     arrival: {poisson: 20000}          # requests per second
///     order: 0
///     kind: anon
///     policy: local
///     lifetime: until_reclaimed
///     access: {reference_interval: "exponential(mean=0.05)", hot_fraction: 0.3}
///     shared: {fraction: 0.1, mapcount: "uniform(low=2, high=8)"}
///   - name: io-bursts
///     node: 1
///     arrival: {on_off: {rate: 200000, on: "exponential(mean=0.2)", off: "exponential(mean=2)"}}
///     order: {0: 0.95, 2: 0.05}
///     kind: file_clean
///     gfp: GFP_HIGHUSER_MOVABLE
///     lifetime: "exponential(mean=5)"
///   - name: phases
///     cpus: [4]
///     arrival: {phases: [{at: 0s, poisson: 1000}, {at: 10s, poisson: 50000}]}
///     kind: kernel
/// ```
///
/// Keys of a group (all but `name` and `arrival` optional):
/// - `name`: unique; it names the group's random streams.
/// - `cpus` (`[0, 1]`, `0-3`, `0,2,4-5`) or `node` (that node's CPUs); default every CPU.
/// - `arrival`: one of `poisson: RATE`, `constant: INTERVAL` (or `constant: RATE/s`),
///   `on_off: {rate: RATE, on: TIME, off: TIME}`, `phases: [{at: DURATION, <process>}, ...]`
///   (see ``ArrivalProcess``). A RATE is requests per second (`20000`, `20000/s`, `20/ms`)
///   or bytes per second (`400MB/s`, binary units), divided by the mean request size of
///   `order` to give requests per second.
/// - `order`: an order 0...10, or weights per order (`{0: 0.9, 9: 0.1}`); default 0.
/// - `kind`: `anon` (default), `file_clean`, `file_dirty`, `slab`, `kernel`.
/// - `gfp`: `GFP_KERNEL | __GFP_THISNODE` and so on; default the kind's class
///   (``PageKind/defaultGFP``).
/// - `policy`: `local` (default), `preferred:N`, `bind:NODES`, `interleave:NODES`.
/// - `lifetime`: `until_reclaimed` (default) or a TIME.
/// - `access`: `{reference_interval: TIME, hot_fraction: 0...1}` (see ``AccessPattern``);
///   `hot_fraction` defaults to 1 when an interval is given.
/// - `shared`: `{fraction: 0...1, mapcount: DIST}` or just the fraction; mapcount
///   default 2 (see ``SharedMapping``). Not for slab or kernel pages.
/// - `limit`: the most the group holds at once, a size (`512MiB`) or `N pages`; at the limit
///   the group issues no requests until it holds less.
/// - `start`, `stop`: DURATIONs (`100ms`, `2s`, `500us`, `1.5s`; a unit is required).
///
/// A TIME is a duration (a constant) or a distribution in seconds (`exponential(mean=0.2)`);
/// a DIST is a distribution or a plain number.
public struct WorkloadConfig: Hashable, Sendable {
  /// The task groups, in config order.
  public var groups: [TaskGroup]

  /// A workload of `groups`.
  public init(groups: [TaskGroup]) { self.groups = groups }
}
