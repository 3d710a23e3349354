/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-shortcuts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "signet-shortcuts-dialog.h"

struct _SignetShortcutsDialog
{
  AdwDialog           parent_instance;

  AdwPreferencesPage *preferences_page;
};

G_DEFINE_FINAL_TYPE (SignetShortcutsDialog, signet_shortcuts_dialog, ADW_TYPE_DIALOG)

/* The shortcuts in the order shown; an entry without keys starts a group.
 * The keys are those the windows install (signet-window-actions.c,
 * signet-clients-window.c, signet-month-grid.c, signet-pdf-viewer-actions.c,
 * ...). */
static const struct
{
  const char *title;
  const char *accelerator;
} shortcuts[] = {
  { NC_ ("shortcut window", "General"), NULL },
  { NC_ ("shortcut window", "Search"), "<Control>f" },
  { NC_ ("shortcut window", "Filter the list"), "<Control><Shift>f" },
  { NC_ ("shortcut window", "Show or hide the saved views"), "F9" },
  { NC_ ("shortcut window", "Show the list"), "<Control>1" },
  { NC_ ("shortcut window", "Show the calendar"), "<Control>2" },
  { NC_ ("shortcut window", "Show the overview"), "<Control>3" },
  { NC_ ("shortcut window", "People"), "<Control><Shift>p" },
  { NC_ ("shortcut window", "Originals on loan"), "<Control><Shift>l" },
  { NC_ ("shortcut window", "Scorecards"), "<Control><Shift>r" },
  { NC_ ("shortcut window", "Undo the last deletion"), "<Control>z" },
  { NC_ ("shortcut window", "Preferences"), "<Control>comma" },
  { NC_ ("shortcut window", "Keyboard Shortcuts"), "<Control>question" },
  { NC_ ("shortcut window", "Quit"), "<Control>q" },

  { NC_ ("shortcut window", "Contracts"), NULL },
  { NC_ ("shortcut window", "New contract"), "<Control>n" },
  { NC_ ("shortcut window", "Save the contract"), "<Control>s" },
  { NC_ ("shortcut window", "Undo unsaved changes"), "Escape" },
  { NC_ ("shortcut window", "Delete the selected contract (in the list)"), "Delete" },
  { NC_ ("shortcut window", "Print the contract or the list"), "<Control>p" },

  /* The month grid's keys, once it has the focus. */
  { NC_ ("shortcut window", "Calendar"), NULL },
  { NC_ ("shortcut window", "Previous day"), "Left" },
  { NC_ ("shortcut window", "Next day"), "Right" },
  { NC_ ("shortcut window", "Same day last week"), "Up" },
  { NC_ ("shortcut window", "Same day next week"), "Down" },
  { NC_ ("shortcut window", "Same day last month"), "Page_Up" },
  { NC_ ("shortcut window", "Same day next month"), "Page_Down" },
  { NC_ ("shortcut window", "Today"), "Home" },
  { NC_ ("shortcut window", "Open the dates of the day"), "Return" },

  { NC_ ("shortcut window", "Clients Window"), NULL },
  { NC_ ("shortcut window", "New client"), "<Control>n" },
  { NC_ ("shortcut window", "Save the client"), "<Control>s" },
  { NC_ ("shortcut window", "Undo unsaved changes"), "Escape" },
  { NC_ ("shortcut window", "Close the window"), "<Control>w" },

  { NC_ ("shortcut window", "Attached PDFs"), NULL },
  { NC_ ("shortcut window", "Zoom in"), "<Control>plus" },
  { NC_ ("shortcut window", "Zoom out"), "<Control>minus" },
  { NC_ ("shortcut window", "Fit the page width"), "<Control>0" },
  { NC_ ("shortcut window", "Rotate left"), "<Control>Left" },
  { NC_ ("shortcut window", "Rotate right"), "<Control>Right" },
  { NC_ ("shortcut window", "Find in the document"), "<Control>f" },
  { NC_ ("shortcut window", "Next match"), "<Control>g" },
  { NC_ ("shortcut window", "Previous match"), "<Control><Shift>g" },
  { NC_ ("shortcut window", "Copy the selected text"), "<Control>c" },
  { NC_ ("shortcut window", "Show page thumbnails"), "F9" },

  { NC_ ("shortcut window", "Annotations"), NULL },
  { NC_ ("shortcut window", "Highlight the selected text"), "h" },
  { NC_ ("shortcut window", "Underline the selected text"), "u" },
  { NC_ ("shortcut window", "Strike out the selected text"), "s" },
  { NC_ ("shortcut window", "Put a note on a page"), "n" },
  { NC_ ("shortcut window", "Mark a region with a rectangle"), "r" },
  { NC_ ("shortcut window", "Leave the tool"), "Escape" },
  { NC_ ("shortcut window", "Delete the selected annotation"), "Delete" },
  { NC_ ("shortcut window", "Undo deleting an annotation"), "<Control>z" },
  { NC_ ("shortcut window", "Export an annotated copy"), "<Control>e" },
  { NC_ ("shortcut window", "Save the original as"), "<Control><Shift>s" },
  { NC_ ("shortcut window", "Close the window"), "<Control>w" },
};

static GtkWidget *
new_shortcut_row (const char *title,
                  const char *accelerator)
{
  g_autofree char *keys = NULL;
  GdkModifierType modifiers = 0;
  GtkWidget *label;
  GtkWidget *row;
  guint key = 0;

  if (!gtk_accelerator_parse (accelerator, &key, &modifiers))
    g_critical ("“%s” is no accelerator", accelerator);
  keys = gtk_accelerator_get_label (key, modifiers);

  /* "keys": the names GTK gives the keys, in the user's language where it
   * has one (test-translation.c leaves them out). */
  label = gtk_label_new (keys);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "keys");

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* A screen reader reads the keys with the row's title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, keys,
                                  -1);

  return row;
}

static void
signet_shortcuts_dialog_class_init (SignetShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/signet-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SignetShortcutsDialog, preferences_page);
}

static void
signet_shortcuts_dialog_init (SignetShortcutsDialog *self)
{
  AdwPreferencesGroup *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", shortcuts[i].title);

      if (shortcuts[i].accelerator == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          adw_preferences_page_add (self->preferences_page, group);
          continue;
        }

      g_assert (group != NULL);
      adw_preferences_group_add (group, new_shortcut_row (title, shortcuts[i].accelerator));
    }
}

AdwDialog *
signet_shortcuts_dialog_new (void)
{
  return g_object_new (SIGNET_TYPE_SHORTCUTS_DIALOG, NULL);
}
