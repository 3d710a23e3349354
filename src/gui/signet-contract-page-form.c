/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "signet-contract-page-private.h"
#include "signet-date.h"
#include "signet-field-error.h"
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
static void
date_changed_cb (SignetContractPage *self,
                 GtkEditable        *editable)
{
  SignetField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), FIELD_KEY));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  _signet_contract_page_field_edited (self, editable);

  if (self->loading > 0 || signet_date_check (text) != SIGNET_DATE_OUT_OF_RANGE)
    return;

  reason = signet_date_out_of_range_message (text);
  /* Translators: a field name such as "End Date", and what is wrong with it. */
  message = g_strdup_printf (_("%s: %s"), signet_field_to_label (field), reason);
  signet_field_error_mark (self->field_widgets[field], self->error_labels[field], message);
}

static void
property_changed_cb (SignetContractPage *self,
                     GParamSpec         *pspec,
                     GObject            *object)
{
  _signet_contract_page_field_edited (self, object);
}

static void
spin_value_changed_cb (SignetContractPage *self,
                       GtkSpinButton      *spin)
{
  _signet_contract_page_field_edited (self, spin);
}

/* The wheel scrolls the page, not the number under the pointer: the spin
 * button takes wheel turns only while it has the keyboard focus, so that
 * scrolling down the form never changes the notice period on the way. */
static gboolean
spin_scroll_cb (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                SignetContractPage       *self)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (spin);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkAdjustment *adjustment;
  double step;

  if (focus != NULL && (focus == spin || gtk_widget_is_ancestor (focus, spin)))
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

/* Adds a labelled row to the form: the label, @widget, and under it the
 * (hidden) error label of @field. */
static void
add_row (SignetContractPage *self,
         SignetField         field,
         GtkWidget          *widget,
         GtkWidget          *accessible)
{
  const char *text = signet_field_to_label (field);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *error_label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "dim-label");
  /* Level with the first line of a multi-line field (the notes). */
  if (GTK_IS_FRAME (widget))
    {
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 7);
    }
  else
    {
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
    }
  gtk_widget_set_hexpand (widget, TRUE);
  set_accessible_label (accessible, text);

  gtk_label_set_xalign (GTK_LABEL (error_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_set_visible (error_label, FALSE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_add_css_class (error_label, "caption");

  gtk_grid_attach (self->grid, label, 0, self->grid_rows, 1, 1);
  gtk_grid_attach (self->grid, widget, 1, self->grid_rows, 1, 1);
  gtk_grid_attach (self->grid, error_label, 1, self->grid_rows + 1, 1, 1);
  self->grid_rows += 2;

  self->field_widgets[field] = accessible;
  self->error_labels[field] = GTK_LABEL (error_label);
  g_object_set_data (G_OBJECT (accessible), FIELD_KEY, GUINT_TO_POINTER (field));
}

static void
add_section (SignetContractPage *self,
             const char         *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  if (self->grid_rows > 0)
    gtk_widget_set_margin_top (label, 18);
  gtk_grid_attach (self->grid, label, 0, self->grid_rows++, 2, 1);
}

static GtkEditable *
add_entry_row (SignetContractPage *self,
               SignetField         field)
{
  GtkWidget *entry = gtk_entry_new ();

  add_row (self, field, entry, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (editable_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_EDITABLE (entry);
}

static SignetDateEntry *
add_date_row (SignetContractPage *self,
              SignetField         field)
{
  GtkWidget *date_entry = signet_date_entry_new ();
  GtkWidget *entry = signet_date_entry_get_entry (SIGNET_DATE_ENTRY (date_entry));

  add_row (self, field, date_entry, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);

  return SIGNET_DATE_ENTRY (date_entry);
}

static GtkDropDown *
add_dropdown_row (SignetContractPage *self,
                  SignetField         field,
                  GtkDropDown        *dropdown)
{
  add_row (self, field, GTK_WIDGET (dropdown), GTK_WIDGET (dropdown));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (property_changed_cb), self, G_CONNECT_SWAPPED);

  return dropdown;
}

/* Auto-renew has no SignetField of its own: it cannot be wrong. */
static GtkSwitch *
add_switch_row (SignetContractPage *self,
                const char         *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *toggle = gtk_switch_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  set_accessible_label (toggle, title);
  gtk_box_append (GTK_BOX (box), toggle);

  gtk_grid_attach (self->grid, label, 0, self->grid_rows, 1, 1);
  gtk_grid_attach (self->grid, box, 1, self->grid_rows, 1, 1);
  self->grid_rows++;

  return GTK_SWITCH (toggle);
}

static GtkDropDown *
new_searchable_dropdown (GListModel    *model,
                         GtkExpression *expression)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (model, expression));

  gtk_drop_down_set_enable_search (dropdown, TRUE);

  return dropdown;
}

void
_signet_contract_page_build_form (SignetContractPage *self)
{
  const char *status_labels[SIGNET_N_CONTRACT_STATUSES + 1] = { NULL, };
  const char *risk_labels[SIGNET_N_RISK_LEVELS + 1] = { NULL, };
  const char * const *codes = signet_currency_list ();
  GtkWidget *value_box;
  GtkWidget *notes_frame;
  GtkWidget *notes_scroller;

  for (guint i = 0; i < SIGNET_N_CONTRACT_STATUSES; i++)
    status_labels[i] = signet_contract_status_to_label (i);
  for (guint i = 0; i < SIGNET_N_RISK_LEVELS; i++)
    risk_labels[i] = signet_risk_level_to_label (i);

  self->currencies = gtk_string_list_new ((const char * const *) codes);

  add_section (self, _("Contract"));
  self->number_entry = add_entry_row (self, SIGNET_FIELD_CONTRACT_NUMBER);
  self->title_entry = add_entry_row (self, SIGNET_FIELD_CONTRACT_TITLE);
  self->client_dropdown =
    add_dropdown_row (self, SIGNET_FIELD_CONTRACT_CLIENT,
                      new_searchable_dropdown (NULL, gtk_property_expression_new (SIGNET_TYPE_CLIENT, NULL, "name")));
  self->type_entry = add_entry_row (self, SIGNET_FIELD_CONTRACT_TYPE);
  self->owner_entry = add_entry_row (self, SIGNET_FIELD_CONTRACT_OWNER);
  self->department_entry = add_entry_row (self, SIGNET_FIELD_CONTRACT_DEPARTMENT);

  add_section (self, _("Value and Dates"));
  /* Value and currency share a row; each keeps its own error. */
  value_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->value_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_input_purpose (GTK_ENTRY (self->value_entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_alignment (self->value_entry, 1.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_entry), "numeric");
  gtk_widget_set_hexpand (GTK_WIDGET (self->value_entry), TRUE);
  self->currency_dropdown =
    new_searchable_dropdown (g_object_ref (G_LIST_MODEL (self->currencies)),
                             gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_box_append (GTK_BOX (value_box), GTK_WIDGET (self->value_entry));
  gtk_box_append (GTK_BOX (value_box), GTK_WIDGET (self->currency_dropdown));
  add_row (self, SIGNET_FIELD_CONTRACT_VALUE, value_box, GTK_WIDGET (self->value_entry));
  self->field_widgets[SIGNET_FIELD_CONTRACT_CURRENCY] = GTK_WIDGET (self->currency_dropdown);
  self->error_labels[SIGNET_FIELD_CONTRACT_CURRENCY] = self->error_labels[SIGNET_FIELD_CONTRACT_VALUE];
  g_object_set_data (G_OBJECT (self->currency_dropdown), FIELD_KEY,
                     GUINT_TO_POINTER (SIGNET_FIELD_CONTRACT_CURRENCY));
  set_accessible_label (GTK_WIDGET (self->currency_dropdown), signet_field_to_label (SIGNET_FIELD_CONTRACT_CURRENCY));
  g_signal_connect_object (self->value_entry, "changed", G_CALLBACK (editable_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->currency_dropdown, "notify::selected", G_CALLBACK (property_changed_cb), self, G_CONNECT_SWAPPED);

  self->signing_date_entry = add_date_row (self, SIGNET_FIELD_CONTRACT_SIGNING_DATE);
  self->start_date_entry = add_date_row (self, SIGNET_FIELD_CONTRACT_START_DATE);
  self->end_date_entry = add_date_row (self, SIGNET_FIELD_CONTRACT_END_DATE);

  self->auto_renew_switch = add_switch_row (self, _("Auto-Renew"));
  g_signal_connect_object (self->auto_renew_switch, "notify::active", G_CALLBACK (property_changed_cb), self, G_CONNECT_SWAPPED);

  self->notice_days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 3650, 1));
  gtk_spin_button_set_numeric (self->notice_days_spin, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notice_days_spin),
                               _("How many days before the end date notice must be given"));
  add_row (self, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, GTK_WIDGET (self->notice_days_spin),
           GTK_WIDGET (self->notice_days_spin));
  g_signal_connect_object (self->notice_days_spin, "value-changed", G_CALLBACK (spin_value_changed_cb), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

    gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
    g_signal_connect_object (wheel, "scroll", G_CALLBACK (spin_scroll_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->notice_days_spin), wheel);
  }

  add_section (self, _("Status and Notes"));
  self->status_dropdown =
    add_dropdown_row (self, SIGNET_FIELD_CONTRACT_STATUS,
                      GTK_DROP_DOWN (gtk_drop_down_new_from_strings (status_labels)));
  self->risk_dropdown =
    add_dropdown_row (self, SIGNET_FIELD_CONTRACT_RISK_LEVEL,
                      GTK_DROP_DOWN (gtk_drop_down_new_from_strings (risk_labels)));
  self->tags_entry = add_entry_row (self, SIGNET_FIELD_CONTRACT_TAGS);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tags_entry), _("Separate tags with commas"));

  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->notes_view, 6);
  gtk_text_view_set_bottom_margin (self->notes_view, 6);
  gtk_text_view_set_left_margin (self->notes_view, 6);
  gtk_text_view_set_right_margin (self->notes_view, 6);
  notes_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (notes_scroller), 96);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (notes_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (notes_scroller), GTK_WIDGET (self->notes_view));
  notes_frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (notes_frame), notes_scroller);
  add_row (self, SIGNET_FIELD_CONTRACT_NOTES, notes_frame, GTK_WIDGET (self->notes_view));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}
