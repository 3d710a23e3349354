#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, one contract's whole life as an office clicks it: the real
signet binary on a fresh register, through the accessibility tree. Two
approvers and a two-step approval route are set up first (People,
Preferences). Then a contract is drafted, submitted, approved by legal,
returned by finance with a reason, submitted again, approved by both,
marked as signed, amended to a higher value, and renewed; the successor
is found by search, and the first contract's History tells each step in
order."""

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
LEGAL = "Wang Qiang"
FINANCE = "Li Na"
ROUTE = "Standard Approval"
RETURN_REASON = "Payment terms must be 30 days"
NUMBER = "HT-2026-0001"
SUCCESSOR = "HT-2026-0002"


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


def type_nth(app, name, index, text):
    """Fills in the @index-th showing entry named @name (a dialog with a
    row per step has one Name per step), as fill() does."""
    deadline = time.time() + 10
    while True:
        found = app.find_all(("entry", "text"), name)
        if len(found) > index:
            break
        if time.time() > deadline:
            raise AssertionError(f"fewer than {index + 1} entries named {name!r} are showing")
        time.sleep(0.2)
    found[index].queryEditableText().setTextContents(text)
    time.sleep(0.2)


def add_person(app, name, role):
    app.press("button", "Add Person")
    app.type_into("Name", name)
    app.type_into("Role", role)
    app.press("button", "Save")
    app.find("label", name)


def in_dialog(node):
    """Whether @node is inside a dialog (an alert dialog's buttons are)."""
    node = node.parent
    while node is not None:
        if node.getRoleName() in ("alert", "dialog"):
            return True
        node = node.parent
    return False


def dialog_buttons(app, name):
    """The showing buttons named @name inside dialogs: a dialog's response
    has the name of the page's button that opened it ("Approve")."""
    return [b for b in app.find_all("button", name) if in_dialog(b)]


def activate(node):
    """Presses @node through its accessible action, as fill() types."""
    action = node.queryAction()
    for k in range(action.nActions):
        if action.getName(k) in ("click", "activate", "toggle"):
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
    """Fills in a dialog's entries by name. Through the accessibility tree,
    not the mouse: the extents AT-SPI gives the rows of a dialog are off
    by the dialog's own place in the window, so a click at them lands on
    the row above."""
    for name, text in fields.items():
        deadline = time.time() + 10
        while not (entries := [e for e in app.find_all(("entry", "text", "spin button"), name) if in_dialog(e)]):
            if time.time() > deadline:
                raise AssertionError(f"the dialog has no entry {name!r}")
            time.sleep(0.2)
        entries[-1].queryEditableText().setTextContents(text)
        time.sleep(0.2)


def respond(app, response):
    """Presses the open dialog's @response button."""
    activate(dialog_buttons(app, response)[-1])


def press_in_dialog(app, button, response, fields=None):
    open_dialog(app, button, response)
    fill(app, fields or {})
    respond(app, response)


def decide(app, action, field=None, text=None):
    """A step's decision in the process section: its button, and the
    dialog's button of the same name."""
    press_in_dialog(app, action, action, {field: text} if field else None)


def press_matching(app, predicate):
    """Clicks the showing text @predicate accepts: a row of the page such
    as "Show 7 Earlier Entries", which lists what it stands for."""
    deadline = time.time() + 10
    while not (found := [n for n in app.find_all() if predicate(atspi_driver.accessible_name(n))]):
        if time.time() > deadline:
            raise AssertionError("no such control is showing")
        time.sleep(0.2)
    app.click(found[0])


def history(app):
    """The titles of the History section's entries, newest first."""
    section = app.find("list", "History")
    return [atspi_driver.accessible_name(row) for row in atspi_driver._walk(section, limit=3)
            if row.getRoleName() == "list item" and atspi_driver.accessible_name(row)]


def main():
    with tempfile.TemporaryDirectory() as home:
        db = os.path.join(home, "register.db")
        app = start(home, db)
        app.find("label", "No Contracts Yet")

        step("two approvers in People")
        keys("ctrl+shift+p")
        add_person(app, LEGAL, "Legal")
        add_person(app, FINANCE, "Finance")
        keys("Escape")
        app.wait_gone("button", "Add Person")

        step("an approval route, Legal then Finance, for every contract")
        keys("ctrl+comma")
        app.press("page tab", "Approvals")
        app.press("button", "Add Route…")
        type_nth(app, "Name", 0, ROUTE)
        type_nth(app, "Name", 1, "Legal review")
        type_nth(app, "Role", 0, "Legal")
        app.press("button", "Add Step")
        type_nth(app, "Name", 2, "Finance review")
        type_nth(app, "Role", 1, "Finance")
        app.press("button", "Save")
        app.find("label", ROUTE)
        app.press("button", "Add Rule…")
        app.press("button", "Save")
        app.wait_gone("button", "Add Step")
        keys("Escape")
        app.wait_gone("page tab", "Approvals")

        step("add the client")
        app.press("button", "Clients")
        app.press("button", "Add Client")
        app.type_into("Name", CLIENT)
        app.type_into("Code", "HL")
        app.press("button", "Save")
        app.find("label", CLIENT)
        keys("Escape")
        app.wait_gone("button", "Add Client")

        step("draft the contract: the page shows the route it will take")
        app.press("button", "New Contract")
        app.type_into("Title", TITLE)
        app.type_into("Value", "100000")
        app.type_into("Start Date", "2026-01-01")
        app.type_into("End Date", "2026-12-31")
        app.press("button", "Save")
        app.wait_in_list(TITLE)
        app.find("list item", "Draft")
        wait_text(app, lambda t: t.startswith("Will go through") and "Legal review" in t
                  and "Finance review" in t, "the route before submission")

        step("submit it: Legal decides first")
        app.press("button", "Submit for Review")
        app.find("list item", "In Review")
        decide(app, "Approve", "Opinion (optional)", "Liability cap is fine")

        step("Finance returns it with a reason; it is a draft again")
        decide(app, "Return for Changes", "What Is to Change", RETURN_REASON)
        app.find("list item", "Draft")

        step("submitted again, both approve: Approved")
        app.press("button", "Submit for Review")
        decide(app, "Approve", "Opinion (optional)", "Fine as changed")
        decide(app, "Approve", "Opinion (optional)", "30 days agreed")
        app.find("list item", "Approved")

        step("marked as signed: Active")
        press_in_dialog(app, "Mark as Signed", "Mark as Signed",
                        fields={"Our Signing Date": "2025-12-20", "Their Signing Date": "2025-12-22"})
        app.find("list item", "Active")

        step("an amendment raises the value; it goes through the route too")
        open_dialog(app, "Amend…", "Add Amendment")
        activate([n for n in app.find_all("check box", "New Value") if in_dialog(n)][-1])
        fill(app, {"Effective Date": "2026-07-01", "Reason": "Two more warehouses",
                   "Value": "120000"})
        respond(app, "Add Amendment")
        wait_text(app, lambda t: "in review, not in effect yet" in t, "the amendment in review")
        for _ in range(2):
            app.press(("button", "toggle button"), "Decide")
            press_in_dialog(app, "Approve…", "Approve")
        wait_text(app, lambda t: t.startswith(f"{NUMBER}-A1") and "in effect since" in t,
                  "the amendment in effect")
        app.wait_in_list("¥120,000.00")

        step("renewed for the next year at 3 % more")
        open_dialog(app, "Renew", "Renew")
        fill(app, {"New Value (CNY)": "123600", "Comment (optional)": "Price up 3 %"})
        respond(app, "Renew")
        app.find("label", SUCCESSOR)
        app.find("list item", f"Renewal of {NUMBER}")
        app.wait_in_list("¥123,600.00")

        step("the successor is found by search")
        app.press(("toggle button", "button"), "Search")
        app.type_into("Search", SUCCESSOR)
        app.wait_in_list(SUCCESSOR)
        app.wait_in_list(NUMBER, present=False)

        step("back along the chain, the first contract's History tells its life")
        app.click(app.find("list item", f"Renewal of {NUMBER}"))
        app.find("list item", f"Renewed as {SUCCESSOR}")
        press_matching(app, lambda name: name.startswith("Show ") and name.endswith(" Earlier Steps"))
        wait_text(app, lambda t: RETURN_REASON in t, "the return's reason in Steps So Far")
        press_matching(app, lambda name: name.startswith("Show ") and name.endswith(" Earlier Entries"))
        expected = ["Renewed", "Amendment approved", "Amendment approved", "Amendment added",
                    "Marked as signed", "Approved", "Approved", "Submitted for review",
                    "Returned for changes", "Approved", "Submitted for review", "Created"]
        deadline = time.time() + 10
        while (told := history(app)) != expected:
            if time.time() > deadline:
                raise AssertionError(f"History tells {told}, not {expected}")
            time.sleep(0.2)
        code = app.quit()
        assert code == 0, f"signet exited with {code}"

    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
