#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, a team register on a PostgreSQL server of the test's own:
two Signet windows side by side, two people at two desks. An administrator
sets the register up with the real binary (--setup-server, --add-user for an
editor and an approver of Sales, --import of an approval route whose step
names the approver, a client and a draft contract of Sales owned by the
editor). The editor submits the contract for review in window A; window B,
the approver's, shows it in review by itself, and the approver approves it
there; window A then shows it approved with nobody touching it. The audit on
the server names each person for what they did. With SIGNET_E2E_SCREENSHOT
set to a file name, a picture of both windows, the contract approved in
each, is saved there."""

import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import atspi_driver  # noqa: E402
import pyatspi  # noqa: E402

atspi_driver.require_session()

from atspi_driver import App  # noqa: E402

SIGNET = os.environ["SIGNET_BINARY"]
SCHEMA_DIR = os.environ["SIGNET_SCHEMA_DIR"]
PG_SERVER = os.environ["SIGNET_E2E_PG_SERVER"]

CLIENT = "Harbour Logistics Ltd"
TITLE = "Warehouse Services Agreement"
NUMBER = "HT-2026-0001"
DEPARTMENT = "Sales"
EDITOR_LOGIN, EDITOR = "ed", "Ed Park"
APPROVER_LOGIN, APPROVER = "al", "Al Chen"
ROUTE = "Sales Approval"
STEP = "Manager review"
OPINION = "Rates are fine"
# Each window gets half of the test's 1400-pixel screen.
WIDTH, HEIGHT = 700, 900

REGISTER_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<register xmlns="https://signetapp.github.io/ns/register/1" version="1">
  <approval-routes>
    <route name="{ROUTE}" uuid="0d7d3c52-8f0e-4c36-a1f4-2b5e9d6c7a18">
      <step name="{STEP}" person="{APPROVER}" due-days="3"/>
    </route>
  </approval-routes>
  <approval-rules>
    <rule route="0d7d3c52-8f0e-4c36-a1f4-2b5e9d6c7a18"/>
  </approval-rules>
  <clients>
    <client code="HL"><name>{CLIENT}</name></client>
  </clients>
  <contracts>
    <contract number="{NUMBER}" client="HL">
      <title>{TITLE}</title>
      <owner>{EDITOR}</owner>
      <department>{DEPARTMENT}</department>
      <value currency="CNY">100000</value>
      <start-date>2026-01-01</start-date>
      <end-date>2026-12-31</end-date>
      <auto-renew>false</auto-renew>
      <notice-days>0</notice-days>
      <status>draft</status>
      <risk-level>medium</risk-level>
    </contract>
  </contracts>
</register>
"""


def step(text):
    print(f"# {text}", flush=True)


class Server:
    """The tests' private PostgreSQL server, kept by e2e-pg-server until
    its standard input closes: when this test is done, or ends any other
    way (its end closes the pipe)."""

    def __init__(self):
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([PG_SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, text=True)
        self.uri = None
        for line in self.proc.stdout:
            if line.startswith("database "):
                self.uri = line.split(" ", 1)[1].strip()
                break
            print(line.rstrip(), flush=True)
        if self.uri is None:
            self.proc.wait(30)
            self.log.seek(0)
            raise AssertionError("the test's PostgreSQL server did not start: "
                                 + self.log.read().decode(errors="replace"))

    def as_user(self, login):
        """The register's URI for the login @login instead of its owner."""
        base, _, query = self.uri.partition("?")
        params = [p for p in query.split("&") if not p.startswith("user=")]
        return f"{base}?{'&'.join(params + ['user=' + login])}"

    def query(self, sql):
        """The rows @sql gives as the register's owner, each a list of
        texts (psql, unaligned, with a unit separator between fields)."""
        out = subprocess.run(["psql", "--no-psqlrc", "-X", "-A", "-t", "-F", "\x1f", "-v", "ON_ERROR_STOP=1",
                              "-d", self.uri, "-c", sql],
                             check=True, capture_output=True, text=True, timeout=30).stdout
        return [line.split("\x1f") for line in out.splitlines() if line]

    def stop(self):
        self.proc.stdin.close()
        self.proc.wait(30)


def signet_cli(*args):
    """Runs signet as the administrator does, on the command line; its
    output, which must say it succeeded."""
    result = subprocess.run([SIGNET, *args], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
    if result.returncode != 0:
        raise AssertionError(f"signet {' '.join(args)} exited with {result.returncode}: "
                             f"{result.stdout}{result.stderr}")
    return result.stdout


def start(home, uri, x):
    """A window of signet on the register as the login of @uri, in its
    own home, put at @x on the screen with half its width."""
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               XDG_RUNTIME_DIR=os.path.join(home, "runtime"),
               GSETTINGS_SCHEMA_DIR=SCHEMA_DIR,
               GSETTINGS_BACKEND="memory",
               GTK_A11Y="atspi",
               LANG="C.UTF-8", LC_ALL="C.UTF-8",
               NO_AT_BRIDGE="0")
    env.pop("LANGUAGE", None)
    for folder in ("data", "config", "cache", "runtime"):
        os.makedirs(os.path.join(home, folder), mode=0o700, exist_ok=True)
    app = App([SIGNET, f"--database={uri}"], env)
    # No window manager places them: both would open in the corner, one
    # over the other.
    deadline = time.time() + 10
    while len(windows := subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                                        capture_output=True, text=True).stdout.split()) != 1:
        if time.time() > deadline:
            raise AssertionError(f"signet shows {len(windows)} windows, not one")
        time.sleep(0.2)
    subprocess.run(["xdotool", "windowsize", windows[0], str(WIDTH), str(HEIGHT),
                    "windowmove", windows[0], str(x), "0"], check=True)
    app.origin = (x, 0)
    return app


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


def activate(node, settle=0.5):
    """Presses @node through its accessible action, then leaves the
    window @settle seconds."""
    action = node.queryAction()
    for k in range(action.nActions):
        if action.getName(k) in ("click", "activate", "toggle"):
            action.doAction(k)
            time.sleep(settle)
            return
    raise AssertionError(f"{atspi_driver.accessible_name(node)!r} has no action")


def press(app, name):
    """Presses the button @name through its accessible action; the
    moment it was pressed, for the other window's delay."""
    node = app.find("button", name)
    pressed_at = time.monotonic()
    activate(node, settle=0)
    return pressed_at


def decide(app, action, field, text):
    """A step's decision in the process section: its button, then the
    dialog's field @field and its button of the same name. Through the
    accessibility tree, not the mouse, as test-contract-life.py does. The
    moment the dialog's button was pressed."""
    before = len(dialog_buttons(app, action))
    app.press("button", action)
    deadline = time.time() + 10
    while len(dialog_buttons(app, action)) <= before:
        if time.time() > deadline:
            raise AssertionError(f"{action!r} opened no dialog")
        time.sleep(0.2)
    time.sleep(1)
    entries = [e for e in app.find_all(("entry", "text"), field) if in_dialog(e)]
    assert entries, f"the dialog has no entry {field!r}"
    entries[-1].queryEditableText().setTextContents(text)
    time.sleep(0.2)
    pressed_at = time.monotonic()
    activate(dialog_buttons(app, action)[-1], settle=0)
    return pressed_at


def open_contract(app, showing):
    """Clicks the contract's title in the list until its page shows the
    button @showing."""
    deadline = time.time() + 15
    while not app.find_all("button", showing):
        if time.time() > deadline:
            raise AssertionError(f"{TITLE!r} did not open from the list; showing: {sorted(set(app.texts()))}")
        cells = [n for n in app.find_all("label", TITLE) if app._in_table_cell(n)]
        if cells:
            # The cell's extents leave out the list's header row (a click
            # at them lands on the column titles and sorts): the row is
            # one header lower, so click a line under the extents' top.
            ext = cells[0].queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            subprocess.run(["xdotool", "mousemove", str(app.origin[0] + ext.x + ext.width // 2),
                            str(app.origin[1] + ext.y + 2 * ext.height), "click", "1"], check=True)
        time.sleep(1)


def wait_for(what, predicate, timeout):
    """Waits until @predicate holds, looking every 50 ms; how long one
    look took, which the time it was seen may be late by."""
    start = time.monotonic()
    while True:
        looked_at = time.monotonic()
        if predicate():
            return time.monotonic() - looked_at
        if looked_at - start > timeout:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.05)


def status_in_list(app, status):
    """Whether the list's row of the contract shows @status."""
    try:
        return any(row.name.startswith(NUMBER + " ") and f" {status} " in row.name
                   for row in app.find_all("table row"))
    except Exception:
        return False


def main():
    server = Server()
    try:
        with tempfile.TemporaryDirectory() as home:
            run(server, home)
    finally:
        server.stop()
    print("1 passed, 0 failed")


def set_up(server, home):
    """The register as its administrator sets it up, with the real binary:
    the schema and roles, a login for each person, then an approval route
    whose one step is the approver's, a client and a draft of Sales owned
    by the editor, imported from a file."""
    print(signet_cli(f"--setup-server={server.uri}"), end="")
    print(signet_cli(f"--setup-server={server.uri}", f"--add-user={EDITOR_LOGIN}", "--role=editor",
                     f"--person={EDITOR}", f"--department={DEPARTMENT}"), end="")
    print(signet_cli(f"--setup-server={server.uri}", f"--add-user={APPROVER_LOGIN}", "--role=approver",
                     f"--person={APPROVER}", f"--department={DEPARTMENT}"), end="")
    xml = os.path.join(home, "register.xml")
    with open(xml, "w", encoding="utf-8") as f:
        f.write(REGISTER_XML)
    print(signet_cli(f"--database={server.uri}", f"--import={xml}"), end="", flush=True)
    rows = server.query("SELECT name, coalesce(db_user, ''), department FROM people ORDER BY id")
    assert rows == [[EDITOR, EDITOR_LOGIN, DEPARTMENT], [APPROVER, APPROVER_LOGIN, DEPARTMENT]], rows
    rows = server.query("SELECT s.name, p.name FROM approval_route_steps s JOIN people p ON p.id = s.person_id")
    assert rows == [[STEP, APPROVER]], rows


def run(server, home):
    step("the administrator sets up the register, with an editor and an approver of Sales")
    set_up(server, home)

    windows = []
    try:
        step("two windows side by side: the editor's and the approver's")
        editor = start(os.path.join(home, "editor"), server.as_user(EDITOR_LOGIN), 0)
        windows.append(editor)
        approver = start(os.path.join(home, "approver"), server.as_user(APPROVER_LOGIN), WIDTH)
        windows.append(approver)
        for app in windows:
            wait_for("the draft in the list", lambda: status_in_list(app, "Draft"), 10)
        approve_in_two_windows(editor, approver)
        screenshot = os.environ.get("SIGNET_E2E_SCREENSHOT")
        if screenshot:
            subprocess.run(["import", "-window", "root", screenshot], check=True, timeout=30)
            print(f"# both windows: {screenshot}")
        editor.press("button", "Back")
        wait_for("the editor's list showing the contract approved", lambda: status_in_list(editor, "Approved"), 5)
    finally:
        for app in windows:
            app.proc.terminate()
            app.proc.wait(10)

    step("the audit names each person for what they did")
    rows = server.query("SELECT \"user\", action FROM audit WHERE record_kind = 'contract' "
                        f"AND record_label = '{NUMBER}' AND action <> 'create' ORDER BY id")
    assert rows == [[EDITOR, "submit-for-review"], [APPROVER, "approve"]], f"the audit says {rows}"
    rows = server.query("SELECT action, recorded_by, coalesce(decided_by, '') FROM process_events ORDER BY id")
    assert rows == [["submit-for-review", EDITOR, ""], ["approve", APPROVER, APPROVER]], \
        f"the steps so far are {rows}"
    rows = server.query("SELECT s.state, s.decided_by, s.recorded_by, p.db_user, s.opinion FROM approval_steps s "
                        "JOIN people p ON p.id = s.decided_by_id")
    assert rows == [["approved", APPROVER, APPROVER, APPROVER_LOGIN, OPINION]], f"the approval step is {rows}"


def approve_in_two_windows(editor, approver):
    step("the editor opens the draft and submits it for review")
    open_contract(editor, "Submit for Review")
    submitted_at = press(editor, "Submit for Review")

    step("the approver's list shows it in review by itself")
    look = wait_for("the approver's list showing the contract in review",
                    lambda: status_in_list(approver, "In Review"), 5)
    print(f"# in review in the approver's list {time.monotonic() - submitted_at:.2f} s after the editor "
          f"pressed Submit for Review (a look at the list takes {look:.2f} s)", flush=True)
    editor.find("list item", "In Review")
    # The step is the approver's: the server would refuse the editor's
    # decision, and the editor's window does not offer one.
    offered = [name for name in ("Approve", "Return for Changes", "Reject") if editor.find_all("button", name)]
    assert not offered, f"the editor's window offers {offered} on the approver's step"

    step("the approver opens it and approves the pending step")
    open_contract(approver, "Approve")
    approved_at = decide(approver, "Approve", "Opinion (optional)", OPINION)

    step("the editor's page shows it approved, with nobody touching that window")
    decided = f"Approved by {APPROVER} on "
    look = wait_for("the editor's page showing the approval",
                    lambda: any(t.startswith(decided) for t in editor.texts()), 5)
    print(f"# approved on the editor's page {time.monotonic() - approved_at:.2f} s after the approver "
          f"pressed Approve (a look at the page takes {look:.2f} s)", flush=True)
    editor.find("list item", "Approved")
    editor.find("button", "Mark as Signed")
    assert not editor.find_all("button", "Submit for Review"), "the editor's page still offers Submit for Review"
    approver.find("list item", "Approved")
    assert not approver.find_all("button", "Approve"), "the approver's page still offers Approve"


if __name__ == "__main__":
    # meson's timeout ends the test with SIGTERM: the windows and the
    # server then go as after a failure.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    main()
