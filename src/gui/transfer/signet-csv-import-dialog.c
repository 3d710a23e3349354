/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-csv-import-dialog.h"
#include "signet-csv-import.h"
#include "signet-money.h"
#include "signet-undo.h"

/* A spreadsheet comes in over three pages: the mapping (the encoding
 * found, each column's field guessed from its header or remembered from
 * the last file with these headers, the unit of amounts), a dry run's
 * summary with the clients it would create, then the import. The dry run
 * and the import run in a thread with a progress bar; Cancel, or closing
 * the dialog, writes nothing. */

/* The rows of each column shown under its header. */
#define PREVIEW_ROWS 3

static const SignetCsvEncoding encodings[] = {
  SIGNET_CSV_ENCODING_UTF8, SIGNET_CSV_ENCODING_UTF8_BOM, SIGNET_CSV_ENCODING_GB18030,
};

static const guint units[] = { 1, 1000, 10000 };

struct _SignetCsvImportDialog
{
  AdwDialog              parent_instance;

  GtkWidget             *cancel_button;
  GtkWidget             *check_button;
  GtkWidget             *import_button;
  GtkWidget             *back_button;
  GtkStack              *stack;
  AdwPreferencesPage    *mapping_page;
  AdwPreferencesGroup   *file_group;
  AdwComboRow           *encoding_row;
  AdwComboRow           *unit_row;
  AdwComboRow           *currency_row;
  AdwPreferencesGroup   *columns_group;
  GtkLabel              *mapping_problem_label;
  GtkLabel              *progress_label;
  GtkProgressBar        *progress_bar;
  GtkLabel              *summary_label;
  AdwPreferencesGroup   *new_clients_group;
  GtkWidget             *create_clients_group;
  AdwSwitchRow          *create_clients_row;
  AdwStatusPage         *error_page;
  GtkWidget             *location_group;
  AdwActionRow          *row_row;
  AdwActionRow          *column_row;
  AdwActionRow          *header_row;

  GtkWindow             *parent;
  AdwToastOverlay       *toasts;
  SignetStore           *store;
  GFile                 *file;
  GCancellable          *cancellable;
  SignetCsvPreview      *preview;
  SignetCsvMapping      *mapping;
  /* The column rows and the new clients' rows, to take away again. */
  GPtrArray             *column_rows;
  GPtrArray             *client_rows;
  gboolean               has_new_clients;
  /* While the rows are filled in from the mapping, their "selected" is
   * not the user's choice. */
  gboolean               filling;
};

G_DEFINE_FINAL_TYPE (SignetCsvImportDialog, signet_csv_import_dialog, ADW_TYPE_DIALOG)

static void
show_buttons (SignetCsvImportDialog *self,
              GtkWidget             *shown)
{
  gtk_widget_set_visible (self->check_button, shown == self->check_button);
  gtk_widget_set_visible (self->import_button, shown == self->import_button);
  gtk_widget_set_visible (self->back_button, shown == self->back_button || shown == self->import_button);
  if (shown != NULL)
    adw_dialog_set_default_widget (ADW_DIALOG (self), shown);
}

/* What stops the mapping from being checked, under the columns. */
static void
update_mapping_problem (SignetCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean fits = signet_csv_mapping_check (self->mapping, &error);

  gtk_label_set_text (self->mapping_problem_label, fits ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_problem_label), !fits);
  gtk_widget_set_sensitive (self->check_button, fits);
}

static char *
describe_column (SignetCsvImportDialog *self,
                 guint                  column)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;

  for (guint r = 0; r < self->preview->rows->len && r < PREVIEW_ROWS; r++)
    {
      char **cells = g_ptr_array_index (self->preview->rows, r);
      const char *cell = column < g_strv_length (cells) ? cells[column] : "";
      g_autofree char *one_line = g_strdelimit (g_strstrip (g_strdup (cell)), "\r\n", ' ');

      g_strv_builder_add (values, *one_line != '\0' ? one_line : "—");
    }

  shown = g_strv_builder_end (values);
  /* Translators: between the first values of a column, "HT-0001 · HT-0002 · HT-0003". */
  return g_strjoinv (_(" · "), shown);
}

static guint
unit_position (guint unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (units[i] == unit)
      return i;

  return 0;
}

static guint
currency_position (const char *currency)
{
  const char * const *codes = signet_currency_list ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], currency))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
column_row_selected_cb (AdwComboRow           *row,
                        GParamSpec            *pspec,
                        SignetCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "signet-column"));
  SignetCsvField field = adw_combo_row_get_selected (row);

  if (self->filling || field >= SIGNET_CSV_N_FIELDS)
    return;

  self->mapping->fields[column] = field;

  /* A column chosen for the value brings the unit its header says. */
  if (field == SIGNET_CSV_FIELD_VALUE)
    {
      guint unit = 1;

      signet_csv_guess_field (self->mapping->headers[column], &unit);
      self->mapping->value_unit = unit;
      adw_combo_row_set_selected (self->unit_row, unit_position (unit));
    }

  update_mapping_problem (self);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
fill_mapping_page (SignetCsvImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *found = NULL;

  self->filling = TRUE;

  for (guint f = 0; f < SIGNET_CSV_N_FIELDS; f++)
    gtk_string_list_append (fields, signet_csv_field_to_label (f));

  adw_preferences_group_set_description (self->file_group, name);
  adw_combo_row_set_selected (self->encoding_row, 0);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i] == self->preview->encoding)
      adw_combo_row_set_selected (self->encoding_row, i);
  adw_combo_row_set_selected (self->unit_row, unit_position (self->mapping->value_unit));
  adw_combo_row_set_selected (self->currency_row, currency_position (self->mapping->currency));

  clear_rows (self->columns_group, self->column_rows);
  for (guint i = 0; i < self->mapping->n_columns; i++)
    {
      g_autofree char *values = describe_column (self, i);
      g_autofree char *title = NULL;
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      if (*self->mapping->headers[i] != '\0')
        title = g_strdup (self->mapping->headers[i]);
      else
        /* Translators: a column of a spreadsheet without a header. */
        title = g_strdup_printf (_("Column %u"), i + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, self->mapping->fields[i]);
      g_object_set_data (G_OBJECT (row), "signet-column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_row_selected_cb), self, 0);

      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }

  self->filling = FALSE;
  update_mapping_problem (self);
}

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  if (text != NULL)
    adw_action_row_set_subtitle (row, text);
}

static void
show_error (SignetCsvImportDialog *self,
            const GError          *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);
  g_autofree char *row = NULL;
  g_autofree char *column = NULL;
  const char *header = signet_csv_error_get_header (error);

  if (signet_csv_error_get_row (error) > 0)
    row = g_strdup_printf ("%u", signet_csv_error_get_row (error));
  if (signet_csv_error_get_column (error) > 0)
    column = g_strdup_printf ("%u", signet_csv_error_get_column (error));
  if (header != NULL && *header == '\0')
    header = NULL;

  adw_status_page_set_description (self->error_page, description);
  set_row_text (self->row_row, row);
  set_row_text (self->column_row, column);
  set_row_text (self->header_row, header);
  gtk_widget_set_visible (self->location_group, row != NULL || column != NULL);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  /* The mapping or the encoding may be what is wrong: the user goes back
   * to it; a file that cannot be read has nothing to go back to. */
  show_buttons (self, self->mapping != NULL ? self->back_button : NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The file as read in the encoding chosen (AUTO: found), its mapping as
 * the register remembers it or as its headers say. */
static gboolean
load_preview (SignetCsvImportDialog *self,
              SignetCsvEncoding      encoding)
{
  g_autoptr(GError) error = NULL;
  SignetCsvPreview *preview;

  preview = signet_csv_preview (self->file, encoding, PREVIEW_ROWS, NULL, &error);
  if (preview == NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  g_clear_pointer (&self->preview, signet_csv_preview_free);
  g_clear_pointer (&self->mapping, signet_csv_mapping_free);
  self->preview = preview;
  self->mapping = signet_csv_mapping_for_register (self->store, (const char * const *) preview->headers);
  fill_mapping_page (self);

  return TRUE;
}

static void
show_mapping (SignetCsvImportDialog *self)
{
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Cancel"));
  show_buttons (self, self->check_button);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

static void
show_progress (SignetCsvImportDialog *self,
               const char            *message)
{
  gtk_label_set_text (self->progress_label, message);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Cancel"));
  show_buttons (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "progress");
}

static void
update_import_button (SignetCsvImportDialog *self)
{
  gtk_widget_set_sensitive (self->import_button,
                            !self->has_new_clients || adw_switch_row_get_active (self->create_clients_row));
}

/* The dry run's sentences without the names of the new clients, which
 * the rows below list, however many there are. */
static char *
describe_dry_run (const SignetCsvImportReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "Dry run: %u contract would be added.",
                                       "Dry run: %u contracts would be added.", report->contracts_added),
                          report->contracts_added);
  g_string_append_c (text, '\n');
  /* Translators: %s is an encoding, such as “GBK (GB18030)”. */
  g_string_append_printf (text, _("Read as %s."), signet_csv_encoding_to_label (report->encoding));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_summary (SignetCsvImportDialog       *self,
              const SignetCsvImportReport *report)
{
  g_autofree char *summary = describe_dry_run (report);

  gtk_label_set_text (self->summary_label, summary);

  clear_rows (self->new_clients_group, self->client_rows);
  for (guint i = 0; i < report->new_clients->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (report->new_clients, i));
      adw_preferences_group_add (self->new_clients_group, row);
      g_ptr_array_add (self->client_rows, row);
    }

  self->has_new_clients = report->new_clients->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->new_clients_group), self->has_new_clients);
  gtk_widget_set_visible (self->create_clients_group, self->has_new_clients);
  adw_switch_row_set_active (self->create_clients_row, FALSE);

  show_buttons (self, self->import_button);
  update_import_button (self);
  gtk_widget_set_sensitive (self->import_button,
                            gtk_widget_get_sensitive (self->import_button) && report->contracts_added > 0);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
show_done (SignetCsvImportDialog       *self,
           const SignetCsvImportReport *report)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;

  /* Translators: %u is a number of contracts, %s a file name. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract imported from “%s”",
                                        "%u contracts imported from “%s”", report->contracts_added),
                           report->contracts_added, name);

  if (self->toasts != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_use_markup (toast, FALSE);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }

  adw_dialog_close (ADW_DIALOG (self));
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SignetCsvImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SignetCsvImportDialog) self = user_data;
  g_autoptr(SignetCsvImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = signet_csv_import_finish (SIGNET_STORE (source), result, &error);
  g_clear_object (&self->cancellable);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (report == NULL)
    show_error (self, error);
  else if (report->dry_run)
    show_summary (self, report);
  else
    {
      /* The import writes through a connection of its own, which the
       * window's Undo does not count: it is the user's next change all
       * the same. */
      signet_undo_forget (signet_undo_get (GTK_WIDGET (self)));
      show_done (self, report);
    }
}

static void
start_import (SignetCsvImportDialog *self,
              gboolean               dry_run)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *message = NULL;
  SignetCsvImportOptions options = { 0 };

  options.dry_run = dry_run;
  options.create_clients = adw_switch_row_get_active (self->create_clients_row);
  options.encoding = self->preview->encoding;

  /* Translators: %s is a file name. */
  message = g_strdup_printf (dry_run ? _("Checking “%s”…") : _("Importing “%s”…"), name);
  show_progress (self, message);

  self->cancellable = g_cancellable_new ();
  signet_csv_import_async (self->store, self->file, self->mapping, &options, self->cancellable,
                           progress_cb, g_object_ref (self), g_object_unref,
                           import_finished_cb, g_object_ref (self));
}

static void
open_file (SignetCsvImportDialog *self)
{
  adw_dialog_present (ADW_DIALOG (self), GTK_WIDGET (self->parent));
  if (load_preview (self, SIGNET_CSV_ENCODING_AUTO))
    show_mapping (self);
}

/* The dialog shows once a file is chosen; without one it goes unseen. */
static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignetCsvImportDialog) self = user_data;

  self->file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  if (self->file == NULL)
    return;

  open_file (self);
}

static void
encoding_row_selected_cb (SignetCsvImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->filling || self->preview == NULL || selected >= G_N_ELEMENTS (encodings) ||
      encodings[selected] == self->preview->encoding)
    return;

  /* Other headers may read differently: the mapping is made anew. */
  if (!load_preview (self, encodings[selected]))
    return;
  show_mapping (self);
}

static void
unit_row_selected_cb (SignetCsvImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  if (self->filling || self->mapping == NULL || selected >= G_N_ELEMENTS (units))
    return;

  self->mapping->value_unit = units[selected];
}

static void
currency_row_selected_cb (SignetCsvImportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->currency_row);

  if (self->filling || self->mapping == NULL || item == NULL)
    return;

  g_set_str (&self->mapping->currency, gtk_string_object_get_string (item));
}

static void
create_clients_row_toggled_cb (SignetCsvImportDialog *self)
{
  update_import_button (self);
}

static void
cancel_button_clicked_cb (SignetCsvImportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
check_button_clicked_cb (SignetCsvImportDialog *self)
{
  start_import (self, TRUE);
}

static void
import_button_clicked_cb (SignetCsvImportDialog *self)
{
  start_import (self, FALSE);
}

static void
back_button_clicked_cb (SignetCsvImportDialog *self)
{
  /* The rows again from the mapping as it stands, with the encoding it
   * was read in, whatever was chosen since and could not be read. */
  fill_mapping_page (self);
  show_mapping (self);
}

static void
signet_csv_import_dialog_closed (AdwDialog *dialog)
{
  SignetCsvImportDialog *self = SIGNET_CSV_IMPORT_DIALOG (dialog);

  /* A running import rolls back: closing never leaves half a file
   * imported. */
  g_cancellable_cancel (self->cancellable);

  ADW_DIALOG_CLASS (signet_csv_import_dialog_parent_class)->closed (dialog);
}

static void
signet_csv_import_dialog_dispose (GObject *object)
{
  SignetCsvImportDialog *self = SIGNET_CSV_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->parent);
  g_clear_weak_pointer (&self->toasts);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_CSV_IMPORT_DIALOG);

  G_OBJECT_CLASS (signet_csv_import_dialog_parent_class)->dispose (object);
}

static void
signet_csv_import_dialog_finalize (GObject *object)
{
  SignetCsvImportDialog *self = SIGNET_CSV_IMPORT_DIALOG (object);

  g_clear_pointer (&self->preview, signet_csv_preview_free);
  g_clear_pointer (&self->mapping, signet_csv_mapping_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->client_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_csv_import_dialog_parent_class)->finalize (object);
}

static void
signet_csv_import_dialog_class_init (SignetCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = signet_csv_import_dialog_dispose;
  object_class->finalize = signet_csv_import_dialog_finalize;
  dialog_class->closed = signet_csv_import_dialog_closed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, check_button);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, mapping_page);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, mapping_problem_label);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, new_clients_group);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, create_clients_group);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, create_clients_row);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, location_group);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, row_row);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, column_row);
  gtk_widget_class_bind_template_child (widget_class, SignetCsvImportDialog, header_row);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, encoding_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clients_row_toggled_cb);
}

static void
signet_csv_import_dialog_init (SignetCsvImportDialog *self)
{
  g_autoptr(GtkStringList) encoding_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) unit_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) currencies = NULL;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (encoding_names, signet_csv_encoding_to_label (encodings[i]));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_names));

  gtk_string_list_append (unit_names, _("Yuan (as Written)"));
  gtk_string_list_append (unit_names, _("Thousands (千元)"));
  gtk_string_list_append (unit_names, _("Ten Thousands (万元)"));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (unit_names));

  currencies = gtk_string_list_new ((const char * const *) signet_currency_list ());
  adw_combo_row_set_expression (self->currency_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currencies));

  self->column_rows = g_ptr_array_new ();
  self->client_rows = g_ptr_array_new ();
  self->filling = FALSE;
}

SignetCsvImportDialog *
signet_csv_import_dialog_new (GtkWindow       *parent,
                              SignetStore     *store,
                              AdwToastOverlay *toasts)
{
  SignetCsvImportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIGNET_IS_STORE (store), NULL);
  g_return_val_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts), NULL);

  self = g_object_new (SIGNET_TYPE_CSV_IMPORT_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);
  g_set_weak_pointer (&self->toasts, toasts);
  self->store = g_object_ref (store);

  return self;
}

void
signet_csv_import_dialog_choose_file (SignetCsvImportDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) spreadsheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_files = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_return_if_fail (SIGNET_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (self->file == NULL);

  gtk_file_filter_set_name (spreadsheets, _("CSV Files"));
  gtk_file_filter_add_mime_type (spreadsheets, "text/csv");
  gtk_file_filter_add_suffix (spreadsheets, "csv");
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  g_list_store_append (filters, spreadsheets);
  g_list_store_append (filters, all_files);

  gtk_file_dialog_set_title (dialog, _("Import Spreadsheet"));
  gtk_file_dialog_set_accept_label (dialog, _("_Open"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, spreadsheets);
  /* Held until the file is chosen: nothing else holds the dialog yet. */
  gtk_file_dialog_open (dialog, self->parent, NULL, file_chosen_cb, g_object_ref_sink (self));
}

void
signet_csv_import_dialog_open_file (SignetCsvImportDialog *self,
                                    GFile                 *file)
{
  g_return_if_fail (SIGNET_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->file == NULL);

  self->file = g_object_ref (file);
  open_file (self);
}
