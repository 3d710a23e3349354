/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "display-test-utils.h"
#include "pdf-fixtures.h"
#include "signet-annotations-panel.h"
#include "signet-attachment-window.h"
#include "signet-clause-picker.h"
#include "signet-contract-page.h"
#include "signet-date.h"
#include "signet-history-section.h"
#include "signet-obligations-section.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-people.h"
#include "signet-store-risks.h"
#include "signet-tombstone.h"
#include "signet-window.h"

/* The Obligations section of a contract's page: an obligation added,
 * changed and deleted (with Undo) through its controls, an occurrence
 * marked done, and the clause link both ways: the obligation names its
 * clause and opens the PDF there, and the annotation names the
 * obligation. */

typedef struct
{
  SignetStore        *store;
  SignetContract     *contract;
  gint64              owner_id;
  GtkWindow          *window;
  SignetContractPage *page;
  GtkWidget          *section;
} Fixture;

static GBytes *contract_pdf;

static void
draw_page (cairo_t  *cr,
           guint     page,
           gpointer  user_data)
{
  cairo_scale (cr, 2, 2);
  pdf_fixture_draw_text (cr, 36, 60, "7.2 The supplier reports monthly.");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetClient) client = NULL;
  g_autoptr(SignetPerson) person = signet_person_new ();

  display_test_reset_settings ();
  f->store = display_test_new_store ();
  signet_store_set_today (f->store, "2026-11-27");
  client = display_test_add_client (f->store, "Contoso", "C001");
  f->contract = display_test_add_contract (f->store, client, "HT-2026-0042", "Cleaning services", 100000);
  signet_contract_set_start_date (f->contract, "2026-04-01");
  signet_contract_set_end_date (f->contract, "2027-03-31");
  g_assert_true (signet_store_update_contract (f->store, f->contract, NULL));

  signet_person_set_name (person, "王芳");
  g_assert_true (signet_store_add_person (f->store, person, NULL));
  f->owner_id = signet_person_get_id (person);

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  f->section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_OBLIGATIONS_SECTION);
  g_assert_nonnull (f->section);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  display_test_destroy_windows ();
  g_clear_object (&f->contract);
  g_clear_object (&f->store);
}

static SignetObligation *
add_obligation (Fixture          *f,
                const char       *title,
                const char       *due_date,
                SignetRecurrence  recurrence,
                gint64            annotation_id)
{
  SignetObligation *obligation = signet_obligation_new (signet_contract_get_id (f->contract));
  g_autoptr(GError) error = NULL;

  obligation->title = g_strdup (title);
  obligation->due_date = g_strdup (due_date);
  obligation->recurrence = recurrence;
  obligation->owner_id = f->owner_id;
  obligation->annotation_id = annotation_id;
  g_assert_true (signet_store_add_obligation (f->store, obligation, &error));
  g_assert_no_error (error);
  display_test_spin (100);

  return obligation;
}

static GPtrArray *
stored (Fixture *f)
{
  return signet_store_list_obligations (f->store, signet_contract_get_id (f->contract), NULL);
}

/* Add Obligation… with what, the first due date and a monthly recurrence:
 * stored as typed, and listed with its owner and as overdue since its
 * first occurrence (2026-10-31, before the store's 2026-11-27). */
static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) obligations = NULL;
  SignetObligation *obligation;
  AdwAlertDialog *dialog;
  GtkWidget *row;
  g_autofree char *since = NULL;
  g_autofree char *overdue = NULL;
  GtkWidget *history;
  GtkWidget *entry;
  GtkWidget *change;

  g_assert_nonnull (strstr (adw_preferences_group_get_description (
    ADW_PREFERENCES_GROUP (display_test_find_type (f->section, ADW_TYPE_PREFERENCES_GROUP))), _("No obligations.")));

  g_assert_true (gtk_widget_activate_action (f->section, "obligations.add", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, _("Add an Obligation"));
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), C_("obligation", "What"))),
                         "Monthly cleaning report");
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), _("First Due Date"))),
                         "2026-10-31");
  adw_combo_row_set_selected (ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (dialog), _("Recurrence"))),
                              SIGNET_RECURRENCE_MONTHLY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (dialog), C_("obligation", "Owner"))),
                              1);
  display_test_respond ("save");
  display_test_spin (100);

  obligations = stored (f);
  g_assert_cmpuint (obligations->len, ==, 1);
  obligation = g_ptr_array_index (obligations, 0);
  g_assert_cmpstr (obligation->title, ==, "Monthly cleaning report");
  g_assert_cmpstr (obligation->due_date, ==, "2026-10-31");
  g_assert_cmpint (obligation->recurrence, ==, SIGNET_RECURRENCE_MONTHLY);
  g_assert_cmpint (obligation->owner_id, ==, f->owner_id);
  g_assert_cmpint (obligation->party, ==, SIGNET_OBLIGATION_PARTY_US);

  row = display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, "Monthly cleaning report");
  g_assert_nonnull (row);
  since = signet_date_format_display ("2026-10-31");
  overdue = g_strdup_printf (_("Overdue since %s"), since);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), overdue));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "王芳"));
  g_assert_nonnull (display_test_find_label (row, _("Overdue")));

  /* The History says what was added, in words. */
  history = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_HISTORY_SECTION);
  entry = display_test_find_row (history, ADW_TYPE_EXPANDER_ROW, _("Obligation added"));
  g_assert_nonnull (entry);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (entry), TRUE);
  display_test_spin (100);
  change = display_test_find_row (entry, ADW_TYPE_ACTION_ROW, _("Recurrence"));
  g_assert_nonnull (change);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (change)), ==, signet_recurrence_to_label (SIGNET_RECURRENCE_MONTHLY));
  change = display_test_find_row (entry, ADW_TYPE_ACTION_ROW, _("Obligated Party"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (change)), ==, signet_obligation_party_to_label (SIGNET_OBLIGATION_PARTY_US));
  change = display_test_find_row (entry, ADW_TYPE_ACTION_ROW, _("Obligation Owner"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (change)), ==, "王芳");
}

/* Edit… changes the title and makes it the client's; the row follows. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Quarterly audit", "2027-01-31",
                                                           SIGNET_RECURRENCE_QUARTERLY, 0);
  g_autoptr(GPtrArray) obligations = NULL;
  AdwAlertDialog *dialog;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (f->section, "obligations.edit", "x", obligation->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, _("Edit the Obligation"));
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), C_("obligation", "What"))),
                         "Quarterly site audit");
  adw_combo_row_set_selected (ADW_COMBO_ROW (display_test_find_accessible (GTK_WIDGET (dialog), C_("obligation", "Who"))),
                              SIGNET_OBLIGATION_PARTY_CLIENT);
  display_test_respond ("save");
  display_test_spin (100);

  obligations = stored (f);
  g_assert_cmpstr (((SignetObligation *) obligations->pdata[0])->title, ==, "Quarterly site audit");
  g_assert_cmpint (((SignetObligation *) obligations->pdata[0])->party, ==, SIGNET_OBLIGATION_PARTY_CLIENT);
  g_assert_cmpint (((SignetObligation *) obligations->pdata[0])->version, ==, 2);
  g_assert_null (display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, "Quarterly audit"));
  row = display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, "Quarterly site audit");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                                   signet_obligation_party_to_label (SIGNET_OBLIGATION_PARTY_CLIENT)));
}

/* Its delete button deletes it; Undo in the window brings it back. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Annual insurance certificate", "2027-01-15",
                                                           SIGNET_RECURRENCE_YEARLY, 0);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  g_autofree char *label = g_strdup_printf (_("Delete obligation “%s”"), obligation->title);
  GtkWidget *row = display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title);

  g_assert_nonnull (row);
  g_signal_emit_by_name (display_test_find_accessible (row, label), "clicked");
  display_test_spin (100);
  after = stored (f);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_null (display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  display_test_spin (100);
  restored = stored (f);
  g_assert_cmpuint (restored->len, ==, 1);
  g_assert_nonnull (display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title));
}

/* The overdue occurrence's Mark Done records it as done today (late);
 * its row then says so, and offers Reopen. */
static void
test_mark_done (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Monthly cleaning report", "2026-10-31",
                                                           SIGNET_RECURRENCE_MONTHLY, 0);
  g_autoptr(SignetObligation) after = NULL;
  g_autofree char *october = signet_date_format_display ("2026-10-31");
  g_autofree char *today = signet_date_format_display ("2026-11-27");
  g_autofree char *done_late = g_strdup_printf (_("Done late, on %s"), today);
  GtkWidget *row = display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title);
  GtkWidget *occurrence;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  display_test_spin (100);
  occurrence = display_test_find_row (row, ADW_TYPE_ACTION_ROW, october);
  g_assert_nonnull (occurrence);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (occurrence)), ==, _("Overdue"));
  g_signal_emit_by_name (display_test_find_button (occurrence, _("Mark Done")), "clicked");
  display_test_spin (100);

  after = signet_store_get_obligation (f->store, obligation->id, NULL);
  g_assert_cmpuint (after->occurrences->len, ==, 1);
  g_assert_cmpstr (((SignetOccurrence *) after->occurrences->pdata[0])->done_date, ==, "2026-11-27");
  g_assert_true (signet_occurrence_is_done_late (after->occurrences->pdata[0]));
  g_assert_cmpuint (signet_store_count_obligations_done_late (f->store, 0, NULL), ==, 1);

  /* The row was built again, still expanded. */
  row = display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  occurrence = display_test_find_row (row, ADW_TYPE_ACTION_ROW, october);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (occurrence)), ==, done_late);
  g_assert_nonnull (display_test_find_button (occurrence, _("Reopen")));
  /* The next one, due 2026-11-30, is open and not overdue yet. */
  g_assert_null (display_test_find_label (row, _("Overdue")));
}

/* Done on Another Day… records the day typed; Waive… keeps the reason
 * given. */
static void
test_done_on_and_waive (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Monthly cleaning report", "2026-09-30",
                                                           SIGNET_RECURRENCE_MONTHLY, 0);
  g_autoptr(SignetObligation) after = NULL;
  AdwAlertDialog *dialog;

  g_assert_true (gtk_widget_activate_action (f->section, "obligations.done-on", "(xs)", obligation->id, "2026-09-30"));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog),
                                                                     signet_field_to_label (SIGNET_FIELD_OCCURRENCE_DONE))),
                         "2026-09-29");
  display_test_respond ("done");
  g_assert_true (display_test_wait_for (display_test_no_alert, NULL));
  after = signet_store_get_obligation (f->store, obligation->id, NULL);
  g_assert_cmpuint (after->occurrences->len, ==, 1);
  g_clear_pointer (&after, signet_obligation_free);

  g_assert_true (gtk_widget_activate_action (f->section, "obligations.waive", "(xs)", obligation->id, "2026-10-30"));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), _("Reason Waived"))),
                         "Site closed");
  display_test_respond ("waive");
  display_test_spin (100);

  after = signet_store_get_obligation (f->store, obligation->id, NULL);
  g_assert_cmpuint (after->occurrences->len, ==, 2);
  g_assert_cmpstr (signet_obligation_find_occurrence (after, "2026-09-30")->done_date, ==, "2026-09-29");
  g_assert_false (signet_occurrence_is_done_late (signet_obligation_find_occurrence (after, "2026-09-30")));
  g_assert_cmpint (signet_obligation_occurrence_status (after, "2026-10-30"), ==, SIGNET_OCCURRENCE_WAIVED);
  g_assert_cmpstr (signet_obligation_find_occurrence (after, "2026-10-30")->note, ==, "Site closed");
}

static gint64
annotate (Fixture    *f,
          const char *comment)
{
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  SignetAnnotationRect rect = { 60, 126, 540, 158 };

  attachment = signet_store_add_attachment (f->store, signet_contract_get_id (f->contract), contract_pdf,
                                            "contract.pdf", "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED,
                                            NULL, &error);
  g_assert_no_error (error);
  annotation = signet_store_add_annotation (f->store, signet_attachment_get_version_id (attachment),
                                            SIGNET_ANNOTATION_KIND_HIGHLIGHT, 0, &rect, 1, "#f8e45c", comment,
                                            &error);
  g_assert_no_error (error);

  return signet_annotation_get_id (annotation);
}

static gboolean
attachment_window_ready (gpointer data)
{
  GtkWidget *window = display_test_find_toplevel (SIGNET_TYPE_ATTACHMENT_WINDOW);

  return window != NULL &&
         signet_pdf_viewer_get_document (signet_attachment_window_get_viewer (SIGNET_ATTACHMENT_WINDOW (window))) != NULL &&
         signet_annotation_layer_get_selected (signet_attachment_window_get_layer (SIGNET_ATTACHMENT_WINDOW (window))) != 0;
}

/* The obligation names its clause, "Clause: p. 1 · …", and its row opens
 * the PDF with the annotation selected; the annotation's row in the
 * panel names the obligation, and a risk added on it. Once the annotation is deleted the
 * obligation says "Clause deleted". */
static void
test_clause_link (Fixture       *f,
                  gconstpointer  data)
{
  gint64 annotation_id = annotate (f, "7.2 monthly report");
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Monthly cleaning report", "2026-12-31",
                                                           SIGNET_RECURRENCE_MONTHLY, annotation_id);
  g_autofree char *page = g_strdup_printf (_("p. %u · %s"), 1, "7.2 monthly report");
  g_autofree char *link = g_strdup_printf (_("Clause: %s"), page);
  g_autofree char *backlink = g_strdup_printf (_("Obligation: %s"), obligation->title);
  g_autofree char *risk_link = g_strdup_printf (_("Risk: %s"), "Reports come late");
  GtkWidget *history;
  GtkWidget *entry;
  GtkWidget *change;
  g_autoptr(SignetRisk) risk = NULL;
  GtkWidget *row = display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title);
  GtkWidget *clause;
  GtkWidget *window;
  g_autoptr(SignetTombstone) tombstone = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  clause = display_test_find_row (row, ADW_TYPE_ACTION_ROW, link);
  g_assert_nonnull (clause);

  /* The History names the clause as the section does. */
  history = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_HISTORY_SECTION);
  entry = display_test_find_row (history, ADW_TYPE_EXPANDER_ROW, _("Obligation added"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (entry), TRUE);
  display_test_spin (100);
  change = display_test_find_row (entry, ADW_TYPE_ACTION_ROW, _("Obligation Clause"));
  g_assert_nonnull (change);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (change)), ==, page);

  g_assert_true (gtk_widget_activate (clause));
  g_assert_true (display_test_wait_for (attachment_window_ready, NULL));
  window = display_test_find_toplevel (SIGNET_TYPE_ATTACHMENT_WINDOW);
  g_assert_cmpint (signet_annotation_layer_get_selected (signet_attachment_window_get_layer (SIGNET_ATTACHMENT_WINDOW (window))),
                   ==, annotation_id);
  g_assert_nonnull (display_test_find_label (display_test_find_type (window, SIGNET_TYPE_ANNOTATIONS_PANEL), backlink));

  /* A risk pointing at it later is named there too, as it is added. */
  risk = signet_risk_new (signet_contract_get_id (f->contract));
  risk->description = g_strdup ("Reports come late");
  risk->likelihood = 3;
  risk->impact = 3;
  risk->annotation_id = annotation_id;
  g_assert_true (signet_store_add_risk (f->store, risk, NULL));
  display_test_spin (100);
  g_assert_nonnull (display_test_find_label (display_test_find_type (window, SIGNET_TYPE_ANNOTATIONS_PANEL), risk_link));

  gtk_window_destroy (GTK_WINDOW (window));
  display_test_spin (100);

  tombstone = signet_store_delete (f->store, SIGNET_TOMBSTONE_ANNOTATION, annotation_id, NULL);
  g_assert_nonnull (tombstone);
  display_test_spin (100);
  row = display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title);
  g_assert_nonnull (display_test_find_row (row, ADW_TYPE_ACTION_ROW, _("Clause deleted")));
  g_assert_null (display_test_find_row (row, ADW_TYPE_ACTION_ROW, link));
}

static gboolean
picker_quoted (gpointer data)
{
  AdwComboRow *picker = data;
  GtkStringObject *item = adw_combo_row_get_selected_item (picker);

  return item != NULL && strstr (gtk_string_object_get_string (item), "7.2 The supplier reports monthly.") != NULL;
}

typedef struct
{
  GtkWidget  *row;
  const char *title;
} Finding;

static gboolean
row_shown (gpointer data)
{
  Finding *finding = data;

  return display_test_find_row (finding->row, ADW_TYPE_ACTION_ROW, finding->title) != NULL;
}

/* A highlight without a note names its clause by the text it covers,
 * read from the PDF, in the section and in the dialog's picker. */
static void
test_clause_quote (Fixture       *f,
                   gconstpointer  data)
{
  gint64 annotation_id = annotate (f, NULL);
  g_autoptr(SignetObligation) obligation = add_obligation (f, "Monthly cleaning report", "2026-12-31",
                                                           SIGNET_RECURRENCE_MONTHLY, annotation_id);
  g_autofree char *quote = g_strdup_printf (_("“%s”"), "7.2 The supplier reports monthly.");
  g_autofree char *page = g_strdup_printf (_("p. %u · %s"), 1, quote);
  g_autofree char *title = g_strdup_printf (_("Clause: %s"), page);
  Finding finding = { display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW, obligation->title), title };
  AdwAlertDialog *dialog;
  GtkWidget *picker;

  g_assert_nonnull (finding.row);
  g_assert_true (display_test_wait_for (row_shown, &finding));

  g_assert_true (gtk_widget_activate_action (f->section, "obligations.edit", "x", obligation->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  picker = display_test_find_type (GTK_WIDGET (dialog), SIGNET_TYPE_CLAUSE_PICKER);
  g_assert_cmpint (signet_clause_picker_get_annotation_id (SIGNET_CLAUSE_PICKER (picker)), ==, annotation_id);
  g_assert_true (display_test_wait_for (picker_quoted, picker));
  display_test_respond ("cancel");
}

/* The section with an overdue monthly obligation (one done late, one
 * waived) and a client's one-off one, at 1200 and 360 px, in the language
 * of LC_ALL (obligations-LANG-WIDTH.png), and its dialog
 * (obligation-dialog-LANG.png). */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  static const int widths[] = { 1200, 360 };
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  gint64 annotation_id = annotate (f, "7.2 The supplier reports monthly");
  g_autoptr(SignetObligation) monthly = add_obligation (f, "Monthly cleaning report", "2026-07-31",
                                                        SIGNET_RECURRENCE_MONTHLY, annotation_id);
  g_autoptr(SignetObligation) once = add_obligation (f, "Deliver the site keys", "2027-01-10",
                                                     SIGNET_RECURRENCE_NONE, 0);
  g_autoptr(SignetObligation) yearly = NULL;
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (f->section, GTK_TYPE_SCROLLED_WINDOW));
  g_autofree char *dialog = g_strdup_printf ("obligation-dialog-%s", language);
  g_autofree char *annotation = g_strdup_printf ("obligation-annotation-%s", language);
  GtkWidget *window;

  once->party = SIGNET_OBLIGATION_PARTY_CLIENT;
  g_assert_true (signet_store_update_obligation (f->store, once, NULL));
  yearly = add_obligation (f, "Annual insurance certificate", "2026-04-15", SIGNET_RECURRENCE_YEARLY, 0);
  g_assert_true (signet_store_mark_occurrence_done (f->store, yearly->id, "2026-04-15", "2026-04-10", NULL));
  g_assert_true (signet_store_mark_occurrence_done (f->store, monthly->id, "2026-07-31", "2026-08-04", NULL));
  g_assert_true (signet_store_waive_occurrence (f->store, monthly->id, "2026-08-31", "Site closed in August", NULL));
  g_assert_true (signet_store_mark_occurrence_done (f->store, monthly->id, "2026-09-30", "2026-09-30", NULL));
  display_test_spin (100);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (display_test_find_row (f->section, ADW_TYPE_EXPANDER_ROW,
                                                                          monthly->title)), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("obligations-%s-%d", language, widths[i]);
      graphene_point_t point;

      display_test_resize (f->window, widths[i], 900);
      display_test_spin (200);
      g_assert_true (gtk_widget_compute_point (f->section, gtk_scrolled_window_get_child (scrolled),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
      display_test_spin (200);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));
    }

  display_test_resize (f->window, 1200, 900);
  display_test_spin (200);
  g_assert_true (gtk_widget_activate_action (f->section, "obligations.edit", "x", monthly->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  display_test_spin (1000);
  g_free (display_test_save_screenshot (GTK_WIDGET (f->window), dialog));
  display_test_respond ("cancel");
  display_test_spin (500);

  /* The annotation in the viewer, with the obligation under it. */
  g_assert_true (gtk_widget_activate_action (f->section, "obligations.open-clause", "x", annotation_id));
  g_assert_true (display_test_wait_for (attachment_window_ready, NULL));
  window = display_test_find_toplevel (SIGNET_TYPE_ATTACHMENT_WINDOW);
  display_test_resize (GTK_WINDOW (window), 1200, 800);
  display_test_spin (1000);
  g_free (display_test_save_screenshot (window, annotation));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int status;

  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  dir = g_dir_make_tmp ("signet-obligations-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "contract.pdf", NULL);
  pdf_fixture_write (path, 1, 595, 842, "Cleaning services", draw_page, NULL);
  contract_pdf = pdf_fixture_load (path);
  g_unlink (path);
  g_rmdir (dir);

  g_test_add ("/obligations-section/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/obligations-section/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/obligations-section/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/obligations-section/mark-done", Fixture, NULL, fixture_set_up, test_mark_done, fixture_tear_down);
  g_test_add ("/obligations-section/done-on-and-waive", Fixture, NULL, fixture_set_up, test_done_on_and_waive,
              fixture_tear_down);
  g_test_add ("/obligations-section/clause-link", Fixture, NULL, fixture_set_up, test_clause_link, fixture_tear_down);
  g_test_add ("/obligations-section/clause-quote", Fixture, NULL, fixture_set_up, test_clause_quote, fixture_tear_down);
  g_test_add ("/obligations-section/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);

  status = g_test_run ();
  g_bytes_unref (contract_pdf);

  return status;
}
