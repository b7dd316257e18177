#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the reclaim scenario on the real kernel of this machine and writes what it did in
numasim's summary.csv column names.

The scenario: `hold` keeps HOLD MiB of anonymous memory touched (the rest of the machine is
the memory the scenario plays in); a reader streams a file larger than that memory through
the page cache (use-once, at --reader-mb-s or as fast as it can); after --warmup seconds
`faulter` runs THREADS threads that each map --size-mib of anonymous memory, touch it as fast
as the fault path allows, hold it --hold-ms, unmap it, and repeat for --duration seconds.
Over that window the script records /proc/vmstat deltas, free pages (nr_free_pages every
100 ms), kswapd's CPU time (/proc/<pid>/stat) and the faulter's per-fault latency.

Every point of the grid --wsf x --mfk x --threads is one row of --output. The vm sysctls it
changes are restored when it ends, however it ends. Needs root and gcc.

  sudo Validation/run-real-kernel.py --output Validation/fixtures/vm-6.18.csv
"""
import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
COUNTERS = [
    "allocstall_dma", "allocstall_dma32", "allocstall_normal", "allocstall_movable",
    "pgscan_kswapd", "pgscan_direct", "pgscan_direct_throttle", "pgsteal_kswapd", "pgsteal_direct",
    "pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file", "pgrefill",
    "kswapd_low_wmark_hit_quickly", "kswapd_high_wmark_hit_quickly", "pageoutrun", "oom_kill",
    "compact_stall", "compact_fail", "compact_success", "compact_daemon_wake", "pgalloc_movable", "pgalloc_normal",
]
SYSCTLS = ["min_free_kbytes", "watermark_scale_factor"]
PAGE = os.sysconf("SC_PAGE_SIZE")


def fail(message):
    print(f"run-real-kernel: {message}", file=sys.stderr)
    sys.exit(1)


def vmstat():
    values = {}
    with open("/proc/vmstat") as f:
        for line in f:
            key, value = line.split()
            values[key] = int(value)
    return values


def sysctl_path(name):
    return f"/proc/sys/vm/{name}"


def read_sysctl(name):
    with open(sysctl_path(name)) as f:
        return f.read().strip()


def write_sysctl(name, value):
    with open(sysctl_path(name), "w") as f:
        f.write(str(value))


def kswapd_pids():
    pids = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        if comm.startswith("kswapd") and comm[6:].isdigit():
            pids[int(comm[6:])] = int(pid)
    return pids


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sched_seconds(pid):
    """Time on CPU from the scheduler's own clock (`sum_exec_runtime`), not from ticks."""
    with open(f"/proc/{pid}/schedstat") as f:
        return int(f.read().split()[0]) / 1e9


def build(tools):
    for name in ["faulter", "hold"]:
        subprocess.run(
            ["gcc", "-O2", "-Wall", "-pthread", "-o", os.path.join(tools, name), os.path.join(HERE, f"{name}.c")],
            check=True)


def reader(path, mb_per_s):
    """The use-once page-cache stream: reads `path` again and again, 1 MiB at a time."""
    chunk = 1 << 20
    start = time.monotonic()
    done = 0
    while True:
        with open(path, "rb", buffering=0) as f:
            while f.read(chunk):
                done += chunk
                if mb_per_s > 0:
                    ahead = done / (mb_per_s * 1e6) - (time.monotonic() - start)
                    if ahead > 0:
                        time.sleep(ahead)


def make_file(path, gib):
    if os.path.exists(path) and os.path.getsize(path) >= gib << 30:
        return
    print(f"writing {gib} GiB to {path}", file=sys.stderr)
    subprocess.run(["dd", "if=/dev/zero", f"of={path}", "bs=1M", f"count={gib << 10}", "oflag=direct",
                    "status=none"], check=True)


def run_point(args, tools, threads, wsf, mfk):
    write_sysctl("watermark_scale_factor", wsf)
    write_sysctl("min_free_kbytes", mfk)
    subprocess.run(["sync"], check=True)
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3")
    hold = subprocess.Popen([os.path.join(tools, "hold"), str(args.hold_mib)], stdout=subprocess.PIPE, text=True)
    children = [hold]
    try:
        if hold.stdout.readline().strip() != "ready":
            fail("hold did not get its memory")
        stream = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--reader", args.file, str(args.reader_mb_s)])
        children.append(stream)
        time.sleep(args.warmup)
        pids = kswapd_pids()
        before = vmstat()
        cpu_before = {n: cpu_seconds(p) for n, p in pids.items()}
        sched_before = {n: sched_seconds(p) for n, p in pids.items()}
        faulter = subprocess.Popen(
            [os.path.join(tools, "faulter"), str(threads), str(args.size_mib), str(args.hold_ms), str(args.duration)],
            stdout=subprocess.PIPE, text=True)
        children.append(faulter)
        start = time.monotonic()
        free = []
        while faulter.poll() is None:
            free.append(vmstat()["nr_free_pages"])
            time.sleep(0.1)
        window = time.monotonic() - start
        after = vmstat()
        cpu_after = {n: cpu_seconds(p) for n, p in pids.items()}
        sched_after = {n: sched_seconds(p) for n, p in pids.items()}
        out = faulter.stdout.read()
        if faulter.returncode != 0:
            fail(f"faulter failed ({faulter.returncode})")
        row = {k: after.get(k, 0) - before.get(k, 0) for k in COUNTERS}
        row["free_mean_mib"] = round(sum(free) / max(len(free), 1) * PAGE / 2**20, 3)
        row["free_min_mib"] = round(min(free) * PAGE / 2**20, 3) if free else 0
        for n in sorted(pids):
            row[f"kswapd_cpu_pct_node{n}"] = round((cpu_after[n] - cpu_before[n]) / window * 100, 3)
            row[f"kswapd_schedstat_cpu_pct_node{n}"] = round((sched_after[n] - sched_before[n]) / window * 100, 3)
        for pair in out.split():
            key, value = pair.split("=")
            row[key] = value
        row["window_s"] = round(window, 3)
        return row
    finally:
        for child in reversed(children):
            if child.poll() is None:
                child.kill()
            child.wait()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--reader":
        reader(sys.argv[2], float(sys.argv[3]))
        return
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--output", required=True, help="the CSV to write (atomically)")
    p.add_argument("--hold-mib", type=int, default=18 * 1024, help="anonymous memory held throughout (MiB)")
    p.add_argument("--file", default="/var/tmp/numasim-stream.bin", help="the file the reader streams")
    p.add_argument("--file-gib", type=int, default=12, help="its size, written once if missing (GiB)")
    p.add_argument("--reader-mb-s", type=float, default=0, help="the reader's pace (0: as fast as it can)")
    p.add_argument("--threads", default="1,2", help="faulting threads, a list")
    p.add_argument("--size-mib", type=int, default=1024, help="each thread's burst (MiB)")
    p.add_argument("--hold-ms", type=int, default=200, help="how long a burst is held before the unmap")
    p.add_argument("--warmup", type=float, default=15, help="seconds of streaming before the window")
    p.add_argument("--duration", type=float, default=30, help="seconds of faulting measured")
    p.add_argument("--wsf", default="10,100,1000", help="vm.watermark_scale_factor values")
    p.add_argument("--mfk", default="default,262144,1048576", help="vm.min_free_kbytes values (default: the boot value)")
    args = p.parse_args()
    if os.geteuid() != 0:
        fail("needs root: it sets vm sysctls and drops caches")
    if shutil.which("gcc") is None:
        fail("needs gcc to build its drivers")
    try:
        threads = [int(t) for t in args.threads.split(",")]
        wsfs = [int(w) for w in args.wsf.split(",")]
    except ValueError as e:
        fail(f"--threads and --wsf take comma-separated integers: {e}")
    saved = {name: read_sysctl(name) for name in SYSCTLS}
    mfks = []
    for m in args.mfk.split(","):
        if m == "default":
            mfks.append(int(saved["min_free_kbytes"]))
        elif m.isdigit():
            mfks.append(int(m))
        else:
            fail(f"--mfk: '{m}' is neither 'default' nor a number of KiB")

    def restore(*_):
        for name, value in saved.items():
            write_sysctl(name, value)
        if _:
            sys.exit(130)

    signal.signal(signal.SIGINT, restore)
    signal.signal(signal.SIGTERM, restore)
    rows = []
    with tempfile.TemporaryDirectory() as tools:
        try:
            build(tools)
            make_file(args.file, args.file_gib)
            for wsf in wsfs:
                for mfk in mfks:
                    for t in threads:
                        print(f"watermark_scale_factor={wsf} min_free_kbytes={mfk} threads={t}", file=sys.stderr)
                        row = run_point(args, tools, t, wsf, mfk)
                        conditions = {
                            "kernel": platform.release(), "threads": t, "watermark_scale_factor": wsf,
                            "min_free_kbytes": mfk, "hold_mib": args.hold_mib, "file_gib": args.file_gib,
                            "reader_mb_s": args.reader_mb_s, "size_mib": args.size_mib, "hold_ms": args.hold_ms,
                            "warmup_s": args.warmup, "duration_s": args.duration,
                        }
                        rows.append({**conditions, **row})
        finally:
            restore()
    columns = list(rows[0].keys())
    tmp = args.output + ".tmp"
    with open(tmp, "w") as f:
        f.write(",".join(columns) + "\n")
        for r in rows:
            f.write(",".join(str(r.get(c, "")) for c in columns) + "\n")
    os.replace(tmp, args.output)
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
