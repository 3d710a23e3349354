# SPDX-License-Identifier: GPL-3.0-or-later
"""A small driver that uses an application the way a person does: it finds
controls by their role and accessible name in the AT-SPI tree, clicks them
and types into them with the X server's own input (xdotool)."""

import os
import subprocess
import sys
import tempfile
import time

import pyatspi


class NotFound(AssertionError):
    pass


def _walk(node, depth=0, limit=60):
    if node is None or depth > limit:
        return
    for child in node:
        if child is None:
            continue
        yield child
        yield from _walk(child, depth + 1, limit)


def _showing(node):
    # GTK 4.8 does not set the showing state on children, and the pages
    # of a stack that are not shown still say visible; what is on screen
    # has a size.
    try:
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return ext.width > 0 and ext.height > 0
    except Exception:
        return False


class App:
    def __init__(self, argv, env, name="signet", timeout=20):
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(argv, env=env, stderr=self.log)
        self.name = name
        self.root = None
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise AssertionError(f"{argv[0]} exited with {self.proc.returncode} before showing a window: "
                                     + self.log.read().decode(errors="replace"))
            desktop = pyatspi.Registry.getDesktop(0)
            for app in desktop:
                if app is not None and app.name == name and app.get_process_id() == self.proc.pid:
                    if any(c is not None and c.getRoleName() == "frame" for c in app):
                        self.root = app
                        return
            time.sleep(0.2)
        raise AssertionError(f"no window of {name} appeared within {timeout} s")

    def find_all(self, role=None, name=None, showing=True):
        out = []
        for node in _walk(self.root):
            try:
                if role is not None and node.getRoleName() not in (role if isinstance(role, tuple) else (role,)):
                    continue
                if name is not None and node.name != name:
                    continue
                if showing and not _showing(node):
                    continue
            except Exception:
                continue
            out.append(node)
        return out

    def find(self, role=None, name=None, timeout=10):
        deadline = time.time() + timeout
        while True:
            found = self.find_all(role, name)
            if found:
                return found[0]
            if time.time() > deadline:
                names = sorted({f"{n.getRoleName()}:{n.name}" for n in self.find_all() if n.name})
                raise NotFound(f"no {role or 'control'} named {name!r} is showing; showing: {names}")
            time.sleep(0.2)

    def wait_gone(self, role, name, timeout=10):
        deadline = time.time() + timeout
        while self.find_all(role, name):
            if time.time() > deadline:
                raise AssertionError(f"{role} {name!r} is still showing")
            time.sleep(0.2)

    def list_texts(self):
        """The texts in the cells of the table rows that are showing."""
        out = []
        for node in self.find_all("label"):
            parent = node.parent
            if parent is not None and parent.getRoleName() == "table cell" and node.name:
                out.append(node.name)
        return out

    def wait_in_list(self, text, present=True, timeout=10):
        deadline = time.time() + timeout
        while (text in self.list_texts()) != present:
            if time.time() > deadline:
                state = "is not" if present else "is still"
                raise AssertionError(f"{text!r} {state} in the list; the list shows {self.list_texts()}")
            time.sleep(0.2)

    def texts(self):
        """Every label, cell and heading text that is showing."""
        return [n.name for n in self.find_all() if n.name and n.getRoleName() in
                ("label", "table cell", "heading", "static", "text")]

    def press(self, role, name):
        node = self.find(role, name)
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press", "toggle"):
                action.doAction(i)
                break
        else:
            self.click(node)
        time.sleep(0.3)
        return node

    def click(self, node):
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        x = ext.x + max(1, ext.width // 2)
        y = ext.y + max(1, ext.height // 2)
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
        time.sleep(0.3)

    def type_into(self, name, text, replace=True):
        node = self.find(("entry", "text", "password text"), name)
        self.click(node)
        if replace:
            keys("ctrl+a")
            keys("BackSpace")
        type_text(text)
        return node

    def quit(self, timeout=10):
        keys("ctrl+q")
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the application did not quit on Ctrl+Q")


def type_text(text):
    """Types ASCII text key by key. Other text (Chinese) is pasted, as with an
    input method it arrives whole: xdotool can only type a character outside
    the keymap by remapping a spare key, which races with the application
    reading the previous one."""
    if text.isascii():
        subprocess.run(["xdotool", "type", "--delay", "15", text], check=True)
    else:
        subprocess.run(["xclip", "-selection", "clipboard", "-loops", "1"],
                       input=text.encode(), check=True, timeout=10)
        keys("ctrl+v")
    time.sleep(0.3)


def keys(*combos):
    subprocess.run(["xdotool", "key", "--delay", "40", *combos], check=True)
    time.sleep(0.3)


def require_session():
    """The test needs an X server and a session bus of its own (meson runs
    it under xvfb-run and dbus-run-session)."""
    missing = [v for v in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS") if not os.environ.get(v)]
    if missing:
        print(f"1..0 # SKIP no {' and no '.join(missing)}: run under xvfb-run and dbus-run-session")
        sys.exit(77)
