/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-key-dates-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-contract-process.h"
#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-key-date-dialog.h"
#include "signet-key-dates.h"
#include "signet-key-dates-section.h"
#include "signet-application.h"
#include "signet-reminder-dialog.h"
#include "signet-reminder-notifier.h"
#include "signet-reminders.h"
#include "signet-review-dialog.h"
#include "signet-store-amendments.h"
#include "signet-store-events.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

struct _SignetKeyDatesSection
{
  SignetContractSection parent_instance;

  GtkWidget      *box;
  AdwPreferencesGroup *dates_group;
  /* The dates' rows, as listed now. */
  GPtrArray      *date_rows;
  /* What is left out of the list for the range of dates, and why. */
  GtkLabel       *range_label;
  /* Why a contract shows no notice deadline or review: its status. */
  GtkLabel       *status_label;
  GtkWidget      *add_button;
  GtkWidget      *follow_up_group;
  AdwActionRow   *reviews_row;
  AdwActionRow   *reminders_row;

  /* For the lead times of Preferences, which apply unless the contract
   * has its own. */
  GSettings      *preferences;
};

G_DEFINE_FINAL_TYPE (SignetKeyDatesSection, signet_key_dates_section, SIGNET_TYPE_CONTRACT_SECTION)

static SignetStore *
get_store (SignetKeyDatesSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetKeyDatesSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

/* As stored: the derived dates follow the stored fields, not edits the
 * page has not saved yet. */
static SignetContract *
get_contract (SignetKeyDatesSection *self)
{
  return signet_contract_section_get_contract (SIGNET_CONTRACT_SECTION (self));
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
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->dates_group, row);
  g_ptr_array_add (self->date_rows, row);

  return row;
}

static char *
date_title (SignetKeyDateKind  kind,
            const char        *date,
            const char        *title)
{
  /* In the locale's form, as in the list and the fields. */
  g_autofree char *shown = signet_date_format_display (date);

  /* Translators: a key date in the contract's list, e.g. "Notice deadline:
   * 2027-03-02", or with its own title "Milestone: 2027-01-15 · Handover". */
  if (title != NULL)
    return g_strdup_printf (_("%s: %s · %s"), signet_key_date_kind_to_label (kind), shown, title);

  return g_strdup_printf (_("%s: %s"), signet_key_date_kind_to_label (kind), shown);
}

/* A derived date the agenda lists as overdue is marked so here too: an
 * end, notice deadline or review before today, of a contract in force. */
static void
mark_overdue (SignetKeyDatesSection *self,
              GtkWidget             *row,
              const SignetKeyDate   *key_date,
              const char            *today)
{
  GDate date, today_date;
  GtkWidget *label;
  guint days;
  g_autofree char *text = NULL;

  if (key_date->kind != SIGNET_KEY_DATE_END && key_date->kind != SIGNET_KEY_DATE_NOTICE_DEADLINE &&
      key_date->kind != SIGNET_KEY_DATE_REVIEW)
    return;
  if (!signet_contract_status_is_in_force (signet_contract_get_status (get_contract (self))) ||
      !signet_date_parse (key_date->date, &date) || !signet_date_parse (today, &today_date) ||
      g_date_compare (&date, &today_date) >= 0)
    return;

  days = g_date_get_julian (&today_date) - g_date_get_julian (&date);
  /* Translators: beside a key date on the contract's page that has passed
   * without being dealt with. */
  text = g_strdup_printf (ngettext ("Overdue by %u day", "Overdue by %u days", days), days);
  /* Whole, beside the title, which wraps instead on a narrow page. */
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "overdue");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_add_css_class (row, "overdue");
}

/* A contract not (or no longer) in force has no notice deadline and no
 * review: says so, and why, in words for its status. */
static char *
describe_status (SignetContract *contract)
{
  SignetContractStatus status = signet_contract_get_status (contract);
  guint notice_days = signet_contract_get_auto_renew (contract) ? signet_contract_get_notice_days (contract) : 0;

  switch (status)
    {
    case SIGNET_CONTRACT_STATUS_DRAFT:
      if (notice_days > 0)
        return g_strdup_printf (ngettext ("This contract is a draft. Its notice deadline (%u day before the end) "
                                          "and its reviews start once it is approved or signed.",
                                          "This contract is a draft. Its notice deadline (%u days before the end) "
                                          "and its reviews start once it is approved or signed.", notice_days),
                                notice_days);
      return g_strdup (_("This contract is a draft. Its reviews start once it is approved or signed."));

    case SIGNET_CONTRACT_STATUS_IN_REVIEW:
      if (notice_days > 0)
        return g_strdup_printf (ngettext ("This contract is in review. Its notice deadline (%u day before the end) "
                                          "and its reviews start once it is approved or signed.",
                                          "This contract is in review. Its notice deadline (%u days before the end) "
                                          "and its reviews start once it is approved or signed.", notice_days),
                                notice_days);
      return g_strdup (_("This contract is in review. Its reviews start once it is approved or signed."));

    case SIGNET_CONTRACT_STATUS_EXPIRED:
      return g_strdup (_("This contract has expired: it has no more reviews or notice deadlines."));

    case SIGNET_CONTRACT_STATUS_TERMINATED:
      return g_strdup (_("This contract was terminated: it has no more reviews or notice deadlines."));

    default:
      return NULL;
    }
}

/* The last day a terminated contract has dates: the day its termination
 * takes effect, or today for one that does not say; for a contract let
 * expire at its notice deadline, the end it expires at. NULL for any
 * other contract. */
static const char *
termination_cutoff (SignetContract *contract,
                    const char     *today)
{
  const char *date = signet_contract_get_termination_date (contract);

  if (signet_contract_get_status (contract) != SIGNET_CONTRACT_STATUS_TERMINATED)
    return signet_contract_get_let_expire_end (contract);

  return date != NULL && signet_date_is_valid (date) ? date : today;
}

/* Whether @date (YYYY-MM-DD) falls after @cutoff: dates of a terminated
 * contract that no longer come. */
static gboolean
after_cutoff (const char *date,
              const char *cutoff)
{
  return cutoff != NULL && g_strcmp0 (date, cutoff) > 0;
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

  settings = signet_store_get_reminder_settings (get_store (self), contract_id (self), NULL);

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
  adw_action_row_set_subtitle (self->reminders_row, text->str);
}

static void
signet_key_dates_section_reload (SignetContractSection *section)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (section);
  SignetContract *contract = get_contract (self);
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(GPtrArray) derived = NULL;
  g_autoptr(GPtrArray) omitted = NULL;
  g_autoptr(GPtrArray) user_dates = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *today = NULL;
  g_autofree char *status_text = NULL;
  SignetReviewIntervals intervals;
  const char *last_review = NULL;
  const char *cutoff = NULL;
  guint n_stopped = 0;
  gboolean saved = contract != NULL;

  for (guint i = 0; i < self->date_rows->len; i++)
    adw_preferences_group_remove (self->dates_group, g_ptr_array_index (self->date_rows, i));
  g_ptr_array_set_size (self->date_rows, 0);

  gtk_widget_set_sensitive (self->add_button, saved);
  gtk_widget_set_visible (self->follow_up_group, saved);
  gtk_widget_set_visible (GTK_WIDGET (self->range_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);

  if (!saved)
    {
      adw_preferences_group_set_description (self->dates_group,
                                             _("Save the contract to add key dates and record reviews."));
      return;
    }

  today = signet_store_dup_today (get_store (self));
  signet_store_get_contract_review_intervals (get_store (self), contract, &intervals);
  reviews = signet_store_list_reviews (get_store (self), contract_id (self), NULL);
  if (reviews != NULL && reviews->len > 0)
    last_review = ((SignetReview *) g_ptr_array_index (reviews, 0))->date;

  cutoff = termination_cutoff (contract, today);
  /* From the terms in force today: an amendment that moved the end has
   * moved its notice deadline too. */
  terms = signet_store_get_contract_terms (get_store (self), contract_id (self), today, NULL, NULL, NULL);
  derived = signet_contract_derive_key_dates_full (terms != NULL ? terms : contract, today, last_review,
                                                   &intervals, &omitted);
  for (guint i = 0; i < derived->len; i++)
    {
      SignetKeyDate *key_date = g_ptr_array_index (derived, i);
      g_autofree char *title = NULL;

      if (after_cutoff (key_date->date, cutoff))
        {
          n_stopped++;
          continue;
        }

      title = date_title (key_date->kind, key_date->date, NULL);
      mark_overdue (self, add_row (self, title, key_date->explanation), key_date, today);
    }

  user_dates = signet_store_list_key_dates (get_store (self), contract_id (self), NULL);
  for (guint i = 0; user_dates != NULL && i < user_dates->len; i++)
    {
      SignetUserKeyDate *key_date = g_ptr_array_index (user_dates, i);
      g_autofree char *title = NULL;
      g_autofree char *delete_label = NULL;
      GtkWidget *row;
      GtkWidget *delete_button;

      if (after_cutoff (key_date->date, cutoff))
        {
          n_stopped++;
          continue;
        }

      title = date_title (key_date->kind, key_date->date, key_date->title);
      delete_label = g_strdup_printf (_("Delete %s"), key_date->title);
      row = add_row (self, title, key_date->note);
      delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

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

  adw_preferences_group_set_description (self->dates_group,
                                         self->date_rows->len == 0 ? _("No key dates yet.") : NULL);

  status_text = describe_status (contract);
  if (n_stopped > 0)
    {
      g_autofree char *date = signet_date_format_display (cutoff);
      g_autofree char *said = g_steal_pointer (&status_text);

      /* Translators: the day (%s) a contract's termination took effect,
       * and how many of its dates (%u) fall after it. */
      status_text = g_strdup_printf (ngettext ("Its termination took effect on %s: "
                                               "%u later date is not shown and has no reminder.",
                                               "Its termination took effect on %s: "
                                               "%u later dates are not shown and have no reminders.",
                                               n_stopped),
                                     date, n_stopped);
      if (said != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s\n%s", said, status_text);

          g_free (status_text);
          status_text = g_steal_pointer (&both);
        }
    }
  gtk_label_set_text (self->status_label, status_text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status_text != NULL);

  if (omitted->len > 0)
    {
      g_autofree char *text = NULL;

      g_ptr_array_add (omitted, NULL);
      text = g_strjoinv ("\n", (char **) omitted->pdata);
      gtk_label_set_text (self->range_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->range_label), TRUE);
    }

  if (reviews == NULL || reviews->len == 0)
    adw_action_row_set_subtitle (self->reviews_row, _("No review recorded yet."));
  else
    {
      SignetReview *last = g_ptr_array_index (reviews, 0);
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("%u review recorded; the last on %s by %s.",
                                        "%u reviews recorded; the last on %s by %s.", reviews->len),
                              reviews->len, last->date, last->reviewer);
      adw_action_row_set_subtitle (self->reviews_row, text);
    }

  update_reminders_label (self);
}

/* Adding a key date */

static void
add_responded_cb (SignetKeyDatesSection *self,
                  const char            *response,
                  SignetKeyDateDialog   *dialog)
{
  g_autoptr(SignetUserKeyDate) key_date = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  key_date = signet_key_date_dialog_dup_key_date (dialog, contract_id (self), &error);
  if (key_date == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Key Date Was Not Added"), error);
      return;
    }

  if (!signet_store_add_key_date (get_store (self), key_date, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Key Date Was Not Added"), error);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);
  g_autofree char *today = signet_store_dup_today (get_store (self));
  AdwDialog *dialog = signet_key_date_dialog_new (today);

  g_signal_connect_object (dialog, "response", G_CALLBACK (add_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

/* Deleting one, with Undo (see SignetUndo) */

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_KEY_DATE, id, &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Key Date Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

/* Recording a review */

static void
review_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);

  if (get_store (self) == NULL || contract_id (self) <= 0)
    return;

  signet_review_dialog_present_for_contract (widget, get_store (self), contract_id (self));
}

/* The contract's own reminder lead times */

static void
reminders_responded_cb (SignetKeyDatesSection *self,
                        const char            *response,
                        SignetReminderDialog  *dialog)
{
  g_autoptr(SignetReminderSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL || contract_id (self) <= 0)
    return;

  settings = signet_reminder_dialog_dup_settings (dialog, &error);
  if (settings == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Reminders Were Not Changed"), error);
      return;
    }

  if (!signet_store_set_reminder_settings (get_store (self), contract_id (self), settings, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Reminders Were Not Changed"), error);
}

static void
reminders_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetKeyDatesSection *self = SIGNET_KEY_DATES_SECTION (widget);
  g_autoptr(SignetReminderSettings) settings = signet_store_get_reminder_settings (get_store (self), contract_id (self), NULL);
  AdwDialog *dialog = signet_reminder_dialog_new (settings);

  g_signal_connect_object (dialog, "response", G_CALLBACK (reminders_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
preferences_changed_cb (SignetKeyDatesSection *self,
                        const char            *key,
                        GSettings             *preferences)
{
  if (g_str_has_prefix (key, "reminder-") && get_store (self) != NULL && contract_id (self) > 0)
    update_reminders_label (self);
}

static void
signet_key_dates_section_dispose (GObject *object)
{
  SignetKeyDatesSection *self = (SignetKeyDatesSection *)object;

  if (self->preferences != NULL)
    g_signal_handlers_disconnect_by_data (self->preferences, self);
  g_clear_object (&self->preferences);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->date_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_key_dates_section_parent_class)->dispose (object);
}

static void
signet_key_dates_section_class_init (SignetKeyDatesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_key_dates_section_dispose;

  /* The derived dates follow the contract's fields (its end date, notice
   * period, status and risk level); the others are its key dates. The
   * section's own writes (a key date added or deleted, a review, the
   * reminders) come back to it as these changes too, so it does not
   * reload after them: it would build its rows twice. */
  section_class->reload = signet_key_dates_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_FIELDS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_KEY_DATES);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_AMENDMENTS);

  signet_contract_section_class_install_write (section_class, "key-dates.add", NULL, add_activated);
  signet_contract_section_class_install_write (section_class, "key-dates.delete", "x", delete_activated);
  signet_contract_section_class_install_write (section_class, "key-dates.record-review", NULL, review_activated);
  signet_contract_section_class_install_write (section_class, "key-dates.reminders", NULL, reminders_activated);

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

/* A row of the reviews and reminders, with the button that changes them:
 * its text is the row's subtitle, every line of it. */
static AdwActionRow *
add_follow_up_row (GtkWidget  *group,
                   const char *title,
                   GtkWidget  *button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return ADW_ACTION_ROW (row);
}

static void
signet_key_dates_section_init (SignetKeyDatesSection *self)
{
  GtkWidget *range_label = gtk_label_new (NULL);
  GtkWidget *status_label = gtk_label_new (NULL);

  self->date_rows = g_ptr_array_new ();
  self->preferences = g_settings_new (SIGNET_SETTINGS_SCHEMA);
  g_signal_connect_object (self->preferences, "changed", G_CALLBACK (preferences_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->dates_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->dates_group, _("Key Dates"));
  self->add_button = small_button (_("Add _Key Date…"), "key-dates.add",
                                   _("Add a milestone or another date to this contract"));
  gtk_widget_add_css_class (self->add_button, "flat");
  adw_preferences_group_set_header_suffix (self->dates_group, self->add_button);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->dates_group));

  self->range_label = GTK_LABEL (range_label);
  gtk_label_set_xalign (self->range_label, 0.0f);
  gtk_label_set_wrap (self->range_label, TRUE);
  gtk_label_set_wrap_mode (self->range_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (range_label, 6);
  gtk_widget_add_css_class (range_label, "warning");
  adw_preferences_group_add (self->dates_group, range_label);

  self->status_label = GTK_LABEL (status_label);
  gtk_label_set_xalign (self->status_label, 0.0f);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_wrap_mode (self->status_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (status_label, 6);
  gtk_widget_add_css_class (status_label, "dimmed");
  adw_preferences_group_add (self->dates_group, status_label);

  self->follow_up_group = adw_preferences_group_new ();
  self->reviews_row =
    add_follow_up_row (self->follow_up_group, _("Reviews"),
                       small_button (_("Record _Review…"), "key-dates.record-review",
                                     _("Record that this contract was reviewed")));
  self->reminders_row =
    add_follow_up_row (self->follow_up_group, _("Reminders"),
                       small_button (_("_Reminders…"), "key-dates.reminders",
                                     _("Change when reminders come for this contract")));
  gtk_box_append (GTK_BOX (self->box), self->follow_up_group);

  /* What it says until it has a contract. */
  signet_key_dates_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_key_dates_section_new (void)
{
  return g_object_new (SIGNET_TYPE_KEY_DATES_SECTION, NULL);
}
