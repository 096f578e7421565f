"""An event with two teams, a prototype and an open vote round (budget 2) for team A, served by the
real `atelier serve` on loopback; team B writes in private. The event is prepared before serving:
the serving engine holds the state, so later writes go through it: the phones' through the API,
the facilitator's (« Dévoiler ») through `serve --facilitator-stdin` (Served.facilitator)."""
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.request

CODE = "TEST42"


class Served:
    def __init__(self, binary):
        self.binary = binary
        self.dir = tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR", "/dev/shm" if os.path.isdir("/dev/shm") else None))
        self.db = os.path.join(self.dir.name, "event.atelier")
        env = dict(os.environ, ATELIER_LANG="fr")
        self.env = env
        subprocess.run([binary, "new", self.db, "--name", "Université d'été"], check=True, env=env, capture_output=True)
        self.team_a = "1001"
        self.team_b = "1002"
        actions = [
            {"action": "add_challenge", "id": "2001", "number": 1, "question": "Comment accueillir mieux les usagers ?"},
            {"action": "add_team", "id": self.team_a, "name": "Équipe A", "challenge": "2001"},
            {"action": "add_team", "id": self.team_b, "name": "Équipe B"},
            {"action": "add_member", "id": "3001", "team": self.team_a, "name": "Alice"},
            {"action": "add_member", "id": "3002", "team": self.team_a, "name": "Bruno"},
            {"action": "add_member", "id": "3003", "team": self.team_b, "name": "Carla"},
            {"action": "add_member", "id": "3004", "team": self.team_b, "name": "Denis"},
            {"action": "set_private_writing", "team": self.team_b, "on": True},
            {"action": "add_prototype", "id": "4001", "team": self.team_a, "title": "Guichet mobile"},
            {"action": "open_vote_round", "id": "5001", "team": self.team_a, "budget": 2},
            {"action": "start_timer", "id": "6001", "team": self.team_a, "seconds": 600, "label": "Idéation"},
        ]
        self.apply(actions)
        self.proc = subprocess.Popen([binary, "serve", self.db, "--port", "0", "--bind", "127.0.0.1", "--code", CODE, "--facilitator-stdin"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        self.stands = {}
        self.base = None
        deadline = time.time() + 20
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("atelier serve ended: " + self.proc.stderr.read())
            m = re.match(r"join (http://[^/]+)/\?c=(\w+)", line)
            if m:
                self.base = m.group(1)
            m = re.match(r"stand (\S+) (.*)", line)
            if m:
                self.stands[m.group(2).strip()] = m.group(1)
            if self.base and self.stands:
                break
        if not self.base:
            raise RuntimeError("atelier serve printed no join address")
        self.port = int(self.base.rsplit(":", 1)[1])

    def apply(self, actions):
        text = "\n".join(json.dumps(a, ensure_ascii=False) for a in actions) + "\n"
        out = subprocess.run([self.binary, "apply", self.db], input=text, text=True, capture_output=True, env=self.env)
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]

    def facilitator(self, action):
        """A facilitator's action applied by the serving engine, as the laptop would; its answer."""
        self.proc.stdin.write(json.dumps(action, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("atelier serve ended: " + self.proc.stderr.read())
            if line.startswith("facilitator "):
                return json.loads(line[len("facilitator "):])

    def request(self, method, path, body=None, code=CODE, token=None, raw=None, headers=None):
        data = raw if raw is not None else (None if body is None else json.dumps(body, ensure_ascii=False).encode())
        h = {"Content-Type": "application/json"}
        if code is not None:
            h["X-Atelier-Code"] = code
        if token:
            h["X-Atelier-Device"] = token
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=10) as res:
                return res.status, res.headers, res.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def api(self, method, path, body=None, **kw):
        # Paced by the server's own rate limit (5 writes a second per device): wait and resend.
        for _ in range(50):
            status, headers, data = self.request(method, path, body, **kw)
            if status != 429:
                break
            time.sleep(0.2)
        return status, json.loads(data.decode("utf-8"))

    def phone(self, team, member):
        _, joined = self.api("POST", "/api/do", {"do": "join", "team": team})
        token = joined["token"]
        self.api("POST", "/api/do", {"do": "pick_member", "member": member, "confirm": True}, token=token)
        return token

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.dir.cleanup()
