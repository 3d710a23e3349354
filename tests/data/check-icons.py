#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that every icon Signet shows can be drawn.

Every icon name the sources use (icon-name properties and menu icons in the
.ui files; in the C files the names given to the icon functions, to an
"icon-name" property and every "...-symbolic" string) must be in the icon
theme installed here, Adwaita and the themes it inherits, or in Signet's own
resources. GTK draws a missing one as the "missing image" placeholder,
without a warning. An icon found as an SVG file also needs gdk-pixbuf's SVG
loader, which GTK draws the theme's SVG icons through: without it (it is
only a Recommends of gdk-pixbuf) they show as placeholders too.

Usage: check-icons.py SOURCE_ROOT GDK_PIXBUF_LOADERS_CACHE
"""

import configparser
import os
import re
import sys
import xml.etree.ElementTree as ET

THEME = 'Adwaita'
EXTENSIONS = ('.svg', '.png', '.symbolic.png', '.xpm')

UI_PATTERNS = [
    # <property name="icon-name">, "start-icon-name", "icon_name", ...
    re.compile(r'<property\s+name="([a-z_-]*icon[-_]name)"[^>]*>([^<]*)</property>'),
    # Menu models: <attribute name="icon">, <attribute name="verb-icon">
    re.compile(r'<attribute\s+name="((?:verb-)?icon)"[^>]*>([^<]*)</attribute>'),
]
# Calls whose arguments name icons: gtk_image_new_from_icon_name,
# gtk_button_set_icon_name, adw_status_page_set_icon_name,
# g_themed_icon_new, g_themed_icon_new_with_default_fallbacks, ...
C_CALL = re.compile(r'\b(\w*icon_name\w*|g_themed_icon_new\w*)\s*\(')
C_PROPERTY = re.compile(r'"(?:[a-z-]*-)?icon-name"\s*,\s*"([^"]*)"')
C_SYMBOLIC = re.compile(r'"([A-Za-z0-9._-]+-symbolic)"')
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
ICON_NAME = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._+-]*$')


def line_of(text, offset):
    return text.count('\n', 0, offset) + 1


def call_arguments(text, start):
    """The text between the parenthesis at text[start - 1] and its match."""
    depth = 1
    i = start
    while i < len(text) and depth > 0:
        if text[i] == '(':
            depth += 1
        elif text[i] == ')':
            depth -= 1
        elif text[i] == '"':
            match = STRING.match(text, i)
            if match:
                i = match.end() - 1
        i += 1
    return text[start:i - 1]


def used_icons(root):
    """(path, line, name) of every icon name the sources use."""
    uses = []
    for folder, dirs, files in os.walk(os.path.join(root, 'src')):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.endswith('.ui'):
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                for pattern in UI_PATTERNS:
                    for match in pattern.finditer(text):
                        uses.append((path, line_of(text, match.start()), match.group(2).strip()))
            elif name.endswith('.c'):
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                found = set()
                for match in C_CALL.finditer(text):
                    arguments = call_arguments(text, match.end())
                    for literal in STRING.finditer(arguments):
                        if ICON_NAME.match(literal.group(1)):
                            found.add((match.end() + literal.start(), literal.group(1)))
                for pattern in (C_PROPERTY, C_SYMBOLIC):
                    for match in pattern.finditer(text):
                        found.add((match.start(1) - 1, match.group(1)))
                uses.extend((path, line_of(text, offset), icon) for offset, icon in sorted(found))
    return uses


def icon_bases():
    """Where icon themes are installed, as GTK looks for them."""
    data_dirs = os.environ.get('XDG_DATA_DIRS') or '/usr/local/share:/usr/share'
    bases = [os.path.join(d, 'icons') for d in data_dirs.split(':') if d]
    return [b for b in bases if os.path.isdir(b)]


def theme_icons(bases, theme, seen=None):
    """{icon name: file} of a theme and the themes it inherits, in the
    folders its index.theme lists."""
    seen = seen if seen is not None else set()
    if theme in seen:
        return {}
    seen.add(theme)
    icons = {}
    inherits = []
    for base in bases:
        index = os.path.join(base, theme, 'index.theme')
        if not os.path.isfile(index):
            continue
        config = configparser.ConfigParser(interpolation=None, strict=False)
        config.read(index, encoding='utf-8')
        section = config['Icon Theme'] if 'Icon Theme' in config else {}
        folders = [d.strip() for d in (section.get('Directories', '') + ',' +
                                       section.get('ScaledDirectories', '')).split(',') if d.strip()]
        for folder in folders:
            full = os.path.join(base, theme, folder)
            if not os.path.isdir(full):
                continue
            for file in os.listdir(full):
                for extension in EXTENSIONS:
                    if file.endswith(extension):
                        icons.setdefault(file[:-len(extension)], os.path.join(full, file))
                        break
        inherits += [t.strip() for t in section.get('Inherits', '').split(',') if t.strip()]
    # Every theme falls back to hicolor last.
    for parent in inherits + ['hicolor']:
        for name, path in theme_icons(bases, parent, seen).items():
            icons.setdefault(name, path)
    return icons


def resource_icons(root):
    """The icon names Signet's own GResources hold (icons/.../NAME.svg)."""
    names = set()
    for folder, dirs, files in os.walk(os.path.join(root, 'src')):
        for name in files:
            if not name.endswith('.gresource.xml'):
                continue
            for element in ET.parse(os.path.join(folder, name)).iter('file'):
                alias = element.get('alias') or element.text or ''
                if alias.startswith('icons/'):
                    base = os.path.basename(alias)
                    for extension in EXTENSIONS:
                        if base.endswith(extension):
                            names.add(base[:-len(extension)])
                            break
    return names


def has_svg_loader(cache):
    """Whether gdk-pixbuf's loaders cache names an SVG loader that exists."""
    try:
        with open(cache, encoding='utf-8') as f:
            text = f.read()
    except OSError:
        return False
    for block in text.split('\n\n'):
        lines = [l for l in block.splitlines() if l and not l.startswith('#')]
        if len(lines) >= 2 and lines[1].startswith('"svg"'):
            return os.path.isfile(lines[0].strip('"'))
    return False


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    root, loaders_cache = sys.argv[1:]

    uses = used_icons(root)
    if not uses:
        print('found no icon names in the sources: the patterns of this check are out of date')
        return 1
    theme = theme_icons(icon_bases(), THEME)
    own = resource_icons(root)

    errors = []
    svg = False
    for path, line, name in uses:
        where = '%s:%d' % (os.path.relpath(path, root), line)
        if name in own:
            continue
        if name not in theme:
            errors.append('%s: the icon %r is neither in the %s icon theme nor in Signet\'s resources'
                          % (where, name, THEME))
        elif theme[name].endswith('.svg'):
            svg = True
    if svg and not has_svg_loader(loaders_cache):
        errors.append('the icons are SVG files, and gdk-pixbuf has no SVG loader (%s names none): '
                      'install librsvg2-common' % loaders_cache)

    for error in errors:
        print(error)
    names = sorted({name for _, _, name in uses})
    print('%d icon names in %d places: %s' % (len(names), len(uses), 'all found' if not errors else
                                                 '%d problems' % len(errors)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
