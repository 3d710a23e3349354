#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the window keeps its locks on the register while its file
dialogs list the register's folder.

GTK's own file chooser (no portal here) asks GIO for the type of every file
it lists, and GIO opens and closes a file to sniff it when its name is not
enough: signet.db, -wal and -shm. With POSIX locks that close dropped the
window's locks; the next program to use the register then thought it was
alone and deleted the WAL the window was still writing to, and the window's
next save was lost. Here the register is opened with Open a Register, then
Import, Export, Export Key Dates and Add File… are each opened on the
register's folder and cancelled; /proc/locks must still show the window's
locks; another program reads the register and closes it; the window saves a
change and is killed with SIGKILL; the change must be in the file and the
file sound."""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import atspi_driver  # noqa: E402

atspi_driver.require_session()

from atspi_driver import App, keys  # noqa: E402

SIGNET = os.environ["SIGNET_BINARY"]
SCHEMA_DIR = os.environ["SIGNET_SCHEMA_DIR"]

SEED = """<?xml version="1.0" encoding="UTF-8"?>
<register xmlns="https://signetapp.github.io/ns/register/1" version="1">
  <clients>
    <client code="K100"><name>华信科技</name></client>
  </clients>
  <contracts>
    <contract number="HT-2026-0001" client="K100">
      <title>Framework Agreement</title>
      <value currency="CNY">1234.50</value>
      <start-date>2026-01-01</start-date>
      <end-date>2026-12-31</end-date>
      <notice-days>30</notice-days>
      <status>draft</status>
      <risk-level>low</risk-level>
    </contract>
  </contracts>
</register>
"""

TITLE = "Framework Agreement"
SAVED_TITLE = "Framework Agreement, renewed"


def step(text):
    print(f"# {text}", flush=True)


def environment(home):
    return dict(os.environ,
                XDG_DATA_HOME=os.path.join(home, "data"),
                XDG_CONFIG_HOME=os.path.join(home, "config"),
                XDG_CACHE_HOME=os.path.join(home, "cache"),
                GSETTINGS_SCHEMA_DIR=SCHEMA_DIR,
                GSETTINGS_BACKEND="memory",
                GTK_A11Y="atspi",
                # GTK's own file chooser, in the process, as without a portal.
                GTK_USE_PORTAL="0",
                LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                NO_AT_BRIDGE="0")


def count_locks(path):
    """The lines of /proc/locks on the file's inode, whoever holds them
    (open file description locks show no process)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return 0
    wanted = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    with open("/proc/locks") as f:
        return sum(1 for line in f if wanted in line.split())


def other_program(db, *statements):
    """Another program on the register, with SQLite's usual POSIX locks, as
    the sqlite3 shell is: it runs the statements and closes the file."""
    connection = sqlite3.connect(db, timeout=5)
    try:
        return [connection.execute(s).fetchall() for s in statements]
    finally:
        connection.close()


def show_folder_and_cancel(app, title, folder_name):
    """In the file chooser that is opening, a dialog with that title: the
    register's folder, listed (every file in it has its type looked up),
    then Cancel."""
    app.find("dialog", title)
    app.click(app.find("label", folder_name))
    time.sleep(1.5)
    keys("Escape")
    app.wait_gone("dialog", title)


def from_main_menu(app, item, title, folder_name):
    step(f"{item} shows the register's folder and is cancelled")
    # GTK 4.18's menu button is a button holding the toggle button that opens the menu.
    app.press("toggle button", "Main Menu")
    app.press("menu item", item)
    show_folder_and_cancel(app, title, folder_name)


def export_and_cancel(app, folder_name):
    step("Export… shows its choices, then the register's folder, and is cancelled")
    app.press("toggle button", "Main Menu")
    app.press("menu item", "Export…")
    # The dialog asks what to export, then its Export… button asks for the
    # file, in a chooser of the same title over it.
    app.find("dialog", "Export Register")
    app.press("button", "Export…")
    app.click(app.find("label", folder_name))
    time.sleep(1.5)
    keys("Escape")
    app.wait_gone("label", folder_name)
    keys("Escape")
    app.wait_gone("dialog", "Export Register")


def main():
    with tempfile.TemporaryDirectory() as home:
        folder = os.path.join(home, "registers")
        os.mkdir(folder)
        db = os.path.join(folder, "register.db")
        seed = os.path.join(home, "seed.xml")
        with open(seed, "w") as f:
            f.write(SEED)
        env = environment(home)
        subprocess.run([SIGNET, f"--database={db}", f"--import={seed}", "--create"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        broken = os.path.join(folder, "broken.db")
        with open(broken, "w") as f:
            f.write("not a register\n")

        # The chooser's side bar offers the folder Signet was started in.
        os.chdir(folder)

        step("Open a Register, from a file that is no register, lists the folder and opens it")
        app = App([SIGNET, f"--database={broken}"], env)
        try:
            app.click(app.find("label", "Choose Another File…"))
            app.find("dialog", "Open a Register")
            app.click(app.find("label", "registers"))
            time.sleep(1.5)
            # GTK 4.18 opens the location entry with the folder in it, and
            # completes a name typed into it key by key.
            keys("ctrl+l")
            keys("ctrl+a")
            atspi_driver.paste_text(db)
            keys("Return")
            app.wait_in_list(TITLE)

            from_main_menu(app, "Import…", "Import Register", "registers")
            export_and_cancel(app, "registers")
            from_main_menu(app, "Export Key Dates as iCalendar…", "Export Key Dates", "registers")

            step("Add File… on the contract's page shows the folder and is cancelled")
            app.click(app.find("label", TITLE))
            app.press("button", "Add File…")
            show_folder_and_cancel(app, "Attach Files", "registers")

            step("the window still holds its locks on the register and its -shm")
            db_locks = count_locks(db)
            shm_locks = count_locks(db + "-shm")
            assert db_locks >= 1 and shm_locks >= 1, \
                f"after the dialogs /proc/locks shows {db_locks} lock(s) on the register and {shm_locks} on its -shm"

            step("another program reads the register and closes it")
            rows = other_program(db, "SELECT title FROM contracts")[0]
            assert rows == [(TITLE,)], rows
            assert os.path.exists(db + "-wal"), "the other program deleted the WAL the window writes to"

            step("the window saves a change and is killed")
            app.type_into("Title", SAVED_TITLE)
            keys("ctrl+s")
            app.wait_in_list(SAVED_TITLE)
        finally:
            app.proc.send_signal(signal.SIGKILL)
            app.proc.wait(10)

        step("the saved change is in the file, and the file is sound")
        titles, check = other_program(db, "SELECT title FROM contracts", "PRAGMA integrity_check")
        assert titles == [(SAVED_TITLE,)], f"the register holds {titles} after the window was killed"
        assert check == [("ok",)], check
        left = set(os.listdir(folder)) - {"register.db", "register.db-wal", "register.db-shm", "broken.db"}
        assert not left, f"a cancelled dialog wrote {left}"

    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
