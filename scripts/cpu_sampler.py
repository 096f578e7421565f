#!/usr/bin/env python3
"""Samples the CPU time of groups of processes every INTERVAL seconds until killed.

usage: cpu_sampler.py OUT INTERVAL
Each line of OUT: epoch_ms, then the CPU seconds (user + system, all threads, children that
were reaped not included) of three groups: the peer's browser (every process whose command line
runs chromium), the app (processes named atelier) and the X server (Xvfb). The side-by-side
script takes differences between the samples around each measured pan.
"""
import os
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def group_of(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            comm = f.read().strip()
        if comm == "atelier":
            return "app"
        if comm == "Xvfb":
            return "x"
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read()
        if b"chromium" in cmd:
            return "peer"
    except OSError:
        pass
    return None


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def main():
    out, interval = sys.argv[1], float(sys.argv[2])
    groups = {}  # pid -> group once known (a process may exec chromium after its first sample)
    seen_total = {}  # pid -> last ticks, so processes that exit keep counting
    base = {"peer": 0, "app": 0, "x": 0}
    with open(out, "w", buffering=1) as f:
        while True:
            now = time.time() * 1000.0
            live = {}
            for name in os.listdir("/proc"):
                if not name.isdigit():
                    continue
                pid = int(name)
                g = groups.get(pid) or group_of(pid)
                if g is None:
                    continue
                groups[pid] = g
                try:
                    live[pid] = (g, ticks(pid))
                except OSError:
                    pass
            for pid in list(seen_total):
                if pid not in live:  # exited: its last ticks stay in the group's total
                    g, t = seen_total.pop(pid)
                    base[g] += t
            totals = dict(base)
            for pid, (g, t) in live.items():
                seen_total[pid] = (g, t)
                totals[g] += t
            f.write(f"{now:.0f} {totals['peer'] / HZ:.3f} {totals['app'] / HZ:.3f} {totals['x'] / HZ:.3f}\n")
            time.sleep(interval)


if __name__ == "__main__":
    main()
