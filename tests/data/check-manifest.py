#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against the values the meson build uses.

No Flatpak runtime can be installed where the tests run, so the manifest is
checked by reading it: the app id and command must match the build (passed
in by meson, so the two cannot drift apart), the sandbox must stay as narrow
as designed (files arrive through the portals, never through --filesystem),
and the modules the app links against must be built: libpq, which no
GNOME runtime has, for a team register (libsecret, for its password, is
in the runtime, and reaches the Secret portal by itself inside the
sandbox). The runtime must
provide the GTK and libadwaita that meson.build requires, and the bundled
poppler must be one the tests' expectations are stated for: the reference
platform's (Debian 13) or newer.

Usage: check-manifest.py MANIFEST APP_ID EXECUTABLE SOURCE_ROOT
"""

import json
import os
import re
import sys

# --share=network: a team register is on a PostgreSQL server.
# --filesystem=~/.postgresql:ro: libpq reads the authority's certificate
# that checks the server's (root.crt) from there, where the Connect dialog
# tells people to save it; nothing else of the home folder is opened.
ALLOWED_FINISH_ARGS = ['--share=ipc', '--share=network', '--socket=wayland', '--socket=fallback-x11',
                       '--device=dri', '--filesystem=~/.postgresql:ro']
MIN_RUNTIME_VERSION = 49
# What each GNOME runtime provides of the libraries meson.build asks a
# version of; a runtime not listed here needs its line first.
RUNTIME_LIBRARIES = {
    48: {'gtk4': (4, 18), 'libadwaita-1': (1, 7)},
    49: {'gtk4': (4, 20), 'libadwaita-1': (1, 8)},
}
# The poppler of the reference platform, Debian 13: the PDF tests ran
# against it and state what newer versions give (POPPLER_CHECK_VERSION).
MIN_POPPLER = (25, 3)


def version_tuple(text):
    return tuple(int(part) for part in text.split('.'))


def required_versions(source_root):
    """{dependency: minimum version} of the dependency() calls in the
    meson.build files that give one as '>= X.Y'."""
    required = {}
    pattern = re.compile(r"dependency\(\s*'([^']+)'\s*,\s*version\s*:\s*'>=\s*([0-9.]+)'")
    for folder, dirs, files in os.walk(source_root):
        dirs[:] = [d for d in dirs if not d.startswith(('.', '_build'))]
        if 'meson.build' in files:
            with open(os.path.join(folder, 'meson.build'), encoding='utf-8') as f:
                for name, version in pattern.findall(f.read()):
                    required[name] = version_tuple(version)
    return required


def bundled_version(module):
    """The version of a module's release archive or git tag, if it says."""
    for source in module.get('sources', []):
        if not isinstance(source, dict):
            continue
        text = source.get('url', '') if source.get('type') == 'archive' else source.get('tag', '')
        match = re.search(r'(\d+)\.(\d+)\.(\d+)(?:\.tar\.\w+)?$', text)
        if match:
            return tuple(int(part) for part in match.groups())
    return None


def show(version):
    """As the projects write it: GTK 4.20, poppler 25.03.0."""
    if version[0] >= 20:
        return '.'.join(['%d' % version[0], '%02d' % version[1]] + ['%d' % v for v in version[2:]])
    return '.'.join(str(part) for part in version)


def check(manifest, app_id, executable, required):
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
    else:
        provided = RUNTIME_LIBRARIES.get(int(version.split('.')[0]))
        if provided is None:
            errors.append('runtime-version %s: say in check-manifest.py which GTK and libadwaita it provides'
                          % version)
        else:
            for library, runtime_version in sorted(provided.items()):
                if library not in required:
                    errors.append('meson.build asks no version of %s' % library)
                elif required[library] > runtime_version:
                    errors.append('meson.build requires %s >= %s, GNOME %s provides %s'
                                  % (library, show(required[library]), version, show(runtime_version)))

    finish_args = manifest.get('finish-args', [])
    if sorted(finish_args) != sorted(ALLOWED_FINISH_ARGS) or len(set(finish_args)) != len(finish_args):
        errors.append('finish-args are %r, expected exactly %r' % (finish_args, ALLOWED_FINISH_ARGS))

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]
    if 'libpq' not in names:
        errors.append('no module named \'libpq\' (PostgreSQL\'s client library, not in the runtime)')
    elif executable in names and names.index('libpq') > names.index(executable):
        errors.append('libpq must be built before %r' % executable)
    else:
        libpq = modules[names.index('libpq')]
        # PostgreSQL's releases are MAJOR.MINOR: postgresql-17.6.tar.bz2.
        libpq_version = None
        for source in libpq.get('sources', []):
            url = source.get('url', '') if isinstance(source, dict) else ''
            match = re.search(r'postgresql-(\d+)\.(\d+)\.tar\.\w+$', url)
            if match:
                libpq_version = tuple(int(part) for part in match.groups())
        if libpq_version is None:
            errors.append('the libpq module does not say its version (in its archive name)')
        elif 'libpq' in required and libpq_version[:1] < required['libpq'][:1]:
            errors.append('the bundled libpq %s is older than meson.build requires (%s)'
                          % (show(libpq_version), show(required['libpq'])))
        # verify-full, the default for a server that is not local, needs TLS.
        if not any('--with-ssl=openssl' in command for command in libpq.get('build-commands', [])):
            errors.append('the libpq module is not configured --with-ssl=openssl')
    for required in ('poppler-data', 'poppler'):
        if required not in names:
            errors.append('no module named %r' % required)
    if 'poppler-data' in names and 'poppler' in names and names.index('poppler-data') > names.index('poppler'):
        errors.append('poppler-data must be built before poppler')
    if 'poppler' in names:
        poppler = bundled_version(modules[names.index('poppler')])
        if poppler is None:
            errors.append('the poppler module does not say its version (in its archive name or git tag)')
        else:
            if poppler[:2] < MIN_POPPLER:
                errors.append('the bundled poppler %s is older than %s, the reference platform\'s, '
                              'which the PDF tests ran against' % (show(poppler), show(MIN_POPPLER)))
            if 'poppler-glib' in required and poppler[:2] < required['poppler-glib']:
                errors.append('the bundled poppler %s is older than meson.build requires (%s)'
                              % (show(poppler), show(required['poppler-glib'])))
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
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    path, app_id, executable, source_root = sys.argv[1:]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('%s cannot be read: %s' % (path, e))
        return 1

    errors = check(manifest, app_id, executable, required_versions(source_root))
    for error in errors:
        print(error)
    if not errors:
        print('%s describes %s running %s.' % (path, app_id, executable))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
