/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The version of the SQLite register that a team register on PostgreSQL
 * starts from: its schema is written once for PostgreSQL, as the SQLite
 * migrations leave it at this version; every migration after it runs on
 * both engines. */
#define SIGNET_STORE_PG_BASE_VERSION 23

/* The SQL that makes, in the current schema of a new PostgreSQL database,
 * the tables, indexes and constraints of a register of version
 * SIGNET_STORE_PG_BASE_VERSION, and signet_meta (key, value), which holds
 * the schema's version and the register's application id as SQLite's
 * user_version and application_id do. Several statements, to run at once
 * inside a transaction. */
const char *_signet_store_pg_schema_sql (void);

G_END_DECLS
