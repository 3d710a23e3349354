/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "signet-store.h"
#include "signet-store-attachments.h"
#include "signet-tombstone.h"
#include "store-fixture.h"

#define PDF "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"

typedef struct
{
  StoreFixture base;
  gint64       contract_id;
  gint64       version_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetClient) client = signet_client_new ();
  g_autoptr(SignetContract) contract = signet_contract_new ();
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (PDF, strlen (PDF));

  store_fixture_open_empty (&f->base, "signet.db");

  signet_client_set_name (client, "Contoso GmbH");
  signet_client_set_code (client, "C001");
  g_assert_true (signet_store_add_client (f->base.store, client, &error));
  g_assert_no_error (error);

  signet_contract_set_number (contract, "HT-2026-0001");
  signet_contract_set_title (contract, "Framework agreement");
  signet_contract_set_client_id (contract, signet_client_get_id (client));
  signet_contract_set_currency (contract, "EUR");
  g_assert_true (signet_store_add_contract (f->base.store, contract, &error));
  g_assert_no_error (error);
  f->contract_id = signet_contract_get_id (contract);

  attachment = signet_store_add_attachment (f->base.store, f->contract_id, bytes, "agreement.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  f->version_id = signet_attachment_get_version_id (attachment);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (&f->base);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->base.store);
  f->base.store = signet_store_new (f->base.path, &error);
  g_assert_no_error (error);
}

static SignetAnnotation *
annotate (Fixture                    *f,
          SignetAnnotationKind        kind,
          guint                       page,
          const SignetAnnotationRect *rects,
          guint                       n_rects,
          const char                 *color,
          const char                 *comment)
{
  g_autoptr(GError) error = NULL;
  SignetAnnotation *annotation;

  annotation = signet_store_add_annotation (f->base.store, f->version_id, kind, page, rects, n_rects,
                                            color, comment, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);

  return annotation;
}

static void
assert_rects_equal (GArray                     *actual,
                    const SignetAnnotationRect *expected,
                    guint                       n_expected)
{
  g_assert_cmpuint (actual->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const SignetAnnotationRect *r = &g_array_index (actual, SignetAnnotationRect, i);

      /* Exactly: stored page coordinates must come back bit for bit. */
      g_assert_true (r->x1 == expected[i].x1);
      g_assert_true (r->y1 == expected[i].y1);
      g_assert_true (r->x2 == expected[i].x2);
      g_assert_true (r->y2 == expected[i].y2);
    }
}

typedef struct
{
  SignetAnnotationKind        kind;
  guint                       page;
  const SignetAnnotationRect *rects;
  guint                       n_rects;
  const char                 *color;
  const char                 *comment;
} Expected;

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  /* A highlight over two lines, with the awkward numbers text layout gives. */
  const SignetAnnotationRect lines[] = {
    { 72.1, 101.33333333333333, 523.9000000000001, 113.7 },
    { 72.1, 115.2, 1.0 / 3.0 + 300, 127.60000000000002 },
  };
  const SignetAnnotationRect underline[] = { { 90, 200, 310.5, 212 } };
  const SignetAnnotationRect strike[] = { { 0, 0, 0.1, 0.2 } };
  const SignetAnnotationRect note[] = { { 540, 36, 564, 60 } };
  const SignetAnnotationRect region[] = { { 56.692913385826778, 700.25, 538.58267716535431, 785.19685039370086 } };
  const Expected expected[] = {
    { SIGNET_ANNOTATION_KIND_UNDERLINE, 0, underline, 1, "#0000ff", NULL },
    { SIGNET_ANNOTATION_KIND_NOTE, 0, note, 1, "#ffd400", "请法务确认第五条。" },
    { SIGNET_ANNOTATION_KIND_HIGHLIGHT, 2, lines, 2, "#ffff00", "check clause 5" },
    { SIGNET_ANNOTATION_KIND_STRIKEOUT, 2, strike, 1, "#ff0000", "" },
    { SIGNET_ANNOTATION_KIND_RECTANGLE, 99, region, 1, "#00aa00", "stamp area" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  /* Made out of page order: the list comes back ordered by page. */
  const guint order[] = { 2, 4, 0, 3, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const Expected *e = &expected[order[i]];
      g_autoptr(SignetAnnotation) annotation =
        annotate (f, e->kind, e->page, e->rects, e->n_rects, e->color, e->comment);

      g_assert_cmpstr (signet_annotation_get_created_at (annotation), ==,
                       signet_annotation_get_modified_at (annotation));
    }

  reopen (f);

  list = signet_store_list_annotations (f->base.store, f->version_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));

  /* expected[] is in page order, and on one page in the order made: the
   * underline before the note, the highlight before the strike-out. */
  for (guint i = 0; i < list->len; i++)
    {
      SignetAnnotation *annotation = g_ptr_array_index (list, i);
      const Expected *e = &expected[i];

      g_assert_cmpint (signet_annotation_get_kind (annotation), ==, e->kind);
      g_assert_cmpuint (signet_annotation_get_page (annotation), ==, e->page);
      g_assert_cmpint (signet_annotation_get_version_id (annotation), ==, f->version_id);
      assert_rects_equal (signet_annotation_get_rects (annotation), e->rects, e->n_rects);
      g_assert_cmpstr (signet_annotation_get_color (annotation), ==, e->color);
      g_assert_cmpstr (signet_annotation_get_comment (annotation), ==, e->comment ? e->comment : "");
      g_assert_cmpstr (signet_annotation_get_author (annotation), !=, "");
    }

  {
    SignetAnnotationRect bounds;

    signet_annotation_get_bounds (g_ptr_array_index (list, 2), &bounds);
    g_assert_true (bounds.x1 == 72.1 && bounds.y1 == lines[0].y1);
    g_assert_true (bounds.x2 == lines[0].x2 && bounds.y2 == lines[1].y2);
  }
}

static void
test_normalised_input (Fixture       *f,
                       gconstpointer  data)
{
  const SignetAnnotationRect dragged_backwards[] = { { 300, 400, 100, 250 } };
  const SignetAnnotationRect ordered[] = { { 100, 250, 300, 400 } };
  g_autoptr(SignetAnnotation) annotation =
    annotate (f, SIGNET_ANNOTATION_KIND_RECTANGLE, 1, dragged_backwards, 1, "#FFD400", NULL);

  assert_rects_equal (signet_annotation_get_rects (annotation), ordered, 1);
  g_assert_cmpstr (signet_annotation_get_color (annotation), ==, "#ffd400");
  g_assert_cmpstr (signet_annotation_get_comment (annotation), ==, "");
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const SignetAnnotationRect rect = { 1, 2, 3, 4 };
  const SignetAnnotationRect infinite = { 1, 2, INFINITY, 4 };
  const char * const bad_colors[] = { "yellow", "#ffd40", "#ffd4000", "ffd400", "#ggd400", "" };
  g_autoptr(GPtrArray) audit_before = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, 0, NULL);
  g_autoptr(GPtrArray) audit_after = NULL;
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_colors); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SignetAnnotation) annotation =
        signet_store_add_annotation (f->base.store, f->version_id, SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1,
                                     bad_colors[i], NULL, &error);
      g_autofree char *message =
        g_strdup_printf ("“%s” is not a color. Use the form #rrggbb, for example #ffd400.", bad_colors[i]);

      g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_null (annotation);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SignetAnnotation) annotation =
      signet_store_add_annotation (f->base.store, f->version_id, SIGNET_ANNOTATION_KIND_NOTE, 0, &infinite, 1,
                                   "#ffd400", NULL, &error);

    g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_FAILED);
    g_assert_null (annotation);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SignetAnnotation) annotation =
      signet_store_add_annotation (f->base.store, 9999, SIGNET_ANNOTATION_KIND_NOTE, 0, &rect, 1,
                                   "#ffd400", NULL, &error);

    g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "The file no longer exists; it may have been deleted.");
    g_assert_null (annotation);
  }

  list = signet_store_list_annotations (f->base.store, f->version_id, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  audit_after = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, 0, NULL);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  const SignetAnnotationRect rect = { 72, 72, 96, 96 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAnnotation) note = annotate (f, SIGNET_ANNOTATION_KIND_NOTE, 4, &rect, 1, "#ffd400", "first");
  g_autoptr(SignetAnnotation) edited = NULL;
  g_autoptr(SignetAnnotation) recoloured = NULL;
  g_autoptr(SignetAnnotation) same = NULL;
  g_autoptr(SignetAnnotation) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  SignetAuditEntry *entry;

  /* Timestamps have millisecond resolution. */
  g_usleep (5 * 1000);

  edited = signet_store_update_annotation (f->base.store, signet_annotation_get_id (note), NULL, "第二稿：请复核", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_annotation_get_comment (edited), ==, "第二稿：请复核");
  g_assert_cmpstr (signet_annotation_get_color (edited), ==, "#ffd400");
  g_assert_cmpstr (signet_annotation_get_created_at (edited), ==, signet_annotation_get_created_at (note));
  g_assert_cmpstr (signet_annotation_get_modified_at (edited), >, signet_annotation_get_modified_at (note));

  recoloured = signet_store_update_annotation (f->base.store, signet_annotation_get_id (note), "#FF0000", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_annotation_get_color (recoloured), ==, "#ff0000");
  g_assert_cmpstr (signet_annotation_get_comment (recoloured), ==, "第二稿：请复核");

  same = signet_store_update_annotation (f->base.store, signet_annotation_get_id (note), "#ff0000", "第二稿：请复核", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_annotation_get_modified_at (same), ==, signet_annotation_get_modified_at (recoloured));

  reopen (f);
  loaded = signet_store_get_annotation (f->base.store, signet_annotation_get_id (note), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_annotation_get_comment (loaded), ==, "第二稿：请复核");
  g_assert_cmpstr (signet_annotation_get_color (loaded), ==, "#ff0000");
  g_assert_cmpuint (signet_annotation_get_page (loaded), ==, 4);
  assert_rects_equal (signet_annotation_get_rects (loaded), &rect, 1);

  /* annotate, edit, edit; the no-change save logged nothing. */
  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 0))->action),
                   ==, "edit annotation");
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 1))->action),
                   ==, "edit annotation");
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 2))->action),
                   ==, "annotate");

  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpuint (entry->changes->len, ==, 2);
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 0))->field, ==, "file");
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 0))->new_value, ==, "agreement.pdf");
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 1))->field, ==, "comment");
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 1))->old_value, ==, "first");
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 1))->new_value, ==, "第二稿：请复核");

  entry = g_ptr_array_index (audit, 2);
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 1))->new_value, ==, "note");
  /* Pages as the viewer numbers them. */
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 2))->field, ==, "page");
  g_assert_cmpstr (((SignetAuditChange *) g_ptr_array_index (entry->changes, 2))->new_value, ==, "5");
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  const SignetAnnotationRect lines[] = { { 72, 100, 500, 112 }, { 72, 114, 260, 126 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(SignetAnnotation) kept = annotate (f, SIGNET_ANNOTATION_KIND_UNDERLINE, 0, lines, 1, "#0000ff", NULL);
  g_autoptr(SignetAnnotation) doomed = annotate (f, SIGNET_ANNOTATION_KIND_HIGHLIGHT, 1, lines, 2, "#ffff00", "违约金");
  g_autoptr(SignetAnnotation) back = NULL;
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  tombstone = signet_store_delete (f->base.store, SIGNET_TOMBSTONE_ANNOTATION, signet_annotation_get_id (doomed), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tombstone);
  list = signet_store_list_annotations (f->base.store, f->version_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (signet_annotation_get_id (g_ptr_array_index (list, 0)), ==, signet_annotation_get_id (kept));
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_no_error (error);
  back = signet_store_get_annotation (f->base.store, signet_annotation_get_id (doomed), &error);
  g_assert_no_error (error);
  g_assert_cmpint (signet_annotation_get_kind (back), ==, SIGNET_ANNOTATION_KIND_HIGHLIGHT);
  g_assert_cmpuint (signet_annotation_get_page (back), ==, 1);
  assert_rects_equal (signet_annotation_get_rects (back), lines, 2);
  g_assert_cmpstr (signet_annotation_get_comment (back), ==, "违约金");
  g_assert_cmpstr (signet_annotation_get_created_at (back), ==, signet_annotation_get_created_at (doomed));
  g_assert_cmpstr (signet_annotation_get_author (back), ==, signet_annotation_get_author (doomed));

  list = signet_store_list_annotations (f->base.store, f->version_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  g_assert_false (signet_store_restore (f->base.store, tombstone, &error));
  g_assert_error (error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "The annotation is in the register already.");
  g_clear_error (&error);

  audit = signet_store_list_audit (f->base.store, SIGNET_RECORD_CONTRACT, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 0))->action),
                   ==, "restore annotation");
  g_assert_cmpstr (signet_audit_action_to_token (((SignetAuditEntry *) g_ptr_array_index (audit, 1))->action),
                   ==, "delete annotation");
}

static void
test_rects_text (void)
{
  const SignetAnnotationRect rects[] = { { 72.1, 0, 1e-7, -3.5 }, { 1.0 / 3.0, 100, 200, 300 } };
  const char * const bad[] = { "", "   ", "1 2 3", "1 2 3 4 5", "a b c d", "nan 1 2 3", "1 2 3 inf", "1,5 2 3 4" };
  g_autofree char *text = signet_annotation_rects_to_string (rects, G_N_ELEMENTS (rects));
  g_autoptr(GArray) parsed = signet_annotation_rects_parse (text);

  g_assert_cmpstr (text, ==, "72.1 0 1e-07 -3.5 0.3333333333333333 100 200 300");
  g_assert_nonnull (parsed);
  assert_rects_equal (parsed, rects, G_N_ELEMENTS (rects));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GArray) refused = signet_annotation_rects_parse (bad[i]);

      g_assert_null (refused);
    }

  g_assert_true (signet_annotation_color_is_valid ("#A0b1c2"));
  g_assert_false (signet_annotation_color_is_valid ("#A0b1c"));
}

static void
test_kind_tokens (void)
{
  for (guint i = 0; i < SIGNET_N_ANNOTATION_KINDS; i++)
    {
      SignetAnnotationKind kind;

      g_assert_true (signet_annotation_kind_from_token (signet_annotation_kind_to_token (i), &kind));
      g_assert_cmpuint (kind, ==, i);
      g_assert_cmpstr (signet_annotation_kind_to_label (i), !=, "");
    }

  for (guint i = 0; i < SIGNET_N_ATTACHMENT_ROLES; i++)
    {
      SignetAttachmentRole role;

      g_assert_true (signet_attachment_role_from_token (signet_attachment_role_to_token (i), &role));
      g_assert_cmpuint (role, ==, i);
      g_assert_cmpstr (signet_attachment_role_to_label (i), !=, "");
    }

  g_assert_cmpstr (signet_annotation_kind_to_token (SIGNET_ANNOTATION_KIND_STRIKEOUT), ==, "strikeout");
  g_assert_cmpstr (signet_attachment_role_to_token (SIGNET_ATTACHMENT_ROLE_SIGNED), ==, "signed");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/annotations/round-trip", test_round_trip);
  ADD ("/annotations/normalised-input", test_normalised_input);
  ADD ("/annotations/bad-input", test_bad_input);
  ADD ("/annotations/update", test_update);
  ADD ("/annotations/delete-restore", test_delete_restore);
#undef ADD
  g_test_add_func ("/annotations/rects-text", test_rects_text);
  g_test_add_func ("/annotations/tokens", test_kind_tokens);

  return g_test_run ();
}
