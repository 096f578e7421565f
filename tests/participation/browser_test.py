"""The participant page in headless Chromium (Debian's chromium + chromedriver + selenium)
against the real `atelier serve`, through a small TCP proxy the test cuts to go offline (the
driver's offline switch does not close open connections). A second phone is a second tab on
another origin (its own storage, so its own device). Accessibility with axe-core (npm, pinned in
axe/package-lock.json, installed there by `npm ci`). Run: browser_test.py ATELIER [SHOTS_DIR]"""
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from serve_fixture import CODE, Served

failures = []


def check(condition, what):
    print(("ok  " if condition else "FAIL") + " " + what)
    if not condition:
        failures.append(what)


class Proxy:
    """127.0.0.1:<port> → the server; cut() closes every open connection and refuses new ones."""

    def __init__(self, target_port):
        self.target = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.open = set()
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                server = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open.update([client, server])
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    def pipe(self, a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        self.up = False
        with self.lock:
            for s in self.open:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
                except OSError:
                    pass
            self.open.clear()

    def restore(self):
        self.up = True


AXE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "axe")
AXE_JS = os.path.join(AXE_DIR, "node_modules", "axe-core", "axe.min.js")
AXE_FR = os.path.join(AXE_DIR, "node_modules", "axe-core", "locales", "fr.json")
AXE_HOW = "cd tests/participation/axe && npm ci   (axe-core, pinned in package-lock.json)"


def axe_source():
    """axe-core's text and its French messages; installs them with `npm ci` when missing. None
    (and a loud message) when that fails: a failure in CI (CI=true), a skip elsewhere."""
    if not os.path.exists(AXE_JS):
        try:
            done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=AXE_DIR, capture_output=True, text=True, timeout=180)
            print("npm ci:", (done.stdout + done.stderr).strip()[-300:])
        except (OSError, subprocess.TimeoutExpired) as e:
            print("npm ci failed:", e)
    if not os.path.exists(AXE_JS):
        if os.environ.get("CI") == "true":
            check(False, "axe-core is missing and `npm ci` could not install it: run  " + AXE_HOW)
        else:
            print("SKIP accessibility: axe-core is missing and `npm ci` could not install it; run  " + AXE_HOW)
        return None
    with open(AXE_JS, encoding="utf-8") as f, open(AXE_FR, encoding="utf-8") as fr:
        return f.read(), fr.read()


def axe_check(driver, axe, page):
    """axe-core in the page (injected through the driver: the page's CSP forbids inline script,
    not the driver's), WCAG 2.1 A and AA, French messages: zero violations."""
    if axe is None:
        return
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe[0])
        driver.execute_script("axe.configure({locale: arguments[0]})", json.loads(axe[1]))
    violations = axe_run(driver)
    if not axe_check.proved:
        # Once: a field with no label, added for a moment, is found (so « no violation » means something).
        driver.execute_script("const i = document.createElement('input'); i.id = 'axe-probe'; document.querySelector('main').appendChild(i)")
        probe = axe_run(driver)
        driver.execute_script("document.getElementById('axe-probe').remove()")
        check(any(v.startswith("label:") and "#axe-probe" in v for v in probe), "axe-core finds an unlabelled field: %r" % probe)
        axe_check.proved = True
    check(violations == [], "axe-core, WCAG 2.1 AA, %s: %s" % (page, violations or "no violation"))


axe_check.proved = False


def axe_run(driver):
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' [' + v.nodes.map(n => n.target.join(' ')).slice(0, 4).join(', ') + ']')))
          .catch(e => done(['axe failed: ' + e]));""")


def no_horizontal_scroll(driver, page):
    widths = driver.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
    check(widths[1] <= widths[0], "no horizontal scroll on the %s page at %d px wide (%d)" % (page, widths[0], widths[1]))


def phone_size(driver):
    # Headless Chromium keeps a minimum window width: the page's own viewport is set to 320 px.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 740, "deviceScaleFactor": 1, "mobile": True})


def tab_to(driver, what, predicate):
    """Presses Tab until the focused element satisfies the JavaScript `predicate` (of e)."""
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("const e = document.activeElement; return !!e && (" + predicate + ")"):
            return True
    check(False, "reached %s with Tab" % what)
    return False


def press(driver, keys):
    ActionChains(driver).send_keys(keys).perform()


# Every response body the page's fetch() got, so a test can say what left the laptop.
FETCH_HOOK = """
window.__bodies = [];
const pageFetch = window.fetch;
window.fetch = async function (...args) {
  const res = await pageFetch.apply(this, args);
  res.clone().text().then((t) => window.__bodies.push(t), () => {});
  return res;
};"""


def wait(what, predicate, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
            if value:
                return value
        except StaleElementReferenceException:
            pass
        time.sleep(0.1)
    check(False, "timed out waiting for " + what)
    return None


def db_rows(served, sql):
    with sqlite3.connect("file:" + served.db + "?mode=ro", uri=True) as db:
        return db.execute(sql).fetchall()


def browser(profile, width):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 "--user-data-dir=" + profile, "--window-size=%d,800" % width, "--lang=fr-FR"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def visible_text(driver, element_id):
    e = driver.find_element(By.ID, element_id)
    return e.text if e.is_displayed() else ""


def main(binary, shots):
    served = Served(binary)
    proxy = Proxy(served.port)
    base = "http://127.0.0.1:%d" % proxy.port
    profile = tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    driver = browser(profile.name, 320)
    driver.set_script_timeout(30)
    axe = axe_source()
    try:
        phone_size(driver)
        driver.get(base + "/?c=" + CODE)
        team = wait("the team list", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#team-list button") if "Équipe A" in b.text])
        team[0].click()
        alice = wait("the names", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#member-list button") if b.text == "Alice"])
        alice[0].click()
        wait("the board", lambda: driver.find_element(By.ID, "board").is_displayed())
        check("Alice" in visible_text(driver, "team-line"), "joined as Alice: " + visible_text(driver, "team-line"))
        check("usagers" in visible_text(driver, "challenge"), "the défi question is shown")
        # The countdown is the laptop's: a 600 s timer started a few seconds ago reads 9:xx.
        countdown = wait("the countdown", lambda: re.search(r"(\d+):(\d\d)", visible_text(driver, "countdown")))
        check(countdown and countdown.group(1) == "9", "countdown from the server's clock: " + visible_text(driver, "countdown"))
        no_horizontal_scroll(driver, "board")

        # A note with accents, sent with Enter.
        text = "Écrire « à côté » — ça marche, œuvre"
        box = driver.find_element(By.ID, "note-text")
        box.send_keys(text + Keys.ENTER)
        wait("the note on the board", lambda: [li for li in driver.find_elements(By.CSS_SELECTOR, "#notes li:not(.pending)") if text in li.text])
        check(db_rows(served, "SELECT count(*) FROM note WHERE text = '%s'" % text.replace("'", "''"))[0][0] == 1, "the note is saved once")

        # A hostile note is shown as text, and no script runs.
        hostile = '<img src=x onerror="window.__xss=1">'
        driver.find_element(By.ID, "note-text").send_keys(hostile + Keys.ENTER)
        shown = wait("the hostile note", lambda: [li for li in driver.find_elements(By.CSS_SELECTOR, "#notes li:not(.pending)") if hostile in li.text])
        check(bool(shown), "the <img onerror> note is shown as text")
        check(driver.execute_script("return window.__xss === undefined && document.querySelectorAll('#notes img').length === 0"),
              "no element made, no script run")

        # Changing one's note while a teammate writes: the list is built again under the field,
        # and neither the letters typed so far nor the focus go.
        def my_note(fragment):
            return [li for li in driver.find_elements(By.CSS_SELECTOR, "#notes li") if fragment in li.text]
        def tap(button):  # as a finger does: scrolled into the middle of the screen first
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
            button.click()
        tap([b for b in wait("Alice's note", lambda: my_note("ça marche"))[0].find_elements(By.TAG_NAME, "button") if b.text == "Modifier"][0])
        field = wait("the edit field", lambda: driver.find_element(By.ID, "edit-text"))
        field.send_keys(Keys.END + " (revu")
        bruno = served.phone(served.team_a, "3002")
        served.api("POST", "/api/do", {"do": "add_note", "client_id": uuid.uuid4().hex, "text": "Note de Bruno"}, token=bruno)
        wait("Bruno's note on Alice's phone", lambda: "Note de Bruno" in driver.find_element(By.ID, "notes").text)
        check(driver.execute_script("return document.activeElement && document.activeElement.id") == "edit-text",
              "the edit field keeps the focus across a teammate's note")
        press(driver, " ensemble)")
        edited = driver.find_element(By.ID, "edit-text").get_attribute("value")
        check(edited == text + " (revu ensemble)", "no letter lost while the list was built again: %r" % edited)
        tap([b for b in driver.find_element(By.XPATH, "//input[@id='edit-text']/..").find_elements(By.TAG_NAME, "button") if b.text == "Enregistrer"][0])
        wait("the edited note saved", lambda: db_rows(served, "SELECT count(*) FROM note WHERE text = '%s'" % edited.replace("'", "''"))[0][0] == 1)

        # Votes: within the budget (2), then over it.
        def plus_buttons():
            return [b for b in driver.find_elements(By.CSS_SELECTOR, "#notes li button") if b.text == "+ gommette"]
        # The first dot is a finger held on the button while a teammate writes: the list is not
        # built again under it, and the tap lands once the finger lifts.
        held = wait("a vote button", plus_buttons)[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", held)
        ActionChains(driver).click_and_hold(held).perform()
        served.api("POST", "/api/do", {"do": "add_note", "client_id": uuid.uuid4().hex, "text": "Autre note de Bruno"}, token=bruno)
        time.sleep(1.6)  # a poll or more
        check("Autre note de Bruno" not in driver.find_element(By.ID, "notes").text, "the list waits while a finger is down")
        ActionChains(driver).release(held).perform()
        wait("1 dot left", lambda: "reste 1 gommette" in visible_text(driver, "vote-line"))
        wait("the teammate's note after the tap", lambda: "Autre note de Bruno" in driver.find_element(By.ID, "notes").text)
        wait("a vote button", plus_buttons)[0].click()
        wait("0 dots left", lambda: "reste 0 gommette" in visible_text(driver, "vote-line"))
        wait("a vote button", plus_buttons)[0].click()
        check(wait("the over-budget message", lambda: "plus assez" in driver.find_element(By.ID, "notice").text), "over budget refused with a message")
        check(db_rows(served, "SELECT sum(count) FROM vote")[0][0] == 2, "two dots saved")

        # A refresh keeps the identity.
        driver.refresh()
        wait("the board after refresh", lambda: driver.find_element(By.ID, "board").is_displayed())
        check("Alice" in visible_text(driver, "team-line"), "still Alice after a refresh")

        # Offline: the link is cut, a note is written, the link comes back, the note arrives once.
        proxy.cut()
        wait("« Reconnexion… »", lambda: "Reconnexion" in visible_text(driver, "link"))
        offline = "Écrit hors ligne"
        driver.find_element(By.ID, "note-text").send_keys(offline + Keys.ENTER)
        wait("the pending note", lambda: [li for li in driver.find_elements(By.CSS_SELECTOR, "#notes li.pending") if offline in li.text])
        if shots:
            driver.save_screenshot(os.path.join(shots, "phone-offline.png"))
        time.sleep(1.5)
        check(db_rows(served, "SELECT count(*) FROM note WHERE text = '%s'" % offline)[0][0] == 0, "nothing arrives while cut")
        proxy.restore()
        wait("the note sent after reconnecting", lambda: [li for li in driver.find_elements(By.CSS_SELECTOR, "#notes li:not(.pending)") if offline in li.text], 15)
        check(not driver.find_element(By.ID, "link").is_displayed(), "« Reconnexion… » gone")
        time.sleep(1.5)
        check(db_rows(served, "SELECT count(*) FROM note WHERE text = '%s'" % offline)[0][0] == 1, "the offline note arrives exactly once")
        if shots:
            driver.save_screenshot(os.path.join(shots, "phone-board.png"))

        # Every control has a label, status messages use role=status.
        unlabelled = driver.execute_script("""
            return [...document.querySelectorAll('input:not([type=radio]), textarea, select')].filter(e =>
              !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)""")
        check(unlabelled == [], "every field has a label: %r" % unlabelled)
        check(driver.find_element(By.ID, "notice").get_attribute("role") == "status", "notice is role=status")
        # The team page with notes and a vote round open.
        axe_check(driver, axe, "team page (notes, vote open)")

        # ---- A second phone, in team B (private writing on since before serving), keyboard alone ----
        carla = served.phone(served.team_b, "3003")
        secret = "Secret de Carla"
        status, _ = served.api("POST", "/api/do", {"do": "add_note", "client_id": uuid.uuid4().hex, "text": secret}, token=carla)
        check(status == 200, "Carla's private note written")
        elsewhere = served.phone(served.team_b, "3004")  # « Denis » is held by another device
        first_tab = driver.current_window_handle
        driver.switch_to.new_window("tab")
        phone_size(driver)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FETCH_HOOK})
        # The server's own port, not the proxy's: another origin, so another storage, another device.
        driver.get("http://127.0.0.1:%d/?c=%s" % (served.port, CODE))
        wait("the team list (2nd phone)", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#team-list button") if "Équipe B" in b.text])
        check(driver.execute_script("return Array.isArray(window.__bodies) && window.__bodies.length > 0"), "the fetch hook sees the page's answers")
        no_horizontal_scroll(driver, "join")
        axe_check(driver, axe, "join page")
        tab_to(driver, "« Équipe B »", "e.textContent.includes('Équipe B')")
        press(driver, Keys.ENTER)
        wait("the names (2nd phone)", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#member-list button") if b.text == "Denis"])
        check(visible_text(driver, "team-line") == "Équipe B", "the names page says which team: %r" % visible_text(driver, "team-line"))
        no_horizontal_scroll(driver, "names")
        tab_to(driver, "« Denis »", "e.textContent === 'Denis'")
        press(driver, Keys.ENTER)
        asked = wait("« C'est bien vous ? »", lambda: "C’est bien vous ?" in visible_text(driver, "confirm-text") and visible_text(driver, "confirm-text"))
        check(bool(asked), "a name held by another device asks: %r" % asked)
        axe_check(driver, axe, "names page, « C'est bien vous ? »")
        check(driver.execute_script("return document.activeElement.id") == "confirm-yes", "« Oui, c'est moi » has the focus")
        press(driver, Keys.ENTER)
        wait("the board (2nd phone)", lambda: driver.find_element(By.ID, "board").is_displayed())
        check("Denis" in visible_text(driver, "team-line"), "the name moved to the 2nd phone: " + visible_text(driver, "team-line"))
        notes_before = db_rows(served, "SELECT count(*) FROM note")[0][0]
        status, refused = served.api("POST", "/api/do", {"do": "add_note", "client_id": uuid.uuid4().hex, "text": "perdu"}, token=elsewhere)
        check(status == 400 and "« Denis » écrit maintenant depuis un autre appareil" in refused.get("error", ""),
              "the first device's write as Denis is refused with a clear message: %r" % refused.get("error"))
        check(db_rows(served, "SELECT count(*) FROM note")[0][0] == notes_before, "nothing written by it")
        tab_to(driver, "the note field", "e.id === 'note-text'")
        mine = "Idée de Denis"
        press(driver, mine + Keys.ENTER)
        wait("Denis's note, sent with the keyboard", lambda: [li for li in driver.find_elements(By.CSS_SELECTOR, "#notes li:not(.pending)") if mine in li.text])
        check(db_rows(served, "SELECT count(*) FROM note WHERE text = '%s'" % mine)[0][0] == 1, "the keyboard's note is saved")
        no_horizontal_scroll(driver, "board (private writing)")
        check(secret not in driver.find_element(By.ID, "notes").text, "private writing: the 2nd phone sees only its own texts")
        check("1 post-it privé" in visible_text(driver, "hidden-line"), "it is told of the hidden note: " + visible_text(driver, "hidden-line"))
        bodies = driver.execute_script("return window.__bodies")
        check(any(mine in b for b in bodies) and not any(secret in b for b in bodies),
              "nothing of Carla's text in the %d answers the page fetched" % len(bodies))
        token = driver.execute_script("return JSON.parse(localStorage.getItem('atelier.device')).token")
        _, _, feed = served.request("GET", "/api/state?since=0", token=token)
        check(mine.encode() in feed and secret.encode() not in feed, "nor in the feed read with its token")
        revealed = served.facilitator({"action": "reveal_notes", "team": served.team_b})
        check(revealed.get("ok") is True, "« Dévoiler » by the facilitator: %r" % revealed)
        wait("Carla's note after « Dévoiler »", lambda: secret in driver.find_element(By.ID, "notes").text)
        check(not driver.find_element(By.ID, "hidden-line").is_displayed(), "no hidden note left")
        if shots:
            driver.save_screenshot(os.path.join(shots, "phone-private-revealed.png"))
        driver.close()
        driver.switch_to.window(first_tab)

        # Stand feedback through the printed QR link.
        stand_url = served.stands["Guichet mobile"].replace(served.base, base)
        driver.get(stand_url)
        wait("the stand page", lambda: "Guichet mobile" in visible_text(driver, "stand-title"))
        check(driver.find_element(By.ID, "title").text not in ("", "Atelier"), "the stand page's header names the event")
        driver.find_element(By.CSS_SELECTOR, "input[value=suggest]").click()
        driver.find_element(By.ID, "feedback-text").send_keys("Ajouter des bancs à l'accueil")
        driver.find_element(By.ID, "feedback-send").click()
        check(wait("thanks", lambda: "Merci" in driver.find_element(By.ID, "notice").text), "stand feedback thanked")
        rows = db_rows(served, "SELECT kind, text FROM feedback")
        check(rows == [("suggest", "Ajouter des bancs à l'accueil")], "stand feedback saved: %r" % rows)
        no_horizontal_scroll(driver, "stand")
        axe_check(driver, axe, "stand page")
        if shots:
            driver.save_screenshot(os.path.join(shots, "phone-stand.png"))

        # ---- A phone that asks for English (another origin: another device) ----
        agent = driver.execute_script("return navigator.userAgent")
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": "en-GB,en"})
        driver.get("http://localhost:%d/?c=%s" % (served.port, CODE))
        teams = wait("the team list in English", lambda: visible_text(driver, "teams-title") == "Choose your team" and
                     [b for b in driver.find_elements(By.CSS_SELECTOR, "#team-list button") if "Équipe B" in b.text])
        check(driver.execute_script("return document.documentElement.lang") == "en", "the page says it is in English")
        teams[0].click()
        wait("the names in English", lambda: visible_text(driver, "names-title") == "Who are you?")
        # Picked the wrong team: « Change team » goes back to the list.
        driver.find_element(By.ID, "change-team").click()
        team_a = wait("the team list again", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#team-list button") if "Équipe A" in b.text])
        team_a[0].click()
        wait("team A's names", lambda: visible_text(driver, "team-line") == "Équipe A" and
             [b for b in driver.find_elements(By.CSS_SELECTOR, "#member-list button") if b.text == "Bruno"])[0].click()
        # Bruno writes from another device already (above): asked in English, and confirmed.
        wait("« Is it you? »", lambda: "Is it really you?" in visible_text(driver, "confirm-text"))
        check(visible_text(driver, "confirm-yes") == "Yes, it's me", "the confirmation in English")
        driver.find_element(By.ID, "confirm-yes").click()
        wait("the board in English", lambda: "Vote open" in visible_text(driver, "vote-line"))
        for _ in range(2):
            wait("a dot button", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#notes li button") if b.text == "+ dot"])[0].click()
            time.sleep(0.3)
        wait("no dot left", lambda: "0 of 2" in visible_text(driver, "vote-line"))
        wait("a dot button", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#notes li button") if b.text == "+ dot"])[0].click()
        refusal = wait("the English refusal", lambda: "not enough dots" in driver.find_element(By.ID, "notice").text and driver.find_element(By.ID, "notice").text)
        check(bool(refusal) and "gommette" not in refusal, "the engine's refusal in the phone's language: %r" % refusal)
        axe_check(driver, axe, "team page in English")
    finally:
        driver.quit()
        served.close()
        profile.cleanup()
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
