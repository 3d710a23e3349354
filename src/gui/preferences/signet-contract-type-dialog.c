/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-type-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-type-dialog.h"

struct _SignetContractTypeDialog
{
  AdwDialog        parent_instance;

  AdwEntryRow     *name_row;
  GtkLabel        *error_label;
  AdwEntryRow     *department_row;
  AdwEntryRow     *currency_row;
  AdwComboRow     *risk_row;
  AdwSpinRow      *term_row;
  AdwSpinRow      *notice_row;
  AdwSwitchRow    *auto_renew_row;
  AdwSpinRow      *review_row;
  GtkListBox      *offsets_list;
  GtkTextView     *checklist_view;

  gint64           id;
  gint64           version;
};

G_DEFINE_FINAL_TYPE (SignetContractTypeDialog, signet_contract_type_dialog, ADW_TYPE_DIALOG)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds a user adds, in the order of the drop-down. */
static const SignetKeyDateKind offset_kinds[] = {
  SIGNET_KEY_DATE_PAYMENT,
  SIGNET_KEY_DATE_MILESTONE,
  SIGNET_KEY_DATE_OTHER,
};

/* One key date after the start: its title, kind and days, and a button
 * that removes it. The row keeps its widgets as object data. */
static void
remove_offset_clicked_cb (GtkWidget *row,
                          GtkButton *button)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));

  gtk_list_box_remove (list, row);
}

/* Two lines, to fit a phone's width: the title and a button removing
 * the date, then its kind and how many days after the start it falls. */
static GtkWidget *
new_offset_row (const SignetKeyDateOffset *offset)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *title;
  GtkWidget *kind;
  GtkWidget *days;
  GtkWidget *days_label;
  GtkWidget *remove;

  for (guint i = 0; i < G_N_ELEMENTS (offset_kinds); i++)
    gtk_string_list_append (kinds, signet_key_date_kind_to_label (offset_kinds[i]));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  title = gtk_entry_new ();
  gtk_widget_set_hexpand (title, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (title), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title), offset->title != NULL ? offset->title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove the Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the Date"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_offset_clicked_cb), row, G_CONNECT_SWAPPED);

  kind = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_widget_set_tooltip_text (kind, _("Kind of date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of date"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (offset_kinds); i++)
    if (offset_kinds[i] == offset->kind)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), i);

  days = gtk_spin_button_new_with_range (0, 36500, 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (days), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (days), offset->days);
  gtk_accessible_update_property (GTK_ACCESSIBLE (days), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Days after the start"), -1);
  days_label = gtk_label_new (_("days after the start"));
  gtk_label_set_wrap (GTK_LABEL (days_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (days_label), 0);
  gtk_widget_set_hexpand (days_label, TRUE);

  gtk_box_append (GTK_BOX (first), title);
  gtk_box_append (GTK_BOX (first), remove);
  gtk_box_append (GTK_BOX (second), kind);
  gtk_box_append (GTK_BOX (second), days);
  gtk_box_append (GTK_BOX (second), days_label);
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "signet-title", title);
  g_object_set_data (G_OBJECT (row), "signet-kind", kind);
  g_object_set_data (G_OBJECT (row), "signet-days", days);

  return row;
}

static void
add_offset_clicked_cb (SignetContractTypeDialog *self,
                       GtkButton                *button)
{
  SignetKeyDateOffset offset = { SIGNET_KEY_DATE_PAYMENT, NULL, 0 };
  GtkWidget *row = new_offset_row (&offset);

  gtk_list_box_append (self->offsets_list, row);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "signet-title"));
}

static void
save_clicked_cb (SignetContractTypeDialog *self,
                 GtkButton                *button)
{
  g_signal_emit (self, signals[SAVE], 0);
}

static void
signet_contract_type_dialog_class_init (SignetContractTypeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Save pressed: the caller writes signet_contract_type_dialog_dup_type(). */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-contract-type-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, risk_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, term_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, notice_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, auto_renew_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, review_row);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, offsets_list);
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypeDialog, checklist_view);
  gtk_widget_class_bind_template_callback (widget_class, add_offset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
signet_contract_type_dialog_init (SignetContractTypeDialog *self)
{
  g_autoptr(GtkStringList) risks = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not set leaves a new contract's risk level as it is. */
  gtk_string_list_append (risks, C_("risk level", "Not Set"));
  for (SignetRiskLevel level = SIGNET_RISK_LEVEL_LOW; level < SIGNET_N_RISK_LEVELS; level++)
    gtk_string_list_append (risks, signet_risk_level_to_label (level));
  adw_combo_row_set_model (self->risk_row, G_LIST_MODEL (risks));
}

AdwDialog *
signet_contract_type_dialog_new (SignetContractType *type)
{
  SignetContractTypeDialog *self = g_object_new (SIGNET_TYPE_CONTRACT_TYPE_DIALOG, NULL);
  GPtrArray *offsets;
  g_autofree char *checklist = NULL;

  g_return_val_if_fail (type == NULL || SIGNET_IS_CONTRACT_TYPE (type), NULL);

  if (type == NULL)
    {
      adw_dialog_set_title (ADW_DIALOG (self), _("New Contract Type"));
      return ADW_DIALOG (self);
    }

  adw_dialog_set_title (ADW_DIALOG (self), _("Edit Contract Type"));
  self->id = signet_contract_type_get_id (type);
  self->version = signet_contract_type_get_version (type);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), signet_contract_type_get_name (type));
  if (signet_contract_type_get_department (type) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->department_row), signet_contract_type_get_department (type));
  if (signet_contract_type_get_currency (type) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->currency_row), signet_contract_type_get_currency (type));
  adw_combo_row_set_selected (self->risk_row, (guint) (signet_contract_type_get_risk_level (type) + 1));
  adw_spin_row_set_value (self->term_row, signet_contract_type_get_term_months (type));
  adw_spin_row_set_value (self->notice_row, MAX (signet_contract_type_get_notice_days (type), 0));
  adw_switch_row_set_active (self->auto_renew_row,
                             signet_contract_type_get_auto_renew (type) == SIGNET_AUTO_RENEW_YES);
  adw_spin_row_set_value (self->review_row, signet_contract_type_get_review_months (type));

  offsets = signet_contract_type_get_key_date_offsets (type);
  for (guint i = 0; i < offsets->len; i++)
    gtk_list_box_append (self->offsets_list, new_offset_row (g_ptr_array_index (offsets, i)));

  checklist = g_strjoinv ("\n", (char **) signet_contract_type_get_checklist (type));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->checklist_view), checklist, -1);

  return ADW_DIALOG (self);
}

SignetContractType *
signet_contract_type_dialog_dup_type (SignetContractTypeDialog *self)
{
  g_autoptr(SignetContractType) type = NULL;
  g_autofree char *department = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *checklist = NULL;
  g_auto(GStrv) clauses = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int notice;

  g_return_val_if_fail (SIGNET_IS_CONTRACT_TYPE_DIALOG (self), NULL);

  type = signet_contract_type_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  signet_contract_type_set_id (type, self->id);
  signet_contract_type_set_version (type, self->version);
  department = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department_row)));
  signet_contract_type_set_department (type, g_strstrip (department));
  currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  signet_contract_type_set_currency (type, g_strstrip (currency));
  signet_contract_type_set_risk_level (type, (int) adw_combo_row_get_selected (self->risk_row) - 1);
  signet_contract_type_set_term_months (type, (guint) adw_spin_row_get_value (self->term_row));
  notice = (int) adw_spin_row_get_value (self->notice_row);
  signet_contract_type_set_notice_days (type, notice > 0 ? notice : -1);
  signet_contract_type_set_auto_renew (type, adw_switch_row_get_active (self->auto_renew_row)
                                             ? SIGNET_AUTO_RENEW_YES : SIGNET_AUTO_RENEW_UNSET);
  signet_contract_type_set_review_months (type, (guint) adw_spin_row_get_value (self->review_row));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->offsets_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *title = g_object_get_data (G_OBJECT (row), "signet-title");
      GtkDropDown *kind = g_object_get_data (G_OBJECT (row), "signet-kind");
      GtkSpinButton *days = g_object_get_data (G_OBJECT (row), "signet-days");
      SignetKeyDateOffset offset;

      if (kind == NULL)
        continue;

      offset.kind = offset_kinds[MIN (gtk_drop_down_get_selected (kind), G_N_ELEMENTS (offset_kinds) - 1)];
      offset.title = (char *) gtk_editable_get_text (title);
      offset.days = (guint) gtk_spin_button_get_value_as_int (days);
      signet_contract_type_add_key_date_offset (type, &offset);
    }

  buffer = gtk_text_view_get_buffer (self->checklist_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  checklist = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  clauses = g_strsplit (checklist, "\n", -1);
  signet_contract_type_set_checklist (type, (const char * const *) clauses);

  return g_steal_pointer (&type);
}

void
signet_contract_type_dialog_show_error (SignetContractTypeDialog *self,
                                        const GError             *error)
{
  g_return_if_fail (SIGNET_IS_CONTRACT_TYPE_DIALOG (self));
  g_return_if_fail (error != NULL);

  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->currency_row), GTK_WIDGET (self->department_row),
    GTK_WIDGET (self->term_row), GTK_WIDGET (self->notice_row), GTK_WIDGET (self->review_row),
  };
  const SignetField fields[] = {
    SIGNET_FIELD_TYPE_NAME, SIGNET_FIELD_CONTRACT_CURRENCY, SIGNET_FIELD_CONTRACT_DEPARTMENT,
    SIGNET_FIELD_TYPE_TERM_MONTHS, SIGNET_FIELD_CONTRACT_NOTICE_DAYS, SIGNET_FIELD_TYPE_REVIEW_MONTHS,
  };

  /* The message under the name, the field it is about marked. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (error->domain == SIGNET_FIELD_ERROR && error->code == (int) fields[i])
        gtk_widget_add_css_class (rows[i], "error");
      else
        gtk_widget_remove_css_class (rows[i], "error");
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), error->message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}
