/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-renewals-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-renewals-section.h"
#include "signet-store-renewals.h"

struct _SignetRenewalsSection
{
  SignetContractSection parent_instance;

  AdwPreferencesGroup *group;
  /* The chain's rows, as listed now. */
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (SignetRenewalsSection, signet_renewals_section, SIGNET_TYPE_CONTRACT_SECTION)

/* What the contract of the row at @index is to the one shown, at @here. */
static char *
row_title (const SignetRenewalLink *link,
           guint                    index,
           guint                    here)
{
  if (index == here)
    /* Translators: the row of the contract shown, in its renewal chain;
     * %s is its number. */
    return g_strdup_printf (_("This contract, %s"), link->number);
  if (index + 1 == here)
    /* Translators: the contract the one shown renews; %s is its number. */
    return g_strdup_printf (_("Renewal of %s"), link->number);
  if (index == here + 1)
    /* Translators: the contract that renews the one shown; %s is its
     * number. */
    return g_strdup_printf (_("Renewed as %s"), link->number);
  if (index < here)
    /* Translators: a term of the chain before the one the contract renews. */
    return g_strdup_printf (_("Earlier term %s"), link->number);
  /* Translators: a term of the chain after the one that renews the contract. */
  return g_strdup_printf (_("Later term %s"), link->number);
}

static char *
row_subtitle (const SignetRenewalLink *link)
{
  g_autofree char *start = signet_date_format_display (link->start_date);
  g_autofree char *end = signet_date_format_display (link->end_date);

  if (*start == '\0' || *end == '\0')
    return g_strdup (link->title != NULL ? link->title : "");

  /* Translators: a term of a renewal chain: its title, then its start and
   * end dates: "办公室租赁 · 2026-01-01 – 2026-12-31". */
  return g_strdup_printf (_("%s · %s – %s"), link->title != NULL ? link->title : "", start, end);
}

static void
row_activated_cb (AdwActionRow *row,
                  gpointer      user_data)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "contract-id"));

  gtk_widget_activate_action (GTK_WIDGET (row), "win.open-contract", "x", id);
}

static void
clear_rows (SignetRenewalsSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
signet_renewals_section_reload (SignetContractSection *section)
{
  SignetRenewalsSection *self = SIGNET_RENEWALS_SECTION (section);
  SignetStore *store = signet_contract_section_get_store (section);
  gint64 id = signet_contract_section_get_contract_id (section);
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GError) error = NULL;
  guint here = 0;

  clear_rows (self);

  if (store != NULL && id > 0 && !(chain = signet_store_get_renewal_chain (store, id, &error)))
    g_warning ("Could not read the renewals of contract %" G_GINT64_FORMAT ": %s", id, error->message);

  for (guint i = 0; chain != NULL && i < chain->len; i++)
    if (((SignetRenewalLink *) g_ptr_array_index (chain, i))->id == id)
      here = i;

  for (guint i = 0; chain != NULL && chain->len > 1 && i < chain->len; i++)
    {
      const SignetRenewalLink *link = g_ptr_array_index (chain, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = row_title (link, i, here);
      g_autofree char *subtitle = row_subtitle (link);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (i != here)
        {
          g_object_set_data (G_OBJECT (row), "contract-id", GSIZE_TO_POINTER ((gsize) link->id));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), NULL);
        }
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  /* Hidden whole, so that the page keeps no gap for it; a hidden section
   * still reloads at once (signet-contract-section.c). */
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

static void
signet_renewals_section_dispose (GObject *object)
{
  SignetRenewalsSection *self = SIGNET_RENEWALS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_RENEWALS_SECTION);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_renewals_section_parent_class)->dispose (object);
}

static void
signet_renewals_section_class_init (SignetRenewalsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_renewals_section_dispose;

  /* A renewal reaches the predecessor as a change of its fields (its
   * status) and the successor as its renewal link; a term's own dates and
   * number are its fields. */
  section_class->reload = signet_renewals_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_FIELDS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_RENEWALS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-renewals-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetRenewalsSection, group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_renewals_section_init (SignetRenewalsSection *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
signet_renewals_section_new (void)
{
  return g_object_new (SIGNET_TYPE_RENEWALS_SECTION, NULL);
}
