/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "signet-conflict-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signet-conflict-panel.h"

typedef struct
{
  SignetField      field;
  GtkWidget       *row;
  GtkToggleButton *reload;
  GtkToggleButton *keep;
} Choice;

struct _SignetConflictPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *hint_label;
  GtkListBox *list;

  GArray     *choices;   /* of Choice */
  /* Set while a choice is made for the user, which is no choice of theirs. */
  guint       filling;
};

G_DEFINE_FINAL_TYPE (SignetConflictPanel, signet_conflict_panel, GTK_TYPE_WIDGET)

enum {
  CHOICE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const Choice *
find_choice (SignetConflictPanel *self,
             GtkToggleButton     *button)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      const Choice *choice = &g_array_index (self->choices, Choice, i);

      if (choice->reload == button || choice->keep == button)
        return choice;
    }

  return NULL;
}

static void
toggled_cb (SignetConflictPanel *self,
            GtkToggleButton     *button)
{
  const Choice *choice;

  if (self->filling > 0 || !gtk_toggle_button_get_active (button))
    return;

  choice = find_choice (self, button);
  g_assert (choice != NULL);

  if (signet_conflict_panel_get_resolved (self))
    gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);

  g_signal_emit (self, signals[CHOICE_CHANGED], 0, choice->field, button == choice->keep);
}

static GtkToggleButton *
new_toggle (SignetConflictPanel *self,
            const char          *label)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  g_signal_connect_object (button, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);

  return GTK_TOGGLE_BUTTON (button);
}

static void
signet_conflict_panel_dispose (GObject *object)
{
  SignetConflictPanel *self = SIGNET_CONFLICT_PANEL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (signet_conflict_panel_parent_class)->dispose (object);
}

static void
signet_conflict_panel_finalize (GObject *object)
{
  SignetConflictPanel *self = SIGNET_CONFLICT_PANEL (object);

  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (signet_conflict_panel_parent_class)->finalize (object);
}

static void
signet_conflict_panel_class_init (SignetConflictPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = signet_conflict_panel_dispose;
  object_class->finalize = signet_conflict_panel_finalize;

  signals[CHOICE_CHANGED] =
    g_signal_new ("choice-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
signet_conflict_panel_init (SignetConflictPanel *self)
{
  self->choices = g_array_new (FALSE, FALSE, sizeof (Choice));
}

GtkWidget *
signet_conflict_panel_new (const char *heading)
{
  SignetConflictPanel *self = g_object_new (SIGNET_TYPE_CONFLICT_PANEL, NULL);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *description;
  GtkWidget *hint;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (title_box), icon);
  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (self->box), title_box);

  description = gtk_label_new (_("Someone else saved changes to these fields while you were editing. "
                                 "Your changes are still in the form. For each field, reload the new "
                                 "value or keep yours, then save again."));
  gtk_label_set_xalign (GTK_LABEL (description), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_box_append (GTK_BOX (self->box), description);

  hint = gtk_label_new (_("Fields you changed as well need your choice: Reload or Keep Mine."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "error");
  gtk_widget_set_visible (hint, FALSE);
  self->hint_label = GTK_LABEL (hint);
  gtk_box_append (GTK_BOX (self->box), hint);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  return GTK_WIDGET (self);
}

void
signet_conflict_panel_clear (SignetConflictPanel *self)
{
  g_return_if_fail (SIGNET_IS_CONFLICT_PANEL (self));

  for (guint i = 0; i < self->choices->len; i++)
    gtk_list_box_remove (self->list, g_array_index (self->choices, Choice, i).row);
  g_array_set_size (self->choices, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
signet_conflict_panel_add_field (SignetConflictPanel *self,
                                 SignetField          field,
                                 const char          *theirs,
                                 const char          *mine,
                                 gboolean             edited)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *theirs_line = NULL;
  g_autofree char *mine_line = NULL;
  GtkWidget *buttons;
  Choice choice = { field, NULL, NULL, NULL };

  g_return_if_fail (SIGNET_IS_CONFLICT_PANEL (self));

  /* One line each: the line breaks of notes become spaces. */
  theirs_line = g_strdelimit (g_strdup (theirs != NULL && *theirs != '\0' ? theirs : _("(empty)")), "\r\n\t", ' ');
  mine_line = g_strdelimit (g_strdup (mine != NULL && *mine != '\0' ? mine : _("(empty)")), "\r\n\t", ' ');
  /* A field the user left alone holds what it held when the form was
   * opened: saying so tells it apart from one the user changed too. */
  if (edited)
    /* Translators: a field's value saved elsewhere and the one the user typed. */
    subtitle = g_strdup_printf (_("Now: %s\nYours: %s"), theirs_line, mine_line);
  else
    /* Translators: a field's value saved elsewhere and the one it had when the user opened the form. */
    subtitle = g_strdup_printf (_("Now: %s\nWhen you opened it: %s"), theirs_line, mine_line);

  choice.row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (choice.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice.row), signet_field_to_label (field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (choice.row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (choice.row), 6);

  choice.reload = new_toggle (self, _("Reload"));
  choice.keep = new_toggle (self, _("Keep Mine"));
  gtk_toggle_button_set_group (choice.keep, choice.reload);
  gtk_widget_set_tooltip_text (GTK_WIDGET (choice.reload), _("Take the value saved elsewhere"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (choice.keep), _("Save your value over it"));

  /* One above the other: beside them the values keep room to be read on
   * a phone-wide window too. */
  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (choice.reload));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (choice.keep));
  adw_action_row_add_suffix (ADW_ACTION_ROW (choice.row), buttons);

  /* Nothing of the user's is at stake in a field they left alone. */
  self->filling++;
  gtk_toggle_button_set_active (choice.reload, !edited);
  self->filling--;

  g_array_append_val (self->choices, choice);
  gtk_list_box_append (self->list, choice.row);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

gboolean
signet_conflict_panel_get_resolved (SignetConflictPanel *self)
{
  g_return_val_if_fail (SIGNET_IS_CONFLICT_PANEL (self), FALSE);

  for (guint i = 0; i < self->choices->len; i++)
    {
      const Choice *choice = &g_array_index (self->choices, Choice, i);

      if (!gtk_toggle_button_get_active (choice->reload) && !gtk_toggle_button_get_active (choice->keep))
        return FALSE;
    }

  return TRUE;
}

void
signet_conflict_panel_ask (SignetConflictPanel *self)
{
  g_return_if_fail (SIGNET_IS_CONFLICT_PANEL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);

  for (guint i = 0; i < self->choices->len; i++)
    {
      const Choice *choice = &g_array_index (self->choices, Choice, i);

      if (!gtk_toggle_button_get_active (choice->reload) && !gtk_toggle_button_get_active (choice->keep))
        {
          gtk_widget_grab_focus (GTK_WIDGET (choice->reload));
          return;
        }
    }
}

GtkWidget *
signet_deleted_notice_new (const char *title,
                           const char *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *description_label = gtk_label_new (description);

  gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_box_append (GTK_BOX (title_box), icon);
  gtk_box_append (GTK_BOX (title_box), title_label);
  gtk_box_append (GTK_BOX (box), title_box);

  gtk_label_set_xalign (GTK_LABEL (description_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (description_label), TRUE);
  gtk_box_append (GTK_BOX (box), description_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_visible (box, FALSE);

  return box;
}
