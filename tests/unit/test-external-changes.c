/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include <string.h>

#include "signet-store.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-xml.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* A window's store learns of what other connections wrote to its file:
 * the app's import thread, `signet --import`, a second window. Two
 * connections to one real SQLite file play the window (window) and the
 * other writer (other). */

typedef struct
{
  SignetRecordKind kind;
  gint64           id;
  SignetChangeKind change;
  GQuark           detail;  /* the part of the record the emission named */
} Seen;

typedef struct
{
  StoreFixture base;
  SignetStore *window;    /* the window's connection: base.store */
  SignetStore *other;     /* another program's */
  GArray      *seen;      /* of Seen, the window's "changed" in order */
  guint        n_resets;
} Fixture;

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            Fixture          *f)
{
  Seen seen = { kind, id, change, g_signal_get_invocation_hint (store)->detail };

  g_array_append_val (f->seen, seen);
}

static void
reset_cb (SignetStore *store,
          Fixture     *f)
{
  f->n_resets++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_open_empty (&f->base, "register.db");
  f->window = f->base.store;
  f->other = signet_store_new (f->base.path, &error);
  g_assert_no_error (error);
  f->seen = g_array_new (FALSE, FALSE, sizeof (Seen));
  g_signal_connect (f->window, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->window, "reset", G_CALLBACK (reset_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  f->window = NULL;
  g_clear_object (&f->other);
  g_clear_pointer (&f->seen, g_array_unref);
  store_fixture_close (&f->base);
}

static void
forget_seen (Fixture *f)
{
  g_array_set_size (f->seen, 0);
  f->n_resets = 0;
}

static void
check (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_check_external_changes (f->window, &error));
  g_assert_no_error (error);
}

static void
assert_seen (Fixture          *f,
             guint             index,
             SignetRecordKind  kind,
             gint64            id,
             SignetChangeKind  change)
{
  const Seen *seen;

  g_assert_cmpuint (index, <, f->seen->len);
  seen = &g_array_index (f->seen, Seen, index);
  g_assert_cmpint (seen->kind, ==, kind);
  g_assert_cmpint (seen->id, ==, id);
  g_assert_cmpint (seen->change, ==, change);
}

static void
assert_seen_detail (Fixture    *f,
                    guint       index,
                    const char *detail)
{
  g_assert_cmpuint (index, <, f->seen->len);
  g_assert_cmpstr (g_quark_to_string (g_array_index (f->seen, Seen, index).detail), ==, detail);
}

static SignetContract *
add_contract (SignetStore  *store,
              SignetClient *client,
              const char   *number,
              const char   *title)
{
  g_autoptr(GError) error = NULL;
  SignetContract *contract = signet_contract_new ();

  signet_contract_set_number (contract, number);
  signet_contract_set_title (contract, title);
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_value (contract, 1200000);
  signet_contract_set_currency (contract, "CNY");
  g_assert_true (signet_store_add_contract (store, contract, &error));
  g_assert_no_error (error);

  return contract;
}

/* The ids the window's list would show for @search, in number order. */
static GArray *
query_ids (SignetStore *store,
           const char  *search)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = signet_store_query_contract_ids (store, search, SIGNET_SORT_NUMBER, FALSE, &error);

  g_assert_no_error (error);

  return ids;
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* A contract another connection adds reaches the window's list, and
 * its search, as one "added" each for the client and the contract. */
static void
test_added_elsewhere (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) first = add_contract (f->window, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetClient) other_client = NULL;
  g_autoptr(SignetContract) added = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) found = NULL;

  /* The window has its order and search texts in memory. */
  before = query_ids (f->window, NULL);
  g_assert_cmpuint (before->len, ==, 1);
  g_clear_pointer (&before, g_array_unref);
  before = query_ids (f->window, "lease");
  g_assert_cmpuint (before->len, ==, 1);
  forget_seen (f);

  other_client = unit_add_client (f->other, "华东建设", "HDJS");
  added = add_contract (f->other, other_client, "HT-2026-0002", "Freight services");

  check (f);

  g_assert_cmpuint (f->n_resets, ==, 0);
  g_assert_cmpuint (f->seen->len, ==, 2);
  assert_seen (f, 0, SIGNET_RECORD_CLIENT, signet_client_get_id (other_client), SIGNET_CHANGE_ADDED);
  assert_seen (f, 1, SIGNET_RECORD_CONTRACT, signet_contract_get_id (added), SIGNET_CHANGE_ADDED);

  after = query_ids (f->window, NULL);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (has_id (after, signet_contract_get_id (added)));
  found = query_ids (f->window, "freight");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, signet_contract_get_id (added));
  g_clear_pointer (&found, g_array_unref);
  found = query_ids (f->window, "华东");
  g_assert_cmpuint (found->len, ==, 1);

  /* Looked at again with nothing new: nothing more. */
  forget_seen (f);
  check (f);
  g_assert_cmpuint (f->seen->len, ==, 0);
  g_assert_cmpuint (f->n_resets, ==, 0);
}

/* Changes and deletions elsewhere come as "updated" and "removed"; the
 * window's own writes, before, between and after them, are not told
 * twice. */
static void
test_updated_and_removed_elsewhere (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) kept = add_contract (f->window, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) doomed = add_contract (f->window, client, "HT-2026-0002", "Freight");
  g_autoptr(SignetContract) base = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetContract) mine = NULL;
  g_autoptr(SignetContract) later = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = query_ids (f->window, NULL);
  forget_seen (f);

  base = signet_store_get_contract (f->other, signet_contract_get_id (kept), &error);
  g_assert_no_error (error);
  edited = signet_contract_copy (base);
  signet_contract_set_title (edited, "Office lease, second floor");
  g_assert_true (signet_store_save_contract (f->other, base, edited, &error));
  g_assert_no_error (error);

  /* The window writes in between. */
  mine = add_contract (f->window, client, "HT-2026-0003", "Cleaning");
  g_assert_cmpuint (f->seen->len, ==, 1);
  forget_seen (f);

  g_assert_true (signet_store_delete_contract (f->other, signet_contract_get_id (doomed), &error));
  g_assert_no_error (error);
  later = add_contract (f->window, client, "HT-2026-0004", "Security");
  forget_seen (f);

  check (f);

  g_assert_cmpuint (f->n_resets, ==, 0);
  g_assert_cmpuint (f->seen->len, ==, 2);
  assert_seen (f, 0, SIGNET_RECORD_CONTRACT, signet_contract_get_id (kept), SIGNET_CHANGE_UPDATED);
  assert_seen (f, 1, SIGNET_RECORD_CONTRACT, signet_contract_get_id (doomed), SIGNET_CHANGE_REMOVED);

  g_clear_pointer (&ids, g_array_unref);
  ids = query_ids (f->window, NULL);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_false (has_id (ids, signet_contract_get_id (doomed)));
  g_clear_pointer (&ids, g_array_unref);
  ids = query_ids (f->window, "second floor");
  g_assert_cmpuint (ids->len, ==, 1);
}

/* A write of the window's that was rolled back leaves its audit ids free;
 * the other connection's next entries take them and are still told. */
static void
test_after_rollback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) dropped = NULL;
  g_autoptr(SignetContract) added = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_store_begin_batch (f->window, &error));
  g_assert_no_error (error);
  dropped = add_contract (f->window, client, "HT-2026-0001", "Office lease");
  signet_store_rollback_batch (f->window);
  forget_seen (f);

  added = add_contract (f->other, client, "HT-2026-0001", "Office lease");
  check (f);

  g_assert_cmpuint (f->seen->len, ==, 1);
  assert_seen (f, 0, SIGNET_RECORD_CONTRACT, signet_contract_get_id (added), SIGNET_CHANGE_ADDED);
}

/* A register of @n contracts exported to XML: what an import brings. */
static GFile *
write_import (Fixture *f,
              guint    n)
{
  g_autofree char *source_path = g_build_filename (f->base.dir, "source.db", NULL);
  g_autofree char *xml_path = g_strdup_printf ("%s/import-%u.xml", f->base.dir, n);
  g_autoptr(SignetStore) source = NULL;
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (xml_path);
  g_autoptr(GError) error = NULL;

  g_remove (source_path);
  source = signet_store_new (source_path, &error);
  g_assert_no_error (error);
  client = unit_add_client (source, "上海港务", "SHGW");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("IMP-%04u", i + 1);
      g_autofree char *title = g_strdup_printf ("Imported contract %u", i + 1);
      g_autoptr(SignetContract) contract = add_contract (source, client, number, title);
    }

  g_assert_true (signet_xml_export (source, file, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static void
import_through_other (Fixture *f,
                      GFile   *file)
{
  SignetImportOptions options = { SIGNET_CONFLICT_FAIL, FALSE };
  g_autoptr(SignetImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_import (f->other, file, &options, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The bug this check fixes: after an import through another connection,
 * the window's signet_store_query_contract_ids() gave the old ids. A few
 * records come as one change each. */
static void
test_small_import_elsewhere (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) first = add_contract (f->window, client, "HT-2026-0001", "Office lease");
  g_autoptr(GFile) file = write_import (f, 2);
  g_autoptr(GArray) before = query_ids (f->window, NULL);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(SignetContract) imported = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (before->len, ==, 1);
  forget_seen (f);

  import_through_other (f, file);
  check (f);

  imported = signet_store_find_contract_by_number (f->window, "IMP-0002", &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpuint (f->n_resets, ==, 0);
  g_assert_cmpuint (f->seen->len, ==, 3);
  g_assert_cmpint (g_array_index (f->seen, Seen, 0).kind, ==, SIGNET_RECORD_CLIENT);
  g_assert_cmpint (g_array_index (f->seen, Seen, 0).change, ==, SIGNET_CHANGE_ADDED);
  assert_seen (f, 2, SIGNET_RECORD_CONTRACT, signet_contract_get_id (imported), SIGNET_CHANGE_ADDED);

  after = query_ids (f->window, NULL);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (has_id (after, signet_contract_get_id (imported)));
  found = query_ids (f->window, "上海港务");
  g_assert_cmpuint (found->len, ==, 2);
}

/* Many records at once are one "reset", and the window's list has them. */
static void
test_large_import_elsewhere (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) first = add_contract (f->window, client, "HT-2026-0001", "Office lease");
  g_autoptr(GFile) file = write_import (f, 40);
  g_autoptr(GArray) before = query_ids (f->window, "imported");
  g_autoptr(GArray) after = NULL;

  g_assert_cmpuint (before->len, ==, 0);
  forget_seen (f);

  import_through_other (f, file);
  check (f);

  g_assert_cmpuint (f->n_resets, ==, 1);
  g_assert_cmpuint (f->seen->len, ==, 0);
  after = query_ids (f->window, "imported");
  g_assert_cmpuint (after->len, ==, 40);
  g_clear_pointer (&after, g_array_unref);
  after = query_ids (f->window, NULL);
  g_assert_cmpuint (after->len, ==, 41);

  forget_seen (f);
  check (f);
  g_assert_cmpuint (f->n_resets, ==, 0);
  g_assert_cmpuint (f->seen->len, ==, 0);
}

/* Four records written elsewhere are told one by one; a fifth makes
 * them one "reset", which costs the window's list no more than one
 * change does. */
static void
test_precise_or_reset (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GArray) ids = query_ids (f->window, NULL);

      forget_seen (f);
      g_assert_true (signet_store_begin_batch (f->other, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < 4 + round; i++)
        {
          g_autofree char *number = g_strdup_printf ("HT-2026-%04u", ++n);
          g_autoptr(SignetContract) contract = add_contract (f->other, client, number, "Freight");
        }
      g_assert_true (signet_store_commit_batch (f->other, &error));
      g_assert_no_error (error);

      check (f);

      if (round == 0)
        {
          g_assert_cmpuint (f->seen->len, ==, 4);
          g_assert_cmpuint (f->n_resets, ==, 0);
        }
      else
        {
          g_assert_cmpuint (f->seen->len, ==, 0);
          g_assert_cmpuint (f->n_resets, ==, 1);
        }
      g_clear_pointer (&ids, g_array_unref);
      ids = query_ids (f->window, NULL);
      g_assert_cmpuint (ids->len, ==, n);
    }
}

static void
count_cb (SignetStore      *store,
          SignetRecordKind  kind,
          gint64            id,
          SignetChangeKind  change,
          guint            *count)
{
  (*count)++;
}

/* What another connection wrote is detailed as the store's own writes
 * are: a title saved is "fields", a file attached "attachments", and so
 * on, each derived from its audit entry; a handler of
 * "changed::attachments" sees the file and nothing else. */
static void
test_details_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  static const SignetAnnotationRect rect = { 72, 72, 144, 90 };
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) contract = add_contract (f->window, client, "HT-2026-0001", "Office lease");
  g_autoptr(SignetContract) edited = signet_contract_copy (contract);
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf, strlen (pdf));
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);
  guint n_attachments = 0;

  g_signal_connect (f->window, "changed::" SIGNET_STORE_CHANGED_ATTACHMENTS, G_CALLBACK (count_cb),
                    &n_attachments);
  forget_seen (f);

  signet_contract_set_title (edited, "Office lease, second floor");
  g_assert_true (signet_store_save_contract (f->other, contract, edited, &error));
  g_assert_no_error (error);
  attachment = signet_store_add_attachment (f->other, id, bytes, "lease.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  annotation = signet_store_add_annotation (f->other, signet_attachment_get_version_id (attachment),
                                            SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1, "#ffd400", "Rent", &error);
  g_assert_no_error (error);
  key_date = signet_user_key_date_new (id, SIGNET_KEY_DATE_PAYMENT, "2026-10-01", "First rent", NULL);
  g_assert_true (signet_store_add_key_date (f->other, key_date, &error));
  g_assert_no_error (error);

  check (f);

  g_assert_cmpuint (f->n_resets, ==, 0);
  g_assert_cmpuint (f->seen->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    assert_seen (f, i, SIGNET_RECORD_CONTRACT, id, SIGNET_CHANGE_UPDATED);
  assert_seen_detail (f, 0, SIGNET_STORE_CHANGED_FIELDS);
  assert_seen_detail (f, 1, SIGNET_STORE_CHANGED_ATTACHMENTS);
  assert_seen_detail (f, 2, SIGNET_STORE_CHANGED_ANNOTATIONS);
  assert_seen_detail (f, 3, SIGNET_STORE_CHANGED_KEY_DATES);
  g_assert_cmpuint (n_attachments, ==, 1);

  /* A review and a deletion, one check each. */
  forget_seen (f);
  g_assert_true (signet_store_record_review (f->other, id, "2026-03-01", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check (f);
  g_assert_cmpuint (f->seen->len, ==, 1);
  assert_seen_detail (f, 0, SIGNET_STORE_CHANGED_KEY_DATES);

  forget_seen (f);
  g_assert_true (signet_store_delete_contract (f->other, id, &error));
  g_assert_no_error (error);
  check (f);
  g_assert_cmpuint (f->seen->len, ==, 1);
  assert_seen (f, 0, SIGNET_RECORD_CONTRACT, id, SIGNET_CHANGE_REMOVED);
  assert_seen_detail (f, 0, SIGNET_STORE_CHANGED_FIELDS);
  g_assert_cmpuint (n_attachments, ==, 1);
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Watching, the window's store tells by itself, within two seconds. */
static void
test_watch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->window, "Northwind Traders", "NWT");
  g_autoptr(SignetContract) added = NULL;
  gboolean gave_up = FALSE;
  gint64 start;
  guint timeout;

  signet_store_watch_external_changes (f->window, TRUE);
  forget_seen (f);

  added = add_contract (f->other, client, "HT-2026-0001", "Office lease");
  start = g_get_monotonic_time ();
  timeout = g_timeout_add_seconds (3, give_up_cb, &gave_up);
  while (f->seen->len == 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (timeout);

  g_assert_cmpuint (f->seen->len, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  assert_seen (f, 0, SIGNET_RECORD_CONTRACT, signet_contract_get_id (added), SIGNET_CHANGE_ADDED);

  /* Stopped, it tells nothing more on its own. */
  signet_store_watch_external_changes (f->window, FALSE);
  forget_seen (f);
  g_clear_object (&added);
  added = add_contract (f->other, client, "HT-2026-0002", "Freight");
  gave_up = FALSE;
  g_timeout_add_seconds (2, give_up_cb, &gave_up);
  while (!gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->seen->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/external-changes/added", test_added_elsewhere);
  ADD ("/external-changes/updated-and-removed", test_updated_and_removed_elsewhere);
  ADD ("/external-changes/after-rollback", test_after_rollback);
  ADD ("/external-changes/small-import", test_small_import_elsewhere);
  ADD ("/external-changes/large-import", test_large_import_elsewhere);
  ADD ("/external-changes/precise-or-reset", test_precise_or_reset);
  ADD ("/external-changes/watch", test_watch);
  ADD ("/external-changes/details", test_details_elsewhere);

  return g_test_run ();
}
