/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-archive-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-archive-dialog.h"
#include "signet-date.h"
#include "signet-store-events.h"
#include "signet-store-originals.h"

struct _SignetArchiveDialog
{
  AdwDialog            parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
  SignetStore         *store;
};

G_DEFINE_FINAL_TYPE (SignetArchiveDialog, signet_archive_dialog, ADW_TYPE_DIALOG)

enum {
  OPEN_CONTRACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (SignetArchiveDialog *self,
                  AdwActionRow        *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "contract-id"));

  g_signal_emit (self, signals[OPEN_CONTRACT], 0, id);
}

static GtkWidget *
new_loan_row (SignetArchiveDialog *self,
              const SignetLoan    *loan,
              const char          *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *borrower = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *lent = signet_date_format_display (loan->lent_on);
  g_autofree char *due = signet_date_format_display (loan->due_on);
  const char *name = loan->borrower != NULL ? loan->borrower : _("Someone no longer in People");

  /* Translators: a contract in the archive view: its number and title. */
  title = g_strdup_printf (_("%s · %s"), loan->contract_number, loan->contract_title != NULL ? loan->contract_title : "");
  borrower = loan->department != NULL && *loan->department != '\0'
    /* Translators: a borrower and their department: "王芳 (法务部)". */
    ? g_strdup_printf (_("%s (%s)"), name, loan->department)
    : g_strdup (name);

  if (signet_loan_get_state (loan, today) == SIGNET_LOAN_OVERDUE)
    {
      guint late = signet_loan_days_late (loan, today);

      /* Translators: a loan past its due date in the archive view; %u is
       * the days since. */
      dates = g_strdup_printf (ngettext ("Lent on %s, due on %s: overdue by %u day",
                                         "Lent on %s, due on %s: overdue by %u days", late), lent, due, late);
      gtk_widget_add_css_class (row, "error");
    }
  else
    dates = g_strdup_printf (_("Lent on %s, due on %s"), lent, due);

  /* Translators: the borrower, then the dates of the loan. */
  subtitle = g_strdup_printf (_("%s · %s"), borrower, dates);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "contract-id", GSIZE_TO_POINTER ((gsize) loan->contract_id));
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static void
reload (SignetArchiveDialog *self)
{
  g_autoptr(GPtrArray) loans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->store == NULL)
    return;

  today = signet_store_dup_today (self->store);
  if (!(loans = signet_store_list_open_loans (self->store, &error)))
    {
      g_warning ("Could not list the originals on loan: %s", error->message);
      loans = g_ptr_array_new ();
    }

  for (guint i = 0; i < loans->len; i++)
    {
      GtkWidget *row = new_loan_row (self, g_ptr_array_index (loans, i), today);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, loans->len > 0 ? "loans" : "empty");
}

/* A loan lent or returned anywhere, a contract deleted or restored, or
 * one renumbered or retitled. */
static void
store_changed_cb (SignetArchiveDialog *self,
                  SignetRecordKind     kind,
                  gint64               id,
                  SignetChangeKind     change,
                  SignetStore         *store)
{
  if (kind == SIGNET_RECORD_CONTRACT)
    reload (self);
}

static void
signet_archive_dialog_dispose (GObject *object)
{
  SignetArchiveDialog *self = SIGNET_ARCHIVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_ARCHIVE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_archive_dialog_parent_class)->dispose (object);
}

static void
signet_archive_dialog_class_init (SignetArchiveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_archive_dialog_dispose;

  signals[OPEN_CONTRACT] = g_signal_new ("open-contract", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-archive-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetArchiveDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetArchiveDialog, group);
}

static void
signet_archive_dialog_init (SignetArchiveDialog *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwDialog *
signet_archive_dialog_new (SignetStore *store)
{
  SignetArchiveDialog *self = g_object_new (SIGNET_TYPE_ARCHIVE_DIALOG, NULL);

  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);

  return ADW_DIALOG (self);
}
