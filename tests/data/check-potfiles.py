#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when po/POTFILES.in misses a file with translatable strings.

A file that is not listed never reaches the template, so its strings stay
English in every language without anyone noticing. Listed files that no
longer exist break `ninja signet-pot`, so those fail too.
"""

import pathlib
import re
import sys

# gettext calls in C (glib preset keywords) and translatable GtkBuilder
# properties; a leading word character rules out names like G_DEFINE_TYPE (.
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dgettext|'
                      r'g_dngettext|g_dpgettext|g_dpgettext2)\s*\(\s*(?:GETTEXT_PACKAGE\s*,\s*)?"')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')

# Data files whose formats carry translatable text by themselves.
DATA_PATTERNS = ('*.desktop.in', '*.metainfo.xml.in', '*.gschema.xml')


def needs_translation(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    if path.suffix in ('.c', '.h'):
        return C_MARKER.search(text) is not None
    if path.suffix == '.ui':
        return UI_MARKER.search(text) is not None
    return False


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    listed = []
    for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)

    expected = set()
    for path in (root / 'src').rglob('*'):
        if path.is_file() and path.suffix in ('.c', '.h', '.ui') and needs_translation(path):
            expected.add(path.relative_to(root).as_posix())
    for pattern in DATA_PATTERNS:
        for path in (root / 'data').rglob(pattern):
            expected.add(path.relative_to(root).as_posix())

    failures = []
    missing = sorted(expected - set(listed))
    if missing:
        failures.append('Files with translatable strings missing from po/POTFILES.in:')
        failures.extend('  ' + name for name in missing)
    gone = sorted(name for name in listed if not (root / name).is_file())
    if gone:
        failures.append('Files listed in po/POTFILES.in that do not exist:')
        failures.extend('  ' + name for name in gone)
    duplicates = sorted({name for name in listed if listed.count(name) > 1})
    if duplicates:
        failures.append('Files listed twice in po/POTFILES.in:')
        failures.extend('  ' + name for name in duplicates)

    if failures:
        print('\n'.join(failures))
        return 1
    print('po/POTFILES.in lists all %d files with translatable strings.' % len(expected))
    return 0


if __name__ == '__main__':
    sys.exit(main())
