/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <locale.h>

#include "signet-store.h"

G_BEGIN_DECLS

/* What the unit tests of the store share, and the tests of the other
 * suites that link them: a register's file changed and read with SQL
 * alone, as another program would (or damaged on disk), the records a
 * test starts from, and the app's settings put back. */

/* Whether @path is a register on a PostgreSQL server (a postgresql://
 * URI) rather than a file; the raw calls below take both. */
gboolean      unit_is_server     (const char  *path);
/* Removes @path, a file or a folder with everything in it. */
void          unit_remove_tree   (const char  *path);
/* Runs @sql on the register at @path through a connection of its own;
 * an error ends the test. */
void          unit_exec_raw      (const char  *path,
                                  const char  *sql);
/* The integer in the first column of the first row @sql gives on the
 * register at @path, read through a connection of its own. */
int           unit_query_raw_int (const char  *path,
                                  const char  *sql);
/* Writes garbage over the root page of @table in the register at @path,
 * on disk, with no connection of the store open: the schema still reads,
 * @table does not. */
void          unit_damage_table  (const char  *path,
                                  const char  *table);
/* Puts every key of @settings back to its default (the memory backend
 * keeps what a test before set). */
void          unit_reset_settings (GSettings  *settings);
/* A new client named @name with the code @code, added to @store. */
SignetClient *unit_add_client    (SignetStore *store,
                                  const char  *name,
                                  const char  *code);
/* A new contract of @client numbered @number and titled @title, worth
 * 1,000.00 CNY, added to @store. */
SignetContract *unit_add_contract (SignetStore  *store,
                                   SignetClient *client,
                                   const char   *number,
                                   const char   *title);

/* Switches the calling thread's categories of @mask (LC_ALL_MASK,
 * LC_MONETARY_MASK | LC_NUMERIC_MASK, ...) to @name, the others staying
 * C.UTF-8, as the app's process has them from setlocale(); (locale_t) 0
 * and the test skipped, with the reason, when the system cannot make it.
 * unit_leave_locale() switches back and frees it. */
locale_t      unit_enter_locale  (const char  *name,
                                  int          mask);
void          unit_leave_locale  (locale_t     locale);

G_END_DECLS
