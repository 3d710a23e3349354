#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the real signet binary on a fresh database, used through the
accessibility tree as a person would: add a client, add a contract, find it
by searching, quit, start again and find it still there."""

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

CLIENT = "北京云启科技有限公司"
TITLE = "软件许可协议 Cloud Licence"


def start(home, db):
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_SCHEMA_DIR=SCHEMA_DIR,
               GSETTINGS_BACKEND="memory",
               GTK_A11Y="atspi",
               LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               NO_AT_BRIDGE="0")
    return App([SIGNET, f"--database={db}"], env)


def step(text):
    print(f"# {text}", flush=True)


def main():
    with tempfile.TemporaryDirectory() as home:
        db = os.path.join(home, "register.db")

        step("a fresh register shows its empty state")
        app = start(home, db)
        app.find("label", "No Contracts Yet")

        step("add a client in the Clients window")
        app.press("button", "Clients")
        app.press("button", "Add Client")
        app.type_into("Name", CLIENT)
        app.type_into("Code", "C001")
        app.press("button", "Save")
        app.find("label", CLIENT)
        keys("Escape")
        app.wait_gone("button", "Add Client")

        step("create a contract for that client")
        app.press("button", "New Contract")
        app.type_into("Title", TITLE)
        app.press("button", "Save")
        app.wait_in_list(TITLE)
        app.wait_in_list(CLIENT)

        step("find it by a Chinese search")
        app.press(("toggle button", "button"), "Search")
        app.type_into("Search", "许可协议")
        app.wait_in_list(TITLE)
        app.type_into("Search", "no such contract")
        app.find("label", "No Results")
        app.wait_in_list(TITLE, present=False)

        step("quit and start again: the contract is still there")
        code = app.quit()
        assert code == 0, f"signet exited with {code}"

        app = start(home, db)
        app.wait_in_list(TITLE)
        app.wait_in_list(CLIENT)
        app.quit()

    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
