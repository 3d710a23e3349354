/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-reviews-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-error-dialog.h"
#include "signet-review-action-dialog.h"
#include "signet-review-dialog.h"
#include "signet-reviews-section.h"
#include "signet-store-events.h"
#include "signet-store-people.h"
#include "signet-store-review-findings.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

struct _SignetReviewsSection
{
  SignetContractSection parent_instance;

  GtkWidget           *box;
  AdwPreferencesGroup *group;
  GtkWidget           *record_button;
  /* The reviews' rows, as listed now. */
  GPtrArray           *rows;
  /* The ids of the reviews whose rows are open: a reload after Mark Done
   * keeps them open. */
  GHashTable          *expanded;
  /* The reviews as listed now, of SignetReviewReport: what an action's
   * dialog starts from. */
  GPtrArray           *reports;
  /* The review Add Follow-up Action… adds to, while its dialog is open. */
  gint64               adding_to;
};

G_DEFINE_FINAL_TYPE (SignetReviewsSection, signet_reviews_section, SIGNET_TYPE_CONTRACT_SECTION)

static SignetStore *
get_store (SignetReviewsSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
contract_id (SignetReviewsSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Items, findings and actions are the user's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
new_tag (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static const char *
answer_style (SignetReviewAnswer answer)
{
  switch (answer)
    {
    case SIGNET_REVIEW_ANSWER_OK:    return "success";
    case SIGNET_REVIEW_ANSWER_ISSUE: return "error";
    case SIGNET_REVIEW_ANSWER_NA:
    case SIGNET_REVIEW_ANSWER_NONE:
    default:                         return "dimmed";
    }
}

/* "2 issues, 1 not answered · 1 open action · follow-up review on …". */
static char *
describe_report (const SignetReviewReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint issues = signet_review_report_count_answers (report, SIGNET_REVIEW_ANSWER_ISSUE);
  guint unanswered = signet_review_report_count_answers (report, SIGNET_REVIEW_ANSWER_NONE);
  guint open = signet_review_report_count_open_actions (report);

  if (issues > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u issue", "%u issues", issues), issues));
  else if (report->items->len > 0 && unanswered < report->items->len)
    g_ptr_array_add (parts, g_strdup (_("No issues")));
  if (unanswered > 0 && report->items->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u item not answered", "%u items not answered", unanswered),
                                             unanswered));
  if (open > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u open action", "%u open actions", open), open));
  else if (report->actions->len > 0)
    g_ptr_array_add (parts, g_strdup (_("Every action done")));
  if (open > 0 && report->follow_up_date != NULL)
    {
      g_autofree char *date = signet_date_format_display (report->follow_up_date);

      /* Translators: %s is the date of a review's follow-up review. */
      g_ptr_array_add (parts, g_strdup_printf (_("follow-up review on %s"), date));
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: joins the parts of a review's summary. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GtkWidget *
small_button (const char *label,
              const char *action,
              gint64      id,
              const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return button;
}

static GtkWidget *
action_row (const SignetReviewAction *action,
            const char               *today)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *mark_label = NULL;
  GtkWidget *row;

  /* Translators: the owner of a follow-up action, in its row. */
  g_string_append_printf (subtitle, _("Owner: %s"), action->owner_name != NULL ? action->owner_name : C_("owner", "Nobody"));
  if (action->due_date != NULL)
    {
      g_autofree char *due = signet_date_format_display (action->due_date);

      g_string_append (subtitle, _(" · "));
      /* Translators: the due date of a follow-up action, in its row. */
      g_string_append_printf (subtitle, _("due on %s"), due);
    }
  if (action->done_date != NULL)
    {
      g_autofree char *done = signet_date_format_display (action->done_date);

      g_string_append (subtitle, _(" · "));
      /* Translators: when a follow-up action was marked done. */
      g_string_append_printf (subtitle, _("done on %s"), done);
    }

  row = new_row (action->description, subtitle->str);
  /* Activating the row changes the action. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "reviews.edit-action");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (action->id));
  gtk_widget_set_tooltip_text (row, _("Change the description, owner or due date of this action"));
  if (signet_review_action_is_overdue (action, today))
    {
      GDate due, now;
      guint days = 0;
      g_autofree char *text = NULL;

      if (signet_date_parse (action->due_date, &due) && signet_date_parse (today, &now))
        days = g_date_get_julian (&now) - g_date_get_julian (&due);
      text = g_strdup_printf (ngettext ("Overdue by %u day", "Overdue by %u days", days), days);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (text, "error"));
      gtk_widget_add_css_class (row, "overdue");
    }

  if (signet_review_action_is_open (action))
    {
      /* Translators: the accessible name of Mark Done on an action's row. */
      mark_label = g_strdup_printf (_("Mark “%s” done"), action->description);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 small_button (_("Mark Done"), "reviews.mark-done", action->id, mark_label));
    }
  else
    {
      /* Translators: the accessible name of Reopen on an action's row. */
      mark_label = g_strdup_printf (_("Reopen “%s”"), action->description);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 small_button (_("Reopen"), "reviews.reopen", action->id, mark_label));
    }

  return row;
}

static void
expanded_changed_cb (SignetReviewsSection *self,
                     GParamSpec           *pspec,
                     AdwExpanderRow       *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "review-id");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (id, sizeof *id));
  else
    g_hash_table_remove (self->expanded, id);
}

static GtkWidget *
review_row (SignetReviewsSection     *self,
            const SignetReviewReport *report,
            const char               *today)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *date = signet_date_format_display (report->date);
  g_autofree char *title = NULL;
  g_autofree char *summary = describe_report (report);
  gint64 *id = g_new (gint64, 1);
  GtkWidget *add_row;
  GtkWidget *delete_button;
  g_autofree char *delete_label = NULL;

  /* Translators: a review in the list: its date and its reviewer. */
  title = g_strdup_printf (_("%s · %s"), date, report->reviewer);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);
  adw_expander_row_set_subtitle_lines (ADW_EXPANDER_ROW (row), 0);

  /* A review recorded by mistake goes with its answers and actions; the
   * toast's Undo brings it back. Added before the tag: the expander row
   * puts the suffix added first at its end, where every row has it. */
  delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete this review"));
  /* Translators: the accessible name of a review's delete button; %s is
   * its date. */
  delete_label = g_strdup_printf (_("Delete the review of %s"), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "reviews.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button), g_variant_new_int64 (report->id));
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), delete_button);

  if (signet_review_report_needs_follow_up (report))
    adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), new_tag (_("Open Findings"), "warning"));


  if (report->note != NULL && *report->note != '\0')
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_row (_("Note"), report->note));

  for (guint i = 0; i < report->items->len; i++)
    {
      const SignetReviewItem *item = g_ptr_array_index (report->items, i);
      GtkWidget *item_row = new_row (item->item, item->finding);

      adw_action_row_add_suffix (ADW_ACTION_ROW (item_row),
                                 new_tag (signet_review_answer_to_label (item->answer), answer_style (item->answer)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_row);
    }

  for (guint i = 0; i < report->actions->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row (g_ptr_array_index (report->actions, i), today));

  if (report->follow_up_date != NULL)
    {
      g_autofree char *follow_up = signet_date_format_display (report->follow_up_date);
      GtkWidget *follow_up_row;

      gboolean open = signet_review_report_needs_follow_up (report);
      /* Overdue as the actions are: still needed, and its day passed. */
      gboolean overdue = open && g_strcmp0 (report->follow_up_date, today) < 0;

      follow_up_row = new_row (_("Follow-up review"),
                               overdue ? _("Overdue: actions are still open")
                               : open ? _("Due while actions are open")
                               : _("No longer needed: every action is done"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (follow_up_row), new_tag (follow_up, overdue ? "error" : NULL));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), follow_up_row);
    }

  add_row = adw_button_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add Follow-up Action…"));
  adw_button_row_set_start_icon_name (ADW_BUTTON_ROW (add_row), "list-add-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_row), "reviews.add-action");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add_row), g_variant_new_int64 (report->id));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add_row);

  *id = report->id;
  g_object_set_data_full (G_OBJECT (row), "review-id", id, g_free);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_changed_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
signet_reviews_section_reload (SignetContractSection *section)
{
  SignetReviewsSection *self = SIGNET_REVIEWS_SECTION (section);
  GPtrArray *reports;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;
  guint open = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  gtk_widget_set_sensitive (self->record_button, get_store (self) != NULL && contract_id (self) > 0);
  if (get_store (self) == NULL || contract_id (self) <= 0)
    {
      adw_preferences_group_set_description (self->group, _("Save the contract to record reviews."));
      return;
    }

  today = signet_store_dup_today (get_store (self));
  self->reports = reports = signet_store_list_review_reports (get_store (self), contract_id (self), &error);
  if (reports == NULL)
    {
      adw_preferences_group_set_description (self->group, error->message);
      return;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      const SignetReviewReport *report = g_ptr_array_index (reports, i);
      GtkWidget *row = review_row (self, report, today);

      open += signet_review_report_count_open_actions (report);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (reports->len == 0)
    description = g_strdup (_("No review recorded yet."));
  else if (open > 0)
    description = g_strdup_printf (ngettext ("%u follow-up action is open.", "%u follow-up actions are open.", open),
                                   open);
  adw_preferences_group_set_description (self->group, description);
}

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetReviewsSection *self = SIGNET_REVIEWS_SECTION (widget);

  if (get_store (self) == NULL || contract_id (self) <= 0)
    return;

  signet_review_dialog_present_for_contract (widget, get_store (self), contract_id (self));
}

/* Mark Done is dated today: the day the office says it was done. */
static void
mark_done_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SignetReviewsSection *self = SIGNET_REVIEWS_SECTION (widget);
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = g_str_equal (action_name, "reviews.mark-done");

  if (get_store (self) == NULL)
    return;

  today = signet_store_dup_today (get_store (self));
  if (!signet_store_set_review_action_done (get_store (self), g_variant_get_int64 (parameter),
                                            done ? today : NULL, &error))
    signet_error_dialog_show (widget, _("The Follow-up Action Was Not Changed"), error);
}

/* Changing an action, or adding one to a recorded review */

static void
action_responded_cb (SignetReviewsSection     *self,
                     const char               *response,
                     SignetReviewActionDialog *dialog)
{
  g_autoptr(SignetReviewAction) action = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL)
    return;

  if ((action = signet_review_action_dialog_dup_action (dialog, &error)) == NULL)
    saved = FALSE;
  else if (action->id != 0)
    saved = signet_store_update_review_action (get_store (self), action, &error);
  else
    {
      action->review_id = self->adding_to;
      saved = signet_store_add_review_action (get_store (self), action, &error);
    }

  if (!saved)
    signet_error_dialog_show (GTK_WIDGET (self), _("The Follow-up Action Was Not Saved"), error);
}

static const SignetReviewAction *
find_action (SignetReviewsSection *self,
             gint64                id)
{
  for (guint i = 0; self->reports != NULL && i < self->reports->len; i++)
    {
      const SignetReviewReport *report = g_ptr_array_index (self->reports, i);

      for (guint j = 0; j < report->actions->len; j++)
        if (((SignetReviewAction *) g_ptr_array_index (report->actions, j))->id == id)
          return g_ptr_array_index (report->actions, j);
    }

  return NULL;
}

static void
present_action_dialog (SignetReviewsSection     *self,
                       const SignetReviewAction *action)
{
  g_autoptr(GListModel) people = signet_store_list_people (get_store (self), NULL);
  g_autofree char *today = signet_store_dup_today (get_store (self));
  AdwDialog *dialog = signet_review_action_dialog_new (action, people, today);

  g_signal_connect_object (dialog, "response", G_CALLBACK (action_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
edit_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SignetReviewsSection *self = SIGNET_REVIEWS_SECTION (widget);
  const SignetReviewAction *action = find_action (self, g_variant_get_int64 (parameter));

  if (get_store (self) != NULL && action != NULL)
    present_action_dialog (self, action);
}

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SignetReviewsSection *self = SIGNET_REVIEWS_SECTION (widget);

  if (get_store (self) == NULL)
    return;

  self->adding_to = g_variant_get_int64 (parameter);
  present_action_dialog (self, NULL);
}

/* Deleting one, with Undo (see SignetUndo) */

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetReviewsSection *self = SIGNET_REVIEWS_SECTION (widget);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_REVIEW, g_variant_get_int64 (parameter), &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (widget, _("The Review Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

static void
signet_reviews_section_dispose (GObject *object)
{
  SignetReviewsSection *self = SIGNET_REVIEWS_SECTION (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_reviews_section_parent_class)->dispose (object);
}

static void
signet_reviews_section_class_init (SignetReviewsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_reviews_section_dispose;

  /* Reviews and their actions are announced as the contract's key dates;
   * the section's own writes come back to it so, and it does not reload
   * after them. */
  section_class->reload = signet_reviews_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_KEY_DATES);

  signet_contract_section_class_install_write (section_class, "reviews.record", NULL, record_activated);
  signet_contract_section_class_install_write (section_class, "reviews.mark-done", "x", mark_done_activated);
  signet_contract_section_class_install_write (section_class, "reviews.reopen", "x", mark_done_activated);
  signet_contract_section_class_install_write (section_class, "reviews.edit-action", "x", edit_action_activated);
  signet_contract_section_class_install_write (section_class, "reviews.add-action", "x", add_action_activated);
  signet_contract_section_class_install_write (section_class, "reviews.delete", "x", delete_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_reviews_section_init (SignetReviewsSection *self)
{
  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Reviews"));
  self->record_button = gtk_button_new_with_mnemonic (_("Record _Review…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->record_button), "reviews.record");
  gtk_widget_set_tooltip_text (self->record_button, _("Record that this contract was reviewed"));
  gtk_widget_set_valign (self->record_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->record_button, "flat");
  adw_preferences_group_set_header_suffix (self->group, self->record_button);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->group));

  /* What it says until it has a contract. */
  signet_reviews_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_reviews_section_new (void)
{
  return g_object_new (SIGNET_TYPE_REVIEWS_SECTION, NULL);
}
