/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-original-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-loan-dialog.h"
#include "signet-original-dialog.h"
#include "signet-original-section.h"
#include "signet-return-dialog.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"
#include "signet-store-people.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

/* The loans listed before "Show All N Loans". */
#define LATEST_SHOWN 3

struct _SignetOriginalSection
{
  SignetContractSection parent_instance;

  AdwPreferencesGroup *original_group;
  AdwPreferencesGroup *loans_group;
  GtkWidget           *delete_button;
  GtkWidget           *edit_button;
  GtkWidget           *lend_button;
  /* The rows of each group, as listed now. */
  GPtrArray           *original_rows;
  GPtrArray           *loan_rows;

  /* What is shown, as read by the last reload. */
  SignetOriginal      *original;
  SignetLoan          *open_loan;
  gint64               listed_id;
  gboolean             show_all;
};

G_DEFINE_FINAL_TYPE (SignetOriginalSection, signet_original_section, SIGNET_TYPE_CONTRACT_SECTION)

static SignetStore *
get_store (SignetOriginalSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetOriginalSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);

  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* "王芳 (法务部)", or the name alone. */
static char *
borrower_text (const SignetLoan *loan)
{
  const char *name = loan->borrower != NULL ? loan->borrower : _("Someone no longer in People");

  if (loan->department == NULL || *loan->department == '\0')
    return g_strdup (name);

  /* Translators: a borrower and their department: "王芳 (法务部)". */
  return g_strdup_printf (_("%s (%s)"), name, loan->department);
}

/* What a loan's row says under the borrower: the purpose, the dates and
 * the state on @today. */
static char *
loan_subtitle (const SignetLoan *loan,
               const char       *today,
               gboolean         *overdue)
{
  g_autofree char *lent = signet_date_format_display (loan->lent_on);
  g_autofree char *due = signet_date_format_display (loan->due_on);
  g_autofree char *returned = loan->returned_on != NULL ? signet_date_format_display (loan->returned_on) : NULL;
  g_autofree char *state = NULL;
  guint late = signet_loan_days_late (loan, today);

  *overdue = FALSE;
  switch (signet_loan_get_state (loan, today))
    {
    case SIGNET_LOAN_ON_LOAN:
      /* Translators: a loan out: when it was lent and is due back. */
      state = g_strdup_printf (_("Lent on %s, due on %s"), lent, due);
      break;
    case SIGNET_LOAN_OVERDUE:
      *overdue = TRUE;
      /* Translators: a loan past its due date; %u is the days since. */
      state = g_strdup_printf (ngettext ("Lent on %s, due on %s: overdue by %u day",
                                         "Lent on %s, due on %s: overdue by %u days", late),
                               lent, due, late);
      break;
    case SIGNET_LOAN_RETURNED:
      /* Translators: a loan back by its due date. */
      state = g_strdup_printf (_("Lent on %s, returned on %s"), lent, returned);
      break;
    case SIGNET_LOAN_RETURNED_LATE:
    default:
      /* Translators: a loan back after its due date; %u is the days late. */
      state = g_strdup_printf (ngettext ("Lent on %s, returned on %s, %u day late",
                                         "Lent on %s, returned on %s, %u days late", late),
                               lent, returned, late);
      break;
    }

  if (loan->returned_on != NULL && loan->condition == SIGNET_LOAN_CONDITION_DAMAGED)
    /* Translators: the purpose, the dates, then the damage on return. */
    return g_strdup_printf (_("%s · %s · Damaged: %s"), loan->purpose, state,
                            loan->condition_note != NULL ? loan->condition_note : "");

  /* Translators: a loan's purpose, then its dates and state. */
  return g_strdup_printf (_("%s · %s"), loan->purpose, state);
}

static void
show_original (SignetOriginalSection *self,
               const char            *today)
{
  const SignetOriginal *original = self->original;
  g_autofree char *location = NULL;
  g_autofree char *counts = NULL;

  clear_rows (self->original_group, self->original_rows);

  if (original == NULL)
    {
      adw_preferences_group_set_description (self->original_group,
                                             _("No paper original recorded. Record where the signed original "
                                               "is kept to lend it and find it again."));
      gtk_button_set_label (GTK_BUTTON (self->edit_button), _("_Record Original…"));
      gtk_widget_set_tooltip_text (self->edit_button, _("Record the archive number and where the original is kept"));
      gtk_widget_set_visible (self->lend_button, FALSE);
      return;
    }

  adw_preferences_group_set_description (self->original_group, NULL);
  gtk_button_set_label (GTK_BUTTON (self->edit_button), _("_Edit…"));
  gtk_widget_set_tooltip_text (self->edit_button, _("Edit the record of the paper original"));
  gtk_widget_set_visible (self->lend_button, TRUE);

  add_row (self->original_group, self->original_rows, _("Archive Number"),
           original->archive_number != NULL ? original->archive_number : _("None"));
  location = signet_original_dup_location (original);
  add_row (self->original_group, self->original_rows, _("Location"), location != NULL ? location : _("Not recorded"));
  {
    g_autofree char *originals = g_strdup_printf (ngettext ("%u original", "%u originals", original->originals),
                                                  original->originals);
    g_autofree char *copies = g_strdup_printf (ngettext ("%u copy", "%u copies", original->copies),
                                               original->copies);

    /* Translators: how many signed originals and copies the archive
     * holds: "2 originals, 3 copies". */
    counts = g_strdup_printf (_("%s, %s"), originals, copies);
    add_row (self->original_group, self->original_rows, _("Originals and Copies"), counts);
  }
  if (original->archived_by != NULL || original->archived_on != NULL)
    {
      g_autofree char *on = signet_date_format_display (original->archived_on);
      g_autofree char *text = NULL;

      if (original->archived_by != NULL && original->archived_on != NULL)
        /* Translators: who archived the original and when: "陈静 on 2026-10-30". */
        text = g_strdup_printf (_("%s on %s"), original->archived_by, on);
      else
        text = g_strdup (original->archived_by != NULL ? original->archived_by : on);
      add_row (self->original_group, self->original_rows, _("Archived"), text);
    }
  if (original->note != NULL)
    add_row (self->original_group, self->original_rows, _("Note"), original->note);

  /* The loan out now, under where the original should be. */
  if (self->open_loan != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *name = borrower_text (self->open_loan);
      g_autofree char *subtitle = NULL;
      g_autofree char *since = signet_date_format_display (self->open_loan->lent_on);
      g_autofree char *due = signet_date_format_display (self->open_loan->due_on);
      g_autofree char *why = NULL;
      GtkWidget *button;
      GtkWidget *row;
      gboolean overdue;

      /* Translators: the original is out: "On loan to 王芳 (法务部)". */
      title = g_strdup_printf (_("On loan to %s"), name);
      subtitle = loan_subtitle (self->open_loan, today, &overdue);
      row = add_row (self->original_group, self->original_rows, title, subtitle);
      if (overdue)
        gtk_widget_add_css_class (row, "error");

      button = gtk_button_new_with_mnemonic (_("_Return…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Record that the original came back"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "original.return");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      /* Translators: why Lend… is off: "On loan to 王芳 since 2026-11-02,
       * due 2026-11-16". */
      why = g_strdup_printf (_("On loan to %s since %s, due %s"),
                             self->open_loan->borrower != NULL ? self->open_loan->borrower : "", since, due);
      gtk_widget_set_tooltip_text (self->lend_button, why);
    }
  else
    {
      add_row (self->original_group, self->original_rows, _("In the Archive"), _("Not lent out"));
      gtk_widget_set_tooltip_text (self->lend_button, _("Lend the original to someone in People"));
    }
}

/* A loan recorded by mistake goes from its row, with Undo. */
static GtkWidget *
delete_button (const SignetLoan *loan)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *lent = signet_date_format_display (loan->lent_on);
  /* Translators: what a screen reader says of a loan's Delete button:
   * "Delete the loan to 王芳 of 2026-11-02". */
  g_autofree char *label = g_strdup_printf (_("Delete the loan to %s of %s"),
                                            loan->borrower != NULL ? loan->borrower : _("Someone no longer in People"),
                                            lent);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete this loan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "original.delete-loan");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (loan->id));

  return button;
}

static void show_all_activated_cb (SignetOriginalSection *self);

static void
show_loans (SignetOriginalSection *self,
            GPtrArray             *loans,
            const char            *today)
{
  gboolean fold = !self->show_all && loans->len > LATEST_SHOWN + 1;

  clear_rows (self->loans_group, self->loan_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->loans_group), loans->len > 0);

  for (guint i = 0; i < loans->len && (!fold || i < LATEST_SHOWN); i++)
    {
      const SignetLoan *loan = g_ptr_array_index (loans, i);
      g_autofree char *name = borrower_text (loan);
      g_autofree char *subtitle = NULL;
      gboolean overdue;
      GtkWidget *row;

      subtitle = loan_subtitle (loan, today, &overdue);
      row = add_row (self->loans_group, self->loan_rows, name, subtitle);
      if (overdue)
        gtk_widget_add_css_class (row, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button (loan));
    }

  if (fold)
    {
      GtkWidget *row = adw_button_row_new ();
      g_autofree char *title = NULL;

      /* Translators: the row under a contract's newest loans; %u is how
       * many there are in all. */
      title = g_strdup_printf (ngettext ("Show All %u Loan", "Show All %u Loans", loans->len), loans->len);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_button_row_set_end_icon_name (ADW_BUTTON_ROW (row), "pan-down-symbolic");
      g_signal_connect_object (row, "activated", G_CALLBACK (show_all_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->loans_group, row);
      g_ptr_array_add (self->loan_rows, row);
    }
}

static void
signet_original_section_reload (SignetContractSection *section)
{
  SignetOriginalSection *self = SIGNET_ORIGINAL_SECTION (section);
  SignetStore *store = get_store (self);
  gint64 id = contract_id (self);
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;

  if (self->listed_id != id)
    self->show_all = FALSE;
  self->listed_id = id;

  g_clear_pointer (&self->original, signet_original_free);
  g_clear_pointer (&self->open_loan, signet_loan_free);

  if (store == NULL || id <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  today = signet_store_dup_today (store);
  self->original = signet_store_get_original (store, id, &error);
  if (error == NULL)
    loans = signet_store_list_loans (store, id, &error);
  if (error != NULL)
    {
      g_warning ("Could not read the paper original of contract %" G_GINT64_FORMAT ": %s", id, error->message);
      loans = g_ptr_array_new ();
    }

  for (guint i = 0; i < loans->len; i++)
    {
      const SignetLoan *loan = g_ptr_array_index (loans, i);

      if (loan->returned_on == NULL)
        self->open_loan = signet_loan_copy (loan);
    }

  show_original (self, today);
  show_loans (self, loans, today);
  /* Only a record never lent goes: a loan's history needs its original. */
  gtk_widget_set_visible (self->delete_button, self->original != NULL && loans->len == 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "original.lend", self->original != NULL && self->open_loan == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "original.return", self->open_loan != NULL);
}

static void
show_all_activated_cb (SignetOriginalSection *self)
{
  self->show_all = TRUE;
  signet_original_section_reload (SIGNET_CONTRACT_SECTION (self));
  /* The pressed row is gone: the keyboard goes on from the newest loan. */
  if (self->loan_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->loan_rows, 0));
}

static void
original_responded_cb (SignetOriginalSection *self,
                       const char            *response,
                       SignetOriginalDialog  *dialog)
{
  g_autoptr(SignetOriginal) edited = NULL;
  g_autoptr(GError) error = NULL;
  gboolean recording = self->original == NULL;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  edited = signet_original_dialog_dup_original (dialog, contract_id (self), self->original, &error);
  if (edited == NULL || !signet_store_save_original (get_store (self), edited, &error))
    signet_error_dialog_show (GTK_WIDGET (self),
                              recording ? _("The Original Was Not Recorded") : _("The Original Was Not Changed"),
                              error);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetOriginalSection *self = SIGNET_ORIGINAL_SECTION (widget);
  g_autoptr(GListModel) people = NULL;
  g_autofree char *today = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL || contract_id (self) <= 0)
    return;

  people = signet_store_list_people (get_store (self), NULL);
  today = signet_store_dup_today (get_store (self));
  dialog = signet_original_dialog_new (self->original, people, today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (original_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
lend_responded_cb (SignetOriginalSection *self,
                   const char            *response,
                   SignetLoanDialog      *dialog)
{
  g_autoptr(SignetLoan) loan = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "lend") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  loan = signet_loan_dialog_dup_loan (dialog, contract_id (self), &error);
  if (loan == NULL || !signet_store_add_loan (get_store (self), loan, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Original Was Not Lent"), error);
}

static void
lend_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetOriginalSection *self = SIGNET_ORIGINAL_SECTION (widget);
  g_autoptr(GListModel) people = NULL;
  g_autofree char *today = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL || self->original == NULL || self->open_loan != NULL)
    return;

  people = signet_store_list_people (get_store (self), NULL);
  today = signet_store_dup_today (get_store (self));
  dialog = signet_loan_dialog_new (people, today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (lend_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
return_responded_cb (SignetOriginalSection *self,
                     const char            *response,
                     SignetReturnDialog    *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *returned_on = NULL;
  g_autofree char *note = NULL;
  SignetLoanCondition condition;

  if (g_strcmp0 (response, "return") != 0 || get_store (self) == NULL || self->open_loan == NULL)
    return;

  if (!signet_return_dialog_get (dialog, &returned_on, &condition, &note, &error) ||
      !signet_store_return_loan (get_store (self), self->open_loan->id, returned_on, condition, note, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Return Was Not Recorded"), error);
}

static void
return_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetOriginalSection *self = SIGNET_ORIGINAL_SECTION (widget);
  g_autofree char *today = NULL;
  AdwDialog *dialog;

  if (get_store (self) == NULL || self->open_loan == NULL)
    return;

  today = signet_store_dup_today (get_store (self));
  dialog = signet_return_dialog_new (self->open_loan, today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (return_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetOriginalSection *self = SIGNET_ORIGINAL_SECTION (widget);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL || self->original == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_ORIGINAL, contract_id (self), &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (widget, _("The Original’s Record Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

static void
delete_loan_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SignetOriginalSection *self = SIGNET_ORIGINAL_SECTION (widget);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_LOAN, g_variant_get_int64 (parameter), &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (widget, _("The Loan Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

static void
signet_original_section_dispose (GObject *object)
{
  SignetOriginalSection *self = SIGNET_ORIGINAL_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_ORIGINAL_SECTION);
  /* The box holding the two groups is no bound child of the template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->original_rows, g_ptr_array_unref);
  g_clear_pointer (&self->loan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->original, signet_original_free);
  g_clear_pointer (&self->open_loan, signet_loan_free);

  G_OBJECT_CLASS (signet_original_section_parent_class)->dispose (object);
}

static void
signet_original_section_class_init (SignetOriginalSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_original_section_dispose;

  /* Its original and loans; a person renamed is read again with them
   * when the section next reloads. */
  section_class->reload = signet_original_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_ORIGINALS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-original-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalSection, original_group);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalSection, loans_group);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalSection, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalSection, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalSection, lend_button);

  signet_contract_section_class_set_archival (section_class);
  signet_contract_section_class_install_write (section_class, "original.edit", NULL, edit_activated);
  signet_contract_section_class_install_write (section_class, "original.lend", NULL, lend_activated);
  signet_contract_section_class_install_write (section_class, "original.return", NULL, return_activated);
  signet_contract_section_class_install_write (section_class, "original.delete", NULL, delete_activated);
  signet_contract_section_class_install_write (section_class, "original.delete-loan", "x", delete_loan_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_original_section_init (SignetOriginalSection *self)
{
  self->original_rows = g_ptr_array_new ();
  self->loan_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_original_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_original_section_new (void)
{
  return g_object_new (SIGNET_TYPE_ORIGINAL_SECTION, NULL);
}
