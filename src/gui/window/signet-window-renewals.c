/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-date.h"
#include "signet-renewal-dialog.h"
#include "signet-store-amendments.h"
#include "signet-store-renewals.h"
#include "signet-window-private.h"

/* Renew… and the renewal chain's rows, wherever they are asked for (the
 * process section of a contract's page, the agenda): win.renew-contract
 * opens the Renew dialog for a contract, writes the renewal and opens the
 * successor's page; win.open-contract opens a contract's page. */

typedef struct
{
  SignetWindow *window;
  gint64        contract_id;
  gint64        version;
} Renewal;

static void
renewal_free (gpointer  data,
              GClosure *closure)
{
  Renewal *renewal = data;

  g_clear_weak_pointer (&renewal->window);
  g_free (renewal);
}

static void
renewal_responded_cb (SignetRenewalDialog *dialog,
                      const char          *response,
                      Renewal             *renewal)
{
  SignetWindow *self = renewal->window;
  g_autoptr(SignetContract) successor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;

  if (g_strcmp0 (response, "renew") != 0 || self == NULL || self->store == NULL)
    return;

  successor = signet_renewal_dialog_dup_successor (dialog, &error);
  if (successor == NULL)
    return;

  comment = signet_renewal_dialog_dup_comment (dialog);
  /* The page of the predecessor hears of its new status from the store,
   * as of any step; the successor's page opens. */
  if (!signet_store_renew_contract (self->store, renewal->contract_id, renewal->version, successor,
                                    NULL, comment, &error))
    {
      _signet_window_show_error (self, _("The Contract Was Not Renewed"), error);
      return;
    }

  signet_window_open_contract (self, signet_contract_get_id (successor));
}

static void
renew_contract_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(SignetContract) terms = NULL;
  g_autoptr(SignetContract) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;
  Renewal *renewal;
  AdwDialog *dialog;

  if (self->store == NULL)
    return;

  pattern = g_settings_get_string (self->settings, "number-pattern");
  proposal = signet_store_propose_renewal (self->store, id, pattern, &error);
  if (proposal != NULL)
    terms = signet_store_get_contract_terms (self->store, id, SIGNET_DATE_MAX, NULL, NULL, &error);
  if (terms == NULL)
    {
      _signet_window_show_error (self, _("The Contract Cannot Be Renewed"), error);
      return;
    }

  renewal = g_new0 (Renewal, 1);
  g_set_weak_pointer (&renewal->window, self);
  renewal->contract_id = id;
  renewal->version = signet_contract_get_version (terms);

  dialog = signet_renewal_dialog_new (terms, proposal);
  g_signal_connect_data (dialog, "response", G_CALLBACK (renewal_responded_cb), renewal, renewal_free, 0);
  adw_dialog_present (dialog, widget);
}

static void
open_contract_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  signet_window_open_contract (SIGNET_WINDOW (widget), g_variant_get_int64 (parameter));
}

void
_signet_window_class_init_renewals (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.renew-contract", "x", renew_contract_activated);
  gtk_widget_class_install_action (widget_class, "win.open-contract", "x", open_contract_activated);
}
