/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-db.h"

G_BEGIN_DECLS

/* What each engine of signet-db.h provides: signet-db.c calls through
 * these, signet-db-sqlite.c and signet-db-pg.c fill them in. */
typedef struct
{
  void             (*close)                (SignetDb      *db);
  int              (*exec)                 (SignetDb      *db,
                                            const char    *sql);
  int              (*prepare)              (SignetDb      *db,
                                            const char    *sql,
                                            gboolean       persistent,
                                            SignetDbStmt **stmt);
  int              (*errcode)              (SignetDb      *db);
  const char      *(*errmsg)               (SignetDb      *db);
  gint64           (*changes)              (SignetDb      *db);
  gint64           (*total_changes)        (SignetDb      *db);
  gint64           (*last_insert_id)       (SignetDb      *db);
  gboolean         (*in_transaction)       (SignetDb      *db);

  void             (*finalize)             (SignetDbStmt  *stmt);
  int              (*step)                 (SignetDbStmt  *stmt);
  int              (*reset)                (SignetDbStmt  *stmt);
  void             (*clear_bindings)       (SignetDbStmt  *stmt);
  int              (*bind_int64)           (SignetDbStmt  *stmt,
                                            int            index,
                                            gint64         value);
  int              (*bind_double)          (SignetDbStmt  *stmt,
                                            int            index,
                                            double         value);
  int              (*bind_null)            (SignetDbStmt  *stmt,
                                            int            index);
  /* @length is -1 for up to the end; @copy FALSE keeps the caller's. */
  int              (*bind_text)            (SignetDbStmt  *stmt,
                                            int            index,
                                            const char    *text,
                                            gssize         length,
                                            gboolean       copy);
  int              (*bind_blob)            (SignetDbStmt  *stmt,
                                            int            index,
                                            gconstpointer  data,
                                            gsize          size,
                                            gboolean       copy);
  int              (*bind_value)           (SignetDbStmt  *stmt,
                                            int            index,
                                            const SignetDbValue *value);
  int              (*bind_parameter_count) (SignetDbStmt  *stmt);
  int              (*column_count)         (SignetDbStmt  *stmt);
  const char      *(*column_name)          (SignetDbStmt  *stmt,
                                            int            column);
  SignetDbType     (*column_type)          (SignetDbStmt  *stmt,
                                            int            column);
  gint64           (*column_int64)         (SignetDbStmt  *stmt,
                                            int            column);
  double           (*column_double)        (SignetDbStmt  *stmt,
                                            int            column);
  const char      *(*column_text)          (SignetDbStmt  *stmt,
                                            int            column);
  gconstpointer    (*column_blob)          (SignetDbStmt  *stmt,
                                            int            column);
  int              (*column_bytes)         (SignetDbStmt  *stmt,
                                            int            column);
  SignetDbValue   *(*column_value_dup)     (SignetDbStmt  *stmt,
                                            int            column);
  const char      *(*value_text)           (const SignetDbValue *value);
  void             (*value_free)           (SignetDbValue *value);
} SignetDbEngine;

/* The first members of every engine's connection and statement. */
struct _SignetDb
{
  const SignetDbEngine *engine;
  SignetDbDialect       dialect;
};

struct _SignetDbStmt
{
  SignetDb *db;
};

struct _SignetDbValue
{
  const SignetDbEngine *engine;
};

G_END_DECLS
