#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Screenshots of contract pages of the demo register, for the README:
build-aux/screenshot-pages.py BUILD_DIR LOCALE OUT_DIR SUFFIX

Run by build-aux/screenshots.sh inside its X server and session bus. It
opens the demo register, finds contracts by what they hold (one in
review at the second step of its approval route, one with an amendment
in force, the middle term of a renewal chain, and for each section of
what a contract commits us to one that shows it at its fullest), opens
each through the search as a user does, scrolls its page to the part
shown, and saves NAME-SUFFIX.png for each: approval, amended, renewals,
payments, obligations, risks, reviews and original."""

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))

import atspi_driver  # noqa: E402
from atspi_driver import App  # noqa: E402

build, locale, out, suffix = sys.argv[1:5]

# What each picture shows: the contract, by SQL on the demo register, and
# the part of its page to scroll to, by the accessible name of a list in it
# (translated: the locale's catalog); the names in EXPANDED have the first
# row of that list opened, as a user reading it would.
PAGES = [
    ("approval",
     "SELECT c.number FROM contracts c JOIN approval_steps s ON s.contract_id = c.id "
     "WHERE c.status = 'in-review' AND s.amendment_id = 0 AND s.state = 'pending' AND s.position = 1 "
     "ORDER BY c.id LIMIT 1",
     "Process"),
    ("amended",
     "SELECT c.number FROM contracts c JOIN amendments a ON a.contract_id = c.id "
     "WHERE a.state = 'approved' ORDER BY c.id LIMIT 1",
     "Terms in Force"),
    ("renewals",
     "SELECT c.number FROM contracts c WHERE c.id IN (SELECT successor_id FROM renewals) "
     "AND c.id IN (SELECT predecessor_id FROM renewals) ORDER BY c.id LIMIT 1",
     "Renewals"),
    # Paid, part paid with the rest overdue, and still to come.
    ("payments",
     "SELECT c.number FROM contracts c JOIN payments p ON p.contract_id = c.id "
     "WHERE p.direction = 'receivable' AND p.paid > 0 AND p.paid < p.amount "
     "AND p.due_date < date('now', 'localtime') ORDER BY c.id LIMIT 1",
     "Payments"),
    # An occurrence overdue (the calendar's index holds the open ones).
    ("obligations",
     "SELECT c.number FROM contracts c JOIN contract_events e ON e.contract_id = c.id "
     "WHERE e.kind = 'obligation' AND e.date < date('now', 'localtime') ORDER BY c.id LIMIT 1",
     "Obligations"),
    # A level below the one its risks suggest: the notice.
    ("risks",
     "SELECT c.number FROM contracts c JOIN risks r ON r.contract_id = c.id "
     "WHERE r.status = 'open' AND r.likelihood * r.impact >= 15 AND c.risk_level = 'low' "
     "ORDER BY c.id LIMIT 1",
     "Risks"),
    # A review whose follow-up action is still open.
    ("reviews",
     "SELECT c.number FROM contracts c JOIN reviews r ON r.contract_id = c.id "
     "JOIN review_actions a ON a.review_id = r.id WHERE a.done_date IS NULL "
     "ORDER BY r.date DESC LIMIT 1",
     "Reviews"),
    # The original out on loan past its due date, with its lending history.
    ("original",
     "SELECT c.number FROM contracts c JOIN loans l ON l.contract_id = c.id "
     "WHERE l.returned_on IS NULL AND l.due_on < date('now', 'localtime') ORDER BY c.id LIMIT 1",
     "Paper Original"),
]

# The newest review with its answers, findings and open action.
EXPANDED = {"reviews"}


def translate(text):
    import gettext
    language = locale.split(".")[0]
    catalog = gettext.translation("signet", localedir=os.path.join(build, "po"),
                                  languages=[language], fallback=True)
    return catalog.gettext(text)


def main():
    home = tempfile.mkdtemp()
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo", GTK_A11Y="atspi",
               LANG=locale, LC_ALL=locale, NO_AT_BRIDGE="0")
    env.pop("LANGUAGE", None)
    app = App([os.path.join(build, "src", "signet"), "--demo"], env)
    subprocess.run(["xdotool", "search", "--sync", "--name", "^Signet$", "windowsize", "1210", "770"],
                   check=True, capture_output=True)
    time.sleep(3)
    register = sqlite3.connect(os.path.join(home, "data", "signet", "demo.db"))

    app.press(("toggle button", "button"), translate("Search"))
    for name, query, part in PAGES:
        row = register.execute(query).fetchone()
        if row is None:
            raise SystemExit(f"the demo register has no contract for {name}.png")
        number = row[0]
        app.type_into(translate("Search"), number)
        app.wait_in_list(number)
        # Clicked until the page's header names it. The extents AT-SPI gives
        # a cell's text lie higher than it is drawn, by about the height of
        # the list's column titles: the middle of a one-line row of Latin
        # text falls on them (and sorts the list), so the click aims at the
        # bottom of the text's extents.
        for _ in range(20):
            if [n for n in app.find_all("label", number) if not app._in_table_cell(n)]:
                break
            cell = [n for n in app.find_all("label", number) if app._in_table_cell(n)][0]
            ext = cell.queryComponent().getExtents(atspi_driver.pyatspi.WINDOW_COORDS)
            subprocess.run(["xdotool", "mousemove", str(max(1, ext.x + ext.width // 2)), str(ext.y + ext.height + 4),
                            "click", "1"], check=True)
            time.sleep(0.5)
        else:
            raise SystemExit(f"{number} did not open for {name}.png")
        section = app.find("list", translate(part))
        # The part's top near the top of the page: scrolled as a user does.
        for _ in range(40):
            ext = section.queryComponent().getExtents(atspi_driver.pyatspi.WINDOW_COORDS)
            if ext.y < 230:
                break
            subprocess.run(["xdotool", "mousemove", "900", "400", "click", "5"], check=True)
            time.sleep(0.15)
        # On a busy machine the page scrolls on after the extents were read:
        # back up until the part's title shows.
        for _ in range(10):
            time.sleep(0.5)
            ext = section.queryComponent().getExtents(atspi_driver.pyatspi.WINDOW_COORDS)
            if ext.y >= 80:
                break
            subprocess.run(["xdotool", "mousemove", "900", "400", "click", "4"], check=True)
        if name in EXPANDED:
            # The row's header, where its title is.
            ext = section.getChildAtIndex(0).queryComponent().getExtents(atspi_driver.pyatspi.WINDOW_COORDS)
            subprocess.run(["xdotool", "mousemove", str(ext.x + ext.width // 2), str(ext.y + 20), "click", "1"],
                           check=True)
            time.sleep(0.5)
        subprocess.run(["xdotool", "mousemove", "1209", "769"], check=True)
        time.sleep(1)
        shot = os.path.join(home, "screen.png")
        subprocess.run(["import", "-window", "root", shot], check=True)
        target = os.path.join(out, f"{name}-{suffix}.png")
        subprocess.run(["convert", shot, "-crop", "1200x760+5+5", "+repage", target], check=True)
        print(target, number)

    app.quit()


if __name__ == "__main__":
    main()
