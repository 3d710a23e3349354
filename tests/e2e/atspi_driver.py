# SPDX-License-Identifier: GPL-3.0-or-later
"""A small driver that uses an application the way a person does: it finds
controls by their role and accessible name in the AT-SPI tree, clicks them
and types into them with the X server's own input (xdotool)."""

import os
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
    from gi.repository import Atspi
except ImportError as error:
    # Exit status 77: meson counts the test as skipped.
    print(f"SKIP: python3-pyatspi is not installed ({error}): the end-to-end tests drive Signet through it")
    sys.exit(77)


class NotFound(AssertionError):
    pass


def _role_names():
    """Every role by the name AT-SPI gives it now ("button") and by the
    name of its constant, which older AT-SPI gave too ("push button")."""
    names = {}
    for attr in dir(pyatspi):
        role = getattr(pyatspi, attr)
        if attr.startswith("ROLE_") and isinstance(role, int):
            names[Atspi.role_get_name(role)] = int(role)
            names[attr[len("ROLE_"):].lower().replace("_", " ")] = int(role)
    return names


_ROLES = _role_names()


def _roles(role):
    """The AT-SPI roles that one role name, or a tuple of them, stands for."""
    wanted = role if isinstance(role, tuple) else (role,)
    unknown = [r for r in wanted if r not in _ROLES]
    if unknown:
        raise ValueError(f"AT-SPI has no role named {unknown[0]!r}")
    return {_ROLES[r] for r in wanted}


def _walk(node, depth=0, limit=60):
    if node is None or depth > limit:
        return
    # Widgets that go while the tree is read (a list being refilled) leave
    # their part of it out; the callers look again.
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        if child is None:
            continue
        yield child
        yield from _walk(child, depth + 1, limit)


def accessible_name(node):
    """The name a screen reader gives a control: its own, or else the text
    of the objects it is labelled by, which is how GTK 4.18 names the items
    of a popover menu."""
    if node.name:
        return node.name
    for relation in node.getRelationSet():
        if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        texts = []
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            text = target.name
            if not text and "Text" in target.get_interfaces():
                text = target.queryText().getText(0, -1)
            if text:
                texts.append(text)
        return " ".join(texts)
    return ""


def _describe(node):
    """Role and name, for a message; None for a control without a name or
    one that went meanwhile."""
    try:
        name = accessible_name(node)
        return f"{node.getRoleName()}:{name}" if name else None
    except Exception:
        return None


def _showing(node):
    # GTK 4.8 set no showing state on children, and the pages of a stack
    # that are not shown still say visible; what is on screen has a size.
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
        # Where the window is on the screen: AT-SPI gives places in the
        # window, and a window moved off the corner (two side by side)
        # says where it went.
        self.origin = (0, 0)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise AssertionError(f"{argv[0]} exited with {self.proc.returncode} before showing a window: "
                                     + self.log.read().decode(errors="replace"))
            desktop = pyatspi.Registry.getDesktop(0)
            for app in desktop:
                if app is not None and app.name == name and app.get_process_id() == self.proc.pid:
                    if any(c is not None and c.getRole() == pyatspi.ROLE_FRAME for c in app):
                        self.root = app
                        return
            time.sleep(0.2)
        raise AssertionError(f"no window of {name} appeared within {timeout} s")

    def find_all(self, role=None, name=None, showing=True):
        """The controls of a role (a role name as current AT-SPI gives it,
        or a tuple of them) and an accessible name that are showing."""
        roles = _roles(role) if role is not None else None
        out = []
        for node in _walk(self.root):
            try:
                if roles is not None and int(node.getRole()) not in roles:
                    continue
                if name is not None and accessible_name(node) != name:
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
                names = sorted(filter(None, (_describe(n) for n in self.find_all())))
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
            # A row that goes while it is read (the list changing) is not shown.
            try:
                if node.name and self._in_table_cell(node):
                    out.append(node.name)
            except Exception:
                continue
        return out

    @staticmethod
    def _in_table_cell(node):
        """Whether @node is a cell's text: the cell's child, or in a box in
        it (the title's cell holds the title and where a search found it)."""
        parent = node.parent
        for _ in range(2):
            if parent is None:
                return False
            if parent.getRole() == pyatspi.ROLE_TABLE_CELL:
                return True
            parent = parent.parent
        return False

    def wait_in_list(self, text, present=True, timeout=10):
        deadline = time.time() + timeout
        while (text in self.list_texts()) != present:
            if time.time() > deadline:
                state = "is not" if present else "is still"
                raise AssertionError(f"{text!r} {state} in the list; the list shows {self.list_texts()}")
            time.sleep(0.2)

    def texts(self):
        """Every label, cell and heading text that is showing."""
        return [n.name for n in self.find_all(("label", "table cell", "heading", "static", "text"))
                if n.name]

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
        ext = self._scrolled_into_view(node)
        x = self.origin[0] + ext.x + max(1, ext.width // 2)
        y = self.origin[1] + ext.y + max(1, ext.height // 2)
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
        time.sleep(0.3)

    @staticmethod
    def _window_height(node):
        while node is not None and node.getRole() not in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW,
                                                          pyatspi.ROLE_DIALOG):
            node = node.parent
        return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height if node is not None else None

    def _scrolled_into_view(self, node, tries=150):
        """The extents of @node once it is inside its window, clear of the
        page's action bar: a field below the fold of a scrolled page (the
        contract's form under its process) is brought up with the mouse
        wheel over the page, as a user does, before it is clicked."""
        height = self._window_height(node)
        for _ in range(tries):
            ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if height is None or (ext.y >= 0 and ext.y + ext.height <= height - 80):
                return ext
            button = "5" if ext.y + ext.height > height - 80 else "4"
            subprocess.run(["xdotool", "mousemove", str(self.origin[0] + ext.x + max(1, ext.width // 2)),
                            str(self.origin[1] + height // 2), "click", button], check=True)
            time.sleep(0.15)
        return ext

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
        time.sleep(0.3)
    else:
        paste_text(text)


def paste_text(text):
    """Pastes text whole, as into an entry that completes what is typed
    key by key (GTK's file chooser completes file names)."""
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
