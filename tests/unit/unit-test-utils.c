/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "unit-test-utils.h"

void
unit_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      unit_remove_tree (child);
    }

  g_rmdir (path);
}

gboolean
unit_is_server (const char *path)
{
  return g_str_has_prefix (path, "postgresql://");
}

/* A register on a server is reached as another program would: a
 * connection of libpq's own, with the SQL as it is. */
static PGresult *
server_exec (const char *uri,
             const char *sql)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", uri, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQfinish (conn);

  return result;
}

void
unit_exec_raw (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (unit_is_server (path))
    {
      PQclear (server_exec (path, sql));
      return;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

int
unit_query_raw_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  if (unit_is_server (path))
    {
      PGresult *result = server_exec (path, sql);
      const char *text;

      g_assert_cmpint (PQntuples (result), >, 0);
      text = PQgetvalue (result, 0, 0);
      value = g_str_equal (text, "t") ? 1 : g_str_equal (text, "f") ? 0 : (int) g_ascii_strtoll (text, NULL, 10);
      PQclear (result);

      return value;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

void
unit_damage_table (const char *path,
                   const char *table)
{
  g_autofree char *contents = NULL;
  char *sql = sqlite3_mprintf ("SELECT rootpage FROM sqlite_schema WHERE name = %Q", table);
  gsize page_size = unit_query_raw_int (path, "PRAGMA page_size");
  gsize root = unit_query_raw_int (path, sql);
  gsize len;

  sqlite3_free (sql);
  /* Page 1 holds the schema, which is to stay readable. */
  g_assert_cmpuint (root, >, 1);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, root * page_size);
  for (gsize i = (root - 1) * page_size; i < root * page_size; i++)
    contents[i] = (char) (0xa5 ^ (i * 7));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

void
unit_reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

SignetClient *
unit_add_client (SignetStore *store,
                 const char  *name,
                 const char  *code)
{
  g_autoptr(GError) error = NULL;
  SignetClient *client = signet_client_new ();

  signet_client_set_name (client, name);
  signet_client_set_code (client, code);
  g_assert_true (signet_store_add_client (store, client, &error));
  g_assert_no_error (error);

  return client;
}

SignetContract *
unit_add_contract (SignetStore  *store,
                   SignetClient *client,
                   const char   *number,
                   const char   *title)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "CNY");
  signet_contract_set_value (contract, 100000);
  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

locale_t
unit_enter_locale (const char *name,
                   int         mask)
{
  locale_t base = newlocale (LC_ALL_MASK, "C.UTF-8", (locale_t) 0);
  locale_t locale = newlocale (mask, name, base);

  if (locale == (locale_t) 0)
    {
      freelocale (base);
      g_test_skip_printf ("The %s locale is not installed (localedef -i %.*s -f UTF-8 makes it).",
                          name, (int) strcspn (name, "."), name);
      return (locale_t) 0;
    }

  uselocale (locale);

  return locale;
}

void
unit_leave_locale (locale_t locale)
{
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (locale);
}
