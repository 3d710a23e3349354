/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "signet-store.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-tombstone.h"
#include "store-fixture.h"
#include "unit-test-utils.h"

/* "changed" names the part of the record a write changed: a view of a
 * contract's files connects to "changed::attachments" and is not told of
 * a title saved. Each write below is one emission, seen by a handler of
 * plain "changed" and by the handler of its own detail only. */

#define PDF "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"

static const char * const details[] = {
  SIGNET_STORE_CHANGED_FIELDS,
  SIGNET_STORE_CHANGED_ATTACHMENTS,
  SIGNET_STORE_CHANGED_ANNOTATIONS,
  SIGNET_STORE_CHANGED_KEY_DATES,
};

typedef struct
{
  StoreFixture base;
  GPtrArray   *seen;        /* the details whose handlers ran, in order */
  guint        n_changed;   /* the handler of plain "changed" */
  gint64       last_id;
} Fixture;

typedef struct
{
  Fixture    *f;
  const char *detail;
} Watcher;

static Watcher watchers[G_N_ELEMENTS (details)];

static void
detail_changed_cb (SignetStore      *store,
                   SignetRecordKind  kind,
                   gint64            id,
                   SignetChangeKind  change,
                   Watcher          *watcher)
{
  g_ptr_array_add (watcher->f->seen, (gpointer) watcher->detail);
}

static void
changed_cb (SignetStore      *store,
            SignetRecordKind  kind,
            gint64            id,
            SignetChangeKind  change,
            Fixture          *f)
{
  f->n_changed++;
  f->last_id = id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open_empty (&f->base, "signet.db");
  f->seen = g_ptr_array_new ();

  g_signal_connect (f->base.store, "changed", G_CALLBACK (changed_cb), f);
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", details[i], NULL);

      watchers[i].f = f;
      watchers[i].detail = details[i];
      g_signal_connect (f->base.store, signal, G_CALLBACK (detail_changed_cb), &watchers[i]);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->seen, g_ptr_array_unref);
  store_fixture_close (&f->base);
}

static void
forget_seen (Fixture *f)
{
  g_ptr_array_set_size (f->seen, 0);
  f->n_changed = 0;
  f->last_id = 0;
}

/* The last write was one emission, for @id, with @detail and no other. */
static void
assert_seen_only (Fixture    *f,
                  const char *detail,
                  gint64      id)
{
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->last_id, ==, id);
  g_assert_cmpuint (f->seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->seen, 0), ==, detail);
  forget_seen (f);
}

/* A contract's own fields: adding the client and the contract, saving a
 * title, deleting and restoring the contract. */
static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetContract) contract = NULL;
  g_autoptr(SignetContract) edited = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  client = unit_add_client (f->base.store, "Contoso GmbH", "C001");
  assert_seen_only (f, SIGNET_STORE_CHANGED_FIELDS, signet_client_get_id (client));

  contract = unit_add_contract (f->base.store, client, "HT-2026-0001", "Framework agreement");
  id = signet_contract_get_id (contract);
  assert_seen_only (f, SIGNET_STORE_CHANGED_FIELDS, id);

  edited = signet_contract_copy (contract);
  signet_contract_set_title (edited, "Framework agreement, second year");
  g_assert_true (signet_store_save_contract (f->base.store, contract, edited, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_FIELDS, id);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_CONTRACT, id, &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_FIELDS, id);
  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_FIELDS, id);
}

/* A contract's files and their annotations: every write to them is
 * "attachments" or "annotations" of the contract, never "fields". */
static void
test_attachments_and_annotations (Fixture       *f,
                                  gconstpointer  data)
{
  static const SignetAnnotationRect rect = { 72, 72, 144, 90 };
  g_autoptr(SignetClient) client = unit_add_client (f->base.store, "Contoso GmbH", "C001");
  g_autoptr(SignetContract) contract = unit_add_contract (f->base.store, client, "HT-2026-0001", "Framework agreement");
  g_autoptr(GBytes) bytes = g_bytes_new_static (PDF, strlen (PDF));
  g_autoptr(GBytes) second = g_bytes_new_static (PDF "\n", strlen (PDF) + 1);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAttachment) updated = NULL;
  g_autoptr(SignetAttachment) replaced = NULL;
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(SignetAnnotation) edited = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);

  forget_seen (f);

  attachment = signet_store_add_attachment (f->base.store, id, bytes, "agreement.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ATTACHMENTS, id);

  updated = signet_store_update_attachment (f->base.store, signet_attachment_get_id (attachment),
                                            SIGNET_ATTACHMENT_ROLE_SIGNED, "Signed by both", &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ATTACHMENTS, id);

  annotation = signet_store_add_annotation (f->base.store, signet_attachment_get_version_id (attachment),
                                            SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1, "#ffd400", "Check §4",
                                            &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ANNOTATIONS, id);

  edited = signet_store_update_annotation (f->base.store, signet_annotation_get_id (annotation), NULL,
                                           "Check §4 and §5", &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ANNOTATIONS, id);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_ANNOTATION,
                                   signet_annotation_get_id (annotation), &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ANNOTATIONS, id);
  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ANNOTATIONS, id);
  g_clear_object (&tombstone);

  replaced = signet_store_replace_attachment (f->base.store, signet_attachment_get_id (attachment), second,
                                              "agreement v2.pdf", "application/pdf", &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ATTACHMENTS, id);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_ATTACHMENT,
                                   signet_attachment_get_id (attachment), &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ATTACHMENTS, id);
  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_ATTACHMENTS, id);
}

/* Key dates, reviews and reminders are "key-dates" of the contract. */
static void
test_key_dates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = unit_add_client (f->base.store, "Contoso GmbH", "C001");
  g_autoptr(SignetContract) contract = unit_add_contract (f->base.store, client, "HT-2026-0001", "Framework agreement");
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = signet_contract_get_id (contract);

  forget_seen (f);

  key_date = signet_user_key_date_new (id, SIGNET_KEY_DATE_MILESTONE, "2026-09-30", "Handover", NULL);
  g_assert_true (signet_store_add_key_date (f->base.store, key_date, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_KEY_DATES, id);

  g_free (key_date->title);
  key_date->title = g_strdup ("Handover of the keys");
  g_assert_true (signet_store_update_key_date (f->base.store, key_date, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_KEY_DATES, id);

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_KEY_DATE, key_date->id, &error);
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_KEY_DATES, id);
  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_KEY_DATES, id);

  g_assert_true (signet_store_record_review (f->base.store, id, "2026-03-01", "Li Wei", NULL, NULL, &error));
  g_assert_no_error (error);
  assert_seen_only (f, SIGNET_STORE_CHANGED_KEY_DATES, id);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-signals/fields", test_fields);
  ADD ("/store-signals/attachments-and-annotations", test_attachments_and_annotations);
  ADD ("/store-signals/key-dates", test_key_dates);

#undef ADD

  return g_test_run ();
}
