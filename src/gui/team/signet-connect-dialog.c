/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-connect-dialog.h"
#include "signet-db-pg.h"
#include "signet-team-register.h"

struct _SignetConnectDialog
{
  AdwDialog           parent_instance;

  GtkStack           *connect_stack;
  GtkWidget          *connect_button;
  AdwPreferencesGroup *error_group;
  GtkLabel           *error_title;
  GtkLabel           *error_advice;
  GtkLabel           *error_detail;
  AdwEntryRow        *server_row;
  AdwEntryRow        *database_row;
  AdwEntryRow        *user_row;
  AdwEntryRow        *password_row;
  AdwSwitchRow       *remember_row;

  /* Set while a connection is tried; cancelled when the dialog goes. */
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (SignetConnectDialog, signet_connect_dialog, ADW_TYPE_DIALOG)

enum {
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  SignetTeamAddress *address;
  char              *password;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  signet_team_address_free (attempt->address);
  g_free (attempt->password);
  g_free (attempt);
}

static void
set_busy (SignetConnectDialog *self,
          gboolean             busy)
{
  gtk_stack_set_visible_child_name (self->connect_stack, busy ? "busy" : "button");
  /* Not made insensitive: the field with the focus keeps it. */
  gtk_editable_set_editable (GTK_EDITABLE (self->server_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->database_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->user_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_row), !busy);
}

/* The heading and what to do, for each way connecting fails; the error's
 * own message, which quotes the server, goes below them. */
static void
show_error (SignetConnectDialog     *self,
            const SignetTeamAddress *address,
            const GError            *error)
{
  g_autofree char *title = NULL;
  g_autofree char *advice = NULL;
  /* The page explains; below, in small print, what the server said. */
  g_autofree char *cause = signet_db_pg_error_dup_cause (error);
  const char *detail = cause;

  if (error->domain == SIGNET_DB_PG_ERROR && error->code == SIGNET_DB_PG_ERROR_CERTIFICATE)
    {
      title = g_strdup (_("The Server’s Identity Could Not Be Verified"));
      advice = g_strdup_printf (_("The server’s certificate is not trusted, or it is not made out to "
                                  "“%s”, so Signet did not send your password. Ask the server’s "
                                  "administrator for the certificate of the authority that signed it "
                                  "(the CA certificate), save it as ~/.postgresql/root.crt (or name "
                                  "its file in the PGSSLROOTCERT environment variable) and connect "
                                  "again. Check also that the server’s name is typed as it is in its "
                                  "certificate."),
                                address->server);
    }
  else if (error->domain == SIGNET_DB_PG_ERROR && error->code == SIGNET_DB_PG_ERROR_AUTHENTICATION)
    {
      title = g_strdup (_("Wrong User Name or Password"));
      advice = g_strdup_printf (_("The server did not let “%s” in with this password. Check the user "
                                  "name and type the password again; if it still fails, ask the "
                                  "administrator whether your user may use this database."),
                                address->user);
    }
  else if (error->domain == SIGNET_DB_PG_ERROR && error->code == SIGNET_DB_PG_ERROR_UNREACHABLE)
    {
      title = g_strdup (_("The Server Could Not Be Reached"));
      advice = g_strdup_printf (_("No server answered at “%s”. Check its name and port, that this "
                                  "computer is on the office network (or its VPN), and ask the "
                                  "administrator whether the server is running."),
                                address->server);
    }
  else if (error->domain == SIGNET_DB_PG_ERROR && error->code == SIGNET_DB_PG_ERROR_NO_DATABASE)
    {
      title = g_strdup (_("No Such Database"));
      advice = g_strdup_printf (_("The server has no database named “%s”. Check the name with the "
                                  "administrator."),
                                address->database);
    }
  else if (error->domain == SIGNET_STORE_ERROR && error->code == SIGNET_STORE_ERROR_NOT_A_DATABASE)
    {
      title = g_strdup (_("Not a Signet Register"));
      advice = g_strdup (_("The database is there but holds no Signet register. The administrator "
                           "makes one with signet --setup-server."));
    }
  else if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_INVALID_ARGUMENT)
    {
      title = g_strdup (_("Check What You Typed"));
      advice = g_strdup (error->message);
      detail = NULL;
    }
  else
    {
      title = g_strdup (_("Could Not Open the Team Register"));
      advice = g_strdup (_("Check the server, database and user name, or ask the administrator."));
    }

  gtk_label_set_label (self->error_title, title);
  gtk_label_set_label (self->error_advice, advice);
  gtk_label_set_label (self->error_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_detail), detail != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), title, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  SignetStore *store;
  GError *error = NULL;

  store = signet_team_register_open (attempt->address, attempt->password, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SignetConnectDialog *self = SIGNET_CONNECT_DIALOG (source);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autoptr(SignetStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (store == NULL)
    {
      show_error (self, attempt->address, error);
      return;
    }

  /* Not being able to keep the password does not undo the connection. A
   * password typed with Remember off replaces none, and one kept before
   * is forgotten; with no password typed, the kept one was used. */
  if (attempt->password != NULL && adw_switch_row_get_active (self->remember_row))
    {
      if (!signet_team_password_store (attempt->address, attempt->password, &error))
        notice = g_strdup_printf (_("The password could not be kept in the keyring: %s"), error->message);
    }
  else if (attempt->password != NULL && !signet_team_password_forget (attempt->address, &error))
    g_debug ("No password to forget in the keyring: %s", error->message);

  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, store, notice);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
connect_clicked_cb (SignetConnectDialog *self)
{
  g_autoptr(SignetTeamAddress) address = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char *password;
  Attempt *attempt;

  if (self->cancellable != NULL)
    return;

  address = signet_team_address_new (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->database_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                     &error);
  if (address == NULL)
    {
      show_error (self, NULL, error);
      return;
    }

  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  attempt = g_new0 (Attempt, 1);
  attempt->address = g_steal_pointer (&address);
  attempt->password = *password != '\0' ? g_strdup (password) : NULL;

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, opened_cb, NULL);
  g_task_set_source_tag (task, connect_clicked_cb);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, open_in_thread);
}

static void
signet_connect_dialog_dispose (GObject *object)
{
  SignetConnectDialog *self = SIGNET_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), SIGNET_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (signet_connect_dialog_parent_class)->dispose (object);
}

static void
signet_connect_dialog_class_init (SignetConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_connect_dialog_dispose;

  signals[SIGNAL_CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SIGNET_TYPE_STORE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, connect_stack);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, error_title);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, error_advice);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, error_detail);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, SignetConnectDialog, remember_row);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
}

static void
signet_connect_dialog_init (SignetConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
signet_connect_dialog_new (void)
{
  return g_object_new (SIGNET_TYPE_CONNECT_DIALOG, NULL);
}
