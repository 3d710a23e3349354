/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "signet-contract-page-private.h"
#include "signet-date.h"
#include "signet-field-error.h"
#include "signet-form-row.h"
#include "signet-money.h"

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
editable_changed_cb (SignetContractPage *self,
                     GtkEditable        *editable)
{
  _signet_contract_page_field_edited (self, editable);
}

/* A whole date outside the range is refused as soon as it is typed, in
 * the words the store refuses it with at Save. */
/* A new contract of a type with a term: the end date follows the start
 * typed, while the user has not given one. */
static void
follow_type_term (SignetContractPage *self,
                  const char         *start)
{
  GtkEditable *end_row = GTK_EDITABLE (self->field_widgets[SIGNET_FIELD_CONTRACT_END_DATE]);
  g_autofree char *end = NULL;

  if (self->new_type == NULL || start == NULL || *gtk_editable_get_text (end_row) != '\0')
    return;

  end = signet_contract_type_compute_end_date (self->new_type, start);
  if (end != NULL)
    signet_date_entry_set_date (SIGNET_DATE_ENTRY (end_row), end);
}

static void
date_changed_cb (SignetContractPage *self,
                 GtkEditable        *editable)
{
  SignetField field = signet_form_get_field (GTK_WIDGET (editable));
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  _signet_contract_page_field_edited (self, editable);

  /* Only the range: any other refusal may be a date half typed. */
  if (self->loading > 0 || signet_date_entry_get_date (SIGNET_DATE_ENTRY (editable), &iso, &error))
    {
      if (self->loading == 0 && field == SIGNET_FIELD_CONTRACT_START_DATE)
        follow_type_term (self, iso);
      return;
    }
  if (!g_error_matches (error, SIGNET_DATE_INPUT_ERROR, SIGNET_DATE_INPUT_ERROR_OUT_OF_RANGE))
    return;

  /* Translators: a field name such as "End Date", and what is wrong with it. */
  message = g_strdup_printf (_("%s: %s"), signet_field_to_label (field), error->message);
  signet_field_error_mark (self->field_widgets[field], self->error_labels[field], message);
}

/* Chinese contracts state their value in capitals as well (大写金额);
 * the Chinese interface shows them for amounts in yuan, the only
 * currency 元 names. */
static gboolean
interface_is_chinese (void)
{
  return g_str_has_prefix (g_get_language_names_with_category ("LC_MESSAGES")[0], "zh_CN");
}

static void
update_value_extras (SignetContractPage *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->currency_row);
  const char *currency = item != NULL ? gtk_string_object_get_string (item) : NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->value_row)));
  g_autofree char *capitals = NULL;
  gint64 value;

  gtk_label_set_text (self->value_symbol, currency != NULL ? signet_money_get_symbol (currency) : "");

  if (g_strcmp0 (currency, "CNY") == 0 && interface_is_chinese () && *text != '\0' &&
      signet_money_parse (text, currency, &value, NULL))
    capitals = signet_money_to_chinese_capitals (value);

  adw_action_row_set_subtitle (self->capitals_row, capitals != NULL ? capitals : "");
  gtk_widget_set_visible (GTK_WIDGET (self->capitals_row), capitals != NULL);
}

static void
value_changed_cb (SignetContractPage *self,
                  GtkEditable        *editable)
{
  update_value_extras (self);
}

static void
currency_selected_cb (SignetContractPage *self,
                      GParamSpec         *pspec,
                      AdwComboRow        *row)
{
  update_value_extras (self);
}

static void
property_changed_cb (SignetContractPage *self,
                     GParamSpec         *pspec,
                     GObject            *object)
{
  _signet_contract_page_field_edited (self, object);
}

/* The wheel scrolls the page, not the number under the pointer: the spin
 * row takes wheel turns only while it has the keyboard focus, so that
 * scrolling down the form never changes the notice period on the way. */
static gboolean
spin_scroll_cb (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                SignetContractPage       *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkAdjustment *adjustment;
  double step;

  if (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
    return FALSE;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  step = MAX (40.0, gtk_adjustment_get_page_size (adjustment) / 8.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);

  return TRUE;
}

static void
notes_changed_cb (SignetContractPage *self,
                  GtkTextBuffer      *buffer)
{
  _signet_contract_page_field_edited (self, self->notes_view);
}

static AdwPreferencesGroup *
add_group (SignetContractPage *self,
           const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->form_box, group);

  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_row (SignetContractPage  *self,
         AdwPreferencesGroup *group,
         SignetField          field,
         GtkWidget           *row)
{
  signet_form_row_add (group, field, row, &self->error_labels[field]);
  self->field_widgets[field] = row;

  return row;
}

static GtkEditable *
add_entry_row (SignetContractPage  *self,
               AdwPreferencesGroup *group,
               SignetField          field)
{
  GtkWidget *row = add_row (self, group, field, adw_entry_row_new ());

  g_signal_connect_object (row, "changed", G_CALLBACK (editable_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_EDITABLE (row);
}

static SignetDateEntry *
add_date_row (SignetContractPage  *self,
              AdwPreferencesGroup *group,
              SignetField          field)
{
  GtkWidget *row = add_row (self, group, field, signet_date_entry_new (NULL));

  g_signal_connect_object (row, "changed", G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);

  return SIGNET_DATE_ENTRY (row);
}

static AdwComboRow *
add_combo_row (SignetContractPage  *self,
               AdwPreferencesGroup *group,
               SignetField          field,
               GListModel          *model,
               GtkExpression       *expression)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  add_row (self, group, field, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (property_changed_cb), self, G_CONNECT_SWAPPED);
  g_clear_pointer (&expression, gtk_expression_unref);
  g_clear_object (&model);

  return ADW_COMBO_ROW (row);
}

static GListModel *
new_string_list (const char * const *strings)
{
  return G_LIST_MODEL (gtk_string_list_new (strings));
}

static GtkExpression *
string_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
}

/* The number shows with its unit, "60 days", and reads back from it. */
static gboolean
notice_days_output_cb (AdwSpinRow *row,
                       gpointer    user_data)
{
  guint days = (guint) adw_spin_row_get_value (row);
  /* Translators: the notice period in its field, e.g. "60 days". */
  g_autofree char *text = g_strdup_printf (ngettext ("%u day", "%u days", days), days);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);

  return TRUE;
}

static int
notice_days_input_cb (AdwSpinRow *row,
                      double     *value,
                      gpointer    user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char *end = NULL;
  guint64 days;

  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text))
    return GTK_INPUT_ERROR;

  days = g_ascii_strtoull (text, &end, 10);
  *value = (double) MIN (days, 3650);

  return TRUE;
}

static void
add_notice_row (SignetContractPage  *self,
                AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_spin_row_new_with_range (0, 3650, 1);
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->notice_days_row = ADW_SPIN_ROW (row);
  /* Not numeric: the field shows the unit after the number. */
  adw_spin_row_set_numeric (self->notice_days_row, FALSE);
  g_signal_connect (row, "output", G_CALLBACK (notice_days_output_cb), NULL);
  g_signal_connect (row, "input", G_CALLBACK (notice_days_input_cb), NULL);
  /* The unit of the number. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Days before the end date"));
  gtk_widget_set_tooltip_text (row, _("How many days before the end date notice must be given"));
  add_row (self, group, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, row);
  g_signal_connect_object (row, "notify::value", G_CALLBACK (property_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect_object (wheel, "scroll", G_CALLBACK (spin_scroll_cb), self, 0);
  gtk_widget_add_controller (row, wheel);
}

/* Auto-renew has no SignetField of its own: it cannot be wrong. */
static void
add_auto_renew_row (SignetContractPage  *self,
                    AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_switch_row_new ();
  const char *title = _("Auto-Renew");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  set_accessible_label (row, title);
  adw_preferences_group_add (group, row);
  signet_form_set_field (row, SIGNET_FIELD_CONTRACT_NOTICE_DAYS);
  g_signal_connect_object (row, "notify::active", G_CALLBACK (property_changed_cb), self, G_CONNECT_SWAPPED);
  self->auto_renew_row = ADW_SWITCH_ROW (row);
}

/* On a team register the server lets only the people named on a
 * confidential contract see it; in a file the mark is only kept. */
static void
add_confidential_row (SignetContractPage  *self,
                      AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_switch_row_new ();
  const char *title = signet_field_to_label (SIGNET_FIELD_CONTRACT_CONFIDENTIAL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("On a team register, only the people named on this contract can see it"));
  set_accessible_label (row, title);
  adw_preferences_group_add (group, row);
  signet_form_set_field (row, SIGNET_FIELD_CONTRACT_CONFIDENTIAL);
  g_signal_connect_object (row, "notify::active", G_CALLBACK (property_changed_cb), self, G_CONNECT_SWAPPED);
  self->confidential_row = ADW_SWITCH_ROW (row);
}

/* The notes are several lines: a text area of their own under the rows,
 * with its error label under it. */
static void
add_notes (SignetContractPage  *self,
           AdwPreferencesGroup *group)
{
  self->notes_view = signet_form_notes_add (group, SIGNET_FIELD_CONTRACT_NOTES, 120,
                                            &self->error_labels[SIGNET_FIELD_CONTRACT_NOTES]);
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_view), "notes");
  self->field_widgets[SIGNET_FIELD_CONTRACT_NOTES] = GTK_WIDGET (self->notes_view);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The value as the list shows it, "1.250.000,50 €" in de_DE: the amount
 * in the locale's form (signet_money_parse() reads it back) with the
 * symbol beside it; the capitals under it; then the currency. */
static void
add_value_rows (SignetContractPage  *self,
                AdwPreferencesGroup *group)
{
  GtkWidget *symbol = gtk_label_new (NULL);
  GtkWidget *capitals = adw_action_row_new ();

  self->value_row = add_entry_row (self, group, SIGNET_FIELD_CONTRACT_VALUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->value_row), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "numeric");
  g_signal_connect_object (self->value_row, "changed", G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);

  self->value_symbol = GTK_LABEL (symbol);
  gtk_widget_add_css_class (symbol, "numeric");
  gtk_widget_set_valign (symbol, GTK_ALIGN_BASELINE_FILL);
  if (signet_money_symbol_precedes ())
    adw_entry_row_add_prefix (ADW_ENTRY_ROW (self->value_row), symbol);
  else
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->value_row), symbol);

  self->capitals_row = ADW_ACTION_ROW (capitals);
  /* Translators: the amount written in Chinese capitals (大写金额), shown
   * only in the Chinese interface. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (capitals), _("Amount in Capitals"));
  adw_action_row_set_subtitle_selectable (self->capitals_row, TRUE);
  gtk_widget_add_css_class (capitals, "property");
  gtk_widget_set_visible (capitals, FALSE);
  adw_preferences_group_add (group, capitals);

  self->currency_row =
    add_combo_row (self, group, SIGNET_FIELD_CONTRACT_CURRENCY,
                   g_object_ref (G_LIST_MODEL (self->currencies)), string_expression ());
  adw_combo_row_set_enable_search (self->currency_row, TRUE);
  g_signal_connect_object (self->currency_row, "notify::selected", G_CALLBACK (currency_selected_cb), self, G_CONNECT_SWAPPED);

  update_value_extras (self);
}

void
_signet_contract_page_build_form (SignetContractPage *self)
{
  const char *risk_labels[SIGNET_N_RISK_LEVELS + 1] = { NULL, };
  AdwPreferencesGroup *group;

  for (guint i = 0; i < SIGNET_N_RISK_LEVELS; i++)
    risk_labels[i] = signet_risk_level_to_label (i);

  self->currencies = gtk_string_list_new (signet_currency_list ());

  group = add_group (self, _("Contract"));
  self->number_row = add_entry_row (self, group, SIGNET_FIELD_CONTRACT_NUMBER);
  self->title_row = add_entry_row (self, group, SIGNET_FIELD_CONTRACT_TITLE);
  self->type_row = add_entry_row (self, group, SIGNET_FIELD_CONTRACT_TYPE);
  self->tags_row = add_entry_row (self, group, SIGNET_FIELD_CONTRACT_TAGS);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tags_row), _("Separate tags with commas"));
  add_confidential_row (self, group);

  /* The client list is filled in by reload_clients(). */
  group = add_group (self, _("Parties"));
  self->client_row =
    add_combo_row (self, group, SIGNET_FIELD_CONTRACT_CLIENT, NULL,
                   gtk_property_expression_new (SIGNET_TYPE_CLIENT, NULL, "name"));
  adw_combo_row_set_enable_search (self->client_row, TRUE);
  /* The people are listed by the row itself, from the page's store. */
  self->owner_row = SIGNET_OWNER_ROW (add_row (self, group, SIGNET_FIELD_CONTRACT_OWNER, signet_owner_row_new ()));
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (property_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->department_row = add_entry_row (self, group, SIGNET_FIELD_CONTRACT_DEPARTMENT);

  group = add_group (self, _("Value"));
  add_value_rows (self, group);

  group = add_group (self, _("Dates"));
  self->signing_date_row = add_date_row (self, group, SIGNET_FIELD_CONTRACT_SIGNING_DATE);
  self->start_date_row = add_date_row (self, group, SIGNET_FIELD_CONTRACT_START_DATE);
  self->end_date_row = add_date_row (self, group, SIGNET_FIELD_CONTRACT_END_DATE);
  add_auto_renew_row (self, group);
  add_notice_row (self, group);

  /* The status is no field: the process section shows it, and its
   * actions change it. */
  group = add_group (self, _("Risk"));
  self->risk_row = add_combo_row (self, group, SIGNET_FIELD_CONTRACT_RISK_LEVEL,
                                  new_string_list (risk_labels), string_expression ());

  group = add_group (self, signet_field_to_label (SIGNET_FIELD_CONTRACT_NOTES));
  add_notes (self, group);
}
