/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-obligations-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-attachment-window.h"
#include "signet-clause-picker.h"
#include "signet-date.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-obligation-dialog.h"
#include "signet-obligations-section.h"
#include "signet-store-attachments.h"
#include "signet-store-current-terms.h"
#include "signet-store-events.h"
#include "signet-store-obligations.h"
#include "signet-store-people.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

/* An obligation of a long lease has many occurrences: its row lists the
 * latest past ones and the next few, which is what is acted on. */
#define PAST_SHOWN 6
#define NEXT_SHOWN 3

struct _SignetObligationsSection
{
  SignetContractSection parent_instance;

  AdwPreferencesGroup  *group;
  GtkWidget            *add_button;
  /* The rows listed now, removed on each reload. */
  GPtrArray            *rows;
  /* The obligations whose rows the user expanded: kept over reloads, so
   * that marking an occurrence done leaves its row open. */
  GHashTable           *expanded;
  /* The clauses shown (annotation id → its row, and the clauses), whose
   * quotes are read from their files until the next reload. */
  GHashTable           *clause_rows;
  GPtrArray            *clauses;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SignetObligationsSection, signet_obligations_section, SIGNET_TYPE_CONTRACT_SECTION)

static SignetStore *
get_store (SignetObligationsSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetObligationsSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

/* "Monthly until 31.12.2027", "Monthly until the contract ends", "Once". */
static char *
describe_recurrence (const SignetObligation *obligation,
                     const char             *last_date)
{
  const char *label = signet_recurrence_to_label (obligation->recurrence);
  g_autofree char *until = NULL;

  if (obligation->recurrence == SIGNET_RECURRENCE_NONE)
    return g_strdup (label);

  if (obligation->until_date != NULL)
    {
      until = signet_date_format_display (obligation->until_date);
      /* Translators: how an obligation recurs and its last date,
       * "Monthly until 31.12.2027". */
      return g_strdup_printf (C_("recurrence", "%s until %s"), label, until);
    }

  if (last_date != NULL)
    /* Translators: how an obligation recurs, with no date of its own. */
    return g_strdup_printf (_("%s until the contract ends"), label);

  /* Translators: how an obligation recurs, with no end at all. */
  return g_strdup_printf (_("%s, open-ended"), label);
}

/* What was done about the occurrence due on @due_date, for its row. */
static char *
describe_occurrence (const SignetObligation *obligation,
                     const char             *due_date,
                     const char             *today,
                     gboolean               *overdue)
{
  const SignetOccurrence *occurrence = signet_obligation_find_occurrence (obligation, due_date);
  g_autofree char *when = NULL;

  *overdue = FALSE;
  if (occurrence == NULL)
    {
      *overdue = g_strcmp0 (due_date, today) < 0;
      return g_strdup (*overdue ? _("Overdue") : C_("occurrence", "Open"));
    }

  if (occurrence->status == SIGNET_OCCURRENCE_WAIVED)
    return occurrence->note != NULL && *occurrence->note != '\0'
           /* Translators: an occurrence waived, and why. */
           ? g_strdup_printf (_("Waived: %s"), occurrence->note)
           : g_strdup (C_("occurrence", "Waived"));

  when = signet_date_format_display (occurrence->done_date);
  if (signet_occurrence_is_done_late (occurrence))
    /* Translators: an occurrence done after its due date, and when. */
    return g_strdup_printf (_("Done late, on %s"), when);

  /* Translators: an occurrence done, and when. */
  return g_strdup_printf (_("Done on %s"), when);
}

static GtkWidget *
new_button (const char *label,
            const char *action_name,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static void
add_occurrence_row (SignetObligationsSection *self,
                    AdwExpanderRow           *expander,
                    const SignetObligation   *obligation,
                    const char               *due_date,
                    const char               *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = signet_date_format_display (due_date);
  g_autofree char *status = NULL;
  gboolean overdue;

  status = describe_occurrence (obligation, due_date, today, &overdue);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status);
  if (overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  if (signet_obligation_find_occurrence (obligation, due_date) == NULL)
    {
      GtkWidget *done = new_button (_("Mark _Done"), "obligations.mark-done",
                                    g_variant_new ("(xs)", obligation->id, due_date));
      GtkWidget *more = gtk_menu_button_new ();
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenuItem) waive = g_menu_item_new (_("_Waive…"), NULL);
      g_autoptr(GMenuItem) done_on = g_menu_item_new (_("Done on _Another Day…"), NULL);

      gtk_widget_set_tooltip_text (done, _("Record this occurrence as done today"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);

      /* Waiving is the rarer answer: in a menu, so that a narrow page
       * keeps room for the date. */
      g_menu_item_set_action_and_target_value (waive, "obligations.waive",
                                               g_variant_new ("(xs)", obligation->id, due_date));
      g_menu_item_set_action_and_target_value (done_on, "obligations.done-on",
                                               g_variant_new ("(xs)", obligation->id, due_date));
      g_menu_append_item (menu, done_on);
      g_menu_append_item (menu, waive);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
      gtk_widget_set_tooltip_text (more, _("More Answers"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Answers"), -1);
      gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (more, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               new_button (_("_Reopen"), "obligations.reopen",
                                           g_variant_new ("(xs)", obligation->id, due_date)));

  adw_expander_row_add_row (expander, row);
}

static void
set_clause_title (GtkWidget          *row,
                  const SignetClause *clause,
                  const char         *quote)
{
  g_autofree char *described = signet_clause_describe (clause, quote);
  /* Translators: the clause an obligation comes from, "Clause: p. 3 · …". */
  g_autofree char *text = g_strdup_printf (_("Clause: %s"), described);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
}

static void
quote_read_cb (gint64      annotation_id,
               const char *quote,
               gpointer    user_data)
{
  SignetObligationsSection *self = user_data;
  GtkWidget *row = g_hash_table_lookup (self->clause_rows, &annotation_id);

  if (row != NULL)
    set_clause_title (row, g_object_get_data (G_OBJECT (row), "signet-clause"), quote);
}

static void
add_clause_row (SignetObligationsSection *self,
                AdwExpanderRow           *expander,
                const SignetObligation   *obligation)
{
  SignetClause *clause = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row = adw_action_row_new ();

  clause = signet_store_get_clause (get_store (self), obligation->annotation_id, &error);
  if (error != NULL)
    g_warning ("Could not read the clause of an obligation: %s", error->message);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (clause != NULL)
    {
      g_ptr_array_add (self->clauses, clause);
      g_object_set_data (G_OBJECT (row), "signet-clause", clause);
      g_hash_table_insert (self->clause_rows, g_memdup2 (&clause->annotation_id, sizeof (gint64)), row);
      set_clause_title (row, clause, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), clause->file_name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "obligations.open-clause");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (clause->annotation_id));
      gtk_widget_set_tooltip_text (row, _("Open the file at this clause"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Clause deleted"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The annotation this obligation pointed at was deleted. Edit it to choose another."));
      gtk_widget_add_css_class (row, "dimmed");
    }

  adw_expander_row_add_row (expander, row);
}

static void
expanded_changed_cb (SignetObligationsSection *self,
                     GParamSpec               *pspec,
                     AdwExpanderRow           *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "signet-obligation-id"));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
}

static void
add_obligation_row (SignetObligationsSection *self,
                    const SignetObligation   *obligation,
                    GListModel               *people,
                    SignetContract           *terms,
                    const char               *today)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *edit_button;
  GtkWidget *delete_button;
  g_autofree char *last = signet_obligation_dup_last_date (obligation, terms);
  g_autofree char *next = signet_obligation_dup_next_open (obligation, last);
  g_autofree char *recurrence = describe_recurrence (obligation, last);
  g_autofree char *state = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_label = NULL;
  g_autofree char *edit_label = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) coming = NULL;
  g_autoptr(GString) parts = g_string_new (signet_obligation_party_to_label (obligation->party));
  g_autofree char *to = NULL;
  GDate end;

  for (guint i = 0; people != NULL && obligation->owner_id > 0 && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);

      if (signet_person_get_id (person) == obligation->owner_id)
        g_string_append_printf (parts, " · %s", signet_person_get_name (person));
    }

  if (next == NULL)
    {
      const SignetOccurrence *latest = obligation->occurrences->len > 0
        ? g_ptr_array_index (obligation->occurrences, obligation->occurrences->len - 1) : NULL;

      state = g_strdup (latest != NULL && latest->status == SIGNET_OCCURRENCE_WAIVED
                        ? C_("obligation", "Waived") : C_("obligation", "Done"));
    }
  else
    {
      g_autofree char *when = signet_date_format_display (next);

      state = g_strcmp0 (next, today) < 0
              /* Translators: an obligation's earliest open occurrence is past its day. */
              ? g_strdup_printf (_("Overdue since %s"), when)
              /* Translators: an obligation's next open occurrence. */
              : g_strdup_printf (_("Next due %s"), when);
    }
  g_string_append_printf (parts, " · %s · %s", state, recurrence);
  subtitle = g_string_free (g_steal_pointer (&parts), FALSE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), obligation->title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  delete_label = g_strdup_printf (_("Delete obligation “%s”"), obligation->title);
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete this obligation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "obligations.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button), g_variant_new_int64 (obligation->id));
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), delete_button);

  edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  edit_label = g_strdup_printf (_("Edit obligation “%s”"), obligation->title);
  gtk_widget_set_valign (edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit_button, "flat");
  gtk_widget_set_tooltip_text (edit_button, _("Edit this obligation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit_button), "obligations.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit_button), g_variant_new_int64 (obligation->id));
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), edit_button);

  /* The row shows its suffixes last added first: the tag, Edit, Delete. */
  if (next != NULL && g_strcmp0 (next, today) < 0)
    {
      GtkWidget *tag = gtk_label_new (_("Overdue"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "error");
      adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), tag);
    }

  if (obligation->annotation_id > 0)
    add_clause_row (self, ADW_EXPANDER_ROW (row), obligation);

  /* The latest past occurrences, then the next few from today on. */
  past = signet_obligation_list_occurrences (obligation, last, NULL, today);
  signet_date_parse (today, &end);
  signet_date_add_months (&end, 12 * NEXT_SHOWN + 1);
  to = signet_date_to_iso (&end);
  coming = signet_obligation_list_occurrences (obligation, last, today, to);
  for (guint i = past->len > PAST_SHOWN ? past->len - PAST_SHOWN : 0; i < past->len; i++)
    if (g_strcmp0 (g_ptr_array_index (past, i), today) < 0)
      add_occurrence_row (self, ADW_EXPANDER_ROW (row), obligation, g_ptr_array_index (past, i), today);
  for (guint i = 0; i < MIN (coming->len, NEXT_SHOWN); i++)
    add_occurrence_row (self, ADW_EXPANDER_ROW (row), obligation, g_ptr_array_index (coming, i), today);

  if (obligation->note != NULL && *obligation->note != '\0')
    {
      GtkWidget *note = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (note), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), signet_field_to_label (SIGNET_FIELD_OBLIGATION_NOTE));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (note), obligation->note);
      gtk_widget_add_css_class (note, "property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), note);
    }

  g_object_set_data (G_OBJECT (row), "signet-obligation-id", GSIZE_TO_POINTER (obligation->id));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, &obligation->id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_changed_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
signet_obligations_section_reload (SignetContractSection *section)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (section);
  SignetContract *contract = signet_contract_section_get_contract (section);
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_hash_table_remove_all (self->clause_rows);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  self->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_clause_free);

  /* A contract not saved yet has nothing to hang one on. */
  gtk_widget_set_visible (GTK_WIDGET (self), contract != NULL);
  if (contract == NULL)
    return;

  obligations = signet_store_list_obligations (get_store (self), contract_id (self), &error);
  if (obligations == NULL)
    {
      g_warning ("Could not read the obligations: %s", error->message);
      return;
    }

  adw_preferences_group_set_description (self->group,
                                         obligations->len == 0
                                         ? _("No obligations. Add what we or the client must do under this contract, once or on a schedule.")
                                         : NULL);
  if (obligations->len == 0)
    return;

  today = signet_store_dup_today (get_store (self));
  terms = signet_contract_copy (contract);
  signet_store_apply_current_terms (get_store (self), terms);
  people = signet_store_list_people (get_store (self), NULL);

  for (guint i = 0; i < obligations->len; i++)
    add_obligation_row (self, g_ptr_array_index (obligations, i), people, terms, today);

  if (self->clauses->len > 0)
    signet_clause_read_quotes (get_store (self), self->clauses, self->cancellable, quote_read_cb, self);
}

/* Adding and editing */

static void
save_responded_cb (SignetObligationsSection *self,
                   const char               *response,
                   SignetObligationDialog   *dialog)
{
  g_autoptr(SignetObligation) obligation = NULL;
  g_autoptr(GError) error = NULL;
  gboolean adding;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL)
    return;

  obligation = signet_obligation_dialog_dup_obligation (dialog, &error);
  adding = obligation == NULL || obligation->id == 0;
  if (obligation != NULL)
    {
      if (adding)
        signet_store_add_obligation (get_store (self), obligation, &error);
      else
        signet_store_update_obligation (get_store (self), obligation, &error);
    }

  if (error != NULL)
    signet_error_dialog_show (GTK_WIDGET (self),
                              adding ? _("The Obligation Was Not Added") : _("The Obligation Was Not Changed"),
                              error);
}

static void
present_dialog (SignetObligationsSection *self,
                const SignetObligation   *obligation)
{
  g_autoptr(GListModel) people = signet_store_list_people (get_store (self), NULL);
  AdwDialog *dialog = signet_obligation_dialog_new (people, get_store (self), contract_id (self), obligation);

  g_signal_connect_object (dialog, "response", G_CALLBACK (save_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);

  if (get_store (self) != NULL && contract_id (self) > 0)
    present_dialog (self, NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);
  g_autoptr(SignetObligation) obligation = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  obligation = signet_store_get_obligation (get_store (self), g_variant_get_int64 (parameter), &error);
  if (obligation == NULL)
    {
      signet_error_dialog_show (widget, _("The Obligation Was Not Changed"), error);
      return;
    }

  present_dialog (self, obligation);
}

/* Deleting one, with Undo (see SignetUndo) */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_OBLIGATION, g_variant_get_int64 (parameter), &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (widget, _("The Obligation Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

/* Occurrences */

static void
mark_done_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);
  g_autoptr(GError) error = NULL;
  const char *due_date;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &due_date);
  if (get_store (self) != NULL &&
      !signet_store_mark_occurrence_done (get_store (self), id, due_date, NULL, &error))
    signet_error_dialog_show (widget, _("The Occurrence Was Not Marked Done"), error);
}

typedef struct
{
  gint64  id;
  char   *due_date;
} Answering;

static void
answering_free (Answering *answering)
{
  g_free (answering->due_date);
  g_free (answering);
}

static void
done_on_responded_cb (AdwAlertDialog *dialog,
                      const char     *response,
                      gpointer        user_data)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (user_data);
  Answering *answering = g_object_get_data (G_OBJECT (dialog), "signet-answering");
  SignetDateEntry *entry = SIGNET_DATE_ENTRY (g_object_get_data (G_OBJECT (dialog), "signet-date"));
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "done") != 0 || get_store (self) == NULL)
    return;

  if (!signet_date_entry_get_date (entry, &date, &error) ||
      !signet_store_mark_occurrence_done (get_store (self), answering->id, answering->due_date, date, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Occurrence Was Not Marked Done"), error);
}

/* Done on a day of the user's choosing: today is only the likeliest. */
static void
done_on_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);
  Answering *answering = g_new0 (Answering, 1);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *today = NULL;
  AdwDialog *dialog;
  GtkWidget *list;
  GtkWidget *entry;

  if (get_store (self) == NULL)
    {
      g_free (answering);
      return;
    }

  g_variant_get (parameter, "(xs)", &answering->id, &answering->due_date);
  when = signet_date_format_display (answering->due_date);
  today = signet_store_dup_today (get_store (self));

  dialog = adw_alert_dialog_new (_("When Was It Done?"), NULL);
  /* Translators: %s is the day an occurrence of an obligation was due. */
  body = g_strdup_printf (_("The occurrence due on %s. Done after that day, it counts as done late."), when);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "done", _("Mark _Done"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "done", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "done");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = signet_date_entry_new (signet_field_to_label (SIGNET_FIELD_OCCURRENCE_DONE));
  signet_date_entry_set_date (SIGNET_DATE_ENTRY (entry), today);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  signet_field_to_label (SIGNET_FIELD_OCCURRENCE_DONE), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);
  adw_dialog_set_focus (dialog, entry);

  g_object_set_data_full (G_OBJECT (dialog), "signet-answering", answering, (GDestroyNotify) answering_free);
  g_object_set_data (G_OBJECT (dialog), "signet-date", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (done_on_responded_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
reopen_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);
  g_autoptr(GError) error = NULL;
  const char *due_date;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &due_date);
  if (get_store (self) != NULL &&
      !signet_store_reopen_occurrence (get_store (self), id, due_date, &error))
    signet_error_dialog_show (widget, _("The Occurrence Was Not Reopened"), error);
}

static void
waive_responded_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    gpointer        user_data)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (user_data);
  Answering *waiving = g_object_get_data (G_OBJECT (dialog), "signet-answering");
  GtkEditable *note = GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "signet-note"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "waive") != 0 || get_store (self) == NULL)
    return;

  if (!signet_store_waive_occurrence (get_store (self), waiving->id, waiving->due_date,
                                      gtk_editable_get_text (note), &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Occurrence Was Not Waived"), error);
}

static void
waive_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);
  AdwDialog *dialog;
  GtkWidget *list;
  GtkWidget *note;
  Answering *waiving = g_new0 (Answering, 1);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;

  g_variant_get (parameter, "(xs)", &waiving->id, &waiving->due_date);
  when = signet_date_format_display (waiving->due_date);

  dialog = adw_alert_dialog_new (_("Waive This Occurrence?"), NULL);
  /* Translators: %s is the day an occurrence of an obligation was due. */
  body = g_strdup_printf (_("The occurrence due on %s will not be owed. Say why, for the record."), when);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "waive", _("_Waive"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "waive", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "waive");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  note = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Reason Waived"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (note), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason Waived"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list), note);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), list);
  adw_dialog_set_focus (dialog, note);

  g_object_set_data_full (G_OBJECT (dialog), "signet-answering", waiving, (GDestroyNotify) answering_free);
  g_object_set_data (G_OBJECT (dialog), "signet-note", note);
  g_signal_connect_object (dialog, "response", G_CALLBACK (waive_responded_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

/* The clause: its file opens in the viewer at the annotation. */
static void
open_clause_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (widget);
  g_autoptr(SignetClause) clause = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  SignetAttachmentWindow *window;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (get_store (self) == NULL)
    return;

  clause = signet_store_get_clause (get_store (self), g_variant_get_int64 (parameter), &error);
  if (clause != NULL)
    attachment = signet_store_get_attachment (get_store (self), clause->attachment_id, &error);
  if (attachment == NULL)
    {
      if (error == NULL)
        g_set_error (&error, SIGNET_STORE_ERROR, SIGNET_STORE_ERROR_NOT_FOUND,
                     _("The annotation this obligation pointed at was deleted. Edit it to choose another."));
      signet_error_dialog_show (widget, _("The Clause Could Not Be Opened"), error);
      return;
    }

  window = signet_attachment_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          get_store (self), attachment, clause->version_id);
  signet_attachment_window_reveal_annotation (window, clause->annotation_id);
}

static void
signet_obligations_section_dispose (GObject *object)
{
  SignetObligationsSection *self = SIGNET_OBLIGATIONS_SECTION (object);

  if (self->group != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->group));
  self->group = NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->clause_rows, g_hash_table_unref);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_obligations_section_parent_class)->dispose (object);
}

static void
signet_obligations_section_class_init (SignetObligationsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_obligations_section_dispose;

  /* Its obligations, the contract's fields (its end and termination,
   * where the occurrences stop), its amendments (the end in force), its
   * files (the clauses) and the people (the owners). */
  section_class->reload = signet_obligations_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_OBLIGATIONS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_FIELDS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_AMENDMENTS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_ANNOTATIONS);

  signet_contract_section_class_install_write (section_class, "obligations.add", NULL, add_activated);
  signet_contract_section_class_install_write (section_class, "obligations.edit", "x", edit_activated);
  signet_contract_section_class_install_write (section_class, "obligations.delete", "x", delete_activated);
  signet_contract_section_class_install_write (section_class, "obligations.mark-done", "(xs)", mark_done_activated);
  signet_contract_section_class_install_write (section_class, "obligations.done-on", "(xs)", done_on_activated);
  signet_contract_section_class_install_write (section_class, "obligations.waive", "(xs)", waive_activated);
  signet_contract_section_class_install_write (section_class, "obligations.reopen", "(xs)", reopen_activated);
  gtk_widget_class_install_action (widget_class, "obligations.open-clause", "x", open_clause_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_obligations_section_init (SignetObligationsSection *self)
{
  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->clause_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) signet_clause_free);
  self->cancellable = g_cancellable_new ();

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Obligations"));
  self->add_button = gtk_button_new_with_mnemonic (_("Add _Obligation…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "obligations.add");
  gtk_widget_set_tooltip_text (self->add_button, _("Record what we or the client must do under this contract"));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  adw_preferences_group_set_header_suffix (self->group, self->add_button);
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));

  signet_obligations_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_obligations_section_new (void)
{
  return g_object_new (SIGNET_TYPE_OBLIGATIONS_SECTION, NULL);
}
