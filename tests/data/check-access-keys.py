#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when two items of one menu share an access key, in English or in
any translation of po/LINGUAS.

The items of one popover are siblings: those of its sections included, the
items of a submenu not (the submenu's own label is). The menus are read
from every <menu> of the .ui files under src/, and from the GMenu calls of
the C files, where an item is made and appended to a menu, or a menu is
appended to another as a section. A key is the character after the first
single underscore, compared without case: Alt+I and Alt+i are one key, and
the "(_I)" of a Chinese label is the same I.
"""

import pathlib
import re
import sys
import xml.etree.ElementTree as ElementTree

C_STRING = r'"((?:[^"\\]|\\.)*)"'
C_LABEL = r'(?:_|N_)\s*\(\s*' + C_STRING + r'\s*\)'
C_CONTEXT_LABEL = r'C_\s*\(\s*' + C_STRING + r'\s*,\s*' + C_STRING + r'\s*\)'


def access_key(label):
    """The key of @label, lower case, or None."""
    i = 0
    while i < len(label) - 1:
        if label[i] == '_':
            if label[i + 1] == '_':
                i += 2
                continue
            return label[i + 1].lower()
        i += 1
    return None


def unescape_c(text):
    return bytes(text, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def read_po(path):
    """{(context, msgid): msgstr} of the translated, not fuzzy messages."""
    messages = {}
    entry = {}
    field = None
    fuzzy = False

    def finish():
        msgid = entry.get('msgid')
        msgstr = entry.get('msgstr') or entry.get('msgstr[0]')
        if msgid and msgstr and not fuzzy:
            messages[(entry.get('msgctxt'), msgid)] = msgstr

    for line in path.read_text(encoding='utf-8').splitlines() + ['']:
        line = line.strip()
        if line == '':
            if entry:
                finish()
            entry, field, fuzzy = {}, None, False
        elif line.startswith('#,'):
            fuzzy = fuzzy or 'fuzzy' in line
        elif line.startswith('#'):
            continue
        elif line.startswith('"'):
            if field is not None:
                entry[field] += unescape_c(line[1:-1])
        else:
            name, _, value = line.partition(' ')
            field = name
            entry[field] = unescape_c(value.strip()[1:-1])
    return messages


class Menu:
    def __init__(self, where):
        self.where = where
        # (label, context) of the items shown in this popover
        self.items = []


def ui_menus(path):
    """The menus of a .ui file: one per <menu> and per <submenu>."""
    menus = []

    def label_of(element):
        for attribute in element.findall('attribute'):
            if attribute.get('name') == 'label':
                return (attribute.text or '', attribute.get('context'))
        return None

    def collect(element, menu):
        for child in element:
            if child.tag == 'section':
                collect(child, menu)
            elif child.tag == 'item':
                label = label_of(child)
                if label is not None:
                    menu.items.append(label)
                for link in child.findall('link'):
                    if link.get('name') == 'section':
                        collect(link, menu)
                    elif link.get('name') == 'submenu':
                        submenu = Menu('%s (submenu %s)' % (menu.where, label[0] if label else '?'))
                        menus.append(submenu)
                        collect(link, submenu)
            elif child.tag == 'submenu':
                label = label_of(child)
                if label is not None:
                    menu.items.append(label)
                submenu = Menu('%s (submenu %s)' % (menu.where, label[0] if label else '?'))
                menus.append(submenu)
                collect(child, submenu)

    for element in ElementTree.parse(path).getroot().iter('menu'):
        menu = Menu('%s, menu %s' % (path.name, element.get('id')))
        menus.append(menu)
        collect(element, menu)
    return menus


def c_menus(path):
    """The menus a C file builds with GMenu calls, function by function."""
    menus = []
    # A function ends at a closing brace in the first column.
    for number, body in enumerate(re.split(r'\n}\n', path.read_text(encoding='utf-8'))):
        item_labels = {}
        by_variable = {}
        sections = []

        def menu_of(variable):
            if variable not in by_variable:
                by_variable[variable] = Menu('%s, menu %s (function %d)' % (path.name, variable, number))
            return by_variable[variable]

        def label(text):
            match = re.match(C_CONTEXT_LABEL, text)
            if match:
                return (unescape_c(match.group(2)), unescape_c(match.group(1)))
            match = re.match(C_LABEL, text)
            if match:
                return (unescape_c(match.group(1)), None)
            return None

        calls = re.finditer(r'(?:(\w+)\s*=\s*)?\b(g_menu_item_new|g_menu_append_item|g_menu_append_submenu|'
                            r'g_menu_append_section|g_menu_append|g_menu_insert_item|g_menu_prepend_item)'
                            r'\s*\(([^;]*)\)\s*;', body)
        for call in calls:
            assigned, function, arguments = call.groups()
            first, _, rest = arguments.partition(',')
            first, rest = first.strip(), rest.strip()
            if function == 'g_menu_item_new':
                item_labels[assigned] = label(arguments.strip())
            elif function in ('g_menu_append_item', 'g_menu_prepend_item'):
                if item_labels.get(rest):
                    menu_of(first).items.append(item_labels[rest])
            elif function == 'g_menu_insert_item':
                item = rest.split(',')[-1].strip()
                if item_labels.get(item):
                    menu_of(first).items.append(item_labels[item])
            elif function in ('g_menu_append', 'g_menu_append_submenu'):
                found = label(rest)
                if found:
                    menu_of(first).items.append(found)
            elif function == 'g_menu_append_section':
                inner = re.search(r'G_MENU_MODEL\s*\(\s*(\w+)\s*\)\s*$|(\w+)\s*$', rest)
                if inner:
                    sections.append((first, inner.group(1) or inner.group(2)))

        # A section's items show in the menu it is part of.
        for parent, section in reversed(sections):
            if section in by_variable:
                menu_of(parent).items.extend(by_variable.pop(section).items)
        menus.extend(menu for menu in by_variable.values() if menu.items)
    return menus


def duplicates(menu, translate):
    problems = []
    seen = {}
    for text, context in menu.items:
        shown = translate(text, context)
        key = access_key(shown)
        if key is None:
            continue
        if key in seen:
            problems.append('%s: “%s” and “%s” both use %s' % (menu.where, seen[key], shown, key.upper()))
        else:
            seen[key] = shown
    return problems


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    menus = []
    for path in sorted((root / 'src').rglob('*.ui')):
        menus.extend(ui_menus(path))
    for path in sorted((root / 'src').rglob('*.c')):
        menus.extend(c_menus(path))

    # Every menu the app has: a change that hides them from this check
    # must not pass it.
    wheres = ' '.join(menu.where for menu in menus)
    for expected in ('signet-window.ui, menu primary_menu', 'signet-attachment-window.ui, menu primary_menu',
                     'signet-attachments-section.c, menu menu'):
        if expected not in wheres:
            print('No menu found for %s: the check reads no longer what the app shows' % expected)
            return 1

    languages = [line.strip() for line in (root / 'po' / 'LINGUAS').read_text().splitlines()
                 if line.strip() and not line.startswith('#')]
    problems = []
    for menu in menus:
        problems += ['en: ' + p for p in duplicates(menu, lambda text, context: text)]
    for language in languages:
        messages = read_po(root / 'po' / (language + '.po'))
        for menu in menus:
            problems += ['%s: %s' % (language, p) for p in
                         duplicates(menu, lambda text, context: messages.get((context, text), text))]

    for menu in menus:
        print('%s: %s' % (menu.where, ', '.join(text for text, _ in menu.items)))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
