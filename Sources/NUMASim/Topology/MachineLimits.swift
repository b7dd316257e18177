// SPDX-License-Identifier: MIT

/// The largest machine the simulator builds: the kernel's own ceilings, and the memmap's index.
public enum MachineLimits {
  /// `MAX_NUMNODES` = `1 << CONFIG_NODES_SHIFT`, whose upper bound on x86-64 is 10
  /// (arch/x86/Kconfig, `NODES_SHIFT` range 1 10).
  public static let nodes = 1 << 10
  /// `CONFIG_NR_CPUS`'s upper bound on x86-64 with `MAXSMP` (arch/x86/Kconfig: 8192).
  public static let cpus = 8192
  /// Page frames the simulator's memmap can index: 32-bit page indices, one kept for
  /// "no page" (just under 16 TiB of 4 KiB frames).
  public static let frames = Int(UInt32.max) - 1
  /// The most bytes of memory a machine may have: `frames` pages.
  public static let bytes = frames * Pages.size
}
