/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-key-dates-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-key-dates.h"
#include "signet-key-dates-section.h"
#include "signet-application.h"
#include "signet-reminder-notifier.h"
#include "signet-reminders.h"
#include "signet-store-events.h"

struct _SignetKeyDatesSection
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkListBox     *list;
  /* What is left out of the list for the range of dates, and why. */
  GtkLabel       *range_label;
  GtkWidget      *add_button;
  GtkWidget      *review_button;
  GtkWidget      *reminders_button;
  GtkLabel       *reviews_label;
  GtkLabel       *reminders_label;

  SignetStore    *store;
  SignetContract *contract;
  /* For the lead times of Preferences, which apply unless the contract
   * has its own. */
  GSettings      *preferences;
};

G_DEFINE_FINAL_TYPE (SignetKeyDatesSection, signet_key_dates_section, GTK_TYPE_WIDGET)

static void reload (SignetKeyDatesSection *self);

static gint64
contract_id (SignetKeyDatesSection *self)
{
  return self->contract != NULL ? signet_contract_get_id (self->contract) : 0;
}

static GtkWidget *
add_row (SignetKeyDatesSection *self,
         const char            *title,
         const char            *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
    }
  gtk_list_box_append (self->list, row);

  return row;
}

static char *
date_title (SignetKeyDateKind  kind,
            const char        *date,
            const char        *title)
{
  /* Translators: a key date in the contract's list, e.g. "Notice deadline:
   * 2027-03-02", or with its own title "Milestone: 2027-01-15 · Handover". */
  if (title != NULL)
    return g_strdup_printf (_("%s: %s · %s"), signet_key_date_kind_to_label (kind), date, title);

  return g_strdup_printf (_("%s: %s"), signet_key_date_kind_to_label (kind), date);
}

static char *
leads_text (GArray *leads)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (leads == NULL || leads->len == 0)
    return g_strdup (_("none"));

  for (guint i = 0; i < leads->len; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append_printf (text, "%u", g_array_index (leads, guint, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_reminders_label (SignetKeyDatesSection *self)
{
  g_autoptr(SignetReminderSettings) settings = NULL;
  g_autoptr(SignetReminderSettings) defaults = signet_reminder_settings_new_from_gsettings (self->preferences);
  static const SignetKeyDateKind kinds[] = {
    SIGNET_KEY_DATE_END, SIGNET_KEY_DATE_NOTICE_DEADLINE, SIGNET_KEY_DATE_REVIEW,
  };
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean own = FALSE;

  settings = signet_store_get_reminder_settings (self->store, contract_id (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GArray *leads = settings ? signet_reminder_settings_get_leads (settings, kinds[i]) : NULL;
      g_autofree char *days = NULL;

      own |= leads != NULL;
      days = leads_text (leads != NULL ? leads : signet_reminder_settings_get_leads (defaults, kinds[i]));
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: e.g. "End date: 90, 30, 7 days before". */
      g_string_append_printf (text, _("%s: %s days before"), signet_key_date_kind_to_label (kinds[i]), days);
    }

  g_string_prepend (text, own ? _("Reminders of this contract:\n") : _("Reminders as in Preferences:\n"));
  gtk_label_set_text (self->reminders_label, text->str);
}

static void
reload (SignetKeyDatesSection *self)
{
  g_autoptr(GPtrArray) derived = NULL;
  g_autoptr(GPtrArray) omitted = NULL;
  g_autoptr(GPtrArray) user_dates = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *today = NULL;
  SignetReviewIntervals intervals;
  const char *last_review = NULL;
  gboolean saved = self->store != NULL && contract_id (self) > 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  gtk_widget_set_sensitive (self->add_button, saved);
  gtk_widget_set_sensitive (self->review_button, saved);
  gtk_widget_set_sensitive (self->reminders_button, saved);

  gtk_widget_set_visible (GTK_WIDGET (self->range_label), FALSE);

  if (!saved)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      gtk_label_set_text (self->reviews_label, _("Save the contract to add key dates and record reviews."));
      gtk_label_set_text (self->reminders_label, "");
      return;
    }

  today = signet_store_dup_today (self->store);
  signet_store_get_review_intervals (self->store, &intervals);
  reviews = signet_store_list_reviews (self->store, contract_id (self), NULL);
  if (reviews != NULL && reviews->len > 0)
    last_review = ((SignetReview *) g_ptr_array_index (reviews, 0))->date;

  derived = signet_contract_derive_key_dates_full (self->contract, today, last_review, &intervals, &omitted);
  for (guint i = 0; i < derived->len; i++)
    {
      SignetKeyDate *key_date = g_ptr_array_index (derived, i);
      g_autofree char *title = date_title (key_date->kind, key_date->date, NULL);

      add_row (self, title, key_date->explanation);
    }

  user_dates = signet_store_list_key_dates (self->store, contract_id (self), NULL);
  for (guint i = 0; user_dates != NULL && i < user_dates->len; i++)
    {
      SignetUserKeyDate *key_date = g_ptr_array_index (user_dates, i);
      g_autofree char *title = date_title (key_date->kind, key_date->date, key_date->title);
      g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), key_date->title);
      GtkWidget *row = add_row (self, title, key_date->note);
      GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Kept by a register from before the range: listed, to be corrected
       * or deleted, but in no calendar. */
      if (signet_date_check (key_date->date) == SIGNET_DATE_OUT_OF_RANGE)
        g_ptr_array_add (omitted,
                         /* Translators: the first %s is a key date's title, the second
                          * its date, the others 1900-01-01 and 2199-12-31. */
                         g_strdup_printf (_("The date of “%s”, %s, is outside the dates Signet works with, "
                                            "%s to %s: it is not in the calendar and has no reminders."),
                                          key_date->title, key_date->date, SIGNET_DATE_MIN, SIGNET_DATE_MAX));

      gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete_button, "flat");
      gtk_widget_set_tooltip_text (delete_button, _("Delete this key date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      delete_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "key-dates.delete");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button), g_variant_new_int64 (key_date->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL);

  if (omitted->len > 0)
    {
      g_autofree char *text = NULL;

      g_ptr_array_add (omitted, NULL);
      text = g_strjoinv ("\n", (char **) omitted->pdata);
      gtk_label_set_text (self->range_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->range_label), TRUE);
    }

  if (reviews == NULL || reviews->len == 0)
    gtk_label_set_text (self->reviews_label, _("No review recorded yet."));
  else
    {
      SignetReview *last = g_ptr_array_index (reviews, 0);
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("%u review recorded; the last on %s by %s.",
                                        "%u reviews recorded; the last on %s by %s.", reviews->len),
                              reviews->len, last->date, last->reviewer);
      gtk_label_set_text (self->reviews_label, text);
    }

  update_reminders_label (self);
}

/* Adding a key date */

static void
add_responded_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  SignetKeyDatesSection *self = g_object_get_data (G_OBJECT (dialog), "section");
  GtkDropDown *kinds = g_object_get_data (G_OBJECT (dialog), "kinds");
  SignetDateEntry *date = g_object_get_data (G_OBJECT (dialog), "date");
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "title");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  static const SignetKeyDateKind kind_values[] = {
    SIGNET_KEY_DATE_MILESTONE, SIGNET_KEY_DATE_PAYMENT, SIGNET_KEY_DATE_OTHER,
  };
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (kinds);

  if (g_strcmp0 (response, "add") != 0 || self->store == NULL || contract_id (self) <= 0)
    return;

  key_date = signet_user_key_date_new (contract_id (self), kind_values[MIN (kind, G_N_ELEMENTS (kind_values) - 1)],
                                       signet_date_entry_get_text (date),
                                       gtk_editable_get_text (title), gtk_editable_get_text (note));
  if (!signet_store_add_key_date (self->store, key_date, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Key Date Was Not Added"), error);
  reload (self);
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 0.0f);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return box;
}

static GtkWidget *
new_dialog (SignetKeyDatesSection *self,
            const char            *heading,
            GtkWidget             *extra,
            const char            *accept_id,
            const char            *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    accept_id, accept_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), accept_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), accept_id);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "section", g_object_ref (self), g_object_unref);

  return dialog;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);
  const char *kind_labels[] = {
    signet_key_date_kind_to_label (SIGNET_KEY_DATE_MILESTONE),
    signet_key_date_kind_to_label (SIGNET_KEY_DATE_PAYMENT),
    signet_key_date_kind_to_label (SIGNET_KEY_DATE_OTHER),
    NULL,
  };
  g_autofree char *today = signet_store_dup_today (self->store);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *kinds = gtk_drop_down_new_from_strings (kind_labels);
  GtkWidget *date = signet_date_entry_new ();
  GtkWidget *title = gtk_entry_new ();
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *dialog;

  signet_date_entry_set_text (SIGNET_DATE_ENTRY (date), today);
  gtk_entry_set_activates_default (GTK_ENTRY (title), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_box_append (GTK_BOX (box), labelled (_("Kind"), kinds));
  gtk_box_append (GTK_BOX (box), labelled (_("Date"), date));
  gtk_box_append (GTK_BOX (box), labelled (_("Title"), title));
  gtk_box_append (GTK_BOX (box), labelled (_("Note"), note));

  dialog = new_dialog (self, _("Add a Key Date"), box, "add", _("_Add"));
  g_object_set_data (G_OBJECT (dialog), "kinds", kinds);
  g_object_set_data (G_OBJECT (dialog), "date", date);
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect (dialog, "response", G_CALLBACK (add_responded_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title);
}

/* Deleting one, with Undo */

static void
undo_delete_clicked_cb (AdwToast *toast,
                        gpointer  user_data)
{
  SignetKeyDatesSection *self = g_object_get_data (G_OBJECT (toast), "section");
  SignetUserKeyDate *deleted = g_object_get_data (G_OBJECT (toast), "key-date");
  g_autoptr(SignetUserKeyDate) again = signet_user_key_date_copy (deleted);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  again->id = 0;
  if (!signet_store_add_key_date (self->store, again, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Key Date Could Not Be Restored"), error);
  reload (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(SignetUserKeyDate) key_date = signet_store_get_key_date (self->store, id, NULL);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (key_date == NULL)
    return;

  if (!signet_store_delete_key_date (self->store, id, &error))
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Key Date Was Not Deleted"), error);
      return;
    }
  reload (self);

  toast = adw_toast_new_format (_("Key date “%s” deleted"), key_date->title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "section", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "key-date", g_steal_pointer (&key_date),
                          (GDestroyNotify) signet_user_key_date_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_clicked_cb), NULL);
  signet_toast_show (widget, toast);
}

/* Recording a review */

static void
review_responded_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  SignetKeyDatesSection *self = g_object_get_data (G_OBJECT (dialog), "section");
  SignetDateEntry *date = g_object_get_data (G_OBJECT (dialog), "date");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0 || self->store == NULL || contract_id (self) <= 0)
    return;

  if (!signet_store_record_review (self->store, contract_id (self), signet_date_entry_get_text (date),
                                   NULL, gtk_editable_get_text (note), NULL, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Review Was Not Recorded"), error);
  reload (self);
}

static void
review_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);
  g_autofree char *today = signet_store_dup_today (self->store);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *date = signet_date_entry_new ();
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *dialog;

  signet_date_entry_set_text (SIGNET_DATE_ENTRY (date), today);
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What was checked, and what was found"));
  gtk_box_append (GTK_BOX (box), labelled (_("Date of the review"), date));
  gtk_box_append (GTK_BOX (box), labelled (_("Note"), note));

  dialog = new_dialog (self, _("Record a Review"), box, "record", _("_Record"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The next review is counted from this one, by the contract’s risk level."));
  g_object_set_data (G_OBJECT (dialog), "date", date);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect (dialog, "response", G_CALLBACK (review_responded_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The contract's own reminder lead times */

static gboolean
parse_leads (GtkEditable  *entry,
             GArray      **leads,
             GError      **error)
{
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* Left empty: as in Preferences. */
  *leads = NULL;
  if (*trimmed == '\0')
    return TRUE;

  *leads = signet_reminder_leads_parse (text, error);

  return *leads != NULL;
}

static void
reminders_responded_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  SignetKeyDatesSection *self = g_object_get_data (G_OBJECT (dialog), "section");
  GtkEditable *entries[3] = {
    g_object_get_data (G_OBJECT (dialog), "end"),
    g_object_get_data (G_OBJECT (dialog), "notice"),
    g_object_get_data (G_OBJECT (dialog), "review"),
  };
  g_autoptr(SignetReminderSettings) settings = signet_reminder_settings_new ();
  GArray **slots[3] = { &settings->end_leads, &settings->notice_leads, &settings->review_leads };
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL || contract_id (self) <= 0)
    return;

  for (guint i = 0; i < 3; i++)
    if (!parse_leads (entries[i], slots[i], &error))
      {
        signet_error_dialog_show (GTK_WIDGET (self), _("The Reminders Were Not Changed"), error);
        return;
      }

  if (!signet_store_set_reminder_settings (self->store, contract_id (self), settings, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Reminders Were Not Changed"), error);
  reload (self);
}

static GtkWidget *
leads_entry (SignetReminderSettings *settings,
             SignetKeyDateKind       kind)
{
  GtkWidget *entry = gtk_entry_new ();
  GArray *leads = settings ? signet_reminder_settings_get_leads (settings, kind) : NULL;

  if (leads != NULL)
    {
      g_autofree char *text = signet_reminder_leads_to_string (leads);

      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("As in Preferences"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);

  return entry;
}

static void
reminders_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);
  g_autoptr(SignetReminderSettings) settings = signet_store_get_reminder_settings (self->store, contract_id (self), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *end = leads_entry (settings, SIGNET_KEY_DATE_END);
  GtkWidget *notice = leads_entry (settings, SIGNET_KEY_DATE_NOTICE_DEADLINE);
  GtkWidget *review = leads_entry (settings, SIGNET_KEY_DATE_REVIEW);
  GtkWidget *dialog;

  gtk_box_append (GTK_BOX (box), labelled (_("Days before the end date"), end));
  gtk_box_append (GTK_BOX (box), labelled (_("Days before the notice deadline"), notice));
  gtk_box_append (GTK_BOX (box), labelled (_("Days before a review"), review));

  dialog = new_dialog (self, _("Reminders for This Contract"), box, "save", _("_Save"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Write the days separated by spaces, such as “60 14 3”. "
                                 "Leave a field empty to follow Preferences."));
  g_object_set_data (G_OBJECT (dialog), "end", end);
  g_object_set_data (G_OBJECT (dialog), "notice", notice);
  g_object_set_data (G_OBJECT (dialog), "review", review);
  g_signal_connect (dialog, "response", G_CALLBACK (reminders_responded_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_changed_cb (SignetKeyDatesSection *self,
                  SignetRecordKind       kind,
                  gint64                 id,
                  SignetChangeKind       change,
                  SignetStore           *store)
{
  if (kind == SIGNET_RECORD_CONTRACT && id == contract_id (self) && change != SIGNET_CHANGE_REMOVED)
    reload (self);
}

static void
preferences_changed_cb (SignetKeyDatesSection *self,
                        const char            *key,
                        GSettings             *preferences)
{
  if (g_str_has_prefix (key, "reminder-") && self->store != NULL && contract_id (self) > 0)
    update_reminders_label (self);
}

static void
signet_key_dates_section_dispose (GObject *object)
{
  SignetKeyDatesSection *self = (SignetKeyDatesSection *)object;

  if (self->preferences != NULL)
    g_signal_handlers_disconnect_by_data (self->preferences, self);
  g_clear_object (&self->preferences);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->contract);

  G_OBJECT_CLASS (signet_key_dates_section_parent_class)->dispose (object);
}

static void
signet_key_dates_section_class_init (SignetKeyDatesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_key_dates_section_dispose;

  gtk_widget_class_install_action (widget_class, "key-dates.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "key-dates.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "key-dates.record-review", NULL, review_activated);
  gtk_widget_class_install_action (widget_class, "key-dates.reminders", NULL, reminders_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
small_button (const char *label,
              const char *action,
              const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  return button;
}

static GtkLabel *
note_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");

  return GTK_LABEL (label);
}

static void
signet_key_dates_section_init (SignetKeyDatesSection *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (_("Key Dates"));
  GtkWidget *reviews = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *reminders = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->preferences = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  g_signal_connect_object (self->preferences, "changed", G_CALLBACK (preferences_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  self->add_button = small_button (_("Add _Key Date…"), "key-dates.add",
                                   _("Add a milestone, a payment or another date to this contract"));
  gtk_box_append (GTK_BOX (header), self->add_button);
  gtk_box_append (GTK_BOX (self->box), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key Dates"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));

  self->range_label = note_label ();
  gtk_widget_remove_css_class (GTK_WIDGET (self->range_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->range_label), "warning");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->range_label));

  self->reviews_label = note_label ();
  gtk_box_append (GTK_BOX (reviews), GTK_WIDGET (self->reviews_label));
  self->review_button = small_button (_("Record _Review…"), "key-dates.record-review",
                                      _("Record that this contract was reviewed"));
  gtk_box_append (GTK_BOX (reviews), self->review_button);
  gtk_widget_set_margin_top (reviews, 6);
  gtk_box_append (GTK_BOX (self->box), reviews);

  self->reminders_label = note_label ();
  gtk_box_append (GTK_BOX (reminders), GTK_WIDGET (self->reminders_label));
  self->reminders_button = small_button (_("_Reminders…"), "key-dates.reminders",
                                         _("Change when reminders come for this contract"));
  gtk_box_append (GTK_BOX (reminders), self->reminders_button);
  gtk_box_append (GTK_BOX (self->box), reminders);

  reload (self);
}

GtkWidget *
signet_key_dates_section_new (void)
{
  return g_object_new (SIGNET_TYPE_KEY_DATES_SECTION, NULL);
}

void
signet_key_dates_section_set_store (SignetKeyDatesSection *self,
                                    SignetStore           *store)
{
  g_return_if_fail (SIGNET_IS_KEY_DATES_SECTION (self));
  g_return_if_fail (store == NULL || SIGNET_IS_STORE (store));

  if (!signet_store_set_watched (&self->store, store, self, G_CALLBACK (store_changed_cb), NULL))
    return;

  g_clear_object (&self->contract);
  reload (self);
}

void
signet_key_dates_section_set_contract (SignetKeyDatesSection *self,
                                       SignetContract        *contract)
{
  g_return_if_fail (SIGNET_IS_KEY_DATES_SECTION (self));
  g_return_if_fail (contract == NULL || SIGNET_IS_CONTRACT (contract));

  /* The page hands the stored contract over again after every change to
   * it; a change to its key dates or reviews reloads through "changed". */
  if (self->contract != NULL && contract != NULL && signet_contract_equal (self->contract, contract))
    return;

  g_clear_object (&self->contract);
  if (contract != NULL)
    self->contract = signet_contract_copy (contract);
  reload (self);
}
