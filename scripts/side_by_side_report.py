#!/usr/bin/env python3
"""Ratios of the side-by-side benchmark (scripts/side-by-side.sh).

usage: side_by_side_report.py RECORDS.jsonl CPU.log [--last]
RECORDS: {"round", "side": "peer"|"app", "record": the harness's JSON} per run.
CPU.log: cpu_sampler.py's samples. CPU per frame = (the side's processes + the X server) over
the record's measured pan, interpolated between samples, divided by its frames.
--last prints the last pair only; otherwise every pair, then the medians of the in-round ratios.
"""
import bisect
import json
import statistics
import sys


def load_cpu(path):
    rows = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                rows.append((float(parts[0]), float(parts[1]), float(parts[2]), float(parts[3])))
    return rows


def cpu_at(rows, t, column):
    times = [r[0] for r in rows]
    i = bisect.bisect_left(times, t)
    if i <= 0:
        return rows[0][column]
    if i >= len(rows):
        return rows[-1][column]
    (t0, *a), (t1, *b) = rows[i - 1], rows[i]
    w = (t - t0) / (t1 - t0) if t1 > t0 else 0
    return a[column - 1] + w * (b[column - 1] - a[column - 1])


def cpu_per_frame(rows, rec, side):
    column = 1 if side == "peer" else 2
    t0, t1 = rec.get("pan_start_epoch_ms"), rec.get("pan_end_epoch_ms")
    frames = rec.get("frames") or 0
    if not rows or t0 is None or t1 is None or frames <= 0:
        return None
    own = cpu_at(rows, t1, column) - cpu_at(rows, t0, column)
    x = cpu_at(rows, t1, 3) - cpu_at(rows, t0, 3)
    return (own + x) * 1000.0 / frames


def pairs(records):
    out, pending = [], {}
    for r in records:
        rec = r["record"]
        key = (r["round"], rec["n"], rec["scenario"])
        if r["side"] == "peer":
            pending[key] = rec
        elif key in pending:
            out.append((key, pending.pop(key), rec))
    return out


def describe(key, peer, app, rows):
    rnd, n, scenario = key
    pc, ac = cpu_per_frame(rows, peer, "peer"), cpu_per_frame(rows, app, "app")
    fr = app["frame_median_ms"] / peer["frame_median_ms"] if peer.get("frame_median_ms") else None
    cr = ac / pc if pc and ac is not None else None
    note = ""
    if peer.get("zoom_clamped_to_excalidraw_min"):
        note = f" (the peer stops at 10 %: {peer.get('visible_notes', '?')} notes on its screen, all {n} on the app's)"
    fill = app.get("screens_of_fill")
    line = (f"round {rnd}  N={n:<6} {scenario:<5} frame: peer {peer['frame_median_ms']:7.1f} ms  app {app['frame_median_ms']:7.1f} ms"
            f"  ratio {fr:5.2f} | cpu/frame: peer {pc or 0:7.1f} ms  app {ac or 0:7.1f} ms  ratio {(cr or 0):5.2f}"
            f" | app zoom {app['zoom']}, fill {fill} screens{note}")
    return fr, cr, line


def main():
    records = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    rows = load_cpu(sys.argv[2])
    ps = pairs(records)
    if "--last" in sys.argv:
        if ps:
            print(describe(*ps[-1], rows)[2])
        return
    ratios = {}
    for key, peer, app in ps:
        fr, cr, line = describe(key, peer, app, rows)
        print(line)
        ratios.setdefault((key[1], key[2]), []).append((fr, cr))
    print("\nmedian of the in-round ratios (app / peer); target <= 1, and <= 0.5 at N >= 2000 fit")
    for (n, scenario), values in sorted(ratios.items()):
        target = 0.5 if n >= 2000 and scenario == "fit" else 1.0
        fr = statistics.median(v[0] for v in values if v[0] is not None)
        cs = [v[1] for v in values if v[1] is not None]
        cr = statistics.median(cs) if cs else float("nan")
        verdict = "PASS" if fr <= target and cr <= target else "MISS"
        print(f"{verdict}  N={n:<6} {scenario:<5} frame interval {fr:5.2f}  cpu per frame {cr:5.2f}  (target {target}, {len(values)} rounds)")


if __name__ == "__main__":
    main()
