/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-views-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-error-dialog.h"
#include "signet-store-team.h"
#include "signet-tombstone.h"
#include "signet-undo.h"
#include "signet-views-sidebar.h"

struct _SignetViewsSidebar
{
  GtkBox        parent_instance;

  GtkListBox   *list_box;
  GMenuModel   *row_menu;

  SignetStore  *store;
  GPtrArray    *views;      /* SignetSavedView, as the rows show them */
  gint64        selected;   /* the view chosen last, 0 for none */
  gint64        menu_id;    /* the view the row menu was opened on */
};

G_DEFINE_FINAL_TYPE (SignetViewsSidebar, signet_views_sidebar, GTK_TYPE_BOX)

enum {
  VIEW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SignetSavedView *
find_view (SignetViewsSidebar *self,
           gint64              id,
           guint              *index)
{
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      const SignetSavedView *view = g_ptr_array_index (self->views, i);

      if (view->id == id)
        {
          if (index != NULL)
            *index = i;
          return view;
        }
    }

  return NULL;
}

static void
open_row_menu (SignetViewsSidebar *self,
               GtkListBoxRow      *row,
               double              x,
               double              y)
{
  GtkWidget *menu = gtk_popover_menu_new_from_model (self->row_menu);
  guint index = (guint) gtk_list_box_row_get_index (row);

  /* The saved views are the register's: a reader's menu changes none. */
  gboolean may_edit = self->store != NULL && signet_store_can_edit (self->store);

  self->menu_id = ((SignetSavedView *) g_ptr_array_index (self->views, index))->id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "views.move-up", may_edit && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "views.move-down", may_edit && index + 1 < self->views->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "views.rename", may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "views.delete", may_edit);

  gtk_widget_set_parent (menu, GTK_WIDGET (row));
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (menu, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (menu));
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                gpointer         data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  open_row_menu (SIGNET_VIEWS_SIDEBAR (data), GTK_LIST_BOX_ROW (row), x, y);
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  SignetViewsSidebar *self = SIGNET_VIEWS_SIDEBAR (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus) ||
      gtk_widget_get_parent (focus) != GTK_WIDGET (self->list_box))
    return FALSE;

  open_row_menu (self, GTK_LIST_BOX_ROW (focus), -1, -1);
  return TRUE;
}

static GtkWidget *
new_row (SignetViewsSidebar    *self,
         const SignetSavedView *view)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (view->name);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (row, view->name);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  return row;
}

static void
reload (SignetViewsSidebar *self)
{
  g_autoptr(GError) error = NULL;
  guint index;

  gtk_list_box_remove_all (self->list_box);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  if (self->store != NULL && !(self->views = signet_store_list_saved_views (self->store, &error)))
    g_warning ("Could not read the saved views: %s", error->message);

  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    gtk_list_box_append (self->list_box, new_row (self, g_ptr_array_index (self->views, i)));

  if (find_view (self, self->selected, &index) != NULL)
    gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, (int) index));
  else
    self->selected = 0;
}

static void
store_changed_cb (SignetViewsSidebar *self,
                  SignetRecordKind    kind)
{
  if (kind == SIGNET_RECORD_SAVED_VIEW)
    reload (self);
}

static void
row_activated_cb (SignetViewsSidebar *self,
                  GtkListBoxRow      *row)
{
  const SignetSavedView *view = g_ptr_array_index (self->views, gtk_list_box_row_get_index (row));

  self->selected = view->id;
  g_signal_emit (self, signals[VIEW_ACTIVATED], 0, view);
}

static void
show_error (SignetViewsSidebar *self,
            const char         *heading,
            const GError       *error)
{
  adw_dialog_present (signet_alert_dialog_new (heading, error->message), GTK_WIDGET (self));
}

/* The name dialog of Save View… and Rename…: an entry that says under it
 * why a name was refused, and keeps the dialog open until one is taken. */
typedef struct
{
  SignetViewsSidebar *self;
  SignetSavedView    *view;   /* its id 0: a new one */
  AdwEntryRow        *entry;
  GtkLabel           *error_label;
} NameDialog;

static void
name_dialog_free (NameDialog *data)
{
  g_object_unref (data->self);
  signet_saved_view_free (data->view);
  g_free (data);
}

static gboolean
name_dialog_write (NameDialog *data)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (data->entry));
  gboolean written;

  if (data->view->id == 0)
    {
      g_free (data->view->name);
      data->view->name = g_strdup (name);
      data->view->id = signet_store_add_saved_view (data->self->store, data->view, &error);
      written = data->view->id > 0;
      if (written)
        data->self->selected = data->view->id;
    }
  else
    written = signet_store_rename_saved_view (data->self->store, data->view->id, name, &error);

  if (!written)
    {
      gtk_label_set_label (data->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (data->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (data->entry), "error");
      return FALSE;
    }

  reload (data->self);
  return TRUE;
}

static void
name_dialog_response_cb (AdwAlertDialog *dialog,
                         const char     *response,
                         NameDialog     *data)
{
  if (g_str_equal (response, "save"))
    name_dialog_write (data);
}

static void
name_entry_activated_cb (AdwEntryRow *entry,
                         AdwDialog   *dialog)
{
  NameDialog *data = g_object_get_data (G_OBJECT (dialog), "name-dialog");

  if (name_dialog_write (data))
    adw_dialog_close (dialog);
}

static void
ask_name (SignetViewsSidebar    *self,
          const SignetSavedView *view,
          const char            *heading,
          const char            *response_label)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *error_label = gtk_label_new (NULL);
  NameDialog *data = g_new0 (NameDialog, 1);

  data->self = g_object_ref (self);
  data->view = signet_saved_view_copy (view);
  data->entry = ADW_ENTRY_ROW (entry);
  data->error_label = GTK_LABEL (error_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), FALSE);
  if (view->name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), view->name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), error_label);

  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), box);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "save", response_label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  signet_alert_dialog_wrap_heading (ADW_ALERT_DIALOG (dialog));

  g_object_set_data_full (G_OBJECT (dialog), "name-dialog", data, (GDestroyNotify) name_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (name_dialog_response_cb), data);
  g_signal_connect (entry, "entry-activated", G_CALLBACK (name_entry_activated_cb), dialog);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), FALSE);

  adw_dialog_set_focus (dialog, entry);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetViewsSidebar *self = SIGNET_VIEWS_SIDEBAR (widget);
  const SignetSavedView *view = find_view (self, self->menu_id, NULL);

  if (view != NULL)
    ask_name (self, view, _("Rename View"), _("_Rename"));
}

static void
move (SignetViewsSidebar *self,
      int                 by)
{
  g_autoptr(GError) error = NULL;
  guint index;

  if (find_view (self, self->menu_id, &index) == NULL || (by < 0 && index == 0))
    return;

  if (!signet_store_move_saved_view (self->store, self->menu_id, index + by, &error))
    show_error (self, _("The View Could Not Be Moved"), error);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (SIGNET_VIEWS_SIDEBAR (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (SIGNET_VIEWS_SIDEBAR (widget), 1);
}

static void
delete_view (SignetViewsSidebar *self,
             gint64              id)
{
  g_autoptr(SignetTombstone) tombstone = NULL;
  g_autoptr(GError) error = NULL;

  if (!(tombstone = signet_store_delete (self->store, SIGNET_TOMBSTONE_SAVED_VIEW, id, &error)))
    {
      show_error (self, _("The View Could Not Be Deleted"), error);
      return;
    }

  signet_undo_offer (GTK_WIDGET (self), self->store, tombstone);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SignetViewsSidebar *self = SIGNET_VIEWS_SIDEBAR (widget);

  delete_view (self, self->menu_id);
}

/* The Delete key: the view chosen in the list. */
static void
delete_selected_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SignetViewsSidebar *self = SIGNET_VIEWS_SIDEBAR (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row != NULL)
    delete_view (self, ((SignetSavedView *) g_ptr_array_index (self->views, gtk_list_box_row_get_index (row)))->id);
}

static void
signet_views_sidebar_dispose (GObject *object)
{
  SignetViewsSidebar *self = SIGNET_VIEWS_SIDEBAR (object);

  signet_store_set_watched (&self->store, NULL, self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIGNET_TYPE_VIEWS_SIDEBAR);

  G_OBJECT_CLASS (signet_views_sidebar_parent_class)->dispose (object);
}

static void
signet_views_sidebar_finalize (GObject *object)
{
  SignetViewsSidebar *self = SIGNET_VIEWS_SIDEBAR (object);

  g_clear_pointer (&self->views, g_ptr_array_unref);

  G_OBJECT_CLASS (signet_views_sidebar_parent_class)->finalize (object);
}

static void
signet_views_sidebar_class_init (SignetViewsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_views_sidebar_dispose;
  object_class->finalize = signet_views_sidebar_finalize;

  /* The view a click chose; the window applies it to the list. */
  signals[VIEW_ACTIVATED] =
    g_signal_new ("view-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SIGNET_TYPE_SAVED_VIEW | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/signetapp/Signet/signet-views-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetViewsSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, SignetViewsSidebar, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "views.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "views.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "views.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "views.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "views.delete-selected", NULL, delete_selected_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "views.delete-selected", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
}

static void
signet_views_sidebar_init (SignetViewsSidebar *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No saved views. Filter the list, then choose Save View…"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}

GtkWidget *
signet_views_sidebar_new (void)
{
  return g_object_new (SIGNET_TYPE_VIEWS_SIDEBAR, NULL);
}

void
signet_views_sidebar_set_store (SignetViewsSidebar *self,
                                SignetStore        *store)
{
  g_return_if_fail (SIGNET_IS_VIEWS_SIDEBAR (self));

  signet_store_set_watched (&self->store, store, self, G_CALLBACK (store_changed_cb), G_CALLBACK (reload));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "views.delete-selected",
                                 store == NULL || signet_store_can_edit (store));
  self->selected = 0;
  reload (self);
}

void
signet_views_sidebar_save (SignetViewsSidebar    *self,
                           const SignetSavedView *view)
{
  g_autoptr(SignetSavedView) copy = NULL;

  g_return_if_fail (SIGNET_IS_VIEWS_SIDEBAR (self));
  g_return_if_fail (view != NULL);

  if (self->store == NULL)
    return;

  copy = signet_saved_view_copy (view);
  copy->id = 0;
  ask_name (self, copy, _("Save View"), _("_Save"));
}

void
signet_views_sidebar_select (SignetViewsSidebar *self,
                             gint64              id)
{
  guint index;

  g_return_if_fail (SIGNET_IS_VIEWS_SIDEBAR (self));

  self->selected = id;
  if (find_view (self, id, &index) != NULL)
    gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, (int) index));
  else
    gtk_list_box_unselect_all (self->list_box);
}
