#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, an office comes to Signet from its spreadsheet: a register
of 50 contracts that Chinese Excel saved as GBK CSV, amounts in 万元, is
imported through Import Spreadsheet…: the file chooser, the mapping page
(the encoding found, the columns guessed), the dry run's summary with the
new clients to confirm, the import and its toast; the list then shows the
50 contracts with their values in yuan. The list is filtered to the 10
of high risk, the filter saved as a view, and the view exported as an
Excel workbook, which python3-openpyxl reads back: those 10 contracts,
their values numbers in yuan."""

import os
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

CLIENTS = ["华东建设集团", "上海云帆科技有限公司", "北京恒信设备有限公司", "南方物流有限公司", "Acme Ltd."]
HEADERS = ["合同编号", "合同名称", "客户名称", "负责人", "部门", "金额（万元）", "签订日期", "开始日期",
           "到期日期", "状态", "风险等级", "备注"]
RISKS = ["低", "中", "高", "低", "中"]


def spreadsheet_rows():
    """50 contracts; every fifth from the third on is high risk (10)."""
    rows = []
    for i in range(1, 51):
        month = (i - 1) % 12 + 1
        rows.append([
            f"HT-2026-{i:04d}",
            f"服务合同 {i}",
            CLIENTS[i % len(CLIENTS)],
            "李娜" if i % 2 else "王芳",
            "行政部" if i % 3 else "信息部",
            f"{i * 12.5:g}",
            f"2026/{month}/{(i % 27) + 1}",
            f"2026年{month}月{(i % 27) + 1}日",
            f"2027-{month:02d}-{(i % 27) + 1:02d}",
            "履行中",
            RISKS[i % 5],
            "含税, 按季支付" if i % 7 == 0 else "",
        ])
    return rows


def write_gbk_csv(path):
    def cell(text):
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text

    lines = [",".join(HEADERS)] + [",".join(cell(c) for c in row) for row in spreadsheet_rows()]
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))


HIGH = [f"HT-2026-{i:04d}" for i in range(1, 51) if RISKS[i % 5] == "高"]
VIEW = "高风险合同"


def check_workbook(path):
    try:
        import openpyxl
    except ImportError:
        print("# python3-openpyxl is not installed: the workbook is not read back")
        return
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], [r for r in rows[1:] if any(c is not None for c in r)]
    numbers = sorted(r[0] for r in body)
    assert numbers == HIGH, f"the workbook lists {numbers}, not the contracts of high risk {HIGH}"
    value = header.index("Value")
    by_number = {r[0]: r for r in body}
    assert by_number["HT-2026-0002"][value] == 250000, by_number["HT-2026-0002"]


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


def wait_text(app, predicate, what, timeout=20):
    """The first showing text for which @predicate holds, waiting for it."""
    deadline = time.time() + timeout
    while True:
        for text in app.texts():
            if predicate(text):
                return text
        if time.time() > deadline:
            raise AssertionError(f"no text showing {what}; showing: {sorted(set(app.texts()))}")
        time.sleep(0.2)


def choose_file(app, title, path):
    """In GTK's own file chooser (no portal on the test's bus): the path
    typed into its location entry."""
    app.find("dialog", title)
    time.sleep(1.0)
    keys("ctrl+l")
    keys("ctrl+a")
    atspi_driver.paste_text(path)
    keys("Return")


def main():
    with tempfile.TemporaryDirectory() as home:
        db = os.path.join(home, "register.db")
        csv = os.path.join(home, "合同台账.csv")
        workbook = os.path.join(home, "高风险合同.xlsx")
        write_gbk_csv(csv)

        app = start(home, db)
        try:
            step("Import Spreadsheet… in the main menu asks for the file")
            app.press("toggle button", "Main Menu")
            app.press("menu item", "Import Spreadsheet…")
            choose_file(app, "Import Spreadsheet", csv)

            step("the mapping page: GBK found, amounts in 万元, each column's field guessed")
            app.find("dialog", "Import Spreadsheet")
            wait_text(app, lambda t: t == "GBK (GB18030)", "the encoding found")
            wait_text(app, lambda t: t == "Ten Thousands (万元)", "the unit of the amounts")
            wait_text(app, lambda t: t.startswith("HT-2026-0001 · HT-2026-0002"), "the first numbers")
            app.press("button", "Check")

            step("the dry run: 50 contracts, the 5 clients to create listed")
            wait_text(app, lambda t: "Dry run: 50 contracts would be added." in t, "the dry run's summary")
            for client in CLIENTS:
                wait_text(app, lambda t, c=client: t == c, f"the new client {client}")
            import_button = app.find("button", "Import")
            assert not import_button.getState().contains(atspi_driver.pyatspi.STATE_SENSITIVE), \
                "Import is offered before the new clients are confirmed"
            app.click(app.find(("switch", "toggle button", "check box"), "Create the New Clients"))
            app.press("button", "Import")

            step("the import: a toast, and the list shows the 50 contracts")
            wait_text(app, lambda t: t == "50 contracts imported from “合同台账.csv”", "the toast")
            app.wait_in_list("HT-2026-0001", timeout=20)
            app.wait_in_list("服务合同 1")

            step("Filter: High risk narrows the list to the 10 contracts of high risk")
            keys("ctrl+shift+f")
            app.click(app.find(("list item", "toggle button", "button"), "Risk"))
            # Below the popover's fold, as a keyboard user reaches it: from
            # the Risk row, Tab goes through each level's row and check
            # (Low, Medium, High), and the space bar checks High.
            time.sleep(1.0)
            keys(*["Tab"] * 6)
            keys("space")
            keys("Escape")
            wait_text(app, lambda t: t == "10 contracts", "the count of the contracts shown")
            app.wait_in_list(HIGH[0])
            app.wait_in_list("HT-2026-0001", present=False)

            step("Save View… keeps the filter as a view named 高风险合同 in the sidebar")
            app.press("button", "Save View…")
            app.find(("dialog", "alert"), "Save View")
            atspi_driver.paste_text(VIEW)
            app.press("button", "Save")
            wait_text(app, lambda t: t == VIEW, "the saved view in the sidebar")

            step("Export as Excel… writes the view's 10 contracts")
            app.press("toggle button", "Main Menu")
            app.press("menu item", "Export as Excel…")
            app.find("dialog", "Export as Excel")
            wait_text(app, lambda t: "10 contracts" in t, "the view offered for export")
            app.press("button", "Export…")
            choose_file(app, "Export as Excel", workbook)
            wait_text(app, lambda t: t.startswith("10 contracts exported"), "the export's toast")
        finally:
            # A popover or dialog left open by a failed step would take Ctrl+Q.
            keys("Escape", "Escape")
            app.quit()

        step("the workbook, read by python3-openpyxl: the 10 contracts of high risk, values in yuan")
        check_workbook(workbook)

        step("the register holds them, with their values in fen, and the saved view")
        out = subprocess.run([SIGNET, f"--database={db}", "--export=-"], capture_output=True, text=True,
                             check=True).stdout
        assert out.count("<contract ") == 50, f"{out.count('<contract ')} contracts exported"
        assert 'currency="CNY">1250000.00</value>' in out, "HT-2026-0010 is not ¥1,250,000.00 (125 万元)"
        assert VIEW in out, f"the view {VIEW} is not in the register's export"


if __name__ == "__main__":
    main()
    print("ok")
