#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fault suite: kill -9 at random moments of three writes, each as a
user makes it with the real signet binary, then check the register.

  import  signet --database=REG --import=FILE of a 100,000-contract file
  save    the window: a contract's title changed, Ctrl+S pressed
  attach  the window: Add File…, a 150 MB file typed into the file chooser

Each operation is first run to its end a few times to measure how long it
takes (D); each of the RUNS kills then comes at a moment drawn uniformly
from [0, D] after the start (the spawn of the import, the key press in the
window). After each kill:

  1. sqlite3 REG 'PRAGMA integrity_check' prints ok;
  2. signet --database=REG --export=- succeeds and exports every contract;
  3. all or nothing: the register holds either the state before the
     operation or the state the operation writes when it runs to its end,
     table counts, values, audit entries and the file's SHA-256 included;
  4. nothing that was in the register before the operation is lost.

A run survives when 1 to 4 hold; data lost counts the runs where 4 fails
or the register can no longer be read. Before the kills, each check is
tried on registers broken on purpose (--no-self-test skips that). Run it
with run-fault-suite.sh; it needs an X server and a session bus for the
window."""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

OPERATIONS = ("import", "save", "attach")

# The register size the app is built for (docs/benchmarks.md); exported,
# it is also a file that takes a second or more to import (2.5 s here).
LARGE_CONTRACTS = 100_000
LARGE_CLIENTS = 2_000
ATTACH_BYTES = 150_000_000
CALIBRATIONS = {"import": 3, "save": 5, "attach": 2}

METHODS = {
    "import": "kill -9 of `signet --import` of a {contracts:,}-contract, {mb:.0f} MB XML file into a "
              "register of {base} contracts, at a uniform moment in [0, {d:.0f} ms] after the spawn{window}",
    "save": "kill -9 of the window on a register of {contracts:,} contracts at a uniform moment in "
            "[0, {d:.0f} ms] after Ctrl+S (xdotool) saves a new title of a contract{window}",
    "attach": "kill -9 of the window at a uniform moment in [0, {d:.0f} ms] after Return in the "
              "file chooser (Add File…, path typed after Ctrl+L) attaches a {mb:.0f} MB file{window}",
}


def log(text=""):
    print(text, flush=True)


class Skip(Exception):
    """An operation that cannot be run here, with the reason."""


# The register

def remove_register(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(path + suffix)
        except FileNotFoundError:
            pass


def copy_register(source, dest):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    remove_register(dest)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, dest + suffix)


def query(path, sql, args=()):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def scalar(path, sql, args=()):
    return query(path, sql, args)[0][0]


def columns(path, table):
    return [row[1] for row in query(path, f"PRAGMA table_info({table})")]


def count_locks(paths):
    """POSIX and open-file-description locks on the given files, whoever holds
    them (nothing else has the register open when this is asked)."""
    keys = set()
    for path in paths:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            continue
        keys.add((os.major(st.st_dev), os.minor(st.st_dev), st.st_ino))
    n = 0
    with open("/proc/locks") as f:
        for line in f:
            fields = line.split()
            # "1: POSIX  ADVISORY  READ 123 fd:00:4567 128 128"; a blocked
            # request has "->" after the number.
            if len(fields) > 1 and fields[1] == "->":
                continue
            for field in fields:
                parts = field.split(":")
                if len(parts) == 3 and all(parts):
                    try:
                        key = (int(parts[0], 16), int(parts[1], 16), int(parts[2]))
                    except ValueError:
                        continue
                    if key in keys:
                        n += 1
                    break
    return n


class LockTrace:
    """strace of a process's fcntl calls, to see when it held SQLite's WAL
    write lock: byte 120 of the -shm file (WALINDEX_LOCK_OFFSET in
    sqlite3.c). Only used in one extra complete run, since tracing slows
    the process down."""

    PATTERN = re.compile(r"^(?:\d+\s+)?(\d+\.\d+) fcntl\(\d+, F_(?:OFD_)?SETLKW?, "
                         r"\{l_type=F_(WRLCK|UNLCK), l_whence=SEEK_SET, l_start=120, l_len=1\}\) = 0")

    def __init__(self, pid, path):
        self.path = path
        self.proc = None
        if shutil.which("strace"):
            self.proc = subprocess.Popen(["strace", "-f", "-ttt", "-e", "trace=fcntl", "-o", path,
                                          "-p", str(pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait()

    def held(self, since):
        if self.proc is None:
            return None
        self.stop()
        return self.longest_hold(self.path, since)

    @classmethod
    def longest_hold(cls, path, since):
        """The longest time the lock was held after @since (a time.time()),
        as (taken, released) in ms after @since: the operation's write,
        not the small writes of opening the register."""
        start = best = None
        with open(path) as f:
            for line in f:
                m = cls.PATTERN.match(line)
                if not m:
                    continue
                at = (float(m.group(1)) - since) * 1000
                if m.group(2) == "WRLCK" and at >= 0 and start is None:
                    start = at
                elif m.group(2) == "UNLCK" and start is not None:
                    if best is None or at - start > best[1] - best[0]:
                        best = (start, at)
                    start = None
        return best


class Growth(threading.Thread):
    """The sizes of files every 10 ms, by stat() alone, so that nothing
    opens the register while the window writes it."""

    def __init__(self, paths, since):
        super().__init__(daemon=True)
        self.paths = paths
        self.since = since
        self.samples = []
        self.stopped = threading.Event()
        self.start()

    def run(self):
        while not self.stopped.is_set():
            sizes = []
            for path in self.paths:
                try:
                    sizes.append(os.stat(path).st_size)
                except FileNotFoundError:
                    sizes.append(0)
            self.samples.append(((time.monotonic() - self.since) * 1000, sizes))
            time.sleep(0.01)

    def span(self, index):
        """When the file first grew and when it reached its largest size, in
        ms after @since."""
        self.stopped.set()
        self.join()
        if not self.samples:
            return None
        initial = self.samples[0][1][index]
        largest = max(sizes[index] for _, sizes in self.samples)
        if largest <= initial:
            return None
        grew = next(t for t, sizes in self.samples if sizes[index] > initial)
        full = next(t for t, sizes in self.samples if sizes[index] == largest)
        return grew, full


# The checks every kill is followed by

class Result:
    def __init__(self, op, index):
        self.op = op
        self.index = index
        self.problems = []   # integrity, opening or all-or-nothing failed
        self.lost = []       # what was in the register before is gone
        self.outcome = "?"
        self.finished_first = False

    @property
    def survived(self):
        return not self.problems and not self.lost


def check_opens(suite, reg, result):
    """Steps 1 and 2; returns the number of contracts the app exported."""
    out = subprocess.run(["sqlite3", reg, "PRAGMA integrity_check"],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0 or out.stdout.strip() != "ok":
        result.problems.append(f"integrity_check: exit {out.returncode}: "
                               f"{(out.stdout + out.stderr).strip()[:500]}")
        result.lost.append("the register is damaged")
        return None
    exported = subprocess.run([suite.signet, f"--database={reg}", "--export=-"],
                              capture_output=True, env=suite.cli_env, timeout=600)
    if exported.returncode != 0:
        result.problems.append(f"signet --export=- exits {exported.returncode}: "
                               f"{exported.stderr.decode(errors='replace').strip()[:500]}")
        result.lost.append("the app cannot read the register")
        return None
    return exported.stdout.count(b"<contract ")


def contracts_digest(path, where="1", args=()):
    """The user's fields of the contracts, for 'nothing else changed'."""
    rows = query(path, f"SELECT number, title, client_id, contract_type, owner, department, value, "
                       f"currency, signing_date, start_date, end_date, auto_renew, notice_days, "
                       f"status, risk_level, tags, notes FROM contracts WHERE {where} ORDER BY id", args)
    return hashlib.sha256(repr(rows).encode()).hexdigest(), len(rows)


def audit_count(path, contract_id=None):
    if contract_id is None:
        return scalar(path, "SELECT count(*) FROM audit")
    return scalar(path, "SELECT count(*) FROM audit WHERE record_kind = 'contract' AND record_id = ?",
                  (contract_id,))


def newest_audit_mentions(path, contract_id, text):
    """Whether the contract's newest audit entry records @text as a new value,
    in the audit's JSON changes or, in an older schema, its changes table."""
    audit_columns = columns(path, "audit")
    if "changes" in audit_columns:
        row = query(path, "SELECT action, changes FROM audit WHERE record_kind = 'contract' AND record_id = ? "
                          "ORDER BY id DESC LIMIT 1", (contract_id,))
        if not row:
            return False
        try:
            changes = json.loads(row[0][1])
        except ValueError:
            return text in row[0][1]
        return any(isinstance(c, list) and len(c) >= 3 and c[2] == text for c in changes)
    tables = {r[0] for r in query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "audit_changes" in tables:
        return bool(query(path, "SELECT 1 FROM audit_changes WHERE audit_id = (SELECT max(id) FROM audit "
                                "WHERE record_kind = 'contract' AND record_id = ?) AND new_value = ?",
                          (contract_id, text)))
    return True


# The suite

class Suite:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build_dir)
        self.signet = os.path.join(self.build, "src", "signet")
        self.generate = os.path.join(self.build, "bench", "signet-bench-generate")
        self.seed = args.seed
        self.work = os.path.abspath(args.work_dir) if args.work_dir else \
            tempfile.mkdtemp(prefix=f"signet-fault-{self.seed}-")
        os.makedirs(self.work, exist_ok=True)
        self.fixture = os.path.join(self.work, "fixture")
        self.files = os.path.join(self.work, "files")
        self.home = os.path.join(self.work, "home")
        for d in (self.fixture, self.files, self.home):
            os.makedirs(d, exist_ok=True)
        self.cli_env = dict(os.environ,
                            XDG_DATA_HOME=os.path.join(self.home, "data"),
                            XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                            XDG_CACHE_HOME=os.path.join(self.home, "cache"),
                            GSETTINGS_SCHEMA_DIR=os.path.join(self.build, "data"),
                            GSETTINGS_BACKEND="memory",
                            LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        # The in-process file chooser (no portal), which takes a typed path;
        # cairo, because GL on llvmpipe would take the CPU the kills race with.
        self.gui_env = dict(self.cli_env, GTK_A11Y="atspi", NO_AT_BRIDGE="0",
                            GTK_USE_PORTAL="0", GSK_RENDERER="cairo")
        self.results = {}
        self.skipped = {}
        self.durations = {}
        self.windows = {}
        self.notes = {}
        self.kept = []

    def run_tool(self, argv, **kwargs):
        out = subprocess.run(argv, capture_output=True, text=True, env=self.cli_env, **kwargs)
        if out.returncode != 0:
            raise Skip(f"{' '.join(argv)} exits {out.returncode}: {(out.stderr or out.stdout).strip()[:300]}")
        return out.stdout

    def base_register(self):
        path = os.path.join(self.fixture, "base.db")
        if not os.path.exists(path):
            self.run_tool([self.generate, "--contracts=20", "--clients=5", "--seed=1", path])
        return path

    def moments(self, op):
        rng = random.Random(f"{self.seed}:{op}")
        return [rng.random() for _ in range(self.args.runs)]

    def run_dir(self, op, index):
        path = os.path.join(self.work, "runs", f"{op}-{index:02d}")
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        return path

    def snapshot(self, reg, run_dir):
        """The files as the kill left them, before any check recovers them."""
        copy_register(reg, os.path.join(run_dir, "killed", os.path.basename(reg)))

    def finish_run(self, result, run_dir, duration, fraction, extra=""):
        self.results.setdefault(result.op, []).append(result)
        state = "survived" if result.survived else "FAILED"
        moment = fraction * duration
        log(f"  {result.op} run {result.index:2d}/{self.args.runs}: kill at {moment:7.1f} ms of {duration:.0f} ms"
            f"{' (had finished)' if result.finished_first else ''}: {result.outcome}{extra}: {state}")
        if result.survived:
            shutil.rmtree(run_dir, ignore_errors=True)
            return
        for p in result.problems + result.lost:
            log(f"      {p}")
        with open(os.path.join(run_dir, "failure.txt"), "w") as f:
            f.write(f"operation {result.op}, run {result.index}, seed {self.seed}\n")
            f.write(f"kill at {moment:.1f} ms of a measured {duration:.1f} ms\n")
            f.write(f"outcome {result.outcome}\n")
            for p in result.problems + result.lost:
                f.write(p + "\n")
            f.write(f"repeat: tests/fault/run-fault-suite.sh {self.args.build_dir} {self.args.runs} "
                    f"--seed={self.seed} --only={result.op} --run={result.index} "
                    f"--duration={result.op}={duration:.1f}\n")
            f.write("killed/ holds the register files as the kill left them; the register beside it "
                    "is the one the checks opened.\n")
        self.kept.append(run_dir)

    def calibrate(self, op, measure):
        fixed = dict(d.split("=", 1) for d in self.args.duration)
        if op in fixed:
            self.durations[op] = (float(fixed[op]), [])
            return float(fixed[op])
        samples = []
        for i in range(CALIBRATIONS[op]):
            samples.append(measure(i, False))
        d = max(samples)
        self.durations[op] = (d, samples)
        log(f"  {op}: measured {', '.join(f'{s:.0f}' for s in samples)} ms to the end; kills over [0, {d:.0f} ms]")
        if op == "attach":
            phases = self.windows.get("attach")
            if phases:
                log(f"  attach: in the last of them the WAL grew from {phases[0]:.0f} to {phases[1]:.0f} ms after "
                    f"the key press (the insert), the register file from {phases[2]:.0f} to {phases[3]:.0f} ms "
                    f"(SQLite's checkpoint)")
            return d
        try:
            measure(len(samples), True)
        except Skip as e:
            log(f"  {op}: no run under strace: {e}")
        else:
            if op in self.windows:
                a, b, total = self.windows[op]
                log(f"  {op}: in a run under strace, which took {total:.0f} ms to the end, the write lock was "
                    f"held from {a:.0f} to {b:.0f} ms after the {'spawn' if op == 'import' else 'key press'}")
        return d

    def window_note(self, op):
        if op not in self.windows:
            return ""
        if op == "attach":
            a, b, c, d = self.windows[op]
            return (f"; in a measured run the WAL grew from {a:.0f} to {b:.0f} ms after the key (the insert), "
                    f"the register file from {c:.0f} to {d:.0f} ms (the checkpoint)")
        a, b, total = self.windows[op]
        return (f"; in one run under strace (slower: {total:.0f} ms to the end) the write lock was held "
                f"from {a:.0f} to {b:.0f} ms after the {'spawn' if op == 'import' else 'key'}")

    def selected_runs(self):
        return [self.args.run] if self.args.run else list(range(1, self.args.runs + 1))

    # import

    def large_register(self):
        """The register at the size the app is built for (docs/benchmarks.md):
        100,000 contracts of 2,000 clients, written through the store."""
        path = os.path.join(self.fixture, "large.db")
        if not os.path.exists(path):
            self.run_tool([self.generate, f"--contracts={LARGE_CONTRACTS}", f"--clients={LARGE_CLIENTS}",
                           "--seed=2", path])
        return path

    def import_fixture(self):
        xml = os.path.join(self.fixture, "import.xml")
        if os.path.exists(xml):
            return xml
        exported = os.path.join(self.fixture, "large.xml")
        self.run_tool([self.signet, f"--database={self.large_register()}", f"--export={exported}"])
        with open(exported, encoding="utf-8") as f:
            text = f.read()
        # Other numbers and client codes than the base register's, so that
        # every contract of the file is new there.
        text = text.replace('number="HT-', 'number="IM-')
        text = re.sub(r'\b(code|client)="C', r'\1="X', text)
        with open(xml, "w", encoding="utf-8") as f:
            f.write(text)
        os.unlink(exported)
        return xml

    def run_import(self):
        log("import: preparing the file")
        base = self.base_register()
        xml = self.import_fixture()
        with open(xml, "rb") as f:
            data = f.read()
        file_contracts = data.count(b"<contract ")
        file_clients = data.count(b"<client ")
        del data
        expect = self.import_expectations(base)
        before = expect["before"]
        expected_after = None

        def start(reg, trace=None):
            # strace starts the process itself here, so it can filter in the
            # kernel and slows the import down less than when it attaches.
            tracer = ["strace", "--seccomp-bpf", "-f", "-ttt", "-e", "trace=fcntl", "-o", trace] if trace else []
            t0 = time.monotonic()
            proc = subprocess.Popen(tracer + [self.signet, f"--database={reg}", f"--import={xml}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.cli_env)
            return t0, proc

        def measure(i, traced):
            nonlocal expected_after
            reg = os.path.join(self.work, "calibration", "import.db")
            copy_register(base, reg)
            trace = reg + ".strace" if traced and shutil.which("strace") else None
            spawned = time.time()
            t0, proc = start(reg, trace)
            _, err = proc.communicate(timeout=600)
            elapsed = (time.monotonic() - t0) * 1000
            if trace:
                held = LockTrace.longest_hold(trace, spawned)
                if held:
                    self.windows["import"] = held + (elapsed,)
            if proc.returncode != 0:
                raise Skip(f"the import does not complete: exit {proc.returncode}: {err.decode(errors='replace')[:300]}")
            after = self.import_state(reg)
            if after["contracts"] != before["contracts"] + file_contracts or \
               after["clients"] != before["clients"] + file_clients:
                raise Skip(f"a complete import gives {after}, not {file_contracts} contracts and "
                           f"{file_clients} clients more than {before}")
            if expected_after is not None and after != expected_after:
                raise Skip(f"two complete imports give {expected_after} and {after}")
            expected_after = after
            remove_register(reg)
            return elapsed

        log(f"import: {file_contracts:,} contracts and {file_clients:,} clients, {os.path.getsize(xml) / 1e6:.0f} MB, "
            f"into {before['contracts']} contracts")
        duration = self.calibrate("import", measure)
        if expected_after is None:
            # The duration was given: one complete import for the state after.
            measure(0, False)
        self.notes["import"] = METHODS["import"].format(contracts=file_contracts, mb=os.path.getsize(xml) / 1e6,
                                                        base=before["contracts"], d=duration,
                                                        window=self.window_note("import"))
        fractions = self.moments("import")
        for index in self.selected_runs():
            run_dir = self.run_dir("import", index)
            reg = os.path.join(run_dir, "register.db")
            copy_register(base, reg)
            result = Result("import", index)
            t0, proc = start(reg)
            deadline = t0 + fractions[index - 1] * duration / 1000
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(min(0.005, max(0.0, deadline - time.monotonic())))
            result.finished_first = proc.poll() is not None
            proc.kill()
            proc.communicate()
            self.snapshot(reg, run_dir)
            self.check_import(reg, result, expect, expected_after)
            self.finish_run(result, run_dir, duration, fractions[index - 1])

    def import_expectations(self, base):
        numbers = tuple(r[0] for r in query(base, "SELECT number FROM contracts"))
        return {"before": self.import_state(base), "numbers": numbers,
                "digest": contracts_digest(base)}

    def check_import(self, reg, result, expect, expected_after):
        exported = check_opens(self, reg, result)
        if exported is None:
            return
        before = expect["before"]
        state = self.import_state(reg)
        if state == before:
            result.outcome = "nothing imported"
        elif state == expected_after:
            result.outcome = "all imported"
        else:
            result.outcome = f"partly imported {state}"
            result.problems.append(f"all or nothing: {state}, neither {before} nor {expected_after}")
        if exported != state["contracts"]:
            result.problems.append(f"the export has {exported} contracts, the register {state['contracts']}")
        numbers = expect["numbers"]
        if contracts_digest(reg, f"number IN ({','.join('?' * len(numbers))})", numbers) != expect["digest"]:
            result.lost.append("the contracts that were there before the import changed or are gone")

    @staticmethod
    def import_state(path):
        return {"contracts": scalar(path, "SELECT count(*) FROM contracts"),
                "clients": scalar(path, "SELECT count(*) FROM clients"),
                "audit": audit_count(path)}

    # the window

    def start_window(self, reg, cwd=None):
        from atspi_driver import App
        old = os.getcwd()
        if cwd:
            os.chdir(cwd)
        try:
            return App([self.signet, f"--database={reg}"], self.gui_env, timeout=60)
        finally:
            os.chdir(old)

    @staticmethod
    def window_gone(app):
        """Why the window is gone, or None while it runs."""
        if app.proc.poll() is None:
            return None
        app.log.seek(0)
        tail = app.log.read().decode(errors="replace").strip()[-1500:]
        return f"signet exited with {app.proc.returncode}: {tail}"

    @staticmethod
    def kill_window(app):
        try:
            app.proc.send_signal(signal.SIGKILL)
        except ProcessLookupError:
            pass
        app.proc.wait()

    def open_contract(self, app, number):
        app.click(app.find("label", number, timeout=30))
        app.find(("entry", "text"), "Title", timeout=30)

    # save

    def prepare_save(self, reg, number, title):
        app = self.start_window(reg)
        try:
            self.open_contract(app, number)
            for _ in range(3):
                node = app.type_into("Title", title)
                time.sleep(0.3)
                text = node.queryText()
                # GTK 4.8 gives nothing for the end offset -1.
                if text.getText(0, text.characterCount) == title:
                    break
            else:
                raise Skip(f"the Title field does not take the typed text {title!r}")
            app.find("push button", "Save")
            time.sleep(0.5)
            return app
        except Exception:
            self.kill_window(app)
            raise

    def press_save(self):
        t0 = time.monotonic()
        return t0, subprocess.Popen(["xdotool", "key", "ctrl+s"])

    def run_save(self):
        log("save: preparing the register")
        base = self.large_register()
        expect = self.save_expectations(base)
        number, contract_id = expect["number"], expect["contract_id"]
        lock_notes = []

        def measure(i, traced):
            reg = os.path.join(self.work, "calibration", "save.db")
            copy_register(base, reg)
            title = f"Title saved in calibration {i + 1}"
            app = self.prepare_save(reg, number, title)
            trace = None
            try:
                locks = count_locks([reg, reg + "-shm"])
                con = sqlite3.connect(f"file:{reg}?mode=ro", uri=True)
                trace = LockTrace(app.proc.pid, reg + ".strace") if traced else None
                pressed = time.time()
                t0, key = self.press_save()
                while True:
                    if con.execute("SELECT title FROM contracts WHERE id = ?", (contract_id,)).fetchone()[0] == title:
                        break
                    if time.monotonic() - t0 > 30:
                        raise Skip("Ctrl+S did not save the title within 30 s")
                    time.sleep(0.001)
                elapsed = (time.monotonic() - t0) * 1000
                con.close()
                key.wait()
                lock_notes.append(locks)
                if trace:
                    time.sleep(0.5)
                    held = trace.held(pressed)
                    if held:
                        self.windows["save"] = held + (elapsed,)
            finally:
                if trace:
                    trace.stop()
                self.kill_window(app)
            probe = Result("save", 0)
            self.check_save(reg, probe, expect, title)
            if not probe.survived or probe.outcome != "new title":
                raise Skip(f"a complete save does not give the expected register: {probe.problems + probe.lost}")
            remove_register(reg)
            return elapsed

        duration = self.calibrate("save", measure)
        if lock_notes and min(lock_notes) == 0:
            log("  note: the window held no lock on its register when Ctrl+S was pressed")
        self.notes["save"] = METHODS["save"].format(d=duration, window=self.window_note("save"),
                                                    contracts=scalar(base, "SELECT count(*) FROM contracts"))
        fractions = self.moments("save")
        for index in self.selected_runs():
            run_dir = self.run_dir("save", index)
            reg = os.path.join(run_dir, "register.db")
            copy_register(base, reg)
            title = f"Title saved by fault run {index}"
            result = Result("save", index)
            try:
                app = self.prepare_save(reg, number, title)
            except Exception as e:
                result.outcome = "not run"
                result.problems.append(f"the window could not be driven to the save: {e}")
                self.finish_run(result, run_dir, duration, fractions[index - 1])
                continue
            t0, key = self.press_save()
            time.sleep(max(0.0, t0 + fractions[index - 1] * duration / 1000 - time.monotonic()))
            self.kill_window(app)
            key.wait()
            self.snapshot(reg, run_dir)
            self.check_save(reg, result, expect, title)
            self.finish_run(result, run_dir, duration, fractions[index - 1])

    FIELDS = ("number", "client_id", "contract_type", "owner", "department", "value", "currency",
              "signing_date", "start_date", "end_date", "auto_renew", "notice_days", "status",
              "risk_level", "tags", "notes")

    def save_expectations(self, base):
        number = scalar(base, "SELECT min(number) FROM contracts")
        contract_id, old_title = query(base, "SELECT id, title FROM contracts WHERE number = ?", (number,))[0]
        fields_sql = f"SELECT {', '.join(self.FIELDS)} FROM contracts WHERE id = ?"
        return {"number": number, "contract_id": contract_id, "old_title": old_title,
                "fields_sql": fields_sql, "fields": query(base, fields_sql, (contract_id,)),
                "others": contracts_digest(base, "id <> ?", (contract_id,)),
                "audit": audit_count(base, contract_id)}

    def check_save(self, reg, result, expect, title):
        exported = check_opens(self, reg, result)
        if exported is None:
            return
        contract_id, old_title, audit_before = expect["contract_id"], expect["old_title"], expect["audit"]
        rows = query(reg, "SELECT title FROM contracts WHERE id = ?", (contract_id,))
        if not rows:
            result.lost.append("the contract is gone")
            return
        stored = rows[0][0]
        audits = audit_count(reg, contract_id)
        if stored == old_title:
            result.outcome = "old title"
            if audits != audit_before:
                result.problems.append(f"the title is unchanged but the audit has {audits - audit_before} new entries")
        elif stored == title:
            result.outcome = "new title"
            if audits != audit_before + 1:
                result.problems.append(f"the title changed but the audit has {audits - audit_before} new entries, not 1")
            elif not newest_audit_mentions(reg, contract_id, title):
                result.problems.append("the title changed but the newest audit entry does not record it")
        else:
            result.outcome = "other title"
            result.problems.append(f"all or nothing: the title is {stored[:80]!r}, neither the old nor the new one")
        if query(reg, expect["fields_sql"], (contract_id,)) != expect["fields"]:
            result.lost.append("other fields of the saved contract changed (notes, client, dates …)")
        if contracts_digest(reg, "id <> ?", (contract_id,)) != expect["others"]:
            result.lost.append("other contracts changed or are gone")
        if exported != scalar(reg, "SELECT count(*) FROM contracts"):
            result.problems.append("the export does not have every contract of the register")

    # attach

    def attach_fixture(self):
        path = os.path.join(self.files, "large-attachment.bin")
        if not os.path.exists(path):
            rng = random.Random(11)
            with open(path, "wb") as f:
                for _ in range(ATTACH_BYTES // 10_000_000):
                    f.write(rng.randbytes(10_000_000))
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return path, digest.hexdigest()

    def prepare_attach(self, reg, number, path):
        from atspi_driver import keys
        # The chooser opens in the folder of the file, never in the register's.
        app = self.start_window(reg, cwd=self.files)
        try:
            self.open_contract(app, number)
            buttons = [n for n in app.find_all("push button", showing=False) if "Add File" in (n.name or "")]
            if not buttons:
                raise Skip("the contract page has no Add File… button")
            action = buttons[0].queryAction()
            action.doAction(0)
            deadline = time.time() + 30
            while not [n for n in app.find_all("push button") if "Attach" in (n.name or "")]:
                if time.time() > deadline:
                    raise Skip("the file chooser did not open on Add File…")
                time.sleep(0.2)
            keys("ctrl+l")
            subprocess.run(["xdotool", "type", "--delay", "10", path], check=True)
            time.sleep(0.8)
            return app
        except Exception:
            self.kill_window(app)
            raise

    @staticmethod
    def attached_state(app, file_name):
        """What the window says of the file: its toast, its error, or, once
        the toast is gone, the file's row in the contract's attachments."""
        for node in app.find_all(showing=False):
            name = node.name or ""
            if "attached as" in name or "Was Not Attached" in name:
                return name
            if file_name in name and name.startswith("More for"):
                return "attached as a row of the contract"
        return None

    def run_attach(self):
        log("attach: preparing the file")
        base = self.base_register()
        path, sha = self.attach_fixture()
        expect = self.attach_expectations(base, sha)
        number = expect["number"]
        lock_notes = []

        def measure(i, traced):
            reg = os.path.join(self.work, "calibration", "attach.db")
            copy_register(base, reg)
            app = self.prepare_attach(reg, number, path)
            growth = None
            try:
                lock_notes.append(count_locks([reg, reg + "-shm"]))
                t0 = time.monotonic()
                growth = Growth([reg + "-wal", reg], t0)
                subprocess.run(["xdotool", "key", "Return"], check=True)
                # Found through the window, so that no other process opens
                # the register while the window writes it.
                while True:
                    gone = self.window_gone(app)
                    if gone:
                        raise Skip(f"the window went away while attaching: {gone}")
                    try:
                        toast = self.attached_state(app, os.path.basename(path))
                    except Exception:
                        toast = None
                    if toast:
                        break
                    if time.monotonic() - t0 > 300:
                        raise Skip("the file was not attached within 300 s")
                    time.sleep(0.05)
                elapsed = (time.monotonic() - t0) * 1000
                if "attached" not in toast:
                    raise Skip(f"the window says: {toast}")
                time.sleep(0.5)
                wal, main = growth.span(0), growth.span(1)
                if wal and main:
                    self.windows["attach"] = wal + main
            finally:
                if growth:
                    growth.stopped.set()
                self.kill_window(app)
            probe = Result("attach", 0)
            self.check_attach(reg, probe, expect)
            if not probe.survived or probe.outcome != "whole file":
                raise Skip(f"a complete attach does not give the expected register: {probe.problems + probe.lost}")
            remove_register(reg)
            return elapsed

        duration = self.calibrate("attach", measure)
        if lock_notes and min(lock_notes) == 0:
            log("  note: the window held no lock on its register when the file chooser was open")
        self.notes["attach"] = METHODS["attach"].format(d=duration, mb=ATTACH_BYTES / 1e6,
                                                        window=self.window_note("attach"))
        fractions = self.moments("attach")
        for index in self.selected_runs():
            run_dir = self.run_dir("attach", index)
            reg = os.path.join(run_dir, "register.db")
            copy_register(base, reg)
            result = Result("attach", index)
            try:
                app = self.prepare_attach(reg, number, path)
            except Exception as e:
                result.outcome = "not run"
                result.problems.append(f"the window could not be driven to the attach: {e}")
                self.finish_run(result, run_dir, duration, fractions[index - 1])
                continue
            t0 = time.monotonic()
            key = subprocess.Popen(["xdotool", "key", "Return"])
            time.sleep(max(0.0, t0 + fractions[index - 1] * duration / 1000 - time.monotonic()))
            self.kill_window(app)
            key.wait()
            self.snapshot(reg, run_dir)
            self.check_attach(reg, result, expect)
            self.finish_run(result, run_dir, duration, fractions[index - 1])

    COUNTS_SQL = ("SELECT (SELECT count(*) FROM attachments), (SELECT count(*) FROM attachment_versions), "
                  "(SELECT count(*) FROM blobs)")

    def attach_expectations(self, base, sha):
        number = scalar(base, "SELECT min(number) FROM contracts")
        contract_id = scalar(base, "SELECT id FROM contracts WHERE number = ?", (number,))
        return {"number": number, "contract_id": contract_id, "sha": sha,
                "counts": query(base, self.COUNTS_SQL)[0], "audit": audit_count(base, contract_id),
                "contracts": contracts_digest(base)}

    def check_attach(self, reg, result, expect):
        exported = check_opens(self, reg, result)
        if exported is None:
            return
        contract_id, sha, counts_before = expect["contract_id"], expect["sha"], expect["counts"]
        audit_before = expect["audit"]
        counts_sql = self.COUNTS_SQL
        counts = query(reg, counts_sql)[0]
        audits = audit_count(reg, contract_id)
        versions = query(reg, "SELECT v.sha256, v.size FROM attachment_versions v "
                              "JOIN attachments a ON a.id = v.attachment_id WHERE a.contract_id = ?", (contract_id,))
        if counts == counts_before:
            result.outcome = "no attachment"
            if audits != audit_before:
                result.problems.append(f"nothing is attached but the audit has {audits - audit_before} new entries")
        elif counts == tuple(c + 1 for c in counts_before) and len(versions) == 1:
            stored_sha, size = versions[0]
            blob = query(reg, "SELECT size, data FROM blobs WHERE sha256 = ?", (stored_sha,))
            if stored_sha != sha or size != ATTACH_BYTES:
                result.outcome = "wrong file"
                result.problems.append(f"the attachment is {size} bytes with SHA-256 {stored_sha}, "
                                       f"not {ATTACH_BYTES} bytes with {sha}")
            elif not blob or blob[0][0] != ATTACH_BYTES or hashlib.sha256(blob[0][1]).hexdigest() != sha:
                result.outcome = "damaged file"
                result.problems.append("the stored bytes are not the file: their length or SHA-256 differ")
            else:
                result.outcome = "whole file"
            if audits != audit_before + 1:
                result.problems.append(f"the file is attached but the audit has {audits - audit_before} new entries, not 1")
        else:
            result.outcome = "partly attached"
            result.problems.append(f"all or nothing: attachments, versions, blobs are {counts}, "
                                   f"neither {counts_before} nor one more of each")
        if contracts_digest(reg) != expect["contracts"]:
            result.lost.append("the contracts changed or are gone")
        if exported != scalar(reg, "SELECT count(*) FROM contracts"):
            result.problems.append("the export does not have every contract of the register")

    # the checks themselves

    def self_test(self):
        """Each check on registers broken on purpose, and on intact ones: a
        check that cannot fail proves nothing. Returns the number of cases
        that went wrong."""
        log("self-test: the checks on registers broken on purpose")
        folder = os.path.join(self.work, "self-test")
        wrong = 0
        cases = 0

        def case(name, source, damage, check, should_survive):
            nonlocal wrong, cases
            cases += 1
            reg = os.path.join(folder, "register.db")
            copy_register(source, reg)
            result = Result("self-test", 0)
            try:
                damage(reg)
                check(reg, result)
            except Exception as e:
                wrong += 1
                log(f"  {name}: could not be checked: {e!r}: WRONG")
                return
            said = "; ".join(result.problems + result.lost)[:160] or result.outcome
            right = result.survived == should_survive
            wrong += not right
            log(f"  {name}: {'survives' if result.survived else 'caught'} ({said}): "
                f"{'as it should' if right else 'WRONG'}")
            remove_register(reg)

        def sql(statements, args=()):
            def run(reg):
                con = sqlite3.connect(reg)
                with con:
                    for statement in statements:
                        con.execute(statement, args if "?" in statement else ())
                con.close()
            return run

        def truncate(reg):
            with open(reg, "r+b") as f:
                f.truncate(os.path.getsize(reg) // 2)

        base = self.base_register()
        xml = self.import_fixture()
        expect = self.import_expectations(base)
        full = os.path.join(folder, "imported.db")
        copy_register(base, full)
        self.run_tool([self.signet, f"--database={full}", f"--import={xml}"])
        after = self.import_state(full)
        check = lambda reg, result: self.check_import(reg, result, expect, after)
        case("import, nothing written", base, lambda reg: None, check, True)
        case("import, all written", full, lambda reg: None, check, True)
        case("import, every second contract of the file missing", full,
             sql(["DELETE FROM contracts WHERE number LIKE 'IM-%' AND id % 2 = 0"]), check, False)
        case("import, a contract from before retitled", full,
             sql(["UPDATE contracts SET title = 'Changed' WHERE number = ?"], (expect["numbers"][0],)), check, False)
        case("import, the register file cut in half", base, truncate, check, False)
        remove_register(full)

        large = self.large_register()
        expect = self.save_expectations(large)
        cid = expect["contract_id"]
        check = lambda reg, result: self.check_save(reg, result, expect, "New title")
        case("save, nothing written", large, lambda reg: None, check, True)
        case("save, the title written without its audit entry", large,
             sql(["UPDATE contracts SET title = 'New title' WHERE id = ?"], (cid,)), check, False)
        case("save, a third title", large,
             sql(["UPDATE contracts SET title = 'Half a title' WHERE id = ?"], (cid,)), check, False)
        case("save, the notes of the contract changed", large,
             sql(["UPDATE contracts SET notes = 'lost' WHERE id = ?"], (cid,)), check, False)

        sha = hashlib.sha256(b"the attached file").hexdigest()
        expect = self.attach_expectations(base, sha)
        cid = expect["contract_id"]
        check = lambda reg, result: self.check_attach(reg, result, expect)
        attach = [
            f"INSERT INTO blobs (sha256, size, data) VALUES ('{sha}', {ATTACH_BYTES}, zeroblob(1000))",
            f"INSERT INTO attachments (contract_id, role, added_at, added_by) VALUES ({cid}, 'other', 'now', 'test')",
            f"INSERT INTO attachment_versions (attachment_id, version, sha256, file_name, content_type, size, "
            f"added_at, added_by) VALUES (last_insert_rowid(), 1, '{sha}', 'f.bin', 'application/octet-stream', "
            f"{ATTACH_BYTES}, 'now', 'test')",
            f"INSERT INTO audit (at, user, action, record_kind, record_id) VALUES ('now', 'test', 'attach', "
            f"'contract', {cid})",
        ]
        case("attach, nothing written", base, lambda reg: None, check, True)
        case("attach, the file's bytes stored without an attachment", base, sql(attach[:1]), check, False)
        case("attach, an attachment whose stored bytes are not the file", base, sql(attach), check, False)
        shutil.rmtree(folder, ignore_errors=True)
        log(f"self-test: {cases - wrong} of {cases} cases as they should be")
        return wrong

    # report

    def table(self):
        rows = []
        for op in OPERATIONS:
            if op not in self.results and op not in self.skipped:
                continue
            if op in self.skipped:
                rows.append((op, "0", "-", "-", "-", f"not run: {self.skipped[op]}"))
                continue
            results = self.results[op]
            outcomes = {}
            for r in results:
                outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
            finished = sum(r.finished_first for r in results)
            split = ", ".join(f"{n} {o}" for o, n in sorted(outcomes.items()))
            if finished:
                split += f" ({finished} had finished before the kill)"
            rows.append((op, str(len(results)), str(sum(r.survived for r in results)),
                         str(sum(bool(r.lost) for r in results)), split, self.notes.get(op, "")))
        return rows

    def print_table(self):
        rows = self.table()
        header = ("operation", "runs", "survivals", "data lost", "outcomes", "method")
        log()
        log("| " + " | ".join(header) + " |")
        log("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            log("| " + " | ".join(row) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default="_build")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=None, help="the seed of the kill moments (random if not given)")
    parser.add_argument("--only", default=",".join(OPERATIONS), help="import,save,attach")
    parser.add_argument("--run", type=int, default=0, help="only this run (1-based) of each operation")
    parser.add_argument("--duration", action="append", default=[], metavar="OP=MS",
                        help="take this duration instead of measuring it (to repeat a run)")
    parser.add_argument("--work-dir", help="where to build the registers (a new temporary folder if not given)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder even when every run survives")
    parser.add_argument("--no-self-test", action="store_true",
                        help="skip checking the checks on registers broken on purpose")
    args = parser.parse_args()

    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), "little")
    ops = [op for op in args.only.split(",") if op]
    unknown = [op for op in ops if op not in OPERATIONS]
    if unknown or args.runs < 1 or not (0 <= args.run <= args.runs):
        parser.error(f"unknown operation {unknown}" if unknown else "bad --runs or --run")
    if any(op in ("save", "attach") for op in ops):
        missing = [v for v in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS") if not os.environ.get(v)]
        if missing:
            parser.error(f"no {' and no '.join(missing)}: run it through tests/fault/run-fault-suite.sh")

    suite = Suite(args)
    commit = subprocess.run(["git", "-C", SOURCE_ROOT, "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip()
    log(f"Signet fault suite: seed {args.seed} (repeat the same moments with --seed={args.seed}), "
        f"{args.runs} runs each, source {commit or 'unknown'}, {time.strftime('%Y-%m-%d %H:%M')}")
    log(f"work folder {suite.work}")
    wrong_checks = 0
    if not args.no_self_test:
        try:
            wrong_checks = suite.self_test()
        except Skip as e:
            log(f"self-test: not run: {e}")
            wrong_checks = 1
    for op in ops:
        try:
            getattr(suite, f"run_{op}")()
        except Skip as e:
            log(f"{op}: not run: {e}")
            suite.skipped[op] = str(e)
    suite.print_table()

    failed = sum(not r.survived for results in suite.results.values() for r in results)
    if wrong_checks:
        log(f"\n{wrong_checks} cases of the self-test went wrong: the checks above cannot be trusted.")
    if suite.kept:
        log(f"\n{failed} runs failed; their registers, as killed and as checked, are kept in:")
        for path in suite.kept:
            log(f"  {path}")
    elif not args.keep:
        shutil.rmtree(suite.work, ignore_errors=True)
    return 1 if failed or suite.skipped or wrong_checks else 0


if __name__ == "__main__":
    sys.exit(main())
