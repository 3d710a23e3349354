/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-approval-decision"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-approval-decision.h"
#include "signet-attachment.h"
#include "signet-decision-dialog.h"
#include "signet-error-dialog.h"
#include "signet-store-attachments.h"
#include "signet-store-people.h"

typedef struct
{
  GtkWidget              *widget;
  SignetStore            *store;
  gint64                  contract_id;
  gint64                  amendment_id;
  gint64                  expected_version;
  char                   *step_name;
  GFile                  *file;
  SignetApprovalDecision  decision;
} Decision;

static void
decision_free (Decision *self)
{
  g_clear_object (&self->widget);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_free (self->step_name);
  g_free (self->decision.approver_name);
  g_free (self->decision.opinion);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Decision, decision_free)

static void
record (Decision *self)
{
  g_autoptr(GError) error = NULL;

  if (!signet_store_decide_approval_step (self->store, self->contract_id, self->amendment_id,
                                          self->expected_version, &self->decision, &error))
    signet_error_dialog_show (self->widget, _("The Approval Decision Was Not Recorded"), error);
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Decision) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *description = NULL;
  gsize length = 0;

  if (g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      /* Translators: the description of a file attached to a decision on a
       * step of an approval route ("法务"). */
      description = g_strdup_printf (_("Approval form of the step “%s”"), self->step_name);
      attachment = signet_store_add_attachment (self->store, self->contract_id, bytes, name, NULL,
                                                SIGNET_ATTACHMENT_ROLE_OTHER, description, &error);
    }

  if (attachment == NULL)
    {
      /* Translators: %s is a file name. */
      g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Attached"), name);

      signet_error_dialog_show (self->widget, heading, error);
      return;
    }

  self->decision.attachment_id = signet_attachment_get_id (attachment);
  record (self);
}

static void
responded_cb (Decision             *self,
              const char           *response,
              SignetDecisionDialog *dialog)
{
  g_autoptr(Decision) owned = self;
  GFile *file = signet_decision_dialog_get_file (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (g_strcmp0 (response, "decide") != 0)
    return;

  signet_decision_dialog_fill_decision (dialog, &self->decision);
  if (file == NULL)
    {
      record (self);
      return;
    }

  /* Refused before it is read, as any file attached: the register's own
   * files are never opened outside SQLite, and a huge one never fills the
   * memory. */
  if (signet_store_check_not_register_file (self->store, file, &error))
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && (guint64) g_file_info_get_size (info) > SIGNET_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (SIGNET_ATTACHMENT_MAX_SIZE);

      g_set_error (&error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_TOO_LARGE,
                   _("It is larger than %s, the most Signet keeps."), limit);
    }
  if (error != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Attached"), name);

      signet_error_dialog_show (self->widget, heading, error);
      return;
    }

  self->file = g_object_ref (file);
  g_file_load_contents_async (file, NULL, file_loaded_cb, g_steal_pointer (&owned));
}

void
signet_approval_decision_ask (GtkWidget                *widget,
                              SignetStore              *store,
                              gint64                    contract_id,
                              gint64                    amendment_id,
                              const char               *subject,
                              gint64                    expected_version,
                              SignetProcessAction       action,
                              const SignetApprovalStep *step,
                              const char               *next_step)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;
  Decision *self;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SIGNET_IS_STORE (store));
  g_return_if_fail (step != NULL);

  people = signet_store_list_people (store, &error);
  if (people == NULL)
    g_warning ("Could not list the people: %s", error->message);

  self = g_new0 (Decision, 1);
  self->widget = g_object_ref (widget);
  self->store = g_object_ref (store);
  self->contract_id = contract_id;
  self->amendment_id = amendment_id;
  self->expected_version = expected_version;
  self->decision.step_id = step->id;
  self->step_name = g_strdup (step->name);

  dialog = signet_decision_dialog_new_for_step (action, step, next_step, subject, people);
  /* The dialog answers once: the response frees what it was asked for. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (responded_cb), self, NULL, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}
