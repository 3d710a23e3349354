/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The register's own files chosen as the file to import, or to export the
 * register or its key dates to: refused before a byte is read or written,
 * with a message that says why, by the functions the dialogs use and by
 * the command line; the register stays as it was, byte for byte. Reading
 * one of them outside SQLite is how the window lost its locks, and an
 * export renamed over the register replaced it. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "io-test-utils.h"
#include "signet-ics.h"

typedef enum
{
  REGISTER,
  COMPANION,
} Kind;

typedef struct
{
  const char *name;   /* in the register's folder */
  Kind        kind;
} Target;

/* The register (signet.db) by its name, by a hard link and by a symbolic
 * link; its WAL and shared memory; and its rollback journal, which a WAL
 * register does not have: SQLite would take a file of that name for one. */
static const Target targets[] = {
  { "signet.db", REGISTER },
  { "hard-link.db", REGISTER },
  { "symbolic-link.db", REGISTER },
  { "signet.db-wal", COMPANION },
  { "signet.db-shm", COMPANION },
  { "signet.db-journal", COMPANION },
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(none)");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The register as another program sees it: its bytes, those of its WAL
 * (which holds the latest writes), the files beside it and the records. */
static char *
describe_register (IoFixture *f)
{
  g_autofree char *wal_path = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *database = checksum_file (f->path);
  g_autofree char *wal = checksum_file (wal_path);
  g_autoptr(GBytes) records = io_export_bytes (f->store, NULL);
  g_autofree char *records_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, records);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autofree char *listing = NULL;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  listing = g_strjoinv (" ", (char **) names->pdata);

  return g_strdup_printf ("database %s, WAL %s, records %s, files %s", database, wal, records_sum, listing);
}

static void
set_up (IoFixture     *f,
        gconstpointer  data)
{
  g_autofree char *hard_link = NULL;
  g_autofree char *symbolic_link = NULL;

  io_fixture_set_up (f, data);
  io_fill_sample_register (f->store);

  hard_link = io_fixture_path (f, "hard-link.db");
  symbolic_link = io_fixture_path (f, "symbolic-link.db");
  g_assert_cmpint (link (f->path, hard_link), ==, 0);
  g_assert_cmpint (symlink ("signet.db", symbolic_link), ==, 0);
}

static char *
expected_message (IoFixture    *f,
                  const Target *target)
{
  g_autofree char *path = io_fixture_path (f, target->name);

  if (target->kind == REGISTER)
    return g_strdup_printf ("“%s” is Signet's own register file. Choose another file; "
                            "nothing was read or written.", path);

  return g_strdup_printf ("“%s” is part of Signet's own register file “%s”. Choose another file; "
                          "nothing was read or written.", path, f->path);
}

typedef gboolean (*Operation) (IoFixture  *f,
                               GFile      *file,
                               GError    **error);

static gboolean
import_file (IoFixture  *f,
             GFile      *file,
             GError    **error)
{
  SignetImportOptions options = { SIGNET_CONFLICT_UPDATE, FALSE };
  g_autoptr(SignetImportReport) report = NULL;

  return signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, error);
}

static gboolean
export_file (IoFixture  *f,
             GFile      *file,
             GError    **error)
{
  return signet_xml_export (f->store, file, NULL, SIGNET_EXPORT_WITH_ATTACHMENTS, NULL, NULL, NULL, error);
}

static gboolean
export_ics (IoFixture  *f,
            GFile      *file,
            GError    **error)
{
  return signet_ics_export (f->store, file, NULL, NULL, NULL, NULL, error);
}

static void
check_refused (IoFixture     *f,
               gconstpointer  data)
{
  Operation operation = (Operation) data;
  g_autofree char *before = describe_register (f);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *path = io_fixture_path (f, targets[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *expected = expected_message (f, &targets[i]);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", targets[i].name);
      g_assert_false (operation (f, file, &error));
      g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_REGISTER_FILE);
      g_assert_cmpstr (error->message, ==, expected);

      after = describe_register (f);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A name that only starts like the register's is an ordinary file. */
static void
test_export_beside (IoFixture     *f,
                    gconstpointer  data)
{
  g_autofree char *path = io_fixture_path (f, "signet.db.xml");
  g_autofree char *ics_path = io_fixture_path (f, "signet.db-dates.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (export_file (f, file, &error));
  g_assert_no_error (error);
  g_assert_true (export_ics (f, ics, &error));
  g_assert_no_error (error);
  g_assert_true (import_file (f, file, &error));
  g_assert_no_error (error);
}

static char *
option (const char *name,
        const char *value)
{
  return g_strdup_printf ("--%s=%s", name, value);
}

/* signet --import, --export, --export-ics and --export-xlsx with the register's own
 * files, and --database with its WAL: the message on standard error,
 * exit status 1, the register unchanged. */
static void
test_command_line (IoFixture     *f,
                   gconstpointer  data)
{
  g_autofree char *before = describe_register (f);
  g_autofree char *wal = io_fixture_path (f, "signet.db-wal");
  g_autofree char *shm = io_fixture_path (f, "signet.db-shm");
  g_autofree char *link_path = io_fixture_path (f, "hard-link.db");
  g_autofree char *database = option ("database", f->path);
  struct {
    char *option;
    char *database;
    char *expected;
  } runs[] = {
    { option ("import", f->path), NULL,
      g_strdup_printf ("“%s” is Signet's own register file. Choose another file; nothing was read or "
                       "written.\n", f->path) },
    { option ("export", wal), NULL,
      g_strdup_printf ("“%s” is part of Signet's own register file “%s”. Choose another file; nothing was "
                       "read or written.\n", wal, f->path) },
    { option ("export-ics", shm), NULL,
      g_strdup_printf ("%s: “%s” is part of Signet's own register file “%s”. Choose another file; nothing was "
                       "read or written.\n", shm, shm, f->path) },
    { option ("export-xlsx", f->path), NULL,
      g_strdup_printf ("%s: “%s” is Signet's own register file. Choose another file; nothing was read or "
                       "written.\n", f->path, f->path) },
    { option ("export", link_path), NULL,
      g_strdup_printf ("“%s” is Signet's own register file. Choose another file; nothing was read or "
                       "written.\n", link_path) },
    { g_strdup ("--export=-"), option ("database", wal),
      g_strdup_printf ("“%s” belongs to the register “%s” and is not a register itself. Open “%s” "
                       "instead.\n", wal, f->path, f->path) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_auto(IoRun) run = { 0 };
      g_autofree char *after = NULL;

      g_test_message ("%s %s", runs[i].database ? runs[i].database : "", runs[i].option);
      io_run_signet (&run, SIGNET_BINARY, runs[i].database ? runs[i].database : database, runs[i].option, NULL);
      g_assert_cmpstr (run.err, ==, runs[i].expected);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpint (run.status, ==, 1);

      after = describe_register (f);
      g_assert_cmpstr (after, ==, before);

      g_free (runs[i].option);
      g_free (runs[i].database);
      g_free (runs[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/register-files/import", IoFixture, import_file, set_up, check_refused, io_fixture_tear_down);
  g_test_add ("/register-files/export", IoFixture, export_file, set_up, check_refused, io_fixture_tear_down);
  g_test_add ("/register-files/export-ics", IoFixture, export_ics, set_up, check_refused, io_fixture_tear_down);
  g_test_add ("/register-files/export-beside", IoFixture, NULL, set_up, test_export_beside, io_fixture_tear_down);
  g_test_add ("/register-files/command-line", IoFixture, NULL, set_up, test_command_line, io_fixture_tear_down);

  return g_test_run ();
}
