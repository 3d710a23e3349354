/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-text-indexer"

#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "pdf-fixtures.h"
#include "signet-store-attachments.h"
#include "signet-window.h"
#include "signet-text-indexer.h"

/* The background text extraction of PDF attachments, with PDFs written
 * here: one with an English and a Chinese sentence, one encrypted by qpdf
 * with a user password, one cut off halfway, and a long one to stop the
 * indexer in the middle of. The words searched for are in no contract's
 * number, title or client, so only the PDF text can find them. */

#define ENGLISH_WORD "indemnification"
#define CHINESE_WORD "保密条款"
#define LOCKED_WORD "Hippopotamus"
#define DAMAGED_WORD "Rhinoceros"
#define ABSENT_WORD "Giraffe"
#define LONG_PAGES 300
/* The long fixture has 付款条款 on every page. */
#define LONG_WORD "付款条款"

typedef struct
{
  SignetStore       *store;
  SignetClient      *client;
  SignetContract    *contract;
  SignetTextIndexer *indexer;

  guint              n_idle;
  guint              n_busy_changes;
  guint              n_fraction_changes;
  guint              n_store_changes;
  guint              max_n_done;
  guint              max_n_total;
  double             last_fraction;
  gboolean           fraction_went_back;
  gboolean           saw_partial_page;  /* a fraction between two whole files */
} Fixture;

static char *fixture_dir;
static GBytes *plain_pdf;
static GBytes *locked_pdf;
static GBytes *damaged_pdf;
static GBytes *long_pdf;
static GBytes *second_pdf;

static void
draw_plain_page (cairo_t  *cr,
                 guint     page,
                 gpointer  user_data)
{
  const char * const *lines = user_data;

  for (guint i = 0; lines[i] != NULL; i++)
    pdf_fixture_draw_text (cr, 72, 72 + 30 * i, lines[i]);
}

static GBytes *
write_fixture (const char         *name,
               const char * const *lines,
               guint               n_pages)
{
  g_autofree char *path = g_build_filename (fixture_dir, name, NULL);
  GBytes *bytes;

  pdf_fixture_write (path, n_pages, 595, 842, NULL, draw_plain_page, (gpointer) lines);
  bytes = pdf_fixture_load (path);
  g_unlink (path);

  return bytes;
}

static GBytes *
write_locked_fixture (void)
{
  static const char * const lines[] = { "Annex: " LOCKED_WORD " pricing.", NULL };
  g_autofree char *plain = g_build_filename (fixture_dir, "unlocked.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture_dir, "locked.pdf", NULL);
  const char *args[] = { "--encrypt", "user", "owner", "256", "--", plain, locked, NULL };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (pdf_fixture_find_qpdf () == NULL)
    return NULL;

  pdf_fixture_write (plain, 1, 595, 842, NULL, draw_plain_page, (gpointer) lines);
  pdf_fixture_qpdf (args, &error);
  g_assert_no_error (error);
  bytes = pdf_fixture_load (locked);
  g_unlink (plain);
  g_unlink (locked);

  return bytes;
}

/* The first third of a PDF: cairo writes the page tree and the catalog
 * last, so nothing in what is left says where a page is. */
static GBytes *
write_damaged_fixture (void)
{
  static const char * const lines[] = { "Schedule: " DAMAGED_WORD " deliveries.", NULL };
  g_autoptr(GBytes) whole = write_fixture ("damaged.pdf", lines, 1);

  return g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 3);
}

static void
indexer_notified_cb (GObject    *object,
                     GParamSpec *pspec,
                     Fixture    *fixture)
{
  SignetTextIndexer *indexer = SIGNET_TEXT_INDEXER (object);
  guint n_done = signet_text_indexer_get_n_done (indexer);
  guint n_total = signet_text_indexer_get_n_total (indexer);
  double fraction = signet_text_indexer_get_fraction (indexer);

  g_assert_cmpuint (n_done, <=, n_total);
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);

  fixture->max_n_done = MAX (fixture->max_n_done, n_done);
  fixture->max_n_total = MAX (fixture->max_n_total, n_total);

  if (g_str_equal (pspec->name, "busy"))
    fixture->n_busy_changes++;

  if (g_str_equal (pspec->name, "fraction"))
    {
      fixture->n_fraction_changes++;
      /* Within a run it only grows; a new run starts again from 0. */
      if (fraction < fixture->last_fraction && fraction != 0.0)
        fixture->fraction_went_back = TRUE;
      fixture->last_fraction = fraction;
      if (n_total > 0 && fraction * n_total > n_done + 0.001 && fraction * n_total < n_done + 0.999)
        fixture->saw_partial_page = TRUE;
    }
}

static void
indexer_idle_cb (SignetTextIndexer *indexer,
                 Fixture           *fixture)
{
  fixture->n_idle++;
}

static void
store_changed_cb (SignetStore      *store,
                  SignetRecordKind  kind,
                  gint64            id,
                  SignetChangeKind  change,
                  Fixture          *fixture)
{
  fixture->n_store_changes++;
}

static void
start_indexer (Fixture *fixture)
{
  fixture->n_idle = 0;
  fixture->n_busy_changes = 0;
  fixture->n_fraction_changes = 0;
  fixture->max_n_done = 0;
  fixture->max_n_total = 0;
  fixture->last_fraction = 0.0;
  fixture->fraction_went_back = FALSE;
  fixture->saw_partial_page = FALSE;

  fixture->indexer = signet_text_indexer_new (fixture->store);
  g_signal_connect (fixture->indexer, "notify", G_CALLBACK (indexer_notified_cb), fixture);
  g_signal_connect (fixture->indexer, "idle", G_CALLBACK (indexer_idle_cb), fixture);
}

static gboolean
indexer_is_idle (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_idle > 0 && !signet_text_indexer_get_busy (fixture->indexer);
}

static void
wait_for_idle (Fixture *fixture)
{
  fixture->n_idle = 0;
  g_assert_true (display_test_wait_for (indexer_is_idle, fixture));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = display_test_new_store ();
  fixture->client = display_test_add_client (fixture->store, "Harbour Logistics", "HBL");
  fixture->contract = display_test_add_contract (fixture->store, fixture->client,
                                                 "HT-2026-0001", "Warehouse lease", 120000);
  /* A contract without attachments, which no search below may find. */
  g_object_unref (display_test_add_contract (fixture->store, fixture->client,
                                             "HT-2026-0002", "Cleaning services", 8000));
  g_signal_connect (fixture->store, "changed", G_CALLBACK (store_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->indexer != NULL)
    signet_text_indexer_stop (fixture->indexer);
  g_clear_object (&fixture->indexer);
  g_clear_object (&fixture->contract);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->store);
}

static SignetAttachment *
attach (Fixture    *fixture,
        GBytes     *bytes,
        const char *file_name)
{
  g_autoptr(GError) error = NULL;
  SignetAttachment *attachment;

  attachment = signet_store_add_attachment (fixture->store, signet_contract_get_id (fixture->contract),
                                            bytes, file_name, "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_APPENDIX, NULL, &error);
  g_assert_no_error (error);

  return attachment;
}

/* The contracts the search box finds for @search, as a string of numbers. */
static char *
search (Fixture    *fixture,
        const char *text)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GString *found = g_string_new (NULL);

  ids = signet_store_query_contract_ids (fixture->store, text, SIGNET_SORT_NUMBER, FALSE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SignetContract) contract = signet_store_get_contract (fixture->store,
                                                                      g_array_index (ids, gint64, i),
                                                                      &error);
      g_assert_no_error (error);
      g_string_append_printf (found, "%s%s", found->len > 0 ? " " : "",
                              signet_contract_get_number (contract));
    }

  return g_string_free (found, FALSE);
}

static void
assert_search (Fixture    *fixture,
               const char *text,
               const char *expected)
{
  g_autofree char *found = search (fixture, text);

  g_assert_cmpstr (found, ==, expected);
}

/* What the database holds for a file, read past the store: "done",
 * "failed", or NULL for nothing. */
static char *
text_state (Fixture          *fixture,
            SignetAttachment *attachment)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *state = NULL;

  g_assert_cmpint (sqlite3_open_v2 (signet_store_get_path (fixture->store), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT state FROM blob_text WHERE sha256 = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, signet_attachment_get_sha256 (attachment), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return state;
}

static void
assert_text_state (Fixture          *fixture,
                   SignetAttachment *attachment,
                   const char       *expected)
{
  g_autofree char *state = text_state (fixture, attachment);

  g_assert_cmpstr (state, ==, expected);
}

static guint
count_waiting (Fixture *fixture)
{
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GError) error = NULL;

  waiting = signet_store_list_blobs_without_text (fixture->store, &error);
  g_assert_no_error (error);

  return waiting->len;
}

static void
test_extracts_text (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SignetAttachment) plain = NULL;
  g_autoptr(SignetAttachment) locked = NULL;
  g_autoptr(SignetAttachment) damaged = NULL;
  guint n_files = locked_pdf != NULL ? 3 : 2;
  guint n_changes;

  /* Started on an empty register, it looks, finds nothing and says so. */
  start_indexer (fixture);
  wait_for_idle (fixture);
  g_assert_cmpuint (fixture->n_busy_changes, ==, 0);
  g_assert_cmpuint (signet_text_indexer_get_n_total (fixture->indexer), ==, 0);

  assert_search (fixture, ENGLISH_WORD, "");
  assert_search (fixture, CHINESE_WORD, "");

  /* Attaching is what sets it going. */
  damaged = attach (fixture, damaged_pdf, "schedule.pdf");
  if (locked_pdf != NULL)
    locked = attach (fixture, locked_pdf, "annex.pdf");
  else
    g_test_message ("qpdf is not installed: the encrypted file is left out.");
  plain = attach (fixture, plain_pdf, "lease.pdf");
  g_assert_cmpuint (count_waiting (fixture), ==, n_files);

  wait_for_idle (fixture);

  g_assert_cmpuint (signet_text_indexer_get_n_done (fixture->indexer), ==, n_files);
  g_assert_cmpuint (signet_text_indexer_get_n_total (fixture->indexer), ==, n_files);
  g_assert_cmpfloat (signet_text_indexer_get_fraction (fixture->indexer), ==, 1.0);
  g_assert_cmpuint (fixture->max_n_total, ==, n_files);
  /* busy went on and off once, and the bar moved in steps in between. */
  g_assert_cmpuint (fixture->n_busy_changes, ==, 2);
  g_assert_cmpuint (fixture->n_fraction_changes, >=, n_files);
  g_assert_false (fixture->fraction_went_back);

  assert_search (fixture, ENGLISH_WORD, "HT-2026-0001");
  assert_search (fixture, CHINESE_WORD, "HT-2026-0001");
  /* Two terms, one from each language, both in the same file. */
  assert_search (fixture, "Indemnification 保密", "HT-2026-0001");
  assert_search (fixture, ABSENT_WORD, "");
  assert_search (fixture, DAMAGED_WORD, "");
  assert_search (fixture, LOCKED_WORD, "");

  assert_text_state (fixture, plain, "done");
  assert_text_state (fixture, damaged, "failed");
  if (locked != NULL)
    assert_text_state (fixture, locked, "failed");
  g_assert_cmpuint (count_waiting (fixture), ==, 0);

  /* Started again, it tries none of them again: nothing is busy, nothing
   * is written. */
  signet_text_indexer_stop (fixture->indexer);
  g_clear_object (&fixture->indexer);
  n_changes = fixture->n_store_changes;

  start_indexer (fixture);
  wait_for_idle (fixture);
  display_test_spin (200);

  g_assert_cmpuint (fixture->n_busy_changes, ==, 0);
  g_assert_cmpuint (signet_text_indexer_get_n_total (fixture->indexer), ==, 0);
  g_assert_cmpuint (fixture->n_store_changes, ==, n_changes);
  assert_text_state (fixture, damaged, "failed");
  if (locked != NULL)
    assert_text_state (fixture, locked, "failed");
  assert_search (fixture, CHINESE_WORD, "HT-2026-0001");
}

/* An import writes through a connection of its own and then resets the
 * store; the indexer picks up the files it brought. */
static void
test_picks_up_after_reset (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SignetStore) other = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  start_indexer (fixture);
  wait_for_idle (fixture);

  other = signet_store_new (signet_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  attachment = signet_store_add_attachment (other, signet_contract_get_id (fixture->contract),
                                            second_pdf, "annex.pdf", "application/pdf",
                                            SIGNET_ATTACHMENT_ROLE_AMENDMENT, NULL, &error);
  g_assert_no_error (error);

  /* Without a word from the store, it has no reason to look. */
  display_test_spin (200);
  g_assert_false (signet_text_indexer_get_busy (fixture->indexer));
  g_assert_cmpuint (fixture->max_n_total, ==, 0);

  g_signal_emit_by_name (fixture->store, "reset");
  wait_for_idle (fixture);

  g_assert_cmpuint (fixture->max_n_total, ==, 1);
  g_assert_cmpuint (signet_text_indexer_get_n_done (fixture->indexer), ==, 1);
  assert_text_state (fixture, attachment, "done");
  assert_search (fixture, "Amendment", "HT-2026-0001");
  assert_search (fixture, "变更协议", "HT-2026-0001");
}

static gboolean
long_file_in_hand (gpointer data)
{
  Fixture *fixture = data;

  return fixture->saw_partial_page && signet_text_indexer_get_n_done (fixture->indexer) == 0;
}

static void
test_stop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SignetAttachment) plain = NULL;
  g_autoptr(SignetAttachment) longer = NULL;
  SignetTextIndexer *indexer;
  guint n_changes;
  gint64 start;
  gint64 elapsed;

  plain = attach (fixture, plain_pdf, "lease.pdf");
  /* The newest goes first. */
  longer = attach (fixture, long_pdf, "long.pdf");

  start_indexer (fixture);
  g_assert_true (display_test_wait_for (long_file_in_hand, fixture));
  g_assert_true (signet_text_indexer_get_busy (fixture->indexer));
  g_assert_cmpuint (signet_text_indexer_get_n_total (fixture->indexer), ==, 2);
  g_assert_cmpfloat (signet_text_indexer_get_fraction (fixture->indexer), <, 0.5);

  n_changes = fixture->n_store_changes;
  start = g_get_monotonic_time ();
  signet_text_indexer_stop (fixture->indexer);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("stop() took %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, 50 * G_TIME_SPAN_MILLISECOND);
  g_assert_false (signet_text_indexer_get_busy (fixture->indexer));

  /* Dropped straight away, as a closing window does: nothing keeps it. */
  indexer = g_steal_pointer (&fixture->indexer);
  g_object_add_weak_pointer (G_OBJECT (indexer), (gpointer *) &indexer);
  g_object_unref (indexer);
  g_assert_null (indexer);

  /* The cancelled extraction winds down on its own and writes nothing. */
  display_test_spin (1000);
  g_assert_cmpuint (fixture->n_store_changes, ==, n_changes);
  assert_text_state (fixture, longer, NULL);
  assert_text_state (fixture, plain, NULL);
  g_assert_cmpuint (count_waiting (fixture), ==, 2);
  assert_search (fixture, LONG_WORD, "");

  /* The next one starts over and finishes both. */
  start_indexer (fixture);
  wait_for_idle (fixture);
  g_assert_cmpuint (signet_text_indexer_get_n_done (fixture->indexer), ==, 2);
  g_assert_cmpuint (signet_text_indexer_get_n_total (fixture->indexer), ==, 2);
  assert_text_state (fixture, longer, "done");
  assert_text_state (fixture, plain, "done");
  assert_search (fixture, LONG_WORD, "HT-2026-0001");
  assert_search (fixture, ENGLISH_WORD, "HT-2026-0001");
}

static GtkRevealer *
indexing_revealer (GtkWidget *window)
{
  GtkWidget *bar = display_test_find_type (window, GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);

  return GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER));
}

static gboolean
indexing_bar_shown (gpointer data)
{
  GtkRevealer *revealer = indexing_revealer (data);

  return gtk_widget_get_visible (GTK_WIDGET (revealer)) && gtk_revealer_get_child_revealed (revealer);
}

static gboolean
indexing_bar_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (indexing_revealer (data)));
}

/* Under the list, a bar says which file is being read while the indexer is
 * busy, and goes away when it is done. */
static void
test_window_bar (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SignetAttachment) longer = NULL;
  GtkWidget *window = GTK_WIDGET (signet_window_new (NULL, fixture->store, NULL));
  GtkWidget *label;

  display_test_show (GTK_WINDOW (window));
  g_assert_true (indexing_bar_hidden (window));

  longer = attach (fixture, long_pdf, "long.pdf");
  g_assert_true (display_test_wait_for (indexing_bar_shown, window));
  label = gtk_widget_get_prev_sibling (display_test_find_type (window, GTK_TYPE_PROGRESS_BAR));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Reading attached files for search: 1 of 1");

  g_assert_true (display_test_wait_for (indexing_bar_hidden, window));
  assert_text_state (fixture, longer, "done");

  display_test_destroy_windows ();
}

/* Chinese files whose text poppler gives as Latin-1 letters are found by
 * their Chinese words, not by the letters. */
static void
test_recovered_chinese (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) xiao_biao_song = display_test_read_corpus_file ("XiaoBiaoSong.pdf");
  g_autoptr(GBytes) sim_fang = display_test_read_corpus_file ("SimFang-variant.pdf");
  g_autoptr(SignetAttachment) first = NULL;
  g_autoptr(SignetAttachment) second = NULL;

  if (xiao_biao_song == NULL || sim_fang == NULL)
    {
      g_test_skip ("The PDF corpus (SIGNET_PDF_CORPUS_DEFAULT_DIR) has no XiaoBiaoSong.pdf or SimFang-variant.pdf.");
      return;
    }

  first = attach (fixture, xiao_biao_song, "XiaoBiaoSong.pdf");
  second = attach (fixture, sim_fang, "SimFang-variant.pdf");
  start_indexer (fixture);
  wait_for_idle (fixture);
  assert_text_state (fixture, first, "done");
  assert_text_state (fixture, second, "done");

  assert_search (fixture, "关于红军作战的原则", "HT-2026-0001");
  assert_search (fixture, "红军", "HT-2026-0001");
  assert_search (fixture, "一九三七年九月十四日", "HT-2026-0001");
  /* Set with a gap after each character, typed without. */
  assert_search (fixture, "全世界无产者", "HT-2026-0001");
  assert_search (fixture, "ºì¾ü", "");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const plain_lines[] = {
    "Clause 9: the tenant bears the " ENGLISH_WORD " costs.",
    "第五条 " CHINESE_WORD "：双方对本合同内容负有保密义务。",
    NULL
  };
  static const char * const second_lines[] = {
    "Amendment No. 1 to the warehouse lease.",
    "第一号变更协议：租期延长一年。",
    NULL
  };
  g_autofree char *long_path = NULL;
  int result;

  display_test_init (&argc, &argv);

  fixture_dir = g_dir_make_tmp ("signet-text-indexer-XXXXXX", NULL);
  g_assert_nonnull (fixture_dir);
  plain_pdf = write_fixture ("plain.pdf", plain_lines, 1);
  second_pdf = write_fixture ("second.pdf", second_lines, 1);
  locked_pdf = write_locked_fixture ();
  damaged_pdf = write_damaged_fixture ();
  long_path = g_build_filename (fixture_dir, "long.pdf", NULL);
  pdf_fixture_write_long (long_path, LONG_PAGES);
  long_pdf = pdf_fixture_load (long_path);
  g_unlink (long_path);

  g_test_add ("/text-indexer/extracts-text", Fixture, NULL,
              fixture_set_up, test_extracts_text, fixture_tear_down);
  g_test_add ("/text-indexer/picks-up-after-reset", Fixture, NULL,
              fixture_set_up, test_picks_up_after_reset, fixture_tear_down);
  g_test_add ("/text-indexer/stop", Fixture, NULL,
              fixture_set_up, test_stop, fixture_tear_down);
  g_test_add ("/text-indexer/window-bar", Fixture, NULL,
              fixture_set_up, test_window_bar, fixture_tear_down);
  g_test_add ("/text-indexer/recovered-chinese", Fixture, NULL,
              fixture_set_up, test_recovered_chinese, fixture_tear_down);

  result = g_test_run ();

  g_clear_pointer (&plain_pdf, g_bytes_unref);
  g_clear_pointer (&second_pdf, g_bytes_unref);
  g_clear_pointer (&locked_pdf, g_bytes_unref);
  g_clear_pointer (&damaged_pdf, g_bytes_unref);
  g_clear_pointer (&long_pdf, g_bytes_unref);
  g_rmdir (fixture_dir);
  g_free (fixture_dir);

  return result;
}
