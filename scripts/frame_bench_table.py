#!/usr/bin/env python3
"""Prints bench/frame_bench.sh's JSON records (stdin) as a table."""
import json
import sys

print(f"{'notes':>7} {'zoom':>6} {'frame median':>13} {'p95':>8} {'cpu/frame':>10} {'fill':>8} {'worst fill':>10} {'redraws':>8}"
      f" {'first frame':>12} {'VmHWM':>8}")
for line in sys.stdin:
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    fill = f"{r['screens_of_fill']:.2f}" if "screens_of_fill" in r else "?"
    worst = f"{r['screens_of_fill_max']:.2f}" if "screens_of_fill_max" in r else "?"
    # the board's layer drawn again during the pan (none: null, ATELIER_NO_FRAME_LAYER=1)
    redraws = "-" if r.get("layer_redraws") is None else str(r["layer_redraws"])
    print(f"{r['n']:>7} {r['scenario']:>6} {r['frame_median_ms']:>10.1f} ms {r['frame_p95_ms']:>5.1f} ms {r['cpu_ms_per_frame']:>7.1f} ms"
          f" {fill:>8} {worst:>10} {redraws:>8} {r['first_frame_ms']:>9.0f} ms {r['vmhwm_mb']:>5.0f} MB")
