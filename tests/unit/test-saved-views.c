/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "signet-contract-query.h"
#include "signet-person.h"
#include "signet-store-people.h"
#include "signet-store-views.h"
#include "signet-xml.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* Saved views in the register: added last with a unique name, renamed,
 * changed, moved, deleted and brought back by Undo where they were, each
 * write told to the views as "changed::saved-views" and logged. */

typedef struct
{
  guint  n;
  gint64 id;
  SignetChangeKind change;
} Told;

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            Told             *told)
{
  g_assert_cmpint (kind, ==, SIGNET_RECORD_SAVED_VIEW);
  told->n++;
  told->id = id;
  told->change = change;
}

static gint64
add_view (StoreFixture  *f,
          const char    *name,
          const char    *query,
          const char    *search,
          GError       **error)
{
  g_autoptr(SignetSavedView) view = signet_saved_view_new ();

  view->name = g_strdup (name);
  g_free (view->query);
  view->query = g_strdup (query);
  view->search = g_strdup (search);
  view->sort_key = SIGNET_SORT_END_DATE;
  view->descending = TRUE;

  return signet_store_add_saved_view (f->store, view, error);
}

/* The names of the views in the sidebar's order, "a, b, c". */
static char *
names (StoreFixture *f)
{
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  views = signet_store_list_saved_views (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < views->len; i++)
    {
      SignetSavedView *view = g_ptr_array_index (views, i);

      g_assert_cmpuint (view->position, ==, i);
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", view->name);
    }

  return g_string_free (text, FALSE);
}

static void
assert_names (StoreFixture *f,
              const char   *expected)
{
  g_autofree char *text = names (f);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_add_and_read (void)
{
  StoreFixture f;
  g_autoptr(SignetSavedView) view = NULL;
  g_autoptr(GError) error = NULL;
  Told told = { 0 };
  gint64 high;
  gint64 expiring;

  store_fixture_open (&f, "2026-06-15");
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_SAVED_VIEWS, G_CALLBACK (changed_cb), &told);

  high = add_view (&f, " 高风险 ", "risk=high", "华东", &error);
  g_assert_no_error (error);
  g_assert_cmpint (high, >, 0);
  g_assert_cmpuint (told.n, ==, 1);
  g_assert_cmpint (told.id, ==, high);
  g_assert_cmpint (told.change, ==, SIGNET_CHANGE_ADDED);

  expiring = add_view (&f, "Expiring in 30 days", "expiring=30;only=on-loan", NULL, &error);
  g_assert_no_error (error);
  assert_names (&f, "高风险, Expiring in 30 days");

  view = signet_store_get_saved_view (f.store, high, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (view->name, ==, "高风险");
  g_assert_cmpstr (view->query, ==, "risk=high");
  g_assert_cmpstr (view->search, ==, "华东");
  g_assert_cmpint (view->sort_key, ==, SIGNET_SORT_END_DATE);
  g_assert_true (view->descending);
  g_assert_nonnull (view->uuid);
  g_assert_cmpint (view->version, ==, 1);
  g_clear_pointer (&view, signet_saved_view_free);
  view = signet_store_get_saved_view (f.store, expiring, &error);
  g_assert_null (view->search);

  /* Each write is in the History's log. */
  g_assert_cmpint (unit_query_raw_int (f.path, "SELECT count(*) FROM audit WHERE record_kind = 'saved-view' "
                                               "AND action = 'add-saved-view'"), ==, 2);

  store_fixture_close (&f);
}

static void
test_refused (void)
{
  StoreFixture f;
  g_autoptr(GError) error = NULL;
  Told told = { 0 };
  gint64 id;

  store_fixture_open (&f, "2026-06-15");
  id = add_view (&f, "高风险", "risk=high", NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_SAVED_VIEWS, G_CALLBACK (changed_cb), &told);

  /* The name is another view's, spaces aside. */
  g_assert_cmpint (add_view (&f, "高风险  ", "", NULL, &error), ==, 0);
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_VIEW_NAME);
  g_assert_cmpstr (error->message, ==, "A view named “高风险” exists already: choose another name.");
  g_clear_error (&error);

  g_assert_cmpint (add_view (&f, "  ", "", NULL, &error), ==, 0);
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_VIEW_NAME);
  g_assert_cmpstr (error->message, ==, "Enter a name for the view.");
  g_clear_error (&error);

  /* A query that would not read back. */
  g_assert_cmpint (add_view (&f, "Colours", "colour=red", NULL, &error), ==, 0);
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_VIEW_FILTERS);
  g_assert_cmpstr (error->message, ==, "Unknown filter “colour”");
  g_clear_error (&error);

  g_assert_cmpint (add_view (&f, "Other", "", NULL, &error), >, 0);
  g_assert_false (signet_store_rename_saved_view (f.store, id, "Other", &error));
  g_assert_error (error, SIGNET_FIELD_ERROR, SIGNET_FIELD_VIEW_NAME);
  g_clear_error (&error);

  g_assert_false (signet_store_rename_saved_view (f.store, 999, "Gone", &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only the one view added was told. */
  g_assert_cmpuint (told.n, ==, 1);
  assert_names (&f, "高风险, Other");

  store_fixture_close (&f);
}

static void
test_rename_update_move (void)
{
  StoreFixture f;
  g_autoptr(SignetSavedView) view = NULL;
  g_autoptr(GError) error = NULL;
  Told told = { 0 };
  gint64 a, b, c;

  store_fixture_open (&f, "2026-06-15");
  a = add_view (&f, "A", "", NULL, &error);
  b = add_view (&f, "B", "", NULL, &error);
  c = add_view (&f, "C", "", NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_SAVED_VIEWS, G_CALLBACK (changed_cb), &told);

  g_assert_true (signet_store_rename_saved_view (f.store, b, " 华东客户 ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told.n, ==, 1);
  g_assert_cmpint (told.change, ==, SIGNET_CHANGE_UPDATED);
  /* The same name again is no change. */
  g_assert_true (signet_store_rename_saved_view (f.store, b, "华东客户", &error));
  g_assert_cmpuint (told.n, ==, 1);
  assert_names (&f, "A, 华东客户, C");

  view = signet_store_get_saved_view (f.store, a, &error);
  g_free (view->query);
  view->query = g_strdup ("status=active;only=overdue-payments");
  view->search = g_strdup ("维保");
  view->sort_key = SIGNET_SORT_VALUE;
  view->descending = FALSE;
  g_assert_true (signet_store_update_saved_view (f.store, view, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told.n, ==, 2);
  g_clear_pointer (&view, signet_saved_view_free);
  view = signet_store_get_saved_view (f.store, a, &error);
  g_assert_cmpstr (view->name, ==, "A");
  g_assert_cmpstr (view->query, ==, "status=active;only=overdue-payments");
  g_assert_cmpstr (view->search, ==, "维保");
  g_assert_cmpint (view->sort_key, ==, SIGNET_SORT_VALUE);
  g_assert_false (view->descending);
  g_assert_cmpint (view->version, ==, 2);

  g_assert_true (signet_store_move_saved_view (f.store, c, 0, &error));
  g_assert_no_error (error);
  assert_names (&f, "C, A, 华东客户");
  g_assert_true (signet_store_move_saved_view (f.store, c, 99, &error));
  assert_names (&f, "A, 华东客户, C");
  g_assert_true (signet_store_move_saved_view (f.store, a, 1, &error));
  assert_names (&f, "华东客户, A, C");
  g_assert_cmpuint (told.n, ==, 5);

  store_fixture_close (&f);
}

static void
test_delete_undo (void)
{
  StoreFixture f;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(SignetSavedView) view = NULL;
  g_autoptr(GError) error = NULL;
  Told told = { 0 };
  gint64 a, b;

  store_fixture_open (&f, "2026-06-15");
  a = add_view (&f, "A", "", NULL, &error);
  b = add_view (&f, "高风险", "risk=high", "华东", &error);
  add_view (&f, "C", "", NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (f.store, "changed::" SIGNET_STORE_CHANGED_SAVED_VIEWS, G_CALLBACK (changed_cb), &told);

  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_SAVED_VIEW, b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_tombstone_get_label (tombstone), ==, "高风险");
  g_assert_cmpint (told.change, ==, SIGNET_CHANGE_REMOVED);
  assert_names (&f, "A, C");

  /* Back where it was, as it was. */
  g_assert_true (signet_store_restore (f.store, tombstone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (told.id, ==, b);
  g_assert_cmpint (told.change, ==, SIGNET_CHANGE_ADDED);
  assert_names (&f, "A, 高风险, C");
  view = signet_store_get_saved_view (f.store, b, &error);
  g_assert_cmpstr (view->query, ==, "risk=high");
  g_assert_cmpstr (view->search, ==, "华东");

  /* Twice is refused. */
  g_assert_false (signet_store_restore (f.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Its name taken meanwhile: refused, naming it. */
  g_clear_object (&tombstone);
  tombstone = signet_store_delete (f.store, SIGNET_TOMBSTONE_SAVED_VIEW, b, &error);
  g_assert_true (signet_store_rename_saved_view (f.store, a, "高风险", &error));
  g_assert_false (signet_store_restore (f.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "The view “高风险” cannot be restored: another view has its name now.");
  assert_names (&f, "高风险, C");

  store_fixture_close (&f);
}

static char *
export_text (SignetStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (signet_xml_export_to_stream (store, out, NULL, SIGNET_EXPORT_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
import_text (StoreFixture         *f,
             const char           *text,
             SignetConflictPolicy  policy,
             GError              **error)
{
  g_autofree char *path = g_build_filename (f->dir, "import.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SignetImportReport) report = NULL;
  SignetImportOptions options = { policy, FALSE };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  return signet_xml_import (f->store, file, &options, &report, NULL, NULL, NULL, error);
}

/* The views travel with the XML: names, UUIDs, filters, search and order,
 * the owner by name and the client by code, found again in a register
 * where they have other ids; imported twice, they are not doubled; a name
 * the register's own view has comes in as "name (2)". */
static void
test_xml_round_trip (void)
{
  StoreFixture a;
  StoreFixture b;
  g_autoptr(SignetPerson) zhang = signet_person_new ();
  g_autoptr(SignetPerson) other = signet_person_new ();
  g_autoptr(SignetSavedView) mine = signet_saved_view_new ();
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *owner_query = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *uuid = NULL;
  SignetSavedView *view;
  gint64 b_client;

  store_fixture_open (&a, "2026-06-15");
  signet_person_set_name (zhang, "张伟");
  g_assert_true (signet_store_add_person (a.store, zhang, &error));
  g_assert_no_error (error);
  add_view (&a, "高风险", "risk=high;only=overdue-payments", "华东", &error);
  owner_query = g_strdup_printf ("owner=%" G_GINT64_FORMAT ";client=%" G_GINT64_FORMAT,
                                 signet_person_get_id (zhang), signet_client_get_id (a.client));
  add_view (&a, "张伟, Acme", owner_query, NULL, &error);
  g_assert_no_error (error);
  text = export_text (a.store);
  g_assert_nonnull (strstr (text, "<saved-views>"));
  g_assert_nonnull (strstr (text, "owners=\"张伟\""));
  g_assert_nonnull (strstr (text, "clients=\"ACME\""));

  /* Another register, where 张伟 and Acme have other ids, and a view of
   * its own named 高风险. */
  store_fixture_open (&b, "2026-06-15");
  signet_person_set_name (other, "李娜");
  g_assert_true (signet_store_add_person (b.store, other, &error));
  mine->name = g_strdup ("高风险");
  g_assert_cmpint (signet_store_add_saved_view (b.store, mine, &error), >, 0);
  g_assert_true (import_text (&b, text, SIGNET_CONFLICT_FAIL, &error));
  g_assert_no_error (error);
  assert_names (&b, "高风险, 高风险 (2), 张伟, Acme");

  views = signet_store_list_saved_views (b.store, &error);
  view = g_ptr_array_index (views, 1);
  g_assert_cmpstr (view->query, ==, "risk=high;only=overdue-payments");
  g_assert_cmpstr (view->search, ==, "华东");
  g_assert_cmpint (view->sort_key, ==, SIGNET_SORT_END_DATE);
  g_assert_true (view->descending);
  uuid = g_strdup (view->uuid);
  view = g_ptr_array_index (views, 2);
  b_client = unit_query_raw_int (b.path, "SELECT id FROM clients WHERE code = 'ACME'");
  expected = g_strdup_printf ("owner=%d;client=%" G_GINT64_FORMAT,
                              unit_query_raw_int (b.path, "SELECT id FROM people WHERE name = '张伟'"), b_client);
  g_assert_cmpstr (view->query, ==, expected);

  /* Again: the same views, not doubled. */
  g_assert_true (import_text (&b, text, SIGNET_CONFLICT_SKIP, &error));
  g_assert_no_error (error);
  assert_names (&b, "高风险, 高风险 (2), 张伟, Acme");
  g_clear_pointer (&views, g_ptr_array_unref);
  views = signet_store_list_saved_views (b.store, &error);
  g_assert_cmpstr (((SignetSavedView *) g_ptr_array_index (views, 1))->uuid, ==, uuid);

  store_fixture_close (&b);
  store_fixture_close (&a);
}

/* A view the schema refuses, and one whose filter Signet refuses: nothing
 * is imported, and the error says where. */
static void
test_xml_refused (void)
{
  StoreFixture a;
  StoreFixture b;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sorted = NULL;
  g_autoptr(GString) coloured = NULL;
  g_autofree char *text = NULL;

  store_fixture_open (&a, "2026-06-15");
  add_view (&a, "高风险", "risk=high", NULL, &error);
  g_assert_no_error (error);
  text = export_text (a.store);

  store_fixture_open (&b, "2026-06-15");
  sorted = g_string_new (text);
  g_assert_cmpuint (g_string_replace (sorted, "sort=\"end-date\"", "sort=\"sideways\"", 1), ==, 1);
  g_assert_false (import_text (&b, sorted->str, SIGNET_CONFLICT_FAIL, &error));
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_INVALID);
  g_assert_cmpuint (signet_xml_error_get_line (error), >, 0);
  g_clear_error (&error);

  coloured = g_string_new (text);
  g_assert_cmpuint (g_string_replace (coloured, "query=\"risk=high\"", "query=\"risk=purple\"", 1), ==, 1);
  g_assert_false (import_text (&b, coloured->str, SIGNET_CONFLICT_FAIL, &error));
  g_assert_error (error, SIGNET_XML_ERROR, SIGNET_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“purple” is not a valid value of the filter “risk”"));
  g_clear_error (&error);

  assert_names (&b, "");
  g_assert_cmpint (unit_query_raw_int (b.path, "SELECT count(*) FROM clients"), ==, 1);

  store_fixture_close (&b);
  store_fixture_close (&a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/saved-views/add-and-read", test_add_and_read);
  g_test_add_func ("/saved-views/refused", test_refused);
  g_test_add_func ("/saved-views/rename-update-move", test_rename_update_move);
  g_test_add_func ("/saved-views/delete-undo", test_delete_undo);
  g_test_add_func ("/saved-views/xml-round-trip", test_xml_round_trip);
  g_test_add_func ("/saved-views/xml-refused", test_xml_refused);

  return g_test_run ();
}
