/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-contract-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "signet-amendment.h"
#include "signet-contract-page-private.h"
#include "signet-contract-process.h"
#include "signet-store-team.h"

/* A signed contract's terms are locked: the rows of its number, client,
 * title, value, dates and notice period are insensitive, and a row over
 * the form says why and offers Amend…, which opens the amendments
 * section's dialog. The store refuses such an edit anyway
 * (signet_store_save_contract()); the page only never offers it.
 *
 * Where the store may not be written at all (signet_store_can_edit(): a
 * reader or an archivist of a team register, a register opened
 * read-only), every field is locked so, and Amend… too; the sections
 * lock their own actions (signet_contract_section_may_write()). */

static void
amend_clicked_cb (SignetContractPage *self,
                  GtkButton          *button)
{
  if (self->amendments_section != NULL)
    signet_amendments_section_amend (self->amendments_section);
}

void
_signet_contract_page_build_locks (SignetContractPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Amend…"));
  GtkWidget *first_group = gtk_widget_get_first_child (GTK_WIDGET (self->form_box));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Signed contracts change by amendment."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Locked"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Record an amendment that changes this contract’s terms"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (amend_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_widget_add_css_class (group, "locked-terms");
  gtk_widget_set_visible (group, FALSE);

  /* Right over the fields it locks, under what the page shows first. */
  while (first_group != NULL && !ADW_IS_PREFERENCES_GROUP (first_group))
    first_group = gtk_widget_get_next_sibling (first_group);
  gtk_box_insert_child_after (self->form_box, group,
                              first_group != NULL ? gtk_widget_get_prev_sibling (first_group) : NULL);
  self->lock_notice = group;
  self->lock_button = button;
}

static gboolean
may_edit (SignetContractPage *self)
{
  return self->store == NULL || signet_store_can_edit (self->store);
}

static gboolean
is_locked (SignetContractPage *self)
{
  return self->contract != NULL && signet_contract_get_id (self->contract) != 0 &&
         signet_contract_is_signed (self->contract);
}

/* Whether the keyboard focus is in @widget. */
static gboolean
has_focus_within (GtkWidget *widget,
                  GtkWidget *focus)
{
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
_signet_contract_page_update_locks (SignetContractPage *self)
{
  gboolean locked = is_locked (self);
  gboolean read_only = !may_edit (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focus_locked = FALSE;

  for (SignetField field = SIGNET_FIELD_CONTRACT_NUMBER; field < N_CONTRACT_FIELDS; field++)
    if (self->field_widgets[field] != NULL &&
        (read_only || signet_contract_field_is_locked_when_signed (field)))
      focus_locked |= has_focus_within (self->field_widgets[field], focus);
  focus_locked |= has_focus_within (GTK_WIDGET (self->auto_renew_row), focus);
  if (read_only)
    focus_locked |= has_focus_within (GTK_WIDGET (self->confidential_row), focus);

  if (self->lock_notice != NULL)
    gtk_widget_set_visible (self->lock_notice, locked);
  if (self->lock_button != NULL)
    gtk_widget_set_sensitive (self->lock_button, !read_only);

  /* A text field made insensitive while it has the focus never hears
   * that it lost it (GTK warns): the focus moves to Amend… first, or out
   * of the form when nothing in it may be changed. */
  if (focus_locked && locked && !read_only && self->lock_button != NULL)
    gtk_widget_grab_focus (self->lock_button);
  else if (focus_locked && (locked || read_only) && root != NULL)
    gtk_root_set_focus (root, NULL);

  for (SignetField field = SIGNET_FIELD_CONTRACT_NUMBER; field < N_CONTRACT_FIELDS; field++)
    if (self->field_widgets[field] != NULL)
      gtk_widget_set_sensitive (self->field_widgets[field],
                                !read_only && !(locked && signet_contract_field_is_locked_when_signed (field)));

  /* Auto-renew goes with the notice period. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->auto_renew_row), !locked && !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confidential_row), !read_only);
}

gboolean
_signet_contract_page_focus_locks (SignetContractPage *self)
{
  if (!is_locked (self) || !may_edit (self) || self->lock_button == NULL)
    return FALSE;

  gtk_widget_grab_focus (self->lock_button);

  return TRUE;
}
