#!/usr/bin/env python3
"""N simulated phones against `atelier serve` on loopback (issue 18, « Security and load »).

Not a test (not in CI). Generates an event (14 teams, 15 members each, a challenge, an open vote
round per team), serves it, and runs N phones (threads), each like the page: join its team, pick
its name, poll the change feed every second (`since=R`), write a note every 10 s (a random client
id, resent with the same id after a failure, as the page's drafts are) and cast or withdraw a dot.
Afterwards it stops the server and compares the event file with what was acknowledged.

    python3 bench/phones_bench.py BUILD/app/atelier [--phones 200] [--seconds 300]

With --gui, the GUI's frame time instead (« with 200 phones the GUI's p95 frame time stays within
1.1x of the same board without them »): the real app's frame benchmark (--bench-pan, app/
frame_bench.cpp) on team 1's board of a generated event (--board notes), twice: participation
closed, then open in the app (hidden --participation-port) with N phones joined and writing during
the pan, in interleaved rounds (--rounds, 3). Prints each round's p95 and ratio, and the median of
the ratios. Needs a display (DISPLAY, e.g. Xvfb; else xvfb-run -a); the phones' threads run at
nice 19, as they are other devices in a room.

    python3 bench/phones_bench.py BUILD/app/atelier --gui [--phones 200] [--board 2000] [--pan 10] [--rounds 3]
Standard library only."""
import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

CODE = "BENCH1"
TEAMS = 14
MEMBERS_PER_TEAM = 15
BUDGET = 5


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def prepare(binary, db):
    env = dict(os.environ, ATELIER_LANG="fr")
    subprocess.run([binary, "new", db, "--name", "Banc d’essai 200 téléphones"], check=True, env=env, capture_output=True)
    actions = [{"action": "add_challenge", "id": "2001", "number": 1, "question": "Comment mieux accueillir les usagers ?"}]
    teams = []
    for t in range(TEAMS):
        team = str(1001 + t)
        members = [str(10000 + t * 100 + m) for m in range(MEMBERS_PER_TEAM)]
        teams.append((team, members))
        actions.append({"action": "add_team", "id": team, "name": "Équipe %d" % (t + 1), "challenge": "2001"})
        for m, member in enumerate(members):
            actions.append({"action": "add_member", "id": member, "team": team, "name": "Personne %d-%d" % (t + 1, m + 1)})
        actions.append({"action": "open_vote_round", "id": str(5001 + t), "team": team, "budget": BUDGET})
    text = "\n".join(json.dumps(a, ensure_ascii=False) for a in actions) + "\n"
    out = subprocess.run([binary, "apply", db], input=text, text=True, capture_output=True, env=env)
    if out.returncode != 0:
        raise SystemExit("atelier apply failed: " + out.stderr)
    return teams, env


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.write_ms = []          # send → reply (the reply comes after the commit)
        self.poll_ms = []
        self.statuses = Counter()   # (request kind, status, reason)
        self.errors = Counter()     # connection-level failures
        self.acknowledged = {}      # client id → (note id, send time, author phone)
        self.sent = set()           # every client id sent at least once
        self.seen = {}              # note id → [(time, phone)] first sightings in feeds
        self.resends = 0
        self.joined = 0

    def status(self, kind, status, reason):
        with self.lock:
            self.statuses[(kind, status, reason)] += 1


class Phone(threading.Thread):
    def __init__(self, index, port, team, member, stats, stop_at, start_at):
        # member: its id, or an index into the team's members as the feed lists them (--gui)
        super().__init__(daemon=True)
        self.index, self.port, self.team, self.member = index, port, team, member
        self.stats, self.stop_at, self.start_at = stats, stop_at, start_at
        self.token = None
        self.revision = 0
        self.notes = []          # the team's note ids, from the feed
        self.my_dots = {}
        self.rng = random.Random(secrets.randbits(64))
        self.nice = 0  # --gui: this thread's niceness (the main thread, which starts the apps, keeps 0)

    def request(self, method, path, body=None, kind="?"):
        headers = {"X-Atelier-Code": CODE, "Content-Type": "application/json"}
        if self.token:
            headers["X-Atelier-Device"] = self.token
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        try:
            conn.request(method, path, body=data, headers=headers)
            res = conn.getresponse()
            payload = res.read()
            answer = json.loads(payload.decode("utf-8")) if payload else {}
            reason = "" if res.status == 200 else answer.get("reason", "")
            self.stats.status(kind, res.status, reason)
            return res.status, answer
        except (OSError, http.client.HTTPException, ValueError) as e:
            with self.stats.lock:
                self.stats.errors[(kind, type(e).__name__)] += 1
            return None, {}
        finally:
            conn.close()

    def write(self, body, kind):
        """Sends until answered (the page keeps a draft and resends it with the same id)."""
        for attempt in range(20):
            if attempt:
                with self.stats.lock:
                    self.stats.resends += 1
            sent = time.monotonic()
            status, answer = self.request("POST", "/api/do", body, kind)
            elapsed = (time.monotonic() - sent) * 1000
            if status == 200:
                return sent, elapsed, answer
            if status == 400:
                return sent, elapsed, None
            time.sleep(1.0 if status == 429 else 0.5)
        return None, None, None

    def poll(self):
        sent = time.monotonic()
        status, answer = self.request("GET", "/api/state?since=%d" % self.revision, kind="poll")
        now = time.monotonic()
        if status != 200:
            return
        with self.stats.lock:
            self.stats.poll_ms.append((now - sent) * 1000)
        if answer.get("unchanged"):
            return
        self.revision = answer.get("revision", 0)
        self.notes = [n["id"] for n in answer.get("notes", [])]
        self.my_dots = answer.get("my_dots", {})
        with self.stats.lock:
            for note in self.notes:
                sightings = self.stats.seen.setdefault(note, [])
                if len(sightings) < 2 and all(p != self.index for _, p in sightings):
                    sightings.append((now, self.index))

    def note(self, number):
        client = secrets.token_hex(16)
        with self.stats.lock:
            self.stats.sent.add(client)
        body = {"do": "add_note", "client_id": client, "text": "Idée %d du téléphone %d [%s]" % (number, self.index, client)}
        sent, elapsed, answer = self.write(body, "add_note")
        if answer and answer.get("ok"):
            with self.stats.lock:
                self.stats.write_ms.append(elapsed)
                self.stats.acknowledged[client] = (answer["id"], sent, self.index)

    def vote(self):
        used = sum(self.my_dots.values()) if self.my_dots else 0
        if used >= BUDGET and self.my_dots:
            self.write({"do": "withdraw_vote", "note": self.rng.choice(list(self.my_dots))}, "withdraw_vote")
        elif self.notes:
            self.write({"do": "cast_vote", "note": self.rng.choice(self.notes)}, "cast_vote")

    def run(self):
        if self.nice:
            os.nice(self.nice)  # Linux: this thread only
        time.sleep(max(0, self.start_at - time.monotonic()))
        for _ in range(30):  # as the page: a join refused for its rate is retried a second later
            status, joined = self.request("POST", "/api/do", {"do": "join", "team": self.team}, "join")
            if status == 200:
                break
            time.sleep(1)
        else:
            with self.stats.lock:
                self.stats.errors[("join", "gave up")] += 1
            return
        with self.stats.lock:
            self.stats.joined += 1
        self.token = joined["token"]
        if isinstance(self.member, int):
            _, view = self.request("GET", "/api/state?since=0", kind="poll")
            members = view.get("members", [])
            self.member = members[self.member % len(members)]["id"] if members else ""
        self.write({"do": "pick_member", "member": self.member, "confirm": True}, "pick_member")
        next_poll = time.monotonic()
        next_note = next_poll + self.rng.uniform(0, 10)
        next_vote = next_poll + self.rng.uniform(5, 15)
        number = 0
        while time.monotonic() < self.stop_at:
            now = time.monotonic()
            if now >= next_note:
                number += 1
                self.note(number)
                next_note += 10
            elif now >= next_vote:
                self.vote()
                next_vote += 15
            elif now >= next_poll:
                self.poll()
                next_poll += 1
            else:
                time.sleep(min(next_poll, next_note, next_vote) - now)


def vm_hwm(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(("VmHWM", "VmRSS")):
                    yield line.split(":")[0], line.split(":")[1].strip()
    except OSError:
        return


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def frame_record(binary, db, pan, settle, env, participation_port=None):
    """One run of the app's frame benchmark; its JSON record."""
    cmd = [binary, db, "--team", "1", "--size", "1920x1080", "--bench-pan", str(pan), "--bench-zoom", "fit",
           "--bench-settle", str(settle), "--bench-label", "phones" if participation_port else "no phones"]
    if participation_port:
        cmd += ["--participation-port", str(participation_port), "--participation-code", CODE]
    if not os.environ.get("DISPLAY"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24 -nolisten tcp"] + cmd
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def gui_main(args):
    work = tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    db = os.path.join(work.name, "event.atelier")
    env = dict(os.environ, ATELIER_LANG="fr", LIBGL_ALWAYS_SOFTWARE="1", GALLIUM_DRIVER="llvmpipe",
               HOME=work.name, XDG_CONFIG_HOME=os.path.join(work.name, ".config"), XDG_DATA_HOME=os.path.join(work.name, ".local"))
    subprocess.run([args.atelier, "generate", db, "--scale", "1", "--board", str(args.board)], check=True, env=env, capture_output=True)
    with sqlite3.connect(db) as con:
        teams = [r[0] for r in con.execute("SELECT id FROM team ORDER BY id")]
        members = Counter(r[0] for r in con.execute("SELECT team_id FROM member"))
    # Enough names for every phone, and a vote round open in every team.
    per_team = -(-args.phones // len(teams))
    actions = []
    for t in teams:
        for m in range(members[t], per_team):
            actions.append({"action": "add_member", "team": str(t), "name": "Téléphone %d-%d" % (t % 1000, m)})
        actions.append({"action": "open_vote_round", "team": str(t), "budget": BUDGET})
    text = "\n".join(json.dumps(a, ensure_ascii=False) for a in actions) + "\n"
    subprocess.run([args.atelier, "apply", db], input=text, text=True, capture_output=True, env=env)
    ramp = 5.0
    settle = ramp + 4.0  # every phone joined and named before the measured pan
    ratios, rounds_ok = [], True
    print("== the GUI's frame time with and without %d phones (%s; %d cores) ==" % (
        args.phones, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count()), flush=True)
    # Interleaved rounds, the ratio taken inside each: the machine's load (and a virtual
    # machine's stolen time) changes between minutes, not between the two halves of a round.
    for round_number in range(1, args.rounds + 1):
        records = {}
        for label in ("no phones", "phones"):
            records[label] = gui_record(args, db, env, teams, label, ramp, settle)
        base, loaded = records["no phones"], records["phones"]
        ratio = loaded["frame_p95_ms"] / base["frame_p95_ms"] if base["frame_p95_ms"] else float("nan")
        ratios.append(ratio)
        rounds_ok = rounds_ok and loaded.get("phones_joined", 0) == args.phones
        if args.verbose:
            for label, r in records.items():
                print("%-10s %s" % (label, json.dumps(r, ensure_ascii=False)))
        print("round %d (load %s): p95 frame %.2f ms without phones, %.2f ms with %d (%d joined, %d notes and %d dots written, "
              "add_note p95 %.0f ms); median %.2f / %.2f ms; ratio %.2f"
              % (round_number, " ".join(open("/proc/loadavg").read().split()[:3]), base["frame_p95_ms"], loaded["frame_p95_ms"],
                 args.phones, loaded.get("phones_joined", 0), loaded.get("notes_acknowledged", 0), loaded.get("dots_written", 0),
                 loaded.get("add_note_p95_ms", 0), base["frame_median_ms"], loaded["frame_median_ms"], ratio), flush=True)
    print("team 1's board of %d notes, fit, %s s pan, %d rounds: median of the rounds' p95 ratios %.2f (target <= 1.10)"
          % (args.board, args.pan, args.rounds, percentile(ratios, 50)))
    return 0 if rounds_ok else 1


def gui_record(args, db, env, teams, label, ramp, settle):
    """One run of the app's frame benchmark, with or without the phones; its JSON record."""
    port = free_port() if label == "phones" else None
    run_db = db + ".run"  # every run on the same board: the last run's phones' notes are not in it
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(run_db + suffix):
            os.remove(run_db + suffix)
    shutil.copyfile(db, run_db)
    app = frame_record(args.atelier, run_db, args.pan, settle, env, port)
    stats = Stats()
    phones = []
    if port:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
                break
            except OSError:
                time.sleep(0.1)
        begin = time.monotonic()
        stop_at = begin + settle + args.pan + 10
        for i in range(args.phones):
            phone = Phone(i, port, str(teams[i % len(teams)]), i // len(teams), stats, stop_at, begin + ramp * i / args.phones)
            phone.nice = args.nice  # the phones are other devices: by default they yield the CPU to the app
            phones.append(phone)
        for p in phones:
            p.start()
    out, err = app.communicate(timeout=settle + args.pan + 120)
    for p in phones:
        p.stop_at = 0
    for p in phones:
        p.join(20)
    lines = [l for l in out.splitlines() if l.startswith("{")]
    if app.returncode != 0 or not lines:
        raise SystemExit("the app's frame benchmark failed (%s): %s" % (label, err[-2000:]))
    record = json.loads(lines[-1])
    if port:
        record["phones_joined"] = stats.joined
        record["notes_acknowledged"] = len(stats.acknowledged)
        record["dots_written"] = sum(n for (kind, status, _), n in stats.statuses.items() if kind.endswith("_vote") and status == 200)
        record["polls"] = len(stats.poll_ms)
        record["add_note_p95_ms"] = round(percentile(stats.write_ms, 95), 1)
        record["answers"] = {"%s %s %s" % k: n for k, n in sorted(stats.statuses.items())}
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("atelier", help="path to the atelier binary")
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--gui", action="store_true", help="the GUI's frame time with and without the phones")
    parser.add_argument("--board", type=int, default=2000, help="with --gui: notes on team 1's board")
    parser.add_argument("--pan", type=float, default=10, help="with --gui: seconds of measured pan")
    parser.add_argument("--nice", type=int, default=19, help="with --gui: the phones' niceness (0: they compete with the app)")
    parser.add_argument("--rounds", type=int, default=3, help="with --gui: interleaved rounds; the median of their ratios")
    parser.add_argument("--verbose", action="store_true", help="with --gui: every run's whole record")
    args = parser.parse_args()
    if args.gui:
        threading.stack_size(256 * 1024)
        return gui_main(args)
    if args.phones > TEAMS * MEMBERS_PER_TEAM:
        raise SystemExit("at most %d phones (%d teams of %d members)" % (TEAMS * MEMBERS_PER_TEAM, TEAMS, MEMBERS_PER_TEAM))
    threading.stack_size(256 * 1024)

    work = tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    db = os.path.join(work.name, "event.atelier")
    teams, env = prepare(args.atelier, db)
    server = subprocess.Popen([args.atelier, "serve", db, "--port", "0", "--bind", "127.0.0.1", "--code", CODE],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    port = None
    deadline = time.time() + 20
    while time.time() < deadline and port is None:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("atelier serve ended: " + server.stderr.read())
        m = re.match(r"join http://[^/]+:(\d+)/", line)
        if m:
            port = int(m.group(1))
    if port is None:
        raise SystemExit("atelier serve printed no join address")
    # Keep draining its output so that it never blocks on a full pipe.
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

    load_before = open("/proc/loadavg").read().split()[:3]
    stats = Stats()
    begin = time.monotonic()
    ramp = min(10.0, args.seconds / 5)  # phones arrive over a few seconds, as in a room
    stop_at = begin + args.seconds
    phones = []
    for i in range(args.phones):
        team, members = teams[i % TEAMS]
        phones.append(Phone(i, port, team, members[i // TEAMS], stats, stop_at, begin + ramp * i / args.phones))
    for p in phones:
        p.start()
    hwm = {}
    while time.monotonic() < stop_at:
        time.sleep(min(5, max(0.1, stop_at - time.monotonic())))
        hwm = dict(vm_hwm(server.pid)) or hwm
    for p in phones:
        p.join(30)
    hwm = dict(vm_hwm(server.pid)) or hwm
    load_after = open("/proc/loadavg").read().split()[:3]
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()

    # The event file against what was acknowledged: one note per client id, no more, no less.
    with sqlite3.connect("file:" + db + "?mode=ro", uri=True) as con:
        texts = [r[0] for r in con.execute("SELECT text FROM note")]
    in_file = Counter()
    for text in texts:
        m = re.search(r"\[([0-9a-f]{32})\]$", text)
        if m:
            in_file[m.group(1)] += 1
    acknowledged = set(stats.acknowledged)
    lost = sorted(c for c in acknowledged if in_file[c] == 0)
    doubled = sorted(c for c, n in in_file.items() if n > 1)
    unacknowledged_saved = sorted(c for c in in_file if c not in acknowledged)
    never_answered = len(stats.sent - acknowledged)

    feed_ms = []
    for client, (note_id, sent, author) in stats.acknowledged.items():
        other = [t for t, p in stats.seen.get(note_id, []) if p != author]
        if other:
            feed_ms.append((other[0] - sent) * 1000)

    print("== %d phones on loopback for %.0f s against atelier serve (%s) ==" % (args.phones, args.seconds, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    print("machine: %d cores; load average before %s, after %s" % (os.cpu_count(), " ".join(load_before), " ".join(load_after)))
    print("phones joined: %d of %d" % (stats.joined, args.phones))
    print("notes: %d sent, %d acknowledged, %d in the event file; lost %d, doubled %d, saved but not acknowledged %d, never answered %d, resends %d"
          % (len(stats.sent), len(acknowledged), sum(in_file.values()), len(lost), len(doubled), len(unacknowledged_saved), never_answered, stats.resends))
    print("send → reply (after the commit), add_note: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d)"
          % (percentile(stats.write_ms, 50), percentile(stats.write_ms, 95), max(stats.write_ms or [0]), len(stats.write_ms)))
    print("send → in another phone's feed (same team): p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d notes seen by another phone)"
          % (percentile(feed_ms, 50), percentile(feed_ms, 95), max(feed_ms or [0]), len(feed_ms)))
    print("poll (change feed): p50 %.1f ms, p95 %.1f ms (%d polls)" % (percentile(stats.poll_ms, 50), percentile(stats.poll_ms, 95), len(stats.poll_ms)))
    print("answers by kind:")
    for (kind, status, reason), n in sorted(stats.statuses.items()):
        print("  %-14s %3d %-14s %d" % (kind, status, reason, n))
    for (kind, error), n in sorted(stats.errors.items()):
        print("  %-14s --- %-14s %d" % (kind, error, n))
    print("server memory: VmHWM %s (VmRSS at the end %s)" % (hwm.get("VmHWM", "?"), hwm.get("VmRSS", "?")))
    if lost or doubled or stats.joined < args.phones:
        print("FAULT: lost %s doubled %s" % (lost[:5], doubled[:5]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
