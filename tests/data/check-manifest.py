#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against the values the meson build uses.

No Flatpak runtime can be installed where the tests run, so the manifest is
checked by reading it: the app id and command must match the build (passed
in by meson, so the two cannot drift apart), the sandbox must stay as narrow
as designed (files arrive through the portals, never through --filesystem),
and the modules the app links against must be built.

Usage: check-manifest.py MANIFEST APP_ID EXECUTABLE
"""

import json
import sys

ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
MIN_RUNTIME_VERSION = 49


def check(manifest, app_id, executable):
    errors = []

    manifest_id = manifest.get('app-id', manifest.get('id'))
    if manifest_id != app_id:
        errors.append('app-id is %r, the build uses %r' % (manifest_id, app_id))
    if manifest.get('command') != executable:
        errors.append('command is %r, the build installs %r' % (manifest.get('command'), executable))

    if manifest.get('runtime') != 'org.gnome.Platform':
        errors.append('runtime is %r, not org.gnome.Platform' % manifest.get('runtime'))
    if manifest.get('sdk') != 'org.gnome.Sdk':
        errors.append('sdk is %r, not org.gnome.Sdk' % manifest.get('sdk'))
    version = str(manifest.get('runtime-version', ''))
    try:
        if int(version.split('.')[0]) < MIN_RUNTIME_VERSION:
            errors.append('runtime-version %s is older than %d' % (version, MIN_RUNTIME_VERSION))
    except ValueError:
        errors.append('runtime-version %r is not a GNOME release number' % version)

    finish_args = manifest.get('finish-args', [])
    if sorted(finish_args) != sorted(ALLOWED_FINISH_ARGS) or len(set(finish_args)) != len(finish_args):
        errors.append('finish-args are %r, expected exactly %r' % (finish_args, ALLOWED_FINISH_ARGS))

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]
    for required in ('poppler-data', 'poppler'):
        if required not in names:
            errors.append('no module named %r' % required)
    if 'poppler-data' in names and 'poppler' in names and names.index('poppler-data') > names.index('poppler'):
        errors.append('poppler-data must be built before poppler')
    for module in modules:
        for source in module.get('sources', []):
            if isinstance(source, dict) and source.get('type') == 'archive':
                if not source.get('url', '').startswith('https://'):
                    errors.append('module %r downloads over %r' % (module.get('name'), source.get('url')))
                if len(source.get('sha256', '')) != 64:
                    errors.append('module %r has no sha256 for %r' % (module.get('name'), source.get('url')))

    if not modules:
        errors.append('there are no modules')
    else:
        last = modules[-1]
        if last.get('name') != executable:
            errors.append('the last module is %r, not %r' % (last.get('name'), executable))
        if last.get('buildsystem') != 'meson':
            errors.append('the last module builds with %r, not meson' % last.get('buildsystem'))
        if not any(isinstance(s, dict) and s.get('type') == 'dir' for s in last.get('sources', [])):
            errors.append('the last module does not build this checkout (no "dir" source)')

    return errors


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    path, app_id, executable = sys.argv[1:]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('%s cannot be read: %s' % (path, e))
        return 1

    errors = check(manifest, app_id, executable)
    for error in errors:
        print(error)
    if not errors:
        print('%s describes %s running %s.' % (path, app_id, executable))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
