#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an Excel workbook Signet wrote with python3-openpyxl, a reader
other than the libxlsxwriter that wrote it, and prints what it finds, one
fact a line, tab-separated, for the test to compare with the register:

  sheet   NAME  FREEZE_PANES  AUTO_FILTER_REF  MAX_ROW  MAX_COLUMN
  width   NAME  COLUMN_LETTER  WIDTH
  cell    NAME  COORDINATE  TYPE  NUMBER_FORMAT  VALUE

TYPE is "date" for a cell openpyxl reads as a date (VALUE then
YYYY-MM-DD), "number" for a number (VALUE as Python prints it), "text"
for a string (VALUE with tabs and line breaks as \\t and \\n). Empty cells
are left out. Exit status 0, or 77 when the module is not installed.

xlsx-reader.py FILE
"""

import datetime
import sys

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is not installed")
    sys.exit(77)


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main(path):
    workbook = openpyxl.load_workbook(path)
    out = []
    for sheet in workbook.worksheets:
        out.append("\t".join(["sheet", sheet.title, str(sheet.freeze_panes),
                              str(sheet.auto_filter.ref), str(sheet.max_row),
                              str(sheet.max_column)]))
        for letter, dimension in sorted(sheet.column_dimensions.items()):
            out.append("\t".join(["width", sheet.title, letter, "%g" % dimension.width]))
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if cell.is_date:
                    value = cell.value
                    if isinstance(value, datetime.datetime):
                        value = value.date()
                    kind, text = "date", value.isoformat()
                elif isinstance(cell.value, (int, float)):
                    kind, text = "number", repr(cell.value)
                else:
                    kind, text = "text", escape(str(cell.value))
                out.append("\t".join(["cell", sheet.title, cell.coordinate, kind,
                                      cell.number_format, text]))
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
