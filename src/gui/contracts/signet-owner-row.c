/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-owner-row"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-owner-row.h"
#include "signet-people-window.h"
#include "signet-store-people.h"

struct _SignetOwnerRow
{
  AdwComboRow  parent_instance;

  SignetStore *store;
  /* "None" (a person with id 0), then the register's people. */
  GListModel  *choices;
};

G_DEFINE_FINAL_TYPE (SignetOwnerRow, signet_owner_row, ADW_TYPE_COMBO_ROW)

static SignetPerson *
selected_person (SignetOwnerRow *self)
{
  SignetPerson *person = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self));

  return person != NULL && signet_person_get_id (person) != 0 ? person : NULL;
}

/* The position of the person @id among the choices; 0 ("None") when not
 * listed. */
static guint
find_position (SignetOwnerRow *self,
               gint64          id)
{
  guint n = g_list_model_get_n_items (self->choices);

  for (guint i = 1; id != 0 && i < n; i++)
    {
      g_autoptr(SignetPerson) person = g_list_model_get_item (self->choices, i);

      if (signet_person_get_id (person) == id)
        return i;
    }

  return 0;
}

/* The choices again, the same person chosen (by id: a renamed person
 * stays chosen, under the new name). The row's selection does not change
 * position for it, so it is set quietly only when it moved. */
static void
reload (SignetOwnerRow *self,
        gint64          select_id)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) none = g_list_store_new (SIGNET_TYPE_PERSON);
  g_autoptr(SignetPerson) nobody = signet_person_new ();
  g_autoptr(GError) error = NULL;

  /* Translators: the owner row of a contract when nobody is chosen. */
  signet_person_set_name (nobody, C_("owner", "None"));
  g_list_store_append (none, nobody);
  g_list_store_append (parts, none);
  if (self->store != NULL)
    {
      g_autoptr(GListModel) people = signet_store_list_people (self->store, &error);

      if (people != NULL)
        g_list_store_append (parts, people);
      else
        g_warning ("Could not read the people: %s", error->message);
    }

  g_set_object (&self->choices, G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)))));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), self->choices);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), find_position (self, select_id));
}


static void
person_saved_cb (SignetOwnerRow *self,
                 gint64          id,
                 AdwDialog      *dialog)
{
  reload (self, id);
  adw_dialog_close (dialog);
}

static void
new_person_clicked_cb (SignetOwnerRow *self)
{
  AdwDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = signet_people_window_new (self->store);
  g_signal_connect_object (dialog, "person-saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  signet_people_window_add_person (SIGNET_PEOPLE_WINDOW (dialog), NULL);
}

static void
signet_owner_row_dispose (GObject *object)
{
  SignetOwnerRow *self = SIGNET_OWNER_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (signet_owner_row_parent_class)->dispose (object);
}

static void
signet_owner_row_class_init (SignetOwnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = signet_owner_row_dispose;
}

static void
signet_owner_row_init (SignetOwnerRow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("contact-new-symbolic");

  adw_combo_row_set_expression (ADW_COMBO_ROW (self),
                                gtk_property_expression_new (SIGNET_TYPE_PERSON, NULL, "name"));
  adw_combo_row_set_enable_search (ADW_COMBO_ROW (self), TRUE);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("New Person…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Person…"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (new_person_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);

  reload (self, 0);
}

GtkWidget *
signet_owner_row_new (void)
{
  return g_object_new (SIGNET_TYPE_OWNER_ROW, NULL);
}

void
signet_owner_row_set_store (SignetOwnerRow *self,
                            SignetStore    *store)
{
  g_return_if_fail (SIGNET_IS_OWNER_ROW (self));

  if (g_set_object (&self->store, store))
    reload (self, 0);
}

void
signet_owner_row_reload (SignetOwnerRow *self)
{
  SignetPerson *person;

  g_return_if_fail (SIGNET_IS_OWNER_ROW (self));

  person = selected_person (self);
  reload (self, person != NULL ? signet_person_get_id (person) : 0);
}

const char *
signet_owner_row_get_owner (SignetOwnerRow *self)
{
  SignetPerson *person;

  g_return_val_if_fail (SIGNET_IS_OWNER_ROW (self), NULL);

  person = selected_person (self);

  return person != NULL ? signet_person_get_name (person) : NULL;
}

void
signet_owner_row_set_owner (SignetOwnerRow *self,
                            const char     *owner)
{
  g_autoptr(SignetPerson) person = NULL;
  g_autoptr(SignetPerson) listed = NULL;
  guint position = 0;

  g_return_if_fail (SIGNET_IS_OWNER_ROW (self));

  if (owner != NULL && self->store != NULL)
    person = signet_store_find_person (self->store, owner, NULL);
  if (person != NULL)
    position = find_position (self, signet_person_get_id (person));
  if (position != 0)
    listed = g_list_model_get_item (self->choices, position);

  /* A person added or renamed by the write that brought @owner, whose
   * "changed" this row has not had yet, is listed as stored. */
  if (person != NULL &&
      (listed == NULL || g_strcmp0 (signet_person_get_name (listed), signet_person_get_name (person)) != 0))
    reload (self, signet_person_get_id (person));
  else
    adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
}
