/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-attachments-section"

#include "config.h"

#include <errno.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-attachment-details-dialog.h"
#include "signet-attachments-section.h"
#include "signet-error-dialog.h"
#include "signet-store-attachments.h"
#include "signet-tombstone.h"
#include "signet-undo.h"

struct _SignetAttachmentsSection
{
  SignetContractSection parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget   *add_button;
  GtkLabel    *hint_label;
  /* The attachments' rows, as listed now. */
  GPtrArray   *rows;

  /* attachment id -> SignetAttachment, as listed */
  GHashTable  *attachments;

  /* Cancels the file chooser open now, if any; it answers with the
   * attachment it replaces or the version it saves a copy of. */
  GCancellable *chooser;
  gint64       replacing_id;
  gint64       saving_version_id;
};

G_DEFINE_FINAL_TYPE (SignetAttachmentsSection, signet_attachments_section, SIGNET_TYPE_CONTRACT_SECTION)

enum {
  OPEN_PDF,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static SignetStore *
get_store (SignetAttachmentsSection *self)
{
  return signet_contract_section_get_store (SIGNET_CONTRACT_SECTION (self));
}

static gint64
get_contract_id (SignetAttachmentsSection *self)
{
  return signet_contract_section_get_contract_id (SIGNET_CONTRACT_SECTION (self));
}

static char *
describe_attachment (SignetAttachment *attachment)
{
  g_autofree char *size = g_format_size (signet_attachment_get_size (attachment));
  const char *added_at = signet_attachment_get_added_at (attachment);
  g_autofree char *day = g_strndup (added_at ? added_at : "", 10);
  const char *description = signet_attachment_get_description (attachment);
  g_autofree char *line = NULL;

  /* Translators: role · version · size · who added it, on which day, e.g.
   * "Signed contract · version 2 · 1.2 MB · Li Lei, 2026-11-27". */
  line = g_strdup_printf (_("%s · version %u · %s · %s, %s"),
                          signet_attachment_role_to_label (signet_attachment_get_role (attachment)),
                          signet_attachment_get_version (attachment),
                          size,
                          signet_attachment_get_added_by (attachment),
                          day);

  if (description != NULL && *description != '\0')
    return g_strdup_printf ("%s\n%s", description, line);

  return g_steal_pointer (&line);
}

static GMenuModel *
build_row_menu (SignetAttachmentsSection *self,
                SignetAttachment         *attachment)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) versions = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = signet_attachment_get_id (attachment);

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Save As…"), NULL);

    g_menu_item_set_action_and_target_value (item, "attachment.save", g_variant_new_int64 (id));
    g_menu_append_item (menu, item);
  }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Replace With New Version…"), NULL);

    g_menu_item_set_action_and_target_value (item, "attachment.replace", g_variant_new_int64 (id));
    g_menu_append_item (menu, item);
  }

  list = signet_store_list_attachment_versions (get_store (self), id, NULL);
  if (list != NULL && list->len > 1)
    {
      for (guint i = 0; i < list->len; i++)
        {
          SignetAttachmentVersion *version = g_ptr_array_index (list, i);
          g_autofree char *day = g_strndup (version->added_at ? version->added_at : "", 10);
          g_autofree char *label = NULL;
          g_autoptr(GMenuItem) item = NULL;

          /* Translators: an earlier version of an attached file in a menu,
           * e.g. "Version 1 · contract.pdf · 2026-10-02". */
          label = g_strdup_printf (_("Version %u · %s · %s"), version->version, version->file_name, day);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "attachment.open-version",
                                                   g_variant_new ("(xx)", id, version->id));
          g_menu_append_item (versions, item);
        }
      g_menu_append_submenu (menu, _("_Versions"), G_MENU_MODEL (versions));
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Role and D_escription…"), NULL);

    g_menu_item_set_action_and_target_value (item, "attachment.edit", g_variant_new_int64 (id));
    g_menu_append_item (edit, item);
  }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Delete"), NULL);

    g_menu_item_set_action_and_target_value (item, "attachment.delete", g_variant_new_int64 (id));
    g_menu_append_item (edit, item);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
build_row (SignetAttachmentsSection *self,
           SignetAttachment         *attachment)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (signet_attachment_get_content_type (attachment));
  g_autofree char *subtitle = describe_attachment (attachment);
  g_autoptr(GMenuModel) menu = build_row_menu (self, attachment);
  g_autofree char *open_label = NULL;
  g_autofree char *menu_label = NULL;
  GtkWidget *image = gtk_image_new_from_gicon (icon);
  GtkWidget *open_button;
  GtkWidget *menu_button;
  gint64 id = signet_attachment_get_id (attachment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signet_attachment_get_file_name (attachment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  open_button = gtk_button_new_with_mnemonic (_("_Open"));
  gtk_widget_set_valign (open_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open_button), "attachment.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (open_button), g_variant_new_int64 (id));
  /* Translators: the accessible name of a button that opens an attached file. */
  open_label = g_strdup_printf (_("Open %s"), signet_attachment_get_file_name (attachment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("More for this file"));
  /* Translators: the accessible name of the menu button of an attached file. */
  menu_label = g_strdup_printf (_("More for %s"), signet_attachment_get_file_name (attachment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open_button);

  return row;
}

static void
signet_attachments_section_reload (SignetContractSection *section)
{
  SignetAttachmentsSection *self = SIGNET_ATTACHMENTS_SECTION (section);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->attachments);

  gtk_widget_set_sensitive (self->add_button, get_store (self) != NULL && get_contract_id (self) > 0);

  if (get_store (self) == NULL || get_contract_id (self) <= 0)
    {
      gtk_label_set_text (self->hint_label, _("Save the contract to attach files to it."));
      return;
    }

  list = signet_store_list_attachments (get_store (self), get_contract_id (self), &error);
  if (list == NULL)
    {
      gtk_label_set_text (self->hint_label, error->message);
      return;
    }

  for (guint i = 0; i < list->len; i++)
    {
      SignetAttachment *attachment = g_ptr_array_index (list, i);
      GtkWidget *row = build_row (self, attachment);

      g_hash_table_insert (self->attachments,
                           g_memdup2 (&(gint64) { signet_attachment_get_id (attachment) }, sizeof (gint64)),
                           g_object_ref (attachment));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_label_set_text (self->hint_label,
                      list->len > 0
                        ? _("Drop files here to attach more.")
                        : _("No files attached. Drop the signed PDF here, or choose Add File."));
}

static SignetAttachment *
lookup (SignetAttachmentsSection *self,
        gint64                    id)
{
  return g_hash_table_lookup (self->attachments, &id);
}

/* Adding */

typedef struct
{
  SignetAttachmentsSection *self;
  GFile                    *file;
  gint64                    contract_id;
  gint64                    replacing_id;
} AddData;

static void
add_data_free (AddData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static SignetAttachmentRole
default_role (SignetAttachmentsSection *self,
              gint64                    contract_id,
              const char               *content_type)
{
  g_autoptr(GPtrArray) stored = NULL;

  if (content_type == NULL || !g_content_type_is_a (content_type, "application/pdf"))
    return SIGNET_ATTACHMENT_ROLE_OTHER;

  /* The first PDF of a contract is most often the signed one. Asked of
   * the store, not of the list: files dropped together are attached one
   * by one as each is read, and a section hidden meanwhile (the user went
   * back to the list) shows the ones before only once it is shown. */
  stored = signet_store_list_attachments (get_store (self), contract_id, NULL);
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    if (signet_attachment_get_role (g_ptr_array_index (stored, i)) == SIGNET_ATTACHMENT_ROLE_SIGNED)
      return SIGNET_ATTACHMENT_ROLE_APPENDIX;

  return SIGNET_ATTACHMENT_ROLE_SIGNED;
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AddData *data = user_data;
  SignetAttachmentsSection *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SignetAttachment) attachment = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *contents = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *content_type = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    goto failed;

  /* The contract changed while the file was read: attach nothing. */
  if (get_store (self) == NULL || get_contract_id (self) != data->contract_id)
    {
      add_data_free (data);
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  content_type = g_content_type_guess (name, g_bytes_get_data (bytes, NULL), length, NULL);

  if (data->replacing_id > 0)
    attachment = signet_store_replace_attachment (get_store (self), data->replacing_id, bytes, name, NULL, &error);
  else
    attachment = signet_store_add_attachment (get_store (self), data->contract_id, bytes, name, NULL,
                                              default_role (self, data->contract_id, content_type), NULL, &error);
  if (attachment == NULL)
    goto failed;

  signet_toast_show (GTK_WIDGET (self), adw_toast_new_format (data->replacing_id > 0
                                            ? _("“%s” added as a new version")
                                            : _("“%s” attached as %s"),
                                          name,
                                          signet_attachment_role_to_label (signet_attachment_get_role (attachment))));
  add_data_free (data);
  return;

failed:
  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("“%s” Was Not Attached"), name);
  signet_error_dialog_show (GTK_WIDGET (self), heading, error);
  add_data_free (data);
}

static void
add_file (SignetAttachmentsSection *self,
          GFile                    *file,
          gint64                    replacing_id)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  AddData *data;

  if (get_store (self) == NULL)
    return;

  /* Refused before it is read, so a huge file never fills the memory and
   * the register's own files are never opened outside SQLite. */
  if (signet_store_check_not_register_file (get_store (self), file, &error))
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                              G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("It is a folder. Choose the files inside it instead."));
  else if (info != NULL && (guint64) g_file_info_get_size (info) > SIGNET_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (SIGNET_ATTACHMENT_MAX_SIZE);

      g_set_error (&error, SIGNET_ATTACHMENT_ERROR, SIGNET_ATTACHMENT_ERROR_TOO_LARGE,
                   _("It is larger than %s, the most Signet keeps."), limit);
    }

  if (error != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Attached"), name);

      signet_error_dialog_show (GTK_WIDGET (self), heading, error);
      return;
    }

  data = g_new0 (AddData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->contract_id = get_contract_id (self);
  data->replacing_id = replacing_id;
  g_file_load_contents_async (file, NULL, file_loaded_cb, data);
}

void
signet_attachments_section_add_files (SignetAttachmentsSection *self,
                                      GSList                   *files)
{
  g_return_if_fail (SIGNET_IS_ATTACHMENTS_SECTION (self));

  if (get_store (self) == NULL || get_contract_id (self) <= 0)
    return;

  for (GSList *l = files; l != NULL; l = l->next)
    add_file (self, l->data, 0);
}

/* A chooser closed without a file: nothing to say unless it failed. */
static void
chooser_failed (SignetAttachmentsSection *self,
                const GError             *error)
{
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return;

  signet_error_dialog_show (GTK_WIDGET (self), _("No File Could Be Chosen"), error);
}

static void
files_chosen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SignetAttachmentsSection) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->chooser);
  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, &error);
  if (files == NULL)
    {
      chooser_failed (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      add_file (self, file, 0);
    }
}

static void
replacement_chosen_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SignetAttachmentsSection) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 replacing_id = self->replacing_id;

  g_clear_object (&self->chooser);
  self->replacing_id = 0;
  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL)
    chooser_failed (self, error);
  else
    add_file (self, file, replacing_id);
}

/* Add File… (several files) or Replace (one, the new version of
 * @replacing_id). */
static void
choose_files (SignetAttachmentsSection *self,
              gint64                    replacing_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) pdfs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_filter_set_name (pdfs, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdfs, "application/pdf");
  g_list_store_append (filters, all);
  g_list_store_append (filters, pdfs);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, replacing_id > 0 ? _("Replace With a New Version") : _("Attach Files"));
  gtk_file_dialog_set_accept_label (dialog, replacing_id > 0 ? _("_Replace") : _("_Attach"));

  self->chooser = g_cancellable_new ();
  self->replacing_id = replacing_id;
  if (replacing_id > 0)
    gtk_file_dialog_open (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->chooser,
                          replacement_chosen_cb, g_object_ref (self));
  else
    gtk_file_dialog_open_multiple (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->chooser,
                                   files_chosen_cb, g_object_ref (self));
}

/* Opening */

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SignetAttachmentsSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    signet_error_dialog_show (GTK_WIDGET (self), _("The File Could Not Be Opened"), error);
}

/* A file read and written in the background on its way out of the
 * register: to the cache folder to be opened, or where the user saves a
 * copy. */
typedef struct
{
  SignetAttachmentsSection *self;
  GFile                    *file;
  gboolean                  open_after;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_object_unref (export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static const char *
export_error_heading (Export *export)
{
  return export->open_after ? _("The File Could Not Be Opened") : _("The File Was Not Saved");
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      signet_error_dialog_show (GTK_WIDGET (export->self), export_error_heading (export), error);
    }
  else if (export->open_after)
    {
      g_autofree char *uri = g_file_get_uri (export->file);

      g_app_info_launch_default_for_uri_async (uri, NULL, NULL, launched_cb, g_object_ref (export->self));
    }
  else
    {
      g_autofree char *name = g_file_get_basename (export->file);

      signet_toast_show (GTK_WIDGET (export->self), adw_toast_new_format (_("Saved as “%s”"), name));
    }
}

static void
export_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  bytes = signet_store_load_version_bytes_finish (SIGNET_STORE (source), result, &error);
  if (bytes == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (export->self), export_error_heading (export), error);
      return;
    }

  /* g_file_replace writes beside the file and renames it into place; a new
   * file is readable by this user only. */
  file = export->file;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                       export_written_cb, g_steal_pointer (&export));
}

/* Reads version @version_id in a thread and writes it to @file, then opens
 * it with the default application if @open_after. */
static void
export_version (SignetAttachmentsSection *self,
                gint64                    version_id,
                GFile                    *file,
                gboolean                  open_after)
{
  Export *export = g_new0 (Export, 1);

  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  export->open_after = open_after;
  signet_store_load_version_bytes_async (get_store (self), version_id, NULL, export_loaded_cb, export);
}

/* A file that is not a PDF opens in the default application: a copy is
 * written under the cache folder (named by its checksum, so the original
 * is never touched) and handed over through the portal in the Flatpak. */
static void
open_externally (SignetAttachmentsSection *self,
                 gint64                    version_id,
                 const char               *file_name,
                 const char               *sha256)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "signet", "open", sha256, NULL);
  g_autofree char *safe_name = g_path_get_basename (file_name);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, safe_name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, g_io_error_from_errno (errno),
                                             _("The folder %s could not be made."), dir);

      signet_error_dialog_show (GTK_WIDGET (self), _("The File Could Not Be Opened"), error);
      return;
    }

  export_version (self, version_id, file, TRUE);
}

static void
open_version (SignetAttachmentsSection *self,
              SignetAttachment         *attachment,
              gint64                    version_id)
{
  g_autoptr(GPtrArray) versions = NULL;
  SignetAttachmentVersion *version = NULL;

  versions = signet_store_list_attachment_versions (get_store (self), signet_attachment_get_id (attachment), NULL);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    if (((SignetAttachmentVersion *) g_ptr_array_index (versions, i))->id == version_id)
      version = g_ptr_array_index (versions, i);

  if (version == NULL)
    return;

  if (signet_attachment_version_is_pdf (version))
    g_signal_emit (self, signals[OPEN_PDF], 0, attachment, version_id);
  else
    open_externally (self, version_id, version->file_name, version->sha256);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetAttachmentsSection *self = SIGNET_ATTACHMENTS_SECTION (widget);
  SignetAttachment *attachment = lookup (self, g_variant_get_int64 (parameter));

  if (attachment != NULL)
    open_version (self, attachment, signet_attachment_get_version_id (attachment));
}

static void
open_version_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SignetAttachmentsSection *self = SIGNET_ATTACHMENTS_SECTION (widget);
  gint64 attachment_id;
  gint64 version_id;
  SignetAttachment *attachment;

  g_variant_get (parameter, "(xx)", &attachment_id, &version_id);
  attachment = lookup (self, attachment_id);
  if (attachment != NULL)
    open_version (self, attachment, version_id);
}

/* Saving out */

static void
copy_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SignetAttachmentsSection) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->chooser);
  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  if (file == NULL)
    chooser_failed (self, error);
  else if (get_store (self) == NULL)
    return;
  else if (signet_store_check_not_register_file (get_store (self), file, &error))
    export_version (self, self->saving_version_id, file, FALSE);
  else
    signet_error_dialog_show (GTK_WIDGET (self), _("The File Was Not Saved"), error);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetAttachmentsSection *self = SIGNET_ATTACHMENTS_SECTION (widget);
  SignetAttachment *attachment = lookup (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileDialog) dialog = NULL;

  if (attachment == NULL || self->chooser != NULL)
    return;

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Save a Copy"));
  gtk_file_dialog_set_accept_label (dialog, _("_Save"));
  gtk_file_dialog_set_initial_name (dialog, signet_attachment_get_file_name (attachment));

  self->chooser = g_cancellable_new ();
  self->saving_version_id = signet_attachment_get_version_id (attachment);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->chooser,
                        copy_chosen_cb, g_object_ref (self));
}

static void
replace_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_files (SIGNET_ATTACHMENTS_SECTION (widget), g_variant_get_int64 (parameter));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_files (SIGNET_ATTACHMENTS_SECTION (widget), 0);
}

/* Role and description */

static void
edit_responded_cb (SignetAttachmentsSection      *self,
                   const char                    *response,
                   SignetAttachmentDetailsDialog *dialog)
{
  SignetAttachment *attachment = signet_attachment_details_dialog_get_attachment (dialog);
  g_autoptr(SignetAttachment) updated = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL)
    return;

  updated = signet_store_update_attachment (get_store (self), signet_attachment_get_id (attachment),
                                            signet_attachment_details_dialog_get_role (dialog),
                                            signet_attachment_details_dialog_get_description (dialog), &error);
  if (updated == NULL)
    signet_error_dialog_show (GTK_WIDGET (self), _("The Changes Were Not Saved"), error);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SignetAttachmentsSection *self = SIGNET_ATTACHMENTS_SECTION (widget);
  SignetAttachment *attachment = lookup (self, g_variant_get_int64 (parameter));
  AdwDialog *dialog;

  if (attachment == NULL)
    return;

  dialog = signet_attachment_details_dialog_new (attachment);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_responded_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

/* Deleting, with Undo (see SignetUndo) */

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetAttachmentsSection *self = SIGNET_ATTACHMENTS_SECTION (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (lookup (self, id) == NULL)
    return;

  tombstone = signet_store_delete (get_store (self), SIGNET_TOMBSTONE_ATTACHMENT, id, &error);
  if (tombstone == NULL)
    {
      signet_error_dialog_show (GTK_WIDGET (self), _("The File Was Not Deleted"), error);
      return;
    }

  signet_undo_offer (widget, get_store (self), tombstone);
}

static void
signet_attachments_section_dispose (GObject *object)
{
  SignetAttachmentsSection *self = (SignetAttachmentsSection *)object;

  g_cancellable_cancel (self->chooser);
  g_clear_object (&self->chooser);
  if (self->group != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->group)));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_hash_table_unref);

  G_OBJECT_CLASS (signet_attachments_section_parent_class)->dispose (object);
}

static void
signet_attachments_section_class_init (SignetAttachmentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SignetContractSectionClass *section_class = SIGNET_CONTRACT_SECTION_CLASS (klass);

  object_class->dispose = signet_attachments_section_dispose;

  /* The list shows the files and their details only: a saved title, a
   * key date or a review leaves it (and a menu open on it) as it is.
   * Annotations belong to the files listed, so they count as theirs.
   * The section's own writes (a file attached, replaced, described or
   * deleted) come back to it as these changes too, so it does not reload
   * after them: it would build its rows twice. */
  section_class->reload = signet_attachments_section_reload;
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_ATTACHMENTS);
  signet_contract_section_class_watch (section_class, SIGNET_STORE_CHANGED_ANNOTATIONS);

  signals[OPEN_PDF] =
    g_signal_new ("open-pdf", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SIGNET_TYPE_ATTACHMENT, G_TYPE_INT64);

  signet_contract_section_class_install_write (section_class, "attachments.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "attachment.open", "x", open_activated);
  gtk_widget_class_install_action (widget_class, "attachment.open-version", "(xx)", open_version_activated);
  gtk_widget_class_install_action (widget_class, "attachment.save", "x", save_activated);
  signet_contract_section_class_install_write (section_class, "attachment.replace", "x", replace_activated);
  signet_contract_section_class_install_write (section_class, "attachment.edit", "x", edit_activated);
  signet_contract_section_class_install_write (section_class, "attachment.delete", "x", delete_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_attachments_section_init (SignetAttachmentsSection *self)
{
  GtkWidget *hint = gtk_label_new (NULL);

  self->attachments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->rows = g_ptr_array_new ();

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Attachments"));
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));

  self->add_button = gtk_button_new_with_mnemonic (_("_Add File…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "attachments.add");
  gtk_widget_set_tooltip_text (self->add_button, _("Attach a file to this contract"));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  adw_preferences_group_set_header_suffix (self->group, self->add_button);

  /* Under the list: what to do to attach (more) files. */
  self->hint_label = GTK_LABEL (hint);
  gtk_label_set_xalign (self->hint_label, 0.0f);
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_wrap_mode (self->hint_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (hint, 6);
  gtk_widget_add_css_class (hint, "dimmed");
  adw_preferences_group_add (self->group, hint);

  /* What it says until it has a contract. */
  signet_attachments_section_reload (SIGNET_CONTRACT_SECTION (self));
}

GtkWidget *
signet_attachments_section_new (void)
{
  return g_object_new (SIGNET_TYPE_ATTACHMENTS_SECTION, NULL);
}

guint
signet_attachments_section_get_n_attachments (SignetAttachmentsSection *self)
{
  g_return_val_if_fail (SIGNET_IS_ATTACHMENTS_SECTION (self), 0);

  return g_hash_table_size (self->attachments);
}
