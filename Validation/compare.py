#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Sets a real kernel's measurements (run-real-kernel.py's CSV) beside a numasim sweep of the
same grid (`numasim sweep Configs/sweep-vm-mirror.yaml`), point by point, as a Markdown table.

  Validation/compare.py Validation/fixtures/vm-6.18-firecracker.csv Results/sweep-vm-mirror
"""
import csv
import os
import sys

COLUMNS = [
    ("free mean MiB", "free_mean_mib"), ("free min MiB", "free_min_mib"), ("pageoutrun", "pageoutrun"),
    ("low hit", "kswapd_low_wmark_hit_quickly"), ("high hit", "kswapd_high_wmark_hit_quickly"),
    ("allocstall", "allocstall_movable"), ("pgscan_direct", "pgscan_direct"), ("pgsteal_kswapd", "pgsteal_kswapd"),
    ("kswapd CPU %", "kswapd_cpu_pct_node0"), ("fault p50 ns", "fault_p50_ns"), ("fault p99 ns", "fault_p99_ns"),
]


def fail(message):
    print(f"compare: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 3:
        fail("usage: compare.py REAL.csv SWEEP_DIR")
    real_path, sweep = sys.argv[1], sys.argv[2]
    runs_path = os.path.join(sweep, "sweep.csv")
    for path in (real_path, runs_path):
        if not os.path.exists(path):
            fail(f"{path}: no such file")
    with open(real_path) as f:
        real = list(csv.DictReader(f))
    with open(runs_path) as f:
        sim = list(csv.DictReader(f))
    key = lambda r, t: (int(float(r["watermark_scale_factor"])), int(float(r["min_free_kbytes"])), int(float(t)))
    simulated = {key(r, r["workload[2].threads"]): r for r in sim}
    print("| wsf | min_free_kbytes | threads | | " + " | ".join(name for name, _ in COLUMNS) + " |")
    print("| --- " * (4 + len(COLUMNS)) + "|")
    for r in real:
        k = key(r, r["threads"])
        s = simulated.get(k)
        if s is None:
            fail(f"{runs_path}: no point for watermark_scale_factor={k[0]} min_free_kbytes={k[1]} threads={k[2]}")
        for label, row in (("real", r), ("numasim", s)):
            cells = []
            for _, column in COLUMNS:
                v = row.get(column, "")
                try:
                    x = float(v)
                    cells.append(f"{x:.0f}" if abs(x) >= 10 or x == 0 else f"{x:.2f}")
                except ValueError:
                    cells.append(v)
            print(f"| {k[0]} | {k[1]} | {k[2]} | {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
