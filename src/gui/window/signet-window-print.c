/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-window"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-print-commands.h"
#include "signet-print-list.h"
#include "signet-print-reports.h"
#include "signet-print-summary.h"
#include "signet-store-events.h"
#include "signet-window-private.h"

/* Print… and Export as PDF… of the contract on the page (its summary
 * sheet, from the contract's menu) and of the list as it is searched and
 * sorted (from the main menu), where Print Report prints the overview and
 * this year's scorecards too (the print dialog's Print to File makes a PDF
 * of them). Ctrl+P prints the contract or the list, the one the focus is
 * in. */

typedef enum
{
  OUTPUT_PRINT,
  OUTPUT_PDF,
} Output;

static gint64
shown_contract_id (SignetWindow *self)
{
  SignetContract *shown = signet_contract_page_get_contract (self->page);

  return shown != NULL ? signet_contract_get_id (shown) : 0;
}

static void
output_document (SignetWindow        *self,
                 SignetPrintDocument *document,
                 Output               output,
                 const char          *file_name)
{
  if (output == OUTPUT_PRINT)
    signet_print_show_dialog (document, GTK_WIDGET (self));
  else
    signet_print_ask_export_pdf (document, self->store, GTK_WIDGET (self), file_name);
}

/* What is stored is printed: the page's edits are saved or discarded
 * first (_signet_window_after_unsaved()). */
static void
output_summary (SignetWindow *self,
                gpointer      data)
{
  Output output = GPOINTER_TO_INT (data);
  gint64 id = shown_contract_id (self);
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(SignetContract) contract = NULL;

  if (self->store == NULL || id == 0)
    return;

  document = signet_print_summary_new (self->store, id, &error);
  if (document == NULL)
    {
      _signet_window_show_error (self, _("The Contract Cannot Be Printed"), error);
      return;
    }

  contract = signet_store_get_contract (self->store, id, NULL);
  file_name = g_strdup_printf ("%s.pdf", contract != NULL ? signet_contract_get_number (contract) : "contract");
  output_document (self, document, output, file_name);
}

static void
output_list (SignetWindow *self,
             Output        output)
{
  g_autoptr(SignetPrintDocument) document = NULL;

  if (self->store == NULL || self->list == NULL)
    return;

  document = signet_print_list_new (self->list, self->query_title);
  /* Translators: the suggested file name of the contract list as PDF. */
  output_document (self, document, output, _("contracts.pdf"));
}

/* "overview", "client-scorecards" or "department-scorecards". */
static void
print_report_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  const char *report = g_variant_get_string (parameter, NULL);
  g_autoptr(SignetPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (g_str_equal (report, "overview"))
    document = signet_print_overview_new (self->store, &error);
  else
    {
      g_autofree char *today = signet_store_dup_today (self->store);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      signet_scorecard_period_get_range (SIGNET_SCORECARD_PERIOD_THIS_YEAR, today, &from, &to);
      document = signet_print_scorecards_new (self->store,
                                              g_str_equal (report, "department-scorecards")
                                              ? SIGNET_SCORECARD_DEPARTMENT : SIGNET_SCORECARD_CLIENT,
                                              from, to, &error);
    }

  if (document == NULL)
    {
      _signet_window_show_error (self, _("The Report Cannot Be Printed"), error);
      return;
    }

  signet_print_show_dialog (document, GTK_WIDGET (self));
}

static void
print_contract_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _signet_window_after_unsaved (SIGNET_WINDOW (widget), output_summary, GINT_TO_POINTER (OUTPUT_PRINT), NULL);
}

static void
export_contract_pdf_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  _signet_window_after_unsaved (SIGNET_WINDOW (widget), output_summary, GINT_TO_POINTER (OUTPUT_PDF), NULL);
}

static void
print_list_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  output_list (SIGNET_WINDOW (widget), OUTPUT_PRINT);
}

static void
export_list_pdf_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  output_list (SIGNET_WINDOW (widget), OUTPUT_PDF);
}

/* Ctrl+P: the overview when it is shown; the contract when the focus is
 * on its page, or the page is all the window shows; the list otherwise. */
static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SignetWindow *self = SIGNET_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean on_page = (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->contract_page))) ||
                     (adw_navigation_split_view_get_collapsed (self->split_view) &&
                      adw_navigation_split_view_get_show_content (self->split_view));

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "calendar") == 0)
    return;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "overview") == 0)
    {
      gtk_widget_activate_action (widget, "win.print-report", "s", "overview");
      return;
    }

  if (on_page && shown_contract_id (self) != 0)
    print_contract_activated (widget, NULL, NULL);
  else
    print_list_activated (widget, NULL, NULL);
}

void
_signet_window_update_print_actions (SignetWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean saved = self->store != NULL && shown_contract_id (self) != 0;

  gtk_widget_set_visible (self->contract_menu_button, saved);
  gtk_widget_action_set_enabled (widget, "contract.print", saved);
  gtk_widget_action_set_enabled (widget, "contract.export-pdf", saved);
  gtk_widget_action_set_enabled (widget, "win.print-list", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-list-pdf", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.print", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.print-report", self->store != NULL);
}

void
_signet_window_class_init_print (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "contract.print", NULL, print_contract_activated);
  gtk_widget_class_install_action (widget_class, "contract.export-pdf", NULL, export_contract_pdf_activated);
  gtk_widget_class_install_action (widget_class, "win.print-list", NULL, print_list_activated);
  gtk_widget_class_install_action (widget_class, "win.export-list-pdf", NULL, export_list_pdf_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.print-report", "s", print_report_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
