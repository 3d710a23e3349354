/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a user could notice changed in a register file: the bytes and the
 * modification time of the file and of its -wal (when there is one), and
 * which of the file, its -wal and its -shm exist. Read in this process:
 * take it only while the process has no connection to the register open
 * (closing a descriptor of the file drops that connection's locks). */
char     *register_snapshot               (const char *path);
/* The same of the file alone. */
char     *register_snapshot_file          (const char *path);

/* Fails the test, naming what changed, when @before is not the register's
 * snapshot now. */
void      register_assert_unchanged       (const char *path,
                                           const char *before);
/* The same, of register_snapshot_file(). */
void      register_assert_unchanged_file  (const char *path,
                                           const char *before);

G_END_DECLS
