#!/usr/bin/env python3
"""Tries the participant page as one phone does, one step per run, against a laptop that has
participation open (the app's Participation screen, or `atelier serve`). Not a test: a developer's
tool to look at the page beside the projector (issue 18). The browser profile is kept between
runs, so successive steps are the same device. Needs Debian's chromium, chromium-driver and
python3-selenium (scripts/setup.sh installs them with the tests).

  URL=http://192.168.1.10:8080/?c=K7P2QX
  /usr/bin/python3 scripts/phone-try.py look "$URL"                  # the page as it is
  /usr/bin/python3 scripts/phone-try.py team "$URL" "Équipe 1 ·"     # choose a team
  /usr/bin/python3 scripts/phone-try.py name "$URL" "Inès Kerouac"   # pick a name
  /usr/bin/python3 scripts/phone-try.py note "$URL" "Une idée"       # write a note
  /usr/bin/python3 scripts/phone-try.py vote "$URL" "Une idée"       # a dot on the note holding that text
  /usr/bin/python3 scripts/phone-try.py feedback "http://…/?s=STAND" suggest "Un message" "Un nom"

Each run saves a screenshot of the phone (390x844) to $SHOT (default /tmp/phone-STEP.png) and
prints the page's status message. PROFILE chooses the device (default /tmp/atelier-phone).
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def browser(profile):
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile,
                 "--window-size=390,844", "--lang=fr-FR"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    return driver


def wait(what, predicate, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # the list is built again between two looks
            pass
        time.sleep(0.1)
    sys.exit("phone-try: timed out waiting for " + what)


def tap(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    step, url, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    driver = browser(os.environ.get("PROFILE", "/tmp/atelier-phone"))
    try:
        driver.get(url)
        time.sleep(1.5)
        if step == "team":
            tap(driver, wait("the team", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#team-list button") if args[0] in b.text])[0])
        elif step == "name":
            tap(driver, wait("the name", lambda: [b for b in driver.find_elements(By.CSS_SELECTOR, "#member-list button") if b.text == args[0]])[0])
        elif step == "note":
            wait("the note field", lambda: driver.find_element(By.ID, "note-text").is_displayed())
            driver.find_element(By.ID, "note-text").send_keys(args[0] + Keys.ENTER)
            wait("the note sent", lambda: [li for li in driver.find_elements(By.CSS_SELECTOR, "#notes li:not(.pending)") if args[0] in li.text])
        elif step == "vote":
            tap(driver, wait("the note's dot button", lambda: [b for li in driver.find_elements(By.CSS_SELECTOR, "#notes li") if args[0] in li.text
                                                               for b in li.find_elements(By.TAG_NAME, "button") if b.text in ("+ gommette", "+ dot")])[0])
        elif step == "feedback":
            wait("the stand page", lambda: driver.find_element(By.ID, "feedback-text").is_displayed())
            driver.find_element(By.CSS_SELECTOR, "input[value=%s]" % args[0]).click()
            driver.find_element(By.ID, "feedback-text").send_keys(args[1])
            if len(args) > 2:
                driver.find_element(By.ID, "feedback-name").send_keys(args[2])
            tap(driver, driver.find_element(By.ID, "feedback-send"))
        elif step != "look":
            sys.exit(__doc__)
        time.sleep(1.5)
        shot = os.environ.get("SHOT", "/tmp/phone-%s.png" % step)
        driver.save_screenshot(shot)
        print("%s: « %s » (screenshot %s)" % (step, driver.find_element(By.ID, "notice").text, shot))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
