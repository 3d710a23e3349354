/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-original-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date-entry.h"
#include "signet-error-dialog.h"
#include "signet-original-dialog.h"
#include "signet-person.h"

struct _SignetOriginalDialog
{
  AdwAlertDialog   parent_instance;

  GtkListBox      *fields;
  AdwEntryRow     *number_row;
  AdwEntryRow     *room_row;
  AdwEntryRow     *cabinet_row;
  AdwEntryRow     *shelf_row;
  AdwEntryRow     *box_row;
  AdwSpinRow      *originals_row;
  AdwSpinRow      *copies_row;
  AdwComboRow     *archived_by_row;
  SignetDateEntry *archived_on_row;
  AdwEntryRow     *note_row;
  /* The people of the combo row's items after its first, "Nobody". */
  GArray          *people_ids;
};

G_DEFINE_FINAL_TYPE (SignetOriginalDialog, signet_original_dialog, ADW_TYPE_ALERT_DIALOG)

static void
signet_original_dialog_finalize (GObject *object)
{
  SignetOriginalDialog *self = SIGNET_ORIGINAL_DIALOG (object);

  g_clear_pointer (&self->people_ids, g_array_unref);

  G_OBJECT_CLASS (signet_original_dialog_parent_class)->finalize (object);
}

static void
signet_original_dialog_class_init (SignetOriginalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = signet_original_dialog_finalize;

  g_type_ensure (SIGNET_TYPE_DATE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-original-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, room_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, cabinet_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, shelf_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, box_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, originals_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, copies_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, archived_by_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, archived_on_row);
  gtk_widget_class_bind_template_child (widget_class, SignetOriginalDialog, note_row);
}

static void
signet_original_dialog_init (SignetOriginalDialog *self)
{
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

AdwDialog *
signet_original_dialog_new (const SignetOriginal *original,
                            GListModel           *people,
                            const char           *today)
{
  SignetOriginalDialog *self = g_object_new (SIGNET_TYPE_ORIGINAL_DIALOG, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;
  guint selected = 0;

  /* Translators: the archivist of a paper original, when nobody is named. */
  gtk_string_list_append (names, C_("archivist", "Nobody"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (people, i);
      gint64 id = signet_person_get_id (person);

      gtk_string_list_append (names, signet_person_get_name (person));
      g_array_append_val (self->people_ids, id);
      if (original != NULL && original->archived_by_id == id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->archived_by_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->archived_by_row, selected);

  if (original != NULL)
    {
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Edit the Paper Original"));
      adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "save", _("_Save"));
      set_text (self->number_row, original->archive_number);
      set_text (self->room_row, original->room);
      set_text (self->cabinet_row, original->cabinet);
      set_text (self->shelf_row, original->shelf);
      set_text (self->box_row, original->box);
      adw_spin_row_set_value (self->originals_row, original->originals);
      adw_spin_row_set_value (self->copies_row, original->copies);
      signet_date_entry_set_date (self->archived_on_row, original->archived_on);
      set_text (self->note_row, original->note);
    }
  else
    {
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Record the Paper Original"));
      adw_alert_dialog_set_body (ADW_ALERT_DIALOG (self),
                                 _("Where the signed original is kept, so that it can be found and lent."));
      adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "save", _("_Record"));
      signet_date_entry_set_date (self->archived_on_row, today);
    }
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (self));

  return ADW_DIALOG (self);
}

static char *
dup_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text != '\0' ? g_strdup (text) : NULL;
}

SignetOriginal *
signet_original_dialog_dup_original (SignetOriginalDialog  *self,
                                     gint64                 contract_id,
                                     const SignetOriginal  *original,
                                     GError               **error)
{
  g_autoptr(SignetOriginal) edited = NULL;
  g_autofree char *archived_on = NULL;
  guint selected;

  g_return_val_if_fail (SIGNET_IS_ORIGINAL_DIALOG (self), NULL);

  if (!signet_date_entry_get_date (self->archived_on_row, &archived_on, error))
    return NULL;

  edited = original != NULL ? signet_original_copy (original) : signet_original_new (contract_id);
  g_free (edited->archive_number);
  edited->archive_number = dup_text (self->number_row);
  g_free (edited->room);
  edited->room = dup_text (self->room_row);
  g_free (edited->cabinet);
  edited->cabinet = dup_text (self->cabinet_row);
  g_free (edited->shelf);
  edited->shelf = dup_text (self->shelf_row);
  g_free (edited->box);
  edited->box = dup_text (self->box_row);
  edited->originals = (guint) adw_spin_row_get_value (self->originals_row);
  edited->copies = (guint) adw_spin_row_get_value (self->copies_row);
  selected = adw_combo_row_get_selected (self->archived_by_row);
  edited->archived_by_id = selected >= 1 && selected <= self->people_ids->len
    ? g_array_index (self->people_ids, gint64, selected - 1) : 0;
  g_free (edited->archived_on);
  edited->archived_on = g_steal_pointer (&archived_on);
  g_free (edited->note);
  edited->note = dup_text (self->note_row);

  return g_steal_pointer (&edited);
}
