#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, a partial payment as an office records it: the real signet
binary on a fresh register, through the accessibility tree. A payment of
30,000.00 due three days ago is planned on a contract of 100,000.00: it
reads overdue, and the section warns that 70,000.00 is not scheduled.
10,000.00 of it is received: the status becomes part-paid with 20,000.00
overdue, and the payment is listed in its row."""

import datetime
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import atspi_driver  # noqa: E402

atspi_driver.require_session()

from atspi_driver import App, keys  # noqa: E402

SIGNET = os.environ["SIGNET_BINARY"]
SCHEMA_DIR = os.environ["SIGNET_SCHEMA_DIR"]

CLIENT = "Harbour Logistics Ltd"
TITLE = "Warehouse Services Agreement"
PAYMENT = "Advance payment"


def start(home, db):
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_SCHEMA_DIR=SCHEMA_DIR,
               GSETTINGS_BACKEND="memory",
               GTK_A11Y="atspi",
               LANG="C.UTF-8", LC_ALL="C.UTF-8",
               NO_AT_BRIDGE="0")
    env.pop("LANGUAGE", None)
    return App([SIGNET, f"--database={db}"], env)


def step(text):
    print(f"# {text}", flush=True)


def wait_text(app, predicate, what, timeout=10):
    """The first showing text for which @predicate holds, waiting for it."""
    deadline = time.time() + timeout
    while True:
        for text in app.texts():
            if predicate(text):
                return text
        if time.time() > deadline:
            raise AssertionError(f"no text showing {what}; showing: {sorted(set(app.texts()))}")
        time.sleep(0.2)


def in_dialog(node):
    """Whether @node is inside a dialog (an alert dialog's buttons are)."""
    node = node.parent
    while node is not None:
        if node.getRoleName() in ("alert", "dialog"):
            return True
        node = node.parent
    return False


def dialog_buttons(app, name):
    return [b for b in app.find_all("button", name) if in_dialog(b)]


def activate(node):
    """Presses @node through its accessible action."""
    action = node.queryAction()
    for k in range(action.nActions):
        if action.getName(k) in ("click", "activate", "toggle", "press"):
            action.doAction(k)
            time.sleep(0.5)
            return
    raise AssertionError(f"{atspi_driver.accessible_name(node)!r} has no action")


def open_dialog(app, button, response):
    """Presses @button and waits for the dialog it opens, which has a
    button @response."""
    before = len(dialog_buttons(app, response))
    app.press(("button", "menu item"), button)
    deadline = time.time() + 10
    while len(dialog_buttons(app, response)) <= before:
        if time.time() > deadline:
            raise AssertionError(f"{button!r} opened no dialog with {response!r}")
        time.sleep(0.2)
    time.sleep(1)


def fill(app, fields):
    """Fills in a dialog's entries by name, through the accessibility tree
    (see test-contract-life.py: the extents of a dialog's rows are off)."""
    for name, text in fields.items():
        deadline = time.time() + 10
        while not (entries := [e for e in app.find_all(("entry", "text", "spin button"), name) if in_dialog(e)]):
            if time.time() > deadline:
                raise AssertionError(f"the dialog has no entry {name!r}")
            time.sleep(0.2)
        entries[-1].queryEditableText().setTextContents(text)
        time.sleep(0.2)


def respond(app, response):
    activate(dialog_buttons(app, response)[-1])


def expand_payment(app):
    """Opens the planned payment's row with a click on its title, as a user
    does: it is a row of the page, whose extents are right."""
    app.click(app.find("label", PAYMENT))
    app.find("button", "Record Payment…")


def main():
    due = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    with tempfile.TemporaryDirectory() as home:
        db = os.path.join(home, "register.db")

        app = start(home, db)
        app.find("label", "No Contracts Yet")

        step("a client and a contract of 100,000.00")
        app.press("button", "Clients")
        app.press("button", "Add Client")
        app.type_into("Name", CLIENT)
        app.type_into("Code", "HL")
        app.press("button", "Save")
        app.find("label", CLIENT)
        keys("Escape")
        app.wait_gone("button", "Add Client")
        app.press("button", "New Contract")
        app.type_into("Title", TITLE)
        app.type_into("Value", "100000")
        app.type_into("Start Date", "2026-01-01")
        app.type_into("End Date", "2099-12-31")
        app.press("button", "Save")
        app.wait_in_list(TITLE)

        step(f"a payment of 30,000.00 planned, due on {due}: overdue, and the schedule falls short")
        wait_text(app, lambda t: t.startswith("No payments planned."), "the section's empty state")
        open_dialog(app, "Plan Payment…", "Plan")
        fill(app, {"Title": PAYMENT, "Amount": "30000", "Due Date": due,
                   "Payment Condition": "on signing"})
        respond(app, "Plan")
        wait_text(app, lambda t: t == PAYMENT, "the planned payment")
        wait_text(app, lambda t: t.startswith("Overdue: ") and "30,000.00" in t, "its status")
        wait_text(app, lambda t: t.startswith("Scheduled ") and t.endswith(" not scheduled") and "70,000.00" in t,
                  "the warning that 70,000.00 is not scheduled")

        step("10,000.00 of it received: part-paid, 20,000.00 overdue")
        expand_payment(app)
        open_dialog(app, "Record Payment…", "Record")
        fill(app, {"Amount": "10000"})
        respond(app, "Record")
        status = wait_text(app, lambda t: t.startswith("Part-paid, "), "the part-paid status")
        assert "20,000.00" in status and status.endswith(" overdue"), status
        wait_text(app, lambda t: "10,000.00 received on " in t, "the payment in the row")
        code = app.quit()
        assert code == 0, f"signet exited with {code}"

    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
