"""`atelier serve` seen from the network: only participant actions, the code, the token, the
limits (body, rate, slow clients), only the embedded page. Run: serve_api_test.py ATELIER"""
import json
import socket
import sqlite3
import subprocess
import sys
import time
import uuid

from serve_fixture import CODE, Served

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def notes(served):
    with sqlite3.connect("file:" + served.db + "?mode=ro", uri=True) as db:
        return [r[0] for r in db.execute("SELECT text FROM note ORDER BY text")]


def cid():
    return uuid.uuid4().hex


def team_copy(s):
    """A team laptop's copy (`atelier copy --team`) serves its own team's phones only."""
    import os
    import re
    import urllib.request
    copy = os.path.join(s.dir.name, "equipe-a.atelier")
    subprocess.run([s.binary, "copy", s.db, copy, "--team", "1"], check=True, env=s.env, capture_output=True)
    proc = subprocess.Popen([s.binary, "serve", copy, "--port", "0", "--bind", "127.0.0.1", "--code", CODE],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=s.env)
    try:
        said, base = [], None
        while not base:
            line = proc.stdout.readline()
            if not line:
                check(False, "the team copy is served: " + proc.stderr.read())
                return
            said.append(line)
            m = re.match(r"join (http://[^/]+)/", line)
            base = m.group(1) if m else None
        check(any("seule l’équipe « Équipe A »" in l for l in said), "serve says the copy serves team A only: %r" % said)

        def ask(method, path, body=None):
            req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                         headers={"X-Atelier-Code": CODE, "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=10) as res:
                    return res.status, json.loads(res.read())
            except urllib.error.HTTPError as e:
                return e.code, json.loads(e.read())
        status, answer = ask("GET", "/api/state")
        check(status == 200 and [t["name"] for t in answer["event"]["teams"]] == ["Équipe A"], "the copy lists its own team only: %r" % answer)
        status, answer = ask("POST", "/api/do", {"do": "join", "team": s.team_b})
        check(status == 400 and "ne sert que l’équipe « Équipe A »" in answer.get("error", ""), "another team's join is refused, saying where to go: %r" % answer)
        status, answer = ask("POST", "/api/do", {"do": "join", "team": s.team_a})
        check(status == 200 and answer.get("token"), "its own team joins")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main(binary):
    s = Served(binary)
    try:
        # The page, with a CSP that forbids inline script.
        status, headers, body = s.request("GET", "/")
        check(status == 200 and b"<html" in body, "GET / serves the page")
        csp = headers.get("Content-Security-Policy", "")
        check("script-src 'self'" in csp and "unsafe-inline" not in csp, "CSP forbids inline script: " + csp)
        check(s.request("GET", "/app.js")[0] == 200, "GET /app.js")
        # The whole page under 150 KB, and nothing it loads from outside the laptop.
        page = body + s.request("GET", "/app.js")[2] + s.request("GET", "/style.css")[2]
        check(len(page) < 150_000, "the page weighs %d bytes" % len(page))
        check(b"http://" not in page and b"https://" not in page, "the page loads nothing from outside")
        # Nothing else: no folder, no traversal, no file of the disk.
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd",
                     "/web/index.html", "/assets/web/app.js", "/index.html/..", "/demo/demo.json", "/.%2e/CMakeLists.txt",
                     "/app.js%00.html", "/%c0%ae%c0%ae/etc/passwd"]:
            status, _, body = s.request("GET", path)
            check(status == 404 and b"root:" not in body, "traversal %s refused (%d)" % (path, status))
        # The code on every API request: missing, wrong, told apart.
        status, answer = s.api("GET", "/api/state", code=None)
        check(status == 403 and answer["reason"] == "missing_code", "missing code refused")
        status, answer = s.api("GET", "/api/state", code="ZZZZZZ")
        check(status == 403 and answer["reason"] == "wrong_code" and "Code inconnu" in answer["error"], "wrong code refused with a message")
        status, answer = s.api("POST", "/api/do", {"do": "join", "team": s.team_a}, code="NOPE99")
        check(status == 403, "a write with a wrong code is refused")
        status, answer = s.api("GET", "/api/state")
        check(status == 200 and [t["name"] for t in answer["event"]["teams"]] == ["Équipe A", "Équipe B"], "teams listed for joining")
        event_name = answer["event"]["name"]

        # A phone joins, adds itself, writes a note with accents.
        status, joined = s.api("POST", "/api/do", {"do": "join", "team": s.team_a})
        token = joined["token"]
        status, me = s.api("POST", "/api/do", {"do": "add_self", "client_id": cid(), "name": "Zoé"}, token=token)
        check(status == 200 and me["ok"], "add_self")
        client = cid()
        status, note = s.api("POST", "/api/do", {"do": "add_note", "client_id": client, "text": "Idée « été » à côté"}, token=token)
        check(status == 200 and note["ok"], "add_note with accents")
        status, again = s.api("POST", "/api/do", {"do": "add_note", "client_id": client, "text": "Idée « été » à côté"}, token=token)
        check(again.get("id") == note.get("id"), "a retried create gets the first answer")
        check(notes(s) == ["Idée « été » à côté"], "the note is saved once: %r" % notes(s))
        status, view = s.api("GET", "/api/state?since=0", token=token)
        check(view["notes"][0]["text"] == "Idée « été » à côté" and view["member"] == me["member"], "the team view shows it")
        status, same = s.api("GET", "/api/state?since=%d" % view["revision"], token=token)
        check(same.get("unchanged") is True, "the change feed says unchanged")

        before = notes(s)
        # Writes need the token, and only participant requests exist.
        status, answer = s.api("POST", "/api/do", {"do": "add_note", "client_id": cid(), "text": "sans jeton"})
        check(status == 400 and "pas encore rejoint" in answer["error"], "a write without a token is refused")
        status, answer = s.api("POST", "/api/do", {"do": "add_note", "client_id": cid(), "text": "x"}, token="f" * 32)
        check(status == 400 and "plus connu" in answer["error"], "an unknown token is refused")
        names = [line.split()[0] for line in subprocess.run([binary, "actions"], capture_output=True, text=True).stdout.splitlines()
                 if line and not line.startswith(" ")]
        check(len(names) > 40, "read the action list (%d)" % len(names))
        # Spread over a few devices of the team, so the rate limit does not slow the test down.
        senders = [token] + [s.phone(s.team_a, "3001") for _ in range(4)]
        s.api("POST", "/api/do", {"do": "pick_member", "member": me["member"], "confirm": True}, token=token)
        shared = {"add_note", "edit_note", "cast_vote", "withdraw_vote"}  # also participant requests, with other fields
        for i, name in enumerate(names + ["undo", "redo", "merge", "export"]):
            sender = senders[i % len(senders)]
            status, answer = s.api("POST", "/api/do", {"do": name, "team": s.team_a}, token=sender)
            expected = "inconnu" if name in shared else "pas permis depuis un téléphone"
            check(status == 400 and expected in answer["error"], "%s refused from a phone (%d %s)" % (name, status, answer.get("error")))
            status, answer = s.api("POST", "/api/do", {"action": name, "team": s.team_a, "name": "x"}, token=sender)
            check(status == 400 and "« do »" in answer["error"], "%s in the apply form refused" % name)
        # Another team's token on this team's note.
        carla = s.phone(s.team_b, "3003")
        status, answer = s.api("POST", "/api/do", {"do": "delete_note", "note": note["id"]}, token=carla)
        check(status == 400 and "votre équipe" in answer["error"], "another team's token cannot delete the note")
        status, answer = s.api("POST", "/api/do", {"do": "edit_note", "note": note["id"], "text": "pris"}, token=carla)
        check(status == 400, "another team's token cannot edit the note")
        bruno = s.phone(s.team_a, "3002")
        status, answer = s.api("POST", "/api/do", {"do": "edit_note", "note": note["id"], "text": "pris"}, token=bruno)
        check(status == 400 and "propres" in answer["error"], "a teammate cannot edit another's note")
        status, answer = s.api("POST", "/api/do", {"do": "pick_member", "member": "3003"}, token=token)
        check(status == 400, "a member of another team cannot be picked")
        # Oversized, malformed, invalid UTF-8, too deep.
        status, answer = s.api("POST", "/api/do", raw=json.dumps({"do": "add_note", "client_id": cid(), "text": "a" * 20000}).encode(), token=token)
        check(status == 413 and "16 Ko" in answer["error"], "a 20 KB body is refused (%d)" % status)
        status, answer = s.api("POST", "/api/do", raw=b'{"do": "add_note", ', token=token)
        check(status == 400 and answer["reason"] == "malformed", "malformed JSON refused")
        status, answer = s.api("POST", "/api/do", raw=b'{"do":"add_note","client_id":"%s","text":"\xff\xfe"}' % cid().encode(), token=token)
        check(status == 400 and answer["reason"] == "malformed" and "UTF-8" in answer["error"], "invalid UTF-8 refused: %r" % answer)
        status, answer = s.api("POST", "/api/do", raw=b"[" * 100 + b"]" * 100, token=token)
        check(status == 400, "deep nesting refused")
        status, answer = s.api("POST", "/api/do", raw=b'"text"', token=token)
        check(status == 400 and "objet JSON" in answer["error"], "a JSON string is refused")
        check(notes(s) == before, "nothing written by the refused requests")

        # Votes through the phone (the fixture's round: budget 2): within budget, over it refused.
        for count, expected in [(2, 200), (1, 400)]:
            status, answer = s.api("POST", "/api/do", {"do": "cast_vote", "note": note["id"], "count": count}, token=token)
            check(status == expected, "vote of %d answered %d (%r)" % (count, status, answer))

        # Refusals in the phone's language (the server runs in French): the engine's validation
        # (over the budget, on the engine's thread) and the server's own (a wrong code).
        over = {"do": "cast_vote", "note": note["id"]}
        for headers, expected in [({}, "plus assez de gommettes"), ({"Accept-Language": "fr-FR,fr;q=0.9"}, "plus assez de gommettes"),
                                  ({"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"}, "not enough dots left"),
                                  ({"X-Atelier-Lang": "en", "Accept-Language": "fr"}, "not enough dots left"),
                                  ({"X-Atelier-Lang": "fr", "Accept-Language": "en"}, "plus assez de gommettes"),
                                  ({"Accept-Language": "de-DE"}, "plus assez de gommettes")]:
            status, answer = s.api("POST", "/api/do", over, token=token, headers=headers)
            check(status == 400 and expected in answer.get("error", ""), "over budget with %r: %r" % (headers, answer.get("error")))
        status, answer = s.api("GET", "/api/state", code="ZZZZZZ", headers={"X-Atelier-Lang": "en"})
        check(status == 403 and "Unknown code" in answer["error"], "a wrong code told in English: %r" % answer["error"])
        status, answer = s.api("POST", "/api/do", raw=b'{"do": ', token=token, headers={"X-Atelier-Lang": "en"})
        check(status == 400 and answer["reason"] == "malformed" and answer["error"].startswith("invalid JSON"),
              "malformed JSON told in English: %r" % answer["error"])
        # The laptop's own messages stay in its language: the next French request is French.
        status, answer = s.api("POST", "/api/do", over, token=token)
        check("plus assez" in answer.get("error", ""), "a French phone after an English one: %r" % answer.get("error"))

        # Stand feedback, no join, and a wrong stand code.
        stand = s.stands["Guichet mobile"].rsplit("=", 1)[1]
        status, answer = s.api("GET", "/api/stand?s=" + stand, code=None)
        check(status == 200 and answer["title"] == "Guichet mobile", "stand page data")
        check(event_name and answer.get("event") == event_name, "the stand page names the event: %r" % answer)
        status, answer = s.api("POST", "/api/feedback", {"stand": stand, "client_id": cid(), "kind": "like", "text": "Très clair", "rating": 5}, code=None)
        check(status == 200 and answer["ok"], "stand feedback saved")
        status, answer = s.api("POST", "/api/feedback", {"stand": "AAAAAAAA", "client_id": cid(), "kind": "like"}, code=None)
        check(status == 400 and "stand" in answer["error"], "unknown stand refused")
        status, answer = s.api("POST", "/api/do", {"do": "feedback", "stand": stand, "client_id": cid(), "kind": "like"}, token=token)
        check(status == 400, "feedback does not go through the join API")

        # A flood from one device: rate limited (5/s, bursts of 20), another device unaffected.
        statuses = []
        for i in range(40):
            statuses.append(s.request("POST", "/api/do", {"do": "add_note", "client_id": cid(), "text": "flot %d" % i}, token=bruno)[0])
        ok, limited = statuses.count(200), statuses.count(429)
        check(limited >= 10 and ok <= 25, "flood limited: %d ok, %d refused" % (ok, limited))
        status, _ = s.api("POST", "/api/do", {"do": "add_note", "client_id": cid(), "text": "autre"}, token=token)
        check(status == 200, "another device still writes during the flood")

        # A room arriving at once from one address (a NAT'd access point, loopback): 60 joins in a
        # row all pass (the device limit would have refused 40 of them), and a flood of joins from
        # one address is still limited.
        joins = [s.request("POST", "/api/do", {"do": "join", "team": s.team_b})[0] for _ in range(60)]
        check(joins.count(200) == 60, "60 phones joining from one address: %d accepted" % joins.count(200))
        joins = [s.request("POST", "/api/do", {"do": "join", "team": s.team_b})[0] for _ in range(500)]
        check(joins.count(429) >= 50, "a flood of joins from one address is limited: %d refused" % joins.count(429))

        # A client that sends half its headers and stalls is dropped (read time-out, 3 s).
        stalled = socket.create_connection(("127.0.0.1", s.port))
        stalled.sendall(b"GET /api/state HTTP/1.1\r\nHost: x\r\nX-Atel")
        stalled.settimeout(15)
        start = time.time()
        try:
            data = stalled.recv(100)
        except socket.timeout:
            data = None
        waited = time.time() - start
        check(data is not None and waited < 10, "a half-header client is timed out (%.1f s, %r)" % (waited, data))
        stalled.close()
        check(s.request("GET", "/")[0] == 200, "the server still answers after the stalled client")

        # At most 400 connections waiting (ParticipantServerOptions::maxConnections): 400 silent
        # sockets fill the workers and their queue, the next ones are answered « 503, réessayez »
        # at once, and once they close a phone is served again.
        limit, extra = 400, 5
        start = time.time()
        held = []
        try:
            for _ in range(limit):
                held.append(socket.create_connection(("127.0.0.1", s.port), timeout=5))
            # A room arriving at once is let in at once (httplib's own backlog of 5 made 400
            # connections wait 23 s for TCP's retransmissions).
            check(time.time() - start < 3, "%d connections opened in %.1f s" % (limit, time.time() - start))
            time.sleep(0.3)  # the server accepts and queues them
            refused = []
            for _ in range(extra):
                c = socket.create_connection(("127.0.0.1", s.port), timeout=5)
                held.append(c)
                c.sendall(b"GET /api/state HTTP/1.1\r\nHost: x\r\nX-Atelier-Code: " + CODE.encode() + b"\r\n\r\n")
            for c in held[limit:]:
                data = b""
                try:
                    while b"}" not in data:
                        chunk = c.recv(4096)
                        if not chunk:
                            break
                        data += chunk
                except socket.timeout:
                    pass
                refused.append(data)
            told = [d for d in refused if d.startswith(b"HTTP/1.1 503") and "Trop de connexions".encode() in d]
            check(len(told) == extra, "the %d connections past %d are refused politely: %r" % (extra, limit, [d[:40] for d in refused]))
        finally:
            for c in held:
                c.close()
        again = None
        for _ in range(50):
            again = s.request("GET", "/api/state")[0]
            if again == 200:
                break
            time.sleep(0.1)
        check(again == 200, "a phone is served again once they closed (%r)" % again)
        print("connection limit: %.1f s" % (time.time() - start))
        team_copy(s)
    finally:
        s.close()
    total = 1
    print("%d passed, %d failed" % (0 if failures else total, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
