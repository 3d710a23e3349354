#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails unless a translation covers every string the program shows today.

Checking the .po file alone is not enough: a string added to the code after
the last `ninja signet-update-po` is missing from the file, not untranslated
in it. So this extracts a fresh template from po/POTFILES.in the way the
meson glib preset does, merges the translation into it, and counts what is
untranslated or fuzzy. It also runs `msgfmt --check` on the file as it is,
which catches printf formats that do not match their msgid.
"""

import pathlib
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

STATS = re.compile(r'(\d+) translated messages?(?:, (\d+) fuzzy translations?)?'
                   r'(?:, (\d+) untranslated messages?)?')


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def statistics(po_path):
    result = run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', str(po_path)])
    match = STATS.search(result.stderr)
    if result.returncode != 0 or match is None:
        print(result.stderr)
        return None
    return [int(group or 0) for group in match.groups()]


def list_messages(po_path, flag):
    result = run(['msgattrib', flag, '--no-obsolete', '--no-wrap', '--no-location', str(po_path)])
    return [line for line in result.stdout.splitlines()
            if line.startswith('msgid ') and line != 'msgid ""']


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    language = sys.argv[2]
    po_file = root / 'po' / (language + '.po')

    own = statistics(po_file)
    if own is None:
        print('%s does not pass msgfmt --check.' % po_file.relative_to(root))
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = pathlib.Path(tmp) / 'signet.pot'
        merged = pathlib.Path(tmp) / (language + '.po')
        result = run(['xgettext', *XGETTEXT_ARGS, '--directory=' + str(root),
                      '--files-from=' + str(root / 'po' / 'POTFILES.in'), '-o', str(pot)])
        if result.returncode != 0:
            print(result.stderr)
            return 1
        result = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', str(merged),
                      str(po_file), str(pot)])
        if result.returncode != 0:
            print(result.stderr)
            return 1
        current = statistics(merged)
        if current is None:
            return 1
        untranslated = list_messages(merged, '--untranslated')
        fuzzy = list_messages(merged, '--only-fuzzy')

    translated, fuzzy_count, untranslated_count = current
    print('%s against the current sources: %d translated, %d fuzzy, %d untranslated.'
          % (language, translated, fuzzy_count, untranslated_count))
    if fuzzy_count or untranslated_count:
        for line in fuzzy:
            print('fuzzy:        ' + line[len('msgid '):])
        for line in untranslated:
            print('untranslated: ' + line[len('msgid '):])
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
