/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-types-page"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-contract-type-dialog.h"
#include "signet-contract-types-page.h"
#include "signet-error-dialog.h"
#include "signet-store-team.h"
#include "signet-store-types.h"
#include "signet-tombstone.h"

struct _SignetContractTypesPage
{
  AdwPreferencesPage  parent_instance;

  GtkListBox         *types_list;

  SignetStore        *store;
  /* The last type deleted here, which the toast's Undo brings back. */
  SignetTombstone    *tombstone;
};

G_DEFINE_FINAL_TYPE (SignetContractTypesPage, signet_contract_types_page, ADW_TYPE_PREFERENCES_PAGE)

/* What a type sets, in a line under its name: "12 months · CNY · 2 key
 * dates · 3 clauses to confirm"; "No defaults" for a bare name. */
static char *
describe_type (SignetContractType *type)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint term = signet_contract_type_get_term_months (type);
  guint n_offsets = signet_contract_type_get_key_date_offsets (type)->len;
  guint n_clauses = g_strv_length ((char **) signet_contract_type_get_checklist (type));

  if (term > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", term), term));
  if (signet_contract_type_get_currency (type) != NULL)
    g_ptr_array_add (parts, g_strdup (signet_contract_type_get_currency (type)));
  if (signet_contract_type_get_department (type) != NULL)
    g_ptr_array_add (parts, g_strdup (signet_contract_type_get_department (type)));
  if (n_offsets > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u key date", "%u key dates", n_offsets),
                                             n_offsets));
  if (n_clauses > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause to confirm",
                                                          "%u clauses to confirm", n_clauses), n_clauses));
  if (parts->len == 0)
    return g_strdup (_("No defaults"));

  g_ptr_array_add (parts, NULL);
  /* A middle dot, as between a person's department and role. */
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
dialog_saved_cb (SignetContractTypesPage  *self,
                 SignetContractTypeDialog *dialog)
{
  g_autoptr(SignetContractType) type = signet_contract_type_dialog_dup_type (dialog);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->store == NULL)
    return;

  if (signet_contract_type_get_id (type) > 0)
    saved = signet_store_update_contract_type (self->store, type, &error);
  else
    saved = signet_store_add_contract_type (self->store, type, &error);

  if (!saved)
    {
      signet_contract_type_dialog_show_error (dialog, error);
      return;
    }

  adw_dialog_close (ADW_DIALOG (dialog));
}

static void
open_dialog (SignetContractTypesPage *self,
             SignetContractType      *type)
{
  AdwDialog *dialog = signet_contract_type_dialog_new (type);

  g_signal_connect_object (dialog, "save", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
row_activated_cb (SignetContractTypesPage *self,
                  AdwActionRow            *row)
{
  SignetContractType *type = g_object_get_data (G_OBJECT (row), "signet-contract-type");

  open_dialog (self, type);
}

static void
undo_clicked_cb (SignetContractTypesPage *self,
                 AdwToast                *toast)
{
  g_autoptr(GError) error = NULL;

  if (self->tombstone == NULL || self->store == NULL)
    return;

  if (!signet_store_restore (self->store, self->tombstone, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The Contract Type Could Not Be Restored"), error);
  g_clear_object (&self->tombstone);
}

static void
delete_clicked_cb (SignetContractTypesPage *self,
                   GtkButton               *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  SignetContractType *type = g_object_get_data (G_OBJECT (row), "signet-contract-type");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  AdwToast *toast;

  g_clear_object (&self->tombstone);
  self->tombstone = signet_store_delete (self->store, SIGNET_TOMBSTONE_CONTRACT_TYPE,
                                         signet_contract_type_get_id (type), &error);
  if (self->tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The Contract Type Was Not Deleted"), error);
      return;
    }

  /* Translators: %s is the name of a contract type. */
  title = g_strdup_printf (_("Contract type “%s” deleted"), signet_tombstone_get_label (self->tombstone));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, G_CONNECT_SWAPPED);

  dialog = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_DIALOG);
  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static GtkWidget *
new_type_row (SignetContractTypesPage *self,
              SignetContractType      *type)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *summary = describe_type (type);
  g_autofree char *delete_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signet_contract_type_get_name (type));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "signet-contract-type", g_object_ref (type), g_object_unref);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete the Type"));
  /* Translators: %s is the name of a contract type. */
  delete_label = g_strdup_printf (_("Delete the type “%s”"), signet_contract_type_get_name (type));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_signal_connect_object (delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
reload (SignetContractTypesPage *self)
{
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  /* Row by row: the list's placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (self->types_list, 0)) != NULL)
    gtk_list_box_remove (self->types_list, GTK_WIDGET (row));
  if (self->store == NULL)
    return;

  types = signet_store_list_contract_types (self->store, &error);
  if (types == NULL)
    {
      g_warning ("Could not list the contract types: %s", error->message);
      return;
    }

  for (guint i = 0; i < types->len; i++)
    gtk_list_box_append (self->types_list, new_type_row (self, g_ptr_array_index (types, i)));
}

static void
store_changed_cb (SignetContractTypesPage *self,
                  SignetRecordKind         kind,
                  gint64                   id,
                  SignetChangeKind         change,
                  SignetStore             *store)
{
  reload (self);
}

static void
store_reset_cb (SignetContractTypesPage *self,
                SignetStore             *store)
{
  reload (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (SIGNET_CONTRACT_TYPES_PAGE (widget), NULL);
}

static void
signet_contract_types_page_dispose (GObject *object)
{
  SignetContractTypesPage *self = SIGNET_CONTRACT_TYPES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->tombstone);

  G_OBJECT_CLASS (signet_contract_types_page_parent_class)->dispose (object);
}

static void
signet_contract_types_page_class_init (SignetContractTypesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_contract_types_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-contract-types-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetContractTypesPage, types_list);

  gtk_widget_class_install_action (widget_class, "types.add", NULL, add_activated);
}

static void
signet_contract_types_page_init (SignetContractTypesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->types_list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
signet_contract_types_page_new (SignetStore *store)
{
  SignetContractTypesPage *self = g_object_new (SIGNET_TYPE_CONTRACT_TYPES_PAGE, NULL);

  g_return_val_if_fail (store == NULL || SIGNET_IS_STORE (store), NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (store, "changed::" SIGNET_STORE_CHANGED_CONTRACT_TYPES,
                               G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "reset", G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
      /* Shown but not changed by whoever may not change the settings:
       * the rows neither open nor delete. */
      if (!signet_store_can_edit_settings (store))
        {
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "types.add", FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->types_list), FALSE);
        }
    }
  reload (self);

  return GTK_WIDGET (self);
}
