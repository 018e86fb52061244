#!/usr/bin/env python3
"""Runs a command RUNS times (stdin from FILE when STDIN is 'stdin', stdout to /dev/null) and
prints 'best_wall_seconds best_cpu_seconds max_rss_kib': the fastest run by wall clock, the
fastest by CPU time (user + system, from wait4), and the peak RSS over all runs.
Usage: measure.py RUNS FILE stdin|arg -- CMD..."""
import os
import subprocess
import sys
import time

runs, path, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cmd = sys.argv[5:]
best, best_cpu, peak = float("inf"), float("inf"), 0
for _ in range(runs):
    with open(path, "rb") as stdin:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=stdin if mode == "stdin" else subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"measure: {' '.join(cmd)} failed with status {status}")
    best = min(best, elapsed)
    best_cpu = min(best_cpu, usage.ru_utime + usage.ru_stime)
    peak = max(peak, usage.ru_maxrss)
print(f"{best:.4f} {best_cpu:.4f} {peak}")
