/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "display-test-utils.h"
#include "signet-clause-picker.h"
#include "signet-contract-page.h"
#include "signet-history-section.h"
#include "signet-person.h"
#include "signet-risks-section.h"
#include "signet-store-attachments.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-risks.h"
#include "signet-window.h"

/* A contract's risk register on its page, through its controls: a risk
 * added and edited in the dialog (its score shown as the ratings change),
 * deleted and put back by Undo; the suggestion and its rule; the notice
 * when the contract's level differs, Use Suggested Level and Keep… with a
 * reason. */

typedef struct
{
  SignetStore        *store;
  SignetContract     *contract;
  GtkWindow          *window;
  SignetContractPage *page;
  GtkWidget          *section;
} Fixture;

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
  signet_person_set_name (person, "李娜");
  g_assert_true (signet_store_add_person (f->store, person, NULL));

  f->window = GTK_WINDOW (signet_window_new (NULL, f->store, NULL));
  display_test_show (f->window);
  signet_window_open_contract (SIGNET_WINDOW (f->window), signet_contract_get_id (f->contract));
  display_test_spin (200);
  f->page = SIGNET_CONTRACT_PAGE (display_test_find_type (GTK_WIDGET (f->window), SIGNET_TYPE_CONTRACT_PAGE));
  f->section = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_RISKS_SECTION);
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

static GPtrArray *
list_risks (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *risks = signet_store_list_risks (f->store, signet_contract_get_id (f->contract), &error);

  g_assert_no_error (error);

  return risks;
}

static SignetRiskLevel
stored_level (Fixture *f)
{
  g_autoptr(SignetContract) contract = signet_store_get_contract (f->store, signet_contract_get_id (f->contract), NULL);

  return signet_contract_get_risk_level (contract);
}

/* The section's words under its title: the suggestion and its rule. */
static const char *
description (Fixture *f)
{
  const char *text = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
    display_test_find_type (f->section, ADW_TYPE_PREFERENCES_GROUP)));

  return text != NULL ? text : "";
}

/* Fills the dialog shown as a user does, its rows found by their names
 * in the language of the run. */
static void
fill_dialog (const char *description,
             guint       likelihood,
             guint       impact,
             guint       owner)
{
  GtkWidget *dialog = GTK_WIDGET (display_test_find_alert_dialog ());

  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (dialog, _("Risk"))), description);
  adw_combo_row_set_selected (ADW_COMBO_ROW (display_test_find_accessible (dialog, _("Likelihood"))), likelihood - 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (display_test_find_accessible (dialog, _("Impact"))), impact - 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (display_test_find_accessible (dialog, _("Owner"))), owner);
}

static void
add_risk (Fixture    *f,
          const char *description,
          guint       likelihood,
          guint       impact)
{
  g_assert_true (gtk_widget_activate_action (f->section, "risks.add", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  fill_dialog (description, likelihood, impact, 1);
  display_test_respond ("save");
  display_test_spin (100);
}

static GtkWidget *
find_risk_row (Fixture    *f,
               const char *description)
{
  return display_test_find_row (f->section, ADW_TYPE_ACTION_ROW, description);
}

/* Empty, the section says so and suggests nothing. Added through the
 * dialog, whose score follows the ratings as they change, the risk is
 * listed with its score and owner and suggests High with the rule; the
 * contract, at Low, gets the notice. Edited to 2 × 3, it suggests Low:
 * the notice goes. */
static void
test_add_edit (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) risks = NULL;
  GtkWidget *notice = display_test_find_label (f->section, "The contract’s risk level is Low, not the suggested High.");
  GtkWidget *dialog;
  GtkWidget *row;

  g_assert_true (gtk_widget_get_visible (find_risk_row (f, "No risks recorded")));
  g_assert_cmpstr (description (f), ==, "");

  g_assert_true (gtk_widget_activate_action (f->section, "risks.add", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = GTK_WIDGET (display_test_find_alert_dialog ());
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Add a Risk");
  /* Nothing described yet: Add is off. */
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "save"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (display_test_find_row (dialog, ADW_TYPE_ACTION_ROW,
                                                                                        "Score"))),
                   ==, "9 (3 × 3) · Medium");
  fill_dialog ("违约金比例未写明", 4, 4, 1);
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "save"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (display_test_find_row (dialog, ADW_TYPE_ACTION_ROW,
                                                                                        "Score"))),
                   ==, "16 (4 × 4) · High");
  display_test_respond ("save");
  display_test_spin (100);

  risks = list_risks (f);
  g_assert_cmpuint (risks->len, ==, 1);
  g_assert_cmpstr (((SignetRisk *) risks->pdata[0])->owner_name, ==, "李娜");
  row = find_risk_row (f, "违约金比例未写明");
  g_assert_nonnull (row);
  g_assert_nonnull (display_test_find_label (row, "16"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Legal · 李娜 · Open");
  g_assert_false (gtk_widget_get_visible (find_risk_row (f, "No risks recorded")));
  g_assert_cmpstr (description (f), ==, "Suggested: High — highest open score 16 (4 × 4); 15 or more is high");
  notice = display_test_find_label (f->section, "The contract’s risk level is Low, not the suggested High.");
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_is_visible (notice));
  g_assert_nonnull (display_test_find_button (f->section, "Keep Low…"));

  /* The row opens it, as its Edit button does. */
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = GTK_WIDGET (display_test_find_alert_dialog ());
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Edit the Risk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (display_test_find_accessible (dialog, "Risk"))),
                   ==, "违约金比例未写明");
  fill_dialog ("违约金比例未写明", 2, 3, 1);
  display_test_respond ("save");
  display_test_spin (100);

  g_clear_pointer (&risks, g_ptr_array_unref);
  risks = list_risks (f);
  g_assert_cmpuint (((SignetRisk *) risks->pdata[0])->likelihood, ==, 2);
  g_assert_cmpint (((SignetRisk *) risks->pdata[0])->version, ==, 2);
  g_assert_nonnull (display_test_find_label (find_risk_row (f, "违约金比例未写明"), "6"));
  g_assert_false (gtk_widget_is_visible (notice));
}

/* A risk pointing at its clause: chosen in the dialog among the
 * annotations of the contract's files, stored, named in its row as the
 * obligations name theirs, and chosen again when the risk is edited. */
static void
test_clause (Fixture       *f,
             gconstpointer  data)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(SignetAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GError) error = NULL;
  SignetAnnotationRect rect = { 72, 100, 300, 114 };
  GtkWidget *dialog;
  GtkWidget *picker;
  GtkWidget *row;
  GtkWidget *history_row;
  gint64 annotation_id;

  attachment = signet_store_add_attachment (f->store, signet_contract_get_id (f->contract), bytes, "agreement.pdf",
                                            "application/pdf", SIGNET_ATTACHMENT_ROLE_SIGNED, NULL, &error);
  g_assert_no_error (error);
  annotation = signet_store_add_annotation (f->store, signet_attachment_get_version_id (attachment),
                                            SIGNET_ANNOTATION_KIND_HIGHLIGHT, 2, &rect, 1, "#f6d32d",
                                            "第 7.2 条：违约金比例", &error);
  g_assert_no_error (error);
  annotation_id = signet_annotation_get_id (annotation);
  display_test_spin (100);

  g_assert_true (gtk_widget_activate_action (f->section, "risks.add", NULL));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  fill_dialog ("违约金比例未写明", 4, 4, 1);
  picker = display_test_find_type (GTK_WIDGET (display_test_find_alert_dialog ()), SIGNET_TYPE_CLAUSE_PICKER);
  g_assert_nonnull (picker);
  signet_clause_picker_set_annotation_id (SIGNET_CLAUSE_PICKER (picker), annotation_id);
  display_test_respond ("save");
  display_test_spin (100);

  risks = list_risks (f);
  g_assert_cmpint (((SignetRisk *) risks->pdata[0])->annotation_id, ==, annotation_id);
  row = find_risk_row (f, "违约金比例未写明");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "\nClause: p. 3 · 第 7.2 条：违约金比例"));

  /* The History names it so too, not by the annotation's id. */
  history_row = display_test_find_row (display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_HISTORY_SECTION),
                                       ADW_TYPE_EXPANDER_ROW, "Risk added");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (history_row), TRUE);
  display_test_spin (100);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (display_test_find_row (history_row, ADW_TYPE_ACTION_ROW,
                                                                                        "Clause"))),
                   ==, "p. 3 · 第 7.2 条：违约金比例");

  g_assert_true (gtk_widget_activate_action (f->section, "risks.edit", "x", ((SignetRisk *) risks->pdata[0])->id));
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = GTK_WIDGET (display_test_find_alert_dialog ());
  picker = display_test_find_type (dialog, SIGNET_TYPE_CLAUSE_PICKER);
  g_assert_cmpint (signet_clause_picker_get_annotation_id (SIGNET_CLAUSE_PICKER (picker)), ==, annotation_id);
  display_test_respond ("cancel");
}

/* The History names a risk's category and status as the section does:
 * "Open → Mitigated", not the tokens the log keeps. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *history = display_test_find_type (GTK_WIDGET (f->page), SIGNET_TYPE_HISTORY_SECTION);
  g_autoptr(GPtrArray) risks = NULL;
  GtkWidget *row;
  SignetRisk *risk;

  add_risk (f, "Late delivery", 2, 3);
  risks = list_risks (f);
  risk = risks->pdata[0];
  risk->status = SIGNET_RISK_STATUS_MITIGATED;
  g_assert_true (signet_store_update_risk (f->store, risk, NULL));
  display_test_spin (100);

  /* Its changes' rows are made as the entry is expanded. */
  row = display_test_find_row (history, ADW_TYPE_EXPANDER_ROW, "Risk changed");
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  row = display_test_find_row (history, ADW_TYPE_EXPANDER_ROW, "Risk added");
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  display_test_spin (100);

  row = display_test_find_row (history, ADW_TYPE_ACTION_ROW, "Risk Status");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Open → Mitigated");
  row = display_test_find_row (history, ADW_TYPE_ACTION_ROW, "Risk Category");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Legal");
}

/* The owner renamed in People: the risk's row names them anew. */
static void
test_owner_renamed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SignetPerson) person = signet_store_find_person (f->store, "李娜", NULL);
  g_autoptr(GError) error = NULL;

  add_risk (f, "Late delivery", 2, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_risk_row (f, "Late delivery"))),
                   ==, "Legal · 李娜 · Open");

  signet_person_set_name (person, "李娜娜");
  g_assert_true (signet_store_update_person (f->store, person, &error));
  g_assert_no_error (error);
  display_test_spin (100);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_risk_row (f, "Late delivery"))),
                   ==, "Legal · 李娜娜 · Open");
}

/* Deleted from its row, with Undo bringing it back. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored = NULL;

  add_risk (f, "Late delivery", 2, 3);
  risks = list_risks (f);
  g_assert_cmpuint (risks->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (f->section, "risks.delete", "x", ((SignetRisk *) risks->pdata[0])->id));
  display_test_spin (100);
  after = list_risks (f);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_null (find_risk_row (f, "Late delivery"));
  g_assert_true (gtk_widget_get_visible (find_risk_row (f, "No risks recorded")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  display_test_spin (100);
  restored = list_risks (f);
  g_assert_cmpuint (restored->len, ==, 1);
  g_assert_nonnull (find_risk_row (f, "Late delivery"));
}

/* Use Suggested Level sets the contract's level through its save: the
 * form shows High, the History tells it, the notice goes. */
static void
test_use_suggested (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) audit = NULL;
  GtkWidget *button;
  GtkWidget *field;

  add_risk (f, "违约金比例未写明", 4, 4);
  button = display_test_find_button (f->section, "Use Suggested Level");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));

  g_signal_emit_by_name (button, "clicked");
  display_test_spin (100);

  g_assert_cmpint (stored_level (f), ==, SIGNET_RISK_LEVEL_HIGH);
  field = display_test_find_form_field (GTK_WIDGET (f->page), "Risk Level");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field)), ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_false (gtk_widget_is_visible (button));
  audit = signet_store_list_audit (f->store, SIGNET_RECORD_CONTRACT, signet_contract_get_id (f->contract), NULL);
  g_assert_cmpint (((SignetAuditEntry *) audit->pdata[0])->action, ==, SIGNET_AUDIT_ACTION_UPDATE);
}

/* Keep Low… asks a reason (Keep stays disabled without one), keeps it,
 * and the notice goes, the reason shown under the suggestion; once the
 * suggestion moves to Medium (the 16 mitigated, a 3 × 3 left), the
 * notice is back. */
static void
test_keep_level (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SignetRiskLevelChoice) choice = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  AdwAlertDialog *dialog;
  GtkWidget *keep;
  SignetRisk *risk;

  add_risk (f, "违约金比例未写明", 4, 4);
  add_risk (f, "Late delivery", 3, 3);
  keep = display_test_find_button (f->section, "Keep Low…");
  g_assert_true (gtk_widget_is_visible (keep));

  g_signal_emit_by_name (keep, "clicked");
  g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
  dialog = display_test_find_alert_dialog ();
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Keep Risk Level Low?");
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "keep"));
  gtk_editable_set_text (GTK_EDITABLE (display_test_find_accessible (GTK_WIDGET (dialog), "Reason")),
                         "合作二十年的客户");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "keep"));
  display_test_respond ("keep");
  display_test_spin (100);

  choice = signet_store_get_risk_level_choice (f->store, signet_contract_get_id (f->contract), NULL);
  g_assert_nonnull (choice);
  g_assert_cmpstr (choice->reason, ==, "合作二十年的客户");
  g_assert_cmpint (choice->suggested, ==, SIGNET_RISK_LEVEL_HIGH);
  g_assert_false (gtk_widget_is_visible (keep));
  g_assert_nonnull (strstr (description (f), "Kept at Low: 合作二十年的客户"));
  g_assert_cmpint (stored_level (f), ==, SIGNET_RISK_LEVEL_LOW);

  /* The 16 mitigated: Medium from the 3 × 3, and the notice is back. */
  risks = list_risks (f);
  risk = risks->pdata[0];
  g_assert_cmpstr (risk->description, ==, "违约金比例未写明");
  risk->status = SIGNET_RISK_STATUS_MITIGATED;
  g_assert_true (signet_store_update_risk (f->store, risk, NULL));
  display_test_spin (100);
  g_assert_true (gtk_widget_is_visible (keep));
  g_assert_nonnull (display_test_find_label (f->section,
                                             "The contract’s risk level is Low, not the suggested Medium."));
}

/* The section with three risks and the notice, the risk's dialog and
 * Keep Risk Level, at 1200 and 360 px, in the language of LC_ALL
 * (risks-, risk-dialog- and keep-level-dialog-LANG-WIDTH.png beside the
 * test). */
static void
test_looks (Fixture       *f,
            gconstpointer  data)
{
  static const int widths[] = { 1200, 360 };
  const char *lc_all = g_getenv ("LC_ALL");
  g_autofree char *language = g_strndup (lc_all != NULL ? lc_all : "C", strcspn (lc_all != NULL ? lc_all : "C", "."));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (f->section, GTK_TYPE_SCROLLED_WINDOW));
  g_autoptr(GPtrArray) risks = NULL;
  SignetRisk *risk;

  add_risk (f, "违约金比例未写明，逾期付款责任不清", 4, 4);
  add_risk (f, "供应商交付延迟", 3, 3);
  add_risk (f, "汇率波动", 2, 2);
  risks = list_risks (f);
  risk = risks->pdata[2];
  risk->status = SIGNET_RISK_STATUS_MITIGATED;
  risk->next_review = g_strdup ("2027-01-15");
  risk->mitigation = g_strdup ("以人民币结算");
  g_assert_true (signet_store_update_risk (f->store, risk, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("risks-%s-%d", language, widths[i]);
      g_autofree char *dialog = g_strdup_printf ("risk-dialog-%s-%d", language, widths[i]);
      g_autofree char *keep = g_strdup_printf ("keep-level-dialog-%s-%d", language, widths[i]);
      graphene_point_t point;

      display_test_resize (f->window, widths[i], 900);
      display_test_spin (200);
      g_assert_true (gtk_widget_compute_point (f->section, gtk_scrolled_window_get_child (scrolled),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
      display_test_spin (200);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), name));

      g_assert_true (gtk_widget_activate_action (f->section, "risks.edit", "x", ((SignetRisk *) risks->pdata[0])->id));
      g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
      /* Past its opening animation. */
      display_test_spin (1000);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), dialog));
      display_test_respond ("cancel");
      /* Its closing animation runs out before the window is resized. */
      display_test_spin (500);

      g_assert_true (gtk_widget_activate_action (f->section, "risks.keep-level", NULL));
      g_assert_true (display_test_wait_for (display_test_alert_shown, NULL));
      display_test_spin (1000);
      g_free (display_test_save_screenshot (GTK_WIDGET (f->window), keep));
      display_test_respond ("cancel");
      display_test_spin (500);
    }
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv);
  display_test_bind_build_catalog ();

  g_test_add ("/risks-section/add-edit", Fixture, NULL, fixture_set_up, test_add_edit, fixture_tear_down);
  g_test_add ("/risks-section/clause", Fixture, NULL, fixture_set_up, test_clause, fixture_tear_down);
  g_test_add ("/risks-section/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/risks-section/owner-renamed", Fixture, NULL, fixture_set_up, test_owner_renamed, fixture_tear_down);
  g_test_add ("/risks-section/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/risks-section/use-suggested", Fixture, NULL, fixture_set_up, test_use_suggested, fixture_tear_down);
  g_test_add ("/risks-section/keep-level", Fixture, NULL, fixture_set_up, test_keep_level, fixture_tear_down);
  g_test_add ("/risks-section/looks", Fixture, NULL, fixture_set_up, test_looks, fixture_tear_down);

  return g_test_run ();
}
