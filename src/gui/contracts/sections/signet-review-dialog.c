/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-review-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-person.h"
#include "signet-review-dialog.h"
#include "signet-store-events.h"
#include "signet-store-people.h"

/* The days an action is given when nobody says otherwise. */
#define ACTION_DAYS 30

/* The rows of one follow-up action: an issue's, inside its item's row, or
 * one added without an item. */
typedef struct
{
  GtkWidget *description;    /* AdwEntryRow */
  GtkWidget *owner;          /* AdwComboRow */
  GtkWidget *due;            /* SignetDateEntry */
  /* The finding last copied into the description: while the description
   * still says it, it follows the finding. */
  char      *copied;
} ActionRows;

typedef struct
{
  char       *item;
  GtkWidget  *row;            /* GtkListBoxRow: the item over its answers */
  GtkWidget  *buttons[SIGNET_REVIEW_ANSWER_NA + 1];  /* GtkToggleButton, NONE unused */
  GtkWidget  *finding;        /* AdwEntryRow */
  ActionRows *action;
} ItemRows;

struct _SignetReviewDialog
{
  AdwAlertDialog   parent_instance;

  SignetDateEntry *date_row;
  GtkEditable     *note_row;
  GtkWidget       *checklist_label;
  GtkListBox      *checklist_list;
  GtkListBox      *actions_list;
  GtkWidget       *follow_up_list;
  SignetDateEntry *follow_up_row;
  GtkLabel        *hint_label;

  char            *today;
  /* The names the owner rows offer, "Nobody" first, and their people's
   * ids (0 for nobody). */
  GtkStringList   *owner_names;
  GArray          *owner_ids;
  GPtrArray       *items;      /* of ItemRows */
  GPtrArray       *actions;    /* of ActionRows, the ones added */
  /* The follow-up date last suggested: while the field still shows it, it
   * follows the actions' due dates. */
  char            *suggested_text;
  /* What Record records into, when opened for a contract. */
  SignetStore     *store;
  gint64           contract_id;
  /* Set while update_state() writes into the fields it reads. */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (SignetReviewDialog, signet_review_dialog, ADW_TYPE_ALERT_DIALOG)

static void update_state (SignetReviewDialog *self);

static void
action_rows_free (ActionRows *rows)
{
  g_free (rows->copied);
  g_free (rows);
}

static void
item_rows_free (ItemRows *rows)
{
  g_clear_pointer (&rows->action, action_rows_free);
  g_free (rows->item);
  g_free (rows);
}

static char *
default_due (SignetReviewDialog *self)
{
  GDate date;

  if (!signet_date_parse (self->today, &date) || !signet_date_add_days (&date, ACTION_DAYS))
    return NULL;

  return signet_date_to_iso (&date);
}

static void
editable_changed_cb (SignetReviewDialog *self)
{
  update_state (self);
}

/* The rows of a new action, each named for @item (NULL: one added) so that
 * a screen reader tells one action's from another's. */
static ActionRows *
action_rows_new (SignetReviewDialog *self,
                 const char         *item)
{
  ActionRows *rows = g_new0 (ActionRows, 1);
  g_autofree char *due = default_due (self);
  g_autofree char *description_label = NULL;
  g_autofree char *owner_label = NULL;
  g_autofree char *due_label = NULL;

  if (item != NULL)
    {
      /* Translators: accessible names of the rows of an issue's follow-up
       * action; %s is the checklist item. */
      description_label = g_strdup_printf (_("Follow-up action for “%s”"), item);
      owner_label = g_strdup_printf (_("Owner of the action for “%s”"), item);
      due_label = g_strdup_printf (_("Due date of the action for “%s”"), item);
    }

  rows->description = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->description), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->description), _("Follow-up action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->description), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description_label != NULL ? description_label : _("Follow-up action"), -1);
  g_signal_connect_object (rows->description, "changed", G_CALLBACK (editable_changed_cb), self, G_CONNECT_SWAPPED);

  rows->owner = adw_combo_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->owner), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->owner), _("Owner"));
  adw_combo_row_set_model (ADW_COMBO_ROW (rows->owner), G_LIST_MODEL (self->owner_names));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->owner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  owner_label != NULL ? owner_label : _("Owner"), -1);

  rows->due = signet_date_entry_new (_("Due date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->due), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  due_label != NULL ? due_label : _("Due date"), -1);
  signet_date_entry_set_date (SIGNET_DATE_ENTRY (rows->due), due);
  g_signal_connect_object (rows->due, "changed", G_CALLBACK (editable_changed_cb), self, G_CONNECT_SWAPPED);

  return rows;
}

static void
action_rows_set_visible (ActionRows *rows,
                         gboolean    visible)
{
  gtk_widget_set_visible (rows->description, visible);
  gtk_widget_set_visible (rows->owner, visible);
  gtk_widget_set_visible (rows->due, visible);
}

static SignetReviewAnswer
item_answer (ItemRows *rows)
{
  for (SignetReviewAnswer a = SIGNET_REVIEW_ANSWER_OK; a <= SIGNET_REVIEW_ANSWER_NA; a++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rows->buttons[a])))
      return a;

  return SIGNET_REVIEW_ANSWER_NONE;
}

/* An action as its rows read now, @fallback its description when that is
 * empty; NULL with @error for a due date that is not one. */
static SignetReviewAction *
read_action (SignetReviewDialog  *self,
             ActionRows          *rows,
             const char          *fallback,
             GError             **error)
{
  g_autofree char *due = NULL;
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->description))));
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (rows->owner));
  gint64 owner_id = selected < self->owner_ids->len ? g_array_index (self->owner_ids, gint64, selected) : 0;

  if (!signet_date_entry_get_date (SIGNET_DATE_ENTRY (rows->due), &due, error))
    return NULL;

  return signet_review_action_new (*description != '\0' ? description : fallback, owner_id, due);
}

/* What Record waits for, and the follow-up date while it is the one
 * suggested. */
static void
update_state (SignetReviewDialog *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  const char *latest = NULL;
  g_autofree char *latest_owned = NULL;
  gboolean blank_action = FALSE;
  guint n_actions = 0;

  if (self->updating)
    return;
  self->updating = TRUE;

  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRows *rows = g_ptr_array_index (self->items, i);
      SignetReviewAnswer answer = item_answer (rows);
      const char *finding = gtk_editable_get_text (GTK_EDITABLE (rows->finding));
      const char *description = gtk_editable_get_text (GTK_EDITABLE (rows->action->description));
      gboolean issue = answer == SIGNET_REVIEW_ANSWER_ISSUE;
      g_autofree char *stripped = g_strstrip (g_strdup (finding));

      /* A finding is asked for once the item is answered. */
      gtk_widget_set_visible (rows->finding, answer != SIGNET_REVIEW_ANSWER_NONE);
      action_rows_set_visible (rows->action, issue);
      if (issue && *stripped == '\0')
        g_ptr_array_add (missing, rows->item);

      /* The description follows the finding until the user writes one. */
      if (g_strcmp0 (description, rows->action->copied != NULL ? rows->action->copied : "") == 0 &&
          g_strcmp0 (description, finding) != 0)
        {
          g_free (rows->action->copied);
          rows->action->copied = g_strdup (finding);
          gtk_editable_set_text (GTK_EDITABLE (rows->action->description), finding);
        }
    }

  for (guint i = 0; i < self->items->len + self->actions->len; i++)
    {
      ActionRows *rows;
      g_autofree char *due = NULL;

      if (i < self->items->len)
        {
          ItemRows *item = g_ptr_array_index (self->items, i);

          if (item_answer (item) != SIGNET_REVIEW_ANSWER_ISSUE)
            continue;
          rows = item->action;
        }
      else
        {
          g_autofree char *text = NULL;

          rows = g_ptr_array_index (self->actions, i - self->items->len);
          text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->description))));
          blank_action |= *text == '\0';
        }

      n_actions++;
      if (signet_date_entry_get_date (SIGNET_DATE_ENTRY (rows->due), &due, NULL) && due != NULL &&
          g_strcmp0 (due, latest) > 0)
        {
          g_free (latest_owned);
          latest = latest_owned = g_steal_pointer (&due);
        }
    }

  gtk_widget_set_visible (self->follow_up_list, n_actions > 0);
  if (n_actions > 0)
    {
      const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row));
      g_autofree char *suggested = latest != NULL ? g_strdup (latest) : default_due (self);

      if (self->suggested_text == NULL || g_strcmp0 (shown, self->suggested_text) == 0 || *shown == '\0')
        {
          signet_date_entry_set_date (self->follow_up_row, suggested);
          g_free (self->suggested_text);
          self->suggested_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row)));
        }
    }

  if (missing->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (missing, NULL);
      /* Translators: joins the checklist items that lack a finding. */
      names = g_strjoinv (_("”, “"), (char **) missing->pdata);
      text = g_strdup_printf (ngettext ("Describe the finding of the issue “%s” to record the review.",
                                        "Describe the findings of the issues “%s” to record the review.",
                                        missing->len - 1),
                              names);
      gtk_label_set_text (self->hint_label, text);
    }
  else if (blank_action)
    gtk_label_set_text (self->hint_label, _("Describe each follow-up action, or remove it, to record the review."));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), missing->len > 0 || blank_action);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "record", missing->len == 0 && !blank_action);
  self->updating = FALSE;
}

static void
answer_toggled_cb (SignetReviewDialog *self,
                   GtkToggleButton    *button)
{
  if (gtk_toggle_button_get_active (button))
    update_state (self);
}

static void
signet_review_dialog_dispose (GObject *object)
{
  SignetReviewDialog *self = SIGNET_REVIEW_DIALOG (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_object (&self->owner_names);
  g_clear_pointer (&self->today, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->suggested_text, g_free);

  G_OBJECT_CLASS (signet_review_dialog_parent_class)->dispose (object);
}

static void
remove_action_clicked_cb (SignetReviewDialog *self,
                          GtkButton          *button)
{
  ActionRows *rows = g_object_get_data (G_OBJECT (button), "action-rows");

  gtk_list_box_remove (self->actions_list, rows->description);
  gtk_list_box_remove (self->actions_list, rows->owner);
  gtk_list_box_remove (self->actions_list, rows->due);
  g_ptr_array_remove (self->actions, rows);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), self->actions->len > 0);
  update_state (self);
}

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SignetReviewDialog *self = SIGNET_REVIEW_DIALOG (widget);
  ActionRows *rows = action_rows_new (self, NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this action"), -1);
  g_object_set_data (G_OBJECT (remove), "action-rows", rows);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_action_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (rows->description), remove);

  gtk_list_box_append (self->actions_list, rows->description);
  gtk_list_box_append (self->actions_list, rows->owner);
  gtk_list_box_append (self->actions_list, rows->due);
  g_ptr_array_add (self->actions, rows);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), TRUE);
  gtk_widget_grab_focus (rows->description);
  update_state (self);
}

static void
signet_review_dialog_class_init (SignetReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_review_dialog_dispose;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, checklist_label);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, actions_list);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, follow_up_list);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, SignetReviewDialog, hint_label);

  gtk_widget_class_install_action (widget_class, "review.add-action", NULL, add_action_activated);
}

static void
signet_review_dialog_init (SignetReviewDialog *self)
{
  gint64 nobody = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_rows_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_rows_free);
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Translators: the owner of a follow-up action nobody was named for. */
  self->owner_names = gtk_string_list_new ((const char * const []) { C_("owner", "Nobody"), NULL });
  g_array_append_val (self->owner_ids, nobody);
  g_signal_connect_object (self->follow_up_row, "changed", G_CALLBACK (editable_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

AdwDialog *
signet_review_dialog_new (const char *today)
{
  SignetReviewDialog *self = g_object_new (SIGNET_TYPE_REVIEW_DIALOG, NULL);

  self->today = g_strdup (today);
  signet_date_entry_set_date (self->date_row, today);

  return ADW_DIALOG (self);
}

void
signet_review_dialog_set_people (SignetReviewDialog *self,
                                 GListModel         *people)
{
  guint n;

  g_return_if_fail (SIGNET_IS_REVIEW_DIALOG (self));

  n = people != NULL ? g_list_model_get_n_items (people) : 0;
  g_array_set_size (self->owner_ids, 1);
  gtk_string_list_splice (self->owner_names, 1, g_list_model_get_n_items (G_LIST_MODEL (self->owner_names)) - 1,
                          NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
      gint64 id = signet_person_get_id (person);

      gtk_string_list_append (self->owner_names, signet_person_get_name (person));
      g_array_append_val (self->owner_ids, id);
    }
}

void
signet_review_dialog_set_checklist (SignetReviewDialog  *self,
                                    const char * const  *clauses)
{
  static const SignetReviewAnswer answers[] = {
    SIGNET_REVIEW_ANSWER_OK, SIGNET_REVIEW_ANSWER_ISSUE, SIGNET_REVIEW_ANSWER_NA,
  };

  g_return_if_fail (SIGNET_IS_REVIEW_DIALOG (self));

  gtk_list_box_remove_all (self->checklist_list);
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; clauses != NULL && clauses[i] != NULL; i++)
    {
      ItemRows *rows = g_new0 (ItemRows, 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *item_box;
      GtkWidget *label;
      GtkToggleButton *group = NULL;
      g_autofree char *finding_label = NULL;

      rows->item = g_strdup (clauses[i]);
      /* The item over its three answers, rather than beside them: a long
       * item keeps its words whole in a dialog as narrow as a phone. */
      rows->row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rows->row), FALSE);
      item_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_start (item_box, 12);
      gtk_widget_set_margin_end (item_box, 12);
      gtk_widget_set_margin_top (item_box, 8);
      gtk_widget_set_margin_bottom (item_box, 8);
      /* The item is the user's text, never markup. */
      label = gtk_label_new (clauses[i]);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_box_append (GTK_BOX (item_box), label);

      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_halign (box, GTK_ALIGN_START);
      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        {
          GtkWidget *button = gtk_toggle_button_new_with_label (a == 2 ? C_("review answer", "N/A")
                                                                       : signet_review_answer_to_label (answers[a]));
          /* Translators: the accessible name of an answer's button: the
           * answer, then the checklist item, e.g. "Issue: Terms compliant". */
          g_autofree char *accessible = g_strdup_printf (_("%s: %s"), signet_review_answer_to_label (answers[a]),
                                                         clauses[i]);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          gtk_widget_set_tooltip_text (button, signet_review_answer_to_label (answers[a]));
          if (group != NULL)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
          else
            group = GTK_TOGGLE_BUTTON (button);
          g_signal_connect_object (button, "toggled", G_CALLBACK (answer_toggled_cb), self, G_CONNECT_SWAPPED);
          gtk_box_append (GTK_BOX (box), button);
          rows->buttons[answers[a]] = button;
        }
      gtk_box_append (GTK_BOX (item_box), box);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (rows->row), item_box);
      gtk_list_box_append (self->checklist_list, rows->row);

      rows->finding = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->finding), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->finding), _("Finding"));
      /* Translators: the accessible name of an item's finding. */
      finding_label = g_strdup_printf (_("Finding for “%s”"), clauses[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rows->finding), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      finding_label, -1);
      g_signal_connect_object (rows->finding, "changed", G_CALLBACK (editable_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->checklist_list, rows->finding);

      rows->action = action_rows_new (self, clauses[i]);
      gtk_list_box_append (self->checklist_list, rows->action->description);
      gtk_list_box_append (self->checklist_list, rows->action->owner);
      gtk_list_box_append (self->checklist_list, rows->action->due);

      g_ptr_array_add (self->items, rows);
    }

  gtk_widget_set_visible (self->checklist_label, self->items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_list), self->items->len > 0);
  update_state (self);
}

SignetReviewReport *
signet_review_dialog_dup_report (SignetReviewDialog  *self,
                                 gint64               contract_id,
                                 GError             **error)
{
  g_autoptr(SignetReviewReport) report = NULL;
  g_autofree char *date = NULL;
  g_autofree char *follow_up = NULL;

  g_return_val_if_fail (SIGNET_IS_REVIEW_DIALOG (self), NULL);

  if (!signet_date_entry_get_date (self->date_row, &date, error))
    return NULL;

  report = signet_review_report_new (contract_id, date != NULL ? date : "");
  report->note = g_strdup (gtk_editable_get_text (self->note_row));

  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRows *rows = g_ptr_array_index (self->items, i);
      SignetReviewAnswer answer = item_answer (rows);
      g_autofree char *finding = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->finding))));

      g_ptr_array_add (report->items, signet_review_item_new (rows->item, answer, *finding != '\0' ? finding : NULL));
      if (answer == SIGNET_REVIEW_ANSWER_ISSUE)
        {
          SignetReviewAction *action = read_action (self, rows->action, finding, error);

          if (action == NULL)
            return NULL;
          g_ptr_array_add (report->actions, action);
        }
    }

  for (guint i = 0; i < self->actions->len; i++)
    {
      SignetReviewAction *action = read_action (self, g_ptr_array_index (self->actions, i), NULL, error);

      if (action == NULL)
        return NULL;
      g_ptr_array_add (report->actions, action);
    }

  if (report->actions->len > 0)
    {
      if (!signet_date_entry_get_date (self->follow_up_row, &follow_up, error))
        return NULL;
      report->follow_up_date = g_steal_pointer (&follow_up);
    }

  return g_steal_pointer (&report);
}

static void
contract_review_responded_cb (SignetReviewDialog *self,
                              const char         *response,
                              GtkWidget          *parent)
{
  g_autoptr(SignetReviewReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0 || self->store == NULL)
    return;

  report = signet_review_dialog_dup_report (self, self->contract_id, &error);
  if (report == NULL || !signet_store_record_review_report (self->store, report, &error))
    signet_error_dialog_show (parent, _("The Review Was Not Recorded"), error);
}

void
signet_review_dialog_present_for_contract (GtkWidget   *parent,
                                           SignetStore *store,
                                           gint64       contract_id)
{
  g_autofree char *today = NULL;
  g_auto(GStrv) checklist = NULL;
  g_autoptr(GListModel) people = NULL;
  AdwDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (SIGNET_IS_STORE (store));

  today = signet_store_dup_today (store);
  dialog = signet_review_dialog_new (today);
  /* A register that cannot read them records a review without a
   * checklist, or with nobody to own its actions, rather than none. */
  checklist = signet_store_dup_review_checklist (store, contract_id, NULL);
  people = signet_store_list_people (store, NULL);
  signet_review_dialog_set_people (SIGNET_REVIEW_DIALOG (dialog), people);
  signet_review_dialog_set_checklist (SIGNET_REVIEW_DIALOG (dialog), (const char * const *) checklist);

  SIGNET_REVIEW_DIALOG (dialog)->store = g_object_ref (store);
  SIGNET_REVIEW_DIALOG (dialog)->contract_id = contract_id;
  g_signal_connect_object (dialog, "response", G_CALLBACK (contract_review_responded_cb), parent, 0);
  adw_dialog_present (dialog, parent);
}
