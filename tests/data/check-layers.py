#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file includes a header of a layer it may not use.

The layers of src/ and what each may include are in docs/architecture.md.
Includes are bare names ("signet-store.h") found on the include path, so
a header is placed by where its file lives. A system header (<...>) is not
a layer and is not checked here; the build's dependencies limit those.
"""

import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)

# Folder (relative to src/) -> the folders whose headers it may include,
# besides its own. A folder of src/gui/ not named here is a screen.
BELOW_GUI = ('core', 'io', 'pdf', 'services')
ALLOWED = {
    'core': (),
    'io': ('core',),
    'pdf': (),
    'services': ('core', 'pdf'),
    # Shared by every screen, so it knows none of them.
    'gui/common': BELOW_GUI,
}


def layer_of(folder):
    """The rule that applies to a folder: its own, or a screen's."""
    if folder in ALLOWED:
        return folder
    if folder == 'gui' or folder.startswith('gui/'):
        return 'screen'
    return None


def allowed(src_folder, header_folder):
    if header_folder == src_folder:
        return True
    rule = layer_of(src_folder)
    if rule == 'screen':
        # A screen uses everything below the GUI, the shared widgets and the
        # screens it embeds; only the application (src/gui) opens windows.
        if header_folder == 'gui/window':
            return src_folder == 'gui'
        return True
    if rule is None:  # src/main.c and whatever else sits at the top
        return True
    return header_folder in ALLOWED[rule]


def main():
    src = pathlib.Path(sys.argv[1]).resolve() / 'src'
    home = {}
    for path in src.rglob('*.h'):
        home[path.name] = path.parent.relative_to(src).as_posix()

    failures = []
    for path in sorted(list(src.rglob('*.c')) + list(src.rglob('*.h'))):
        folder = path.parent.relative_to(src).as_posix()
        text = path.read_text(encoding='utf-8', errors='replace')
        for match in INCLUDE.finditer(text):
            name = pathlib.PurePosixPath(match.group(1)).name
            header_folder = home.get(name)
            if header_folder is None or allowed(folder, header_folder):
                continue
            line = text.count('\n', 0, match.start()) + 1
            failures.append(f'src/{folder}/{path.name}:{line}: includes {name} '
                            f'from src/{header_folder}, which src/{folder} may not use')

    if failures:
        print('\n'.join(failures))
        print('The layers and what each may include: docs/architecture.md, "The layers".')
        return 1
    print(f'{len(home)} headers, every include within its layer')
    return 0


if __name__ == '__main__':
    sys.exit(main())
