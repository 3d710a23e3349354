#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, issue 13 as a Chinese user meets it: the real signet binary
in zh_CN on a fresh register, used through the accessibility tree. A
contract is created with the value typed as 1,250,000.50, found by the
pinyin initials of its title, deleted, brought back with Ctrl+Z (the main
menu naming it in between), and found again by the same search."""

import gettext
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
LOCALE_DIR = os.environ["SIGNET_LOCALE_DIR"]

CLIENT = "华东建设工程有限公司"
TITLE = "华东物流仓储服务合同"
# 华东物流: Hua Dong Wu Liu.
INITIALS = "hdwl"
VALUE_TYPED = "1,250,000.50"
VALUE_SHOWN = "¥1,250,000.50"

catalog = gettext.translation("signet", localedir=LOCALE_DIR, languages=["zh_CN"])
_ = catalog.gettext


def start(home, db):
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_SCHEMA_DIR=SCHEMA_DIR,
               GSETTINGS_BACKEND="memory",
               GTK_A11Y="atspi",
               LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8",
               NO_AT_BRIDGE="0")
    env.pop("LANGUAGE", None)
    return App([SIGNET, f"--database={db}"], env)


def step(text):
    print(f"# {text}", flush=True)


def row_label(app, text):
    """The label showing @text in a row of the list (a cell may hold it in
    a box, with a line under it), or None."""
    for node in app.find_all("label", text):
        try:
            parent = node.parent
            for _depth in range(3):
                if parent is None:
                    break
                if parent.getRoleName() == "table cell":
                    return node
                parent = parent.parent
        except Exception:
            continue
    return None


def wait_in_list(app, text, present=True, timeout=10):
    deadline = time.time() + timeout
    while (row_label(app, text) is not None) != present:
        if time.time() > deadline:
            state = "is not" if present else "is still"
            raise AssertionError(f"{text!r} {state} in the list; it shows {app.list_texts()}")
        time.sleep(0.2)


def search(app, text):
    app.type_into(_("Search"), text)


def undo_menu_item(app):
    """The label of the main menu's Undo item, read with the menu open."""
    app.press("toggle button", _("Main Menu"))
    deadline = time.time() + 10
    while True:
        for node in app.find_all("menu item"):
            name = atspi_driver.accessible_name(node)
            if name.startswith("撤销"):
                keys("Escape")
                return name
        if time.time() > deadline:
            keys("Escape")
            raise AssertionError("the main menu has no Undo item")
        time.sleep(0.2)


def main():
    with tempfile.TemporaryDirectory() as home:
        db = os.path.join(home, "register.db")

        step("a fresh register in Chinese shows its empty state")
        app = start(home, db)
        app.find("label", _("No Contracts Yet"))

        step("add a client in the Clients window")
        app.press("button", _("Clients"))
        app.press("button", _("Add Client"))
        app.type_into(_("Name"), CLIENT)
        app.type_into(_("Code"), "HDJX")
        app.press("button", _("Save"))
        app.find("label", CLIENT)
        keys("Escape")
        app.wait_gone("button", _("Add Client"))

        step(f"create a contract with the value typed as {VALUE_TYPED}")
        app.press("button", _("New Contract"))
        app.type_into(_("Title"), TITLE)
        app.type_into(_("Value"), VALUE_TYPED)
        app.press("button", _("Save"))
        wait_in_list(app, TITLE)
        app.wait_in_list(VALUE_SHOWN)

        step(f"find it by the pinyin initials of its title, {INITIALS!r}")
        app.press(("toggle button", "button"), _("Search"))
        search(app, "没有这样的合同")
        wait_in_list(app, TITLE, present=False)
        search(app, INITIALS)
        wait_in_list(app, TITLE)

        step("delete it from its page")
        app.click(row_label(app, TITLE))
        app.click(app.find("button", _("Delete")))
        wait_in_list(app, TITLE, present=False)
        name = undo_menu_item(app)
        assert "HT-" in name and name.startswith("撤销删除合同"), f"the Undo item reads {name!r}"

        step("Ctrl+Z brings it back, value and all")
        keys("ctrl+z")
        wait_in_list(app, TITLE)
        app.wait_in_list(VALUE_SHOWN)
        name = undo_menu_item(app)
        assert name.replace("(U)", "").replace("(_U)", "") == "撤销", f"the Undo item reads {name!r}"

        step("the same search finds it again")
        search(app, "没有这样的合同")
        wait_in_list(app, TITLE, present=False)
        search(app, INITIALS)
        wait_in_list(app, TITLE)

        code = app.quit()
        assert code == 0, f"signet exited with {code}"

    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
