"""The participant page in headless Chromium (Debian's chromium + chromedriver + selenium)
against the real `atelier serve`, through a small TCP proxy the test cuts to go offline (the
driver's offline switch does not close open connections). Run: browser_test.py ATELIER [SHOTS_DIR]"""
import os
import re
import socket
import sqlite3
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
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
    try:
        # Headless Chromium keeps a minimum window width: the page's own viewport is set to 320 px.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 740, "deviceScaleFactor": 1, "mobile": True})
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
        widths = driver.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
        check(widths[1] <= widths[0], "no horizontal scroll at %d px wide (%d)" % tuple(widths))

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

        # Votes: within the budget (2), then over it.
        def plus_buttons():
            return [b for b in driver.find_elements(By.CSS_SELECTOR, "#notes li button") if b.text == "+ gommette"]
        for expected_left in (1, 0):
            wait("a vote button", plus_buttons)[0].click()
            wait("%d dots left" % expected_left, lambda: ("reste %d gommette" % expected_left) in visible_text(driver, "vote-line"))
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

        # Stand feedback through the printed QR link.
        stand_url = served.stands["Guichet mobile"].replace(served.base, base)
        driver.get(stand_url)
        wait("the stand page", lambda: "Guichet mobile" in visible_text(driver, "stand-title"))
        driver.find_element(By.CSS_SELECTOR, "input[value=suggest]").click()
        driver.find_element(By.ID, "feedback-text").send_keys("Ajouter des bancs à l'accueil")
        driver.find_element(By.ID, "feedback-send").click()
        check(wait("thanks", lambda: "Merci" in driver.find_element(By.ID, "notice").text), "stand feedback thanked")
        rows = db_rows(served, "SELECT kind, text FROM feedback")
        check(rows == [("suggest", "Ajouter des bancs à l'accueil")], "stand feedback saved: %r" % rows)
        if shots:
            driver.save_screenshot(os.path.join(shots, "phone-stand.png"))
    finally:
        driver.quit()
        served.close()
        profile.cleanup()
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
